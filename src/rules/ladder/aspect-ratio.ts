import { defineRule } from '../../engine/rule.js';
import { encoderTypes, formatDimensions } from '../support/codec.js';
import { ladders, numberOption, type Rung } from '../support/ladder.js';
import type { VideoRendition } from '../support/video.js';

/** The pixel aspect ratio: written (`ParControl: SPECIFIED` with numerator and denominator), taken from the source, or unknown. */
function pixelAspect(video: VideoRendition): number | 'source' | undefined {
  const settings = video.settings;
  if (!settings) return video.description.get('codec_settings').isMissing ? 'source' : undefined;
  const control = settings.get('par_control');
  const numerator = settings.get('par_numerator');
  const denominator = settings.get('par_denominator');
  const controlValue = control.isMissing ? undefined : control.string();
  if (!control.isMissing && controlValue === undefined) return undefined;
  if (controlValue === 'INITIALIZE_FROM_SOURCE') return 'source';
  if (controlValue === undefined && numerator.isMissing && denominator.isMissing) return 'source';
  const n = numerator.number();
  const d = denominator.number();
  return n !== undefined && d !== undefined && n > 0 && d > 0 ? n / d : undefined;
}

const namedRatios: ReadonlyArray<[number, string]> = [
  [16 / 9, '16:9'],
  [4 / 3, '4:3'],
  [1, '1:1'],
  [9 / 16, '9:16'],
  [3 / 4, '3:4'],
  [21 / 9, '21:9'],
  [1.85, '1.85:1'],
  [2.39, '2.39:1'],
  [2, '2:1'],
];

/** `16:9`, `4:3`, or `1.67:1`. */
function ratioName(ratio: number): string {
  const named = namedRatios.find(([value]) => Math.abs(ratio / value - 1) < 0.01);
  return named ? named[1] : `${ratio.toFixed(2)}:1`;
}

function evenRound(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

export default defineRule({
  meta: {
    id: 'ladder/aspect-ratio',
    category: 'ladder',
    severity: 'warning',
    description: 'Renditions of one ladder with different display aspect ratios.',
    details:
      'For each adaptive-bitrate output group, computes the display aspect ratio of each rendition with a known width and height: width × PAR ÷ height, where the pixel aspect ratio is `ParNumerator / ParDenominator` when written. Renditions whose pixel aspect ratio follows the source are compared with each other by their width ÷ height (the source ratio is common to them); renditions with a written one with each other. A rendition whose ratio differs from that of the largest rendition by more than `tolerance` (relative) is reported, with the height that would match.',
    rationale:
      'Apple\'s HLS authoring specification says "All video variants SHOULD have identical aspect ratios" (1.33). When a player switches between variants of different shapes, the picture jumps between letterboxed, pillarboxed and stretched; some players keep the first variant\'s layout and distort the others. A 4:3 rung in a 16:9 ladder (640×480 instead of 640×360) is the classic slip.',
    messages: {
      mismatch: '{{size}} is {{ratio}}, unlike the {{referenceRatio}} of {{reference}} in the same output group; use {{suggestion}} so every variant has the same aspect ratio.',
    },
    appliesTo: encoderTypes,
    references: [{ title: 'Apple HLS authoring specification for Apple devices, 1.33', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
    sources: ['HLS-013'],
    options: {
      tolerance: { description: 'Relative difference of aspect ratios accepted as rounding (0.02 = 2%).', default: 0.02 },
    },
  },
  check(context) {
    const tolerance = numberOption(context.options, 'tolerance', 0.02);
    for (const ladder of ladders(context)) {
      const classes = new Map<string, Array<{ rung: Rung; width: number; height: number; ratio: number; pixelAspect: number }>>();
      for (const rung of ladder.rungs) {
        const { width, height } = rung.video;
        if (width === undefined || height === undefined || width <= 0 || height <= 0) continue;
        const aspect = pixelAspect(rung.video);
        if (aspect === undefined) continue;
        const key = aspect === 'source' ? 'source' : 'specified';
        const pixel = aspect === 'source' ? 1 : aspect;
        const list = classes.get(key) ?? [];
        list.push({ rung, width, height, ratio: (width * pixel) / height, pixelAspect: pixel });
        classes.set(key, list);
      }
      for (const members of classes.values()) {
        const reference = members.reduce((best, member) => (member.width * member.height > best.width * best.height ? member : best), members[0]!);
        for (const member of members) {
          if (Math.abs(member.ratio / reference.ratio - 1) <= tolerance) continue;
          const { width, height } = member;
          context.report({
            at: member.rung.video.description.get('height'),
            messageId: 'mismatch',
            data: {
              size: formatDimensions(width, height),
              ratio: ratioName(member.ratio),
              referenceRatio: ratioName(reference.ratio),
              reference: formatDimensions(reference.width, reference.height),
              suggestion: formatDimensions(width, evenRound((width * member.pixelAspect) / reference.ratio)),
            },
          });
        }
      }
    }
  },
});
