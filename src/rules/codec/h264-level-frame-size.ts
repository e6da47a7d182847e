import { defineRule } from '../../engine/rule.js';
import { h264FrameSize, h264FrameSizeFits, h264Level, h264MaxSideMacroblocks, highestServiceH264Level } from '../support/codec-levels.js';
import { declaredLevel, encodedVideos, encoderTypes, formatCount, formatDimensions, h264LevelReferences, levelEnum, suggestH264Level } from '../support/codec.js';

export default defineRule({
  meta: {
    id: 'codec/h264-level-frame-size',
    category: 'codec',
    severity: 'error',
    description: 'An H.264 rendition whose frame is larger than its declared level allows.',
    details:
      'For every H.264 rendition (MediaLive video description, MediaConvert output or preset) with a known width and height, computes the frame size in 16×16 macroblocks, FS = ⌈width/16⌉ × ⌈height/16⌉, and checks it against the declared level (`Level` in MediaLive, `CodecLevel` in MediaConvert): FS must not exceed MaxFS of ITU-T H.264 Table A-1, and neither side may exceed √(8 × MaxFS) macroblocks. With `AUTO` (or no level), it checks against level 5.2, the highest the services offer.',
    rationale:
      'A level is a promise to decoders: a device that supports level 3.1 allocates memory for 3,600 macroblocks per frame and may refuse, or fail to decode, a larger picture. An encoder either rejects the combination or writes a stream whose level signalling is false, which players on constrained devices (set-top boxes, older phones, smart TVs) reject.',
    messages: {
      frameSize: '{{size}} is {{frame}} macroblocks per frame; {{level}} allows {{limit}}; use {{suggestion}} or {{auto}}.',
      side: '{{size}} is {{side}} macroblocks {{direction}}; {{level}} allows at most {{limit}} (√(8 × {{maxFrame}})); use {{suggestion}} or {{auto}}.',
      noLevel: '{{size}} is {{frame}} macroblocks per frame, more than the {{limit}} of level 5.2, the highest H.264 level the service offers; lower the resolution or encode HEVC.',
    },
    appliesTo: encoderTypes,
    references: h264LevelReferences,
    sources: ['CODEC-001'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const { width, height, codec } = video.video;
      if (codec !== 'h264' || width === undefined || height === undefined || width <= 0 || height <= 0) continue;
      const declared = declaredLevel(video);
      if (!declared?.level) continue;
      const size = h264FrameSize(width, height);
      const dimensions = formatDimensions(width, height);
      const highest = h264Level(highestServiceH264Level)!;
      if (!h264FrameSizeFits(highest, size)) {
        context.report({
          at: video.video.description.get('width'),
          messageId: 'noLevel',
          data: { size: dimensions, frame: formatCount(size.frameMacroblocks), limit: formatCount(highest.maxFrameMacroblocks) },
        });
        continue;
      }
      if (declared.level.kind !== 'level') continue;
      const level = h264Level(declared.level.name);
      if (!level || h264FrameSizeFits(level, size)) continue;
      const suggestion = suggestH264Level(video, { width, height, vclFactor: 1000 }) ?? highest;
      const common = {
        size: dimensions,
        level: levelEnum(video.service, 'h264', level.name),
        suggestion: levelEnum(video.service, 'h264', suggestion.name),
        auto: levelEnum(video.service, 'h264', 'auto'),
      };
      if (size.frameMacroblocks > level.maxFrameMacroblocks) {
        context.report({ at: declared.cursor, messageId: 'frameSize', data: { ...common, frame: formatCount(size.frameMacroblocks), limit: formatCount(level.maxFrameMacroblocks) } });
      } else {
        const wide = size.widthMacroblocks >= size.heightMacroblocks;
        context.report({
          at: declared.cursor,
          messageId: 'side',
          data: {
            ...common,
            side: wide ? size.widthMacroblocks : size.heightMacroblocks,
            direction: wide ? 'wide' : 'high',
            limit: h264MaxSideMacroblocks(level),
            maxFrame: formatCount(level.maxFrameMacroblocks),
          },
        });
      }
    }
  },
});
