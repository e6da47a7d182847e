import type { Span } from '../../graph/source.js';
import type { UnknownReason } from '../../graph/value.js';
import type { BlockNode, DefNode, LambdaNode } from '@ruby/prism/src/nodes.js';

/**
 * The values of the static Ruby interpreter. They are richer than the graph's values because Ruby
 * tells symbols from strings, has ranges and resource-reference objects, and shares arrays and
 * hashes by reference (a mutation through one name is seen through the other). They become graph
 * values only when a template is complete (`convert.ts`).
 *
 * Every value carries the span where it is written: the literal, or the expression that computed
 * it. A scalar read through a local variable also lists the place of the read in `via`.
 */
export type RValue = RNil | RBool | RNum | RStr | RSym | RTmpl | RArray | RHash | RRange | RResource | RRef | RProc | REnum | RUnknown;

interface Base {
  span: Span;
  via?: Span[];
}

export interface RNil extends Base {
  t: 'nil';
}

export interface RBool extends Base {
  t: 'bool';
  v: boolean;
}

export interface RNum extends Base {
  t: 'num';
  v: number;
  /** A Ruby Float (`1.0`), which prints with its decimal point. */
  float: boolean;
}

export interface RStr extends Base {
  t: 'str';
  v: string;
  /** UTF-16 offset of the first character of the content when the literal is written without
   * escapes, so that a position inside the string maps to the file (Terraform `${...}`). */
  contentStart?: number;
}

export interface RSym extends Base {
  t: 'sym';
  v: string;
}

/** A string (or symbol) of which some parts are not known: references, unknown values. */
export interface RTmpl extends Base {
  t: 'tmpl';
  parts: Array<string | RRef | RUnknown>;
  sym: boolean;
}

export interface RArray extends Base {
  t: 'array';
  items: RValue[];
  /** May hold items the interpreter could not see. */
  open: boolean;
  /** The speculation it was made in (see `Interpreter.canMutate`). */
  epoch?: number;
}

export interface HashEntry {
  key: RStr | RSym | RNum | RNil | RBool;
  /** Where the key is written (the name, without `:` or quotes). */
  keySpan: Span;
  value: RValue;
}

export interface RHash extends Base {
  t: 'hash';
  /** By `hashKey()`: Ruby tells `:a` from `"a"`. Insertion order is Ruby's. */
  entries: Map<string, HashEntry>;
  /** May hold keys the interpreter could not see. */
  open: boolean;
  epoch?: number;
}

export interface RRange extends Base {
  t: 'range';
  from: number;
  to: number;
  exclusive: boolean;
}

/** The `ResourceReference` a typed resource function returns. */
export interface RResource extends Base {
  t: 'resource';
  /** The Terraform type Pangea renders (the function name). */
  type: string;
  /** The logical name, when known. */
  name: string | undefined;
  /** The name as written, for messages when it is not known. */
  nameText: string;
  attributes: RHash | undefined;
}

/** What `x.id`, `ref(...)`, `var(...)` return: Pangea renders `"${aws_x.name.id}"`. */
export interface RRef extends Base {
  t: 'ref';
  /** `aws_medialive_input.main`, `var.x`, `local.x`. */
  target: string;
  attribute: string | undefined;
  /** The expression as written. */
  expression: string;
}

/** A block, lambda or `&:symbol` that can be called. */
export interface Callable {
  kind: 'block';
  node: BlockNode | LambdaNode;
  env: Env;
  /** The block of the method the block is written in, for `yield` inside it. */
  outerBlock: Callable | undefined;
  self: SelfFrame;
}

export interface SymbolProc {
  kind: 'symbol';
  name: string;
}

export interface RProc extends Base {
  t: 'proc';
  callable: Callable | SymbolProc;
}

/** An enumerator (`arr.map` without a block, `each_with_index`), for `.with_index` chains. */
export interface REnum extends Base {
  t: 'enum';
  /** The method to run once a block is given: `map`, `each`, `select`, … */
  method: string;
  /** The values to yield (pairs for `each_with_index`). */
  items: RValue[];
  open: boolean;
  /** Whether the source collection is a hash (`select` then builds a hash). */
  fromHash: boolean;
}

export interface RUnknown extends Base {
  t: 'unknown';
  reason: UnknownReason;
  detail: string;
}

/** Local variables of one Ruby scope (a block, a method body, the template block, the file). */
export class Env {
  readonly vars = new Map<string, RValue>();
  /** The speculation it was made in (see `Interpreter.canMutate`). */
  epoch = 0;
  constructor(readonly parent: Env | undefined) {}

  /** The scope `depth` levels up, as prism counts them. */
  up(depth: number): Env | undefined {
    let env: Env | undefined = this;
    for (let level = 0; level < depth && env; level++) env = env.parent;
    return env;
  }
}

/** What `self` is while evaluating: the file's top level or a template's synthesizer. */
export interface SelfFrame {
  /** Helper methods defined with `def` on this self. */
  methods: Map<string, DefNode>;
  /** Instance variables (`@x`). */
  ivars: Map<string, RValue>;
  /** The file-level frame, for the helpers defined outside templates. */
  outer: SelfFrame | undefined;
}

/** Text computed only when used (an expression's source, for messages and references). */
export type Text = string | { toString(): string };

export function nil(span: Span): RNil {
  return { t: 'nil', span };
}

export function unknown(reason: UnknownReason, detail: string, span: Span): RUnknown {
  return { t: 'unknown', reason, detail, span };
}

export function str(v: string, span: Span): RStr {
  return { t: 'str', v, span };
}

export function num(v: number, span: Span, float = false): RNum {
  return { t: 'num', v, float, span };
}


export function sym(v: string, span: Span): RSym {
  return { t: 'sym', v, span };
}



/** The identity of a hash key, as Ruby compares them (`:a` and `"a"` differ). */
export function hashKey(key: RValue): string | undefined {
  switch (key.t) {
    case 'sym':
      return `:${key.v}`;
    case 'str':
      return `"${key.v}`;
    case 'num':
      return `#${key.v}`;
    case 'nil':
      return 'nil';
    case 'bool':
      return key.v ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** The key's text as a property name (`:a`, `"a"` → `a`). */
export function keyName(key: HashEntry['key']): string {
  switch (key.t) {
    case 'sym':
    case 'str':
      return key.v;
    case 'num':
      return String(key.v);
    case 'nil':
      return '';
    case 'bool':
      return String(key.v);
  }
}

export function isHashKey(value: RValue): value is HashEntry['key'] {
  return value.t === 'sym' || value.t === 'str' || value.t === 'num' || value.t === 'nil' || value.t === 'bool';
}

/** Ruby truthiness: `undefined` when it cannot be known. */
export function truthy(value: RValue): boolean | undefined {
  switch (value.t) {
    case 'nil':
      return false;
    case 'bool':
      return value.v;
    case 'unknown':
      return undefined;
    default:
      return true;
  }
}

/** A copy of a scalar with one more place that used it (collections are shared, not copied). */
export function withVia<T extends RValue>(value: T, use: Span): T {
  if (value.t === 'array' || value.t === 'hash' || value.t === 'resource' || value.t === 'proc' || value.t === 'enum') return value;
  const via = value.via ? [...value.via, use].slice(-3) : [use];
  return { ...value, via };
}

