import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { SourceText } from '../../graph/source.js';
import type { Value } from '../../graph/value.js';
import { describeJsonError } from '../cloudformation/json.js';
import { convertHclFile } from './hcl.js';
import type { Attribute, Block, Body, Expr, Label, ObjectItem, ParsedFile, SyntaxProblem } from './syntax.js';
import type { TerraformParser } from './tree-sitter.js';
import { known, list, object, property } from './values.js';

/**
 * Terraform's JSON syntax (`.tf.json`): the same blocks as objects, `"resource": {"type": {"name":
 * {...}}}`, with strings that are templates (`"${var.x}"`). Strings holding `${` or `%{` are parsed
 * as HCL templates with tree-sitter; their positions map back into the JSON string.
 */
export function convertJsonFile(src: SourceText, parser: TerraformParser | undefined): ParsedFile {
  const errors: ParseError[] = [];
  const root = parseTree(src.text, errors, { disallowComments: true, allowTrailingComma: false });
  const converter = new JsonConverter(src, parser);
  const body: Body = { src, start: 0, end: src.text.length, items: [], error: errors.length > 0 };
  const first = errors[0];
  if (first) converter.problems.push({ start: first.offset, end: first.offset + first.length, message: describeJsonError(first, src.text) });
  if (root?.type === 'object') converter.topLevel(root, body);
  else if (root && !first) converter.problems.push({ start: root.offset, end: root.offset + root.length, message: 'A .tf.json file must hold a JSON object.' });
  return { src, body, problems: converter.problems, directives: [] };
}

/** Reads a JSON value with positions (for `.tfvars.json` and plans): every node keeps its span. */
export function jsonValue(node: JsonNode, src: SourceText): Value {
  const span = src.span(node.offset, node.offset + node.length);
  switch (node.type) {
    case 'object':
      return object(
        (node.children ?? []).flatMap((entry) => {
          const [key, value] = entry.children ?? [];
          if (!key || !value) return [];
          return [property(String(key.value), src.span(key.offset, key.offset + key.length), jsonValue(value, src))];
        }),
        span,
      );
    case 'array':
      return list(
        (node.children ?? []).map((child) => jsonValue(child, src)),
        span,
      );
    case 'string':
    case 'number':
    case 'boolean':
      return known(node.value as string | number | boolean, span);
    default:
      return known(null, span);
  }
}

/** Properties of a JSON object node as `[key, keyNode, valueNode]`, `//` comment keys left out. */
export function entriesOf(node: JsonNode | undefined): Array<[string, JsonNode, JsonNode]> {
  if (node?.type !== 'object') return [];
  const result: Array<[string, JsonNode, JsonNode]> = [];
  for (const entry of node.children ?? []) {
    const [key, value] = entry.children ?? [];
    if (!key || !value || key.value === '//') continue;
    result.push([String(key.value), key, value]);
  }
  return result;
}

const MARK = 'MEDIA_LINT_TEMPLATE_END_7F3A';
const WRAPPER_PREFIX = `x = <<${MARK}\n`;

class JsonConverter {
  readonly problems: SyntaxProblem[] = [];

  constructor(
    private readonly src: SourceText,
    private readonly parser: TerraformParser | undefined,
  ) {}

  private label(key: JsonNode): Label {
    // The key's text without its quotes.
    return { value: String(key.value), start: key.offset + 1, end: Math.max(key.offset + 1, key.offset + key.length - 1) };
  }

  private block(type: string, typeNode: JsonNode, labels: Label[], bodyNode: JsonNode, readBody: (node: JsonNode, body: Body) => void): Block {
    const body: Body = { src: this.src, start: bodyNode.offset, end: bodyNode.offset + bodyNode.length, items: [], error: false };
    readBody(bodyNode, body);
    const start = labels.length > 0 ? labels[labels.length - 1]!.start - 1 : typeNode.offset;
    return { kind: 'block', src: this.src, start, end: bodyNode.offset + bodyNode.length, type, typeStart: typeNode.offset + 1, typeEnd: typeNode.offset + typeNode.length - 1, labels, body };
  }

