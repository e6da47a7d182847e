import { describe, expect, it } from 'vitest';
import { fixtureFindings, lintPaths, summarize } from '../support/lint.js';

describe('gop/gop-units-value', () => {
  it('reports a fractional frame count under the FRAMES default and a zero duration in seconds', async () => {
    expect(await fixtureFindings('cloudformation/gop/gop-units-value/fail.yaml', 'gop/gop-units-value')).toEqual([
      {
        ruleId: 'gop/gop-units-value',
        line: 26,
        column: 26,
        message: 'GopSize 2.5 is not a whole number of frames (GopSizeUnits is not set, so it is FRAMES); MediaLive requires an integer of at least 1. Use a frame count, or set GopSizeUnits to SECONDS.',
      },
      { ruleId: 'gop/gop-units-value', line: 36, column: 26, message: 'GopSize 0 is not a GOP duration: with GopSizeUnits SECONDS, MediaLive requires a value greater than 0.' },
    ]);
  });

  it('accepts sizes that fit their units', async () => {
    expect(await fixtureFindings('cloudformation/gop/gop-units-value/pass.yaml', 'gop/gop-units-value')).toEqual([]);
  });
});

describe('gop/closed-cadence-zero', () => {
  it('reports a cadence of 0 on a rendition of an HLS group', async () => {
    expect(await fixtureFindings('cloudformation/gop/closed-cadence-zero/fail.yaml', 'gop/closed-cadence-zero')).toEqual([
      {
        ruleId: 'gop/closed-cadence-zero',
        line: 40,
        column: 35,
        message: "GopClosedCadence 0 in video description 'video_720p' breaks segmenting of the HLS output group: no GOP is closed, so segments cannot start with an IDR frame. Set it to 1.",
      },
    ]);
  });

  it('accepts a cadence of 1', async () => {
    expect(await fixtureFindings('cloudformation/gop/closed-cadence-zero/pass.yaml', 'gop/closed-cadence-zero')).toEqual([]);
  });
});

describe('gop/rendition-alignment', () => {
  it('reports a GOP duration, a scene-change setting and an unrelated frame rate that differ from the rest of the group', async () => {
    expect(await fixtureFindings('cloudformation/gop/rendition-alignment/fail.yaml', 'gop/rendition-alignment')).toEqual([
      {
        ruleId: 'gop/rendition-alignment',
        line: 38,
        column: 26,
        message: "GOP of 3.003 s in video description 'video_720p' differs from the 2.002 s GOP of 'video_1080p' in the same HLS output group; segment boundaries will not line up across renditions.",
      },
      {
        ruleId: 'gop/rendition-alignment',
        line: 40,
        column: 36,
        message:
          "SceneChangeDetect DISABLED in video description 'video_720p' differs from ENABLED in 'video_1080p', 'video_540p' in the same HLS output group; scene-change I-frames reshape the GOPs of some renditions only, so their boundaries do not line up.",
      },
      {
        ruleId: 'gop/rendition-alignment',
        line: 48,
        column: 37,
        message:
          "Frame rate 25 fps of video description 'video_540p' is not a whole multiple or fraction of the 29.97 fps of 'video_1080p', 'video_720p' in the same HLS output group; GOP boundaries of the renditions drift apart. Use 29.97 fps, or double or half of it.",
      },
    ]);
  });

  it('reports a closed-GOP cadence that differs from the rest of the group', async () => {
    expect(await fixtureFindings('cloudformation/gop/closed-cadence-zero/fail.yaml', 'gop/rendition-alignment')).toEqual([
      {
        ruleId: 'gop/rendition-alignment',
        line: 40,
        column: 35,
        message: "GopClosedCadence 0 in video description 'video_720p' differs from 1 in 'video_1080p' in the same HLS output group; closed GOPs, where segments start, fall at different times.",
      },
    ]);
  });

  it('accepts 2 s GOPs at 60 and 30 fps, in frames or in seconds', async () => {
    expect(await fixtureFindings('cloudformation/gop/rendition-alignment/pass.yaml', 'gop/rendition-alignment')).toEqual([]);
  });

  it('does not compare a GOP in seconds that is not a whole number of frames (2 s at 29.97 fps)', async () => {
    expect(await fixtureFindings('cloudformation/gop/keyframe-interval/pass.yaml', 'gop/rendition-alignment')).toEqual([]);
  });
});

