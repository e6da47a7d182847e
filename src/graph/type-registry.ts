/**
 * Every spelling of every media resource type, mapped to one canonical type (the CloudFormation
 * name). Sources:
 * - CloudFormation: the AWS resource type reference (and `@aws-cdk/aws-service-spec`).
 * - Terraform hashicorp/aws: `aws_medialive_*`, `aws_media_package_channel`,
 *   `aws_media_packagev2_channel_group`, `aws_media_convert_queue`, `aws_kinesis_video_stream`.
 * - Terraform awscc (Cloud Control, generated from the CloudFormation schemas): `awscc_<service>_<type>`.
 * - Pangea: the seed document's names (`aws_mediapackage_origin_endpoint`, `aws_kinesisvideo_stream`,
 *   `aws_mediaconvert_job_template`, …; see shared/pangea/REPORT.md §3.1), the current pangea-aws
 *   generated names (identical to Terraform's) and the earlier hand-written ones
 *   (`aws_media_live_channel`, `aws_media_package_origin_endpoint`).
 * - CDK: the L1 classes of `aws-cdk-lib/aws-<service>` (`CfnChannel`).
 */

export type ServiceId = 'medialive' | 'mediapackage' | 'mediapackagev2' | 'mediaconvert' | 'kinesisvideo';

export interface ResourceTypeInfo {
  canonical: string;
  service: ServiceId;
  /** False for the MediaConvert job, which has no CloudFormation type (jobs are submitted, not
   * deployed); its shape comes from the SDK's `CreateJobRequest`. */
  cloudFormation: boolean;
  terraform: string[];
  pangea: string[];
  cdk: { module: string; className: string } | undefined;
}

interface TypeDeclaration {
  canonical: string;
  service: ServiceId;
  cloudFormation?: false;
  terraform?: string[];
  pangea?: string[];
}

const declarations: TypeDeclaration[] = [
  // AWS Elemental MediaLive
  { canonical: 'AWS::MediaLive::Channel', service: 'medialive', terraform: ['aws_medialive_channel'], pangea: ['aws_medialive_channel', 'aws_media_live_channel'] },
  { canonical: 'AWS::MediaLive::Input', service: 'medialive', terraform: ['aws_medialive_input'], pangea: ['aws_medialive_input', 'aws_media_live_input'] },
  { canonical: 'AWS::MediaLive::InputSecurityGroup', service: 'medialive', terraform: ['aws_medialive_input_security_group'], pangea: ['aws_medialive_input_security_group'] },
  { canonical: 'AWS::MediaLive::Multiplex', service: 'medialive', terraform: ['aws_medialive_multiplex', 'awscc_medialive_multiplex'], pangea: ['aws_medialive_multiplex'] },
  { canonical: 'AWS::MediaLive::Multiplexprogram', service: 'medialive', terraform: ['aws_medialive_multiplex_program', 'awscc_medialive_multiplexprogram'], pangea: ['aws_medialive_multiplex_program'] },
  // AWS Elemental MediaPackage v1 (live and VOD)
  { canonical: 'AWS::MediaPackage::Channel', service: 'mediapackage', terraform: ['aws_media_package_channel', 'awscc_mediapackage_channel'], pangea: ['aws_mediapackage_channel', 'aws_media_package_channel'] },
  { canonical: 'AWS::MediaPackage::OriginEndpoint', service: 'mediapackage', terraform: ['awscc_mediapackage_origin_endpoint'], pangea: ['aws_mediapackage_origin_endpoint', 'aws_media_package_origin_endpoint'] },
  { canonical: 'AWS::MediaPackage::PackagingConfiguration', service: 'mediapackage', terraform: ['awscc_mediapackage_packaging_configuration'], pangea: ['aws_mediapackage_packaging_configuration'] },
  { canonical: 'AWS::MediaPackage::PackagingGroup', service: 'mediapackage', terraform: ['awscc_mediapackage_packaging_group'], pangea: ['aws_mediapackage_packaging_group'] },
  { canonical: 'AWS::MediaPackage::Asset', service: 'mediapackage', terraform: ['awscc_mediapackage_asset'], pangea: ['aws_mediapackage_asset'] },
  // AWS Elemental MediaPackage v2
  { canonical: 'AWS::MediaPackageV2::ChannelGroup', service: 'mediapackagev2', terraform: ['aws_media_packagev2_channel_group', 'awscc_mediapackagev2_channel_group'], pangea: ['aws_media_packagev2_channel_group'] },
  { canonical: 'AWS::MediaPackageV2::Channel', service: 'mediapackagev2', terraform: ['awscc_mediapackagev2_channel'], pangea: ['aws_media_packagev2_channel'] },
  { canonical: 'AWS::MediaPackageV2::OriginEndpoint', service: 'mediapackagev2', terraform: ['awscc_mediapackagev2_origin_endpoint'], pangea: ['aws_media_packagev2_origin_endpoint'] },
  // AWS Elemental MediaConvert
  { canonical: 'AWS::MediaConvert::JobTemplate', service: 'mediaconvert', terraform: ['awscc_mediaconvert_job_template'], pangea: ['aws_mediaconvert_job_template'] },
  { canonical: 'AWS::MediaConvert::Preset', service: 'mediaconvert', terraform: ['awscc_mediaconvert_preset'], pangea: ['aws_mediaconvert_preset'] },
  { canonical: 'AWS::MediaConvert::Queue', service: 'mediaconvert', terraform: ['aws_media_convert_queue', 'awscc_mediaconvert_queue'], pangea: ['aws_mediaconvert_queue', 'aws_media_convert_queue'] },
  { canonical: 'AWS::MediaConvert::Job', service: 'mediaconvert', cloudFormation: false, pangea: ['aws_mediaconvert_job'] },
  // Amazon Kinesis Video Streams
  { canonical: 'AWS::KinesisVideo::Stream', service: 'kinesisvideo', terraform: ['aws_kinesis_video_stream', 'awscc_kinesisvideo_stream'], pangea: ['aws_kinesisvideo_stream', 'aws_kinesis_video_stream'] },
  { canonical: 'AWS::KinesisVideo::SignalingChannel', service: 'kinesisvideo', terraform: ['awscc_kinesisvideo_signaling_channel'], pangea: ['aws_kinesisvideo_signaling_channel'] },
];

