import { defineRule } from '../../engine/rule.js';
import { encoderTypes, formatCount, formatDimensions } from '../support/codec.js';
import { appleH264Ladder, appleHevcLadder, bitrateCursor, codecName, isBitrateCap, ladders, numberOption } from '../support/ladder.js';
import { formatBitrate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'ladder/apple-table',
    category: 'ladder',
    severity: 'info',
    recommended: false,
    description: 'An HLS rendition whose bit rate is far from Apple\'s recommendation for its resolution.',
    details:
      'For each H.264 and HEVC rendition of an output group that reaches HLS whose resolution is a row of Apple\'s recommended ladder (HLS authoring specification 1.25: 416×234 to 1920×1080 for H.264, 640×360 to 3840×2160 for HEVC, SDR and HDR), compares its bit rate (`Bitrate`, or `MaxBitrate` for QVBR) with the range of Apple\'s bit rates for that resolution and reports one more than `tolerance` below the lowest or above the highest. Rows for "≤ 30 fps" are not used for renditions above 30 fps. A QVBR cap is only reported when it is below the range.',
    rationale:
      'Apple publishes its ladder as "initial encoding targets": a rendition at half or less of the recommended bit rate for its resolution usually looks worse than a smaller resolution at the same bit rate, and one at more than one and a half times the recommendation spends bandwidth the viewer does not see. The heuristic is loose on purpose: content complexity varies, and Apple notes that 24 fps HEVC can use about 20% less.',
    messages: {
      below: '{{size}} {{codec}} at {{bitrate}} is {{percent}}% below Apple\'s recommended {{range}} for that resolution; raise the bit rate or use a smaller resolution for this rung.',
      above: '{{size}} {{codec}} at {{bitrate}} is {{percent}}% above Apple\'s recommended {{range}} for that resolution; lower the bit rate or use a larger resolution for this rung.',
    },
    appliesTo: encoderTypes,
    references: [{ title: 'Apple HLS authoring specification for Apple devices, 1.25 (recommended bit-rate ladders)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
    sources: ['HLS-015'],
    options: {
      tolerance: { description: 'Relative distance from Apple\'s range before a rendition is reported (0.5 = 50%).', default: 0.5 },
    },
  },
  check(context) {
    const tolerance = numberOption(context.options, 'tolerance', 0.5);
    for (const ladder of ladders(context)) {
      if (!ladder.reachesHls) continue;
      for (const rung of ladder.rungs) {
        const { codec, width, height, bitrate, framesPerSecond } = rung.video;
        if ((codec !== 'h264' && codec !== 'h265') || width === undefined || height === undefined || bitrate === undefined) continue;
        const table = codec === 'h264' ? appleH264Ladder : appleHevcLadder;
        const rows = table.filter(
          (row) => row.width === width && row.height === height && (row.maxFramesPerSecond === undefined || framesPerSecond === undefined || framesPerSecond <= row.maxFramesPerSecond + 0.01),
        );
        if (rows.length === 0) continue;
        const values = rows.flatMap((row) => [row.kilobitsPerSecond, ...(row.hdrKilobitsPerSecond === undefined ? [] : [row.hdrKilobitsPerSecond])]);
        const low = Math.min(...values) * 1000;
        const high = Math.max(...values) * 1000;
        const at = bitrateCursor(rung.video);
        if (!at) continue;
        const range = low === high ? `${formatCount(low / 1000)} kbit/s` : `${formatCount(low / 1000)}–${formatCount(high / 1000)} kbit/s`;
        const data = { size: formatDimensions(width, height), codec: codecName(rung.video), bitrate: formatBitrate(bitrate), range };
        if (bitrate < low * (1 - tolerance)) {
          context.report({ at, messageId: 'below', data: { ...data, percent: Math.round((1 - bitrate / low) * 100) } });
        } else if (bitrate > high * (1 + tolerance) && !isBitrateCap(rung.video)) {
          context.report({ at, messageId: 'above', data: { ...data, percent: Math.round((bitrate / high - 1) * 100) } });
        }
      }
    }
  },
});