describe('gop/framerate-specified', () => {
  it('reports SPECIFIED without both numbers, and without the denominator', async () => {
    expect(await fixtureFindings('cloudformation/gop/framerate-specified/fail.yaml', 'gop/framerate-specified')).toEqual([
      {
        ruleId: 'gop/framerate-specified',
        line: 23,
        column: 35,
        message: 'FramerateControl is SPECIFIED but FramerateNumerator and FramerateDenominator are missing; set both (30 and 1 for 30 fps, 30000 and 1001 for 29.97 fps).',
      },
      {
        ruleId: 'gop/framerate-specified',
        line: 32,
        column: 35,
        message: 'FramerateControl is SPECIFIED but FramerateDenominator is missing; set FramerateNumerator and FramerateDenominator together (30000 and 1001 for 29.97 fps).',
      },
    ]);
  });

  it('accepts a frame rate specified in full', async () => {
    expect(await fixtureFindings('cloudformation/gop/framerate-specified/pass.yaml', 'gop/framerate-specified')).toEqual([]);
  });
});

describe('gop/segment-gop-alignment', () => {
  it('reports a GOP, in frames or in seconds, that does not divide the HLS segment, with whole-frame alternatives', async () => {
    expect(await fixtureFindings('cloudformation/gop/segment-gop-alignment/fail.yaml', 'gop/segment-gop-alignment')).toEqual([
      { ruleId: 'gop/segment-gop-alignment', line: 26, column: 26, message: 'GOP of 2.5 s (75 frames at 30 fps) does not divide the 6 s HLS segment; use a GOP of 2 s or 3 s.' },
      { ruleId: 'gop/segment-gop-alignment', line: 37, column: 26, message: 'GOP of 2.5 s (75 frames at 30 fps) does not divide the 6 s HLS segment; use a GOP of 2 s or 3 s.' },
    ]);
  });

  it('accepts 2 s GOPs, and 2.002 s GOPs at 29.97 fps, in 6 s segments', async () => {
    expect(await fixtureFindings('cloudformation/gop/segment-gop-alignment/pass.yaml', 'gop/segment-gop-alignment')).toEqual([]);
  });

  it('points at the segment length as a related location', async () => {
    const { report } = await lintPaths(['fixtures/cloudformation/gop/segment-gop-alignment/fail.yaml'], { onlyRules: ['gop/segment-gop-alignment'] });
    expect(report.findings[0]?.related?.map((related) => [related.message, related.line])).toEqual([['HLS segment length set here', 48]]);
  });
});

