import { defineRule } from '../../engine/rule.js';
import { h264FrameSize, h264FrameSizeFits, h264Level, h264MacroblockRate, highestServiceH264Level } from '../support/codec-levels.js';
import { declaredLevel, encodedVideos, encoderTypes, formatCount, formatDimensions, h264LevelReferences, levelEnum, suggestH264Level } from '../support/codec.js';
import { formatFrameRate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'codec/h264-level-macroblock-rate',
    category: 'codec',
    severity: 'error',
    description: 'An H.264 rendition whose resolution and frame rate exceed the macroblock rate of its declared level.',
    details:
      'For every H.264 rendition with a known width, height and specified frame rate (`FramerateNumerator` / `FramerateDenominator`; a frame rate taken from the source is not known), computes the macroblock processing rate FS × fps and checks it against MaxMBPS of the declared level (ITU-T H.264 Table A-1). With `AUTO` (or no level), it checks against level 5.2, the highest the services offer. A frame too large for the level is left to `codec/h264-level-frame-size`.',
    rationale:
      "MaxMBPS is the decoding speed a level guarantees. 1080p at 60 fps needs twice the macroblock rate of 1080p at 30 fps, so the classic level 4.1 (245,760 macroblocks/s) is not enough: a decoder built for 4.1 may drop frames or refuse the stream. Raising the frame rate of a ladder without raising the level is a common slip.",
    messages: {
      macroblockRate: '{{size}} at {{fps}} is {{rate}} macroblocks/s; {{level}} allows {{limit}}; use {{suggestion}} or {{auto}}.',
      noLevel: '{{size}} at {{fps}} is {{rate}} macroblocks/s, more than the {{limit}} of level 5.2, the highest H.264 level the service offers; lower the frame rate or resolution, or encode HEVC.',
    },
    appliesTo: encoderTypes,
    references: h264LevelReferences,
    sources: ['CODEC-002'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const { width, height, framesPerSecond, codec, settings } = video.video;
      if (codec !== 'h264' || !settings || width === undefined || height === undefined || framesPerSecond === undefined || width <= 0 || height <= 0) continue;
      const declared = declaredLevel(video);
      if (!declared?.level) continue;
      const size = h264FrameSize(width, height);
      const rate = h264MacroblockRate(size, framesPerSecond);
      const data = { size: formatDimensions(width, height), fps: formatFrameRate(framesPerSecond), rate: formatCount(rate) };
      const highest = h264Level(highestServiceH264Level)!;
      if (!h264FrameSizeFits(highest, size)) continue;
      if (rate > highest.maxMacroblocksPerSecond) {
        context.report({ at: settings.get('framerate_numerator'), messageId: 'noLevel', data: { ...data, limit: formatCount(highest.maxMacroblocksPerSecond) } });
        continue;
      }
      if (declared.level.kind !== 'level') continue;
      const level = h264Level(declared.level.name);
      if (!level || !h264FrameSizeFits(level, size) || rate <= level.maxMacroblocksPerSecond) continue;
      const suggestion = suggestH264Level(video, { width, height, framesPerSecond, vclFactor: 1000 }) ?? highest;
      context.report({
        at: declared.cursor,
        messageId: 'macroblockRate',
        data: {
          ...data,
          level: levelEnum(video.service, 'h264', level.name),
          limit: formatCount(level.maxMacroblocksPerSecond),
          suggestion: levelEnum(video.service, 'h264', suggestion.name),
          auto: levelEnum(video.service, 'h264', 'auto'),
        },
      });
    }
  },
});
