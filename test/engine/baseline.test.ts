import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BaselineError, compareWithBaseline, createBaseline, formatBaseline, readBaseline } from '../../src/engine/baseline.js';
import { lint } from '../../src/engine/lint.js';
import { streamsTemplate } from '../support/git-repo.js';

const scratch = mkdtempSync(join(tmpdir(), 'media-lint-baseline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lintTemplate(text: string) {
  writeFileSync(join(scratch, 'streams.yaml'), text);
  return (await lint({ paths: ['streams.yaml'], cwd: scratch, onlyRules: ['schema/out-of-range'] })).report.findings;
}

describe('baselines', () => {
  it('record findings by fingerprint, versioned, sorted and reviewable', async () => {
    const findings = await lintTemplate(streamsTemplate([['Archive', 100000]]));
    const baseline = createBaseline(findings, '0.1.0', join(scratch, 'baseline.json'), scratch);
    expect(baseline).toEqual({
      format: 'media-lint-baseline',
      formatVersion: '1.0',
      toolVersion: '0.1.0',
      workingDirectory: '.',
      findings: [{ fingerprint: findings[0]!.fingerprint, ruleId: 'schema/out-of-range', file: 'streams.yaml', message: findings[0]!.message }],
    });
  });

  it('still match after unrelated lines are inserted above; a new finding is new', async () => {
    const before = await lintTemplate(streamsTemplate([['Archive', 100000]]));
    const baselinePath = join(scratch, 'shift.json');
    writeFileSync(baselinePath, formatBaseline(createBaseline(before, '0.1.0', baselinePath, scratch)));
    const shifted = streamsTemplate([['Archive', 100000]]).replace('Resources:\n', 'Description: moved down\nMetadata:\n  Owner: media-team\nResources:\n  Live:\n    Type: AWS::KinesisVideo::Stream\n    Properties:\n      DataRetentionInHours: 200000\n');
    const after = await lintTemplate(shifted);
    expect(after.map((finding) => finding.line)).toEqual([8, 15]);
    const comparison = compareWithBaseline(after, readBaseline(baselinePath));
    expect(comparison.newFindings.map((finding) => `${finding.line} ${finding.message.slice(0, 27)}`)).toEqual(['8 DataRetentionInHours 200000']);
    expect(comparison.known).toBe(1);
    expect(comparison.gone).toBe(0);
  });

  it('count repeats: a second identical finding is new; fixed ones are counted as gone', () => {
    const finding = { fingerprint: 'f1' } as never;
    const baseline = { format: 'media-lint-baseline', formatVersion: '1.0', toolVersion: '', workingDirectory: '.', findings: [{ fingerprint: 'f1' }, { fingerprint: 'f2' }] } as never;
    expect(compareWithBaseline([finding, finding], baseline)).toEqual({ newFindings: [finding], known: 1, gone: 1 });
  });

  it.each([
    ['{"format":"media-lint-baseline","formatVersion":"2.0","toolVersion":"3.0.0","findings":[]}', 'baseline b.json was written by media-lint 3.0.0 in format 2.0; this media-lint reads format 1.x. Write a new one with --write-baseline'],
    ['{"findings":[]}', 'b.json is not a media-lint baseline (no "format": "media-lint-baseline")'],
    ['{"format":"media-lint-baseline","formatVersion":"1.3","findings":{}}', 'baseline b.json is damaged: "findings" must be a list of entries with a "fingerprint"'],
    ['not json', 'baseline b.json is not valid JSON: Unexpected token \'o\', "not json" is not valid JSON'],
  ])('reject %s clearly', (text, message) => {
    const path = join(scratch, 'b.json');
    writeFileSync(path, text);
    expect(() => readBaseline(path, 'b.json')).toThrow(new BaselineError(message));
  });

  it('accept another minor version of the same major', () => {
    const path = join(scratch, 'minor.json');
    writeFileSync(path, '{"format":"media-lint-baseline","formatVersion":"1.7","toolVersion":"0.9.0","findings":[{"fingerprint":"x","extra":true}]}');
    expect(readBaseline(path).findings).toHaveLength(1);
  });
});
