import { parseTree, printParseErrorCode, visit, type JSONVisitor, type Node as JsonNode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import type { SourceText } from '../../graph/source.js';
import {
  isResourceTypeString,
  mapGet,
  MAX_DEPTH,
  nestingTooDeep,
  RawParseError,
  syntaxError,
  type RawMap,
  type RawNode,
  type RawSeq,
  type SyntaxOutcome,
} from './raw.js';

/** jsonc-parser's error codes (by `printParseErrorCode` name) in words. */
const readable: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Expected a property name',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected a colon',
  CommaExpected: 'Expected a comma',
  CloseBraceExpected: "Expected a closing brace '}'",
  CloseBracketExpected: "Expected a closing bracket ']'",
  EndOfFileExpected: 'Expected the end of the file',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string',
};

/** A readable message for a jsonc-parser error, e.g. `Expected a comma (CommaExpected)`. */
export function describeJsonError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  let message = readable[code] ?? 'Invalid JSON';
  if (code === 'PropertyNameExpected' || code === 'ValueExpected') {
    let previous = error.offset - 1;
    while (previous >= 0 && /\s/.test(text[previous]!)) previous--;
    const next = text[error.offset];
    if (text[previous] === ',' && (next === '}' || next === ']')) message = `Trailing comma: ${message.toLowerCase()}`;
  }
  return `${message} (${code})`;
}

const options = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Parses a JSON file with jsonc-parser (strict JSON) into a raw tree, when it is a template. */
export function parseJsonTemplate(source: SourceText): SyntaxOutcome {
  const text = source.text;
  if (text.trim() === '') return { status: 'not-template' };
  try {
    if (!text.includes('Resources') && !text.includes('AWSTemplateFormatVersion')) {
      // Cannot be a template: only check the syntax, without building a tree.
      let first: ParseError | undefined;
      visit(text, { onError: (error: ParseErrorCode, offset: number, length: number) => void (first ??= { error, offset, length }) }, options);
      if (first) return { status: 'error', message: describeJsonError(first, text), start: first.offset, end: first.offset + first.length };
      return { status: 'not-template' };
    }
    const builder = new RawJsonBuilder(source);
    visit(text, builder.visitor, options);
    const first = builder.error;
    if (first) return { status: 'error', message: describeJsonError(first, text), start: first.offset, end: first.offset + first.length };
    const root = builder.root;
    if (!root || root.kind !== 'map' || !looksLikeTemplate(root)) return { status: 'not-template' };
    // Duplicate keys only matter in a template (CloudFormation rejects them).
    if (builder.duplicate) throw builder.duplicate;
    return { status: 'template', root };
  } catch (error) {
    return syntaxError(error);
  }
}

/** Parses strict JSON without the template check (cloud-assembly manifests). */
export function parseJsonDocument(text: string): { root?: JsonNode; error?: ParseError } {
  const errors: ParseError[] = [];
  try {
    const root = parseTree(text, errors, options);
    return errors[0] ? { error: errors[0] } : root ? { root } : {};
  } catch {
    return {};
  }
}

function looksLikeTemplate(root: RawMap): boolean {
  if (mapGet(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const resources = mapGet(root, 'Resources');
  if (resources?.kind !== 'map') return false;
  for (const entry of resources.entries) {
    if (entry.value.kind !== 'map') continue;
    const type = mapGet(entry.value, 'Type');
    if (type?.kind === 'scalar' && isResourceTypeString(type.value)) return true;
  }
  return false;
}

interface OpenContainer {
  node: RawMap | RawSeq;
  /** The property whose value is being read (objects only). */
  key?: { key: string; keyStart: number; keyEnd: number };
  /** Keys seen so far, for objects too large for a linear duplicate check. */
  seen?: Map<string, number>;
}

const LINEAR_DUPLICATE_CHECK = 16;

/**
 * Builds the raw tree straight from jsonc-parser's visitor (no intermediate tree), checking
 * nesting depth and duplicate keys on the way. Records the first syntax error.
 */
class RawJsonBuilder {
  root: RawNode | undefined;
  error: ParseError | undefined;
  duplicate: RawParseError | undefined;
  private readonly stack: OpenContainer[] = [];

  constructor(private readonly source: SourceText) {}

  private add(node: RawNode): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.root ??= node;
      return;
    }
    if (parent.node.kind === 'seq') {
      parent.node.items.push(node);
    } else if (parent.key) {
      const { key, keyStart, keyEnd } = parent.key;
      parent.node.entries.push({ key, keyStart, keyEnd, value: node });
      parent.key = undefined;
    }
  }

  private open(node: RawMap | RawSeq): void {
    if (this.stack.length >= MAX_DEPTH) throw nestingTooDeep(node.start, node.end);
    this.add(node);
    this.stack.push({ node });
  }

  private close(offset: number, length: number): void {
    const container = this.stack.pop();
    if (container) container.node.end = offset + length;
  }

  private property(key: string, offset: number, length: number): void {
    const container = this.stack[this.stack.length - 1];
    if (!container || container.node.kind !== 'map') return;
    const keyEnd = offset + length;
    if (!this.duplicate) {
      const entries = container.node.entries;
      let firstStart: number | undefined;
      if (container.seen) {
        firstStart = container.seen.get(key);
      } else {
        for (const entry of entries) {
          if (entry.key === key) {
            firstStart = entry.keyStart;
            break;
          }
        }
        if (entries.length >= LINEAR_DUPLICATE_CHECK) container.seen = new Map(entries.map((entry) => [entry.key, entry.keyStart]));
      }
      if (firstStart !== undefined) {
        const line = this.source.position(firstStart).line;
        this.duplicate = new RawParseError(`Duplicate key "${key}" (first defined on line ${line})`, offset, keyEnd);
      } else {
        container.seen?.set(key, offset);
      }
    }
    container.key = { key, keyStart: offset, keyEnd };
  }

  readonly visitor: JSONVisitor = {
    onObjectBegin: (offset: number) => this.open({ kind: 'map', start: offset, end: offset, entries: [] }),
    onObjectEnd: (offset: number, length: number) => this.close(offset, length),
    onArrayBegin: (offset: number) => this.open({ kind: 'seq', start: offset, end: offset, items: [] }),
    onArrayEnd: (offset: number, length: number) => this.close(offset, length),
    onObjectProperty: (key: string, offset: number, length: number) => this.property(key, offset, length),
    onLiteralValue: (value: unknown, offset: number, length: number) => {
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
      this.add({ kind: 'scalar', value: scalar, start: offset, end: offset + length });
    },
    onError: (error: ParseErrorCode, offset: number, length: number) => {
      this.error ??= { error, offset, length };
    },
  };
}
