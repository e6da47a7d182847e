import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { isCloudFormationFormat, type Resource } from '../../graph/resource.js';
import { memberLabel } from '../support/labels.js';

/** The access logs each MediaPackage v1 resource type can write. */
const logMembers: ReadonlyArray<{ type: string; noun: string; members: readonly string[] }> = [
  { type: 'AWS::MediaPackage::Channel', noun: 'Channel', members: ['ingress_access_logs', 'egress_access_logs'] },
  { type: 'AWS::MediaPackage::PackagingGroup', noun: 'Packaging group', members: ['egress_access_logs'] },
];

/**
 * Whether the resource as written can hold access log settings: CloudFormation, CDK and the Cloud
 * Control (awscc) Terraform types can; hashicorp/aws `aws_media_package_channel` (which Pangea emits)
 * has no such arguments, so a finding there could not be acted on in that tool.
 */
function canConfigureLogs(resource: Resource): boolean {
  return isCloudFormationFormat(resource.format) || resource.sourceType.startsWith('awscc_');
}

export default defineRule({
  meta: {
    id: 'security/access-logs-off',
    category: 'security',
    severity: 'info',
    description: 'A MediaPackage v1 channel or VOD packaging group that writes no access logs.',
    details:
      'Reports an `AWS::MediaPackage::Channel` without `IngressAccessLogs` or `EgressAccessLogs`, and an `AWS::MediaPackage::PackagingGroup` without `EgressAccessLogs`, naming the missing ones. Resources whose properties may hold members the tool cannot see are not reported. Terraform and Pangea resources are checked only for the Cloud Control types (`awscc_mediapackage_channel`, `awscc_mediapackage_packaging_group`): hashicorp/aws `aws_media_package_channel`, which Pangea also emits, has no access log arguments, so a finding there could not be acted on.',
    rationale:
      'Access logging is "an optional feature of MediaPackage that\'s disabled by default". Without egress logs nobody can tell who pulled content from the origin (hotlinking, a leaked URL, a CDN bypass); without ingress logs, who pushed to it. It is reported as information, not a warning: AWS documents the logs as optional, their absence neither breaks playback nor exposes content by itself, and they cost CloudWatch Logs ingestion, so it is a trade-off each team makes. Raise it to warning in the configuration if your policy requires origin logs.',
    messages: {
      noLogs: "{{noun}} '{{name}}' writes no {{missing}}; enable them (they go to CloudWatch Logs) to keep a record of who {{who}} the origin.",
    },
    appliesTo: ['AWS::MediaPackage::Channel', 'AWS::MediaPackage::PackagingGroup'],
    sources: ['MP-012'],
    securitySeverity: 2.0,
    references: [
      { title: 'MediaPackage user guide: access logging', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/access-logging.html' },
      { title: 'AWS CloudFormation: AWS::MediaPackage::Channel (IngressAccessLogs, EgressAccessLogs)', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-mediapackage-channel.html' },
    ],
  },
  check(context) {
    for (const { type, noun, members } of logMembers) {
      for (const resource of context.resources(type)) {
        if (!canConfigureLogs(resource)) continue;
        const root = Cursor.root(resource);
        const missing = members.map((member) => root.get(member)).filter((cursor) => cursor.isMissing);
        if (missing.length === 0) continue;
        const names = missing.map(memberLabel);
        const ingress = missing.some((cursor) => cursor.path[0] === 'ingress_access_logs');
        const egress = missing.some((cursor) => cursor.path[0] === 'egress_access_logs');
        context.report({
          at: root,
          messageId: 'noLogs',
          data: { noun, name: root.get('id').string() ?? resource.address, missing: names.join(' or '), who: ingress && egress ? 'pushed to and pulled from' : ingress ? 'pushed to' : 'pulled from' },
        });
      }
    }
  },
});
