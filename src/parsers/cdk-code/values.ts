import type { TSESTree } from '@typescript-eslint/utils';
import { toCanonicalName } from '../../graph/names.js';
import type { Resource } from '../../graph/resource.js';
import type { Span } from '../../graph/source.js';
import type { ListValue, ObjectValue, Property, Scalar, UnknownReason, Value } from '../../graph/value.js';
import { findVariable } from './modules.js';
import { isNode, nodeSpan, staticKeyName, unwrapExpression, type ScopeLike } from './scopes.js';

/** A member whose value is `undefined` is not set (CDK drops it), unlike an unknown value. */
export const ABSENT = Symbol('absent');
export type ReadResult = Value | typeof ABSENT;

/** Beyond this many nodes a value (as rules walk it, shared parts counted each time) is unknown. */
const MAX_VALUE_SIZE = 20_000;
/** Expressions nested deeper than this are unknown (a hostile input must not overflow the stack). */
const MAX_DEPTH = 150;

export interface ValueReaderContext {
  file: string;
  text: string;
  scopeOf(node: TSESTree.Node): ScopeLike;
  /** The resource a construct expression creates: a `new` expression, `this.channel`. */
  constructOf(node: TSESTree.Node): Resource | undefined;
}

/**
 * Reads the expressions of a CDK props object into the value tree, statically: literals, template
 * literals, object and array literals, `as const` and other type-only wrappers, unary minus,
 * arithmetic and string concatenation of known parts, conditionals on known tests, members of known
 * objects, and identifiers bound to `const` initialisers in the file. Anything else (function calls,
 * parameters, `let`, loop variables, imports, spreads) is unknown, so it never produces a finding.
 * `x.ref` and `x.attrArn` of an L1 construct of the file are references to that resource.
 *
 * A value read through a name (`profile: level`) points at the name where it is used; its members
 * keep the places they are written.
 */
export class ValueReader {
  /** String literals read as values, by start offset: where the ESLint plugin may offer a fix. */
  readonly literals = new Map<number, TSESTree.StringLiteral>();
  private readonly initialisers = new Map<TSESTree.Node, ReadResult>();
  private readonly reading = new Set<TSESTree.Node>();
  private readonly sizes = new WeakMap<Value, number>();
  private depth = 0;

  constructor(private readonly context: ValueReaderContext) {}

  span(node: TSESTree.Node): Span {
    return nodeSpan(this.context.file, node);
  }

  read(node: TSESTree.Node): ReadResult {
    if (this.depth >= MAX_DEPTH) return this.unknown('limit', 'the expression is nested too deeply to read', node);
    this.depth++;
    try {
      return this.readNode(node);
    } finally {
      this.depth--;
    }
  }

  /** How many value nodes rules visit below (and including) this one. */
  size(value: Value): number {
    return this.sizes.get(value) ?? 1;
  }

  private readNode(node: TSESTree.Node): ReadResult {
    const inner = unwrapExpression(node);
    if (inner !== node) return this.read(inner);
    if (isNode(node, 'Literal')) return this.literal(node);
    if (isNode(node, 'TemplateLiteral')) return this.template(node);
    if (isNode(node, 'ObjectExpression')) return this.object(node);
    if (isNode(node, 'ArrayExpression')) return this.array(node);
    if (isNode(node, 'Identifier')) return this.identifier(node);
    if (isNode(node, 'MemberExpression')) return this.member(node);
    if (isNode(node, 'UnaryExpression')) return this.unary(node);
    if (isNode(node, 'BinaryExpression')) return this.binary(node);
    if (isNode(node, 'LogicalExpression')) return this.logical(node);
    if (isNode(node, 'ConditionalExpression')) return this.conditional(node);
    if (isNode(node, 'CallExpression') || isNode(node, 'TaggedTemplateExpression') || isNode(node, 'NewExpression')) {
      return this.unknown('unsupported', `the result of ${this.describeCall(node)} is only known when the app runs`, node);
    }
    if (isNode(node, 'ArrowFunctionExpression') || isNode(node, 'FunctionExpression')) return this.unknown('unsupported', 'a function', node);
    return this.unknown('unsupported', `a ${node.type} expression is not read`, node);
  }

