import { describe, expect, it } from 'vitest';
import { fixtureFindings, lintPaths, summarize } from '../support/lint.js';

describe('mediaconvert/fragment-length', () => {
  it('reports fragments that are not a whole number of GOPs, or of closed-GOP intervals', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/fragment-length/fail.yaml', 'mediaconvert/fragment-length')).toEqual([
      {
        ruleId: 'mediaconvert/fragment-length',
        line: 41,
        column: 32,
        message:
          'FragmentLength 2 s is not a whole number of GOPs of 1.8 s (90 frames at 50 fps); MediaConvert requires a multiple of GopSize × GopClosedCadence ÷ frame rate in CMAF groups. Use a GOP of 1 s or 2 s.',
      },
      {
        ruleId: 'mediaconvert/fragment-length',
        line: 76,
        column: 32,
        message:
          'FragmentLength 2 s is not a whole multiple of 3 s, a GOP of 1 s (50 frames at 50 fps) × GopClosedCadence 3; MediaConvert requires a multiple of GopSize × GopClosedCadence ÷ frame rate in DASH ISO groups. Make the GOP times the cadence divide the fragment length.',
      },
    ]);
  });

  it('accepts 2 s fragments of 2 s GOPs', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/fragment-length/pass.yaml', 'mediaconvert/fragment-length')).toEqual([]);
  });
});

describe('mediaconvert/hls-segment-length', () => {
  it('reports an HLS group that leaves SegmentLength at the 10 s default', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/hls-segment-length/fail.yaml', 'mediaconvert/hls-segment-length')).toEqual([
      { ruleId: 'mediaconvert/hls-segment-length', line: 22, column: 15, message: 'SegmentLength is not set, so this HLS group cuts 10 s segments; Apple recommends 6 s: set SegmentLength to 6.' },
    ]);
  });

  it('accepts 6 s segments', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/hls-segment-length/pass.yaml', 'mediaconvert/hls-segment-length')).toEqual([]);
  });

  it('reports explicit lengths other than the target only when asked to', async () => {
    const fixture = 'fixtures/cloudformation/mediaconvert/segment-match-prerequisites/pass.yaml';
    expect(await fixtureFindings(fixture.replace('fixtures/', ''), 'mediaconvert/hls-segment-length')).toEqual([]);
    const { report } = await lintPaths([fixture], {
      onlyRules: ['mediaconvert/hls-segment-length'],
      ruleOptions: new Map([['mediaconvert/hls-segment-length', { targetSeconds: 4, checkExplicitLengths: true }]]),
    });
    expect(report.findings.map(summarize)).toEqual([
      { ruleId: 'mediaconvert/hls-segment-length', line: 24, column: 32, message: 'SegmentLength 6 s differs from the 4 s segments Apple recommends for HLS.' },
    ]);
  });
});

describe('mediaconvert/segment-match-prerequisites', () => {
  it('reports a follow-source frame rate, 44.1 kHz and AC-3 audio, and a group without audio', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/segment-match-prerequisites/fail.yaml', 'mediaconvert/segment-match-prerequisites')).toEqual([
      {
        ruleId: 'mediaconvert/segment-match-prerequisites',
        line: 38,
        column: 41,
        message: 'FramerateControl INITIALIZE_FROM_SOURCE is not allowed with SegmentLengthControl MATCH; set it to SPECIFIED with a frame rate.',
      },
      { ruleId: 'mediaconvert/segment-match-prerequisites', line: 48, column: 37, message: 'SampleRate 44100 is not allowed with SegmentLengthControl MATCH, which requires 48000 Hz audio; set it to 48000.' },
      { ruleId: 'mediaconvert/segment-match-prerequisites', line: 54, column: 30, message: 'Codec AC3 is not allowed with SegmentLengthControl MATCH, which requires AAC audio.' },
      { ruleId: 'mediaconvert/segment-match-prerequisites', line: 64, column: 39, message: 'SegmentLengthControl MATCH requires at least one audio output in the group, and none of its outputs has audio.' },
    ]);
  });

  it('accepts groups with a specified frame rate and 48 kHz AAC', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/segment-match-prerequisites/pass.yaml', 'mediaconvert/segment-match-prerequisites')).toEqual([]);
  });
});

describe('mediaconvert segment rules and unresolved values', () => {
  it('raise nothing when fragment and segment lengths, GOPs, frame rates and codecs come from parameters without defaults', async () => {
    const rules = ['mediaconvert/fragment-length', 'mediaconvert/hls-segment-length', 'mediaconvert/segment-match-prerequisites'];
    const findings = await fixtureFindings('cloudformation/unknown/mediaconvert.yaml');
    expect(findings.filter((finding) => rules.includes(finding.ruleId) || finding.ruleId.startsWith('gop/') || finding.ruleId.startsWith('audio/'))).toEqual([]);
  });
});
