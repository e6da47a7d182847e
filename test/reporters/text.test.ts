import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import type { LintReport } from '../../src/engine/report.js';
import { SourceText } from '../../src/graph/source.js';
import { formatReport } from '../../src/reporters/index.js';
import { TEXT_MAX_WIDTH, formatText } from '../../src/reporters/text.js';
import { cleanReport, cwd, fullReport, rules } from './fixtures.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function finding(overrides: Partial<Finding> & Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>): Finding {
  return {
    ruleId: 'schema/unknown-property',
    severity: 'error',
    message: 'Unknown property',
    messageId: 'unknownProperty',
    fingerprint: 'f',
    ...overrides,
  };
}

function reportOf(findings: Finding[], files: SourceText[]): LintReport {
  return {
    findings,
    rules,
    sources: new Map(files.map((s) => [s.file, s])),
    filesLinted: files.length,
    resourcesLinted: 1,
    toolVersion: '0.1.0',
    cwd,
  };
}

describe('text reporter', () => {
  it('prints a small report exactly', () => {
    const source = new SourceText('a.yaml', 'Resources:\n  Ch:\n    Type: AWS::MediaLive::Channel\n    Properties: { Foo: 1 }\n');
    const report = reportOf(
      [finding({ file: 'a.yaml', line: 4, column: 19, endLine: 4, endColumn: 22, message: 'Unknown property Foo' })],
      [source],
    );
    expect(formatText(report)).toBe(
      [
        'a.yaml',
        '  4:19  error  Unknown property Foo  schema/unknown-property',
        '    4 |     Properties: { Foo: 1 }',
        '      |                   ^^^',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 infos)',
        '',
      ].join('\n'),
    );
  });

  it('prints the full report: groups, frames, multi-line spans, CDK details, related locations, summary', () => {
    expect(formatReport(fullReport(), 'text')).toBe(
      [
        'cdk.out/LiveStack.template.json',
        '  5:64  info  GopClosedCadence is 0  gop/closed-gop',
        '    5 |       "Properties": { "EncoderSettings": { "GopClosedCadence": 0 } }',
        '      |                                                                ^',
        '    construct: LiveStack/Channel/Resource',
        '    source: lib/live-stack.ts:42:5',
        '',
        'templates/broken.yaml',
        '  2:12  error  Flow sequence in block collection must be sufficiently indented and end with a ]  parse-error',
        '    2 |   Channel: [',
        '      |            ^',
        '',
        'templates/live.yaml',
        '  6:7    error    Unknown property Colour on AWS::MediaLive::Channel  schema/unknown-property',
        '    6 |       Colour: blue',
        '      |       ^^^^^^',
        '',
        '  9:13   warning  Renditions v1 and v2 are only 0% apart  ladder/resolution-step',
        '    9 |           - { Name: v1, Width: 1280, Height: 720 }',
        '      |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '    related: templates/live.yaml:10:13  Same size as v1',
        '',
        '  14:13  error    Input Ingest accepts unencrypted RTMP push  security/unencrypted-ingest',
        '    14 |       Type: RTMP_PUSH',
        '       |             ^^^^^^^^^',
        '',
        '✖ 5 problems (3 errors, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('prints the clean summary', () => {
    expect(formatReport(cleanReport(), 'text')).toBe('✔ No problems found in 4 files (7 media resources)\n');
    const one = { ...cleanReport(), filesLinted: 1, resourcesLinted: 1 };
    expect(formatText(one)).toBe('✔ No problems found in 1 file (1 media resource)\n');
  });

  it('uses colour only when asked, and the coloured text differs only by escape codes', () => {
    const plain = formatReport(fullReport(), 'text');
    expect(plain).not.toContain('\u001b');
    expect(formatReport(fullReport(), 'text', { color: false })).toBe(plain);
    expect(formatReport(cleanReport(), 'text')).not.toContain('\u001b');

    const coloured = formatReport(fullReport(), 'text', { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror'); // red severity
    expect(coloured.replace(ANSI, '')).toBe(plain);
    const clean = formatReport(cleanReport(), 'text', { color: true });
    expect(clean).toContain('\u001b[32m'); // green tick
    expect(clean.replace(ANSI, '')).toBe(formatReport(cleanReport(), 'text'));
  });

  it('is deterministic and independent of the input order', () => {
    const report = fullReport();
    const first = formatText(report);
    expect(formatText(report)).toBe(first);
    expect(formatText({ ...report, findings: [...report.findings].reverse() })).toBe(first);
  });

  it('cuts long lines around the marked columns to stay within 100 columns', () => {
    const long = `    Value: "${'x'.repeat(180)}TARGET${'y'.repeat(200)}"`;
    const source = new SourceText('long.yaml', `${long}\n`);
    const start = long.indexOf('TARGET');
    const report = reportOf([finding({ file: 'long.yaml', line: 1, column: start + 1, endLine: 1, endColumn: start + 7 })], [source]);
    const lines = formatText(report).split('\n');
    const frame = lines[2]!;
    const marker = lines[3]!;
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(TEXT_MAX_WIDTH);
    expect(frame.length).toBe(TEXT_MAX_WIDTH);
    expect(frame).toMatch(/^ {4}1 \| …x+TARGETy+…$/);
    const caret = marker.indexOf('^');
    expect(frame.slice(caret, caret + 6)).toBe('TARGET');
    expect(marker.trimEnd().endsWith('^^^^^^')).toBe(true);
    expect(marker.slice(caret)).toBe('^^^^^^');
  });

  it('cuts long lines at the end when the marker is near the start, and at the start when near the end', () => {
    const long = `Key: ${'z'.repeat(300)}`;
    const source = new SourceText('long.yaml', long);
    const head = formatText(reportOf([finding({ file: 'long.yaml', line: 1, column: 1, endLine: 1, endColumn: 4 })], [source])).split('\n');
    expect(head[2]).toMatch(/^ {4}1 \| Key: z+…$/);
    expect(head[2]!.length).toBe(TEXT_MAX_WIDTH);
    expect(head[3]).toBe('      | ^^^');

    const tail = formatText(reportOf([finding({ file: 'long.yaml', line: 1, column: 305, endLine: 1, endColumn: 306 })], [source])).split('\n');
    expect(tail[2]).toMatch(/^ {4}1 \| …z+$/);
    expect(tail[2]!.length).toBe(TEXT_MAX_WIDTH);
    expect(tail[3]!.indexOf('^')).toBe(TEXT_MAX_WIDTH - 1);
  });

  it('underlines a multi-line span from its column to the end of the first line', () => {
    const source = new SourceText('m.yaml', 'a:\n  b: {\n    c: 1 }\n');
    const lines = formatText(reportOf([finding({ file: 'm.yaml', line: 2, column: 6, endLine: 3, endColumn: 11 })], [source])).split('\n');
    expect(lines.slice(2, 4)).toEqual(['    2 |   b: {', '      |      ^']);
  });

  it('keeps tabs in the marker padding and neutralises control characters', () => {
    const source = new SourceText('t.yaml', '\tkey:\u001b[31m red\n');
    const lines = formatText(
      reportOf([finding({ file: 't.yaml', line: 1, column: 2, endLine: 1, endColumn: 5, message: 'bad\u001b[2J\nthing' })], [source]),
    ).split('\n');
    expect(lines[1]).toBe('  1:2  error  bad\uFFFD[2J thing  schema/unknown-property');
    expect(lines[2]).toBe('    1 | \tkey:\uFFFD[31m red');
    expect(lines[3]).toBe('      | \t^^^');
  });

  it('prints a caret for an empty span and no frame when the source is unknown', () => {
    const source = new SourceText('e.yaml', 'a: 1\n');
    const report = reportOf(
      [
        finding({ file: 'e.yaml', line: 1, column: 5, endLine: 1, endColumn: 5 }),
        finding({ file: 'missing.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'file-error', message: 'ENOENT: no such file' }),
      ],
      [source],
    );
    expect(formatText(report)).toBe(
      [
        'e.yaml',
        '  1:5  error  Unknown property  schema/unknown-property',
        '    1 | a: 1',
        '      |     ^',
        '',
        'missing.yaml',
        '  1:1  error  ENOENT: no such file  file-error',
        '',
        '✖ 2 problems (2 errors, 0 warnings, 0 infos)',
        '',
      ].join('\n'),
    );
  });

  it('prints the construct source without a column when it has none', () => {
    const source = new SourceText('t.json', '{}\n');
    const report = reportOf(
      [
        finding({
          file: 't.json',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 3,
          severity: 'warning',
          constructPath: 'Stack/Res',
          constructSource: { file: 'bin/app.ts', line: 7 },
        }),
      ],
      [source],
    );
    const text = formatText(report);
    expect(text).toContain('    construct: Stack/Res\n    source: bin/app.ts:7\n');
    expect(text.endsWith('✖ 1 problem (0 errors, 1 warning, 0 infos)\n')).toBe(true);
  });
});
