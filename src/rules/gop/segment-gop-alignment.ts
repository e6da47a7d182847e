import { defineRule } from '../../engine/rule.js';
import { mediaLiveOutputGroups, segmentedGroupKinds } from '../support/medialive.js';
import { describeGop, dividingGops, fitsWhole, formatAlternatives, mediaLiveSegmentNoun } from '../support/segments.js';
import { formatSeconds } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'gop/segment-gop-alignment',
    category: 'gop',
    severity: 'warning',
    description: 'A MediaLive GOP duration that does not divide the segment or fragment length of the output group that uses it.',
    details:
      'For every HLS (`SegmentLength`), MediaPackage v2 and CMAF ingest (`SegmentLength` with `SegmentLengthUnits`) and Microsoft Smooth (`FragmentLength`) output group of a MediaLive channel, checks that the length is a whole number of GOPs of every video description the group uses. The GOP duration is `GopSize` in seconds, or in frames divided by the specified frame rate; 29.97 fps GOPs (2.002 s) count as dividing 6 s. The message suggests the GOP durations nearest to the current one that do divide the segment and are whole frame counts. A segment length that is not written, a frame rate taken from the source, or a GOP in frames of an unknown rate is not checked.',
    rationale:
      'Every segment must start with an IDR frame (Apple HLS 7.4). MediaLive ends a segment "on the next keyframe after this duration", so when the GOP does not divide the segment length, segments come out longer and of uneven duration (a 2.5 s GOP in 6 s segments gives 7.5 s segments), breaking the target duration, the playlist window arithmetic and the alignment with packagers downstream.',
    messages: {
      notDividing: 'GOP of {{gop}} does not divide the {{segment}} {{noun}}; use a GOP of {{suggestion}}.',
      notDividingNoSuggestion: 'GOP of {{gop}} does not divide the {{segment}} {{noun}}; make the segment length a whole number of GOPs.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-017', 'HLS-005'],
    references: [
      { title: 'MediaLive API: HlsGroupSettings segmentLength', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'Apple HLS authoring specification 7.4 and 7.6', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const group of mediaLiveOutputGroups(channel)) {
        const segment = group.segmentSeconds;
        if (group.kind === undefined || !segmentedGroupKinds.has(group.kind) || segment === undefined || segment <= 0) continue;
        const seen = new Set<string>();
        for (const { video } of group.outputs) {
          if (!video || seen.has(video.description.pathString())) continue;
          seen.add(video.description.pathString());
          const gop = video.gopSeconds;
          // A fractional frame count is gop/gop-units-value's finding, not a duration to compare.
          if (gop === undefined || gop <= 0 || (video.gopFrames !== undefined && !Number.isInteger(video.gopFrames))) continue;
          if (fitsWhole(segment, gop)) continue;
          const suggestions = dividingGops(segment, gop, video.framesPerSecond);
          const data = { gop: describeGop(video), segment: formatSeconds(segment), noun: mediaLiveSegmentNoun(group.kind) };
          const related = group.segmentCursor?.exists ? [{ message: `${data.noun} length set here`, span: group.segmentCursor.span() }] : [];
          const at = video.settings!.get('gop_size');
          context.report(
            suggestions.length > 0
              ? { at, messageId: 'notDividing', data: { ...data, suggestion: formatAlternatives(suggestions) }, related }
              : { at, messageId: 'notDividingNoSuggestion', data, related },
          );
        }
      }
    }
  },
});
