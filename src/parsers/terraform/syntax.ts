import { LazySpan, type SourceText, type Span } from '../../graph/source.js';
import type { Scalar } from '../../graph/value.js';

/**
 * The HCL syntax tree the Terraform front-end evaluates, built from the tree-sitter parse of a
 * `.tf` file (`hcl.ts`) or from the JSON of a `.tf.json` file (`json.ts`). Every node knows its
 * source text and its UTF-16 offsets in it, so every value built from it keeps its span.
 */
export interface Located {
  src: SourceText;
  start: number;
  end: number;
}

export interface Body extends Located {
  items: Array<Attribute | Block>;
  /** True when the parser had to skip part of this body (a syntax error inside it): what is left
   * may lack members that are in the file. */
  error: boolean;
}

export interface Attribute extends Located {
  kind: 'attribute';
  name: string;
  nameStart: number;
  nameEnd: number;
  expr: Expr;
}

export interface Label {
  value: string;
  /** Offsets of the label's text, without the quotes. */
  start: number;
  end: number;
}

export interface Block extends Located {
  kind: 'block';
  type: string;
  typeStart: number;
  typeEnd: number;
  labels: Label[];
  body: Body;
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | SplatItemExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | ForExpr
  | ParensExpr
  | InvalidExpr;

export interface LiteralExpr extends Located {
  kind: 'literal';
  value: Scalar;
}

export type TemplatePart =
  | { kind: 'text'; value: string }
  | { kind: 'interpolation'; expr: Expr }
  | { kind: 'if'; condition: Expr; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] };

/** A quoted string or heredoc with interpolations or directives. Plain strings are literals. */
export interface TemplateExpr extends Located {
  kind: 'template';
  parts: TemplatePart[];
}

export interface TupleExpr extends Located {
  kind: 'tuple';
  items: Expr[];
}

export interface ObjectItem {
  key: Expr;
  value: Expr;
  /** A bare identifier key (`{ name = 1 }`) is a literal name, not a variable. */
  keyIsName: boolean;
}

export interface ObjectExpr extends Located {
  kind: 'object';
  items: ObjectItem[];
}

/** The root of a traversal: `var`, `local`, `aws_instance`, `each`, a `for` variable. */
export interface VariableExpr extends Located {
  kind: 'variable';
  name: string;
}

export interface GetAttrExpr extends Located {
  kind: 'getattr';
  target: Expr;
  name: string;
}

export interface IndexExpr extends Located {
  kind: 'index';
  target: Expr;
  key: Expr;
}

/** `target[*].rest` or `target.*.rest`: `each` is applied to every element (as `splat-item`). */
export interface SplatExpr extends Located {
  kind: 'splat';
  target: Expr;
  each: Expr;
}

/** The element a splat's `each` traversal starts from. */
export interface SplatItemExpr extends Located {
  kind: 'splat-item';
}

export interface CallExpr extends Located {
  kind: 'call';
  name: string;
  args: Expr[];
  /** `f(list...)`: the last argument is expanded into arguments. */
  expandFinal: boolean;
}

export interface UnaryExpr extends Located {
  kind: 'unary';
  operator: '-' | '!';
  operand: Expr;
}

export type BinaryOperator = '*' | '/' | '%' | '+' | '-' | '>' | '>=' | '<' | '<=' | '==' | '!=' | '&&' | '||';

export interface BinaryExpr extends Located {
  kind: 'binary';
  operator: BinaryOperator;
  left: Expr;
  right: Expr;
}

export interface ConditionalExpr extends Located {
  kind: 'conditional';
  condition: Expr;
  then: Expr;
  else: Expr;
}

export interface ForExpr extends Located {
  kind: 'for';
  keyVar?: string;
  valueVar: string;
  collection: Expr;
  /** Set for an object `for` (`{for k, v in x : k => v}`). */
  key?: Expr;
  value: Expr;
  condition?: Expr;
  /** `{for ... : k => v...}`: values with the same key are grouped into lists. */
  grouping: boolean;
}

export interface ParensExpr extends Located {
  kind: 'parens';
  inner: Expr;
}

/** Where the parser could not read an expression. Evaluates to an unknown value. */
export interface InvalidExpr extends Located {
  kind: 'invalid';
}

/** A syntax problem: where, and what the parser expected or found. */
export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
}

/** A comment that holds `media-lint-ignore` (offsets of the whole comment). */
export interface DirectiveComment {
  start: number;
  end: number;
}

export interface ParsedFile {
  src: SourceText;
  body: Body;
  problems: SyntaxProblem[];
  /** Comments that may be suppression directives (`# media-lint-ignore …`). */
  directives: DirectiveComment[];
}

/** The source text of a node, as written. */
export function textOf(node: Located): string {
  return node.src.text.slice(node.start, node.end);
}

export function spanOf(source: SourceText, start: number, end: number): Span {
  return new LazySpan(source, start, end);
}
