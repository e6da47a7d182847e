import type { SourceText } from '../../graph/source.js';
import type {
  Attribute,
  BinaryOperator,
  Block,
  Body,
  Expr,
  Label,
  ObjectItem,
  ParsedFile,
  SyntaxProblem,
  TemplatePart,
} from './syntax.js';
import { SIMPLE_ITEM, type CstFile, type CstNode, type CstProblem, type SimpleAttribute } from './tree-sitter.js';

/**
 * Converts the tree-sitter parse of a `.tf` file into the HCL syntax tree (`syntax.ts`). The
 * grammar flattens expression terms (`a.b[0]` is `variable_expr get_attr index` under one
 * `expression`), and leaves string contents to the source text, which this reads directly.
 */
export function convertHclFile(src: SourceText, cst: CstFile): ParsedFile {
  const converter = new Converter(src);
  const body = converter.configFile(cst.root);
  const problems = cst.problems.slice(0, MAX_PROBLEMS).map((problem) => describeProblem(src, problem));
  // Whatever holds a syntax error is not read: its body may lack members, its value is unknown.
  for (const problem of problems) {
    for (const candidate of converter.bodies) if (candidate.start <= problem.start && problem.start <= candidate.end) candidate.error = true;
    for (const candidate of converter.attributes) {
      if (candidate.start <= problem.start && problem.start <= candidate.end) candidate.expr = { kind: 'invalid', src, start: candidate.expr.start, end: candidate.expr.end };
    }
  }
  const directives = cst.comments.filter((comment) => src.text.slice(comment.start, comment.end).includes('media-lint-ignore'));
  return { src, body, problems, directives };
}

/** More syntax errors than this in one file are not worth listing one by one. */
const MAX_PROBLEMS = 20;

const BINARY_OPERATORS = new Set<string>(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

const MISSING_NAMES: Record<string, string> = {
  block_end: "'}'",
  object_end: "'}'",
  tuple_end: "']'",
  quoted_template_end: "'\"'",
  template_interpolation_end: "'}'",
  identifier: 'a name',
  expression: 'an expression',
  heredoc_identifier: 'the heredoc end marker',
};

function describeProblem(src: SourceText, problem: CstProblem): SyntaxProblem {
  if (problem.missing !== undefined) {
    const what = MISSING_NAMES[problem.missing] ?? `'${problem.missing}'`;
    return { start: problem.start, end: problem.end, message: `Syntax error: expected ${what}.` };
  }
  const text = src.text.slice(problem.start, problem.end).trim();
  if (text.length === 0) return { start: problem.start, end: problem.end, message: 'Syntax error: unexpected end of file.' };
  const firstLine = text.split(/\r?\n/)[0]!;
  const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  return { start: problem.start, end: problem.end, message: `Syntax error: unexpected '${shown}'.` };
}

/** Decodes the escapes of a quoted HCL string: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`, `$${`, `%%{`. */
export function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let result = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === '\\') {
      const next = raw[i + 1];
      switch (next) {
        case 'n':
          result += '\n';
          i++;
          continue;
        case 'r':
          result += '\r';
          i++;
          continue;
        case 't':
          result += '\t';
          i++;
          continue;
        case '"':
        case '\\':
          result += next;
          i++;
          continue;
        case 'u':
        case 'U': {
          const length = next === 'u' ? 4 : 8;
          const hex = raw.slice(i + 2, i + 2 + length);
          if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === length) {
            result += String.fromCodePoint(Number.parseInt(hex, 16));
            i += 1 + length;
            continue;
          }
          break;
        }
        default:
          break;
      }
      result += char;
      continue;
    }
    if ((char === '$' || char === '%') && raw[i + 1] === char && raw[i + 2] === '{') {
      result += `${char}{`;
      i += 2;
      continue;
    }
    result += char;
  }
  return result;
}

