import { toCanonicalName } from '../../graph/names.js';
import type { Span } from '../../graph/source.js';
import type { KnownValue, ListValue, ObjectValue, Property, Scalar, UnknownReason, UnknownValue, Value } from '../../graph/value.js';

/**
 * Helpers to build and read graph values while evaluating HCL. Evaluation works on the graph's
 * own value tree: a value read from a variable or a local is the very literal that holds it (its
 * span points there), with the places that used it in `via`.
 */

export function known(value: Scalar, span: Span): KnownValue {
  return { kind: 'known', value, span };
}

export function list(items: Value[], span: Span, open = false): ListValue {
  const result: ListValue = { kind: 'list', items, span };
  if (open) result.open = true;
  return result;
}

export function property(key: string, keySpan: Span, value: Value): Property {
  return { name: toCanonicalName(key), sourceName: key, keySpan, value };
}

export function object(properties: Property[], span: Span, open = false): ObjectValue {
  const result: ObjectValue = { kind: 'object', properties, span };
  if (open) result.open = true;
  return result;
}

export function unknown(reason: UnknownReason, detail: string, span: Span): UnknownValue {
  return { kind: 'unknown', reason, detail, span };
}

/** Unknown values that stand for an evaluation error (a missing key, a type mismatch): `try`
 * moves past them, where it must stop at a value that is merely not known yet. */
const errors = new WeakSet<Value>();

export function errorValue(detail: string, span: Span): UnknownValue {
  const value = unknown('unsupported', detail, span);
  errors.add(value);
  return value;
}

export function isError(value: Value): boolean {
  return errors.has(value);
}

/** Sets (from `toset`, `for_each` over a set) are lists marked here. */
const sets = new WeakSet<Value>();

export function markSet<T extends Value>(value: T): T {
  sets.add(value);
  return value;
}

export function isSet(value: Value): boolean {
  return sets.has(value);
}

/** True when nothing in the value is unknown, a reference or a partially known string. */
export function isWhollyKnown(value: Value): boolean {
  switch (value.kind) {
    case 'known':
      return true;
    case 'object':
      return !value.open && value.properties.every((entry) => isWhollyKnown(entry.value));
    case 'list':
      return !value.open && value.items.every(isWhollyKnown);
    default:
      return false;
  }
}

/** An unknown value standing for a result that depends on `operands`: the reason of the first
 * operand that is not known (a variable without value stays a `variable` reason). */
export function unknownFrom(operands: readonly Value[], detail: string, span: Span): UnknownValue {
  for (const operand of operands) {
    if (operand.kind === 'unknown') {
      const result = unknown(operand.reason, operand.detail, span);
      if (isError(operand)) errors.add(result);
      return result;
    }
  }
  for (const operand of operands) {
    if (operand.kind === 'reference') return unknown('computed-attribute', `${operand.expression} is known only after apply`, span);
    if (operand.kind === 'template') {
      const inner = operand.parts.find((part): part is Value => typeof part !== 'string' && part.kind !== 'known');
      if (inner) return unknownFrom([inner], detail, span);
    }
    if ((operand.kind === 'list' || operand.kind === 'object') && !isWhollyKnown(operand)) {
      const inner = operand.kind === 'list' ? operand.items : operand.properties.map((entry) => entry.value);
      const found = inner.find((item) => !isWhollyKnown(item));
      if (found) return unknownFrom([found], detail, span);
      return unknown('unsupported', detail, span);
    }
  }
  return unknown('unsupported', detail, span);
}

/** Values larger than this get `via` on their top only: copying them for every use would cost
 * more than the related locations are worth. */
const DEEP_VIA_LIMIT = 256;

function isSmall(value: Value, budget = { left: DEEP_VIA_LIMIT }): boolean {
  if (--budget.left < 0) return false;
  if (value.kind === 'object') return value.properties.every((entry) => isSmall(entry.value, budget));
  if (value.kind === 'list') return value.items.every((item) => isSmall(item, budget));
  if (value.kind === 'template') return value.parts.every((part) => typeof part === 'string' || isSmall(part, budget));
  return true;
}

/** The value with `use` added to `via`, on it and on everything inside it, so a finding anywhere
 * in a variable's default lists where the variable was used. */
