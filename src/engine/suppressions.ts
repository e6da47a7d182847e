import { createHash } from 'node:crypto';
import type { Suppression } from '../parsers/types.js';
import { closestMatch } from '../rules/support/suggest.js';
import type { Finding, Severity } from './finding.js';
import { suppressionRules } from './suppression-rules.js';
import { formatMessage, type RuleMeta } from './rule.js';

/**
 * Inline suppressions: what they suppress, and which of them are unused, expired or invalid.
 *
 * Front-ends only collect directives (with the lines each covers) into `LoadResult.suppressions`;
 * this module gives them one meaning for every format:
 *
 * - A finding is suppressed when a directive in its file names its rule and covers its first line.
 * - A directive needs a reason. Without one, with a malformed `until` date, or with a rule id that
 *   does not exist, it is reported as `suppression/invalid` (with "did you mean"); a directive
 *   without a reason or with a bad date suppresses nothing, so the fix cannot be skipped. An unknown
 *   id does not stop the other ids of the same directive from applying.
 * - `until YYYY-MM-DD` is the last day a directive applies. After it, the findings come back and the
 *   directive is reported as `suppression/expired`.
 * - A rule id that suppressed nothing is reported as `suppression/unused`, but only when that rule
 *   ran on the file: `--rule`, a rule turned off by the configuration, or a rule the preset leaves
 *   out never make a directive look unused.
 */

/** Input to `parseSuppressionComment`'s caller: the directive's content, before location. */
export interface ParsedSuppressionComment {
  ruleIds: string[];
  reason?: string;
  until?: string;
  problem?: string;
}

