import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from './finding.js';

/**
 * Baselines: accept the findings a repository has today and report only new ones.
 *
 * `--write-baseline FILE` records every current finding by its fingerprint (stable across edits
 * that only move lines: it is derived from rule, file, resource, property path and message data).
 * `--baseline FILE` then drops each finding whose fingerprint the baseline holds (as many times as
 * it holds it, so a second identical mistake is still new).
 *
 * The file is versioned JSON: `format` names it, `formatVersion` is `MAJOR.MINOR`. A reader accepts
 * any minor version of its own major version and rejects the others with a clear message. Entries
 * carry the rule id, file and message besides the fingerprint so that a diff of the baseline can be
 * reviewed. Fingerprints include the file paths as reported, relative to the working directory, so
 * the baseline records the directory it was written from (relative to itself) and a run from
 * elsewhere is warned about.
 */
export const BASELINE_FORMAT = 'media-lint-baseline';
export const BASELINE_FORMAT_VERSION = '1.0';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  message: string;
}

export interface BaselineFile {
  format: typeof BASELINE_FORMAT;
  formatVersion: string;
  /** Version of media-lint that wrote it (informational). */
  toolVersion: string;
  /** The working directory of the run that wrote it, relative to the baseline's directory (`.`). */
  workingDirectory: string;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

export function createBaseline(findings: readonly Finding[], toolVersion: string, baselinePath: string, cwd: string): BaselineFile {
  const entries = findings
    .map((finding) => ({ fingerprint: finding.fingerprint, ruleId: finding.ruleId, file: finding.file, message: finding.message }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint) || compare(a.message, b.message));
  return {
    format: BASELINE_FORMAT,
    formatVersion: BASELINE_FORMAT_VERSION,
    toolVersion,
    workingDirectory: workingDirectoryOf(baselinePath, cwd),
    findings: entries,
  };
}

export function formatBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads and checks a baseline. Throws `BaselineError` with a message naming the file. */
export function readBaseline(path: string, displayName = path): BaselineFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(`baseline ${displayName} cannot be read${code === 'ENOENT' ? ' (no such file); write one with --write-baseline' : code ? ` (${code})` : ''}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline ${displayName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (record.format !== BASELINE_FORMAT) throw new BaselineError(`${displayName} is not a media-lint baseline (no "format": "${BASELINE_FORMAT}")`);
  const version = typeof record.formatVersion === 'string' ? record.formatVersion : String(record.formatVersion);
  const major = version.split('.')[0];
  const ourMajor = BASELINE_FORMAT_VERSION.split('.')[0];
  if (major !== ourMajor) {
    const writer = typeof record.toolVersion === 'string' ? ` by media-lint ${record.toolVersion}` : '';
    throw new BaselineError(
      `baseline ${displayName} was written${writer} in format ${version}; this media-lint reads format ${ourMajor}.x. Write a new one with --write-baseline`,
    );
  }
  if (!Array.isArray(record.findings) || record.findings.some((entry) => typeof (entry as BaselineEntry | null)?.fingerprint !== 'string')) {
    throw new BaselineError(`baseline ${displayName} is damaged: "findings" must be a list of entries with a "fingerprint"`);
  }
  return {
    format: BASELINE_FORMAT,
    formatVersion: version,
    toolVersion: typeof record.toolVersion === 'string' ? record.toolVersion : '',
    workingDirectory: typeof record.workingDirectory === 'string' ? record.workingDirectory : '.',
    findings: record.findings as BaselineEntry[],
  };
}

export interface BaselineComparison {
  /** Findings the baseline does not hold. */
  newFindings: Finding[];
  /** Findings the baseline held. */
  known: number;
  /** Baseline entries that no finding matched any more (fixed, or moved to another file). */
  gone: number;
}

export function compareWithBaseline(findings: readonly Finding[], baseline: BaselineFile): BaselineComparison {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  const newFindings: Finding[] = [];
  let known = 0;
  for (const finding of findings) {
    const count = remaining.get(finding.fingerprint) ?? 0;
    if (count > 0) {
      remaining.set(finding.fingerprint, count - 1);
      known++;
    } else {
      newFindings.push(finding);
    }
  }
  let gone = 0;
  for (const count of remaining.values()) gone += count;
  return { newFindings, known, gone };
}

/** The working directory relative to the baseline file's directory, in POSIX form. */
export function workingDirectoryOf(baselinePath: string, cwd: string): string {
  const path = relative(dirname(resolve(cwd, baselinePath)), cwd);
  return path === '' ? '.' : path.split(sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
