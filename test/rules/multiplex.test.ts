import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

describe('multiplex/availability-zones', () => {
  it('reports a multiplex with one zone and one that names the same zone twice', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/availability-zones/fail.yaml', 'multiplex/availability-zones')).toEqual([
      {
        ruleId: 'multiplex/availability-zones',
        line: 8,
        column: 9,
        message:
          'AvailabilityZones lists 1 zone; a multiplex runs its two pipelines in exactly 2 Availability Zones; list two different zones of the Region.',
      },
      {
        ruleId: 'multiplex/availability-zones',
        line: 18,
        column: 11,
        message:
          "AvailabilityZones lists 'us-east-1a' twice; the two pipelines of a multiplex need 2 different Availability Zones; replace one with another zone of the Region.",
      },
    ]);
  });

  it('accepts two different zones', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/availability-zones/pass.yaml', 'multiplex/availability-zones')).toEqual([]);
  });
});

describe('multiplex/program-numbers', () => {
  it('reports a program number used twice in one multiplex', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/program-numbers/fail.yaml', 'multiplex/program-numbers')).toEqual([
      {
        ruleId: 'multiplex/program-numbers',
        line: 24,
        column: 24,
        message:
          "ProgramNumber 101 is already used by program 'sports' of multiplex 'BroadcastMux'; program numbers must be unique within a multiplex; choose another number.",
      },
    ]);
  });

  it('reports the 21st program of a multiplex', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/program-numbers/too-many-programs.yaml', 'multiplex/program-numbers')).toEqual([
      {
        ruleId: 'multiplex/program-numbers',
        line: 155,
        column: 20,
        message:
          "Program 'service-21' makes 21 programs in multiplex 'BroadcastMux'; a multiplex holds at most 20 programs; move it to another multiplex.",
      },
    ]);
  });

  it('accepts distinct program numbers', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/program-numbers/pass.yaml', 'multiplex/program-numbers')).toEqual([]);
  });
});

describe('multiplex/bitrate-budget', () => {
  it('reports programs guaranteed more than the transport stream carries', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/bitrate-budget/fail.yaml', 'multiplex/bitrate-budget')).toEqual([
      {
        ruleId: 'multiplex/bitrate-budget',
        line: 9,
        column: 33,
        message:
          "Programs of multiplex 'BroadcastMux' are guaranteed 13 Mbit/s ('sports' 8 Mbit/s constant + 'news' 4 Mbit/s statmux minimum + 1 Mbit/s reserved), more than TransportStreamBitrate 12 Mbit/s; raise the transport stream bitrate or lower the program bitrates.",
      },
    ]);
  });

  it('accepts programs within the transport stream bitrate', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/bitrate-budget/pass.yaml', 'multiplex/bitrate-budget')).toEqual([]);
  });
});

describe('multiplex/video-settings', () => {
  it('reports constant bitrate together with statmux, and a statmux minimum above its maximum', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/video-settings/fail.yaml', 'multiplex/video-settings')).toEqual([
      {
        ruleId: 'multiplex/video-settings',
        line: 20,
        column: 11,
        message:
          'VideoSettings sets both ConstantBitrate and StatmuxSettings; a program is either constant bitrate or statistically multiplexed; remove one of them.',
      },
      {
        ruleId: 'multiplex/video-settings',
        line: 32,
        column: 29,
        message:
          'MinimumBitrate 6000000 is above MaximumBitrate 3000000; the statmux minimum must be at or below the maximum; swap or correct the values.',
      },
    ]);
  });

  it('accepts one rate-control mode per program with an ordered statmux range', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/video-settings/pass.yaml', 'multiplex/video-settings')).toEqual([]);
  });
});

describe('multiplex/channel-shape', () => {
  it('reports a single-pipeline multiplex channel with an RTMP input, a second output group and UHD video', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/channel-shape/fail.yaml', 'multiplex/channel-shape')).toEqual([
      {
        ruleId: 'multiplex/channel-shape',
        line: 39,
        column: 21,
        message:
          'ChannelClass SINGLE_PIPELINE: a channel that feeds a multiplex must be STANDARD, because the multiplex has two pipelines; set it to STANDARD.',
      },
      {
        ruleId: 'multiplex/channel-shape',
        line: 42,
        column: 20,
        message:
          "Input 'StudioFeed' is RTMP_PUSH, but a channel that feeds a multiplex takes only MP4_FILE or MEDIACONNECT inputs; deliver the source through MediaConnect.",
      },
      {
        ruleId: 'multiplex/channel-shape',
        line: 56,
        column: 20,
        message:
          'Width 3840 is above the 1920 pixels a multiplex channel can encode (1920×1080 at most); scale the video down.',
      },
      {
        ruleId: 'multiplex/channel-shape',
        line: 57,
        column: 21,
        message:
          'Height 2160 is above the 1080 pixels a multiplex channel can encode (1920×1080 at most); scale the video down.',
      },
      {
        ruleId: 'multiplex/channel-shape',
        line: 67,
        column: 11,
        message:
          'OutputGroups lists 2 output groups, but a channel that feeds a multiplex has exactly one, the multiplex output group; move the other outputs to another channel.',
      },
    ]);
  });

  it('accepts a standard HD channel with a MediaConnect input and one multiplex output', async () => {
    expect(await fixtureFindings('cloudformation/multiplex/channel-shape/pass.yaml', 'multiplex/channel-shape')).toEqual([]);
  });
});

describe('multiplex rules and unknown values', () => {
  it('never report zones, bitrates, program numbers or multiplexes the tool cannot resolve', async () => {
    const findings = await fixtureFindings('cloudformation/unknown/multiplex.yaml');
    expect(findings.filter((finding) => finding.ruleId.startsWith('multiplex/'))).toEqual([]);
  });
});
