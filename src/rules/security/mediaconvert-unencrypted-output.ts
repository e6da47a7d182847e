import { defineRule, type RuleContext } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { memberLabel, spellPath } from '../support/labels.js';
import { mediaConvertOutputGroups } from '../support/mediaconvert.js';
import { displayText, textWithPlaceholders } from '../support/secrets.js';

/**
 * True when the destination's bucket is defined in the same template or module with default
 * encryption configured: the team made the encryption decision on the bucket, where it belongs.
 */
function bucketHasDefaultEncryption(context: RuleContext, destination: Cursor): boolean {
  const value = destination.value;
  let bucket: Resource | undefined;
  let bucketName: string | undefined;
  if (value?.kind === 'template') {
    const [scheme, first] = value.parts;
    if (scheme === 's3://' && first !== undefined && typeof first !== 'string' && first.kind === 'reference') bucket = context.resolve(first, destination.resource);
  }
  const text = textWithPlaceholders(value);
  const match = text?.complete ? /^s3:\/\/([^/]+)/.exec(text.text) : null;
  if (match) bucketName = match[1];
  const scope = destination.resource.scope;
  const named = (candidate: Resource) => candidate.scope === scope && (candidate === bucket || (bucketName !== undefined && Cursor.root(candidate).get('bucket_name').string() === bucketName));
  for (const candidate of context.resources('AWS::S3::Bucket')) if (named(candidate) && !Cursor.root(candidate).get('bucket_encryption').isMissing) return true;
  for (const candidate of context.resources('aws_s3_bucket')) {
    const terraformNamed = candidate.scope === scope && (candidate === bucket || (bucketName !== undefined && Cursor.root(candidate).get('bucket').string() === bucketName));
    if (terraformNamed && !Cursor.root(candidate).get('server_side_encryption_configuration').isMissing) return true;
    if (!terraformNamed) continue;
    for (const configuration of context.resources('aws_s3_bucket_server_side_encryption_configuration')) {
      if (configuration.scope === scope && Cursor.root(configuration).get('bucket').reference()?.target === candidate.address) return true;
    }
  }
  return false;
}

/** `'Streaming'`, or `1` (its position) for a group without a known name. */
function describeGroup(group: Cursor): string {
  const name = group.get('name').string();
  return name === undefined ? String(Number(group.segment) + 1) : `'${name}'`;
}

export default defineRule({
  meta: {
    id: 'security/mediaconvert-unencrypted-output',
    category: 'security',
    severity: 'warning',
    description: 'A MediaConvert output group that writes to S3 without choosing server-side encryption.',
    details:
      'For every output group of MediaConvert job templates and jobs that names its `Destination`, reports a group without `DestinationSettings.S3Settings.Encryption`, unless the destination bucket is defined in the same template or module with default encryption (`BucketEncryption` of `AWS::S3::Bucket`; `server_side_encryption_configuration` of `aws_s3_bucket` or a separate `aws_s3_bucket_server_side_encryption_configuration`). With the option `requireKms`, `EncryptionType: SERVER_SIDE_ENCRYPTION_S3` is reported as well. Groups without a destination (given when the job is submitted) are not checked.',
    rationale:
      'Without encryption settings the outputs get only whatever the bucket applies by default (Amazon S3 encrypts new objects with SSE-S3 keys since January 2023, which nobody but S3 controls). Choosing SSE-KMS with a customer managed key puts access to the renditions under a key policy and in CloudTrail, and lets you revoke it; it is the setting AWS recommends for media you need to protect.',
    messages: {
      noEncryption:
        "Output group {{group}} writes to '{{destination}}' without {{encryption}}, so the objects get only the bucket's default encryption; set {{path}} with {{encryptionType}} SERVER_SIDE_ENCRYPTION_KMS and a {{kmsKeyArn}} (or configure default encryption on the bucket in this template).",
      sseS3: "{{property}} is SERVER_SIDE_ENCRYPTION_S3, but this project requires KMS keys (option requireKms); use SERVER_SIDE_ENCRYPTION_KMS with a KmsKeyArn.",
    },
    appliesTo: ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['MC-012'],
    securitySeverity: 4.0,
    options: {
      requireKms: { description: 'Also report SERVER_SIDE_ENCRYPTION_S3: require SSE-KMS for every output.', default: false },
    },
    references: [
      { title: 'MediaConvert user guide: encrypting your outputs in Amazon S3', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/encrypting-your-job-outputs.html' },
      { title: 'MediaConvert API: S3EncryptionSettings', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobs.html' },
      { title: 'Amazon S3 user guide: default encryption (SSE-S3 for new objects since January 5, 2023)', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html' },
    ],
  },
  check(context) {
    const requireKms = context.options.requireKms === true;
    for (const type of ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job']) {
      for (const resource of context.resources(type)) {
        for (const { group, settings } of mediaConvertOutputGroups(resource)) {
          if (!settings) continue;
          const destination = settings.get('destination');
          if (!destination.exists) continue;
          const encryption = settings.at('destination_settings', 's3_settings', 'encryption');
          if (encryption.isMissing) {
            if (bucketHasDefaultEncryption(context, destination)) continue;
            const text = textWithPlaceholders(destination.value);
            context.report({
              at: destination,
              messageId: 'noEncryption',
              data: {
                group: describeGroup(group),
                destination: text ? displayText(text.text) : 'its destination',
                encryption: memberLabel(encryption),
                path: spellPath(resource, ['destination_settings', 's3_settings', 'encryption']),
                encryptionType: spellPath(resource, ['encryption_type']),
                kmsKeyArn: spellPath(resource, ['kms_key_arn']),
              },
            });
          } else if (requireKms) {
            const encryptionType = encryption.get('encryption_type');
            if (encryptionType.string() === 'SERVER_SIDE_ENCRYPTION_S3') context.report({ at: encryptionType, messageId: 'sseS3', data: { property: memberLabel(encryptionType) } });
          }
        }
      }
    }
  },
});
