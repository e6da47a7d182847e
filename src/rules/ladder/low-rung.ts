import { defineRule } from '../../engine/rule.js';
import { encoderTypes } from '../support/codec.js';
import { booleanOption, describeRung, groupNoun, isBitrateCap, ladderAnchor, ladders, numberOption } from '../support/ladder.js';
import { formatBitrate } from '../support/video.js';

const appleSpec = 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices';

export default defineRule({
  meta: {
    id: 'ladder/low-rung',
    category: 'ladder',
    severity: 'info',
    recommended: false,
    description: 'An HLS ladder without a low rung for slow and cellular connections.',
    details:
      'For each output group that reaches HLS (MediaLive HLS, MediaPackage and CMAF ingest groups; MediaConvert HLS and CMAF groups) whose renditions and video bit rates (`Bitrate`, or `MaxBitrate` for QVBR) are all known, reports a ladder whose lowest video rung is above `maxLowestBitrate` (730 kbit/s, Apple\'s cellular starting variant; not when a rung is QVBR, whose `MaxBitrate` only caps the average). With `iosCellular` enabled it also reports a ladder with no rung at or below `cellularMaxBitrate` (192 kbit/s), the iOS requirement for cellular multivariant playlists. Audio is not counted.',
    rationale:
      'A player starts and, on a poor connection, stays on the lowest rung. Apple\'s recommended ladder starts at 145 kbit/s and names 730 kbit/s as the default variant on cellular networks (1.32); the iOS amendment requires cellular playlists to offer a variant of at most 192 kbit/s peak (9.21). A ladder that bottoms out at 2 Mbit/s stalls instead of degrading on mobile networks.',
    messages: {
      noLowRung: 'The lowest rung of this {{group}} is {{lowest}}; add one at or below {{max}} (Apple\'s ladder starts at 416×234, 145 kbit/s) so players on slow connections can start and keep playing.',
      noCellularRung: 'No rung of this {{group}} is at or below {{max}} (lowest: {{lowest}}); iOS cellular playlists must offer a variant of at most {{max}} peak: add one.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'Apple HLS authoring specification for Apple devices, 1.25 and 1.32 (ladder and default variant)', url: appleSpec },
      { title: 'Apple HLS authoring specification, iOS amendment 9.21 (cellular: a variant of at most 192 kbit/s)', url: appleSpec },
    ],
    sources: ['HLS-022'],
    options: {
      maxLowestBitrate: { description: 'The lowest rung must be at or below this video bit rate (bit/s).', default: 730000 },
      iosCellular: { description: 'Also require a rung at or below `cellularMaxBitrate` (iOS apps streaming over cellular).', default: false },
      cellularMaxBitrate: { description: 'Peak bit rate (bit/s) of the low rung iOS cellular playlists must offer.', default: 192000 },
    },
  },
  check(context) {
    const maxLowest = numberOption(context.options, 'maxLowestBitrate', 730000);
    const cellular = booleanOption(context.options, 'iosCellular', false);
    const cellularMax = numberOption(context.options, 'cellularMaxBitrate', 192000);
    for (const ladder of ladders(context)) {
      if (!ladder.reachesHls || !ladder.complete || ladder.rungs.length === 0) continue;
      if (ladder.rungs.some((rung) => rung.video.bitrate === undefined)) continue;
      const lowest = ladder.rungs.reduce((low, rung) => (rung.video.bitrate! < low.video.bitrate! ? rung : low));
      const data = { group: groupNoun(ladder), lowest: describeRung(lowest.video) };
      // The 730 kbit/s variant is an average; a QVBR MaxBitrate only caps it, so such a rung may be within.
      const averagesKnown = !ladder.rungs.some((rung) => isBitrateCap(rung.video));
      if (averagesKnown && lowest.video.bitrate! > maxLowest) context.report({ at: ladderAnchor(ladder), target: 'key', messageId: 'noLowRung', data: { ...data, max: formatBitrate(maxLowest) } });
      if (cellular && lowest.video.bitrate! > cellularMax) context.report({ at: ladderAnchor(ladder), target: 'key', messageId: 'noCellularRung', data: { ...data, max: formatBitrate(cellularMax) } });
    }
  },
});
