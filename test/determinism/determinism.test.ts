/**
 * The same input gives byte-identical JSON and SARIF: across runs, across processes, whatever the
 * order in which the paths are given or the files were created, and whatever the time zone or
 * locale of the machine.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { lint } from '../../src/engine/lint.js';
import { formatReport } from '../../src/reporters/format.js';
import { repoRoot } from '../support/lint.js';

/** Inputs of every format: CloudFormation (JSON, YAML, a CDK assembly), Terraform, Pangea, and a
 * generated corpus of 300 resources in the four formats (with planted defects). */
const inputs = ['examples', 'fixtures/terraform/seed', 'fixtures/pangea/seed', 'fixtures/cloudformation/seed', 'corpus'];

let workspace: string;
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'media-lint-determinism-'));
  for (const input of inputs.slice(0, -1)) cpSync(join(repoRoot, input), join(workspace, input), { recursive: true });
  writeCorpus(join(workspace, 'corpus'), 'mixed', 300, 20_240_601);
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

async function reports(cwd: string, paths: readonly string[]): Promise<{ json: string; sarif: string; text: string }> {
  const { report } = await lint({ paths, cwd, today: '2026-01-15' });
  return { json: formatReport(report, 'json'), sarif: formatReport(report, 'sarif'), text: formatReport(report, 'text', { color: false }) };
}

/** Every file under a directory, relative to it, in directory-listing order. */
function filesOf(directory: string, base = directory): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesOf(path, base) : [path.slice(base.length + 1)];
  });
}

describe('determinism', () => {
  it('gives byte-identical JSON and SARIF in two runs of the same process', async () => {
    const first = await reports(workspace, inputs);
    const second = await reports(workspace, inputs);
    expect(first.json.length).toBeGreaterThan(10_000);
    expect(JSON.parse(first.json).findings.length).toBeGreaterThan(50);
    expect(second.json).toBe(first.json);
    expect(second.sarif).toBe(first.sarif);
    expect(second.text).toBe(first.text);
  });

  it('does not depend on the order of the paths, or on the order in which files were written', async () => {
    const reference = await reports(workspace, inputs);
    // The paths in reverse, and one path per file, shuffled by a fixed permutation.
    expect((await reports(workspace, [...inputs].reverse())).json).toBe(reference.json);
    const files = inputs.flatMap((input) => filesOf(join(workspace, input)).map((file) => join(input, file)));
    const shuffled = files.map((file, index) => ({ file, key: (index * 7919) % files.length })).sort((a, b) => a.key - b.key).map((entry) => entry.file);
    const perFile = await reports(workspace, shuffled);
    // Named one by one, files that are not templates would be reported as skipped instead of
    // ignored; the findings about the templates must be the same.
    const findings = (json: string) => (JSON.parse(json) as { findings: unknown[] }).findings;
    expect(findings(perFile.json)).toEqual(findings(reference.json));

    // A copy whose files were created in the opposite order (directory listings follow it).
    const copy = mkdtempSync(join(tmpdir(), 'media-lint-determinism-copy-'));
    try {
      for (const file of [...files].reverse()) {
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        writeFileSync(join(copy, file), readFileSync(join(workspace, file)));
      }
      const copied = await reports(copy, inputs);
      expect(copied.json).toBe(reference.json);
      expect(copied.sarif.split(copy).join(workspace)).toBe(reference.sarif);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('gives byte-identical output from separate processes, in other time zones and locales', () => {
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/media-lint.js'), '--format', 'sarif', ...inputs.slice(0, -1)], { cwd: workspace, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
    const first = run({ TZ: 'UTC', LANG: 'C' });
    const second = run({ TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(first.status).toBe(1);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });
});
