import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { parseCidr } from '../support/cidr.js';
import { memberLabel } from '../support/labels.js';

/** "You can include up to 10 rules (IP address ranges or CIDR blocks) in one input security group." */
const maximumRules = 10;

export default defineRule({
  meta: {
    id: 'security/input-security-group-invalid',
    category: 'security',
    severity: 'error',
    description: 'A MediaLive input security group with more than 10 rules, or a rule that is not an IPv4 CIDR block.',
    details:
      'Checks every `AWS::MediaLive::InputSecurityGroup`: `WhitelistRules` may hold at most 10 rules, and each `Cidr` must be an IPv4 block with a mask (`203.0.113.0/24`). Reports an IPv6 address or block, an address without `/prefix-length`, an octet above 255, a prefix length above 32, and anything else that is not an IPv4 CIDR block. A rule whose value is not known is not checked; a list that may hold unseen items is reported only when its known items alone exceed the limit.',
    rationale:
      'MediaLive rejects the group, so the stack fails and the inputs that depend on it cannot be created or updated: the allowlist of a push input is an IPv4 CIDR list of at most 10 entries. A bare address or an IPv6 range is a common slip when copying an encoder\'s address, and an allowlist that has grown past 10 entries usually needs a second group.',
    messages: {
      tooManyRules: '{{property}} has {{count}} rules; an input security group holds at most 10. Merge adjacent addresses into larger blocks or split the sources across two groups (an input can use several).',
      ipv6: "{{property}} '{{cidr}}' is an IPv6 address or block; input security groups accept only IPv4 CIDR blocks such as 203.0.113.0/24.",
      noMask: "{{property}} '{{cidr}}' has no prefix length; write the block with its mask, for example '{{cidr}}/32' for the single address.",
      malformed: "{{property}} '{{cidr}}' is not an IPv4 CIDR block: {{reason}}; write it as a.b.c.d/n, for example 203.0.113.0/24.",
    },
    appliesTo: ['AWS::MediaLive::InputSecurityGroup'],
    sources: ['ML-004'],
    securitySeverity: 4.0,
    references: [
      { title: 'MediaLive user guide: working with input security groups (up to 10 rules)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/working-with-input-security-groups.html' },
      { title: 'MediaLive API: InputWhitelistRuleCidr ("The IPv4 CIDR to whitelist")', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/inputsecuritygroups.html' },
    ],
  },
  check(context) {
    for (const group of context.resources('AWS::MediaLive::InputSecurityGroup')) {
      const rules = Cursor.root(group).get('whitelist_rules');
      const items = rules.items();
      if (items.length > maximumRules) {
        context.report({ at: rules, target: 'key', messageId: 'tooManyRules', data: { property: memberLabel(rules), count: items.length } });
      }
      for (const rule of items) {
        const cidrCursor = rule.get('cidr');
        const cidr = cidrCursor.string();
        if (cidr === undefined) continue;
        const parsed = parseCidr(cidr);
        const property = memberLabel(cidrCursor);
        // ::/0 is security/input-security-group-open's: the open range is the more urgent message.
        if (parsed.kind === 'ipv6' && parsed.prefixLength !== 0) context.report({ at: cidrCursor, messageId: 'ipv6', data: { property, cidr } });
        else if (parsed.kind === 'ipv4-no-mask') context.report({ at: cidrCursor, messageId: 'noMask', data: { property, cidr } });
        else if (parsed.kind === 'malformed') context.report({ at: cidrCursor, messageId: 'malformed', data: { property, cidr, reason: parsed.reason } });
      }
    }
  },
});
