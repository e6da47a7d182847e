import { describe, expect, it } from 'vitest';
import { defaultConfig, fixedConfig } from '../../src/config/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintPaths } from '../support/lint.js';

/**
 * The four architectures of the seed document (shared/seeds), in every input format:
 * fixtures/cloudformation/seed/<name>.yaml (translated by hand), fixtures/terraform/seed/<name>/
 * (translated from the CloudFormation twin by test/parsers/terraform-translate.ts) and
 * fixtures/pangea/seed/<name>.rb (the seed's Ruby as written). They are linted as a user would, with
 * the default `recommended` preset; every expected finding is named here, and each is one a media
 * engineer reviewing the templates would raise:
 *
 * - live streaming platform: the audio description names no audio selector and the outputs carry no
 *   output settings (the API rejects both); the renditions of the MediaPackage output group leave
 *   FramerateControl and ParControl unset, following the source's frame rate and aspect ratio (the
 *   MediaPackage output group requires both SPECIFIED); a SINGLE_PIPELINE channel; origin endpoints
 *   reachable by anyone; no channel logs; no MediaPackage access logs.
 * - VOD pipeline: the job template names its queue and preset by Pangea's logical names
 *   (`processing_queue.name` returns `:vod_processing`, not the queue's name); S3 output without
 *   encryption settings; an unprotected packaging group without access logs.
 * - WebRTC: stream and signaling channel names with spaces (the service rejects them); the default
 *   KMS key.
 * - multi-channel broadcast: an input security group open to 0.0.0.0/0.
 */
const expected: Record<string, Record<'cloudformation' | 'terraform' | 'pangea', Array<[string, number, number]>>> = {
  'live-streaming-platform': {
    cloudformation: [
      ['security/access-logs-off', 25, 3],
      ['security/logging-unset', 31, 3],
      ['redundancy/single-pipeline', 35, 21],
      ['packaging/mediapackage-group-video', 47, 15],
      ['packaging/mediapackage-group-video', 47, 15],
      ['packaging/mediapackage-group-video', 57, 15],
      ['packaging/mediapackage-group-video', 57, 15],
      ['schema/missing-required', 66, 13],
      ['schema/missing-required', 78, 17],
      ['schema/missing-required', 82, 17],
      ['security/origin-unprotected', 89, 3],
      ['security/origin-unprotected', 102, 3],
    ],
    terraform: [
      ['security/logging-unset', 32, 35],
      ['redundancy/single-pipeline', 34, 19],
      ['packaging/mediapackage-group-video', 49, 9],
      ['packaging/mediapackage-group-video', 49, 9],
      ['packaging/mediapackage-group-video', 64, 9],
      ['packaging/mediapackage-group-video', 64, 9],
      ['schema/missing-required', 75, 5],
      ['schema/missing-required', 93, 7],
      ['schema/missing-required', 99, 7],
      ['security/origin-unprotected', 111, 48],
      ['security/origin-unprotected', 125, 48],
    ],
    pangea: [
      ['security/logging-unset', 28, 40],
      ['redundancy/single-pipeline', 30, 20],
      ['packaging/mediapackage-group-video', 46, 11],
      ['packaging/mediapackage-group-video', 46, 11],
      ['packaging/mediapackage-group-video', 59, 11],
      ['packaging/mediapackage-group-video', 59, 11],
      ['schema/missing-required', 71, 28],
      ['schema/missing-required', 90, 19],
      ['schema/missing-required', 94, 12],
      ['security/origin-unprotected', 107, 51],
      ['security/origin-unprotected', 122, 52],
    ],
  },
  'vod-transcoding-pipeline': {
    cloudformation: [
      ['security/mediaconvert-unencrypted-output', 63, 30],
      ['mediaconvert/template-references', 65, 25],
      ['mediaconvert/template-references', 69, 14],
      ['security/access-logs-off', 72, 3],
      ['security/origin-unprotected', 72, 3],
    ],
    terraform: [
      ['security/mediaconvert-unencrypted-output', 69, 27],
      ['mediaconvert/template-references', 74, 22],
      ['mediaconvert/template-references', 84, 19],
      ['security/access-logs-off', 88, 48],
      ['security/origin-unprotected', 88, 48],
    ],
    pangea: [
      ['security/mediaconvert-unencrypted-output', 65, 26],
      ['mediaconvert/template-references', 69, 19],
      ['mediaconvert/template-references', 77, 12],
      ['security/origin-unprotected', 82, 54],
    ],
  },
  'webrtc-communication': {
    cloudformation: [
      ['kinesis-video/name-pattern', 10, 13],
      ['security/kvs-default-encryption-key', 14, 3],
      ['kinesis-video/name-pattern', 17, 13],
    ],
    terraform: [
      ['kinesis-video/name-pattern', 5, 25],
      ['security/kvs-default-encryption-key', 10, 38],
      ['kinesis-video/name-pattern', 11, 29],
    ],
    pangea: [
      ['kinesis-video/name-pattern', 4, 11],
      ['security/kvs-default-encryption-key', 10, 46],
      ['kinesis-video/name-pattern', 11, 11],
    ],
  },
  'multi-channel-broadcast': {
    cloudformation: [
      ['security/input-security-group-open', 11, 17],
    ],
    terraform: [
      ['security/input-security-group-open', 6, 12],
    ],
    pangea: [
      ['security/input-security-group-open', 5, 15],
    ],
  },
};

