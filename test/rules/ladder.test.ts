import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleOptionValue } from '../../src/engine/rule.js';
import { fixtureFindings, lintPaths, summarize, type FindingSummary } from '../support/lint.js';

/** The findings of one rule on a fixture, with rule options set. */
async function findingsWithOptions(fixture: string, ruleId: string, options: Record<string, RuleOptionValue>): Promise<FindingSummary[]> {
  const { report } = await lintPaths([join('fixtures', fixture)], { onlyRules: [ruleId], ruleOptions: new Map([[ruleId, options]]) });
  return report.findings.map(summarize);
}

describe('ladder/bitrate-order', () => {
  it('reports a rung with no more bit rate than a smaller resolution', async () => {
    expect(await fixtureFindings('cloudformation/ladder/bitrate-order/fail.yaml', 'ladder/bitrate-order')).toEqual([
      {
        ruleId: 'ladder/bitrate-order',
        line: 47,
        column: 32,
        message: '1920×1080 at 3.5 Mbit/s has no more bit rate than 1280×720 at 4.2 Mbit/s in the same output group; raise the bit rate of 1920×1080 or lower that of 1280×720, so that bit rate increases with resolution.',
      },
    ]);
  });

  it('accepts bit rate rising with resolution', async () => {
    expect(await fixtureFindings('cloudformation/ladder/bitrate-order/pass.yaml', 'ladder/bitrate-order')).toEqual([]);
  });
});

describe('ladder/step-ratio', () => {
  it('reports a gap of more than ×2 and rungs less than ×1.2 apart', async () => {
    expect(await fixtureFindings('cloudformation/ladder/step-ratio/fail.yaml', 'ladder/step-ratio')).toEqual([
      {
        ruleId: 'ladder/step-ratio',
        line: 47,
        column: 32,
        message: '640×360 at 400 kbit/s and 1280×720 at 2.4 Mbit/s are adjacent rungs ×6 apart, more than ×2; add a rung near 980 kbit/s so players can step between them.',
      },
      {
        ruleId: 'ladder/step-ratio',
        line: 60,
        column: 32,
        message: '1280×720 at 2.4 Mbit/s and 1280×720 at 2.6 Mbit/s are adjacent rungs only ×1.08 apart, less than ×1.2; merge them or spread them apart.',
      },
    ]);
  });

  it('accepts steps between ×1.2 and ×2', async () => {
    expect(await fixtureFindings('cloudformation/ladder/step-ratio/pass.yaml', 'ladder/step-ratio')).toEqual([]);
  });
});

describe('ladder/bits-per-pixel', () => {
  it('reports bits per pixel below and above the H.264 bounds', async () => {
    expect(await fixtureFindings('cloudformation/ladder/bits-per-pixel/fail.yaml', 'ladder/bits-per-pixel')).toEqual([
      {
        ruleId: 'ladder/bits-per-pixel',
        line: 34,
        column: 32,
        message: '1920×1080 at 30 fps and 1.2 Mbit/s is 0.019 bits per pixel, below 0.024 for H.264; raise the bit rate to at least 1.49 Mbit/s or lower the resolution.',
      },
      {
        ruleId: 'ladder/bits-per-pixel',
        line: 100,
        column: 32,
        message: '640×360 at 25 fps and 2.5 Mbit/s is 0.434 bits per pixel, above 0.4 for H.264; lower the bit rate to about 2.3 Mbit/s or raise the resolution.',
      },
    ]);
  });

  it('accepts plausible budgets', async () => {
    expect(await fixtureFindings('cloudformation/ladder/bits-per-pixel/pass.yaml', 'ladder/bits-per-pixel')).toEqual([]);
  });
});

