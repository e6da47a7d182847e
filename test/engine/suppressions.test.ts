import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedConfig, loadConfigFile, ResolvedConfig } from '../../src/config/index.js';
import { lint } from '../../src/engine/lint.js';
import { parseSuppressionComment } from '../../src/engine/suppressions.js';
import { fixtureFindings } from '../support/lint.js';

const scratch = mkdtempSync(join(tmpdir(), 'media-lint-suppressions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(path: string, content: string): string {
  const full = join(scratch, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** Findings of a file in the scratch directory, as `line:column ruleId`, after suppressions. */
async function findings(path: string, options: { onlyRules?: string[]; today?: string; config?: string } = {}): Promise<string[]> {
  const result = await lint({
    paths: [path],
    cwd: scratch,
    onlyRules: options.onlyRules ?? ['schema/out-of-range', 'schema/invalid-enum'],
    today: options.today ?? '2025-06-15',
    ...(options.config ? { config: fixedConfig(new ResolvedConfig(loadConfigFile(join(scratch, options.config)))) } : {}),
  });
  return result.report.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`);
}

describe('parseSuppressionComment', () => {
  it.each([
    ['# media-lint-ignore schema/out-of-range: legal hold', { ruleIds: ['schema/out-of-range'], reason: 'legal hold' }],
    ['#media-lint-ignore a/b, c/d: two rules until 2026-01-31', { ruleIds: ['a/b', 'c/d'], reason: 'two rules', until: '2026-01-31' }],
    ['// media-lint-ignore a/b c/d: spaces also separate ids', { ruleIds: ['a/b', 'c/d'], reason: 'spaces also separate ids' }],
    ['# media-lint-ignore a/b: wait until launch', { ruleIds: ['a/b'], reason: 'wait until launch' }],
    ['# media-lint-ignore a/b', { ruleIds: ['a/b'], problem: 'has no reason; write `media-lint-ignore a/b: <why this is acceptable>`' }],
    ['# media-lint-ignore a/b:   until 2026-01-31', { ruleIds: ['a/b'], until: '2026-01-31', problem: 'has no reason; write `media-lint-ignore a/b: <why this is acceptable>`' }],
    ['# media-lint-ignore a/b: reason until 2026-02-30', { ruleIds: ['a/b'], reason: 'reason', until: '2026-02-30', problem: 'has an invalid date "2026-02-30"; write `until YYYY-MM-DD`' }],
    ['# media-lint-ignore: reason', { ruleIds: [], reason: 'reason', problem: 'names no rule; write `media-lint-ignore <rule-id>: <reason>`' }],
  ])('%s', (comment, expected) => {
    expect(parseSuppressionComment(comment)).toEqual(expected);
  });

  it.each(['# just a comment', '# see media-lint-ignore docs', '# media-lint-ignored a/b: x', 'media-lint: ignore'])('ignores %s', (comment) => {
    expect(parseSuppressionComment(comment)).toBeUndefined();
  });
});

const stream = (name: string, hours: number) => [`  ${name}:`, '    Type: AWS::KinesisVideo::Stream', '    Properties:', `      DataRetentionInHours: ${hours}`];

describe('scoping in CloudFormation YAML', () => {
  it('a comment above a resource covers the whole resource; above a property, that property only', async () => {
    const file = write(
      'scope.yaml',
      [
        'Resources:',
        '  # media-lint-ignore schema/out-of-range: archive kept ten years (legal hold)',
        ...stream('Archive', 100000), // 3-6
        '  Live:', // 7
        '    Type: AWS::KinesisVideo::Stream',
        '    Properties:',
        '      # media-lint-ignore schema/out-of-range: covers the next line only',
        '      Name: live',
        '      DataRetentionInHours: 100000', // 12
        '',
      ].join('\n'),
    );
    expect(await findings(file)).toEqual(['10:7 suppression/unused', '12:29 schema/out-of-range']);
  });

  it('skips blank and comment lines to the next code line, so directives stack; a trailing comment covers its own line', async () => {
    const file = write(
      'stack.yaml',
      [
        'Resources:',
        '  # media-lint-ignore schema/out-of-range: first reason',
        '',
        '  # an ordinary comment',
        '  # media-lint-ignore schema/invalid-enum: second reason',
        ...stream('Archive', 100000), // 6-9
        ...stream('Live', 100000).slice(0, 3), // 10-12
        '      DataRetentionInHours: 100000 # media-lint-ignore schema/out-of-range: trailing',
        '',
      ].join('\n'),
    );
    // The first directive suppresses Archive's finding; the second names a rule that reports nothing.
    expect(await findings(file)).toEqual(['5:3 suppression/unused']);
  });

  it('does not take text inside strings and block scalars for a directive', async () => {
    const file = write(
      'strings.yaml',
      [
        'Description: |',
        '  # media-lint-ignore schema/out-of-range: this is documentation',
        'Resources:',
        '  Archive:',
        '    Type: AWS::KinesisVideo::Stream',
        '    Properties:',
        '      Name: "#media-lint-ignore schema/out-of-range: in a string"',
        '      DataRetentionInHours: 100000',
        '',
      ].join('\n'),
    );
    expect(await findings(file)).toEqual(['8:29 schema/out-of-range']);
  });

  it('covers a list item and a nested mapping', async () => {
    const file = write(
      'nested.yaml',
      [
        'Resources:',
        '  Channel:',
        '    Type: AWS::MediaLive::Channel',
        '    Properties:',
        '      Name: live',
        '      EncoderSettings:',
        '        VideoDescriptions:',
        '          # media-lint-ignore schema/invalid-enum: the vendor build accepts it',
        '          - Name: video_1080p',
        '            CodecSettings:',
        '              H264Settings:',
        '                Profile: ULTRA',
        '          - Name: video_720p',
        '            CodecSettings:',
        '              H264Settings:',
        '                Profile: MEGA',
        '',
      ].join('\n'),
    );
    expect(await findings(file, { onlyRules: ['schema/invalid-enum'] })).toEqual(['16:26 schema/invalid-enum']);
  });
});

describe('expiry', () => {
  const file = () =>
    write('expiry.yaml', ['Resources:', '  # media-lint-ignore schema/out-of-range: quota increase pending until 2025-06-15', ...stream('Archive', 100000), ''].join('\n'));

  it('applies through its until date', async () => {
    expect(await findings(file(), { today: '2025-06-15' })).toEqual([]);
  });

  it('is reported the day after, and the finding comes back', async () => {
    expect(await findings(file(), { today: '2025-06-16' })).toEqual(['2:3 suppression/expired', '6:29 schema/out-of-range']);
  });
});

describe('unused suppressions', () => {
  const file = () => write('unused.yaml', ['Resources:', '  # media-lint-ignore schema/invalid-enum, schema/out-of-range: both?', ...stream('Archive', 100000), ''].join('\n'));

  it('are reported per rule id that suppressed nothing', async () => {
    expect(await findings(file())).toEqual(['2:3 suppression/unused']);
  });

  it('are not reported for a rule that did not run (--rule) or that the configuration turns off', async () => {
    expect(await findings(file(), { onlyRules: ['schema/out-of-range'] })).toEqual([]);
    write('off.yaml', 'rules:\n  schema/invalid-enum: off\n');
    expect(await findings(file(), { config: 'off.yaml', onlyRules: [] })).not.toContain('2:3 suppression/unused');
  });

  it('can be turned off in the configuration', async () => {
    write('quiet.yaml', 'rules:\n  suppression/unused: off\n');
    expect(await findings(file(), { config: 'quiet.yaml' })).toEqual([]);
  });
});

describe('CloudFormation Metadata', () => {
  it('suppresses findings of the resource, in JSON too', async () => {
    const file = write(
      'metadata.json',
      JSON.stringify(
        {
          Resources: {
            Archive: {
              Type: 'AWS::KinesisVideo::Stream',
              Metadata: { 'media-lint': { ignore: [{ rule: 'schema/out-of-range', reason: 'legal hold', until: '2099-12-31' }, { rule: 'schema/invalid-enum', reason: 'unused' }] } },
              Properties: { DataRetentionInHours: 100000 },
            },
            Live: { Type: 'AWS::KinesisVideo::Stream', Properties: { DataRetentionInHours: 100000 } },
          },
        },
        null,
        2,
      ),
    );
    expect(await findings(file)).toEqual(['13:13 suppression/unused', '27:33 schema/out-of-range']);
  });

  it('reports a malformed entry as invalid', async () => {
    const file = write(
      'metadata.yaml',
      ['Resources:', '  Archive:', '    Type: AWS::KinesisVideo::Stream', '    Metadata:', '      media-lint:', '        ignore: [schema/out-of-range]', '    Properties:', '      DataRetentionInHours: 100000', ''].join('\n'),
    );
    const result = await lint({ paths: [file], cwd: scratch, onlyRules: ['schema/out-of-range'] });
    expect(result.report.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)).toEqual([
      '6:18 suppression/invalid This suppression has no reason; write `{ rule: schema/out-of-range, reason: <why this is acceptable> }`.',
      '8:29 schema/out-of-range DataRetentionInHours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).',
    ]);
  });
});

describe('Terraform block comments between a directive and its line', () => {
  it('skips lines of block comments to find the line a directive covers', async () => {
    const file = write(
      'block-comment/main.tf',
      [
        'resource "aws_kinesis_video_stream" "archive" {',
        '  name = "archive"',
        '  # media-lint-ignore schema/out-of-range: a legal hold keeps these recordings',
        '  /* retention set by the compliance team */',
        '  /* reviewed 2025 */ /* ticket 42 */',
        '  data_retention_in_hours = 100000',
        '}',
        '',
      ].join('\n'),
    );
    expect(await findings(file, { onlyRules: ['schema/out-of-range'] })).toEqual([]);
  });
});

describe('suppression fixtures, every format', () => {
  const formats = [
    ['cloudformation', 'yaml'],
    ['terraform', 'tf'],
    ['pangea', 'rb'],
  ] as const;

  it.each(formats)('%s: unused, expired and invalid are reported; the passing fixtures are clean', async (format, extension) => {
    const fixture = (id: string, kind: string) => `${format}/suppression/${id}/${kind}.${extension}`;
    const ids = async (path: string) => (await fixtureFindings(path)).filter((finding) => /^(suppression|schema)\//.test(finding.ruleId)).map((finding) => finding.ruleId);
    expect(await ids(fixture('unused', 'fail'))).toEqual(['suppression/unused']);
    expect(await ids(fixture('expired', 'fail'))).toEqual(['suppression/expired', 'schema/out-of-range']);
    expect((await ids(fixture('invalid', 'fail'))).sort()).toEqual(['schema/out-of-range', 'suppression/invalid', 'suppression/invalid']);
    for (const id of ['unused', 'expired', 'invalid']) expect(await ids(fixture(id, 'pass')), fixture(id, 'pass')).toEqual([]);
  });

  it('names the unknown rule with a suggestion', async () => {
    const invalid = await fixtureFindings('cloudformation/suppression/invalid/fail.yaml', 'suppression/invalid');
    expect(invalid).toEqual([
      { ruleId: 'suppression/invalid', line: 8, column: 13, message: 'This suppression has no reason; write `media-lint-ignore schema/out-of-range: <why this is acceptable>`.' },
      { ruleId: 'suppression/invalid', line: 9, column: 13, message: "Unknown rule 'schema/out-of-ranges' in this suppression; did you mean 'schema/out-of-range'?" },
    ]);
  });
});

it('keeps fingerprints of suppression findings when lines move', async () => {
  const lines = ['Resources:', '  # media-lint-ignore schema/invalid-enum: nothing to suppress', ...stream('Archive', 24), ''];
  const before = await lint({ paths: [write('shift.yaml', lines.join('\n'))], cwd: scratch, onlyRules: ['schema/invalid-enum'] });
  const after = await lint({ paths: [write('shift.yaml', ['# moved', '', ...lines].join('\n'))], cwd: scratch, onlyRules: ['schema/invalid-enum'] });
  expect(after.report.findings[0]!.line).toBe(before.report.findings[0]!.line + 2);
  expect(after.report.findings[0]!.fingerprint).toBe(before.report.findings[0]!.fingerprint);
});
