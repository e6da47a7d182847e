import { describe, expect, it } from 'vitest';
import { lookupCdkClass, lookupNestedSettingsName, lookupResourceType, resourceTypes } from '../../src/graph/type-registry.js';
import { defaultSpecRegistry } from '../../src/specs/registry.js';

describe('type registry', () => {
  it.each([
    // The fifteen resources of the seed document, with the seed's spelling.
    ['aws_medialive_channel', 'AWS::MediaLive::Channel'],
    ['aws_medialive_input', 'AWS::MediaLive::Input'],
    ['aws_medialive_input_security_group', 'AWS::MediaLive::InputSecurityGroup'],
    ['aws_medialive_multiplex', 'AWS::MediaLive::Multiplex'],
    ['aws_medialive_multiplex_program', 'AWS::MediaLive::Multiplexprogram'],
    ['aws_mediapackage_channel', 'AWS::MediaPackage::Channel'],
    ['aws_mediapackage_origin_endpoint', 'AWS::MediaPackage::OriginEndpoint'],
    ['aws_mediapackage_packaging_configuration', 'AWS::MediaPackage::PackagingConfiguration'],
    ['aws_mediapackage_packaging_group', 'AWS::MediaPackage::PackagingGroup'],
    ['aws_kinesisvideo_stream', 'AWS::KinesisVideo::Stream'],
    ['aws_kinesisvideo_signaling_channel', 'AWS::KinesisVideo::SignalingChannel'],
    ['aws_mediaconvert_job_template', 'AWS::MediaConvert::JobTemplate'],
    ['aws_mediaconvert_preset', 'AWS::MediaConvert::Preset'],
    ['aws_mediaconvert_queue', 'AWS::MediaConvert::Queue'],
    ['aws_mediaconvert_job', 'AWS::MediaConvert::Job'],
    // Real Terraform / current pangea-aws names.
    ['aws_media_package_channel', 'AWS::MediaPackage::Channel'],
    ['aws_kinesis_video_stream', 'AWS::KinesisVideo::Stream'],
    ['aws_media_convert_queue', 'AWS::MediaConvert::Queue'],
    ['aws_media_packagev2_channel_group', 'AWS::MediaPackageV2::ChannelGroup'],
    // Earlier hand-written pangea-aws names and the seed's "extended" real type.
    ['aws_media_live_channel', 'AWS::MediaLive::Channel'],
    ['aws_media_package_origin_endpoint', 'AWS::MediaPackage::OriginEndpoint'],
    ['aws_mediapackage_asset', 'AWS::MediaPackage::Asset'],
    // CloudFormation names map to themselves.
    ['AWS::MediaPackageV2::OriginEndpoint', 'AWS::MediaPackageV2::OriginEndpoint'],
  ])('%s → %s', (spelling, canonical) => {
    expect(lookupResourceType(spelling)?.canonical).toBe(canonical);
  });

  it('does not map names that are not resources', () => {
    expect(lookupResourceType('aws_medialive_channel_encoder_settings')).toBeUndefined();
    expect(lookupResourceType('aws_s3_bucket')).toBeUndefined();
  });

  it('maps the seed names of nested settings to a part of their parent', () => {
    expect(lookupNestedSettingsName('aws_medialive_channel_encoder_settings')).toEqual({
      name: 'aws_medialive_channel_encoder_settings',
      parent: 'AWS::MediaLive::Channel',
      path: ['encoder_settings'],
    });
    expect(lookupNestedSettingsName('aws_mediaconvert_output')?.path).toEqual(['settings', 'output_groups', '*', 'outputs', '*']);
  });

  it('knows the CDK L1 class of each CloudFormation type', () => {
    expect(lookupCdkClass('aws-cdk-lib/aws-medialive', 'CfnMultiplexprogram')?.canonical).toBe('AWS::MediaLive::Multiplexprogram');
    expect(lookupCdkClass('aws-cdk-lib/aws-mediapackagev2', 'CfnOriginEndpoint')?.canonical).toBe('AWS::MediaPackageV2::OriginEndpoint');
  });

  it('has a generated spec for every canonical type, including the nested paths', () => {
    const specs = defaultSpecRegistry();
    for (const info of resourceTypes) {
      const spec = specs.resource(info.canonical);
      expect(spec, info.canonical).toBeDefined();
      expect(spec!.cloudFormation).toBe(info.cloudFormation);
    }
  });
});