describe('ladder/aspect-ratio', () => {
  it('reports a 4:3 rung in a 16:9 ladder with the height that would match', async () => {
    expect(await fixtureFindings('cloudformation/ladder/aspect-ratio/fail.yaml', 'ladder/aspect-ratio')).toEqual([
      {
        ruleId: 'ladder/aspect-ratio',
        line: 54,
        column: 27,
        message: '640×480 is 4:3, unlike the 16:9 of 1920×1080 in the same output group; use 640×360 so every variant has the same aspect ratio.',
      },
    ]);
  });

  it('accepts one aspect ratio', async () => {
    expect(await fixtureFindings('cloudformation/ladder/aspect-ratio/pass.yaml', 'ladder/aspect-ratio')).toEqual([]);
  });
});

describe('ladder/odd-dimensions', () => {
  it('reports odd sizes, for MediaLive and for MediaConvert', async () => {
    expect(await fixtureFindings('cloudformation/ladder/odd-dimensions/fail.yaml', 'ladder/odd-dimensions')).toEqual([
      { ruleId: 'ladder/odd-dimensions', line: 29, column: 21, message: 'Height 225 is odd; MediaLive requires an even width and height: use 224 or 226.' },
      {
        ruleId: 'ladder/odd-dimensions',
        line: 59,
        column: 18,
        message: 'Width 853 is odd; H.264 video is coded in whole pairs of pixels (chroma subsampling), so it cannot be exactly 853: use 852 or 854.',
      },
    ]);
  });

  it('accepts even sizes', async () => {
    expect(await fixtureFindings('cloudformation/ladder/odd-dimensions/pass.yaml', 'ladder/odd-dimensions')).toEqual([]);
  });
});

describe('ladder/duplicate-rungs', () => {
  it('reports identical rungs: a copied description and a preset used twice (by reference and by name)', async () => {
    expect(await fixtureFindings('cloudformation/ladder/duplicate-rungs/fail.yaml', 'ladder/duplicate-rungs')).toEqual([
      {
        ruleId: 'ladder/duplicate-rungs',
        line: 137,
        column: 39,
        message: "Rendition 'video_1080p_copy' (1920×1080 at 6 Mbit/s, 30 fps) duplicates 'video_1080p' in the same output group; remove it or give it its own resolution or bit rate.",
      },
      {
        ruleId: 'ladder/duplicate-rungs',
        line: 186,
        column: 25,
        message: "Rendition output '_720p_copy' (1280×720 at 3 Mbit/s, source frame rate) duplicates output '_720p' in the same output group; remove it or give it its own resolution or bit rate.",
      },
    ]);
  });

  it('accepts distinct rungs', async () => {
    expect(await fixtureFindings('cloudformation/ladder/duplicate-rungs/pass.yaml', 'ladder/duplicate-rungs')).toEqual([]);
  });
});

describe('ladder/low-rung', () => {
  it('reports an HLS ladder without a rung at or below 730 kbit/s', async () => {
    expect(await fixtureFindings('cloudformation/ladder/low-rung/fail.yaml', 'ladder/low-rung')).toEqual([
      {
        ruleId: 'ladder/low-rung',
        line: 86,
        column: 13,
        message: "The lowest rung of this HLS output group is 960×540 at 1.45 Mbit/s; add one at or below 730 kbit/s (Apple's ladder starts at 416×234, 145 kbit/s) so players on slow connections can start and keep playing.",
      },
    ]);
  });

  it('accepts a 730 kbit/s rung', async () => {
    expect(await fixtureFindings('cloudformation/ladder/low-rung/pass.yaml', 'ladder/low-rung')).toEqual([]);
  });
});

describe('ladder/top-rung', () => {
  it('reports ladders with no H.264 rung within High@4.1 and no UHD rung within 15 Mbit/s', async () => {
    expect(await fixtureFindings('cloudformation/ladder/top-rung/fail.yaml', 'ladder/top-rung')).toEqual([
      {
        ruleId: 'ladder/top-rung',
        line: 62,
        column: 13,
        message: "No H.264 rendition of this HLS output group is within High profile level 4.1 (the lowest, 'video_1080p_low', 1920×1080 at 4.5 Mbit/s, uses level 4.2); add a rendition at or below High profile level 4.1 for maximum compatibility.",
      },
      {
        ruleId: 'ladder/top-rung',
        line: 124,
        column: 32,
        message: "Every UHD rendition of this CMAF output group is above 15 Mbit/s (lowest: output '_2160p_low', 3840×2160 at 16.8 Mbit/s); lower one UHD rendition to 15 Mbit/s or less for devices and connections with less bandwidth.",
      },
    ]);
  });

  it('accepts a 720p60 rung at level 3.2 and a UHD rung at 11.6 Mbit/s', async () => {
    expect(await fixtureFindings('cloudformation/ladder/top-rung/pass.yaml', 'ladder/top-rung')).toEqual([]);
  });
});

