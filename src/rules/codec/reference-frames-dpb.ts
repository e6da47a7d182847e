import { defineRule } from '../../engine/rule.js';
import { compareLevels, h264FrameSize, h264Level, h264Levels, h264MaxDpbFrames, highestServiceH264Level } from '../support/codec-levels.js';
import { declaredLevel, encodedVideos, encoderTypes, formatCount, formatDimensions, h264LevelReferences, levelEnum, referenceFrames } from '../support/codec.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'codec/reference-frames-dpb',
    category: 'codec',
    severity: 'warning',
    description: 'An H.264 rendition that asks for more reference frames than the decoded picture buffer of its level holds at its resolution.',
    details:
      'For every H.264 rendition with a known width, height and number of reference frames (`NumRefFrames` in MediaLive, `NumberReferenceFrames` in MediaConvert), computes MaxDpbFrames = min(⌊MaxDpbMbs ÷ FS⌋, 16) for the declared level (ITU-T H.264 Table A-1; FS is the frame size in macroblocks) and reports a number of reference frames above it. With `AUTO` (or no level), it compares with level 5.2, the highest the services offer.',
    rationale:
      'The decoded picture buffer of a level is a fixed number of macroblocks, so the larger the picture, the fewer frames it holds: level 4.1 holds 4 frames of 1080p, level 3.1 holds 5 frames of 720p. The standard requires max_num_ref_frames ≤ MaxDpbFrames; an encoder asked for more either clamps the setting silently or writes a stream decoders built for the level cannot hold.',
    messages: {
      dpb: '{{property}} {{frames}} is more than the {{limit}} reference frames that {{level}} holds at {{size}} ({{dpb}} macroblocks of picture buffer, {{frame}} per frame); use {{limit}} or fewer{{alternative}}.',
    },
    appliesTo: encoderTypes,
    references: h264LevelReferences,
    sources: ['CODEC-008'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const { width, height, codec } = video.video;
      if (codec !== 'h264' || width === undefined || height === undefined || width <= 0 || height <= 0) continue;
      const declared = declaredLevel(video);
      const references = referenceFrames(video);
      if (!declared?.level || !references) continue;
      const levelName = declared.level.kind === 'level' ? declared.level.name : highestServiceH264Level;
      const level = h264Level(levelName);
      if (!level) continue;
      const size = h264FrameSize(width, height);
      const limit = h264MaxDpbFrames(level, size);
      if (references.frames <= limit) continue;
      const higher = h264Levels.find(
        (candidate) => compareLevels(candidate.name, level.name) > 0 && compareLevels(candidate.name, highestServiceH264Level) <= 0 && h264MaxDpbFrames(candidate, size) >= references.frames,
      );
      context.report({
        at: references.cursor,
        messageId: 'dpb',
        data: {
          property: memberLabel(references.cursor),
          frames: references.frames,
          limit,
          level: declared.level.kind === 'level' ? levelEnum(video.service, 'h264', level.name) : 'level 5.2',
          size: formatDimensions(width, height),
          dpb: formatCount(level.maxDpbMacroblocks),
          frame: formatCount(size.frameMacroblocks),
          alternative: higher ? `, or ${levelEnum(video.service, 'h264', higher.name)}` : '',
        },
      });
    }
  },
});