  /** `{"name": {...}}` or `[{"name": {...}}, ...]` and `{"name": [{...}, {...}]}`. */
  private forEachObject(node: JsonNode, visit: (key: string, keyNode: JsonNode, value: JsonNode) => void): void {
    const containers = node.type === 'array' ? (node.children ?? []) : [node];
    for (const container of containers) {
      for (const [key, keyNode, value] of entriesOf(container)) {
        if (value.type === 'array') for (const item of value.children ?? []) visit(key, keyNode, item);
        else visit(key, keyNode, value);
      }
    }
  }

  topLevel(root: JsonNode, body: Body): void {
    for (const [kind, kindNode, value] of entriesOf(root)) {
      switch (kind) {
        case 'resource':
        case 'data':
          this.forEachObject(value, (type, typeNode, names) => {
            this.forEachObject(names, (name, nameNode, resourceBody) => {
              if (resourceBody.type !== 'object') return;
              body.items.push(this.block(kind, kindNode, [this.label(typeNode), this.label(nameNode)], resourceBody, (node, into) => this.body(node, into)));
            });
          });
          break;
        case 'module':
        case 'output':
          this.forEachObject(value, (name, nameNode, blockBody) => {
            if (blockBody.type !== 'object') return;
            body.items.push(this.block(kind, kindNode, [this.label(nameNode)], blockBody, (node, into) => this.body(node, into)));
          });
          break;
        case 'variable':
          this.forEachObject(value, (name, nameNode, blockBody) => {
            if (blockBody.type !== 'object') return;
            body.items.push(this.block(kind, kindNode, [this.label(nameNode)], blockBody, (node, into) => this.variableBody(node, into)));
          });
          break;
        case 'locals': {
          const containers = value.type === 'array' ? (value.children ?? []) : [value];
          for (const container of containers) {
            if (container.type !== 'object') continue;
            body.items.push(this.block('locals', kindNode, [], container, (node, into) => this.body(node, into)));
          }
          break;
        }
        default:
          break;
      }
    }
  }

  private attribute(key: string, keyNode: JsonNode, value: JsonNode, literal = false): Attribute {
    const label = this.label(keyNode);
    return {
      kind: 'attribute',
      src: this.src,
      start: keyNode.offset,
      end: value.offset + value.length,
      name: key,
      nameStart: label.start,
      nameEnd: label.end,
      expr: literal ? this.literalExpr(value) : this.expr(value),
    };
  }

  private body(node: JsonNode, body: Body): void {
    for (const [key, keyNode, value] of entriesOf(node)) {
      if (key === 'dynamic') {
        this.forEachObject(value, (name, nameNode, dynamicBody) => {
          if (dynamicBody.type !== 'object') return;
          body.items.push(
            this.block('dynamic', keyNode, [this.label(nameNode)], dynamicBody, (inner, into) => {
              for (const [innerKey, innerKeyNode, innerValue] of entriesOf(inner)) {
                if (innerKey === 'content' && innerValue.type === 'object') {
                  into.items.push(this.block('content', innerKeyNode, [], innerValue, (contentNode, contentBody) => this.body(contentNode, contentBody)));
                } else {
                  into.items.push(this.attribute(innerKey, innerKeyNode, innerValue));
                }
              }
            }),
          );
        });
        continue;
      }
      if (key === 'lifecycle' || key === 'provisioner' || key === 'connection') continue;
      body.items.push(this.attribute(key, keyNode, value));
    }
  }

  private variableBody(node: JsonNode, body: Body): void {
    for (const [key, keyNode, value] of entriesOf(node)) {
      if (key === 'type' && value.type === 'string') {
        const attribute = this.attribute(key, keyNode, value, true);
        attribute.expr = this.parsed(String(value.value), value, 'expression') ?? attribute.expr;
        body.items.push(attribute);
      } else {
        // A variable's default is a literal value: its strings are not templates.
        body.items.push(this.attribute(key, keyNode, value, key === 'default'));
      }
    }
  }

  private literalExpr(node: JsonNode): Expr {
    const base = { src: this.src, start: node.offset, end: node.offset + node.length };
    switch (node.type) {
      case 'array':
        return { kind: 'tuple', ...base, items: (node.children ?? []).map((child) => this.literalExpr(child)) };
      case 'object':
        return { kind: 'object', ...base, items: this.objectItems(node, (child) => this.literalExpr(child)) };
      default:
        return { kind: 'literal', ...base, value: (node.value as string | number | boolean | null | undefined) ?? null };
    }
  }