  private literal(node: TSESTree.Literal): ReadResult {
    const value = node.value;
    if (typeof value === 'string') this.literals.set(node.range[0], node as TSESTree.StringLiteral);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return this.known(value, node);
    return this.unknown('unsupported', 'a regular expression or bigint literal', node);
  }

  private template(node: TSESTree.TemplateLiteral): ReadResult {
    const parts: Array<string | Value> = [];
    for (let index = 0; index < node.quasis.length; index++) {
      const cooked = node.quasis[index]!.value.cooked;
      if (cooked === null) return this.unknown('unsupported', 'a template with an invalid escape', node);
      if (cooked !== '') parts.push(cooked);
      const expression = node.expressions[index];
      if (expression === undefined) continue;
      const value = this.read(expression);
      if (value === ABSENT) parts.push('undefined');
      else if (value.kind === 'known') parts.push(String(value.value));
      else if (value.kind === 'template') parts.push(...value.parts);
      else parts.push(value);
    }
    return this.joined(parts, node);
  }

  /** A string from parts: known when every part is. */
  private joined(parts: Array<string | Value>, node: TSESTree.Node): Value {
    const merged: Array<string | Value> = [];
    for (const part of parts) {
      const last = merged[merged.length - 1];
      if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
      else merged.push(part);
    }
    if (merged.every((part) => typeof part === 'string')) return this.known(merged.join(''), node);
    return { kind: 'template', parts: merged, span: this.span(node) };
  }

  private object(node: TSESTree.ObjectExpression): Value {
    let properties: Property[] = [];
    let open = false;
    let size = 1;
    for (const member of node.properties) {
      if (isNode(member, 'SpreadElement')) {
        // The spread may set any key, and override those written before it.
        open = true;
        properties = [];
        continue;
      }
      const name = this.propertyName(member);
      if (name === undefined) {
        open = true;
        continue;
      }
      const value = member.kind === 'init' && !member.method ? this.read(member.value) : this.unknown('unsupported', 'an accessor or method', member);
      properties = properties.filter((property) => property.sourceName !== name);
      if (value === ABSENT) continue;
      size += this.size(value);
      properties.push({ name: toCanonicalName(name), sourceName: name, keySpan: this.span(member.key), value });
    }
    const object: ObjectValue = { kind: 'object', properties, span: this.span(node) };
    if (open) object.open = true;
    return this.sized(object, size, node);
  }

  private propertyName(member: TSESTree.Property): string | undefined {
    const name = staticKeyName(member.key, member.computed);
    if (name !== undefined || !member.computed) return name;
    const key = this.read(member.key);
    return key !== ABSENT && key.kind === 'known' && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
  }

  private array(node: TSESTree.ArrayExpression): Value {
    const items: Value[] = [];
    let size = 1;
    let open = false;
    for (const element of node.elements) {
      if (element === null) {
        items.push(this.unknown('unsupported', 'an empty array slot', node));
        continue;
      }
      if (isNode(element, 'SpreadElement')) {
        // Items after a spread are at positions that are not known.
        open = true;
        break;
      }
      const value = this.read(element);
      const item = value === ABSENT ? this.unknown('unsupported', 'undefined in an array', element) : value;
      size += this.size(item);
      items.push(item);
    }
    const list: ListValue = { kind: 'list', items, span: this.span(node) };
    if (open) list.open = true;
    return this.sized(list, size, node);
  }

  private identifier(node: TSESTree.Identifier): ReadResult {
    const variable = findVariable(this.context.scopeOf(node), node.name);
    // Globals have no declaration in the file (typescript-eslint declares the lib's globals, without one).
    if (!variable || variable.defs.length === 0) {
      if (node.name === 'undefined') return ABSENT;
      return this.unknown('unsupported', `${node.name} is not declared in this file`, node);
    }
    const definition = variable.defs.length === 1 ? variable.defs[0]! : undefined;
    if (!definition) return this.unknown('variable', `${node.name} is declared more than once`, node);
    switch (definition.type) {
      case 'Parameter':
        return this.unknown('parameter', `${node.name} is a parameter`, node);
      case 'ImportBinding':
        return this.unknown('import', `${node.name} is imported from another module`, node);
      case 'Variable':
        break;
      default:
        return this.unknown('unsupported', `${node.name} is not a constant`, node);
    }
    const declarator = definition.node;
    const declaration = definition.parent;
    if (!isNode(declarator, 'VariableDeclarator') || !isNode(declaration, 'VariableDeclaration')) return this.unknown('variable', `${node.name} is not a constant`, node);
    if (declaration.kind !== 'const') return this.unknown('variable', `${node.name} is declared with ${declaration.kind}, so it may change`, node);
    if (!declarator.init || !isNode(declarator.id, 'Identifier')) return this.unknown('variable', `${node.name} is bound by a loop or a destructuring`, node);
    return this.atUse(this.initialiser(declarator.init, node.name), node);
  }

