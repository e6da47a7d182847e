/**
 * Hand-maintained facts the generator cannot derive from the models: which SDK request structure
 * each resource type is created with, CloudFormation members the SDK spells differently, and the
 * request plumbing that is never configuration.
 */
import type { ServiceId } from '../../src/graph/type-registry.js';

export interface SdkTarget {
  /** `@aws-sdk/client-medialive`. */
  packageName: string;
  /** The create-request structure the top level is matched with. */
  request: string;
}

/** The create request of every resource type of the registry. */
export const sdkTargets: Record<string, SdkTarget> = {
  'AWS::MediaLive::Channel': { packageName: '@aws-sdk/client-medialive', request: 'CreateChannelRequest' },
  'AWS::MediaLive::Input': { packageName: '@aws-sdk/client-medialive', request: 'CreateInputRequest' },
  'AWS::MediaLive::InputSecurityGroup': { packageName: '@aws-sdk/client-medialive', request: 'CreateInputSecurityGroupRequest' },
  'AWS::MediaLive::Multiplex': { packageName: '@aws-sdk/client-medialive', request: 'CreateMultiplexRequest' },
  'AWS::MediaLive::Multiplexprogram': { packageName: '@aws-sdk/client-medialive', request: 'CreateMultiplexProgramRequest' },
  'AWS::MediaPackage::Channel': { packageName: '@aws-sdk/client-mediapackage', request: 'CreateChannelRequest' },
  'AWS::MediaPackage::OriginEndpoint': { packageName: '@aws-sdk/client-mediapackage', request: 'CreateOriginEndpointRequest' },
  'AWS::MediaPackage::PackagingConfiguration': { packageName: '@aws-sdk/client-mediapackage-vod', request: 'CreatePackagingConfigurationRequest' },
  'AWS::MediaPackage::PackagingGroup': { packageName: '@aws-sdk/client-mediapackage-vod', request: 'CreatePackagingGroupRequest' },
  'AWS::MediaPackage::Asset': { packageName: '@aws-sdk/client-mediapackage-vod', request: 'CreateAssetRequest' },
  'AWS::MediaPackageV2::ChannelGroup': { packageName: '@aws-sdk/client-mediapackagev2', request: 'CreateChannelGroupRequest' },
  'AWS::MediaPackageV2::Channel': { packageName: '@aws-sdk/client-mediapackagev2', request: 'CreateChannelRequest' },
  'AWS::MediaPackageV2::OriginEndpoint': { packageName: '@aws-sdk/client-mediapackagev2', request: 'CreateOriginEndpointRequest' },
  'AWS::MediaConvert::JobTemplate': { packageName: '@aws-sdk/client-mediaconvert', request: 'CreateJobTemplateRequest' },
  'AWS::MediaConvert::Preset': { packageName: '@aws-sdk/client-mediaconvert', request: 'CreatePresetRequest' },
  'AWS::MediaConvert::Queue': { packageName: '@aws-sdk/client-mediaconvert', request: 'CreateQueueRequest' },
  'AWS::MediaConvert::Job': { packageName: '@aws-sdk/client-mediaconvert', request: 'CreateJobRequest' },
  'AWS::KinesisVideo::Stream': { packageName: '@aws-sdk/client-kinesis-video', request: 'CreateStreamInput' },
  'AWS::KinesisVideo::SignalingChannel': { packageName: '@aws-sdk/client-kinesis-video', request: 'CreateSignalingChannelInput' },
};

/** Pseudo shape name of a resource's top level (in alias tables and CloudFormation enum keys). */
export const TOP_LEVEL = '(resource)';

/**
 * CloudFormation members whose SDK counterpart has another name, per resource type and shape
 * (`(resource)` for the top level): CloudFormation name → SDK name. The member keeps the
 * CloudFormation spelling (and key); the SDK member is merged into it instead of being listed
 * separately.
 */
export const memberAliases: Record<string, Record<string, Record<string, string>>> = {
  'AWS::KinesisVideo::Stream': { [TOP_LEVEL]: { Name: 'StreamName' } },
  'AWS::KinesisVideo::SignalingChannel': { [TOP_LEVEL]: { Name: 'ChannelName', Type: 'ChannelType' } },
  'AWS::MediaConvert::JobTemplate': { [TOP_LEVEL]: { SettingsJson: 'Settings' } },
  'AWS::MediaConvert::Preset': { [TOP_LEVEL]: { SettingsJson: 'Settings' } },
};

/**
 * JSON-typed CloudFormation properties that the SDK describes as structures: their type becomes the
 * SDK structure (added with all its descendants to the resource's shapes) instead of `json`.
 * Resource type → top-level CloudFormation property names.
 */
export const jsonAsStructure: Record<string, string[]> = {
  'AWS::MediaConvert::JobTemplate': ['SettingsJson'],
  'AWS::MediaConvert::Preset': ['SettingsJson'],
};

/**
 * Top-level SDK request members that are request plumbing, never configuration, and are therefore
 * not listed (CloudFormation members are always kept, whatever their name):
 * - `RequestId` (MediaLive): idempotency token the SDK fills in.
 * - `ClientToken` (MediaPackage v2): idempotency token.
 * - `ClientRequestToken` (MediaConvert `CreateJob`): idempotency token.
 */
export const plumbingMembers: readonly string[] = ['ClientRequestToken', 'ClientToken', 'RequestId'];

/** Resource-level documentation for types without a CloudFormation resource. */
export const fixedDocumentation: Record<string, string> = {
  'AWS::MediaConvert::Job':
    'A MediaConvert transcoding job, as submitted with the CreateJob API (there is no CloudFormation resource type).',
};

export const serviceIds: readonly ServiceId[] = ['medialive', 'mediapackage', 'mediapackagev2', 'mediaconvert', 'kinesisvideo'];
