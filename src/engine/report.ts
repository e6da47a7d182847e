import type { SourceText } from '../graph/source.js';
import type { Finding } from './finding.js';
import type { RuleMeta } from './rule.js';

/** Everything a reporter needs: the findings of one run and the rules that could produce them. */
export interface LintReport {
  /** Sorted by file, line, column, rule id, message. */
  findings: Finding[];
  /** Every rule that ran, plus the loader's pseudo-rules (`parse-error`, `file-error`, …). */
  rules: readonly RuleMeta[];
  /** Source text by reported file path, for code frames. */
  sources: ReadonlyMap<string, SourceText>;
  /** Files read and recognised as input. */
  filesLinted: number;
  /** Resources in the graph that have a media type. */
  resourcesLinted: number;
  toolVersion: string;
  /** Absolute working directory; finding paths are relative to it when inside it. */
  cwd: string;
}
