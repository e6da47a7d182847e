import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleOptionValue } from '../../src/engine/rule.js';
import { fixtureFindings, lintPaths, summarize, type FindingSummary } from '../support/lint.js';

/** The findings of one rule on a fixture, with rule options set. */
async function findingsWithOptions(fixture: string, ruleId: string, options: Record<string, RuleOptionValue>): Promise<FindingSummary[]> {
  const { report } = await lintPaths([join('fixtures', fixture)], { onlyRules: [ruleId], ruleOptions: new Map([[ruleId, options]]) });
  return report.findings.map(summarize);
}

describe('codec/h264-level-frame-size', () => {
  it('reports frames larger than the declared level allows, in MediaLive and MediaConvert spelling', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-frame-size/fail.yaml', 'codec/h264-level-frame-size')).toEqual([
      { ruleId: 'codec/h264-level-frame-size', line: 33, column: 24, message: '1920×1080 is 8,160 macroblocks per frame; H264_LEVEL_3_1 allows 3,600; use H264_LEVEL_4 or H264_LEVEL_AUTO.' },
      { ruleId: 'codec/h264-level-frame-size', line: 66, column: 27, message: '1280×720 is 3,600 macroblocks per frame; LEVEL_2_2 allows 1,620; use LEVEL_3_1 or AUTO.' },
    ]);
  });

  it('accepts levels that hold the frame, and AUTO', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-frame-size/pass.yaml', 'codec/h264-level-frame-size')).toEqual([]);
  });
});

describe('codec/h264-level-macroblock-rate', () => {
  it('reports frame rates whose macroblock rate exceeds the declared level', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-macroblock-rate/fail.yaml', 'codec/h264-level-macroblock-rate')).toEqual([
      {
        ruleId: 'codec/h264-level-macroblock-rate',
        line: 33,
        column: 24,
        message: '1920×1080 at 60 fps is 489,600 macroblocks/s; H264_LEVEL_4_1 allows 245,760; use H264_LEVEL_4_2 or H264_LEVEL_AUTO.',
      },
      { ruleId: 'codec/h264-level-macroblock-rate', line: 66, column: 27, message: '1280×720 at 60 fps is 216,000 macroblocks/s; LEVEL_3_1 allows 108,000; use LEVEL_3_2 or AUTO.' },
    ]);
  });

  it('accepts levels 4.2 and 3.2 for 1080p60 and 720p60', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-macroblock-rate/pass.yaml', 'codec/h264-level-macroblock-rate')).toEqual([]);
  });
});

describe('codec/h264-level-bitrate', () => {
  it('reports peak bit rates above MaxBR times the profile factor (CBR Bitrate, VBR MaxBitrate)', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-bitrate/fail.yaml', 'codec/h264-level-bitrate')).toEqual([
      {
        ruleId: 'codec/h264-level-bitrate',
        line: 35,
        column: 26,
        message: 'Bitrate 25 Mbit/s is above the 20 Mbit/s that H264_LEVEL_4 allows for Main profile; lower it, or use H264_LEVEL_4_1 or H264_LEVEL_AUTO.',
      },
      {
        ruleId: 'codec/h264-level-bitrate',
        line: 69,
        column: 27,
        message: 'MaxBitrate 20 Mbit/s is above the 17.5 Mbit/s that LEVEL_3_1 allows for High profile; lower it, or use LEVEL_3_2 or AUTO.',
      },
    ]);
  });

  it('accepts the same levels with High profile and a lower peak', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-bitrate/pass.yaml', 'codec/h264-level-bitrate')).toEqual([]);
  });
});

describe('codec/h264-level-buffer', () => {
  it('reports HRD buffers above the coded picture buffer of the level', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-buffer/fail.yaml', 'codec/h264-level-buffer')).toEqual([
      {
        ruleId: 'codec/h264-level-buffer',
        line: 34,
        column: 26,
        message: 'BufSize 18 Mbit is larger than the 14 Mbit coded picture buffer that H264_LEVEL_3_1 allows for Main profile; use at most 14 Mbit, or H264_LEVEL_3_2 or H264_LEVEL_AUTO.',
      },
      {
        ruleId: 'codec/h264-level-buffer',
        line: 68,
        column: 30,
        message: 'HrdBufferSize 6 Mbit is larger than the 5 Mbit coded picture buffer that LEVEL_2_1 allows for High profile; use at most 5 Mbit, or LEVEL_3 or AUTO.',
      },
    ]);
  });

  it('accepts buffers within it', async () => {
    expect(await fixtureFindings('cloudformation/codec/h264-level-buffer/pass.yaml', 'codec/h264-level-buffer')).toEqual([]);
  });
});

