import type { LintReport } from '../engine/report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'github';

export const reportFormats: readonly ReportFormat[] = ['text', 'json', 'sarif', 'github'];

export interface FormatOptions {
  /** ANSI colours in the text format (ignored by the others). */
  color?: boolean;
  /** github: annotation paths are relative to this directory (default: the report's cwd). */
  root?: string;
}

/** Renders a report. Every format ends with a newline (github: empty without findings); json and sarif are byte-identical for the same report. */
export function formatReport(report: LintReport, format: ReportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, { color: options.color === true });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report, options.root === undefined ? {} : { root: options.root });
  }
}
