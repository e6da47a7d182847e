import type { Comment } from '@ruby/prism/src/deserialize.js';
import { ProgramNode, StatementsNode, type Node } from '@ruby/prism/src/nodes.js';
import { parseSuppressionComment } from '../../engine/suppressions.js';
import type { SourceText } from '../../graph/source.js';
import type { Suppression } from '../types.js';
import type { OffsetMap } from './offsets.js';

interface Located {
  location: { startOffset: number; length: number };
  childNodes(): Array<Node | null>;
}

/**
 * The `# media-lint-ignore <rule>[, …]: <reason> [until YYYY-MM-DD]` comments of a Ruby file
 * (`parseSuppressionComment` reads the text). A comment on a line of its own covers the next line
 * of code; a comment after code covers its own line. Either way, when that line opens a construct
 * that goes on over more lines (a resource call, a hash, a `do … end` block), the directive covers
 * all of it. Only collected here: what a directive suppresses is decided by the engine.
 */
export function collectSuppressions(comments: readonly Comment[], source: SourceText, offsets: OffsetMap, program: Node): Suppression[] {
  const pending: Array<{ suppression: Suppression; line: number }> = [];
  const commentLines = new Set<number>();
  for (const comment of comments) commentLines.add(source.position(offsets.utf16(comment.location.startOffset)).line);
  for (const comment of comments) {
    const start = offsets.utf16(comment.location.startOffset);
    const end = offsets.utf16(comment.location.startOffset + comment.location.length);
    const parsed = parseSuppressionComment(source.text.slice(start, end));
    if (!parsed) continue;
    const span = source.span(start, end);
    const commentLine = span.start.line;
    const before = source.lineText(commentLine).slice(0, span.start.column - 1);
    let line = commentLine;
    if (before.trim().length === 0) {
      // On a line of its own: the next line that holds code.
      line = commentLine + 1;
      while (line <= source.lineCount && (source.lineText(line).trim().length === 0 || commentLines.has(line))) line++;
      if (line > source.lineCount) line = commentLine;
    }
    const suppression: Suppression = { ruleIds: parsed.ruleIds, span, lines: { start: line, end: line } };
    if (parsed.reason !== undefined) suppression.reason = parsed.reason;
    if (parsed.until !== undefined) suppression.until = parsed.until;
    if (parsed.problem !== undefined) suppression.problem = parsed.problem;
    pending.push({ suppression, line });
  }
  if (pending.length === 0) return [];

  // The last line of the constructs that start on each covered line.
  const wanted = new Set(pending.map((entry) => entry.line));
  const lastLine = new Map<number, number>();
  const stack: Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()! as unknown as Located;
    // The program and statement lists are containers, not constructs a line opens.
    if (node instanceof ProgramNode || node instanceof StatementsNode) {
      for (const child of node.childNodes()) if (child) stack.push(child);
      continue;
    }
    const startLine = source.position(offsets.utf16(node.location.startOffset)).line;
    if (wanted.has(startLine)) {
      const endLine = source.position(offsets.utf16(node.location.startOffset + Math.max(0, node.location.length - 1))).line;
      if (endLine > (lastLine.get(startLine) ?? startLine)) lastLine.set(startLine, endLine);
    }
    for (const child of node.childNodes()) if (child) stack.push(child);
  }
  for (const { suppression, line } of pending) suppression.lines.end = lastLine.get(line) ?? line;
  return pending.map((entry) => entry.suppression);
}
