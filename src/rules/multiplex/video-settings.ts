import { defineRule } from '../../engine/rule.js';
import type { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { programVideoSettings } from '../support/multiplex.js';

/** Present with a value that cannot vanish (an `Fn::If` may resolve to `AWS::NoValue`). */
function certainlySet(cursor: Cursor): boolean {
  return cursor.exists && cursor.value?.kind !== 'unknown';
}

export default defineRule({
  meta: {
    id: 'multiplex/video-settings',
    category: 'multiplex',
    severity: 'error',
    description: 'A MediaLive multiplex program whose video settings set both ConstantBitrate and StatmuxSettings, or a statmux minimum above its maximum.',
    details:
      "Checks `MultiplexProgramSettings.VideoSettings` of every `AWS::MediaLive::Multiplexprogram`: `ConstantBitrate` and `StatmuxSettings` are alternatives and must not both be set, and when `StatmuxSettings.MinimumBitrate` and `MaximumBitrate` are both known the minimum must not exceed the maximum.",
    rationale:
      'A program is either constant bitrate or statistically multiplexed: the MediaLive API states that when ConstantBitrate is defined, StatmuxSettings must be undefined, and rejects the program otherwise. A statmux range whose minimum is above its maximum leaves the multiplexer no bitrate to allocate; the minimum is what the program is guaranteed, so swapping the two by mistake silently starves or over-reserves the transport stream.',
    messages: {
      bothModes: '{{videoSettings}} sets both {{constant}} and {{statmux}}; a program is either constant bitrate or statistically multiplexed; remove one of them.',
      minimumAboveMaximum: '{{minimum}} {{minimumValue}} is above {{maximum}} {{maximumValue}}; the statmux minimum must be at or below the maximum; swap or correct the values.',
    },
    appliesTo: ['AWS::MediaLive::Multiplexprogram'],
    sources: ['ML-022'],
    references: [
      { title: 'MediaLive API: MultiplexVideoSettings ("When this field is defined, StatmuxSettings must be undefined")', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/multiplexes-multiplexid-programs.html' },
      { title: 'MediaLive user guide: setting up a multiplex', url: 'https://docs.aws.amazon.com/medialive/latest/ug/setting-up-multiplex.html' },
    ],
  },
  check(context) {
    for (const program of context.resources('AWS::MediaLive::Multiplexprogram')) {
      const video = programVideoSettings(program);
      const constant = video.get('constant_bitrate');
      const statmux = video.get('statmux_settings');
      if (certainlySet(constant) && certainlySet(statmux)) {
        context.report({
          at: statmux,
          target: 'key',
          messageId: 'bothModes',
          data: {
            videoSettings: spellMember('video_settings', 'VideoSettings', program),
            constant: spellMember('constant_bitrate', 'ConstantBitrate', program),
            statmux: spellMember('statmux_settings', 'StatmuxSettings', program),
          },
        });
      }
      const minimum = statmux.get('minimum_bitrate');
      const minimumValue = minimum.number();
      const maximumValue = statmux.get('maximum_bitrate').number();
      if (minimumValue === undefined || maximumValue === undefined || minimumValue <= maximumValue) continue;
      context.report({
        at: minimum,
        messageId: 'minimumAboveMaximum',
        data: {
          minimum: spellMember('minimum_bitrate', 'MinimumBitrate', program),
          minimumValue,
          maximum: spellMember('maximum_bitrate', 'MaximumBitrate', program),
          maximumValue,
        },
      });
    }
  },
});
