import type { Span } from '../../graph/source.js';
import type { Property, ReferenceValue, TemplateValue, Value } from '../../graph/value.js';
import { callFunction } from './functions.js';
import { spanOf, textOf, type Expr, type TemplatePart } from './syntax.js';
import {
  boolOf,
  errorValue,
  isError,
  isSet,
  isWhollyKnown,
  known,
  list,
  markSet,
  member,
  numberOf,
  object,
  property,
  quoteKey,
  respan,
  sameValue,
  stringOf,
  unknown,
  unknownFrom,
} from './values.js';

/** What expressions can see of the module being evaluated. */
export interface EvalHost {
  /** `var.name` (with the use in `via`), or undefined when no such variable is declared. */
  variable(name: string, use: Span): Value | undefined;
  /** `local.name`, or undefined when no such local is declared. */
  local(name: string, use: Span): Value | undefined;
  /** `type.name`: a reference to the resource, a list (count) or object (for_each) of references
   * to its instances, or a reference that will not resolve when it is not declared. */
  resource(type: string, name: string, use: Span, expression: string): Value;
  /** `module.name`: an object of the module's outputs (a list or object of them for a module
   * with count or for_each). */
  module(name: string, use: Span): Value;
  /** Counts one step of evaluation; false once the budget of the module is spent. */
  charge(): boolean;
}

/** Variables in lexical scope: `count`, `each`, `for` variables, dynamic block iterators. */
export class Env {
  private constructor(
    private readonly parent: Env | undefined,
    private readonly vars: ReadonlyMap<string, Value>,
  ) {}

  static readonly empty = new Env(undefined, new Map());

  with(vars: ReadonlyMap<string, Value>): Env {
    return new Env(this, vars);
  }