function decodeHeredoc(raw: string): string {
  return raw.includes('$${') || raw.includes('%%{') ? raw.replace(/([$%])\1\{/g, '$1{') : raw;
}

class Converter {
  readonly bodies: Body[] = [];
  readonly attributes: Attribute[] = [];
  private readonly text: string;

  constructor(private readonly src: SourceText) {
    this.text = src.text;
  }

  configFile(root: CstNode): Body {
    const body: Body = { src: this.src, start: root.start, end: root.end, items: [], error: false };
    this.bodies.push(body);
    for (const child of root.children ?? []) {
      if (child.type === 'body') this.bodyItems(child, body);
      else if (child.type === 'ERROR') this.recover(child, body);
    }
    return body;
  }

  private bodyItems(node: CstNode, body: Body): void {
    for (const child of node.children ?? []) {
      if (child.type === 'attribute') body.items.push(this.attribute(child));
      else if (child.type === 'block') body.items.push(this.block(child));
      else if (child.type === 'ERROR') this.recover(child, body);
    }
  }

  /** Attributes and blocks that tree-sitter kept inside an error node are still read. */
  private recover(node: CstNode, body: Body): void {
    body.error = true;
    for (const child of node.children ?? []) {
      if (child.type === 'attribute') body.items.push(this.attribute(child));
      else if (child.type === 'block') body.items.push(this.block(child));
      else if (child.type === 'body' || child.type === 'ERROR') this.recover(child, body);
    }
  }

  private attribute(node: CstNode): Attribute {
    if (node.simple) return this.simpleAttribute(node, node.simple);
    const children = node.children ?? [];
    const name = children[0];
    const expression = children.find((child) => child.type === 'expression');
    const nameStart = name?.named ? name.start : node.start;
    const nameEnd = name?.named ? name.end : node.start;
    const attribute: Attribute = {
      kind: 'attribute',
      src: this.src,
      start: node.start,
      end: node.end,
      name: this.text.slice(nameStart, nameEnd),
      nameStart,
      nameEnd,
      expr: expression ? this.expression(expression) : this.invalid(node.end, node.end),
    };
    this.attributes.push(attribute);
    return attribute;
  }

  /** An attribute the tree-sitter copy read from the text (see `SimpleAttribute`). */
  private simpleAttribute(node: CstNode, simple: SimpleAttribute): Attribute {
    const { valueStart } = simple;
    const end = node.end;
    const raw = this.text.slice(valueStart, end);
    let expr: Expr;
    switch (simple.kind) {
      case 'string':
        expr = { kind: 'literal', src: this.src, start: valueStart, end, value: raw.slice(1, -1) };
        break;
      case 'number':
        expr = { kind: 'literal', src: this.src, start: valueStart, end, value: Number(raw) };
        break;
      case 'keyword':
        expr = { kind: 'literal', src: this.src, start: valueStart, end, value: raw === 'null' ? null : raw === 'true' };
        break;
      case 'traversal':
        expr = this.dotted(raw, valueStart);
        break;
      case 'template': {
        const parts: TemplatePart[] = [];
        let position = 1;
        for (let open = raw.indexOf('${', position); open >= 0; open = raw.indexOf('${', position)) {
          if (open > position) parts.push({ kind: 'text', value: raw.slice(position, open) });
          const close = raw.indexOf('}', open);
          parts.push({ kind: 'interpolation', expr: this.dotted(raw.slice(open + 2, close), valueStart + open + 2) });
          position = close + 1;
        }
        if (position < raw.length - 1) parts.push({ kind: 'text', value: raw.slice(position, -1) });
        expr = { kind: 'template', src: this.src, start: valueStart, end, parts };
        break;
      }
      case 'tuple': {
        const items: Expr[] = [];
        SIMPLE_ITEM.lastIndex = 0;
        for (let item = SIMPLE_ITEM.exec(raw); item; item = SIMPLE_ITEM.exec(raw)) {
          const text = item[0];
          const start = valueStart + item.index;
          if (text.startsWith('"')) items.push({ kind: 'literal', src: this.src, start, end: start + text.length, value: text.slice(1, -1) });
          else if (text === 'true' || text === 'false' || text === 'null') items.push({ kind: 'literal', src: this.src, start, end: start + text.length, value: text === 'null' ? null : text === 'true' });
          else if (/^\d/.test(text)) items.push({ kind: 'literal', src: this.src, start, end: start + text.length, value: Number(text) });
          else items.push(this.dotted(text, start));
        }
        expr = { kind: 'tuple', src: this.src, start: valueStart, end, items };
        break;
      }
    }
    const attribute: Attribute = {
      kind: 'attribute',
      src: this.src,
      start: node.start,
      end,
      name: this.text.slice(node.start, simple.nameEnd),
      nameStart: node.start,
      nameEnd: simple.nameEnd,
      expr,
    };
    this.attributes.push(attribute);
    return attribute;
  }

  /** `a.b.c` at an offset: a variable and its attribute accesses. */
  private dotted(text: string, start: number): Expr {
    const names = text.split('.');
    let offset = start + names[0]!.length;
    let expr: Expr = { kind: 'variable', src: this.src, start, end: offset, name: names[0]! };
    for (const name of names.slice(1)) {
      offset += 1 + name.length;
      expr = { kind: 'getattr', src: this.src, start, end: offset, target: expr, name };
    }
    return expr;
  }

  private block(node: CstNode): Block {
    const children = node.children ?? [];
    const type = children[0]!;
    const labels: Label[] = [];
    let index = 1;
    for (; index < children.length; index++) {
      const child = children[index]!;
      if (child.type === 'string_lit') {
        const contentStart = child.start + 1;
        const contentEnd = Math.max(contentStart, this.text[child.end - 1] === '"' && child.end - 1 > child.start ? child.end - 1 : child.end);
        labels.push({ value: decodeQuoted(this.text.slice(contentStart, contentEnd)), start: contentStart, end: contentEnd });
      } else if (child.type === 'identifier') {
        labels.push({ value: this.text.slice(child.start, child.end), start: child.start, end: child.end });
      } else {
        break;
      }
    }
    const open = children.find((child) => child.type === 'block_start');
    const close = children.find((child) => child.type === 'block_end');
    const bodyNode = children.find((child) => child.type === 'body');
    const body: Body = {
      src: this.src,
      start: open ? open.start : node.start,
      end: close && close.end > close.start ? close.end : node.end,
      items: [],
      error: false,
    };
    this.bodies.push(body);
    if (bodyNode) this.bodyItems(bodyNode, body);
    for (const child of children) if (child.type === 'ERROR') this.recover(child, body);
    return {
      kind: 'block',
      src: this.src,
      start: node.start,
      end: node.end,
      type: this.text.slice(type.start, type.end),
      typeStart: type.start,
      typeEnd: type.end,
      labels,
      body,
    };
  }

  private invalid(start: number, end: number): Expr {
    return { kind: 'invalid', src: this.src, start, end };
  }

  /** An `expression` node: a conditional, or a term with its traversals. */
  expression(node: CstNode): Expr {
    const children = node.children ?? [];
    if (children.length === 1 && children[0]!.type === 'conditional') return this.conditional(children[0]!);
    return this.term(children, 0, children.length, node);
  }

  private conditional(node: CstNode): Expr {
    const parts = (node.children ?? []).filter((child) => child.type === 'expression');
    if (parts.length !== 3) return this.invalid(node.start, node.end);
    return {
      kind: 'conditional',
      src: this.src,
      start: node.start,
      end: node.end,
      condition: this.expression(parts[0]!),
      then: this.expression(parts[1]!),
      else: this.expression(parts[2]!),
    };
  }

  /** A primary expression followed by traversals (`.name`, `[key]`, `[*]`), from a flattened
   * child list. */
  private term(children: CstNode[], from: number, to: number, owner: CstNode): Expr {
    let index = from;
    const first = children[index];
    if (first === undefined || index >= to) return this.invalid(owner.start, owner.end);
    let expr: Expr;
    if (!first.named && first.type === '(') {
      const inner = children[index + 1];
      const close = children[index + 2];
      if (!inner || inner.type !== 'expression') return this.invalid(owner.start, owner.end);
      const innerExpr = this.expression(inner);
      // The parentheses themselves carry no offsets: they are around the inner expression.
      const start = this.text.lastIndexOf('(', innerExpr.start - 1);
      const end = this.text.indexOf(')', innerExpr.end);
      expr = { kind: 'parens', src: this.src, start: start < 0 ? innerExpr.start : start, end: end < 0 ? innerExpr.end : end + 1, inner: innerExpr };
      index += close?.type === ')' ? 3 : 2;
    } else {
      expr = this.primary(first);
      index++;
    }
    for (; index < to; index++) expr = this.traversal(expr, children[index]!);
    return expr;
  }

  private traversal(target: Expr, node: CstNode): Expr {
    switch (node.type) {
      case 'get_attr':
        return { kind: 'getattr', src: this.src, start: target.start, end: node.end, target, name: this.text.slice(node.start + 1, node.end).trim() };
      case 'index': {
        const inner = node.children?.[0];
        if (inner?.type === 'legacy_index') {
          const key: Expr = { kind: 'literal', src: this.src, start: inner.start + 1, end: inner.end, value: Number(this.text.slice(inner.start + 1, inner.end).trim()) };
          return { kind: 'index', src: this.src, start: target.start, end: node.end, target, key };
        }
        const keyNode = inner?.children?.find((child) => child.type === 'expression');
        const key = keyNode ? this.expression(keyNode) : this.invalid(node.start, node.end);
        return { kind: 'index', src: this.src, start: target.start, end: node.end, target, key };
      }
      case 'splat': {
        const inner = node.children?.[0];
        let each: Expr = { kind: 'splat-item', src: this.src, start: node.start, end: node.start };
        for (const child of inner?.children ?? []) if (child.named) each = this.traversal(each, child);
        return { kind: 'splat', src: this.src, start: target.start, end: node.end, target, each };
      }
      default:
        return this.invalid(node.start >= 0 ? node.start : target.start, node.end >= 0 ? node.end : target.end);
    }
  }

  private primary(node: CstNode): Expr {
    switch (node.type) {
      case 'literal_value':
        return this.literal(node);
      case 'template_expr': {
        const inner = node.children?.[0];
        if (inner?.type === 'quoted_template') return this.quotedTemplate(inner);
        if (inner?.type === 'heredoc_template') return this.heredoc(inner);
        return this.invalid(node.start, node.end);
      }
      case 'collection_value': {
        const inner = node.children?.[0];
        if (inner?.type === 'tuple') return this.tuple(inner);
        if (inner?.type === 'object') return this.object(inner);
        return this.invalid(node.start, node.end);
      }
      case 'variable_expr':
        return { kind: 'variable', src: this.src, start: node.start, end: node.end, name: this.text.slice(node.start, node.end) };
      case 'function_call':
        return this.call(node);
      case 'for_expr': {
        const inner = node.children?.[0];
        return inner ? this.forExpr(inner) : this.invalid(node.start, node.end);
      }
      case 'operation': {
        const inner = node.children?.[0];
        if (inner?.type === 'unary_operation') return this.unary(inner);
        if (inner?.type === 'binary_operation') return this.binary(inner);
        return this.invalid(node.start, node.end);
      }
      case 'expression':
        return this.expression(node);
      default:
        return this.invalid(node.start, node.end);
    }
  }

  private literal(node: CstNode): Expr {
    const text = this.text.slice(node.start, node.end);
    const base = { kind: 'literal' as const, src: this.src, start: node.start, end: node.end };
    if (text.startsWith('"')) {
      const end = text.length > 1 && text.endsWith('"') ? text.length - 1 : text.length;
      return { ...base, value: decodeQuoted(text.slice(1, end)) };
    }
    if (text === 'true') return { ...base, value: true };
    if (text === 'false') return { ...base, value: false };
    if (text === 'null') return { ...base, value: null };
    const number = Number(text);
    if (text.length === 0 || !Number.isFinite(number)) return this.invalid(node.start, node.end);
    return { ...base, value: number };
  }

  private quotedTemplate(node: CstNode): Expr {
    const children = node.children ?? [];
    const open = children[0];
    const close = children[children.length - 1];
    const contentStart = open?.type === 'quoted_template_start' ? open.end : node.start + 1;
    const contentEnd = close?.type === 'quoted_template_end' && close !== open ? close.start : node.end;
    const parts = this.templateParts(children, 0, children.length, contentStart, contentEnd, decodeQuoted);
    return this.templateOrLiteral(node, parts);
  }

  private heredoc(node: CstNode): Expr {
    const children = node.children ?? [];
    const start = children.find((child) => child.type === 'heredoc_start');
    const flush = start !== undefined && this.text.slice(start.start, start.end).trim() === '<<-';
    const identifiers = children.filter((child) => child.type === 'heredoc_identifier');
    const opening = identifiers[0];
    if (!opening) return this.invalid(node.start, node.end);
    const newline = this.text.indexOf('\n', opening.end);
    const contentStart = newline < 0 ? node.end : newline + 1;
    const closing = identifiers.length > 1 ? identifiers[identifiers.length - 1]! : undefined;
    let contentEnd = closing ? this.text.lastIndexOf('\n', closing.start - 1) + 1 : node.end;
    if (contentEnd < contentStart) contentEnd = contentStart;
    const first = children.indexOf(opening) + 1;
    const last = closing ? children.indexOf(closing) : children.length;
    let parts = this.templateParts(children, first, last, contentStart, contentEnd, decodeHeredoc);
    if (flush) parts = dedent(parts);
    return this.templateOrLiteral(node, parts);
  }

  private templateOrLiteral(node: CstNode, parts: TemplatePart[]): Expr {
    if (parts.every((part) => part.kind === 'text')) {
      return { kind: 'literal', src: this.src, start: node.start, end: node.end, value: parts.map((part) => (part.kind === 'text' ? part.value : '')).join('') };
    }
    return { kind: 'template', src: this.src, start: node.start, end: node.end, parts };
  }

  /** The parts of a template between two offsets: the text between interpolations and
   * directives is read from the source (tree-sitter leaves whitespace out of its literal nodes). */
  private templateParts(children: CstNode[], from: number, to: number, contentStart: number, contentEnd: number, decode: (raw: string) => string): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let position = contentStart;
    let stripNext = false;
    const pushText = (end: number, stripEnd: boolean) => {
      let raw = this.text.slice(position, Math.max(position, end));
      if (stripNext) raw = raw.replace(/^\s+/, '');
      if (stripEnd) raw = raw.replace(/\s+$/, '');
      if (raw.length > 0) parts.push({ kind: 'text', value: decode(raw) });
    };
    for (let index = from; index < to; index++) {
      const child = children[index]!;
      if (child.type === 'template_interpolation') {
        const inner = child.children ?? [];
        const stripBefore = inner[1]?.type === 'strip_marker';
        const stripAfter = inner.length > 3 && inner[inner.length - 2]?.type === 'strip_marker';
        pushText(child.start, stripBefore);
        const expression = inner.find((part) => part.type === 'expression');
        parts.push({ kind: 'interpolation', expr: expression ? this.expression(expression) : this.invalid(child.start, child.end) });
        position = child.end;
        stripNext = stripAfter;
      } else if (child.type === 'template_directive') {
        pushText(child.start, false);
        const directive = child.children?.[0];
        if (directive) parts.push(this.directive(directive, decode));
        position = child.end;
        stripNext = false;
      }
    }
    pushText(contentEnd, false);
    return parts;
  }

  private directive(node: CstNode, decode: (raw: string) => string): TemplatePart {
    const children = node.children ?? [];
    const first = children[0];
    const last = children[children.length - 1];
    if (node.type === 'template_if' && first) {
      const condition = first.children?.find((child) => child.type === 'expression');
      const elseIndex = children.findIndex((child) => child.type === 'template_else_intro');
      const endIndex = last?.type === 'template_if_end' ? children.length - 1 : children.length;
      const thenEnd = elseIndex >= 0 ? elseIndex : endIndex;
      const thenParts = this.templateParts(children, 1, thenEnd, first.end, children[thenEnd]?.start ?? node.end, decode);
      const elseParts = elseIndex >= 0 ? this.templateParts(children, elseIndex + 1, endIndex, children[elseIndex]!.end, children[endIndex]?.start ?? node.end, decode) : [];
      return { kind: 'if', condition: condition ? this.expression(condition) : this.invalid(node.start, node.end), then: thenParts, else: elseParts };
    }
    if (node.type === 'template_for' && first) {
      const names = (first.children ?? []).filter((child) => child.type === 'identifier').map((child) => this.text.slice(child.start, child.end));
      const collection = first.children?.find((child) => child.type === 'expression');
      const endIndex = last?.type === 'template_for_end' ? children.length - 1 : children.length;
      const body = this.templateParts(children, 1, endIndex, first.end, children[endIndex]?.start ?? node.end, decode);
      const part: TemplatePart = {
        kind: 'for',
        valueVar: names[names.length - 1] ?? '_',
        collection: collection ? this.expression(collection) : this.invalid(node.start, node.end),
        body,
      };
      if (names.length > 1) part.keyVar = names[0]!;
      return part;
    }
    return { kind: 'interpolation', expr: this.invalid(node.start, node.end) };
  }

  private tuple(node: CstNode): Expr {
    const items = (node.children ?? []).filter((child) => child.type === 'expression').map((child) => this.expression(child));
    return { kind: 'tuple', src: this.src, start: node.start, end: node.end, items };
  }

  private object(node: CstNode): Expr {
    const items: ObjectItem[] = [];
    for (const element of node.children ?? []) {
      if (element.type !== 'object_elem') continue;
      const parts = (element.children ?? []).filter((child) => child.type === 'expression');
      if (parts.length !== 2) continue;
      const keyNode = parts[0]!;
      const keyChildren = keyNode.children ?? [];
      const keyIsName = keyChildren.length === 1 && keyChildren[0]!.type === 'variable_expr';
      items.push({ key: this.expression(keyNode), value: this.expression(parts[1]!), keyIsName });
    }
    return { kind: 'object', src: this.src, start: node.start, end: node.end, items };
  }

  private call(node: CstNode): Expr {
    const children = node.children ?? [];
    const name = children[0]!;
    const argumentsNode = children.find((child) => child.type === 'function_arguments');
    const args = (argumentsNode?.children ?? []).filter((child) => child.type === 'expression').map((child) => this.expression(child));
    const expandFinal = (argumentsNode?.children ?? []).some((child) => child.type === 'ellipsis');
    return { kind: 'call', src: this.src, start: node.start, end: node.end, name: this.text.slice(name.start, name.end), args, expandFinal };
  }

  private forExpr(node: CstNode): Expr {
    const children = node.children ?? [];
    const intro = children.find((child) => child.type === 'for_intro');
    if (!intro) return this.invalid(node.start, node.end);
    const names = (intro.children ?? []).filter((child) => child.type === 'identifier').map((child) => this.text.slice(child.start, child.end));
    const collection = intro.children?.find((child) => child.type === 'expression');
    const expressions = children.filter((child) => child.type === 'expression');
    const condition = children.find((child) => child.type === 'for_cond')?.children?.find((child) => child.type === 'expression');
    const isObject = node.type === 'for_object_expr';
    if (expressions.length < (isObject ? 2 : 1) || !collection) return this.invalid(node.start, node.end);
    const result: Expr = {
      kind: 'for',
      src: this.src,
      start: node.start,
      end: node.end,
      valueVar: names[names.length - 1] ?? '_',
      collection: this.expression(collection),
      value: this.expression(expressions[isObject ? 1 : 0]!),
      grouping: isObject && children.some((child) => child.type === 'ellipsis'),
    };
    if (names.length > 1) result.keyVar = names[0]!;
    if (isObject) result.key = this.expression(expressions[0]!);
    if (condition) result.condition = this.expression(condition);
    return result;
  }

  private unary(node: CstNode): Expr {
    const children = node.children ?? [];
    const operator = children[0]?.type === '!' ? '!' : '-';
    return { kind: 'unary', src: this.src, start: node.start, end: node.end, operator, operand: this.term(children, 1, children.length, node) };
  }

  private binary(node: CstNode): Expr {
    const children = node.children ?? [];
    const index = children.findIndex((child, position) => position > 0 && !child.named && BINARY_OPERATORS.has(child.type));
    if (index < 0) return this.invalid(node.start, node.end);
    return {
      kind: 'binary',
      src: this.src,
      start: node.start,
      end: node.end,
      operator: children[index]!.type as BinaryOperator,
      left: this.term(children, 0, index, node),
      right: this.term(children, index + 1, children.length, node),
    };
  }
}

