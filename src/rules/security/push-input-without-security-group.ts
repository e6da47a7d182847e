import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { memberLabel } from '../support/labels.js';

/** Push inputs with a public endpoint, which an input security group protects unless they sit in a VPC. */
const publicPushTypes: ReadonlySet<string> = new Set(['RTP_PUSH', 'RTMP_PUSH', 'UDP_PUSH']);

export default defineRule({
  meta: {
    id: 'security/push-input-without-security-group',
    category: 'security',
    severity: 'error',
    description: 'A MediaLive push input on a public endpoint (RTP, RTMP or UDP push without a VPC, or an SRT listener) with no input security group.',
    details:
      'Reports an `AWS::MediaLive::Input` whose `Type` is `RTP_PUSH`, `RTMP_PUSH` or `UDP_PUSH` and that has no `Vpc`, or whose `Type` is `SRT_LISTENER`, when `InputSecurityGroups` is absent or an empty list. VPC push inputs, MediaConnect, Elemental Link, CDI and pull inputs do not use input security groups and are not checked.',
    rationale:
      'A push input listens on a public address. MediaLive requires an input security group on it ("When you create a push input, you must attach an input security group"), and without one "any third party can push content to a MediaLive input if they know the input IP address and port". The service rejects the input, and a configuration that relies on defaults elsewhere (a console-created group) is not reproducible.',
    messages: {
      missingGroup: "{{type}} input '{{input}}' has no {{property}}: its public endpoint would accept a stream from anyone. Attach an input security group that lists the contribution encoders' addresses.",
      srtListener: "SRT_LISTENER input '{{input}}' has no {{property}}, which SRT listener inputs require; attach an input security group that lists the addresses of the SRT callers.",
    },
    appliesTo: ['AWS::MediaLive::Input'],
    sources: ['ML-003'],
    securitySeverity: 8.0,
    references: [
      { title: 'MediaLive user guide: purpose of input security groups', url: 'https://docs.aws.amazon.com/medialive/latest/ug/purpose-input-security-groups.html' },
      { title: 'MediaLive user guide: creating an input security group', url: 'https://docs.aws.amazon.com/medialive/latest/ug/create-input-security-groups.html' },
      { title: 'AWS CDK: SrtListenerInputProps (input security groups "Required for SRT listener inputs")', url: 'https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-medialive-alpha.SrtListenerInputProps.html' },
    ],
  },
  check(context) {
    for (const input of context.resources('AWS::MediaLive::Input')) {
      const root = Cursor.root(input);
      const typeCursor = root.get('type');
      const type = typeCursor.string();
      if (type === undefined) continue;
      const needsGroup = type === 'SRT_LISTENER' || (publicPushTypes.has(type) && root.get('vpc').isMissing);
      if (!needsGroup) continue;
      const groups = root.get('input_security_groups');
      const none = groups.isMissing || (groups.value?.kind === 'list' && !groups.value.open && groups.value.items.length === 0);
      if (!none) continue;
      context.report({
        at: typeCursor,
        messageId: type === 'SRT_LISTENER' ? 'srtListener' : 'missingGroup',
        data: type === 'SRT_LISTENER' ? { input: root.get('name').string() ?? input.address, property: memberLabel(groups) } : { type, input: root.get('name').string() ?? input.address, property: memberLabel(groups) },
      });
    }
  },
});
