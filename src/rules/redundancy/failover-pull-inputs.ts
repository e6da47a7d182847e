import { defineRule } from '../../engine/rule.js';
import { attachedInputs, fileInputTypes, inputType, pullInputTypes, referencedInput, resourceName } from '../support/redundancy.js';

export default defineRule({
  meta: {
    id: 'redundancy/failover-pull-inputs',
    category: 'redundancy',
    severity: 'warning',
    description: 'An automatic input failover pair made of pull or file inputs (URL_PULL, RTMP_PULL, MP4_FILE, TS_FILE).',
    details:
      "For every `InputAttachments[]` entry of a MediaLive channel with `AutomaticInputFailoverSettings`, follows `InputId` and `SecondaryInputId` to the inputs of the template and reports a pair whose inputs are both pull inputs (`URL_PULL`, `RTMP_PULL`) or file inputs (`MP4_FILE`, `TS_FILE`). Pairs of different types are `redundancy/failover-pair`'s; inputs of another stack or of unknown type are not checked.",
    rationale:
      'MediaLive documents automatic input failover for push inputs (RTP and RTMP push, MediaConnect, CDI): the upstream system pushes two identical live streams and MediaLive switches when one degrades. A pull or file input is fetched by MediaLive itself; pairing two of them gives no documented failover behaviour, and a file input is not a live source to fail over from. Use push inputs for the pair, or input switching in the schedule.',
    messages: {
      pullPair: 'Automatic input failover pairs {{primary}} and {{secondary}}, both {{type}} inputs; MediaLive implements input failover for push inputs (RTP, RTMP push, MediaConnect, CDI), not pull or file inputs; use push inputs for the pair, or switch inputs with the schedule.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-006'],
    references: [{ title: 'MediaLive user guide: implementing automatic input failover ("two push inputs as an input failover pair")', url: 'https://docs.aws.amazon.com/medialive/latest/ug/automatic-input-failover.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const attached of attachedInputs(channel, context.resolve)) {
        const secondaryCursor = attached.attachment.at('automatic_input_failover_settings', 'secondary_input_id');
        const secondaryInput = referencedInput(secondaryCursor, context.resolve);
        const type = attached.inputType;
        if (!attached.input || !secondaryInput || secondaryInput === attached.input || type === undefined) continue;
        if (inputType(secondaryInput) !== type || !(pullInputTypes.has(type) || fileInputTypes.has(type))) continue;
        context.report({ at: secondaryCursor, messageId: 'pullPair', data: { primary: resourceName(attached.input), secondary: resourceName(secondaryInput), type } });
      }
    }
  },
});
