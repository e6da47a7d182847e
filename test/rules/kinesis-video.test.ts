import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { fixtureFindings, lintPaths, summarize } from '../support/lint.js';

/** The findings of every rule of a category for one fixture. */
async function categoryFindings(fixture: string, category: string) {
  const onlyRules = allRules.filter((rule) => rule.meta.category === category).map((rule) => rule.meta.id);
  const { report } = await lintPaths([`fixtures/${fixture}`], { onlyRules });
  return report.findings.filter((finding) => finding.ruleId.startsWith(`${category}/`)).map(summarize);
}

describe('kinesis-video/name-pattern', () => {
  it('reports spaces and other characters in literal and Fn::Sub names', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/name-pattern/fail.yaml', 'kinesis-video/name-pattern')).toEqual([
      { ruleId: 'kinesis-video/name-pattern', line: 7, column: 13, message: "Name 'WebRTC Signaling Channel' contains a space, which a Kinesis Video Streams signaling channel name cannot hold (only letters, digits, '_', '.' and '-'); use 'WebRTC-Signaling-Channel'." },
      { ruleId: 'kinesis-video/name-pattern', line: 12, column: 13, message: "Name contains a space and '/' in its written text (' call/recording'), which a Kinesis Video Streams stream name cannot hold (only letters, digits, '_', '.' and '-')." },
      { ruleId: 'kinesis-video/name-pattern', line: 13, column: 19, message: "DeviceName 'front door #1' contains a space and '#', which a Kinesis Video Streams device name cannot hold (only letters, digits, '_', '.' and '-'); use 'front-door-1'." },
    ]);
  });

  it('accepts names of letters, digits, _ . and -', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/name-pattern/pass.yaml', 'kinesis-video/name-pattern')).toEqual([]);
  });
});

describe('kinesis-video/media-type', () => {
  it('reports a space after the comma and a bare codec name', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/media-type/fail.yaml', 'kinesis-video/media-type')).toEqual([
      { ruleId: 'kinesis-video/media-type', line: 9, column: 18, message: "MediaType 'video/h264, audio/aac' is not a comma-separated list of MIME types (type/subtype, no spaces); write it like 'video/h264,audio/aac'." },
      { ruleId: 'kinesis-video/media-type', line: 16, column: 18, message: "MediaType 'H.264' is not a comma-separated list of MIME types (type/subtype, no spaces); write it like 'video/h264' or 'video/h264,audio/aac'." },
    ]);
  });

  it('accepts comma-separated MIME types', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/media-type/pass.yaml', 'kinesis-video/media-type')).toEqual([]);
  });
});

describe('kinesis-video/media-type-unknown', () => {
  it('reports content types the libraries do not know, with a suggestion', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/media-type-unknown/fail.yaml', 'kinesis-video/media-type-unknown')).toEqual([
      { ruleId: 'kinesis-video/media-type-unknown', line: 9, column: 18, message: "MediaType names 'video/h.264', which is not a content type the Kinesis Video Streams libraries know; did you mean 'video/h264'?" },
      { ruleId: 'kinesis-video/media-type-unknown', line: 16, column: 18, message: "MediaType names 'application/octet-stream', which is not a content type the Kinesis Video Streams libraries know (video/h264, video/h265, video/avc, video/hevc, video/x-matroska, audio/aac, audio/alaw, audio/mulaw, audio/x-matroska); players may not recognise the stream." },
    ]);
  });

  it('accepts known content types', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/media-type-unknown/pass.yaml', 'kinesis-video/media-type-unknown')).toEqual([]);
  });
});

describe('kinesis-video/signaling-channel-type', () => {
  it('reports FULL_MESH', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/signaling-channel-type/fail.yaml', 'kinesis-video/signaling-channel-type')).toEqual([
      { ruleId: 'kinesis-video/signaling-channel-type', line: 8, column: 13, message: "Type is FULL_MESH, but Kinesis Video Streams supports only SINGLE_MASTER signaling channels; use SINGLE_MASTER (one master and its viewers per channel; one channel per master for multi-party calls)." },
    ]);
  });

  it('accepts SINGLE_MASTER', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/signaling-channel-type/pass.yaml', 'kinesis-video/signaling-channel-type')).toEqual([]);
  });
});

describe('kinesis-video/retention-zero', () => {
  it('reports streams without retention when nothing plays them back', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/retention-zero/fail.yaml', 'kinesis-video/retention-zero')).toEqual([
      { ruleId: 'kinesis-video/retention-zero', line: 4, column: 3, message: "Stream 'lobby-camera' keeps no data (DataRetentionInHours is not set and defaults to 0): only live consumers can read it, and HLS/DASH playback, clips and images will fail. If the stream is played back later, set DataRetentionInHours to the hours you need (at least 1)." },
      { ruleId: 'kinesis-video/retention-zero', line: 14, column: 29, message: "Stream 'loading-dock-camera' keeps no data (DataRetentionInHours is 0): only live consumers can read it, and HLS/DASH playback, clips and images will fail. If the stream is played back later, set DataRetentionInHours to the hours you need (at least 1)." },
    ]);
  });

  it('accepts streams with retention', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/retention-zero/pass.yaml', 'kinesis-video/retention-zero')).toEqual([]);
  });
});

describe('kinesis-video/retention-zero-with-playback', () => {
  it('reports a stream without retention that a role plays back over HLS', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/retention-zero-with-playback/fail.yaml', 'kinesis-video/retention-zero-with-playback')).toEqual([
      { ruleId: 'kinesis-video/retention-zero-with-playback', line: 4, column: 3, message: "Stream 'lobby-camera' keeps no data (DataRetentionInHours is not set and defaults to 0), but 'ViewerRole' is allowed kinesisvideo:GetHLSStreamingSessionURL on it, which reads persisted media and fails on a stream without retention; set DataRetentionInHours to the hours viewers need (at least 1)." },
    ]);
  });

  it('accepts the stream once it keeps data', async () => {
    expect(await fixtureFindings('cloudformation/kinesis-video/retention-zero-with-playback/pass.yaml', 'kinesis-video/retention-zero-with-playback')).toEqual([]);
  });
});

describe('kinesis-video rules and unresolved values', () => {
  it('report nothing when the values come from parameters without defaults, imports or conditions', async () => {
    expect(await categoryFindings('cloudformation/unknown/kinesis-video.yaml', 'kinesis-video')).toEqual([]);
  });
});