  /** A `const` initialiser, read once however many times it is used. */
  private initialiser(init: TSESTree.Expression, name: string): ReadResult {
    const cached = this.initialisers.get(init);
    if (cached !== undefined) return cached;
    if (this.reading.has(init)) return this.unknown('unsupported', `${name} refers to itself`, init);
    this.reading.add(init);
    try {
      const value = this.read(init);
      this.initialisers.set(init, value);
      return value;
    } finally {
      this.reading.delete(init);
    }
  }

  /** The value read through a name, placed where the name is used (its members stay where they are written). */
  private atUse(value: ReadResult, node: TSESTree.Node): ReadResult {
    if (value === ABSENT) return ABSENT;
    const moved = { ...value, span: this.span(node) } as Value;
    const size = this.sizes.get(value);
    if (size !== undefined) this.sizes.set(moved, size);
    return moved;
  }

  private member(node: TSESTree.MemberExpression): ReadResult {
    const name = staticKeyName(node.property, node.computed) ?? (node.computed ? this.computedKey(node.property) : undefined);
    const construct = this.context.constructOf(unwrapExpression(node.object));
    if (construct) return this.constructAttribute(construct, name, node);
    if (name === undefined) return this.unknown('unsupported', 'a member whose name is not known', node);
    const object = this.read(node.object);
    if (object === ABSENT) return this.unknown('unsupported', 'a member of undefined', node);
    if (object.kind === 'object') {
      const property = object.properties.find((candidate) => candidate.sourceName === name);
      if (property) return this.atUse(property.value, node);
      return object.open ? this.unknown('unsupported', `${name} may be set by a spread`, node) : ABSENT;
    }
    if (object.kind === 'list') {
      if (name === 'length' && !object.open) return this.known(object.items.length, node);
      const index = /^\d+$/.test(name) ? Number(name) : undefined;
      const item = index === undefined ? undefined : object.items[index];
      if (item) return this.atUse(item, node);
      return index !== undefined && !object.open ? ABSENT : this.unknown('unsupported', `${name} of a list`, node);
    }
    if (object.kind === 'known' && typeof object.value === 'string' && name === 'length') return this.known(object.value.length, node);
    if (object.kind === 'unknown') return this.unknown(object.reason, object.detail, node);
    return this.unknown('computed-attribute', `${this.text(node)} is only known when the app runs`, node);
  }

  private computedKey(node: TSESTree.Node): string | undefined {
    const key = this.read(node);
    return key !== ABSENT && key.kind === 'known' && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
  }

  /** `input.ref` (the CloudFormation Ref), `channel.attrArn` (Fn::GetAtt Arn). */
  private constructAttribute(construct: Resource, name: string | undefined, node: TSESTree.MemberExpression): Value {
    const expression = this.text(node);
    const span = this.span(node);
    if (name === 'ref') return { kind: 'reference', target: construct.address, expression, span };
    if (name !== undefined && /^attr[A-Z]/.test(name)) return { kind: 'reference', target: construct.address, attribute: name.slice(4), expression, span };
    return this.unknown('computed-attribute', `${expression} is only known when the app runs`, node);
  }

  private unary(node: TSESTree.UnaryExpression): ReadResult {
    if (node.operator === 'void') return ABSENT;
    const operand = this.read(node.argument);
    const value = operand !== ABSENT && operand.kind === 'known' ? operand.value : undefined;
    if (node.operator === '-' && typeof value === 'number') return this.known(-value, node);
    if (node.operator === '+' && typeof value === 'number') return this.known(value, node);
    if (node.operator === '!' && typeof value === 'boolean') return this.known(!value, node);
    return this.unknown('unsupported', `${node.operator} of a value that is not known`, node);
  }

