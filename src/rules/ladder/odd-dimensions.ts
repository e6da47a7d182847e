import { defineRule } from '../../engine/rule.js';
import { encodedVideos, encoderTypes } from '../support/codec.js';
import { codecName } from '../support/ladder.js';
import { memberLabel } from '../support/labels.js';

/** MediaConvert codecs whose output is chroma-subsampled horizontally and vertically (4:2:0) or horizontally (4:2:2). */
const subsampledCodecs: ReadonlySet<string> = new Set(['h264', 'h265', 'mpeg2', 'av1', 'vp8', 'vp9', 'prores']);

export default defineRule({
  meta: {
    id: 'ladder/odd-dimensions',
    category: 'ladder',
    severity: 'error',
    description: 'A rendition with an odd width or height.',
    details:
      'Reports an odd `Width` or `Height` of a MediaLive video description (every codec), and of a MediaConvert output or preset encoding H.264, HEVC, MPEG-2, AV1, VP8, VP9 or ProRes.',
    rationale:
      'The MediaLive API states for both `Width` and `Height`: "Must be an even number", and rejects the channel otherwise. For MediaConvert the API does not state it, but these codecs sample colour at half resolution (4:2:0, or 4:2:2 horizontally), so the picture is coded in whole pairs of pixels: H.264 and HEVC can crop only in units of two luma samples (CropUnitX/CropUnitY, SubWidthC/SubHeightC), and an odd size cannot be represented exactly. Depending on the encoder it is rejected, padded or rounded, and the output is not the size the template declares.',
    messages: {
      oddMediaLive: '{{property}} {{value}} is odd; MediaLive requires an even width and height: use {{lower}} or {{upper}}.',
      oddSubsampled: '{{property}} {{value}} is odd; {{codec}} video is coded in whole pairs of pixels (chroma subsampling), so it cannot be exactly {{value}}: use {{lower}} or {{upper}}.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'MediaLive API: VideoDescription (Width, Height: "Must be an even number")', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'ITU-T H.264, 7.4.2.1.1 (frame cropping in units of CropUnitX, CropUnitY)', url: 'https://www.itu.int/rec/T-REC-H.264' },
      { title: 'ITU-T H.265, 7.4.3.2.1 (conformance window in units of SubWidthC, SubHeightC)', url: 'https://www.itu.int/rec/T-REC-H.265' },
    ],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const codec = video.video.codec;
      if (video.service === 'mediaconvert' && (codec === undefined || !subsampledCodecs.has(codec))) continue;
      for (const member of ['width', 'height']) {
        const cursor = video.video.description.get(member);
        const value = cursor.number();
        if (value === undefined || !Number.isInteger(value) || value % 2 === 0) continue;
        const data = { property: memberLabel(cursor), value, lower: value - 1, upper: value + 1 };
        if (video.service === 'medialive') context.report({ at: cursor, messageId: 'oddMediaLive', data });
        else context.report({ at: cursor, messageId: 'oddSubsampled', data: { ...data, codec: codecName(video.video) } });
      }
    }
  },
});

