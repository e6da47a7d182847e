import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../scripts/generate-docs.js';
import type { Finding } from '../../src/engine/finding.js';
import { loaderRules } from '../../src/engine/loader-rules.js';
import { lookupResourceType } from '../../src/graph/type-registry.js';
import { allRules } from '../../src/rules/index.js';
import { fixtureFindings, lintPaths, repoRoot, type FindingSummary } from '../support/lint.js';

/**
 * The Terraform twins of the rule fixtures: `fixtures/terraform/<rule>/{fail,pass}.tf` describe the
 * same configuration as `fixtures/cloudformation/<rule>/{fail,pass}.yaml`, in hashicorp/aws
 * resources where the provider has the type and awscc resources (the CloudFormation schema in
 * snake_case) where it does not.
 */

const loaderIds = new Set(loaderRules.map((meta) => meta.id));

async function findingsOf(path: string, ruleId: string): Promise<Finding[]> {
  const { report } = await lintPaths([relative(repoRoot, path)], loaderIds.has(ruleId) ? {} : { onlyRules: [ruleId] });
  return report.findings.filter((finding) => finding.ruleId === ruleId);
}

/** What must agree between the formats: rule, resource type and property path. A resource whose
 * type is not a media type (a misspelt type) is compared as such, since its spelling differs by
 * format. */
function parityKey(finding: Finding): string {
  const type = finding.resource ? (lookupResourceType(finding.resource.type)?.canonical === finding.resource.type ? finding.resource.type : '(not a media type)') : '(no resource)';
  // Tags are a list of `{Key, Value}` in CloudFormation and a map in hashicorp/aws: `tags[1].value`
  // and `tags.owner` are the same finding.
  const path = (finding.propertyPath ?? '(no path)').replace(/^tags(\[\d+\]\.value|\.[^.]+)$/, 'tags[*]');
  return `${finding.ruleId} | ${type} | ${path}`;
}

/**
 * Fixtures whose findings differ by design, with the reason. These rules read non-media resources
 * (IAM roles and policies, S3 buckets, MediaPackage v2 endpoint policies) in their CloudFormation shape only;
 * Terraform writes the same things as other resources (`aws_iam_role.inline_policy`,
 * `aws_s3_bucket_server_side_encryption_configuration`, JSON policy strings), which the rules do not
 * read yet. The Terraform twin is still the same configuration, so the gap shows here.
 */
const knownDifferences: Record<string, string> = {
  'security/broad-channel-role fail': 'the channel role policies are read from AWS::IAM::Role, AWS::IAM::Policy and AWS::IAM::ManagedPolicy only (the MediaLiveAccessRole ARNs are reported in both)',
  'security/speke-role-wildcard fail': 'the SPEKE and CDN authorization role policies are read from AWS::IAM::Role, AWS::IAM::Policy and AWS::IAM::ManagedPolicy only (the Terraform twin reports nothing)',
  'kinesis-video/retention-zero-with-playback fail': 'the IAM playback grant is read from AWS::IAM::Role only',
  'security/mediaconvert-unencrypted-output pass': 'default bucket encryption is read from AWS::S3::Bucket only',
  'security/origin-unprotected fail': 'the endpoint policy is read from AWS::MediaPackageV2::OriginEndpointPolicy only',
};

const twins = [...loaderRules.map((meta) => meta.id), ...allRules.map((rule) => rule.meta.id)].filter(
  (id) => fixturePath(id, 'cloudformation', 'fail') && fixturePath(id, 'terraform', 'fail'),
);

