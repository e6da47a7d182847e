import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { mediaLiveOutputGroups } from '../support/medialive.js';
import { spellMember } from '../support/spelling.js';
import { attachedInputs, certainLength, resourceName } from '../support/redundancy.js';

/** Input types a multiplex channel may use [ML-UG:mpts-limits]. */
const multiplexInputTypes: ReadonlySet<string> = new Set(['MP4_FILE', 'MEDIACONNECT']);
const maximumWidth = 1920;
const maximumHeight = 1080;

/** True when the channel feeds a multiplex: a destination with MultiplexSettings or a multiplex output group. */
function feedsMultiplex(channel: Resource): boolean {
  const root = Cursor.root(channel);
  if (root.get('destinations').items().some((destination) => destination.get('multiplex_settings').value?.kind === 'object')) return true;
  return mediaLiveOutputGroups(channel).some((group) => group.kind === 'multiplex');
}

export default defineRule({
  meta: {
    id: 'multiplex/channel-shape',
    category: 'multiplex',
    severity: 'error',
    description: 'A MediaLive channel feeding a multiplex that is not STANDARD, uses other inputs than MP4 or MediaConnect, has more than one output group or output, or encodes video above 1920×1080.',
    details:
      "For every MediaLive channel that feeds a multiplex (a destination with `MultiplexSettings`, or a multiplex output group), checks the limits MediaLive sets on multiplex channels: `ChannelClass` must be `STANDARD`; attached inputs of the template must be `MP4_FILE` or `MEDIACONNECT`; the channel has exactly one output group, with one output; every video description is at most 1920 pixels wide and 1080 high. Codec settings of multiplex channels (rate control, buffer, GOP, frame rate) are left to the codec rules. Values the tool cannot resolve are not checked.",
    rationale:
      'A multiplex runs two pipelines and takes each program from a channel built for it: MediaLive rejects a multiplex channel that is single-pipeline, takes another kind of input, carries more than its single multiplex output, or encodes above HD, when the channel is created or the program is started.',
    messages: {
      notStandard: '{{property}} {{value}}: a channel that feeds a multiplex must be STANDARD, because the multiplex has two pipelines; set it to STANDARD.',
      inputType: 'Input {{input}} is {{type}}, but a channel that feeds a multiplex takes only MP4_FILE or MEDIACONNECT inputs; deliver the source through MediaConnect.',
      outputGroups: '{{property}} lists {{count}} output groups, but a channel that feeds a multiplex has exactly one, the multiplex output group; move the other outputs to another channel.',
      outputs: '{{property}} of the multiplex output group lists {{count}} outputs, but it takes exactly one; remove the others.',
      resolution: '{{property}} {{value}} is above the {{limit}} pixels a multiplex channel can encode (1920×1080 at most); scale the video down.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-023'],
    references: [
      { title: 'MediaLive user guide: limits of multiplex channels', url: 'https://docs.aws.amazon.com/medialive/latest/ug/mpts-limits.html' },
      { title: 'MediaLive user guide: setting up a multiplex', url: 'https://docs.aws.amazon.com/medialive/latest/ug/setting-up-multiplex.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      if (!feedsMultiplex(channel)) continue;
      const root = Cursor.root(channel);
      const channelClass = root.get('channel_class');
      const classValue = channelClass.string();
      if (classValue !== undefined && classValue !== 'STANDARD') {
        context.report({ at: channelClass, messageId: 'notStandard', data: { property: spellMember('channel_class', 'ChannelClass', channel), value: classValue } });
      }
      for (const attached of attachedInputs(channel, context.resolve)) {
        if (!attached.input || attached.inputType === undefined || multiplexInputTypes.has(attached.inputType)) continue;
        context.report({ at: attached.inputId, messageId: 'inputType', data: { input: resourceName(attached.input), type: attached.inputType } });
      }
      const outputGroups = root.at('encoder_settings', 'output_groups');
      const groupCount = certainLength(outputGroups);
      if (groupCount !== undefined && groupCount > 1) {
        context.report({ at: outputGroups, messageId: 'outputGroups', data: { property: spellMember('output_groups', 'OutputGroups', channel), count: groupCount } });
      }
      for (const group of mediaLiveOutputGroups(channel)) {
        if (group.kind !== 'multiplex') continue;
        const outputs = group.group.get('outputs');
        const outputCount = certainLength(outputs);
        if (outputCount !== undefined && outputCount > 1) {
          context.report({ at: outputs, messageId: 'outputs', data: { property: spellMember('outputs', 'Outputs', channel), count: outputCount } });
        }
      }
      for (const description of root.at('encoder_settings', 'video_descriptions').items()) {
        for (const [member, apiName, limit] of [['width', 'Width', maximumWidth], ['height', 'Height', maximumHeight]] as const) {
          const cursor = description.get(member);
          const value = cursor.number();
          if (value === undefined || value <= limit) continue;
          context.report({ at: cursor, messageId: 'resolution', data: { property: spellMember(member, apiName, channel), value, limit } });
        }
      }
    }
  },
});
