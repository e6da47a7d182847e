import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { describeIpv4BlockSize, isWholeInternet, parseCidr } from '../support/cidr.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'security/input-security-group-open',
    category: 'security',
    severity: 'error',
    description: 'A MediaLive input security group rule that admits the whole internet or a very large address range.',
    details:
      'Checks `WhitelistRules[].Cidr` of every `AWS::MediaLive::InputSecurityGroup`. Reports `0.0.0.0/0` (and `::/0`), which lets any host push to the inputs the group protects, and any IPv4 block whose prefix is shorter than `minimumPrefixLength` (default /8, more than 16,777,216 addresses). Malformed, IPv6 and mask-less entries and groups with too many rules are `security/input-security-group-invalid`\'s.',
    rationale:
      'An input security group is the only thing that stands between a public push input (RTMP, RTP, UDP) and the internet: without a narrow allowlist, "any third party can push content to a MediaLive input if they know the input IP address and port", which puts their video on air. Allowing the world defeats the control while looking like it is in place.',
    messages: {
      wholeInternet: "{{property}} '{{cidr}}' admits every address on the internet, so anyone can push a stream into the inputs that use this group; list the contribution encoders' public addresses instead (for example 203.0.113.10/32).",
      tooBroad: "{{property}} '{{cidr}}' admits {{size}} (a /{{prefix}} block, shorter than /{{minimum}}); narrow it to the contribution encoders' public addresses.",
    },
    appliesTo: ['AWS::MediaLive::InputSecurityGroup'],
    sources: ['ML-004'],
    securitySeverity: 8.6,
    options: {
      minimumPrefixLength: { description: 'Shortest IPv4 prefix length accepted in a rule; a shorter prefix (a larger block) is reported.', default: 8 },
    },
    references: [
      { title: 'MediaLive user guide: purpose of input security groups', url: 'https://docs.aws.amazon.com/medialive/latest/ug/purpose-input-security-groups.html' },
      { title: 'MediaLive user guide: working with input security groups', url: 'https://docs.aws.amazon.com/medialive/latest/ug/working-with-input-security-groups.html' },
    ],
  },
  check(context) {
    const minimum = Number(context.options.minimumPrefixLength);
    for (const group of context.resources('AWS::MediaLive::InputSecurityGroup')) {
      for (const rule of Cursor.root(group).get('whitelist_rules').items()) {
        const cidrCursor = rule.get('cidr');
        const cidr = cidrCursor.string();
        if (cidr === undefined) continue;
        const parsed = parseCidr(cidr);
        const property = memberLabel(cidrCursor);
        if (isWholeInternet(parsed)) {
          context.report({ at: cidrCursor, messageId: 'wholeInternet', data: { property, cidr } });
        } else if (parsed.kind === 'ipv4' && parsed.prefixLength < minimum) {
          context.report({
            at: cidrCursor,
            messageId: 'tooBroad',
            data: { property, cidr, size: describeIpv4BlockSize(parsed.prefixLength), prefix: parsed.prefixLength, minimum },
          });
        }
      }
    }
  },
});
