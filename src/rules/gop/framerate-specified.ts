import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'gop/framerate-specified',
    category: 'gop',
    severity: 'error',
    description: 'A MediaLive H.264 encode with FramerateControl SPECIFIED but no FramerateNumerator or FramerateDenominator.',
    details:
      'For every H.264 video description of a MediaLive channel whose `FramerateControl` is `SPECIFIED`, reports a `FramerateNumerator` or `FramerateDenominator` that is absent. (H.265, MPEG-2 and AV1 settings require both members, which `schema/missing-required` checks.)',
    rationale:
      'SPECIFIED means "the output frame rate is FramerateNumerator / FramerateDenominator"; without both numbers MediaLive has no frame rate and rejects the channel. The MediaPackage output group requires a specified frame rate, so this is often met while fixing that requirement halfway.',
    messages: {
      missingBoth: '{{control}} is SPECIFIED but {{numerator}} and {{denominator}} are missing; set both (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps).',
      missingOne: '{{control}} is SPECIFIED but {{missing}} is missing; set {{numerator}} and {{denominator}} together (30000 and 1001 for 29.97 fps).',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-013'],
    references: [
      { title: 'MediaLive API: H264Settings framerateControl, framerateNumerator, framerateDenominator', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'MediaLive user guide: MediaPackage output group, setting the frame rate', url: 'https://docs.aws.amazon.com/medialive/latest/ug/mediapackage-encode-packaging.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const description of Cursor.root(channel).at('encoder_settings', 'video_descriptions').items()) {
        const settings = description.at('codec_settings', 'h264_settings');
        const control = settings.get('framerate_control');
        if (control.string() !== 'SPECIFIED') continue;
        const numerator = spellMember('framerate_numerator', 'FramerateNumerator', channel);
        const denominator = spellMember('framerate_denominator', 'FramerateDenominator', channel);
        const missing = [settings.get('framerate_numerator').isMissing ? numerator : undefined, settings.get('framerate_denominator').isMissing ? denominator : undefined].filter(
          (name): name is string => name !== undefined,
        );
        if (missing.length === 0) continue;
        const data = { control: spellMember('framerate_control', 'FramerateControl', channel), numerator, denominator };
        context.report(missing.length === 2 ? { at: control, messageId: 'missingBoth', data } : { at: control, messageId: 'missingOne', data: { ...data, missing: missing[0]! } });
      }
    }
  },
});