const cdkModules: Record<string, string> = {
  MediaLive: 'aws-medialive',
  MediaPackage: 'aws-mediapackage',
  MediaPackageV2: 'aws-mediapackagev2',
  MediaConvert: 'aws-mediaconvert',
  KinesisVideo: 'aws-kinesisvideo',
};

export const resourceTypes: readonly ResourceTypeInfo[] = declarations.map((declaration) => {
  const [, namespace, name] = declaration.canonical.split('::') as [string, string, string];
  const cloudFormation = declaration.cloudFormation ?? true;
  return {
    canonical: declaration.canonical,
    service: declaration.service,
    cloudFormation,
    terraform: declaration.terraform ?? [],
    pangea: declaration.pangea ?? [],
    cdk: cloudFormation ? { module: `aws-cdk-lib/${cdkModules[namespace]}`, className: `Cfn${name}` } : undefined,
  };
});

/**
 * Seed names that denote a nested part of a resource rather than a resource of their own
 * (`aws_medialive_channel_encoder_settings`). They are checked as that part of the parent. `*` in a
 * path stands for every item of a list.
 */
export interface NestedSettingsName {
  name: string;
  parent: string;
  path: string[];
}

export const nestedSettingsNames: readonly NestedSettingsName[] = [
  { name: 'aws_medialive_channel_encoder_settings', parent: 'AWS::MediaLive::Channel', path: ['encoder_settings'] },
  { name: 'aws_medialive_channel_output_settings', parent: 'AWS::MediaLive::Channel', path: ['encoder_settings', 'output_groups', '*'] },
  { name: 'aws_medialive_channel_input_specification', parent: 'AWS::MediaLive::Channel', path: ['input_specification'] },
  { name: 'aws_medialive_input_attachment', parent: 'AWS::MediaLive::Channel', path: ['input_attachments', '*'] },
  { name: 'aws_medialive_multiplex_settings', parent: 'AWS::MediaLive::Multiplex', path: ['multiplex_settings'] },
  { name: 'aws_mediaconvert_job_settings', parent: 'AWS::MediaConvert::Job', path: ['settings'] },
  { name: 'aws_mediaconvert_output_group', parent: 'AWS::MediaConvert::Job', path: ['settings', 'output_groups', '*'] },
  { name: 'aws_mediaconvert_input', parent: 'AWS::MediaConvert::Job', path: ['settings', 'inputs', '*'] },
  { name: 'aws_mediaconvert_output', parent: 'AWS::MediaConvert::Job', path: ['settings', 'output_groups', '*', 'outputs', '*'] },
  { name: 'aws_mediaconvert_acceleration_settings', parent: 'AWS::MediaConvert::Job', path: ['acceleration_settings'] },
];