describe('ladder/two-top-variants', () => {
  it('reports an HD ladder with a single rung at its top resolution', async () => {
    expect(await fixtureFindings('cloudformation/ladder/two-top-variants/fail.yaml', 'ladder/two-top-variants')).toEqual([
      {
        ruleId: 'ladder/two-top-variants',
        line: 86,
        column: 13,
        message: "Only one H.264 rendition of this HLS output group is at its highest resolution, 1920×1080 ('video_1080p', 5 Mbit/s); add a second 1920×1080 rendition at a lower bit rate.",
      },
    ]);
  });

  it('accepts two 1080p rungs', async () => {
    expect(await fixtureFindings('cloudformation/ladder/two-top-variants/pass.yaml', 'ladder/two-top-variants')).toEqual([]);
  });
});

describe('ladder/apple-table', () => {
  it('reports bit rates more than 50% off Apple’s range for the resolution, per codec', async () => {
    expect(await fixtureFindings('cloudformation/ladder/apple-table/fail.yaml', 'ladder/apple-table')).toEqual([
      {
        ruleId: 'ladder/apple-table',
        line: 34,
        column: 32,
        message: "1280×720 H.264 at 8 Mbit/s is 78% above Apple's recommended 3,000–4,500 kbit/s for that resolution; lower the bit rate or use a larger resolution for this rung.",
      },
      {
        ruleId: 'ladder/apple-table',
        line: 47,
        column: 32,
        message: "1920×1080 HEVC at 1.5 Mbit/s is 67% below Apple's recommended 4,500–7,000 kbit/s for that resolution; raise the bit rate or use a smaller resolution for this rung.",
      },
    ]);
  });

  it('accepts bit rates near the recommendations', async () => {
    expect(await fixtureFindings('cloudformation/ladder/apple-table/pass.yaml', 'ladder/apple-table')).toEqual([]);
  });
});

describe('ladder rule options', () => {
  it('ladder/low-rung: iosCellular also asks for a rung at or below 192 kbit/s', async () => {
    expect(await findingsWithOptions('cloudformation/ladder/low-rung/pass.yaml', 'ladder/low-rung', { iosCellular: true })).toEqual([
      {
        ruleId: 'ladder/low-rung',
        line: 99,
        column: 13,
        message: 'No rung of this HLS output group is at or below 192 kbit/s (lowest: 768×432 at 730 kbit/s); iOS cellular playlists must offer a variant of at most 192 kbit/s peak: add one.',
      },
    ]);
  });

  it('ladder/step-ratio: maxRatio widens the accepted gap', async () => {
    expect(await findingsWithOptions('cloudformation/ladder/step-ratio/fail.yaml', 'ladder/step-ratio', { maxRatio: 8 })).toEqual([
      {
        ruleId: 'ladder/step-ratio',
        line: 60,
        column: 32,
        message: '1280×720 at 2.4 Mbit/s and 1280×720 at 2.6 Mbit/s are adjacent rungs only ×1.08 apart, less than ×1.2; merge them or spread them apart.',
      },
    ]);
  });
});

describe('ladder rules and values the tool cannot resolve', () => {
  it('report nothing when sizes, bit rates, levels, description names or presets are unknown, or frame rates come from the source', async () => {
    const findings = await fixtureFindings('cloudformation/unknown/ladder.yaml');
    expect(findings.filter((finding) => finding.ruleId.startsWith('ladder/'))).toEqual([]);
  });
});
