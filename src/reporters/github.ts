import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../engine/finding.js';
import { severityOrder } from '../engine/finding.js';
import type { LintReport } from '../engine/report.js';
import { orderedFindings } from './summary.js';

/**
 * `--format github`: one GitHub Actions workflow command per finding, which the runner turns into
 * an annotation on the file and line:
 *
 *     ::error file=live.yaml,line=12,col=9,endLine=12,endColumn=14,title=media-lint%3A schema/invalid-enum::Codec "H265" is not…
 *
 * `info` findings become `::notice`. Columns are given only for single-line spans (GitHub ignores
 * them otherwise). Errors come first, then warnings, then notices, because GitHub shows only the
 * first 10 of each kind per step (and 50 per job): see `annotationLimits`.
 */
export interface GithubFormatOptions {
  /** Annotation paths are relative to this directory (the repository root, `GITHUB_WORKSPACE`).
   * Default: the report's working directory. */
  root?: string;
}

/** What GitHub shows of the annotations a step creates. */
export const annotationLimits = { perKindPerStep: 10, perJob: 50 } as const;

export function formatGithub(report: LintReport, options: GithubFormatOptions = {}): string {
  const root = options.root ?? report.cwd;
  return byImportance(report.findings)
    .map((finding) => `${annotationCommand(finding, root, report.cwd)}\n`)
    .join('');
}

/** Errors, then warnings, then infos; within each, the documented order (file, line, column, …). */
export function byImportance(findings: readonly Finding[]): Finding[] {
  const ordered = orderedFindings({ findings } as Pick<LintReport, 'findings'> as LintReport);
  return ordered.sort((a, b) => severityOrder[b.severity] - severityOrder[a.severity]);
}

export function annotationCommand(finding: Finding, root: string, cwd: string): string {
  const command = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
  const properties: Array<[string, string | number]> = [['file', annotationPath(finding.file, root, cwd)], ['line', finding.line]];
  const singleLine = finding.endLine === finding.line;
  if (singleLine) properties.push(['col', finding.column]);
  properties.push(['endLine', Math.max(finding.line, finding.endLine)]);
  if (singleLine) properties.push(['endColumn', Math.max(finding.column, finding.endColumn)]);
  properties.push(['title', `media-lint: ${finding.ruleId}`]);
  const details: string[] = [finding.message];
  if (finding.constructPath !== undefined) details.push(`construct: ${finding.constructPath}`);
  if (finding.constructSource) details.push(`source: ${finding.constructSource.file}:${finding.constructSource.line}`);
  const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${command} ${rendered}::${escapeData(details.join('\n'))}`;
}

/** The path GitHub expects: relative to the repository root, with forward slashes. */
export function annotationPath(file: string, root: string, cwd: string): string {
  const path = relative(root, resolve(cwd, file));
  if (path.startsWith('..') || isAbsolute(path)) return file;
  return path.split(sep).join('/');
}

/** Escaping of a workflow command's message, as GitHub's runner and `@actions/core` define it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values: the message escapes, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