/**
 * Property spellings that differ between formats, per canonical type, applied by the front-ends:
 * `from` (as written in that format, canonical path) → `to` (the CloudFormation member's canonical
 * name). The MediaPackage v1 resources call their id `Id` in CloudFormation but `channel_id`
 * (Terraform, Pangea) or `endpoint_id` / `packaging_configuration_id` / `packaging_group_id` (the
 * seed); MediaConvert templates and presets hold `SettingsJson` where the seed writes `settings`;
 * Terraform's MediaLive input specification says `input_resolution` for `Resolution`.
 */
export interface PropertyAlias {
  type: string;
  formats: Array<'terraform' | 'pangea'>;
  /** Canonical path of the aliased member, `*` for list items. */
  path: string[];
  to: string;
}

export const propertyAliases: readonly PropertyAlias[] = [
  { type: 'AWS::MediaPackage::Channel', formats: ['terraform', 'pangea'], path: ['channel_id'], to: 'id' },
  { type: 'AWS::MediaPackage::OriginEndpoint', formats: ['terraform', 'pangea'], path: ['endpoint_id'], to: 'id' },
  { type: 'AWS::MediaPackage::PackagingConfiguration', formats: ['terraform', 'pangea'], path: ['packaging_configuration_id'], to: 'id' },
  { type: 'AWS::MediaPackage::PackagingGroup', formats: ['terraform', 'pangea'], path: ['packaging_group_id'], to: 'id' },
  { type: 'AWS::MediaConvert::JobTemplate', formats: ['terraform', 'pangea'], path: ['settings'], to: 'settings_json' },
  { type: 'AWS::MediaConvert::Preset', formats: ['terraform', 'pangea'], path: ['settings'], to: 'settings_json' },
  { type: 'AWS::MediaLive::Channel', formats: ['terraform'], path: ['input_specification', 'input_resolution'], to: 'resolution' },
  // hashicorp/aws `aws_media_packagev2_channel_group` names the group `name` (awscc: `channel_group_name`).
  { type: 'AWS::MediaPackageV2::ChannelGroup', formats: ['terraform'], path: ['name'], to: 'channel_group_name' },
];

const bySpelling = new Map<string, ResourceTypeInfo>();
for (const info of resourceTypes) {
  bySpelling.set(info.canonical, info);
  for (const name of [...info.terraform, ...info.pangea]) bySpelling.set(name, info);
}

/** The canonical type info for any spelling (CloudFormation, Terraform, Pangea). */
export function lookupResourceType(spelling: string): ResourceTypeInfo | undefined {
  return bySpelling.get(spelling);
}

/** The canonical type info for a CDK L1 class of a module (`aws-cdk-lib/aws-medialive`, `CfnChannel`). */
export function lookupCdkClass(module: string, className: string): ResourceTypeInfo | undefined {
  return resourceTypes.find((info) => info.cdk?.module === module && info.cdk.className === className);
}

export function lookupNestedSettingsName(spelling: string): NestedSettingsName | undefined {
  return nestedSettingsNames.find((entry) => entry.name === spelling);
}

/** Every spelling the registry knows, for "did you mean" suggestions. */
export function allResourceSpellings(): string[] {
  return [...bySpelling.keys()];
}
