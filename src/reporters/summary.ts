import type { Finding } from '../engine/finding.js';
import type { LintReport } from '../engine/report.js';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Code-unit comparison, independent of the locale, so every machine orders the same way. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The report's findings in the documented order (file, line, column, rule id, message), with
 * the remaining fields as tie-breakers so that the order never depends on how the engine
 * collected them. The engine already sorts; this makes every reporter deterministic anyway.
 */
export function orderedFindings(report: LintReport): Finding[] {
  return [...report.findings].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.message, b.message) ||
      a.endLine - b.endLine ||
      a.endColumn - b.endColumn ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
}
