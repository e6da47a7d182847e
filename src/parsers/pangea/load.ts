import type { ParseResult } from '@ruby/prism/src/deserialize.js';
import { fileStartSpan, type SourceText } from '../../graph/source.js';
import { emptyLoadResult, type InputFile, type LoadResult } from '../types.js';
import { Interpreter } from './interpreter.js';
import { defaultLimits, type Limits } from './limits.js';
import { OffsetMap } from './offsets.js';
import { loadRubyParser, type RubyParser } from './prism.js';
import { buildScope, type ErrorRange } from './scope.js';
import { collectSuppressions } from './suppressions.js';

/** A quick textual test: only files that may hold a template are parsed at all. */
export function mayBeTemplate(text: string): boolean {
  return /(^|[^\w.])template\s*\(?\s*(:["\w]|["'])|Pangea\s*\.\s*architecture\b/.test(text);
}

export interface PangeaLoadOptions {
  limits?: Limits;
}

/** Loads Pangea templates: parse with prism, interpret each template block, build its scope. */
export async function loadPangeaFiles(files: InputFile[], options: PangeaLoadOptions = {}): Promise<LoadResult> {
  const result = emptyLoadResult();
  const candidates: InputFile[] = [];
  for (const file of files) {
    if (mayBeTemplate(file.source.text)) candidates.push(file);
    else result.skipped.push(file.path);
  }
  if (candidates.length === 0) return result;
  let parser: RubyParser;
  try {
    parser = await loadRubyParser();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const file of candidates) {
      result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: `The Ruby parser could not be loaded: ${message}`, span: fileStartSpan(file.path) });
      result.sources.set(file.path, file.source);
    }
    return result;
  }
  const limits = options.limits ?? defaultLimits;
  for (const file of candidates) {
    try {
      loadFile(parser, file.source, limits, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: `Cannot read the file: ${message.split('\n')[0]}`, span: fileStartSpan(file.path) });
      result.sources.set(file.path, file.source);
    }
  }
  return result;
}

function loadFile(parser: RubyParser, source: SourceText, limits: Limits, result: LoadResult): void {
  let parsed: ParseResult;
  try {
    parsed = parser.parse(source.text);
  } catch {
    // The parser traps on input nested deeper than its stack (a few hundred levels).
    result.diagnostics.push({
      ruleId: 'parse-error',
      severity: 'error',
      message: 'The Ruby parser could not read the file: it is nested too deeply',
      span: fileStartSpan(source.file),
    });
    result.sources.set(source.file, source);
    return;
  }
  const offsets = new OffsetMap(source.text);
  const interpreter = new Interpreter(source, offsets, limits);
  const errors = [...parsed.errors].sort((a, b) => a.location.startOffset - b.location.startOffset);
  const hasTemplate = parsed.value.statements.body.some((statement) => interpreter.templateCall(statement) !== undefined);
  if (!hasTemplate && errors.length === 0) {
    result.skipped.push(source.file);
    return;
  }
  result.sources.set(source.file, source);
  const first = errors[0];
  if (first) {
    const start = offsets.utf16(first.location.startOffset);
    const end = offsets.utf16(first.location.startOffset + first.location.length);
    result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: first.message, span: source.span(start, end) });
  }
  const suppressions = collectSuppressions(parsed.comments, source, offsets, parsed.value);
  if (suppressions.length > 0) (result.suppressions ??= []).push(...suppressions);
  if (!hasTemplate) return;
  const ranges: ErrorRange[] = errors.map((error) => ({ start: error.location.startOffset, end: error.location.startOffset + error.location.length }));
  const templates = interpreter.run(parsed.value);
  const used = new Set<string>();
  const fileBudget = { nodes: 0 };
  for (const template of templates) {
    let id = `${source.file}#${template.name}`;
    if (used.has(id)) id = `${id}@${template.nameSpan.start.line}`;
    used.add(id);
    result.scopes.push(buildScope(template, source, limits, ranges, id, fileBudget));
  }
}

