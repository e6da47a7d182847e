/**
 * IP address ranges as written in allowlists: MediaLive input security group rules
 * (`WhitelistRules[].Cidr`, IPv4 CIDR blocks only) and MediaPackage v1 endpoint allowlists
 * (`Whitelist`). Parsing is strict so that a rule never guesses what a malformed entry means.
 */
import { groupDigits } from './format.js';

export type ParsedCidr =
  /** An IPv4 block `a.b.c.d/n`. */
  | { kind: 'ipv4'; prefixLength: number }
  /** An IPv4 address without a mask (`203.0.113.10`). */
  | { kind: 'ipv4-no-mask' }
  /** Something with a colon: an IPv6 address or block; `prefixLength` when a mask is written. */
  | { kind: 'ipv6'; prefixLength: number | undefined }
  /** Anything else, with the reason in words. */
  | { kind: 'malformed'; reason: string };

const ipv4Address = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Problem(address: string): string | undefined {
  const match = ipv4Address.exec(address);
  if (!match) return 'it is not an IPv4 address followed by /prefix-length';
  const octets = match.slice(1).map(Number);
  const large = octets.find((octet) => octet > 255);
  return large === undefined ? undefined : `the octet ${large} is larger than 255`;
}

export function parseCidr(text: string): ParsedCidr {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const mask = slash < 0 ? undefined : trimmed.slice(slash + 1);
  if (address.includes(':')) {
    const prefixLength = mask !== undefined && /^\d{1,3}$/.test(mask) ? Number(mask) : undefined;
    return { kind: 'ipv6', prefixLength };
  }
  const problem = ipv4Problem(address);
  if (problem) return { kind: 'malformed', reason: problem };
  if (mask === undefined) return { kind: 'ipv4-no-mask' };
  if (!/^\d{1,2}$/.test(mask) || Number(mask) > 32) return { kind: 'malformed', reason: `the prefix length '/${mask}' is not a number from 0 to 32` };
  return { kind: 'ipv4', prefixLength: Number(mask) };
}

/** True for a block that admits every address: `0.0.0.0/0`, `::/0`. */
export function isWholeInternet(cidr: ParsedCidr): boolean {
  return (cidr.kind === 'ipv4' || cidr.kind === 'ipv6') && cidr.prefixLength === 0;
}

/** `16,777,216 addresses` for an IPv4 prefix length. */
export function describeIpv4BlockSize(prefixLength: number): string {
  const count = 2 ** (32 - prefixLength);
  return `${groupDigits(count)} addresses`;
}