describe('codec/hevc-level-limits', () => {
  it('reports picture size, luma sample rate and Main-tier bit rate beyond the declared level', async () => {
    expect(await fixtureFindings('cloudformation/codec/hevc-level-limits/fail.yaml', 'codec/hevc-level-limits')).toEqual([
      { ruleId: 'codec/hevc-level-limits', line: 34, column: 24, message: '3840×2160 is 8,294,400 luma samples per picture; H265_LEVEL_4_1 allows 2,228,224; use H265_LEVEL_5 or H265_LEVEL_AUTO.' },
      {
        ruleId: 'codec/hevc-level-limits',
        line: 50,
        column: 26,
        message: 'Bitrate 25 Mbit/s is above the 20 Mbit/s that H265_LEVEL_4_1 allows in the Main tier for Main 10 profile; lower it, or use H265_LEVEL_5 or H265_LEVEL_AUTO.',
      },
      { ruleId: 'codec/hevc-level-limits', line: 90, column: 27, message: '1920×1080 at 60 fps is 124,416,000 luma samples/s; LEVEL_4 allows 66,846,720; use LEVEL_4_1 or AUTO.' },
    ]);
  });

  it('accepts levels and tiers that hold each rendition', async () => {
    expect(await fixtureFindings('cloudformation/codec/hevc-level-limits/pass.yaml', 'codec/hevc-level-limits')).toEqual([]);
  });
});

describe('codec/hevc-high-tier-below-level-4', () => {
  it('reports the High tier below level 4 (MediaLive Tier, MediaConvert profile suffix)', async () => {
    expect(await fixtureFindings('cloudformation/codec/hevc-high-tier-below-level-4/fail.yaml', 'codec/hevc-high-tier-below-level-4')).toEqual([
      {
        ruleId: 'codec/hevc-high-tier-below-level-4',
        line: 33,
        column: 23,
        message: 'Tier HIGH with H265_LEVEL_3: H.265 has a High tier only from level 4; use the Main tier (MAIN), or H265_LEVEL_4 or higher.',
      },
      {
        ruleId: 'codec/hevc-high-tier-below-level-4',
        line: 67,
        column: 29,
        message: 'CodecProfile MAIN_HIGH with LEVEL_3: H.265 has a High tier only from level 4; use the Main tier (MAIN_MAIN), or LEVEL_4 or higher.',
      },
    ]);
  });

  it('accepts the Main tier', async () => {
    expect(await fixtureFindings('cloudformation/codec/hevc-high-tier-below-level-4/pass.yaml', 'codec/hevc-high-tier-below-level-4')).toEqual([]);
  });
});

describe('codec/level-overspecified', () => {
  it('reports levels above what the rendition needs', async () => {
    expect(await fixtureFindings('cloudformation/codec/level-overspecified/fail.yaml', 'codec/level-overspecified')).toEqual([
      {
        ruleId: 'codec/level-overspecified',
        line: 33,
        column: 24,
        message: 'H264_LEVEL_5_1 is higher than 1280×720 at 30 fps and 3 Mbit/s needs (level 3.1); use H264_LEVEL_3_1 or H264_LEVEL_AUTO so devices limited to level 3.1 can play it.',
      },
      {
        ruleId: 'codec/level-overspecified',
        line: 66,
        column: 27,
        message: 'LEVEL_5_1 is higher than 1920×1080 at 29.97 fps and 5 Mbit/s needs (level 4); use LEVEL_4 or AUTO so devices limited to level 4 can play it.',
      },
    ]);
  });

  it('accepts the lowest sufficient level and AUTO', async () => {
    expect(await fixtureFindings('cloudformation/codec/level-overspecified/pass.yaml', 'codec/level-overspecified')).toEqual([]);
  });
});

describe('codec/cabac-with-baseline', () => {
  it('reports CABAC with the Baseline profile', async () => {
    expect(await fixtureFindings('cloudformation/codec/cabac-with-baseline/fail.yaml', 'codec/cabac-with-baseline')).toEqual([
      { ruleId: 'codec/cabac-with-baseline', line: 33, column: 34, message: 'EntropyEncoding CABAC is not available in the Baseline profile (Profile BASELINE); use CAVLC, or Profile MAIN or HIGH.' },
      {
        ruleId: 'codec/cabac-with-baseline',
        line: 66,
        column: 32,
        message: 'EntropyEncoding CABAC is not available in the Baseline profile (CodecProfile BASELINE); use CAVLC, or CodecProfile MAIN or HIGH.',
      },
    ]);
  });

  it('accepts CAVLC', async () => {
    expect(await fixtureFindings('cloudformation/codec/cabac-with-baseline/pass.yaml', 'codec/cabac-with-baseline')).toEqual([]);
  });
});