describe('gop/keyframe-interval', () => {
  it('reports 4 s GOPs in an HLS group', async () => {
    expect(await fixtureFindings('cloudformation/gop/keyframe-interval/fail.yaml', 'gop/keyframe-interval')).toEqual([
      { ruleId: 'gop/keyframe-interval', line: 26, column: 26, message: 'GOP of 4 s (120 frames at 30 fps) in an HLS output; Apple recommends a key frame every 2 s: use a GOP of 2 s (60 frames at 30 fps).' },
      { ruleId: 'gop/keyframe-interval', line: 37, column: 26, message: 'GOP of 4 s (120 frames at 30 fps) in an HLS output; Apple recommends a key frame every 2 s: use a GOP of 2 s.' },
    ]);
  });

  it('reports an explicit MediaConvert GOP in a CMAF group that writes HLS', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/fragment-length/fail.yaml', 'gop/keyframe-interval')).toEqual([
      { ruleId: 'gop/keyframe-interval', line: 41, column: 32, message: 'GOP of 1.8 s (90 frames at 50 fps) in an HLS output; Apple recommends a key frame every 2 s: use a GOP of 2 s (100 frames at 50 fps).' },
    ]);
  });

  it('accepts 2 s, and 2.002 s at 29.97 fps', async () => {
    expect(await fixtureFindings('cloudformation/gop/keyframe-interval/pass.yaml', 'gop/keyframe-interval')).toEqual([]);
  });

  it('takes the target from the options', async () => {
    const { report } = await lintPaths(['fixtures/cloudformation/gop/keyframe-interval/fail.yaml'], {
      onlyRules: ['gop/keyframe-interval'],
      ruleOptions: new Map([['gop/keyframe-interval', { targetSeconds: 4 }]]),
    });
    expect(report.findings.map(summarize)).toEqual([]);
  });
});

describe('gop/frame-rate-above-60', () => {
  it('reports a 120 fps HLS rendition', async () => {
    expect(await fixtureFindings('cloudformation/gop/frame-rate-above-60/fail.yaml', 'gop/frame-rate-above-60')).toEqual([
      { ruleId: 'gop/frame-rate-above-60', line: 24, column: 37, message: 'Frame rate 120 fps of an HLS output is above 60 fps, which the Apple HLS authoring specification rules out; use 60 fps or less.' },
    ]);
  });

  it('accepts 60 and 30 fps', async () => {
    expect(await fixtureFindings('cloudformation/gop/frame-rate-above-60/pass.yaml', 'gop/frame-rate-above-60')).toEqual([]);
  });
});

describe('gop/frame-rate-unusual', () => {
  it('reports a frame rate outside the list', async () => {
    expect(await fixtureFindings('cloudformation/gop/frame-rate-unusual/fail.yaml', 'gop/frame-rate-unusual')).toEqual([
      {
        ruleId: 'gop/frame-rate-unusual',
        line: 24,
        column: 37,
        message: 'Frame rate 2.997 fps of an HLS output is not one of the rates Apple lists as supported (23.976, 24, 25, 29.97, 30, 50, 59.94, 60); check FramerateNumerator and FramerateDenominator.',
      },
    ]);
  });

  it('accepts 29.97 fps', async () => {
    expect(await fixtureFindings('cloudformation/gop/frame-rate-unusual/pass.yaml', 'gop/frame-rate-unusual')).toEqual([]);
  });
});

describe('gop/hls-index-vs-keep', () => {
  it('reports KeepSegments not greater than IndexNSegments', async () => {
    expect(await fixtureFindings('cloudformation/gop/hls-index-vs-keep/fail.yaml', 'gop/hls-index-vs-keep')).toEqual([
      {
        ruleId: 'gop/hls-index-vs-keep',
        line: 40,
        column: 31,
        message: 'KeepSegments 10 must be greater than IndexNSegments 10, or MediaLive deletes segments the playlist still lists; set KeepSegments to 21 (2 × IndexNSegments + 1).',
      },
    ]);
  });

  it('accepts the recommended margin', async () => {
    expect(await fixtureFindings('cloudformation/gop/hls-index-vs-keep/pass.yaml', 'gop/hls-index-vs-keep')).toEqual([]);
  });
});