describe('format parity: CloudFormation and Terraform fixtures', () => {
  it('covers the original rule set at least', () => {
    expect(twins).toEqual(expect.arrayContaining(['parse-error', 'file-error', 'schema/invalid-enum', 'reference/unresolved']));
  });

  it.each(twins.flatMap((id) => (['fail', 'pass'] as const).map((kind) => [id, kind] as const)))('%s (%s) finds the same problems in both formats', async (id, kind) => {
    const cloudFormation = fixturePath(id, 'cloudformation', kind);
    const terraform = fixturePath(id, 'terraform', kind);
    if (!cloudFormation || !terraform) return;
    const [left, right] = await Promise.all([findingsOf(cloudFormation, id), findingsOf(terraform, id)]);
    const difference = knownDifferences[`${id} ${kind}`];
    if (difference) {
      // Still a difference: when the rule learns the Terraform shape, move the fixture out of the list.
      expect(right.map(parityKey).sort(), difference).not.toEqual(left.map(parityKey).sort());
      return;
    }
    expect(right.map(parityKey).sort()).toEqual(left.map(parityKey).sort());
    if (kind === 'fail' && left.length > 0) expect(right.length).toBeGreaterThan(0);
  });
});

/** Exact findings of each Terraform fixture: rule, line, column, message. */
const tables: Record<string, FindingSummary[]> = {
  'schema/invalid-enum': [
    { ruleId: 'schema/invalid-enum', line: 9, column: 27, message: '"rtmp_push" is not a valid value for type in AWS::MediaLive::Input; did you mean "RTMP_PUSH"?' },
    { ruleId: 'schema/invalid-enum', line: 19, column: 18, message: '"ONDEMAND" is not a valid value for pricing_plan in AWS::MediaConvert::Queue; did you mean "ON_DEMAND"?' },
  ],
  'schema/invalid-type': [
    { ruleId: 'schema/invalid-type', line: 3, column: 29, message: 'data_retention_in_hours in AWS::KinesisVideo::Stream must be an integer, not the string "one day".' },
    { ruleId: 'schema/invalid-type', line: 8, column: 21, message: 'whitelist_rules in AWS::MediaLive::InputSecurityGroup must be a list of InputWhitelistRuleCidr objects, not an object.' },
  ],
  'schema/missing-required': [
    { ruleId: 'schema/missing-required', line: 59, column: 5, message: "AudioDescription requires 'audio_selector_name', which is missing." },
    { ruleId: 'schema/missing-required', line: 72, column: 7, message: "Output requires 'output_settings', which is missing." },
    { ruleId: 'schema/missing-required', line: 81, column: 37, message: "AWS::MediaLive::Multiplex requires 'availability_zones', which is missing." },
  ],
  'schema/out-of-range': [
    {
      ruleId: 'schema/out-of-range',
      line: 4,
      column: 25,
      message: 'message_ttl_seconds 300 is out of range for AWS::KinesisVideo::SignalingChannel: it must be between 5 and 120 (Kinesis Video Streams API model [KVS-API]).',
    },
    {
      ruleId: 'schema/out-of-range',
      line: 9,
      column: 29,
      message: 'data_retention_in_hours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).',
    },
    {
      ruleId: 'schema/out-of-range',
      line: 17,
      column: 32,
      message: 'transport_stream_bitrate 500000 is out of range for MultiplexSettings: it must be between 1000000 and 100000000 (MediaLive API model [ML-API]).',
    },
  ],
  'schema/unknown-property': [
    { ruleId: 'schema/unknown-property', line: 3, column: 3, message: "Unknown property 'data_retention_hours' in AWS::KinesisVideo::Stream; did you mean 'data_retention_in_hours'?" },
    { ruleId: 'schema/unknown-property', line: 18, column: 11, message: "Unknown property 'GopSizeUnit' in H264Settings; did you mean 'gop_size_units'?" },
    { ruleId: 'schema/unknown-property', line: 24, column: 7, message: "Unknown property 'Mp4Setings' in ContainerSettings; did you mean 'mp4_settings'?" },
  ],
  'schema/unknown-resource-type': [
    { ruleId: 'schema/unknown-resource-type', line: 1, column: 11, message: "Unknown resource type 'aws_medialive_chanel'; did you mean 'aws_medialive_channel'?" },
    { ruleId: 'schema/unknown-resource-type', line: 5, column: 11, message: "Unknown resource type 'aws_kinesisvideo_stream'; did you mean 'aws_kinesis_video_stream'?" },
  ],
  'reference/description-name': [
    { ruleId: 'reference/description-name', line: 75, column: 35, message: "video_description_name 'video_720' is not the name of any video description of the channel; did you mean 'video_720p'?" },
    { ruleId: 'reference/description-name', line: 76, column: 36, message: "audio_description_names 'audio_sterio' is not the name of any audio description of the channel; did you mean 'audio_stereo'?" },
  ],
  'reference/destination-ref-id': [
    { ruleId: 'reference/destination-ref-id', line: 68, column: 34, message: "DestinationRefId 'packageing' does not match any destination of the channel; did you mean 'packaging'?" },
  ],
  'reference/input-attachment': [
    {
      ruleId: 'reference/input-attachment',
      line: 27,
      column: 29,
      message: "input_id aws_medialive_input_security_group.contribution.id refers to 'aws_medialive_input_security_group.contribution' (aws_medialive_input_security_group), which is not a MediaLive input.",
    },
    {
      ruleId: 'reference/input-attachment',
      line: 32,
      column: 29,
      message: "input_id aws_medialive_input.backup_contributon.id refers to 'aws_medialive_input.backup_contributon', which is not defined in this module; did you mean 'aws_medialive_input.contribution'?",
    },
  ],
  'reference/multiplex-program': [
    {
      ruleId: 'reference/multiplex-program',
      line: 12,
      column: 18,
      message: "multiplex_id aws_medialive_multiplex.broadcast_mx.id refers to 'aws_medialive_multiplex.broadcast_mx', which is not defined in this module; did you mean 'aws_medialive_multiplex.broadcast'?",
    },
    {
      ruleId: 'reference/multiplex-program',
      line: 21,
      column: 18,
      message: "multiplex_id aws_medialive_input.news_feed.id refers to 'aws_medialive_input.news_feed' (aws_medialive_input), which is not a MediaLive multiplex.",
    },
  ],
  'reference/unresolved': [
    {
      ruleId: 'reference/unresolved',
      line: 14,
      column: 28,
      message: "aws_medialive_input_security_group.contribution_sg.id refers to 'aws_medialive_input_security_group.contribution_sg', which is not defined in this module; did you mean 'aws_medialive_input_security_group.contribution'?",
    },
    { ruleId: 'reference/unresolved', line: 90, column: 55, message: "var.recording_nam refers to 'var.recording_nam', which is not defined in this module; did you mean 'var.recording_name'?" },
    { ruleId: 'reference/unresolved', line: 99, column: 11, message: "aws_medialive_channel.lvie.arn refers to 'aws_medialive_channel.lvie', which is not defined in this module; did you mean 'aws_medialive_channel.live'?" },
  ],
  'parse-error': [{ ruleId: 'parse-error', line: 3, column: 3, message: "Syntax error: expected ']'." }],
  'file-error': [{ ruleId: 'file-error', line: 2, column: 14, message: 'fixtures/terraform/file-error/fail.tf is not valid UTF-8 (invalid byte 0xe9 at byte 63)' }],
};

describe('Terraform fixtures: exact findings', () => {
  it.each(Object.keys(tables))('%s', async (id) => {
    expect(await fixtureFindings(`terraform/${id}/fail.tf`, id)).toEqual(tables[id]);
    expect(await fixtureFindings(`terraform/${id}/pass.tf`, id)).toEqual([]);
  });

  // The twins written by test/parsers/terraform-translate.ts: their positions and messages are
  // recorded in the snapshot file next to this test (review it when a twin is regenerated).
  const generated = twins.filter((id) => !(id in tables) && !id.startsWith('suppression/') && id !== 'not-followed');
  it.each(generated)('%s (translated twin)', async (id) => {
    const findings = {
      fail: await fixtureFindings(`terraform/${id}/fail.tf`, id),
      pass: await fixtureFindings(`terraform/${id}/pass.tf`, id),
    };
    expect(findings).toMatchSnapshot();
  });
});
