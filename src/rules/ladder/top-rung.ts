import { defineRule } from '../../engine/rule.js';
import { compareLevels, minimumH264Level, minimumHevcLevel } from '../support/codec-levels.js';
import { declaredLevel, encoderTypes, formatDimensions, h264LowerDemand, h264Profile, hevcLowerDemand, hevcProfileTier } from '../support/codec.js';
import { bitrateCursor, describeRung, groupNoun, isBitrateCap, ladderAnchor, ladders, numberOption, type Rung } from '../support/ladder.js';
import { formatBitrate } from '../support/video.js';

/** Why an H.264 rung is certainly above High profile level 4.1, or undefined when it may be within. */
function h264AboveCompatible(rung: Rung): string | undefined {
  const profile = h264Profile(rung)?.profile;
  if (profile === 'high10' || profile === 'high422') return `${profile === 'high10' ? 'High 10' : 'High 4:2:2'} profile`;
  const declared = declaredLevel(rung)?.level;
  if (declared?.kind === 'level') return compareLevels(declared.name, '4.1') > 0 ? `level ${declared.name}` : undefined;
  if (declared?.kind !== 'auto') return undefined;
  const demand = h264LowerDemand(rung);
  const needed = demand ? minimumH264Level(demand) : undefined;
  return needed && compareLevels(needed.name, '4.1') > 0 ? `level ${needed.name}` : undefined;
}

/** Why an HEVC rung is certainly above Main 10 profile, level 4, Main tier. */
function hevcAboveCompatible(rung: Rung): string | undefined {
  const profileTier = hevcProfileTier(rung);
  if (profileTier?.profile === 'main422') return 'a 4:2:2 profile';
  if (profileTier?.tier === 'high') return 'the High tier';
  const declared = declaredLevel(rung)?.level;
  if (declared?.kind === 'level') return compareLevels(declared.name, '4') > 0 ? `level ${declared.name}` : undefined;
  if (declared?.kind !== 'auto') return undefined;
  const demand = hevcLowerDemand(rung);
  const needed = demand ? minimumHevcLevel({ ...demand, tier: 'main' }) : undefined;
  return needed && compareLevels(needed.name, '4') > 0 ? `level ${needed.name}` : undefined;
}

function isUhd(rung: Rung): boolean {
  const { width, height } = rung.video;
  return width !== undefined && height !== undefined && (Math.max(width, height) >= 3840 || Math.min(width, height) >= 2160);
}

export default defineRule({
  meta: {
    id: 'ladder/top-rung',
    category: 'ladder',
    severity: 'warning',
    description: 'An HLS ladder whose every rendition is beyond the limits Apple asks some variants to stay within.',
    details:
      'For each output group that reaches HLS and whose renditions are all known: reports when every H.264 rendition is certainly above High profile level 4.1 (a High 10 or 4:2:2 profile, a declared level above 4.1, or with `AUTO` a resolution, frame rate and bit rate that need more); when every HEVC rendition is certainly above Main 10 profile, level 4, Main tier; and when the ladder has UHD renditions (3840 pixels wide or 2160 high) and all of them are above `uhdMaxBitrate` (15 Mbit/s; a QVBR `MaxBitrate` is a cap, so a QVBR UHD rung counts as possibly within).',
    rationale:
      'Apple\'s HLS authoring specification asks that "for maximum compatibility, some H.264 variants SHOULD be less than or equal to High Profile, Level 4.1" (1.3a), some HEVC variants at or below Main 10, Level 4.0, Main Tier (1.6a), and some UHD variants at or below 15 Mbit/s (1.34). Older and lower-end devices only play variants within these limits; a ladder whose every rung is above them leaves those devices nothing to play.',
    messages: {
      h264: 'No H.264 rendition of this {{group}} is within High profile level 4.1 (the lowest, {{rung}}, uses {{reason}}); add a rendition at or below High profile level 4.1 for maximum compatibility.',
      hevc: 'No HEVC rendition of this {{group}} is within Main 10 profile, level 4, Main tier (the lowest, {{rung}}, uses {{reason}}); add one within those limits for maximum compatibility.',
      uhd: 'Every UHD rendition of this {{group}} is above {{max}} (lowest: {{rung}}); lower one UHD rendition to {{max}} or less for devices and connections with less bandwidth.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'Apple HLS authoring specification for Apple devices, 1.3a, 1.6a and 1.34', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
    sources: ['HLS-001', 'HLS-002'],
    options: {
      uhdMaxBitrate: { description: 'Some UHD rendition must be at or below this bit rate (bit/s).', default: 15000000 },
    },
  },
  check(context) {
    const uhdMax = numberOption(context.options, 'uhdMaxBitrate', 15000000);
    for (const ladder of ladders(context)) {
      if (!ladder.reachesHls || !ladder.complete) continue;
      const group = groupNoun(ladder);
      for (const [codec, above, messageId] of [
        ['h264', h264AboveCompatible, 'h264'],
        ['h265', hevcAboveCompatible, 'hevc'],
      ] as const) {
        const rungs = ladder.rungs.filter((rung) => rung.video.codec === codec);
        if (rungs.length === 0) continue;
        const reasons = rungs.map(above);
        if (reasons.some((reason) => reason === undefined)) continue;
        const lowestIndex = rungs.reduce((low, rung, index) => ((rung.video.bitrate ?? Infinity) < (rungs[low]!.video.bitrate ?? Infinity) ? index : low), 0);
        const lowest = rungs[lowestIndex]!;
        context.report({ at: ladderAnchor(ladder), target: 'key', messageId, data: { group, rung: `${lowest.label}, ${describeRung(lowest.video)}`, reason: reasons[lowestIndex]! } });
      }
      const uhd = ladder.rungs.filter(isUhd);
      // A QVBR rung's MaxBitrate is only a cap: its average may be within the limit.
      if (uhd.length === 0 || uhd.some((rung) => rung.video.bitrate === undefined || isBitrateCap(rung.video) || rung.video.bitrate <= uhdMax)) continue;
      const lowest = uhd.reduce((low, rung) => (rung.video.bitrate! < low.video.bitrate! ? rung : low));
      context.report({
        at: bitrateCursor(lowest.video) ?? ladderAnchor(ladder),
        messageId: 'uhd',
        data: { group, max: formatBitrate(uhdMax), rung: `${lowest.label}, ${formatDimensions(lowest.video.width!, lowest.video.height!)} at ${formatBitrate(lowest.video.bitrate!)}` },
      });
    }
  },
});
