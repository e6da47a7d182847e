import { defineRule } from '../../engine/rule.js';
import { encoderTypes } from '../support/codec.js';
import { bitrateCursor, describeRung, ladders, numberOption, rungsByCodec } from '../support/ladder.js';
import { formatBitrate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'ladder/step-ratio',
    category: 'ladder',
    severity: 'info',
    recommended: false,
    description: 'Adjacent ladder rungs whose bit rates are too close together or too far apart.',
    details:
      'For each adaptive-bitrate output group, sorts the renditions of one codec by bit rate (`Bitrate`, or `MaxBitrate` for QVBR) and reports adjacent rungs less than `minRatio` apart (near duplicates) or more than `maxRatio` apart (a gap). A gap is reported only when every rendition of the group is known, since an unknown one could fill it. Identical rungs are left to `ladder/duplicate-rungs`.',
    rationale:
      'ABR players climb and descend the ladder one rung at a time. Rungs closer than about ×1.2 cost encoding and storage without a visible difference; a step of more than ×2 forces a player whose bandwidth sits in the gap down to a much lower quality, and makes switches visible. The retired Apple TN2224 advised "adjacent bit rates should be a factor of 1.5 to 2 apart"; Apple\'s current ladder steps range from ×1.3 to ×2.5 (the lowest step, 145 to 365 kbit/s, is outside the default bounds).',
    messages: {
      tooClose: '{{low}} and {{high}} are adjacent rungs only ×{{ratio}} apart, less than ×{{min}}; merge them or spread them apart.',
      gap: '{{low}} and {{high}} are adjacent rungs ×{{ratio}} apart, more than ×{{max}}; add a rung near {{middle}} so players can step between them.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'Apple HLS authoring specification for Apple devices, 1.25 (recommended ladder)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
      { title: 'Apple Technical Note TN2224 (retired): "Adjacent bit rates should be a factor of 1.5 to 2 apart"', url: 'https://developer.apple.com/library/archive/technotes/tn2224/_index.html' },
    ],
    sources: ['HLS-014'],
    options: {
      minRatio: { description: 'Smallest ratio between the bit rates of adjacent rungs.', default: 1.2 },
      maxRatio: { description: 'Largest ratio between the bit rates of adjacent rungs.', default: 2 },
    },
  },
  check(context) {
    const minRatio = numberOption(context.options, 'minRatio', 1.2);
    const maxRatio = numberOption(context.options, 'maxRatio', 2);
    for (const ladder of ladders(context)) {
      for (const rungs of rungsByCodec(ladder.rungs).values()) {
        const known = rungs.filter((rung) => rung.video.bitrate !== undefined && rung.video.bitrate > 0).sort((a, b) => a.video.bitrate! - b.video.bitrate!);
        const allKnown = ladder.complete && known.length === rungs.length;
        for (let index = 1; index < known.length; index++) {
          const low = known[index - 1]!.video;
          const high = known[index]!.video;
          const at = bitrateCursor(high);
          if (!at) continue;
          const ratio = high.bitrate! / low.bitrate!;
          const data = { low: describeRung(low), high: describeRung(high), ratio: Number(ratio.toFixed(2)) };
          if (ratio < minRatio) {
            const identical = ratio === 1 && low.width === high.width && low.height === high.height;
            if (!identical) context.report({ at, messageId: 'tooClose', data: { ...data, min: minRatio } });
          } else if (ratio > maxRatio && allKnown) {
            context.report({ at, messageId: 'gap', data: { ...data, max: maxRatio, middle: formatBitrate(roundBitrate(Math.sqrt(low.bitrate! * high.bitrate!))) } });
          }
        }
      }
    }
  },
});

/** Rounds a suggested bit rate to two significant digits (3.16 Mbit/s → 3.2 Mbit/s). */
function roundBitrate(bitsPerSecond: number): number {
  const magnitude = 10 ** (Math.floor(Math.log10(bitsPerSecond)) - 1);
  return Math.round(bitsPerSecond / magnitude) * magnitude;
}
