import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { memberLabel } from '../support/labels.js';

/** The AWS managed key Kinesis Video Streams uses when a stream names none. */
const defaultKeyAlias = 'alias/aws/kinesisvideo';

export default defineRule({
  meta: {
    id: 'security/kvs-default-encryption-key',
    category: 'security',
    severity: 'info',
    description: 'A Kinesis video stream encrypted with the AWS managed key (aws/kinesisvideo) rather than a customer managed KMS key.',
    details:
      'Reports an `AWS::KinesisVideo::Stream` without `KmsKeyId`, or whose `KmsKeyId` is the alias `alias/aws/kinesisvideo` (or an ARN ending in it). A key given by reference or parameter is not checked.',
    rationale:
      'Streams are always encrypted at rest, but "if no key ID is specified, the default, Kinesis Video-managed key (aws/kinesisvideo) is used". Its key policy cannot be changed, so access to the video cannot be limited or audited per key, disabled in an incident, or shared across accounts on your terms. A customer managed key gives that control. This is a policy choice, so it is reported as information.',
    messages: {
      noKey: "Stream '{{stream}}' has no {{property}}, so its video is encrypted with the AWS managed key aws/kinesisvideo, whose policy you cannot control; set {{property}} to a customer managed KMS key if your policy requires one.",
      defaultKey: "{{property}} '{{key}}' is the AWS managed key, whose policy you cannot control; use a customer managed KMS key if your policy requires one.",
    },
    appliesTo: ['AWS::KinesisVideo::Stream'],
    sources: ['KVS-004'],
    securitySeverity: 2.0,
    references: [
      { title: 'Kinesis Video Streams API: CreateStream (KmsKeyId)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateStream.html' },
      { title: 'Kinesis Video Streams developer guide: data protection with server-side encryption', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/how-kms.html' },
    ],
  },
  check(context) {
    for (const stream of context.resources('AWS::KinesisVideo::Stream')) {
      const root = Cursor.root(stream);
      const key = root.get('kms_key_id');
      const property = memberLabel(key);
      if (key.isMissing) {
        context.report({ at: root, messageId: 'noKey', data: { stream: root.get('name').string() ?? stream.address, property } });
        continue;
      }
      const value = key.string();
      if (value !== undefined && (value === defaultKeyAlias || value.endsWith(`:${defaultKeyAlias}`))) {
        context.report({ at: key, messageId: 'defaultKey', data: { property, key: value } });
      }
    }
  },
});