/** `<<-` heredocs: the smallest indentation of the non-blank lines is removed from every line
 * (a line that starts with an interpolation has none). */
function dedent(parts: TemplatePart[]): TemplatePart[] {
  let minimum = Infinity;
  let lineStart = true;
  parts.forEach((part, partIndex) => {
    if (part.kind !== 'text') {
      if (lineStart) minimum = 0;
      lineStart = false;
      return;
    }
    const segments = part.value.split('\n');
    segments.forEach((segment, index) => {
      if (index === 0 && !lineStart) return;
      const indent = /^[ \t]*/.exec(segment)![0].length;
      if (indent === segment.length) {
        // A blank line, or the empty rest after the last newline: not counted. Whitespace
        // followed by an interpolation is.
        if (index < segments.length - 1 || partIndex === parts.length - 1) return;
      }
      minimum = Math.min(minimum, indent);
    });
    lineStart = part.value.endsWith('\n');
  });
  if (!Number.isFinite(minimum) || minimum === 0) return parts;
  const result: TemplatePart[] = [];
  lineStart = true;
  for (const part of parts) {
    if (part.kind !== 'text') {
      result.push(part);
      lineStart = false;
      continue;
    }
    const value = part.value
      .split('\n')
      .map((segment, index) => (index > 0 || lineStart ? segment.slice(Math.min(/^[ \t]*/.exec(segment)![0].length, minimum)) : segment))
      .join('\n');
    if (value.length > 0) result.push({ kind: 'text', value });
    lineStart = part.value.endsWith('\n');
  }
  return result;
}
