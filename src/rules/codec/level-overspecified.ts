import { defineRule } from '../../engine/rule.js';
import { compareLevels, minimumH264Level, minimumHevcLevel } from '../support/codec-levels.js';
import {
  declaredLevel,
  encodedVideos,
  encoderTypes,
  formatDimensions,
  h264LevelReferences,
  h264UpperDemand,
  hevcFactor,
  hevcLevelReferences,
  hevcProfileTier,
  levelEnum,
  peakBitrate,
  type EncodedVideo,
} from '../support/codec.js';
import { formatBitrate, formatFrameRate } from '../support/video.js';

/** The lowest HEVC level that holds the rendition at its most demanding, when everything that decides it is known. */
function minimumHevcLevelFor(video: EncodedVideo): string | undefined {
  const { width, height, framesPerSecond, settings } = video.video;
  if (width === undefined || height === undefined || framesPerSecond === undefined || !settings) return undefined;
  const profileTier = hevcProfileTier(video);
  const peak = peakBitrate(settings).upper;
  const factor = hevcFactor(profileTier?.profile);
  if (!profileTier || profileTier.tier === undefined || factor === undefined || !peak) return undefined;
  const tier = profileTier.tier === 'missing' ? 'main' : profileTier.tier;
  return minimumHevcLevel({ width, height, framesPerSecond, bitrate: peak.bitsPerSecond, tier, vclFactor: factor })?.name;
}

export default defineRule({
  meta: {
    id: 'codec/level-overspecified',
    category: 'codec',
    severity: 'info',
    recommended: false,
    description: 'An H.264 or HEVC rendition that declares a higher level than its resolution, frame rate and bit rate need.',
    details:
      'For every H.264 and H.265 rendition with a declared level and a known width, height, specified frame rate, profile and peak bit rate (`Bitrate` for CBR, `MaxBitrate` for VBR and QVBR), computes the lowest level whose limits hold it (the same computation as FFmpeg\'s `ff_h264_guess_level` / `ff_h265_guess_level`: frame size, macroblock or luma sample rate, bit rate, and for H.264 the HRD buffer and reference frames when they are written) and reports a declared level above it. When the profile or tier is not written, the stricter Main profile and Main tier are assumed, so the level reported as enough is enough whatever the default.',
    rationale:
      'Apple\'s HLS authoring specification asks that content "SHOULD NOT use a higher level than required" (1.11): a device that decodes level 4.0 but not 4.2 skips a variant labelled 4.2 even when the stream would play. Declaring the lowest sufficient level, or letting the encoder choose with AUTO, keeps every rendition available to the widest set of devices.',
    messages: {
      overspecified: '{{level}} is higher than {{content}} needs (level {{minimum}}); use {{suggestion}} or {{auto}} so devices limited to level {{minimum}} can play it.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'Apple HLS authoring specification for Apple devices, 1.11', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
      ...h264LevelReferences,
      ...hevcLevelReferences.slice(0, 2),
    ],
    sources: ['CODEC-006'],
  },
  check(context) {
    for (const video of encodedVideos(context)) {
      const { codec, width, height, framesPerSecond, settings } = video.video;
      if ((codec !== 'h264' && codec !== 'h265') || !settings || width === undefined || height === undefined || framesPerSecond === undefined) continue;
      const declared = declaredLevel(video);
      if (declared?.level?.kind !== 'level') continue;
      let minimum: string | undefined;
      if (codec === 'h264') {
        const demand = h264UpperDemand(video);
        minimum = demand ? minimumH264Level(demand)?.name : undefined;
      } else {
        minimum = minimumHevcLevelFor(video);
      }
      if (minimum === undefined || compareLevels(declared.level.name, minimum) <= 0) continue;
      const peak = peakBitrate(settings).upper!;
      context.report({
        at: declared.cursor,
        messageId: 'overspecified',
        data: {
          level: levelEnum(video.service, codec, declared.level.name),
          content: `${formatDimensions(width, height)} at ${formatFrameRate(framesPerSecond)} and ${formatBitrate(peak.bitsPerSecond)}`,
          minimum,
          suggestion: levelEnum(video.service, codec, minimum),
          auto: levelEnum(video.service, codec, 'auto'),
        },
      });
    }
  },
});
