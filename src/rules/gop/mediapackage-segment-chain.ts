import { defineRule } from '../../engine/rule.js';
import { commonGop, endpointSegments, mediaPackageFeeds } from '../support/mediapackage-chain.js';
import { describeGop, fitsWhole, formatAlternatives, roundUpToMultiple, wholeSecondMultiples } from '../support/segments.js';
import { spellMember } from '../support/spelling.js';
import { formatSeconds } from '../support/video.js';

/** MediaPackage v2 accepts segment durations up to 30 s (MPv2 user guide, endpoint segment settings);
 * v1 publishes no maximum, so suggestions there look a little further. */
const maxSuggestedSeconds = { v1: 60, v2: 30 } as const;

/** Whole-second durations near `duration` that are multiples of `unit`, for the message. */
function suggestMultiples(unit: number, duration: number, maxSeconds: number): string {
  const multiples = wholeSecondMultiples(unit, duration, maxSeconds);
  return multiples.length > 0 ? formatAlternatives(multiples) : `a multiple of ${formatSeconds(unit)}`;
}

export default defineRule({
  meta: {
    id: 'gop/mediapackage-segment-chain',
    category: 'gop',
    severity: 'warning',
    description: 'A MediaPackage origin endpoint whose segment duration is not a whole number of the segments or GOPs MediaLive sends it.',
    details:
      "Follows each MediaLive channel's MediaPackage output group to the MediaPackage channel of its destination (`MediaPackageSettings` `ChannelId` for v1, `ChannelGroup` and `ChannelName` for v2, as references or literal names) and on to every origin endpoint of that channel (v1 `ChannelId`; v2 `ChannelGroupName` and `ChannelName`). For a v2 channel fed with a known `SegmentLength` (`MediapackageV2GroupSettings`), the endpoint's `SegmentDurationSeconds` must be a multiple of it; otherwise (v1, whose MediaPackage output group has no segment length to set, or v2 without one) it must be a multiple of the GOP duration all renditions of the group share. Links that cannot be followed, durations and GOPs that are not known, or renditions whose GOPs differ (`gop/rendition-alignment`) are not checked.",
    rationale:
      'MediaPackage can only cut at the boundaries of what it receives. "If the value that you enter is different from the input segment duration, MediaPackage rounds segments to the nearest multiple of the input segment duration", and with MediaLive it fits a whole number of GOPs into each segment, adjusting "only up, never down": a 3 s GOP with a 4 s endpoint gives 6 s segments. The manifest then advertises a segment duration nobody chose, and latency and playlist windows grow accordingly.',
    messages: {
      stretchedByGop:
        "{{property}} {{duration}} is not a multiple of the {{gop}} GOP that MediaLive channel '{{channel}}' sends, so MediaPackage stretches these segments to {{effective}}; use {{suggestion}}.",
      notMultipleOfSegment:
        "{{property}} {{duration}} is not a multiple of the {{segment}} segments that MediaLive channel '{{channel}}' sends, so MediaPackage rounds it to a multiple of {{segment}}; use {{suggestion}}.",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackageV2::OriginEndpoint', 'AWS::MediaLive::Channel'],
    sources: ['X-001', 'MP-001', 'MP-002'],
    references: [
      { title: 'MediaLive user guide: MediaPackage output group, setting up for GOPs and segments', url: 'https://docs.aws.amazon.com/medialive/latest/ug/mediapackage-encode-packaging.html' },
      { title: 'MediaPackage user guide: HLS packager settings, segment duration', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-hls-packager.html' },
      { title: 'MediaPackage v2 user guide: segment settings', url: 'https://docs.aws.amazon.com/mediapackage/latest/userguide/endpoints-segment.html' },
    ],
  },
  check(context) {
    const feeds = mediaPackageFeeds(context);
    if (feeds.length === 0) return;
    for (const segment of endpointSegments(context)) {
      const reported = new Set<string>();
      for (const feed of feeds) {
        if (feed.key !== segment.key || feed.version !== segment.version) continue;
        const property = `${segment.packageName}.${spellMember('segment_duration_seconds', 'SegmentDurationSeconds', segment.endpoint)}`;
        const data = { property, duration: segment.durationSeconds, channel: feed.mediaLiveChannel.address };
        const maxSeconds = Math.max(maxSuggestedSeconds[segment.version], segment.durationSeconds);
        const input = feed.version === 'v2' ? feed.group.segmentSeconds : undefined;
        let report: Parameters<typeof context.report>[0] | undefined;
        if (input !== undefined && input > 0) {
          if (fitsWhole(segment.durationSeconds, input)) continue;
          const related = feed.group.segmentCursor?.exists ? [{ message: 'MediaLive segment length set here', span: feed.group.segmentCursor.span() }] : [];
          const suggestion = suggestMultiples(input, segment.durationSeconds, maxSeconds);
          report = { at: segment.duration, messageId: 'notMultipleOfSegment', data: { ...data, segment: formatSeconds(input), suggestion }, related };
        } else {
          const gop = commonGop(feed.group);
          if (!gop || fitsWhole(segment.durationSeconds, gop.seconds)) continue;
          const related = [{ message: 'GOP size set here', span: gop.video.settings!.get('gop_size').span() }];
          const suggestion = suggestMultiples(gop.seconds, segment.durationSeconds, maxSeconds);
          const effective = formatSeconds(roundUpToMultiple(segment.durationSeconds, gop.seconds));
          report = { at: segment.duration, messageId: 'stretchedByGop', data: { ...data, gop: describeGop(gop.video), effective, suggestion }, related };
        }
        const message = JSON.stringify(report.data);
        if (reported.has(message)) continue;
        reported.add(message);
        context.report(report);
      }
    }
  },
});
