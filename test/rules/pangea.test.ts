import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

// The Pangea twins of the rule fixtures: exact Ruby positions and messages (names in Pangea's
// snake_case). Parity with the CloudFormation fixtures is asserted in pangea-parity.test.ts.

describe('schema/unknown-property (Pangea)', () => {
  it('reports unknown members at any depth, with the closest member', async () => {
    expect(await fixtureFindings('pangea/schema/unknown-property/fail.rb', 'schema/unknown-property')).toEqual([
      { ruleId: 'schema/unknown-property', line: 4, column: 5, message: "Unknown property 'data_retention_hours' in AWS::KinesisVideo::Stream; did you mean 'data_retention_in_hours'?" },
      { ruleId: 'schema/unknown-property', line: 19, column: 13, message: "Unknown property 'gop_size_unit' in H264Settings; did you mean 'gop_size_units'?" },
      { ruleId: 'schema/unknown-property', line: 25, column: 9, message: "Unknown property 'mp4_setings' in ContainerSettings; did you mean 'mp4_settings'?" },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/schema/unknown-property/pass.rb', 'schema/unknown-property')).toEqual([]);
  });
});

describe('schema/invalid-type (Pangea)', () => {
  it('reports a string where an integer belongs and a string where a list belongs', async () => {
    expect(await fixtureFindings('pangea/schema/invalid-type/fail.rb', 'schema/invalid-type')).toEqual([
      { ruleId: 'schema/invalid-type', line: 4, column: 30, message: 'data_retention_in_hours in AWS::KinesisVideo::Stream must be an integer, not the string "one day".' },
      { ruleId: 'schema/invalid-type', line: 10, column: 22, message: 'whitelist_rules in AWS::MediaLive::InputSecurityGroup must be a list of InputWhitelistRuleCidr objects, not the string "203.0.113.0/24".' },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/schema/invalid-type/pass.rb', 'schema/invalid-type')).toEqual([]);
  });
});

describe('schema/invalid-enum (Pangea)', () => {
  it('reports values outside the SDK enum with the closest valid value', async () => {
    expect(await fixtureFindings('pangea/schema/invalid-enum/fail.rb', 'schema/invalid-enum')).toEqual([
      { ruleId: 'schema/invalid-enum', line: 8, column: 11, message: '"rtmp_push" is not a valid value for type in AWS::MediaLive::Input; did you mean "RTMP_PUSH"?' },
      { ruleId: 'schema/invalid-enum', line: 15, column: 19, message: '"ONDEMAND" is not a valid value for pricing_plan in AWS::MediaConvert::Queue; did you mean "ON_DEMAND"?' },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/schema/invalid-enum/pass.rb', 'schema/invalid-enum')).toEqual([]);
  });
});

describe('schema/missing-required (Pangea)', () => {
  it('reports required members missing at the top level and in nested structures', async () => {
    expect(await fixtureFindings('pangea/schema/missing-required/fail.rb', 'schema/missing-required')).toEqual([
      { ruleId: 'schema/missing-required', line: 44, column: 28, message: "AudioDescription requires 'audio_selector_name', which is missing." },
      { ruleId: 'schema/missing-required', line: 51, column: 19, message: "Output requires 'output_settings', which is missing." },
      { ruleId: 'schema/missing-required', line: 60, column: 27, message: "AWS::MediaLive::Multiplex requires 'availability_zones', which is missing." },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/schema/missing-required/pass.rb', 'schema/missing-required')).toEqual([]);
  });
});

describe('schema/out-of-range (Pangea)', () => {
  it('reports numbers outside the documented ranges, naming the source', async () => {
    expect(await fixtureFindings('pangea/schema/out-of-range/fail.rb', 'schema/out-of-range')).toEqual([
      { ruleId: 'schema/out-of-range', line: 5, column: 26, message: 'message_ttl_seconds 300 is out of range for AWS::KinesisVideo::SignalingChannel: it must be between 5 and 120 (Kinesis Video Streams API model [KVS-API]).' },
      { ruleId: 'schema/out-of-range', line: 10, column: 30, message: 'data_retention_in_hours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).' },
      { ruleId: 'schema/out-of-range', line: 17, column: 33, message: 'transport_stream_bitrate 500000 is out of range for MultiplexSettings: it must be between 1000000 and 100000000 (MediaLive API model [ML-API]).' },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/schema/out-of-range/pass.rb', 'schema/out-of-range')).toEqual([]);
  });
});

describe('schema/unknown-resource-type (Pangea)', () => {
  it('reports misspelt media resource names at the method or type symbol', async () => {
    expect(await fixtureFindings('pangea/schema/unknown-resource-type/fail.rb', 'schema/unknown-resource-type')).toEqual([
      { ruleId: 'schema/unknown-resource-type', line: 2, column: 3, message: "Unknown resource type 'aws_medialive_multiplx'; did you mean 'aws_medialive_multiplex'?" },
      { ruleId: 'schema/unknown-resource-type', line: 6, column: 12, message: "Unknown resource type 'aws_kinesisvideo_streams'; did you mean 'aws_kinesis_video_stream'?" },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/schema/unknown-resource-type/pass.rb', 'schema/unknown-resource-type')).toEqual([]);
  });
});

describe('reference/unresolved (Pangea)', () => {
  it('reports ref(), var() and output references to names that are not defined', async () => {
    expect(await fixtureFindings('pangea/reference/unresolved/fail.rb', 'reference/unresolved')).toEqual([
      { ruleId: 'reference/unresolved', line: 13, column: 29, message: "ref(:aws_medialive_input_security_group, :contribution_security_grup, :id) refers to 'aws_medialive_input_security_group.contribution_security_grup', which is not defined in this template; did you mean 'aws_medialive_input_security_group.contribution_security_group'?" },
      { ruleId: 'reference/unresolved', line: 65, column: 23, message: "var(:recording_nam) refers to 'var.recording_nam', which is not defined in this template; did you mean 'var.recording_name'?" },
      { ruleId: 'reference/unresolved', line: 74, column: 11, message: "ref(:aws_medialive_channel, :live_chanel, :arn) refers to 'aws_medialive_channel.live_chanel', which is not defined in this template; did you mean 'aws_medialive_channel.live_channel'?" },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/reference/unresolved/pass.rb', 'reference/unresolved')).toEqual([]);
  });
});

describe('reference/destination-ref-id (Pangea)', () => {
  it("reports a destination_ref_id that is not one of the channel's destinations", async () => {
    expect(await fixtureFindings('pangea/reference/destination-ref-id/fail.rb', 'reference/destination-ref-id')).toEqual([
      { ruleId: 'reference/destination-ref-id', line: 48, column: 48, message: "DestinationRefId 'packageing' does not match any destination of the channel; did you mean 'packaging'?" },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/reference/destination-ref-id/pass.rb', 'reference/destination-ref-id')).toEqual([]);
  });
});

describe('reference/description-name (Pangea)', () => {
  it('reports description names that the channel does not define', async () => {
    expect(await fixtureFindings('pangea/reference/description-name/fail.rb', 'reference/description-name')).toEqual([
      { ruleId: 'reference/description-name', line: 53, column: 35, message: "video_description_name 'video_720' is not the name of any video description of the channel; did you mean 'video_720p'?" },
      { ruleId: 'reference/description-name', line: 54, column: 37, message: "audio_description_names 'audio_sterio' is not the name of any audio description of the channel; did you mean 'audio_stereo'?" },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/reference/description-name/pass.rb', 'reference/description-name')).toEqual([]);
  });
});

describe('reference/input-attachment (Pangea)', () => {
  it('reports attachments to a resource that is not an input, and to a missing one', async () => {
    expect(await fixtureFindings('pangea/reference/input-attachment/fail.rb', 'reference/input-attachment')).toEqual([
      { ruleId: 'reference/input-attachment', line: 21, column: 58, message: "input_id contribution_security_group.id refers to 'aws_medialive_input_security_group.contribution_security_group' (aws_medialive_input_security_group), which is not a MediaLive input." },
      { ruleId: 'reference/input-attachment', line: 22, column: 52, message: "input_id ref(:aws_medialive_input, :backup_contributon, :id) refers to 'aws_medialive_input.backup_contributon', which is not defined in this template; did you mean 'aws_medialive_input.contribution'?" },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/reference/input-attachment/pass.rb', 'reference/input-attachment')).toEqual([]);
  });
});

describe('reference/multiplex-program (Pangea)', () => {
  it('reports programs whose multiplex reference is missing or not a multiplex', async () => {
    expect(await fixtureFindings('pangea/reference/multiplex-program/fail.rb', 'reference/multiplex-program')).toEqual([
      { ruleId: 'reference/multiplex-program', line: 12, column: 19, message: "multiplex_id ref(:aws_medialive_multiplex, :broadcast_mx, :id) refers to 'aws_medialive_multiplex.broadcast_mx', which is not defined in this template; did you mean 'aws_medialive_multiplex.broadcast_mux'?" },
      { ruleId: 'reference/multiplex-program', line: 24, column: 19, message: "multiplex_id news_feed.id refers to 'aws_medialive_input.news_feed' (aws_medialive_input), which is not a MediaLive multiplex." },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/reference/multiplex-program/pass.rb', 'reference/multiplex-program')).toEqual([]);
  });
});

describe('parse-error (Pangea)', () => {
  it("reports prism's first message at its line and column", async () => {
    expect(await fixtureFindings('pangea/parse-error/fail.rb', 'parse-error')).toEqual([
      { ruleId: 'parse-error', line: 2, column: 40, message: 'expected a `}` to close the hash literal' },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/parse-error/pass.rb', 'parse-error')).toEqual([]);
  });
});

describe('file-error (Pangea)', () => {
  it('reports a file that is not UTF-8 at the first bad byte', async () => {
    expect(await fixtureFindings('pangea/file-error/fail.rb', 'file-error')).toEqual([
      { ruleId: 'file-error', line: 3, column: 15, message: 'fixtures/pangea/file-error/fail.rb is not valid UTF-8 (invalid byte 0xe9 at byte 77)' },
    ]);
  });

  it('accepts the corrected template', async () => {
    expect(await fixtureFindings('pangea/file-error/pass.rb', 'file-error')).toEqual([]);
  });
});

