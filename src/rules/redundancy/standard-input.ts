import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { attachedInputs, certainLength, channelClass, inputEntryPoints, resourceName } from '../support/redundancy.js';

export default defineRule({
  meta: {
    id: 'redundancy/standard-input',
    category: 'redundancy',
    severity: 'error',
    description: 'A STANDARD MediaLive channel attached to a single-class input (one destination, source URL or MediaConnect flow).',
    details:
      "Follows every `InputAttachments[].InputId` of a `STANDARD` MediaLive channel to the `AWS::MediaLive::Input` of the same template and counts the input's entry points: `Destinations` of an `RTMP_PUSH` input, `Sources` of a pull or file input (`URL_PULL`, `RTMP_PULL`, `MP4_FILE`, `TS_FILE`), `MediaConnectFlows` of a `MEDIACONNECT` input. An input with fewer than two is a single-class input, which a standard channel cannot use. RTP and CDI inputs are always standard-class and are not counted. Inputs defined in another stack, inputs of unknown type and lists the tool cannot count are not checked.",
    rationale:
      'A standard channel has two pipelines, and each takes its content from its own entry point of the input; all inputs of a standard channel must be standard-class. MediaLive refuses to attach a single-class input to a standard channel, so the mistake surfaces only when the stack is deployed, often in the change that upgrades a channel from single-pipeline to standard.',
    messages: {
      singleClassInput: "Input {{input}} ({{type}}) has {{count}} {{noun}}, so it is a single-class input, but this channel is STANDARD and needs standard-class inputs with 2, one per pipeline; add a second {{noun}} to the input's {{property}}.",
      noEntryPoints: "Input {{input}} ({{type}}) has no {{property}}, but this STANDARD channel needs 2 {{noun}}s, one per pipeline; add them to the input.",
    },
    appliesTo: ['AWS::MediaLive::Channel', 'AWS::MediaLive::Input'],
    sources: ['ML-002'],
    references: [
      { title: 'MediaLive user guide: choosing the channel class and input class', url: 'https://docs.aws.amazon.com/medialive/latest/ug/class-channel-input.html' },
      { title: 'MediaLive API: CreateInput (Destinations, Sources, MediaConnectFlows)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/inputs.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      if (channelClass(channel) !== 'STANDARD') continue;
      for (const attached of attachedInputs(channel, context.resolve)) {
        if (!attached.input || attached.inputType === undefined) continue;
        const entryPoints = inputEntryPoints(attached.inputType);
        if (!entryPoints) continue;
        const list = Cursor.root(attached.input).get(entryPoints.member);
        const count = list.isMissing ? 0 : certainLength(list);
        if (count === undefined || count >= 2) continue;
        const data = {
          input: resourceName(attached.input),
          type: attached.inputType,
          count,
          noun: entryPoints.noun,
          property: spellMember(entryPoints.member, entryPoints.apiName, attached.input),
        };
        context.report({
          at: attached.inputId,
          messageId: count === 0 ? 'noEntryPoints' : 'singleClassInput',
          data,
          related: list.exists ? [{ message: `the input's ${data.property}`, span: list.span() }] : [],
        });
      }
    }
  },
});
