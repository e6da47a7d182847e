import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/engine/finding.js';
import { lint, type LintOptions, type LintResult } from '../../src/engine/lint.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function lintPaths(paths: string[], options: Partial<LintOptions> = {}): Promise<LintResult> {
  return lint({ paths, cwd: repoRoot, ...options });
}

/** The parts of a finding a rule test asserts: rule, position and message. */
export interface FindingSummary {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

export function summarize(finding: Finding): FindingSummary {
  return { ruleId: finding.ruleId, line: finding.line, column: finding.column, message: finding.message };
}

/** Lints one fixture (path relative to fixtures/) and returns the findings of one rule, or all. */
export async function fixtureFindings(fixture: string, ruleId?: string): Promise<FindingSummary[]> {
  const { report } = await lintPaths([join('fixtures', fixture)], ruleId && !['parse-error', 'file-error'].includes(ruleId) ? { onlyRules: [ruleId] } : {});
  return report.findings.filter((finding) => ruleId === undefined || finding.ruleId === ruleId).map(summarize);
}
