import { defineRule } from '../../engine/rule.js';
import { encodedVideos, encoderTypes, h264Profile } from '../support/codec.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'codec/cabac-with-baseline',
    category: 'codec',
    severity: 'error',
    description: 'CABAC entropy coding requested for an H.264 rendition in the Baseline profile.',
    details:
      'Reports an H.264 rendition (MediaLive video description, MediaConvert output or preset) whose `EntropyEncoding` is `CABAC` while its profile (`Profile` in MediaLive, `CodecProfile` in MediaConvert) is `BASELINE`.',
    rationale:
      'The Baseline profile of H.264 has no CABAC: only CAVLC entropy coding. Both services document it ("Use cabac (must be in Main or High profile) or cavlc"). The combination is rejected, or the encoder silently drops one of the two settings, and the output is not what the template says.',
    messages: {
      cabacBaseline: '{{entropy}} CABAC is not available in the Baseline profile ({{profile}} BASELINE); use CAVLC, or {{profile}} MAIN or HIGH.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'ITU-T H.264, A.2.1 Baseline profile (entropy_coding_mode_flag equal to 0)', url: 'https://www.itu.int/rec/T-REC-H.264' },
      { title: 'MediaLive API: H264Settings.EntropyEncoding', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'MediaConvert API: H264Settings.EntropyEncoding', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
    ],
    sources: ['CODEC-007'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const settings = video.video.settings;
      if (video.video.codec !== 'h264' || !settings) continue;
      const entropy = settings.get('entropy_encoding');
      const profile = h264Profile(video);
      if (entropy.string() !== 'CABAC' || profile?.profile !== 'baseline') continue;
      context.report({ at: entropy, messageId: 'cabacBaseline', data: { entropy: memberLabel(entropy), profile: memberLabel(profile.cursor) } });
    }
  },
});