  private objectItems(node: JsonNode, convert: (node: JsonNode) => Expr): ObjectItem[] {
    return entriesOf(node).map(([key, keyNode, value]) => ({
      key: { kind: 'literal', src: this.src, start: keyNode.offset, end: keyNode.offset + keyNode.length, value: key },
      value: convert(value),
      keyIsName: false,
    }));
  }

  expr(node: JsonNode): Expr {
    const base = { src: this.src, start: node.offset, end: node.offset + node.length };
    switch (node.type) {
      case 'string': {
        const text = String(node.value);
        if (text.includes('${') || text.includes('%{')) return this.parsed(text, node, 'template') ?? { kind: 'invalid', ...base };
        return { kind: 'literal', ...base, value: text };
      }
      case 'array':
        return { kind: 'tuple', ...base, items: (node.children ?? []).map((child) => this.expr(child)) };
      case 'object':
        return { kind: 'object', ...base, items: this.objectItems(node, (child) => this.expr(child)) };
      default:
        return this.literalExpr(node);
    }
  }

  /** Parses a JSON string's content as an HCL template (or expression) with tree-sitter, and moves
   * the resulting nodes into the JSON file. */
  private parsed(text: string, node: JsonNode, as: 'template' | 'expression'): Expr | undefined {
    if (!this.parser) {
      this.problems.push({ start: node.offset, end: node.offset + node.length, message: 'The HCL parser is not available to read this template.' });
      return undefined;
    }
    const wrapper = as === 'template' ? `${WRAPPER_PREFIX}${text}\n${MARK}\n` : `x = ${text}\n`;
    const contentStart = as === 'template' ? WRAPPER_PREFIX.length : 4;
    const wrapperSource = new SourceText(this.src.file, wrapper);
    const parsed = convertHclFile(wrapperSource, this.parser.parse(wrapper));
    const item = parsed.body.items[0];
    if (parsed.problems.length > 0 || item?.kind !== 'attribute') {
      const problem = parsed.problems[0];
      this.problems.push({ start: node.offset, end: node.offset + node.length, message: `${problem?.message ?? 'Syntax error'} (in the template ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)})` });
      return undefined;
    }
    const stringStart = node.offset + 1;
    const stringEnd = node.offset + node.length - 1;
    const map = (offset: number) => Math.min(stringEnd, Math.max(stringStart, stringStart + offset - contentStart));
    let expr = item.expr;
    if (as === 'template') expr = dropFinalNewline(expr);
    relocate(expr, wrapperSource, this.src, map);
    // The whole string is the template's span.
    if (expr.kind === 'template' || expr.kind === 'literal') {
      expr.start = node.offset;
      expr.end = node.offset + node.length;
    }
    return expr;
  }
}

/** A heredoc ends with a newline the JSON string does not have. */
function dropFinalNewline(expr: Expr): Expr {
  if (expr.kind === 'literal' && typeof expr.value === 'string' && expr.value.endsWith('\n')) return { ...expr, value: expr.value.slice(0, -1) };
  if (expr.kind === 'template') {
    const last = expr.parts[expr.parts.length - 1];
    if (last?.kind === 'text' && last.value.endsWith('\n')) {
      const value = last.value.slice(0, -1);
      const parts = value.length > 0 ? [...expr.parts.slice(0, -1), { kind: 'text' as const, value }] : expr.parts.slice(0, -1);
      if (parts.length === 0) return { kind: 'literal', src: expr.src, start: expr.start, end: expr.end, value: '' };
      return { ...expr, parts };
    }
  }
  return expr;
}

/** Moves every node parsed from `from` into `to`, mapping its offsets. */
function relocate(root: object, from: SourceText, to: SourceText, map: (offset: number) => number): void {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    const record = current as Record<string, unknown>;
    if (record.src === from) {
      record.src = to;
      if (typeof record.start === 'number') record.start = map(record.start);
      if (typeof record.end === 'number') record.end = map(record.end);
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'src' && typeof value === 'object') stack.push(value);
  }
}
