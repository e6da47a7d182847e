import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { playbackGrantFor, playbackGrants, zeroRetention } from '../support/kinesis-video.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'kinesis-video/retention-zero-with-playback',
    category: 'kinesis-video',
    severity: 'warning',
    description: 'A Kinesis video stream that keeps no data although the template grants HLS/DASH playback, clips, images or fragment access on it.',
    details:
      "Reports an `AWS::KinesisVideo::Stream` whose `DataRetentionInHours` is 0 or absent (the API default is 0) when an IAM policy of the same template or module (`AWS::IAM::Role`/`User`/`Group` inline policies, `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`) allows one of `kinesisvideo:GetHLSStreamingSessionURL`, `GetDASHStreamingSessionURL`, `GetClip`, `GetImages`, `GetMediaForFragmentList` or `ListFragments` (or a wildcard that covers one of them but not `GetMedia`) on a resource that is the stream (a reference to it, or its ARN), all streams of the account (`*`, `stream/*`), or a literal ARN with its name. Wildcards such as `kinesisvideo:*` are not taken as evidence.",
    rationale:
      'The archived-media APIs read what the stream has persisted; with no retention there is nothing, and "Data retention must be greater than 0" for HLS and DASH sessions. The policy shows that something in this application plays the stream back, so the viewer will fail. This is a warning, not an error, because the grant shows intent rather than a call the tool can see.',
    messages: {
      zeroWithPlayback:
        "Stream '{{stream}}' keeps no data ({{property}} {{state}}), but '{{grantee}}' is allowed {{action}} on it, which reads persisted media and fails on a stream without retention; set {{property}} to the hours viewers need (at least 1).",
    },
    appliesTo: ['AWS::KinesisVideo::Stream'],
    sources: ['KVS-002'],
    references: [
      { title: 'Kinesis Video Streams API: GetHLSStreamingSessionURL ("Data retention must be greater than 0")', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetHLSStreamingSessionURL.html' },
      { title: 'Kinesis Video Streams API: CreateStream (DataRetentionInHours)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateStream.html' },
      { title: 'AWS Config rule kinesis-video-stream-minimum-data-retention', url: 'https://docs.aws.amazon.com/config/latest/developerguide/kinesis-video-stream-minimum-data-retention.html' },
    ],
  },
  check(context) {
    const grants = playbackGrants(context);
    for (const stream of context.resources('AWS::KinesisVideo::Stream')) {
      const retention = zeroRetention(stream);
      if (!retention) continue;
      const grant = playbackGrantFor(grants, stream);
      if (!grant) continue;
      const root = Cursor.root(stream);
      context.report({
        at: retention.exists ? retention : root,
        messageId: 'zeroWithPlayback',
        data: {
          stream: root.get('name').string() ?? stream.address,
          property: memberLabel(retention),
          state: retention.exists ? 'is 0' : 'is not set and defaults to 0',
          grantee: grant.grantee.address,
          action: grant.actionName,
        },
        related: [{ message: 'playback granted here', span: grant.action.span() }],
      });
    }
  },
});
