import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { attachedInputs, certainLength, channelClass, resourceName, type AttachedInput } from '../support/redundancy.js';

/** Input types MediaLive documents automatic input failover for [ML-UG:automatic-input-failover]. */
const failoverInputTypes: ReadonlySet<string> = new Set(['RTP_PUSH', 'RTMP_PUSH', 'MEDIACONNECT', 'AWS_CDI']);

export default defineRule({
  meta: {
    id: 'redundancy/no-input-failover',
    category: 'redundancy',
    severity: 'info',
    description: 'A production MediaLive channel with two live inputs of the same type that are not set up as an automatic input failover pair.',
    details:
      "A channel counts as production when it is `STANDARD` (it pays for pipeline redundancy) and has two or more input attachments. The rule reports such a channel when none of its attachments has `AutomaticInputFailoverSettings` although two different attached inputs of the template share a type MediaLive can fail over between (`RTP_PUSH`, `RTMP_PUSH`, `MEDIACONNECT`, `AWS_CDI`): the usual main-and-backup contribution feeds, switched by hand. Channels whose attachments or input types are not known, and channels that attach file or pull inputs for scheduled input switching, are not reported.",
    rationale:
      'Pipeline redundancy protects against a failure inside MediaLive, not against the loss of a contribution feed. With two identical feeds attached as an input failover pair, MediaLive switches to the backup within the configured input-loss threshold; without the pair, the channel keeps encoding the lost feed (black or slate) until an operator switches inputs in the schedule.',
    messages: {
      noFailover: 'This STANDARD channel attaches inputs {{first}} and {{second}} ({{type}}) without automatic input failover; set AutomaticInputFailoverSettings on the attachment of {{first}} with SecondaryInputId naming {{second}}, so that a lost feed fails over automatically.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    references: [
      { title: 'MediaLive user guide: implementing automatic input failover', url: 'https://docs.aws.amazon.com/medialive/latest/ug/automatic-input-failover.html' },
      { title: 'MediaLive user guide: choosing the channel class and input class', url: 'https://docs.aws.amazon.com/medialive/latest/ug/class-channel-input.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      if (channelClass(channel) !== 'STANDARD') continue;
      const count = certainLength(Cursor.root(channel).get('input_attachments'));
      if (count === undefined || count < 2) continue;
      const attachments = attachedInputs(channel, context.resolve);
      if (!attachments.every((attached) => attached.attachment.get('automatic_input_failover_settings').isMissing)) continue;
      const pair = findFailoverCandidates(attachments);
      if (!pair) continue;
      const [first, second, type] = pair;
      const at = attachments.find((attached) => attached.input === first)!.attachment;
      context.report({ at, messageId: 'noFailover', data: { first: resourceName(first), second: resourceName(second), type } });
    }
  },
});

/** The first two distinct attached inputs of one failover-capable type, in attachment order. */
function findFailoverCandidates(attachments: readonly AttachedInput[]): [Resource, Resource, string] | undefined {
  const firstOfType = new Map<string, Resource>();
  for (const attached of attachments) {
    if (!attached.input || attached.inputType === undefined || !failoverInputTypes.has(attached.inputType)) continue;
    const first = firstOfType.get(attached.inputType);
    if (!first) firstOfType.set(attached.inputType, attached.input);
    else if (first !== attached.input) return [first, attached.input, attached.inputType];
  }
  return undefined;
}
