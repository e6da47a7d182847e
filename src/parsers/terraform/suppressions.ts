import { parseSuppressionComment } from '../../engine/suppressions.js';
import type { Suppression } from '../types.js';
import type { Body, ParsedFile } from './syntax.js';

/**
 * The inline suppressions of a `.tf` file: `# media-lint-ignore <rule-id>[, …]: <reason> [until
 * YYYY-MM-DD]` comments (also `//` and `/* … *\/`). A comment on its own line covers the next line
 * that is not blank or a comment and, when that line starts a block or a multi-line attribute, all
 * of it; a comment after code covers its own line (and the block it opens). The engine decides
 * what they suppress.
 */
export function collectSuppressions(file: ParsedFile): Suppression[] {
  const { src } = file;
  const ends = new Map<number, number>();
  const note = (start: number, end: number) => {
    const startLine = src.position(start).line;
    const endLine = src.position(end).line;
    if (endLine > (ends.get(startLine) ?? startLine)) ends.set(startLine, endLine);
  };
  const visit = (body: Body) => {
    for (const item of body.items) {
      note(item.start, item.end);
      if (item.kind === 'block') visit(item.body);
    }
  };
  visit(file.body);
  const result: Suppression[] = [];
  for (const comment of file.directives) {
    const text = src.text.slice(comment.start, comment.end);
    const parsed = parseSuppressionComment(text);
    if (!parsed) continue;
    const position = src.position(comment.start);
    const trailing = src.lineText(position.line).slice(0, position.column - 1).trim().length > 0;
    const target = trailing ? position.line : nextCodeLine(file, position.line);
    const lines = target === undefined ? { start: position.line, end: position.line } : { start: target, end: ends.get(target) ?? target };
    const suppression: Suppression = { ruleIds: parsed.ruleIds, span: src.span(comment.start, comment.end), lines };
    if (parsed.reason !== undefined) suppression.reason = parsed.reason;
    if (parsed.until !== undefined) suppression.until = parsed.until;
    if (parsed.problem !== undefined) suppression.problem = parsed.problem;
    result.push(suppression);
  }
  return result;
}

/** The first line after `line` that holds something other than blanks and comments. */
function nextCodeLine(file: ParsedFile, line: number): number | undefined {
  const { src } = file;
  let inBlockComment = false;
  for (let candidate = line + 1; candidate <= src.lineCount; candidate++) {
    let text = src.lineText(candidate).trim();
    if (inBlockComment) {
      const close = text.indexOf('*/');
      if (close < 0) continue;
      inBlockComment = false;
      text = text.slice(close + 2).trim();
    }
    // Block comments that open the line (`/* note */ width = 1280`, or a line of them).
    while (text.startsWith('/*')) {
      const close = text.indexOf('*/', 2);
      if (close < 0) {
        inBlockComment = true;
        break;
      }
      text = text.slice(close + 2).trim();
    }
    if (inBlockComment) continue;
    if (text.length > 0 && !text.startsWith('#') && !text.startsWith('//')) return candidate;
  }
  return undefined;
}