const DIRECTIVE = /^\s*(?:#+|\/\/+|\/\*+)?\s*media-lint-ignore(?=[\s:,]|$)(.*)$/s;
const UNTIL = /\s*\buntil\s+(\d[\d-]*)\s*$/;

/**
 * Reads a `media-lint-ignore` comment: its text with or without the comment marker (`#`, `//`,
 * `/*`). Returns undefined when the comment is not a directive. A malformed directive still comes
 * back, with `problem` set, so that it is reported instead of silently ignored.
 */
export function parseSuppressionComment(comment: string): ParsedSuppressionComment | undefined {
  const match = DIRECTIVE.exec(comment.replace(/\*\/\s*$/, ''));
  if (!match) return undefined;
  const rest = match[1]!.trim();
  const colon = rest.indexOf(':');
  const idText = colon < 0 ? rest : rest.slice(0, colon);
  const ruleIds = idText.split(/[\s,]+/).filter((id) => id.length > 0);
  const result: ParsedSuppressionComment = { ruleIds };
  if (colon >= 0) {
    let reason = rest.slice(colon + 1).trim();
    const until = UNTIL.exec(reason);
    if (until) {
      result.until = until[1]!;
      reason = reason.slice(0, until.index).trim();
    }
    if (reason.length > 0) result.reason = reason;
  }
  const problem = directiveProblem(result);
  if (problem) result.problem = problem;
  return result;
}

/** What is wrong with a directive's content, independent of which rules exist. */
function directiveProblem(directive: { ruleIds: readonly string[]; reason?: string | undefined; until?: string | undefined }): string | undefined {
  if (directive.ruleIds.length === 0) return 'names no rule; write `media-lint-ignore <rule-id>: <reason>`';
  if (directive.reason === undefined || directive.reason.trim().length === 0) {
    return `has no reason; write \`media-lint-ignore ${directive.ruleIds.join(', ')}: <why this is acceptable>\``;
  }
  if (directive.until !== undefined && !isCalendarDate(directive.until)) return `has an invalid date "${directive.until}"; write \`until YYYY-MM-DD\``;
  return undefined;
}

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today as `YYYY-MM-DD` in UTC, the clock `until` dates are compared with. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface SuppressionContext {
  /** Every rule id a directive may name (rules of the registry, whether they ran or not). */
  knownRuleIds: readonly string[];
  /** Whether a rule ran on a file (and is not off there): only then can a directive be unused. */
  ranOn(ruleId: string, file: string): boolean;
  /** Effective severity of a `suppression/*` id in a file, or `off`. */
  severityOf(meta: RuleMeta, file: string): Severity | 'off';
  /** `YYYY-MM-DD`; directives whose `until` is earlier have expired. */
  today: string;
}

export interface SuppressionResult {
  /** The findings no directive suppressed, plus the findings about the directives themselves. */
  findings: Finding[];
  /** How many findings the directives suppressed. */
  suppressed: number;
}

/** Ids that no directive may name: the input problems, and the directives' own findings. */
const unsuppressible = new Set(['parse-error', 'file-error', ...suppressionRules.map((meta) => meta.id)]);

const [unusedMeta, expiredMeta, invalidMeta] = ['suppression/unused', 'suppression/expired', 'suppression/invalid'].map((id) => {
  const meta = suppressionRules.find((candidate) => candidate.id === id);
  if (!meta) throw new Error(`missing metadata for ${id}`);
  return meta;
}) as [RuleMeta, RuleMeta, RuleMeta];

interface ActiveDirective {
  suppression: Suppression;
  ruleIds: Set<string>;
  used: Set<string>;
}

export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], context: SuppressionContext): SuppressionResult {
  const reports: Finding[] = [];
  const report = (meta: RuleMeta, messageId: string, suppression: Suppression, data: Record<string, string>, identity: string) => {
    const severity = context.severityOf(meta, suppression.span.file);
    if (severity === 'off') return;
    reports.push(directiveFinding(meta, messageId, severity, suppression, data, identity));
  };

  const activeByFile = new Map<string, ActiveDirective[]>();
  for (const suppression of suppressions) {
    const named = suppression.ruleIds.join(', ');
    const problem = suppression.problem ?? directiveProblem(suppression);
    if (problem) {
      report(invalidMeta, 'malformed', suppression, { rules: named || '(none)', problem }, problem);
      continue;
    }
    const valid = new Set<string>();
    for (const id of suppression.ruleIds) {
      if (unsuppressible.has(id)) {
        report(invalidMeta, 'unsuppressible', suppression, { ruleId: id }, id);
      } else if (!context.knownRuleIds.includes(id)) {
        const suggestion = closestMatch(id, context.knownRuleIds.filter((known) => !unsuppressible.has(known)));
        report(invalidMeta, suggestion ? 'unknownRuleSuggestion' : 'unknownRule', suppression, suggestion ? { ruleId: id, suggestion } : { ruleId: id }, id);
      } else {
        valid.add(id);
      }
    }
    if (valid.size === 0) continue;
    if (suppression.until !== undefined && suppression.until < context.today) {
      report(expiredMeta, 'expired', suppression, { rules: [...valid].join(', '), until: suppression.until, reason: suppression.reason ?? '' }, [...valid].join(','));
      continue;
    }
    const list = activeByFile.get(suppression.span.file);
    const active: ActiveDirective = { suppression, ruleIds: valid, used: new Set() };
    if (list) list.push(active);
    else activeByFile.set(suppression.span.file, [active]);
  }

  let suppressed = 0;
  const kept: Finding[] = [];
  for (const finding of findings) {
    const candidates = unsuppressible.has(finding.ruleId) ? undefined : activeByFile.get(finding.file);
    let matched = false;
    for (const active of candidates ?? []) {
      const { lines } = active.suppression;
      if (active.ruleIds.has(finding.ruleId) && finding.line >= lines.start && finding.line <= lines.end) {
        active.used.add(finding.ruleId);
        matched = true;
      }
    }
    if (matched) suppressed++;
    else kept.push(finding);
  }

  for (const list of activeByFile.values()) {
    for (const active of list) {
      for (const id of active.ruleIds) {
        if (active.used.has(id) || !context.ranOn(id, active.suppression.span.file)) continue;
        report(unusedMeta, 'unused', active.suppression, { ruleId: id }, id);
      }
    }
  }
  return { findings: [...kept, ...reports], suppressed };
}

function directiveFinding(meta: RuleMeta, messageId: string, severity: Severity, suppression: Suppression, data: Record<string, string>, identity: string): Finding {
  const { span } = suppression;
  const template = meta.messages[messageId] ?? messageId;
  return {
    ruleId: meta.id,
    severity,
    message: formatMessage(template, data),
    messageId,
    file: span.file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    // Not the line: a directive keeps its identity when lines above it move.
    fingerprint: createHash('sha256')
      .update([meta.id, span.file, messageId, suppression.ruleIds.join(','), suppression.reason ?? '', identity].join('\u0001'))
      .digest('hex')
      .slice(0, 32),
  };
}
