import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

describe('audio/aac-combination', () => {
  it('reports MediaLive and MediaConvert AAC settings outside the services’ tables', async () => {
    expect(await fixtureFindings('cloudformation/audio/aac-combination/fail.yaml', 'audio/aac-combination')).toEqual([
      { ruleId: 'audio/aac-combination', line: 33, column: 26, message: 'Profile HEV2 cannot be used with CodingMode CODING_MODE_1_0 in MediaLive; HEV2 supports CODING_MODE_2_0.' },
      { ruleId: 'audio/aac-combination', line: 44, column: 26, message: 'Bitrate 192000 is outside what MediaLive supports for AAC LC CODING_MODE_5_1 at 48000 Hz: 256000–768000 bit/s.' },
      {
        ruleId: 'audio/aac-combination',
        line: 51,
        column: 29,
        message: 'SampleRate 11025 is not supported by MediaLive for AAC LC CODING_MODE_2_0; use 8000, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000.',
      },
      { ruleId: 'audio/aac-combination', line: 108, column: 26, message: 'Bitrate 32000 is outside what MediaConvert supports for AAC LC CODING_MODE_1_0 at 48000 Hz: 56000–288000 bit/s.' },
      { ruleId: 'audio/aac-combination', line: 123, column: 26, message: 'Bitrate 100000 is not one of the AAC bitrates MediaConvert accepts; use 96000 or 112000.' },
    ]);
  });

  it('accepts combinations from the tables, and leaves those MediaConvert’s encoded table does not cover alone', async () => {
    expect(await fixtureFindings('cloudformation/audio/aac-combination/pass.yaml', 'audio/aac-combination')).toEqual([]);
    // MediaConvert 5.1 AAC-LC at 128 kbit/s: not in the encoded part of the table, so not reported.
    expect(await fixtureFindings('cloudformation/audio/surround-bitrate/fail.yaml', 'audio/aac-combination')).toEqual([]);
  });
});

describe('audio/he-aac-bitrate', () => {
  it('reports HE-AAC above 64 kbit/s in an HLS group', async () => {
    expect(await fixtureFindings('cloudformation/audio/he-aac-bitrate/fail.yaml', 'audio/he-aac-bitrate')).toEqual([
      {
        ruleId: 'audio/he-aac-bitrate',
        line: 36,
        column: 26,
        message: 'HE-AAC (Profile HEV1) at 96 kbit/s is above the 64 kbit/s Apple recommends for HE-AAC in HLS; use Profile LC at this bitrate, or lower Bitrate.',
      },
    ]);
  });

  it('accepts HE-AAC at 48 kbit/s and AAC-LC at 96 kbit/s', async () => {
    expect(await fixtureFindings('cloudformation/audio/he-aac-bitrate/pass.yaml', 'audio/he-aac-bitrate')).toEqual([]);
  });

  it('leaves a bitrate the service rejects to audio/aac-combination', async () => {
    expect(await fixtureFindings('cloudformation/audio/aac-combination/fail.yaml', 'audio/he-aac-bitrate')).toEqual([]);
  });
});

describe('audio/stereo-bitrate-range', () => {
  it('reports stereo AAC above 160 kbit/s and below 32 kbit/s', async () => {
    expect(await fixtureFindings('cloudformation/audio/stereo-bitrate-range/fail.yaml', 'audio/stereo-bitrate-range')).toEqual([
      { ruleId: 'audio/stereo-bitrate-range', line: 36, column: 26, message: 'Stereo AAC at 192 kbit/s is outside the 32 kbit/s to 160 kbit/s Apple recommends for stereo AAC in HLS.' },
      { ruleId: 'audio/stereo-bitrate-range', line: 44, column: 26, message: 'Stereo AAC at 24 kbit/s is outside the 32 kbit/s to 160 kbit/s Apple recommends for stereo AAC in HLS.' },
    ]);
  });

  it('accepts 128 and 48 kbit/s', async () => {
    expect(await fixtureFindings('cloudformation/audio/stereo-bitrate-range/pass.yaml', 'audio/stereo-bitrate-range')).toEqual([]);
  });
});

describe('audio/surround-bitrate', () => {
  it('reports 5.1 AAC-LC at stereo bitrates in MediaLive and in a MediaConvert preset', async () => {
    expect(await fixtureFindings('cloudformation/audio/surround-bitrate/fail.yaml', 'audio/surround-bitrate')).toEqual([
      {
        ruleId: 'audio/surround-bitrate',
        line: 35,
        column: 26,
        message: '5.1 AAC at 160 kbit/s is a stereo bitrate (Apple recommends 32–160 kbit/s for stereo AAC and 320 kbit/s for 5.1); raise Bitrate to 320000, or encode stereo.',
      },
      {
        ruleId: 'audio/surround-bitrate',
        line: 75,
        column: 26,
        message: '5.1 AAC at 128 kbit/s is a stereo bitrate (Apple recommends 32–160 kbit/s for stereo AAC and 320 kbit/s for 5.1); raise Bitrate to 320000, or encode stereo.',
      },
    ]);
  });

  it('accepts 320 kbit/s, and leaves a bitrate MediaLive rejects to audio/aac-combination', async () => {
    expect(await fixtureFindings('cloudformation/audio/surround-bitrate/pass.yaml', 'audio/surround-bitrate')).toEqual([]);
    expect(await fixtureFindings('cloudformation/audio/aac-combination/fail.yaml', 'audio/surround-bitrate')).toEqual([]);
  });
});

describe('audio rules and unresolved values', () => {
  it('raise nothing when bitrates, sample rates, profiles, coding modes or rate control come from parameters without defaults', async () => {
    const findings = await fixtureFindings('cloudformation/unknown/audio.yaml');
    expect(findings.filter((finding) => finding.ruleId.startsWith('audio/'))).toEqual([]);
  });
});
