import pc from 'picocolors';
import type { Finding, Severity } from '../engine/finding.js';
import type { LintReport } from '../engine/report.js';
import type { SourceText } from '../graph/source.js';
import { countSeverities, orderedFindings } from './summary.js';

export interface TextOptions {
  /** Emit ANSI colours. The CLI decides from NO_COLOR / FORCE_COLOR / TTY; the default is off. */
  color?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Frames are cut to this many terminal columns (long minified templates stay readable). */
export const TEXT_MAX_WIDTH = 100;

const FRAME_INDENT = '    ';
const ELLIPSIS = '…';

/**
 * ESLint-"stylish"-like console output: findings grouped under their file, each followed by a
 * code frame of the offending line, CDK construct details and related locations; then a summary.
 */
export function formatText(report: LintReport, options: TextOptions = {}): string {
  const c = pc.createColors(options.color === true);
  const findings = orderedFindings(report);
  const out: string[] = [];

  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }

  for (const [file, group] of groups) {
    out.push(c.underline(clean(file)));
    const positionWidth = Math.max(...group.map((f) => `${f.line}:${f.column}`.length));
    const severityWidth = Math.max(...group.map((f) => f.severity.length));
    for (const finding of group) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      const severity = severityColor(c, finding.severity)(finding.severity.padEnd(severityWidth));
      out.push(`  ${c.dim(position)}  ${severity}  ${clean(finding.message)}  ${c.dim(finding.ruleId)}`);
      const source = report.sources.get(finding.file);
      if (source) out.push(...codeFrame(source, finding, c));
      if (finding.constructPath !== undefined) out.push(`${FRAME_INDENT}${c.dim('construct:')} ${clean(finding.constructPath)}`);
      if (finding.constructSource) {
        const { file: sourceFile, line, column } = finding.constructSource;
        const where = `${clean(sourceFile)}:${line}${column === undefined ? '' : `:${column}`}`;
        out.push(`${FRAME_INDENT}${c.dim('source:')} ${where}`);
      }
      for (const related of finding.related ?? []) {
        const where = `${clean(related.file)}:${related.line}:${related.column}`;
        out.push(`${FRAME_INDENT}${c.dim('related:')} ${where}  ${clean(related.message)}`);
      }
      out.push('');
    }
  }

  out.push(summaryLine(report, findings, c));
  return `${out.join('\n')}\n`;
}

function summaryLine(report: LintReport, findings: readonly Finding[], c: Colors): string {
  if (findings.length === 0) {
    const files = plural(report.filesLinted, 'file');
    const resources = plural(report.resourcesLinted, 'media resource');
    return c.green(`✔ No problems found in ${files} (${resources})`);
  }
  const counts = countSeverities(findings);
  const text =
    `✖ ${plural(findings.length, 'problem')} ` +
    `(${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')})`;
  const color = counts.errors > 0 ? c.red : counts.warnings > 0 ? c.yellow : c.blue;
  return c.bold(color(text));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function severityColor(c: Colors, severity: Severity): (text: string) => string {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue;
}

/**
 * The finding's first line with its number and a marker under the reported columns: from
 * `column` to `endColumn` on a single-line span, from `column` to the end of the line on a
 * multi-line span, a single caret on an empty span. Long lines are cut around the marker.
 */
export function codeFrame(source: SourceText, finding: Finding, c: Colors = pc.createColors(false)): string[] {
  if (finding.line < 1 || finding.line > source.lineCount) return [];
  const text = cleanSourceLine(source.lineText(finding.line));
  const length = text.length;
  const start = clamp(finding.column - 1, 0, length);
  const end = finding.endLine === finding.line ? clamp(finding.endColumn - 1, start, length) : length;

  const number = String(finding.line);
  const gutter = `${FRAME_INDENT}${number} | `;
  const available = Math.max(20, TEXT_MAX_WIDTH - gutter.length);

  let windowStart = 0;
  let windowEnd = length;
  if (length > available) {
    windowStart = Math.max(0, start - Math.floor(available / 3));
    windowEnd = windowStart + available - (windowStart > 0 ? 1 : 0);
    if (windowEnd >= length) {
      windowEnd = length;
      windowStart = length - (available - 1);
    } else {
      windowEnd -= 1;
    }
    // Never cut a surrogate pair in half.
    if (windowStart > 0 && isLowSurrogate(text.charCodeAt(windowStart))) windowStart++;
    if (windowEnd < length && isLowSurrogate(text.charCodeAt(windowEnd))) windowEnd--;
  }
  const left = windowStart > 0 ? ELLIPSIS : '';
  const right = windowEnd < length ? ELLIPSIS : '';
  const shown = left + text.slice(windowStart, windowEnd) + right;

  const markStart = clamp(start, windowStart, windowEnd) - windowStart + left.length;
  const markEnd = clamp(end, windowStart, windowEnd) - windowStart + left.length;
  // Keep tabs in the padding so the marker lines up with tab-indented source.
  const padding = Array.from(shown.slice(0, markStart), (char) => (char === '\t' ? '\t' : ' ')).join('');
  const marker = '^'.repeat(Math.max(1, markEnd - markStart));

  const emptyGutter = `${FRAME_INDENT}${' '.repeat(number.length)} ${c.dim('|')}`;
  const sourceLine = `${FRAME_INDENT}${c.dim(number)} ${c.dim('|')}${shown.length > 0 ? ` ${shown}` : ''}`;
  return [sourceLine, `${emptyGutter} ${padding}${severityColor(c, finding.severity)(marker)}`];
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// C0/C1 controls (an escape sequence in a template must not drive the terminal) and the
// bidirectional overrides behind "Trojan Source". Each becomes one U+FFFD, keeping columns.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function cleanSourceLine(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/** One-line, terminal-safe text for messages and paths. */
function clean(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(UNSAFE, '\uFFFD');
}
