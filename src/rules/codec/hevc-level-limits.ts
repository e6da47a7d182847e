import { defineRule } from '../../engine/rule.js';
import { hevcLevel, hevcLevels, hevcMaxBitrate, hevcPictureSizeFits, hevcProfileNames, type HevcDemand, type HevcLevel } from '../support/codec-levels.js';
import { declaredLevel, encodedVideos, encoderTypes, formatCount, formatDimensions, hevcFactor, hevcLevelReferences, hevcProfileTier, hevcTierAt, levelEnum, peakBitrate, suggestHevcLevel } from '../support/codec.js';
import { formatBitrate, formatFrameRate } from '../support/video.js';
import { memberLabel } from '../support/labels.js';

const highestHevcLevel: HevcLevel = hevcLevels[hevcLevels.length - 1]!;

export default defineRule({
  meta: {
    id: 'codec/hevc-level-limits',
    category: 'codec',
    severity: 'error',
    description: 'An HEVC rendition whose picture size, luma sample rate or peak bit rate exceeds its declared level and tier.',
    details:
      'For every H.265 rendition with a declared level (`Level` in MediaLive, `CodecLevel` in MediaConvert), checks against the general tier and level limits of ITU-T H.265 Annex A: the picture size width × height against MaxLumaPs, each side against √(8 × MaxLumaPs), the luma sample rate width × height × fps against MaxLumaSr (when the frame rate is specified), and the peak bit rate (`Bitrate` for CBR, `MaxBitrate` for QVBR and VBR) against MaxBR × CpbVclFactor of the tier (×1000 for Main and Main 10, ×1667 for 4:2:2). The tier is MediaLive `Tier` or the suffix of MediaConvert `CodecProfile`; a tier that is not written is judged as High, which allows more. A High tier below level 4, where it does not exist, is left to `codec/hevc-high-tier-below-level-4`.',
    rationale:
      'As for H.264, an HEVC level is the decoder capability a stream claims. A 1080p60 stream at level 4 needs 125 million luma samples per second where the level guarantees 67 million; a Main-tier level 4.1 stream is capped at 20 Mbit/s. Devices check the level in the sample description and refuse streams above their capability, or fail to decode them in real time.',
    messages: {
      pictureSize: '{{size}} is {{samples}} luma samples per picture; {{level}} allows {{limit}}; use {{suggestion}} or {{auto}}.',
      side: '{{size}} has a side of {{side}} samples; {{level}} allows at most {{limit}} (√(8 × {{maxPicture}})); use {{suggestion}} or {{auto}}.',
      sampleRate: '{{size}} at {{fps}} is {{rate}} luma samples/s; {{level}} allows {{limit}}; use {{suggestion}} or {{auto}}.',
      bitrate: '{{property}} {{bitrate}} is above the {{limit}} that {{level}} allows in the {{tier}} for {{profile}}; lower it, or use {{suggestion}} or {{auto}}.',
    },
    appliesTo: encoderTypes,
    references: hevcLevelReferences,
    sources: ['CODEC-004'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const { width, height, framesPerSecond, codec, settings } = video.video;
      if (codec !== 'h265' || !settings) continue;
      const declared = declaredLevel(video);
      if (declared?.level?.kind !== 'level') continue;
      const level = hevcLevel(declared.level.name);
      if (!level) continue;
      const levelName = levelEnum(video.service, 'h265', level.name);
      const auto = levelEnum(video.service, 'h265', 'auto');
      const profileTier = hevcProfileTier(video);
      const suggest = (demand: HevcDemand) => levelEnum(video.service, 'h265', (suggestHevcLevel(video, demand) ?? highestHevcLevel).name);

      if (width !== undefined && height !== undefined && width > 0 && height > 0) {
        const size = formatDimensions(width, height);
        const tier = profileTier?.tier === 'main' || profileTier?.tier === 'high' ? profileTier.tier : 'main';
        if (!hevcPictureSizeFits(level, width, height)) {
          const suggestion = suggest({ width, height, tier, vclFactor: 1000 });
          if (width * height > level.maxLumaPictureSize) {
            context.report({ at: declared.cursor, messageId: 'pictureSize', data: { size, samples: formatCount(width * height), level: levelName, limit: formatCount(level.maxLumaPictureSize), suggestion, auto } });
          } else {
            context.report({
              at: declared.cursor,
              messageId: 'side',
              data: { size, side: Math.max(width, height), level: levelName, limit: Math.floor(Math.sqrt(8 * level.maxLumaPictureSize)), maxPicture: formatCount(level.maxLumaPictureSize), suggestion, auto },
            });
          }
        } else if (framesPerSecond !== undefined && width * height * framesPerSecond > level.maxLumaSampleRate + 1e-6) {
          context.report({
            at: declared.cursor,
            messageId: 'sampleRate',
            data: {
              size,
              fps: formatFrameRate(framesPerSecond),
              rate: formatCount(width * height * framesPerSecond),
              level: levelName,
              limit: formatCount(level.maxLumaSampleRate),
              suggestion: suggest({ width, height, framesPerSecond, tier, vclFactor: 1000 }),
              auto,
            },
          });
        }
      }

      const peak = peakBitrate(settings).lower;
      const factor = hevcFactor(profileTier?.profile);
      if (!profileTier || !peak || factor === undefined || profileTier.tier === undefined || profileTier.profile === undefined) continue;
      const tier = hevcTierAt(profileTier.tier, level, 'excess');
      const maxBitrate = tier === undefined ? undefined : hevcMaxBitrate(level, tier);
      if (tier === undefined || maxBitrate === undefined || peak.bitsPerSecond <= maxBitrate * factor) continue;
      const profileName = profileTier.profile === 'missing' ? `Main profile (${memberLabel(profileTier.profileCursor)} not set)` : `${hevcProfileNames[profileTier.profile]} profile`;
      context.report({
        at: peak.cursor,
        messageId: 'bitrate',
        data: {
          property: memberLabel(peak.cursor),
          bitrate: formatBitrate(peak.bitsPerSecond),
          limit: formatBitrate(maxBitrate * factor),
          level: levelName,
          tier: `${tier === 'high' ? 'High' : 'Main'} tier${profileTier.tier === 'missing' ? ` (${memberLabel(profileTier.tierCursor)} not set)` : ''}`,
          profile: profileName,
          suggestion: suggest({ width: width ?? 8, height: height ?? 8, bitrate: peak.bitsPerSecond, tier, vclFactor: factor }),
          auto,
        },
      });
    }
  },
});
