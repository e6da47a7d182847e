import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { playbackGrantFor, playbackGrants, zeroRetention } from '../support/kinesis-video.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'kinesis-video/retention-zero',
    category: 'kinesis-video',
    severity: 'info',
    description: 'A Kinesis video stream that keeps no data (DataRetentionInHours 0 or unset), with no sign of archived playback in the template.',
    details:
      "Reports an `AWS::KinesisVideo::Stream` whose `DataRetentionInHours` is 0 or absent (the API default is 0) when no IAM policy of the same template or module grants an archived-media API on it. When one does, `kinesis-video/retention-zero-with-playback` reports the stream instead, as a warning.",
    rationale:
      'A stream without retention keeps media only in a short buffer (5 minutes, 200 MB) for live consumers; HLS and DASH playback, clips, images and fragment lists all need persisted data ("Data retention must be greater than 0"). Live-only pipelines (a WebRTC ingest, a Rekognition stream processor) rightly use 0, so without evidence of playback this is information: check that the stream is meant to be live-only.',
    messages: {
      zero: "Stream '{{stream}}' keeps no data ({{property}} {{state}}): only live consumers can read it, and HLS/DASH playback, clips and images will fail. If the stream is played back later, set {{property}} to the hours you need (at least 1).",
    },
    appliesTo: ['AWS::KinesisVideo::Stream'],
    sources: ['KVS-002'],
    references: [
      { title: 'Kinesis Video Streams API: CreateStream (DataRetentionInHours)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateStream.html' },
      { title: 'Kinesis Video Streams API: GetHLSStreamingSessionURL ("Data retention must be greater than 0")', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetHLSStreamingSessionURL.html' },
    ],
  },
  check(context) {
    const grants = playbackGrants(context);
    for (const stream of context.resources('AWS::KinesisVideo::Stream')) {
      const retention = zeroRetention(stream);
      if (!retention || playbackGrantFor(grants, stream)) continue;
      const root = Cursor.root(stream);
      context.report({
        at: retention.exists ? retention : root,
        messageId: 'zero',
        data: { stream: root.get('name').string() ?? stream.address, property: memberLabel(retention), state: retention.exists ? 'is 0' : 'is not set and defaults to 0' },
      });
    }
  },
});
