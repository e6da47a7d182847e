import { defineRule } from '../../engine/rule.js';
import { h264Level, highestServiceH264Level } from '../support/codec-levels.js';
import { declaredLevel, encodedVideos, encoderTypes, h264Factor, h264LevelReferences, h264Profile, h264ProfileLabel, levelEnum, peakBitrate, suggestH264Level } from '../support/codec.js';
import { formatBitrate } from '../support/video.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'codec/h264-level-bitrate',
    category: 'codec',
    severity: 'error',
    description: 'An H.264 rendition whose peak bit rate exceeds the maximum of its declared level and profile.',
    details:
      'For every H.264 rendition whose rate control mode is written, takes the peak bit rate the encoder signals (`Bitrate` for CBR, `MaxBitrate` for QVBR and VBR; for VBR without `MaxBitrate`, the average `Bitrate`, which the peak cannot be below) and checks it against MaxBR × cpbBrVclFactor of the declared level (ITU-T H.264 Tables A-1 and A-2): ×1000 bit/s for Baseline and Main, ×1250 for High, ×3000 for High 10, ×4000 for High 4:2:2. A profile that is not written is judged as High, the most permissive of the services\' defaults. With `AUTO` (or no level), the limit is that of level 5.2.',
    rationale:
      'The level caps the rate at which the decoder\'s coded picture buffer fills. A stream whose HRD bit rate is above the cap is not conformant: hardware decoders size their input buffers by level and may stall or drop data. Level 4.0 allows 25 Mbit/s in High profile but only 20 Mbit/s in Main, so a contribution-quality rendition at level 4.0 is easily over.',
    messages: {
      bitrate: '{{property}} {{bitrate}} is above the {{limit}} that {{level}} allows for {{profile}}; lower it, or use {{suggestion}} or {{auto}}.',
      noLevel: '{{property}} {{bitrate}} is above the {{limit}} that level 5.2, the highest H.264 level the service offers, allows for {{profile}}; lower the bit rate.',
    },
    appliesTo: encoderTypes,
    references: h264LevelReferences,
    sources: ['CODEC-003'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const { width, height, codec, settings } = video.video;
      if (codec !== 'h264' || !settings) continue;
      const declared = declaredLevel(video);
      const profile = h264Profile(video);
      const peak = peakBitrate(settings).lower;
      if (!declared?.level || !profile || profile.profile === undefined || !peak) continue;
      const factor = h264Factor(profile.profile, 'excess')!;
      const highest = h264Level(highestServiceH264Level)!;
      const common = {
        property: memberLabel(peak.cursor),
        bitrate: formatBitrate(peak.bitsPerSecond),
        profile: h264ProfileLabel(profile.profile, 'excess', memberLabel(profile.cursor)),
      };
      if (peak.bitsPerSecond > highest.maxBitrate * factor) {
        context.report({ at: peak.cursor, messageId: 'noLevel', data: { ...common, limit: formatBitrate(highest.maxBitrate * factor) } });
        continue;
      }
      if (declared.level.kind !== 'level') continue;
      const level = h264Level(declared.level.name);
      if (!level || peak.bitsPerSecond <= level.maxBitrate * factor) continue;
      // Only the bit rate matters to this suggestion; one macroblock stands in for an unknown size.
      const specific = { width: width ?? 16, height: height ?? 16, bitrate: peak.bitsPerSecond, vclFactor: factor };
      const suggestion = suggestH264Level(video, specific) ?? highest;
      context.report({
        at: peak.cursor,
        messageId: 'bitrate',
        data: {
          ...common,
          limit: formatBitrate(level.maxBitrate * factor),
          level: levelEnum(video.service, 'h264', level.name),
          suggestion: levelEnum(video.service, 'h264', suggestion.name),
          auto: levelEnum(video.service, 'h264', 'auto'),
        },
      });
    }
  },
});