export function withVia(value: Value, use: Span): Value {
  if ((value.kind === 'object' || value.kind === 'list') && !isSmall(value)) {
    const shallow = { ...value, via: value.via ? [...value.via, use] : [use] };
    if (sets.has(value)) sets.add(shallow);
    return shallow;
  }
  return deepVia(value, use);
}

function deepVia(value: Value, use: Span): Value {
  const via = value.via ? [...value.via, use] : [use];
  switch (value.kind) {
    case 'object':
      return { ...value, via, properties: value.properties.map((entry) => ({ ...entry, value: deepVia(entry.value, use) })) };
    case 'list': {
      const result: ListValue = { ...value, via, items: value.items.map((item) => deepVia(item, use)) };
      if (sets.has(value)) sets.add(result);
      return result;
    }
    case 'template':
      return { ...value, via, parts: value.parts.map((part) => (typeof part === 'string' ? part : deepVia(part, use))) };
    default: {
      const result = { ...value, via };
      if (errors.has(value)) errors.add(result);
      return result;
    }
  }
}

/** The same value placed at another span (values without a place of their own: `count.index`,
 * `--var` values from the command line). */
export function respan(value: Value, span: Span): Value {
  switch (value.kind) {
    case 'object':
      return { ...value, span, properties: value.properties.map((entry) => ({ ...entry, keySpan: span, value: respan(entry.value, span) })) };
    case 'list': {
      const result: ListValue = { ...value, span, items: value.items.map((item) => respan(item, span)) };
      if (sets.has(value)) sets.add(result);
      return result;
    }
    default:
      return { ...value, span };
  }
}

/** A plain JSON-like value as a value tree, every part at `span`. */
export function fromPlain(plain: unknown, span: Span): Value {
  if (plain === null || typeof plain === 'string' || typeof plain === 'number' || typeof plain === 'boolean') return known(plain, span);
  if (Array.isArray(plain)) return list(plain.map((item) => fromPlain(item, span)), span);
  if (typeof plain === 'object') {
    return object(
      Object.entries(plain as Record<string, unknown>).map(([key, item]) => property(key, span, fromPlain(item, span))),
      span,
    );
  }
  return unknown('unsupported', 'value of an unsupported type', span);
}

/** HCL's string conversion of a known primitive. */
export function stringOf(value: Value): string | undefined {
  if (value.kind !== 'known' || value.value === null) return undefined;
  if (typeof value.value === 'string') return value.value;
  if (typeof value.value === 'number') return formatNumber(value.value);
  return value.value ? 'true' : 'false';
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** HCL's number conversion of a known primitive (`"5"` is 5). */
export function numberOf(value: Value): number | undefined {
  if (value.kind !== 'known') return undefined;
  if (typeof value.value === 'number') return value.value;
  if (typeof value.value === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(value.value)) return Number(value.value);
  return undefined;
}

export function boolOf(value: Value): boolean | undefined {
  if (value.kind !== 'known') return undefined;
  if (typeof value.value === 'boolean') return value.value;
  if (value.value === 'true') return true;
  if (value.value === 'false') return false;
  return undefined;
}

/** A member of an object by its key as written. */
export function member(value: ObjectValue, key: string): Property | undefined {
  for (let index = value.properties.length - 1; index >= 0; index--) {
    const entry = value.properties[index]!;
    if (entry.sourceName === key) return entry;
  }
  return undefined;
}

/** Plain JavaScript for a wholly known value (null stays null). */
export function plainOf(value: Value): unknown {
  switch (value.kind) {
    case 'known':
      return value.value;
    case 'list':
      return value.items.map(plainOf);
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const entry of value.properties) result[entry.sourceName] = plainOf(entry.value);
      return result;
    }
    default:
      return undefined;
  }
}

/** Deep equality of two wholly known values, HCL style (`1 != "1"`). */
export function sameValue(a: Value, b: Value): boolean {
  return JSON.stringify(sortedPlain(plainOf(a))) === JSON.stringify(sortedPlain(plainOf(b)));
}

function sortedPlain(plain: unknown): unknown {
  if (Array.isArray(plain)) return plain.map(sortedPlain);
  if (plain !== null && typeof plain === 'object') {
    return Object.fromEntries(
      Object.entries(plain as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, sortedPlain(item)]),
    );
  }
  return plain;
}

/** `"key"` for instance keys and messages. */
export function quoteKey(key: string | number): string {
  return typeof key === 'number' ? String(key) : JSON.stringify(key);
}
