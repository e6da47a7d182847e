import { defineRule } from '../../engine/rule.js';
import { encoderTypes, formatDimensions } from '../support/codec.js';
import { codecName, groupNoun, ladderAnchor, ladders, pixelCount, rungsByCodec } from '../support/ladder.js';
import { formatBitrate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'ladder/two-top-variants',
    category: 'ladder',
    severity: 'info',
    recommended: false,
    description: 'An HD HLS ladder with a single rendition at its highest resolution.',
    details:
      'For each output group that reaches HLS and whose renditions are all known, takes the renditions of each codec; when all their resolutions are known and the highest is HD (its shorter side at least 720 pixels), reports a ladder with only one rendition at that resolution.',
    rationale:
      'Apple\'s HLS authoring specification says "For HD content there SHOULD be at least two variants at the highest available resolution" (9.10), as in its own ladder (1080p at 6 and 7.8 Mbit/s). With a single top variant, a viewer whose bandwidth falls slightly below it drops a whole resolution step; a second, cheaper variant at the same resolution keeps the picture sharp.',
    messages: {
      singleTop: 'Only one {{codec}} rendition of this {{group}} is at its highest resolution, {{size}} ({{rung}}); add a second {{size}} rendition at a lower bit rate.',
    },
    appliesTo: encoderTypes,
    references: [{ title: 'Apple HLS authoring specification for Apple devices, 9.10', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
    sources: ['HLS-016'],
  },
  check(context) {
    for (const ladder of ladders(context)) {
      if (!ladder.reachesHls || !ladder.complete) continue;
      for (const rungs of rungsByCodec(ladder.rungs).values()) {
        if (rungs.some((rung) => pixelCount(rung.video) === undefined)) continue;
        const top = rungs.reduce((best, rung) => (pixelCount(rung.video)! > pixelCount(best.video)! ? rung : best));
        const { width, height } = top.video as { width: number; height: number };
        if (Math.min(width, height) < 720) continue;
        const atTop = rungs.filter((rung) => rung.video.width === width && rung.video.height === height);
        if (atTop.length > 1) continue;
        context.report({
          at: ladderAnchor(ladder),
          target: 'key',
          messageId: 'singleTop',
          data: { codec: codecName(top.video), group: groupNoun(ladder), size: formatDimensions(width, height), rung: top.video.bitrate === undefined ? top.label : `${top.label}, ${formatBitrate(top.video.bitrate)}` },
        });
      }
    }
  },
});