describe('codec/reference-frames-dpb', () => {
  it('reports more reference frames than the picture buffer of the level holds', async () => {
    expect(await fixtureFindings('cloudformation/codec/reference-frames-dpb/fail.yaml', 'codec/reference-frames-dpb')).toEqual([
      {
        ruleId: 'codec/reference-frames-dpb',
        line: 34,
        column: 31,
        message: 'NumRefFrames 6 is more than the 4 reference frames that H264_LEVEL_4_1 holds at 1920×1080 (32,768 macroblocks of picture buffer, 8,160 per frame); use 4 or fewer, or H264_LEVEL_5.',
      },
      {
        ruleId: 'codec/reference-frames-dpb',
        line: 68,
        column: 38,
        message: 'NumberReferenceFrames 6 is more than the 5 reference frames that LEVEL_3_1 holds at 1280×720 (18,000 macroblocks of picture buffer, 3,600 per frame); use 5 or fewer, or LEVEL_4.',
      },
    ]);
  });

  it('accepts as many as it holds', async () => {
    expect(await fixtureFindings('cloudformation/codec/reference-frames-dpb/pass.yaml', 'codec/reference-frames-dpb')).toEqual([]);
  });
});

describe('codec/apple-h264-profile-level', () => {
  it('reports H.264 profiles above High in output groups that reach HLS', async () => {
    expect(await fixtureFindings('cloudformation/codec/apple-h264-profile-level/fail.yaml', 'codec/apple-h264-profile-level')).toEqual([
      {
        ruleId: 'codec/apple-h264-profile-level',
        line: 32,
        column: 26,
        message: 'Profile HIGH_10BIT (High 10) is above High profile, the highest H.264 profile Apple devices play over HLS; use HIGH.',
      },
      {
        ruleId: 'codec/apple-h264-profile-level',
        line: 107,
        column: 37,
        message: 'CodecProfile HIGH_422 (High 4:2:2) is above High profile, the highest H.264 profile Apple devices play over HLS; use HIGH.',
      },
    ]);
  });

  it('accepts High profile', async () => {
    expect(await fixtureFindings('cloudformation/codec/apple-h264-profile-level/pass.yaml', 'codec/apple-h264-profile-level')).toEqual([]);
  });
});

describe('codec/apple-hevc-limits', () => {
  it('reports HEVC above level 5.1, in MPEG-TS HLS outputs and in 4:2:2 profiles', async () => {
    expect(await fixtureFindings('cloudformation/codec/apple-hevc-limits/fail.yaml', 'codec/apple-hevc-limits')).toEqual([
      {
        ruleId: 'codec/apple-hevc-limits',
        line: 34,
        column: 24,
        message: 'Level H265_LEVEL_5_2 is above level 5.1, the highest HEVC level Apple devices accept over HLS; use H265_LEVEL_5_1 or H265_LEVEL_AUTO.',
      },
      {
        ruleId: 'codec/apple-hevc-limits',
        line: 77,
        column: 23,
        message: "HEVC video description 'video_1080p' is packaged in MPEG-TS (StandardHlsSettings); Apple devices play HEVC over HLS only in fMP4: use Fmp4HlsSettings for this output.",
      },
      {
        ruleId: 'codec/apple-hevc-limits',
        line: 107,
        column: 37,
        message: 'CodecProfile MAIN_422_10BIT_MAIN is a 4:2:2 profile, above Main 10, the highest HEVC profile Apple devices play over HLS; use MAIN10_MAIN.',
      },
    ]);
  });

  it('accepts level 5.1 in fMP4 and Main 10', async () => {
    expect(await fixtureFindings('cloudformation/codec/apple-hevc-limits/pass.yaml', 'codec/apple-hevc-limits')).toEqual([]);
  });
});

describe('codec rule options', () => {
  it('codec/apple-h264-profile-level: maxLevel lowers the accepted level (here 3.1), reporting what a rendition needs', async () => {
    expect(await findingsWithOptions('cloudformation/codec/apple-h264-profile-level/pass.yaml', 'codec/apple-h264-profile-level', { maxLevel: '3.1' })).toEqual([
      {
        ruleId: 'codec/apple-h264-profile-level',
        line: 28,
        column: 20,
        message: '1920×1080 at 30 fps and 6 Mbit/s needs H.264 level 4, above level 3.1, the highest Apple devices accept over HLS; lower the frame rate, resolution or bit rate of this rendition, or encode it in HEVC.',
      },
    ]);
  });
});

describe('codec rules and values the tool cannot resolve', () => {
  it('report nothing when width, level, profile, tier, bit rate or reference frames are parameters without default, or the frame rate comes from the source', async () => {
    const findings = await fixtureFindings('cloudformation/unknown/codec.yaml');
    expect(findings.filter((finding) => finding.ruleId.startsWith('codec/'))).toEqual([]);
  });
});