  get(name: string): Value | undefined {
    for (let env: Env | undefined = this; env; env = env.parent) {
      const value = env.vars.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

/** Values of `count.index` and `each.key`: they have no place in the source, so a use of them
 * takes the span of the expression that reads them. */
const placeless = new WeakSet<Value>();

export function placelessValue<T extends Value>(value: T): T {
  placeless.add(value);
  return value;
}

/** References whose target an index extends (`aws_x.y[0]`): to a resource that is not declared
 * or not expanded. References into a resource whose count is unknown ignore the index: there is
 * only the one, unexpanded resource to point at. */
const collapsed = new WeakSet<ReferenceValue>();

export function collapsedReference(value: ReferenceValue): ReferenceValue {
  collapsed.add(value);
  return value;
}

/** The list (count) or object (for_each) that stands for an expanded resource, with the address
 * of the resource: an index that is not one of its instances still makes a reference (to an
 * instance that does not exist, which `reference/unresolved` reports). */
const collections = new WeakMap<Value, string>();

export function resourceCollection<T extends Value>(value: T, target: string): T {
  collections.set(value, target);
  return value;
}

const SPLAT_ITEM = '\u0000splat';

/** Names that are not resource types at the root of a traversal. */
const UNSUPPORTED_ROOTS: Record<string, string> = {
  path: 'path.* values are not evaluated',
  terraform: 'terraform.* values (workspace) are not evaluated',
  self: 'self is only known inside a provisioner',
};

export class Evaluator {
  constructor(private readonly host: EvalHost) {}

  evaluate(expr: Expr, env: Env): Value {
    if (!this.host.charge()) return unknown('limit', 'the evaluation budget of this module is spent', this.span(expr));
    switch (expr.kind) {
      case 'literal':
        return known(expr.value, this.span(expr));
      case 'template':
        return this.template(expr.parts, env, this.span(expr));
      case 'tuple':
        return list(
          expr.items.map((item) => this.evaluate(item, env)),
          this.span(expr),
        );
      case 'object':
        return this.object(expr, env);
      case 'variable':
        return this.variable(expr, env);
      case 'getattr':
        return this.getAttr(expr, env);
      case 'index': {
        const target = this.evaluate(expr.target, env);
        const key = this.evaluate(expr.key, env);
        return this.index(target, key, this.span(expr), textOf(expr));
      }
      case 'splat':
        return this.splat(expr, env);
      case 'splat-item':
        return env.get(SPLAT_ITEM) ?? errorValue('splat outside a splat expression', this.span(expr));
      case 'call':
        return this.call(expr, env);
      case 'unary':
        return this.unary(expr, env);
      case 'binary':
        return this.binary(expr, env);
      case 'conditional': {
        const condition = this.evaluate(expr.condition, env);
        const chosen = boolOf(condition);
        if (chosen === undefined) {
          if (condition.kind === 'known') return errorValue('the condition is not a boolean', this.span(expr));
          return unknownFrom([condition], 'the condition is not known', this.span(expr));
        }
        return this.evaluate(chosen ? expr.then : expr.else, env);
      }
      case 'for':
        return this.forExpr(expr, env);
      case 'parens':
        return this.evaluate(expr.inner, env);
      case 'invalid':
        return errorValue('the expression has a syntax error', this.span(expr));
    }
  }

  span(expr: Expr): Span {
    return spanOf(expr.src, expr.start, expr.end);
  }

  private template(parts: readonly TemplatePart[], env: Env, span: Span): Value {
    // A template that is one interpolation and nothing else yields the value unconverted.
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only?.kind === 'interpolation') return this.evaluate(only.expr, env);
    const out: Array<string | Value> = [];
    const push = (piece: string | Value) => {
      const last = out[out.length - 1];
      if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
      else out.push(piece);
    };
    const failure = this.templateParts(parts, env, push, span);
    if (failure) return failure;
    if (out.every((piece) => typeof piece === 'string')) return known(out.join(''), span);
    const value: TemplateValue = { kind: 'template', parts: out, span };
    return value;
  }

  /** Appends the evaluated parts; returns a value when the whole template fails. */
  private templateParts(parts: readonly TemplatePart[], env: Env, push: (piece: string | Value) => void, span: Span): Value | undefined {
    for (const part of parts) {
      switch (part.kind) {
        case 'text':
          push(part.value);
          break;
        case 'interpolation': {
          const value = this.evaluate(part.expr, env);
          if (value.kind === 'known') {
            const text = stringOf(value);
            if (text === undefined) return errorValue('a null value in a string template', span);
            push(text);
          } else if (value.kind === 'template') {
            for (const piece of value.parts) push(piece);
          } else if (value.kind === 'list' || value.kind === 'object') {
            return errorValue('a collection in a string template', span);
          } else {
            push(value);
          }
          break;
        }
        case 'if': {
          const condition = this.evaluate(part.condition, env);
          const chosen = boolOf(condition);
          if (chosen === undefined) {
            push(unknownFrom([condition], 'a template condition is not known', condition.span));
            break;
          }
          const failure = this.templateParts(chosen ? part.then : part.else, env, push, span);
          if (failure) return failure;
          break;
        }
        case 'for': {
          const collection = this.evaluate(part.collection, env);
          const entries = this.entries(collection);
          if (!entries) {
            push(unknownFrom([collection], 'a template loop over an unknown collection', collection.span));
            break;
          }
          for (const [key, item] of entries) {
            const vars = new Map<string, Value>([[part.valueVar, item]]);
            if (part.keyVar) vars.set(part.keyVar, key);
            const failure = this.templateParts(part.body, env.with(vars), push, span);
            if (failure) return failure;
          }
          break;
        }
      }
    }
    return undefined;
  }

  private object(expr: Extract<Expr, { kind: 'object' }>, env: Env): Value {
    const properties: Property[] = [];
    let open = false;
    for (const item of expr.items) {
      const keySpan = this.span(item.key);
      let key: string | undefined;
      if (item.keyIsName && item.key.kind === 'variable') key = item.key.name;
      else {
        const keyValue = this.evaluate(item.key, env);
        key = stringOf(keyValue);
      }
      if (key === undefined) {
        open = true;
        continue;
      }
      const value = this.evaluate(item.value, env);
      const existing = properties.findIndex((entry) => entry.sourceName === key);
      if (existing >= 0) properties.splice(existing, 1);
      properties.push(property(key, keySpan, value));
    }
    return object(properties, this.span(expr), open);
  }

  private variable(expr: Extract<Expr, { kind: 'variable' }>, env: Env): Value {
    const bound = env.get(expr.name);
    if (bound !== undefined) return placeless.has(bound) && bound.kind !== 'object' ? respan(bound, this.span(expr)) : bound;
    const span = this.span(expr);
    if (expr.name === 'data') return unknown('data-source', 'a data source is read from the provider at plan time', span);
    const unsupported = UNSUPPORTED_ROOTS[expr.name];
    if (unsupported) return unknown('unsupported', unsupported, span);
    if (expr.name === 'count') return unknown('unsupported', 'count.index is only set in a resource or module with count', span);
    if (expr.name === 'each') return unknown('unsupported', 'each.key and each.value are only set in a resource or module with for_each', span);
    return errorValue(`'${expr.name}' is not a value: a resource reference needs a name (type.name)`, span);
  }

  private getAttr(expr: Extract<Expr, { kind: 'getattr' }>, env: Env): Value {
    const span = this.span(expr);
    const target = expr.target;
    if (target.kind === 'variable' && env.get(target.name) === undefined) {
      switch (target.name) {
        case 'var': {
          const value = this.host.variable(expr.name, span);
          return value ?? this.reference(`var.${expr.name}`, undefined, span, textOf(expr));
        }
        case 'local': {
          const value = this.host.local(expr.name, span);
          return value ?? this.reference(`local.${expr.name}`, undefined, span, textOf(expr));
        }
        case 'module':
          return this.host.module(expr.name, span);
        case 'data':
        case 'count':
        case 'each':
        case 'path':
        case 'terraform':
        case 'self':
          break;
        default:
          return this.host.resource(target.name, expr.name, span, textOf(expr));
      }
    }
    return this.attribute(this.evaluate(target, env), expr.name, span, textOf(expr));
  }

  private reference(target: string, attribute: string | undefined, span: Span, expression: string): ReferenceValue {
    const value: ReferenceValue = { kind: 'reference', target, expression, span };
    if (attribute !== undefined) value.attribute = attribute;
    return value;
  }

  attribute(value: Value, name: string, span: Span, expression: string): Value {
    const collection = collections.get(value);
    // `aws_x.y.id` on a resource with count or for_each: Terraform asks for an instance key.
    if (collection !== undefined) return this.reference(collection, name, span, expression);
    switch (value.kind) {
      case 'object': {
        const found = member(value, name);
        if (found) return placeless.has(found.value) ? respan(found.value, span) : found.value;
        if (value.open) return unknown('unsupported', `attribute ${name} of an object with keys that are not known`, span);
        return errorValue(`the object has no attribute ${name}`, span);
      }
      case 'reference': {
        const result = this.reference(value.target, value.attribute === undefined ? name : `${value.attribute}.${name}`, span, expression);
        return result;
      }
      case 'unknown': {
        const result = unknown(value.reason, value.detail, span);
        return isError(value) ? errorValue(value.detail, span) : result;
      }
      default:
        return errorValue(`cannot read attribute ${name} of ${value.kind === 'list' ? 'a list' : 'a primitive value'}`, span);
    }
  }

  index(value: Value, key: Value, span: Span, expression: string): Value {
    if (value.kind === 'unknown') return unknownFrom([value], value.detail, span);
    if (key.kind !== 'known') return unknownFrom([key], 'the index is not known', span);
    const collection = collections.get(value);
    if (collection !== undefined) {
      const keyValue = typeof key.value === 'number' ? key.value : stringOf(key);
      const found = keyValue === undefined ? undefined : value.kind === 'list' && typeof keyValue === 'number' ? value.items[keyValue] : value.kind === 'object' ? member(value, String(keyValue))?.value : undefined;
      if (found) return { ...found, span, expression } as Value;
      if (keyValue !== undefined) return this.reference(`${collection}[${quoteKey(keyValue)}]`, undefined, span, expression);
    }
    switch (value.kind) {
      case 'list': {
        const position = numberOf(key);
        if (position === undefined || !Number.isInteger(position)) return errorValue('a list index must be a whole number', span);
        if (isSet(value)) return errorValue('elements of a set cannot be indexed', span);
        const item = value.items[position];
        if (item) return item;
        if (value.open) return unknown('unsupported', 'an item of a list whose length is not known', span);
        return errorValue(`index ${position} is out of range for a list of ${value.items.length}`, span);
      }
      case 'object': {
        const name = stringOf(key);
        if (name === undefined) return errorValue('an object key must be a string', span);
        const found = member(value, name);
        if (found) return found.value;
        if (value.open) return unknown('unsupported', `key ${name} of an object with keys that are not known`, span);
        return errorValue(`the object has no key ${JSON.stringify(name)}`, span);
      }
      case 'reference': {
        if (collapsed.has(value)) return collapsedReference(this.reference(value.target, value.attribute, span, expression));
        const keyValue = typeof key.value === 'number' ? key.value : stringOf(key);
        if (keyValue === undefined) return errorValue('an index must be a string or a number', span);
        if (value.attribute === undefined) return this.reference(`${value.target}[${quoteKey(keyValue)}]`, undefined, span, expression);
        return this.reference(value.target, `${value.attribute}[${quoteKey(keyValue)}]`, span, expression);
      }
      default:
        return errorValue('only lists, maps and objects can be indexed', span);
    }
  }

  private splat(expr: Extract<Expr, { kind: 'splat' }>, env: Env): Value {
    const span = this.span(expr);
    const target = this.evaluate(expr.target, env);
    const apply = (item: Value) => this.evaluate(expr.each, env.with(new Map([[SPLAT_ITEM, item]])));
    if (target.kind === 'unknown') return unknownFrom([target], target.detail, span);
    if (target.kind === 'known' && target.value === null) return list([], span);
    if (target.kind === 'list') {
      const result = list(target.items.map(apply), span, target.open === true);
      return isSet(target) ? markSet(result) : result;
    }
    return list([apply(target)], span);
  }

  private call(expr: Extract<Expr, { kind: 'call' }>, env: Env): Value {
    const span = this.span(expr);
    if (expr.name === 'try') {
      let last: Value | undefined;
      for (const argument of expr.args) {
        last = this.evaluate(argument, env);
        if (!isError(last)) return last;
      }
      return last ?? errorValue('try() needs at least one argument', span);
    }
    if (expr.name === 'can') {
      const argument = expr.args[0];
      if (!argument) return errorValue('can() needs one argument', span);
      const value = this.evaluate(argument, env);
      if (isError(value)) return known(false, span);
      return isWhollyKnown(value) || value.kind === 'reference' ? known(true, span) : unknownFrom([value], 'can() of a value that is not known', span);
    }
    let args = expr.args.map((argument) => this.evaluate(argument, env));
    if (expr.expandFinal) {
      const last = args[args.length - 1];
      if (!last) return errorValue('nothing to expand', span);
      if (last.kind !== 'list' || last.open) return unknownFrom([last], 'the expanded argument is not a known list', span);
      args = [...args.slice(0, -1), ...last.items];
    }
    return callFunction(expr.name, args, span);
  }

  private unary(expr: Extract<Expr, { kind: 'unary' }>, env: Env): Value {
    const span = this.span(expr);
    const operand = this.evaluate(expr.operand, env);
    if (expr.operator === '-') {
      const number = numberOf(operand);
      if (number !== undefined) return known(-number, span);
    } else {
      const bool = boolOf(operand);
      if (bool !== undefined) return known(!bool, span);
    }
    if (operand.kind === 'known') return errorValue(`${expr.operator} cannot apply to ${String(operand.value)}`, span);
    return unknownFrom([operand], 'the operand is not known', span);
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>, env: Env): Value {
    const span = this.span(expr);
    const left = this.evaluate(expr.left, env);
    const right = this.evaluate(expr.right, env);
    const operator = expr.operator;
    if (operator === '==' || operator === '!=') {
      if (!isWhollyKnown(left) || !isWhollyKnown(right)) return unknownFrom([left, right], 'an operand is not known', span);
      const equal = sameValue(left, right);
      return known(operator === '==' ? equal : !equal, span);
    }
    if (operator === '&&' || operator === '||') {
      const a = boolOf(left);
      const b = boolOf(right);
      if (a === undefined || b === undefined) {
        if ((left.kind === 'known' && a === undefined) || (right.kind === 'known' && b === undefined)) return errorValue(`${operator} needs booleans`, span);
        return unknownFrom([left, right], 'an operand is not known', span);
      }
      return known(operator === '&&' ? a && b : a || b, span);
    }
    const a = numberOf(left);
    const b = numberOf(right);
    if (a === undefined || b === undefined) {
      if ((left.kind === 'known' && a === undefined) || (right.kind === 'known' && b === undefined)) return errorValue(`${operator} needs numbers`, span);
      return unknownFrom([left, right], 'an operand is not known', span);
    }
    switch (operator) {
      case '+':
        return known(a + b, span);
      case '-':
        return known(a - b, span);
      case '*':
        return known(a * b, span);
      case '/':
        return b === 0 ? errorValue('division by zero', span) : known(a / b, span);
      case '%':
        return b === 0 ? errorValue('modulo by zero', span) : known(a % b, span);
      case '>':
        return known(a > b, span);
      case '>=':
        return known(a >= b, span);
      case '<':
        return known(a < b, span);
      case '<=':
        return known(a <= b, span);
    }
  }

  /** Key/value pairs of a known collection, maps in lexical key order as Terraform iterates them. */
  entries(collection: Value): Array<[Value, Value]> | undefined {
    if (collection.kind === 'list') {
      if (collection.open) return undefined;
      return collection.items.map((item, index) => [isSet(collection) ? item : known(index, item.span), item]);
    }
    if (collection.kind === 'object') {
      if (collection.open) return undefined;
      return [...collection.properties]
        .sort((a, b) => (a.sourceName < b.sourceName ? -1 : a.sourceName > b.sourceName ? 1 : 0))
        .map((entry) => [known(entry.sourceName, entry.keySpan), entry.value]);
    }
    return undefined;
  }

  private forExpr(expr: Extract<Expr, { kind: 'for' }>, env: Env): Value {
    const span = this.span(expr);
    const collection = this.evaluate(expr.collection, env);
    if (collection.kind === 'known' && collection.value === null) return errorValue('a for expression over null', span);
    const entries = this.entries(collection);
    if (!entries) {
      if (collection.kind === 'known') return errorValue('a for expression needs a collection', span);
      return unknownFrom([collection], 'a for expression over a collection that is not known', span);
    }
    const items: Value[] = [];
    const properties: Property[] = [];
    const groups = new Map<string, { keySpan: Span; items: Value[] }>();
    for (const [key, item] of entries) {
      if (!this.host.charge()) return unknown('limit', 'the evaluation budget of this module is spent', span);
      const vars = new Map<string, Value>([[expr.valueVar, item]]);
      if (expr.keyVar) vars.set(expr.keyVar, key);
      const inner = env.with(vars);
      if (expr.condition) {
        const condition = this.evaluate(expr.condition, inner);
        const keep = boolOf(condition);
        if (keep === undefined) return unknownFrom([condition], 'a for condition is not known', span);
        if (!keep) continue;
      }
      if (!expr.key) {
        items.push(this.evaluate(expr.value, inner));
        continue;
      }
      const keyValue = this.evaluate(expr.key, inner);
      const name = stringOf(keyValue);
      if (name === undefined) return unknownFrom([keyValue], 'a for expression key is not known', span);
      const value = this.evaluate(expr.value, inner);
      if (expr.grouping) {
        const group = groups.get(name);
        if (group) group.items.push(value);
        else groups.set(name, { keySpan: keyValue.span, items: [value] });
      } else {
        if (properties.some((entry) => entry.sourceName === name)) return errorValue(`duplicate key ${JSON.stringify(name)} in a for expression`, span);
        properties.push(property(name, keyValue.span, value));
      }
    }
    if (!expr.key) return list(items, span);
    if (expr.grouping) for (const [name, group] of groups) properties.push(property(name, group.keySpan, list(group.items, span)));
    return object(properties, span);
  }
}

