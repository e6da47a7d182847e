import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

describe('schema/unknown-property', () => {
  it('reports unknown members at any depth, with the closest member', async () => {
    expect(await fixtureFindings('cloudformation/schema/unknown-property/fail.yaml', 'schema/unknown-property')).toEqual([
      { ruleId: 'schema/unknown-property', line: 7, column: 7, message: "Unknown property 'DataRetentionHours' in AWS::KinesisVideo::Stream; did you mean 'DataRetentionInHours'?" },
      { ruleId: 'schema/unknown-property', line: 22, column: 15, message: "Unknown property 'GopSizeUnit' in H264Settings; did you mean 'GopSizeUnits'?" },
      { ruleId: 'schema/unknown-property', line: 25, column: 11, message: "Unknown property 'Mp4Setings' in ContainerSettings; did you mean 'Mp4Settings'?" },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('cloudformation/schema/unknown-property/pass.yaml', 'schema/unknown-property')).toEqual([]);
  });
});

describe('schema/invalid-type', () => {
  it('reports a string where an integer belongs and an object where a list belongs', async () => {
    expect(await fixtureFindings('cloudformation/schema/invalid-type/fail.yaml', 'schema/invalid-type')).toEqual([
      { ruleId: 'schema/invalid-type', line: 7, column: 29, message: 'DataRetentionInHours in AWS::KinesisVideo::Stream must be an integer, not the string "one day".' },
      {
        ruleId: 'schema/invalid-type',
        line: 12,
        column: 9,
        message: 'WhitelistRules in AWS::MediaLive::InputSecurityGroup must be a list of InputWhitelistRuleCidr objects, not an object.',
      },
    ]);
  });

  it('accepts numbers written as strings, as CloudFormation does', async () => {
    expect(await fixtureFindings('cloudformation/schema/invalid-type/pass.yaml', 'schema/invalid-type')).toEqual([]);
  });
});

describe('schema/invalid-enum', () => {
  it('reports values outside the SDK enum with the closest valid value', async () => {
    expect(await fixtureFindings('cloudformation/schema/invalid-enum/fail.yaml', 'schema/invalid-enum')).toEqual([
      { ruleId: 'schema/invalid-enum', line: 12, column: 13, message: '"rtmp_push" is not a valid value for Type in AWS::MediaLive::Input; did you mean "RTMP_PUSH"?' },
      { ruleId: 'schema/invalid-enum', line: 21, column: 20, message: '"ONDEMAND" is not a valid value for PricingPlan in AWS::MediaConvert::Queue; did you mean "ON_DEMAND"?' },
    ]);
  });

  it('accepts valid values', async () => {
    expect(await fixtureFindings('cloudformation/schema/invalid-enum/pass.yaml', 'schema/invalid-enum')).toEqual([]);
  });
});

describe('schema/missing-required', () => {
  it('reports required members missing at the top level and in nested structures', async () => {
    expect(await fixtureFindings('cloudformation/schema/missing-required/fail.yaml', 'schema/missing-required')).toEqual([
      { ruleId: 'schema/missing-required', line: 50, column: 13, message: "AudioDescription requires 'AudioSelectorName', which is missing." },
      { ruleId: 'schema/missing-required', line: 57, column: 17, message: "Output requires 'OutputSettings', which is missing." },
      { ruleId: 'schema/missing-required', line: 61, column: 3, message: "AWS::MediaLive::Multiplex requires 'AvailabilityZones', which is missing." },
    ]);
  });

  it('accepts complete structures', async () => {
    expect(await fixtureFindings('cloudformation/schema/missing-required/pass.yaml', 'schema/missing-required')).toEqual([]);
  });
});

describe('schema/out-of-range', () => {
  it('reports numbers outside the documented ranges, naming the source', async () => {
    expect(await fixtureFindings('cloudformation/schema/out-of-range/fail.yaml', 'schema/out-of-range')).toEqual([
      {
        ruleId: 'schema/out-of-range',
        line: 8,
        column: 26,
        message: 'MessageTtlSeconds 300 is out of range for AWS::KinesisVideo::SignalingChannel: it must be between 5 and 120 (Kinesis Video Streams API model [KVS-API]).',
      },
      {
        ruleId: 'schema/out-of-range',
        line: 13,
        column: 29,
        message: 'DataRetentionInHours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).',
      },
      {
        ruleId: 'schema/out-of-range',
        line: 20,
        column: 33,
        message: 'TransportStreamBitrate 500000 is out of range for MultiplexSettings: it must be between 1000000 and 100000000 (MediaLive API model [ML-API]).',
      },
    ]);
  });

  it('accepts the limits themselves', async () => {
    expect(await fixtureFindings('cloudformation/schema/out-of-range/pass.yaml', 'schema/out-of-range')).toEqual([]);
  });
});

describe('unknown values', () => {
  it('never produce a finding, whatever the rule', async () => {
    expect(await fixtureFindings('cloudformation/unknown-values.yaml')).toEqual([]);
  });
});

describe('schema/unknown-resource-type', () => {
  it('reports misspelt media resource types with the closest real one', async () => {
    expect(await fixtureFindings('cloudformation/schema/unknown-resource-type/fail.yaml', 'schema/unknown-resource-type')).toEqual([
      { ruleId: 'schema/unknown-resource-type', line: 4, column: 11, message: "Unknown resource type 'AWS::MediaLive::Chanel'; did you mean 'AWS::MediaLive::Channel'?" },
      { ruleId: 'schema/unknown-resource-type', line: 8, column: 11, message: "Unknown resource type 'AWS::Kinesisvideo::Stream'; did you mean 'AWS::KinesisVideo::Stream'?" },
    ]);
  });

  it('accepts real types, including those media-lint does not model', async () => {
    expect(await fixtureFindings('cloudformation/schema/unknown-resource-type/pass.yaml', 'schema/unknown-resource-type')).toEqual([]);
  });
});