  private binary(node: TSESTree.BinaryExpression): ReadResult {
    if (isNode(node.left, 'PrivateIdentifier')) return this.unknown('unsupported', 'a private name test', node);
    const left = this.read(node.left);
    const right = this.read(node.right);
    const leftValue = left !== ABSENT && left.kind === 'known' ? left.value : undefined;
    const rightValue = right !== ABSENT && right.kind === 'known' ? right.value : undefined;
    if (typeof leftValue === 'number' && typeof rightValue === 'number') {
      const result = arithmetic(node.operator, leftValue, rightValue);
      if (result !== undefined) return this.known(result, node);
    }
    if (left !== ABSENT && left.kind === 'known' && right !== ABSENT && right.kind === 'known') {
      const result = comparison(node.operator, left.value, right.value);
      if (result !== undefined) return this.known(result, node);
    }
    if (node.operator === '+' && (isStringLike(left) || isStringLike(right)) && left !== ABSENT && right !== ABSENT) {
      return this.joined([...stringParts(left), ...stringParts(right)], node);
    }
    return this.unknown('unsupported', `${node.operator} of values that are not both known`, node);
  }

  private logical(node: TSESTree.LogicalExpression): ReadResult {
    const left = this.read(node.left);
    const truthiness = this.truthiness(left);
    if (truthiness === undefined) return this.unknown('condition', `the value of ${this.text(node.left)} is not known`, node);
    const useLeft = node.operator === '??' ? !truthiness.nullish : node.operator === '||' ? truthiness.truthy : !truthiness.truthy;
    return useLeft ? left : this.read(node.right);
  }

  private conditional(node: TSESTree.ConditionalExpression): ReadResult {
    const truthiness = this.truthiness(this.read(node.test));
    if (truthiness === undefined) return this.unknown('condition', `the condition ${this.text(node.test)} is not known`, node);
    return this.read(truthiness.truthy ? node.consequent : node.alternate);
  }

  /** JavaScript truthiness of a value, when it is known. */
  private truthiness(value: ReadResult): { truthy: boolean; nullish: boolean } | undefined {
    if (value === ABSENT) return { truthy: false, nullish: true };
    if (value.kind === 'object' || value.kind === 'list') return { truthy: true, nullish: false };
    if (value.kind !== 'known') return undefined;
    return { truthy: Boolean(value.value), nullish: value.value === null };
  }

  private sized(value: Value, size: number, node: TSESTree.Node): Value {
    if (size > MAX_VALUE_SIZE) return this.unknown('limit', `the value has more than ${MAX_VALUE_SIZE} parts`, node);
    this.sizes.set(value, size);
    return value;
  }

  private known(value: Scalar, node: TSESTree.Node): Value {
    return { kind: 'known', value, span: this.span(node) };
  }

  private unknown(reason: UnknownReason, detail: string, node: TSESTree.Node): Value {
    return { kind: 'unknown', reason, detail, span: this.span(node) };
  }

  private text(node: TSESTree.Node): string {
    const text = this.context.text.slice(node.range[0], node.range[1]);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }

  private describeCall(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression | TSESTree.NewExpression): string {
    const callee = isNode(node, 'TaggedTemplateExpression') ? node.tag : node.callee;
    return `${isNode(node, 'NewExpression') ? 'new ' : ''}${this.text(callee)}(…)`;
  }
}

function arithmetic(operator: string, left: number, right: number): number | undefined {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    case '%':
      return left % right;
    case '**':
      return left ** right;
    default:
      return undefined;
  }
}

/** Comparisons of known scalars (`kind === 'hd' ? … : …`). */
function comparison(operator: string, left: Scalar, right: Scalar): boolean | undefined {
  switch (operator) {
    case '===':
      return left === right;
    case '!==':
      return left !== right;
    case '==':
      // eslint-disable-next-line eqeqeq -- JavaScript's loose equality is what the app computes
      return left == right;
    case '!=':
      // eslint-disable-next-line eqeqeq
      return left != right;
  }
  if (left === null || right === null || typeof left === 'boolean' || typeof right === 'boolean') return undefined;
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return undefined;
  }
}

function isStringLike(value: ReadResult): boolean {
  return value !== ABSENT && ((value.kind === 'known' && typeof value.value === 'string') || value.kind === 'template');
}

function stringParts(value: Value): Array<string | Value> {
  if (value.kind === 'known') return [String(value.value)];
  if (value.kind === 'template') return value.parts;
  return [value];
}
