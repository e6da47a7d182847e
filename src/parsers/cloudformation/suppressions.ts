import type { SourceText } from '../../graph/source.js';
import { parseSuppressionComment } from '../../engine/suppressions.js';
import type { Suppression } from '../types.js';
import { mapGet, type RawMap, type RawNode } from './raw.js';

/**
 * Collects the inline suppressions of a template (the engine gives them their meaning):
 *
 * - In YAML, `# media-lint-ignore <rule-id>[, …]: <reason> [until YYYY-MM-DD]` comments. A comment
 *   on its own line covers the next line that is not blank or a comment, and when that line opens a
 *   node (a resource, a mapping, a list item), the whole node. A comment after code on the same
 *   line covers that line (and the node it opens).
 * - In JSON and YAML, a resource's `Metadata: { media-lint: { ignore: [ { rule, reason, until } ] } }`,
 *   which covers the whole resource.
 */
export function collectSuppressions(root: RawMap, source: SourceText, yaml: boolean): Suppression[] {
  const suppressions: Suppression[] = [];
  const hasComments = yaml && source.text.includes('media-lint-ignore');
  const hasMetadata = source.text.includes('media-lint');
  if (!hasComments && !hasMetadata) return suppressions;
  if (hasMetadata) suppressions.push(...metadataSuppressions(root, source));
  if (hasComments) suppressions.push(...commentSuppressions(root, source));
  return suppressions;
}

/** What the raw tree says about the file's lines, for placing comments. */
interface Layout {
  /** For each line where a node starts, the last line of the largest node starting there. */
  blockEnds: Map<number, number>;
  /** Offsets covered by scalars and keys (quoted, block and plain), sorted by start. */
  scalars: Array<[start: number, end: number]>;
}

function layoutOf(root: RawNode, source: SourceText): Layout {
  const blockEnds = new Map<number, number>();
  const scalars: Array<[number, number]> = [];
  const note = (start: number, end: number) => {
    const startLine = source.position(start).line;
    const endLine = source.position(end).line;
    if (endLine > (blockEnds.get(startLine) ?? startLine)) blockEnds.set(startLine, endLine);
  };
  const visit = (node: RawNode) => {
    // The content of an expanded alias is written at its anchor, which is visited there.
    if (node.alias) return;
    if (node.kind === 'scalar') {
      scalars.push([node.start, node.end]);
    } else if (node.kind === 'map') {
      for (const entry of node.entries) {
        scalars.push([entry.keyStart, entry.keyEnd]);
        note(entry.keyStart, entry.value.alias?.end ?? entry.value.end);
        visit(entry.value);
      }
    } else {
      for (const item of node.items) {
        note(item.alias?.start ?? item.start, item.alias?.end ?? item.end);
        visit(item);
      }
    }
  };
  visit(root);
  scalars.sort((a, b) => a[0] - b[0]);
  return { blockEnds, scalars };
}

/** Whether an offset lies inside a scalar (a `#` there is text, not a comment). */
function insideScalar(scalars: Layout['scalars'], offset: number): boolean {
  let low = 0;
  let high = scalars.length - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (scalars[middle]![0] <= offset) {
      candidate = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  // Scalars and keys are leaves: their ranges never overlap.
  return candidate >= 0 && offset < scalars[candidate]![1];
}

/** A `#` that starts a comment (at the line start or after a blank) followed by the directive. */
const DIRECTIVE_COMMENT = /(^|[ \t])(#[ \t]*media-lint-ignore\b[^\r\n]*)/gm;

/**
 * The directive comments of a YAML template. Rather than parsing the file a second time for its
 * comments, the lines that mention the directive are checked against the raw tree: a `#` that is
 * not inside a scalar (a quoted string, a block scalar) starts a comment.
 */
function commentSuppressions(root: RawNode, source: SourceText): Suppression[] {
  const result: Suppression[] = [];
  const layout = layoutOf(root, source);
  const { blockEnds } = layout;
  for (const match of source.text.matchAll(DIRECTIVE_COMMENT)) {
    const comment = { offset: match.index + match[1]!.length, source: match[2]!.trimEnd() };
    if (insideScalar(layout.scalars, comment.offset)) continue;
    const parsed = parseSuppressionComment(comment.source);
    if (!parsed) continue;
    const position = source.position(comment.offset);
    const trailing = source.lineText(position.line).slice(0, position.column - 1).trim().length > 0;
    const target = trailing ? position.line : nextCodeLine(source, position.line);
    const lines = target === undefined ? { start: position.line, end: position.line } : { start: target, end: blockEnds.get(target) ?? target };
    const suppression: Suppression = { ruleIds: parsed.ruleIds, span: source.span(comment.offset, comment.offset + comment.source.length), lines };
    if (parsed.reason !== undefined) suppression.reason = parsed.reason;
    if (parsed.until !== undefined) suppression.until = parsed.until;
    if (parsed.problem !== undefined) suppression.problem = parsed.problem;
    result.push(suppression);
  }
  return result;
}

/** The first line after `line` that holds something other than blanks and comments. */
function nextCodeLine(source: SourceText, line: number): number | undefined {
  for (let candidate = line + 1; candidate <= source.lineCount; candidate++) {
    const text = source.lineText(candidate).trim();
    if (text.length > 0 && !text.startsWith('#')) return candidate;
  }
  return undefined;
}

const metadataKeys = new Set(['rule', 'reason', 'until']);

function metadataSuppressions(root: RawMap, source: SourceText): Suppression[] {
  const result: Suppression[] = [];
  const resources = mapGet(root, 'Resources');
  if (resources?.kind !== 'map') return result;
  for (const entry of resources.entries) {
    if (entry.value.kind !== 'map') continue;
    const metadata = mapGet(entry.value, 'Metadata');
    const settings = metadata?.kind === 'map' ? mapGet(metadata, 'media-lint') : undefined;
    if (!settings) continue;
    const resourceEnd = entry.value.alias?.end ?? entry.value.end;
    const lines = { start: source.position(entry.keyStart).line, end: source.position(resourceEnd).line };
    const ignore = settings.kind === 'map' ? mapGet(settings, 'ignore') : undefined;
    if (ignore?.kind !== 'seq') {
      result.push({
        ruleIds: [],
        span: source.span(settings.start, settings.end),
        lines,
        problem: 'in Metadata must be `media-lint: { ignore: [ { rule, reason, until } ] }`',
      });
      continue;
    }
    for (const item of ignore.items) {
      const span = source.span(item.start, item.end);
      if (item.kind !== 'map') {
        const id = item.kind === 'scalar' && item.value !== null ? String(item.value) : undefined;
        result.push({ ruleIds: id ? [id] : [], span, lines, problem: `has no reason; write \`{ rule: ${id ?? '<rule-id>'}, reason: <why this is acceptable> }\`` });
        continue;
      }
      const text = (key: string) => {
        const node = mapGet(item, key);
        return node?.kind === 'scalar' && node.value !== null && node.tag === undefined ? String(node.value) : undefined;
      };
      const suppression: Suppression = { ruleIds: [], span, lines };
      const rule = text('rule');
      if (rule !== undefined) suppression.ruleIds = rule.split(/[\s,]+/).filter(Boolean);
      const reason = text('reason');
      if (reason !== undefined && reason.trim().length > 0) suppression.reason = reason.trim();
      const until = text('until');
      if (until !== undefined) suppression.until = until;
      const unknown = item.entries.find((member) => !metadataKeys.has(member.key));
      if (unknown) suppression.problem = `has an unknown key "${unknown.key}" (expected rule, reason and until)`;
      result.push(suppression);
    }
  }
  return result;
}
