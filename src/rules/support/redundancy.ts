import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import type { ReferenceValue } from '../../graph/value.js';

/**
 * MediaLive pipeline redundancy seen the way a broadcast engineer reads a channel: its class, the
 * inputs attached to it, and how many entry points (push destinations, pull sources, MediaConnect
 * flows) each input offers. Every function returns undefined unless the answer is certain.
 */

export type ChannelClass = 'STANDARD' | 'SINGLE_PIPELINE';

export type ResolveReference = (reference: ReferenceValue, from: Resource) => Resource | undefined;

/**
 * The channel's class when it is written and known. An absent `ChannelClass` is not guessed: the
 * MediaLive API model documents no default, and Terraform requires the argument.
 */
export function channelClass(channel: Resource): ChannelClass | undefined {
  const value = Cursor.root(channel).get('channel_class').string();
  return value === 'STANDARD' || value === 'SINGLE_PIPELINE' ? value : undefined;
}

/**
 * How many items a list certainly has: it is a closed list and no item is an unknown value (an
 * `Fn::If` item may resolve to `AWS::NoValue` and vanish). Undefined otherwise.
 */
export function certainLength(list: Cursor): number | undefined {
  const value = list.value;
  if (value?.kind !== 'list' || value.open) return undefined;
  if (value.items.some((item) => item.kind === 'unknown')) return undefined;
  return value.items.length;
}

/** Input types MediaLive pulls from live source URLs. */
export const pullInputTypes: ReadonlySet<string> = new Set(['URL_PULL', 'RTMP_PULL']);
/** Input types MediaLive pulls from files (also PULL type inputs with `Sources`). */
export const fileInputTypes: ReadonlySet<string> = new Set(['MP4_FILE', 'TS_FILE']);

/** Where an input type lists its redundant entry points, and what they are called. */
export interface InputEntryPoints {
  member: 'destinations' | 'sources' | 'media_connect_flows';
  apiName: 'Destinations' | 'Sources' | 'MediaConnectFlows';
  noun: 'destination' | 'source URL' | 'MediaConnect flow';
}

/**
 * The member that holds one entry point per pipeline for an input type: two for a standard-class
 * input, one for a single-class input [ML-UG:class-channel-input, ML-API `CreateInput`]. RTP (and
 * the older UDP) and CDI inputs are always standard-class, whatever their `Destinations` say, so
 * only RTMP push inputs are counted by destination.
 */
export function inputEntryPoints(inputType: string): InputEntryPoints | undefined {
  if (inputType === 'RTMP_PUSH') return { member: 'destinations', apiName: 'Destinations', noun: 'destination' };
  if (pullInputTypes.has(inputType) || fileInputTypes.has(inputType)) return { member: 'sources', apiName: 'Sources', noun: 'source URL' };
  if (inputType === 'MEDIACONNECT') return { member: 'media_connect_flows', apiName: 'MediaConnectFlows', noun: 'MediaConnect flow' };
  return undefined;
}

/** One entry of a channel's `InputAttachments`. */
export interface AttachedInput {
  attachment: Cursor;
  /** `InputId` of the attachment. */
  inputId: Cursor;
  /** The input the attachment references, when it is a reference to a resource of the template. */
  input: Resource | undefined;
  /** The input's `Type`, when the input is in the template and its type is known. */
  inputType: string | undefined;
  /** Identity of the attached input for comparisons (see `inputIdentity`). */
  identity: InputIdentity | undefined;
}

/** What an input id designates: a resource of the template (or a dangling reference), or a literal id. */
export interface InputIdentity {
  kind: 'reference' | 'literal';
  key: string;
}

/** The identity of the input an `InputId` / `SecondaryInputId` value designates, when it is certain. */
export function inputIdentity(cursor: Cursor, resolve: ResolveReference): InputIdentity | undefined {
  const reference = cursor.reference();
  if (reference) {
    const target = resolve(reference, cursor.resource);
    return { kind: 'reference', key: target ? target.id : `${cursor.resource.scope.id}#${reference.target}` };
  }
  const literal = cursor.string();
  return literal === undefined ? undefined : { kind: 'literal', key: literal };
}

/** The input a value references, if it is a reference to a MediaLive input of the template. */
export function referencedInput(cursor: Cursor, resolve: ResolveReference): Resource | undefined {
  const target = cursor.referencedResource(resolve);
  return target?.type === 'AWS::MediaLive::Input' ? target : undefined;
}

/** The known `Type` of a MediaLive input. */
export function inputType(input: Resource | undefined): string | undefined {
  return input ? Cursor.root(input).get('type').string() : undefined;
}

/** The channel's input attachments with the inputs they reference. */
export function attachedInputs(channel: Resource, resolve: ResolveReference): AttachedInput[] {
  return Cursor.root(channel)
    .get('input_attachments')
    .items()
    .map((attachment) => {
      const inputId = attachment.get('input_id');
      const input = referencedInput(inputId, resolve);
      return { attachment, inputId, input, inputType: inputType(input), identity: inputIdentity(inputId, resolve) };
    });
}

/** A resource's name for messages: the logical id, `aws_medialive_input.main`. */
export function resourceName(resource: Resource): string {
  return `'${resource.address}'`;
}
