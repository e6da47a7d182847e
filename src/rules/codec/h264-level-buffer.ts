import { defineRule } from '../../engine/rule.js';
import { h264Level, highestServiceH264Level } from '../support/codec-levels.js';
import { bufferSize, declaredLevel, encodedVideos, encoderTypes, formatBits, h264Factor, h264LevelReferences, h264Profile, h264ProfileLabel, levelEnum, suggestH264Level } from '../support/codec.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'codec/h264-level-buffer',
    category: 'codec',
    severity: 'warning',
    description: 'An H.264 rendition whose HRD buffer is larger than the coded picture buffer of its declared level and profile.',
    details:
      'For every H.264 rendition with a known HRD buffer size (`BufSize` in MediaLive, `HrdBufferSize` in MediaConvert), checks it against MaxCPB × cpbBrVclFactor of the declared level (ITU-T H.264 Tables A-1 and A-2): ×1000 bits for Baseline and Main, ×1250 for High, ×3000 for High 10, ×4000 for High 4:2:2. A profile that is not written is judged as High, the most permissive of the services\' defaults. With `AUTO` (or no level), the limit is that of level 5.2.',
    rationale:
      'A decoder conforming to a level provides exactly MaxCPB of input buffer. A stream modelled on a larger buffer can deliver bursts the decoder has no room for, which shows up as stalls or dropped frames on hardware players. The usual cause is a buffer set to a multiple of the bit rate (2× or 3×) without checking the level: at level 3.1, 14 Mbit is the ceiling in Main profile.',
    messages: {
      buffer: '{{property}} {{buffer}} is larger than the {{limit}} coded picture buffer that {{level}} allows for {{profile}}; use at most {{limit}}, or {{suggestion}} or {{auto}}.',
      noLevel: '{{property}} {{buffer}} is larger than the {{limit}} coded picture buffer of level 5.2, the highest H.264 level the service offers, for {{profile}}; use at most {{limit}}.',
    },
    appliesTo: encoderTypes,
    references: h264LevelReferences,
    sources: ['CODEC-003'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const { width, height, codec } = video.video;
      if (codec !== 'h264') continue;
      const declared = declaredLevel(video);
      const profile = h264Profile(video);
      const buffer = bufferSize(video);
      if (!declared?.level || !profile || profile.profile === undefined || !buffer) continue;
      const factor = h264Factor(profile.profile, 'excess')!;
      const highest = h264Level(highestServiceH264Level)!;
      const common = { property: memberLabel(buffer.cursor), buffer: formatBits(buffer.bits), profile: h264ProfileLabel(profile.profile, 'excess', memberLabel(profile.cursor)) };
      if (buffer.bits > highest.maxCpb * factor) {
        context.report({ at: buffer.cursor, messageId: 'noLevel', data: { ...common, limit: formatBits(highest.maxCpb * factor) } });
        continue;
      }
      if (declared.level.kind !== 'level') continue;
      const level = h264Level(declared.level.name);
      if (!level || buffer.bits <= level.maxCpb * factor) continue;
      // Only the buffer matters to this suggestion; one macroblock stands in for an unknown size.
      const suggestion = suggestH264Level(video, { width: width ?? 16, height: height ?? 16, bufferBits: buffer.bits, vclFactor: factor }) ?? highest;
      context.report({
        at: buffer.cursor,
        messageId: 'buffer',
        data: {
          ...common,
          limit: formatBits(level.maxCpb * factor),
          level: levelEnum(video.service, 'h264', level.name),
          suggestion: levelEnum(video.service, 'h264', suggestion.name),
          auto: levelEnum(video.service, 'h264', 'auto'),
        },
      });
    }
  },
});
