import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, type LintOptions, type LintResult } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/finding.js';
import { repoRoot } from '../support/lint.js';

/** A scratch directory with a known-good template in it, whose findings must survive whatever
 * hostile file sits next to it ("the rest of the run goes on"). */
export function workspace(): { directory: string; dispose: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'media-lint-hostile-'));
  mkdirSync(join(directory, 'good'), { recursive: true });
  copyFileSync(join(repoRoot, 'examples/cloudformation/recording.json'), join(directory, 'good/recording.json'));
  return { directory, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}

/** The findings the good template gets on its own. */
export async function goodFindings(): Promise<string[]> {
  const { directory, dispose } = workspace();
  try {
    const result = await lint({ paths: ['good'], cwd: directory });
    return result.report.findings.map(describe);
  } finally {
    dispose();
  }
}

export function describe(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`;
}

export interface TimedLint {
  result: LintResult;
  milliseconds: number;
  /** Growth of the JavaScript heap and of Buffer memory (where a file read would sit) during the
   * run, in MB (after a collection when exposed). */
  heapGrowthMb: number;
}

export async function timedLint(options: Pick<LintOptions, 'paths' | 'cwd'> & Partial<LintOptions>): Promise<TimedLint> {
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  collect();
  const used = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const before = used();
  const started = performance.now();
  const result = await lint(options);
  const milliseconds = performance.now() - started;
  const heapGrowthMb = (used() - before) / (1024 * 1024);
  return { result, milliseconds, heapGrowthMb };
}

/** The loader's findings (`parse-error`, `file-error`) as `file:line:column ruleId message`. */
export function loaderFindings(result: LintResult): string[] {
  return result.report.findings.filter((finding) => finding.ruleId === 'parse-error' || finding.ruleId === 'file-error').map((finding) => `${describe(finding)} ${finding.message}`);
}