const paths = (seed: string) => ({
  cloudformation: `fixtures/cloudformation/seed/${seed}.yaml`,
  terraform: `fixtures/terraform/seed/${seed}`,
  pangea: `fixtures/pangea/seed/${seed}.rb`,
});

async function seedFindings(path: string): Promise<Finding[]> {
  const { report } = await lintPaths([path], { config: fixedConfig(defaultConfig) });
  return report.findings;
}

describe.each(Object.keys(expected))('seed architecture %s', (seed) => {
  it.each(['cloudformation', 'terraform', 'pangea'] as const)('gives the expected findings as %s', async (format) => {
    const findings = await seedFindings(paths(seed)[format]);
    expect(findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual(expected[seed]![format]);
  });
});

describe('seed findings in CloudFormation', () => {
  it('say what is wrong and what to do', async () => {
    const findings = await seedFindings('fixtures/cloudformation/seed');
    expect(findings.map((finding) => ({ file: finding.file.replace('fixtures/cloudformation/seed/', ''), ruleId: finding.ruleId, line: finding.line, message: finding.message }))).toEqual([
  {"file":"live-streaming-platform.yaml","ruleId":"security/access-logs-off","line":25,"message":"Channel 'live-streaming-channel' writes no IngressAccessLogs or EgressAccessLogs; enable them (they go to CloudWatch Logs) to keep a record of who pushed to and pulled from the origin."},
  {"file":"live-streaming-platform.yaml","ruleId":"security/logging-unset","line":31,"message":"Channel 'Live Processing Channel' does not set LogLevel, so MediaLive writes no channel logs (the default is DISABLED); set LogLevel: ERROR or WARNING to keep a record of input loss, failovers and output errors."},
  {"file":"live-streaming-platform.yaml","ruleId":"redundancy/single-pipeline","line":35,"message":"ChannelClass SINGLE_PIPELINE runs the channel on one pipeline: if it fails, output stops until it restarts; use STANDARD (two pipelines, two destinations per output) for a channel that must stay on air."},
  {"file":"live-streaming-platform.yaml","ruleId":"packaging/mediapackage-group-video","line":47,"message":"Video description 'video_1080p' is used in a MediaPackage output group but has no FramerateControl; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's frame rate, so set FramerateControl to SPECIFIED with FramerateNumerator and FramerateDenominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)."},
  {"file":"live-streaming-platform.yaml","ruleId":"packaging/mediapackage-group-video","line":47,"message":"Video description 'video_1080p' is used in a MediaPackage output group but has no ParControl; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's pixel aspect ratio, so set ParControl to SPECIFIED with ParNumerator and ParDenominator (1 and 1 for square pixels)."},
  {"file":"live-streaming-platform.yaml","ruleId":"packaging/mediapackage-group-video","line":57,"message":"Video description 'video_720p' is used in a MediaPackage output group but has no FramerateControl; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's frame rate, so set FramerateControl to SPECIFIED with FramerateNumerator and FramerateDenominator (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps)."},
  {"file":"live-streaming-platform.yaml","ruleId":"packaging/mediapackage-group-video","line":57,"message":"Video description 'video_720p' is used in a MediaPackage output group but has no ParControl; the MediaPackage output group requires SPECIFIED, as it doesn't support following the source's pixel aspect ratio, so set ParControl to SPECIFIED with ParNumerator and ParDenominator (1 and 1 for square pixels)."},
  {"file":"live-streaming-platform.yaml","ruleId":"schema/missing-required","line":66,"message":"AudioDescription requires 'AudioSelectorName', which is missing."},
  {"file":"live-streaming-platform.yaml","ruleId":"schema/missing-required","line":78,"message":"Output requires 'OutputSettings', which is missing."},
  {"file":"live-streaming-platform.yaml","ruleId":"schema/missing-required","line":82,"message":"Output requires 'OutputSettings', which is missing."},
  {"file":"live-streaming-platform.yaml","ruleId":"security/origin-unprotected","line":89,"message":"Origin endpoint 'hls-playback-endpoint' has no Authorization and no Whitelist, so anyone who learns its URL can play it without going through the CDN; enable CDN authorization (a secret header held in Secrets Manager) or restrict the endpoint to the CDN's addresses."},
  {"file":"live-streaming-platform.yaml","ruleId":"security/origin-unprotected","line":102,"message":"Origin endpoint 'dash-playback-endpoint' has no Authorization and no Whitelist, so anyone who learns its URL can play it without going through the CDN; enable CDN authorization (a secret header held in Secrets Manager) or restrict the endpoint to the CDN's addresses."},
  {"file":"multi-channel-broadcast.yaml","ruleId":"security/input-security-group-open","line":11,"message":"Cidr '0.0.0.0/0' admits every address on the internet, so anyone can push a stream into the inputs that use this group; list the contribution encoders' public addresses instead (for example 203.0.113.10/32)."},
  {"file":"vod-transcoding-pipeline.yaml","ruleId":"security/mediaconvert-unencrypted-output","line":63,"message":"Output group 'File Group' writes to 's3://vod-output-bucket/processed/' without Encryption, so the objects get only the bucket's default encryption; set DestinationSettings.S3Settings.Encryption with EncryptionType SERVER_SIDE_ENCRYPTION_KMS and a KmsKeyArn (or configure default encryption on the bucket in this template)."},
  {"file":"vod-transcoding-pipeline.yaml","ruleId":"mediaconvert/template-references","line":65,"message":"Preset 'h264_high_quality' is the logical name of preset 'H264HighQuality', not its Name; MediaConvert looks presets up by name or ARN, so use 'H264 High Quality Preset' or the preset's ARN (in Pangea, `.name` of a resource reference returns the logical name)."},
  {"file":"vod-transcoding-pipeline.yaml","ruleId":"mediaconvert/template-references","line":69,"message":"Queue 'vod_processing' is the logical name of queue 'VodProcessing', not its Name; MediaConvert looks queues up by name or ARN, so use 'VOD Processing Queue' or the queue's ARN (in Pangea, `.name` of a resource reference returns the logical name)."},
  {"file":"vod-transcoding-pipeline.yaml","ruleId":"security/access-logs-off","line":72,"message":"Packaging group 'vod-content-packaging' writes no EgressAccessLogs; enable them (they go to CloudWatch Logs) to keep a record of who pulled from the origin."},
  {"file":"vod-transcoding-pipeline.yaml","ruleId":"security/origin-unprotected","line":72,"message":"Packaging group 'vod-content-packaging' has no Authorization, so its VOD assets play for anyone who learns their URLs; enable CDN authorization with a secret header held in Secrets Manager."},
  {"file":"webrtc-communication.yaml","ruleId":"kinesis-video/name-pattern","line":10,"message":"Name 'WebRTC Signaling Channel' contains a space, which a Kinesis Video Streams signaling channel name cannot hold (only letters, digits, '_', '.' and '-'); use 'WebRTC-Signaling-Channel'."},
  {"file":"webrtc-communication.yaml","ruleId":"security/kvs-default-encryption-key","line":14,"message":"Stream 'WebRTC Call Recording' has no KmsKeyId, so its video is encrypted with the AWS managed key aws/kinesisvideo, whose policy you cannot control; set KmsKeyId to a customer managed KMS key if your policy requires one."},
  {"file":"webrtc-communication.yaml","ruleId":"kinesis-video/name-pattern","line":17,"message":"Name 'WebRTC Call Recording' contains a space, which a Kinesis Video Streams stream name cannot hold (only letters, digits, '_', '.' and '-'); use 'WebRTC-Call-Recording'."},
    ]);
  });
});
