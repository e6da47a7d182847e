import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { mediaTypeMaxLength, mediaTypePattern } from '../support/kinesis-video.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'kinesis-video/media-type',
    category: 'kinesis-video',
    severity: 'error',
    description: 'A Kinesis video stream MediaType that is not a comma-separated list of type/subtype, or is longer than 128 characters.',
    details:
      "Checks `MediaType` of `AWS::KinesisVideo::Stream` against the API pattern `[\\w\\-\\.\\+]+/[\\w\\-\\.\\+]+(,[\\w\\-\\.\\+]+/[\\w\\-\\.\\+]+)*` (for example `video/h264` or `video/h264,audio/aac`, no spaces) and the 128-character limit. Whether each type is one the players know is `kinesis-video/media-type-unknown`'s.",
    rationale:
      'The service rejects the stream. A space after the comma, a semicolon (as in an HTTP Content-Type) or a bare codec name (`H.264`) are the usual mistakes.',
    messages: {
      pattern: "{{property}} '{{mediaType}}' is not a comma-separated list of MIME types (type/subtype, no spaces); write it like {{suggestion}}.",
      tooLong: '{{property}} is {{length}} characters long; Kinesis Video Streams accepts at most 128.',
    },
    appliesTo: ['AWS::KinesisVideo::Stream'],
    sources: ['KVS-003'],
    references: [{ title: 'Kinesis Video Streams API: CreateStream (MediaType)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateStream.html' }],
  },
  check(context) {
    for (const stream of context.resources('AWS::KinesisVideo::Stream')) {
      const cursor = Cursor.root(stream).get('media_type');
      const mediaType = cursor.string();
      if (mediaType === undefined) continue;
      const property = memberLabel(cursor);
      if (mediaType.length > mediaTypeMaxLength) {
        context.report({ at: cursor, messageId: 'tooLong', data: { property, length: mediaType.length } });
      } else if (!mediaTypePattern.test(mediaType)) {
        const tidied = mediaType.replace(/\s+/g, '').replace(/;/g, ',').toLowerCase();
        const suggestion = mediaTypePattern.test(tidied) ? `'${tidied}'` : "'video/h264' or 'video/h264,audio/aac'";
        context.report({ at: cursor, messageId: 'pattern', data: { property, mediaType, suggestion } });
      }
    }
  },
});
