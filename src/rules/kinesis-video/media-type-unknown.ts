import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { knownMediaTypes, mediaTypePattern } from '../support/kinesis-video.js';
import { memberLabel } from '../support/labels.js';
import { closestMatch } from '../support/suggest.js';

export default defineRule({
  meta: {
    id: 'kinesis-video/media-type-unknown',
    category: 'kinesis-video',
    severity: 'info',
    description: 'A Kinesis video stream MediaType that names a content type the Kinesis Video Streams libraries do not know.',
    details:
      'For a `MediaType` of `AWS::KinesisVideo::Stream` that matches the API pattern, reports each content type that is not one the Kinesis Video Streams producer libraries define: `video/h264`, `video/h265`, `video/avc`, `video/hevc`, `video/x-matroska`, `audio/aac`, `audio/alaw`, `audio/mulaw`, `audio/x-matroska` (case-insensitive), with the closest known one. Malformed values are `kinesis-video/media-type`\'s.',
    rationale:
      'The service stores any well-formed MIME type, but consumers use it to decide how to read the fragments: a misspelt `video/h.264` or an unusual type makes the console viewer, the parser library and downstream tools treat the stream as unknown. HLS and DASH playback need H.264 or H.265 video. As the API accepts the value, this is information.',
    messages: {
      unknown: "{{property}} names '{{type}}', which is not a content type the Kinesis Video Streams libraries know; did you mean '{{suggestion}}'?",
      unknownNoSuggestion: "{{property}} names '{{type}}', which is not a content type the Kinesis Video Streams libraries know ({{known}}); players may not recognise the stream.",
    },
    appliesTo: ['AWS::KinesisVideo::Stream'],
    sources: ['KVS-003'],
    references: [
      { title: 'Kinesis Video Streams API: CreateStream (MediaType examples "video/h264" and "video/h264,audio/aac")', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateStream.html' },
      { title: 'Kinesis Video Streams producer library content types (awslabs/amazon-kinesis-video-streams-pic, mkvgen/Include.h)', url: 'https://github.com/awslabs/amazon-kinesis-video-streams-pic/blob/master/src/mkvgen/include/com/amazonaws/kinesis/video/mkvgen/Include.h' },
      { title: 'Kinesis Video Streams API: GetHLSStreamingSessionURL (supported codecs)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetHLSStreamingSessionURL.html' },
    ],
  },
  check(context) {
    for (const stream of context.resources('AWS::KinesisVideo::Stream')) {
      const cursor = Cursor.root(stream).get('media_type');
      const mediaType = cursor.string();
      if (mediaType === undefined || !mediaTypePattern.test(mediaType)) continue;
      for (const type of mediaType.split(',')) {
        if (knownMediaTypes.includes(type.toLowerCase())) continue;
        const suggestion = closestMatch(type, knownMediaTypes);
        const property = memberLabel(cursor);
        context.report({
          at: cursor,
          messageId: suggestion ? 'unknown' : 'unknownNoSuggestion',
          data: suggestion ? { property, type, suggestion } : { property, type, known: knownMediaTypes.join(', ') },
        });
      }
    }
  },
});