describe('gop/hls-keep-segments', () => {
  it('reports KeepSegments below 2 × IndexNSegments + 1', async () => {
    expect(await fixtureFindings('cloudformation/gop/hls-keep-segments/fail.yaml', 'gop/hls-keep-segments')).toEqual([
      {
        ruleId: 'gop/hls-keep-segments',
        line: 39,
        column: 31,
        message: 'KeepSegments 12 is below the 21 (2 × IndexNSegments + 1) MediaLive recommends for IndexNSegments 10; clients holding an older playlist may request segments already deleted.',
      },
    ]);
  });

  it('accepts the recommended margin, and leaves KeepSegments ≤ IndexNSegments to gop/hls-index-vs-keep', async () => {
    expect(await fixtureFindings('cloudformation/gop/hls-keep-segments/pass.yaml', 'gop/hls-keep-segments')).toEqual([]);
    expect(await fixtureFindings('cloudformation/gop/hls-index-vs-keep/fail.yaml', 'gop/hls-keep-segments')).toEqual([]);
  });
});

describe('gop/interlaced-hls', () => {
  it('reports interlaced MediaLive and MediaConvert HLS renditions', async () => {
    expect(await fixtureFindings('cloudformation/gop/interlaced-hls/fail.yaml', 'gop/interlaced-hls')).toEqual([
      {
        ruleId: 'gop/interlaced-hls',
        line: 28,
        column: 27,
        message: 'ScanType INTERLACED makes an interlaced HLS output, which the Apple HLS authoring specification does not allow; encode progressive (ScanType PROGRESSIVE), deinterlacing 30i to 60p.',
      },
      {
        ruleId: 'gop/interlaced-hls',
        line: 85,
        column: 38,
        message:
          'InterlaceMode TOP_FIELD makes an interlaced HLS output, which the Apple HLS authoring specification does not allow; encode progressive (InterlaceMode PROGRESSIVE), deinterlacing 30i to 60p.',
      },
    ]);
  });

  it('accepts progressive renditions', async () => {
    expect(await fixtureFindings('cloudformation/gop/interlaced-hls/pass.yaml', 'gop/interlaced-hls')).toEqual([]);
  });
});

describe('gop/mediapackage-segment-chain', () => {
  it('reports a MediaPackage v1 endpoint that MediaPackage must stretch to fit the GOPs of the MediaLive channel feeding it', async () => {
    expect(await fixtureFindings('cloudformation/gop/mediapackage-segment-chain/fail.yaml', 'gop/mediapackage-segment-chain')).toEqual([
      {
        ruleId: 'gop/mediapackage-segment-chain',
        line: 75,
        column: 33,
        message:
          "HlsPackage.SegmentDurationSeconds 4 is not a multiple of the 3 s (90 frames at 30 fps) GOP that MediaLive channel 'LiveChannel' sends, so MediaPackage stretches these segments to 6 s; use 3 s or 6 s.",
      },
    ]);
  });

  it('reports a MediaPackage v2 endpoint that is not a multiple of the segments MediaLive sends', async () => {
    expect(await fixtureFindings('cloudformation/gop/mediapackage-segment-chain/v2-fail.yaml', 'gop/mediapackage-segment-chain')).toEqual([
      {
        ruleId: 'gop/mediapackage-segment-chain',
        line: 88,
        column: 33,
        message: "Segment.SegmentDurationSeconds 5 is not a multiple of the 2 s segments that MediaLive channel 'LiveChannel' sends, so MediaPackage rounds it to a multiple of 2 s; use 4 s or 6 s.",
      },
    ]);
  });

  it('accepts endpoints that are whole multiples, whether the channel is referenced or named', async () => {
    expect(await fixtureFindings('cloudformation/gop/mediapackage-segment-chain/pass.yaml', 'gop/mediapackage-segment-chain')).toEqual([]);
    expect(await fixtureFindings('cloudformation/gop/mediapackage-segment-chain/v2-pass.yaml', 'gop/mediapackage-segment-chain')).toEqual([]);
  });
});

describe('gop rules and unresolved values', () => {
  it('raise nothing when GOP sizes, frame rates, segment lengths and playlist sizes come from parameters without defaults', async () => {
    const findings = await fixtureFindings('cloudformation/unknown/gop.yaml');
    expect(findings.filter((finding) => finding.ruleId.startsWith('gop/'))).toEqual([]);
  });
});
