import type { Finding } from '../engine/finding.js';
import { docsUrl } from '../engine/rule.js';
import { annotationLimits, annotationPath, byImportance } from '../reporters/github.js';
import { countSeverities } from '../reporters/summary.js';

/** Rows of the findings table; a larger run points to the SARIF file (summaries are capped at 1 MiB). */
export const SUMMARY_MAX_ROWS = 100;

export interface SummaryInput {
  findings: readonly Finding[];
  filesLinted: number;
  resourcesLinted: number;
  /** Findings not annotated because of GitHub's limits. */
  hiddenAnnotations: number;
  /** Set when only changed lines count: the base commit. */
  changedSince?: string;
  /** Findings dropped because they are not on changed lines. */
  outsideChanges?: number;
  sarifFile?: string;
  /** For links to the files: `${server}/${repository}/blob/${sha}/…`. */
  blobUrl?: string;
  cwd: string;
  root: string;
}

/** The Markdown job summary. */
export function renderSummary(input: SummaryInput): string {
  const counts = countSeverities(input.findings);
  const lines: string[] = ['## media-lint', ''];
  const scope = input.changedSince === undefined ? '' : ` on lines changed since ${input.changedSince.slice(0, 12)}`;
  const files = `${plural(input.filesLinted, 'file')} (${plural(input.resourcesLinted, 'media resource')})`;
  if (input.findings.length === 0) {
    lines.push(`✅ No problems found${scope} in ${files}.`);
  } else {
    lines.push(
      `${counts.errors > 0 ? '❌' : '⚠️'} **${plural(input.findings.length, 'problem')}**${scope} in ${files}: ` +
        `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}.`,
    );
  }
  if (input.outsideChanges !== undefined && input.outsideChanges > 0) {
    lines.push('', `${plural(input.outsideChanges, 'other finding')} on lines this pull request does not change ${input.outsideChanges === 1 ? 'is' : 'are'} not reported here.`);
  }
  if (input.findings.length > 0) {
    lines.push('', '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
    const ordered = byImportance(input.findings);
    for (const finding of ordered.slice(0, SUMMARY_MAX_ROWS)) {
      const path = annotationPath(finding.file, input.root, input.cwd);
      const where = `${path}:${finding.line}`;
      const location = input.blobUrl ? `[${cell(where)}](${input.blobUrl}/${encodeURI(path)}#L${finding.line})` : `\`${cell(where)}\``;
      lines.push(`| ${finding.severity} | ${location} | [${finding.ruleId}](${docsUrl(finding.ruleId)}) | ${cell(finding.message)} |`);
    }
    if (ordered.length > SUMMARY_MAX_ROWS) {
      lines.push('', `…and ${ordered.length - SUMMARY_MAX_ROWS} more${input.sarifFile ? ` in \`${input.sarifFile}\`` : ''} and in the log of this step.`);
    }
  }
  if (input.hiddenAnnotations > 0) {
    lines.push(
      '',
      `> [!NOTE]\n> ${plural(input.hiddenAnnotations, 'finding')} ${input.hiddenAnnotations === 1 ? 'is' : 'are'} not shown as ${input.hiddenAnnotations === 1 ? 'an annotation' : 'annotations'}: ` +
        `GitHub shows at most ${annotationLimits.perKindPerStep} error, ${annotationLimits.perKindPerStep} warning and ${annotationLimits.perKindPerStep} notice annotations per step. ` +
        `Errors were annotated first; every finding is in the log of this step${input.sarifFile ? ` and in \`${input.sarifFile}\`` : ''}.`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text safe in a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
