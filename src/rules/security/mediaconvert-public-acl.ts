import { defineRule } from '../../engine/rule.js';
import { findMembers } from '../../graph/traverse.js';
import { memberLabel } from '../support/labels.js';
import { mediaConvertOutputGroups } from '../support/mediaconvert.js';

export default defineRule({
  meta: {
    id: 'security/mediaconvert-public-acl',
    category: 'security',
    severity: 'error',
    description: 'A MediaConvert output group that writes its S3 objects with a public canned ACL (PUBLIC_READ or AUTHENTICATED_READ).',
    details:
      'Checks `DestinationSettings.S3Settings.AccessControl.CannedAcl` of every output group of MediaConvert job templates and jobs. Reports `PUBLIC_READ` (anyone on the internet can read the outputs) and `AUTHENTICATED_READ` (any AWS account can read them).',
    rationale:
      'A public-read ACL publishes every rendition, including content meant to be protected by DRM or a CDN, to anyone who can guess the key. On buckets with S3 Block Public Access (the default for new buckets) the upload is refused instead, and the job fails. Serve outputs through CloudFront with origin access control and keep the objects private (BUCKET_OWNER_FULL_CONTROL when writing across accounts).',
    messages: {
      publicRead: "{{property}} is PUBLIC_READ, so every output of this group can be read by anyone on the internet (and the job fails on buckets that block public access); keep objects private and serve them through a CDN, using BUCKET_OWNER_FULL_CONTROL when writing to another account's bucket.",
      authenticatedRead: "{{property}} is AUTHENTICATED_READ, which lets any AWS account, not just yours, read the outputs; keep objects private (BUCKET_OWNER_FULL_CONTROL when writing to another account's bucket).",
    },
    appliesTo: ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['MC-011'],
    securitySeverity: 8.2,
    references: [
      { title: 'MediaConvert API: S3DestinationAccessControl (CannedAcl)', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobs.html' },
      { title: 'Amazon S3 user guide: canned ACLs', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl' },
      { title: 'Amazon S3 user guide: blocking public access', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html' },
    ],
  },
  check(context) {
    for (const type of ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job']) {
      for (const resource of context.resources(type)) {
        for (const { group } of mediaConvertOutputGroups(resource)) {
          for (const acl of findMembers(group.get('output_group_settings'), 'canned_acl')) {
            const value = acl.string();
            if (value === 'PUBLIC_READ') context.report({ at: acl, messageId: 'publicRead', data: { property: memberLabel(acl) } });
            else if (value === 'AUTHENTICATED_READ') context.report({ at: acl, messageId: 'authenticatedRead', data: { property: memberLabel(acl) } });
          }
        }
      }
    }
  },
});
