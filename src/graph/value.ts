import type { Span } from './source.js';

/**
 * The value tree every front-end produces. Leaves are known literals, unknown values (with the reason
 * the tool could not resolve them), references to another resource, or partially known strings.
 * Rules must never raise a finding on an unknown value: the helpers in `cursor.ts` return `undefined`
 * for anything that is not known.
 */
export type Value = KnownValue | ObjectValue | ListValue | UnknownValue | ReferenceValue | TemplateValue;

export type Scalar = string | number | boolean | null;

interface ValueBase {
  /** Where the value is written. For a value that came from elsewhere (a parameter default, a
   * variable), this is the literal itself; `via` lists the places that used it. */
  span: Span;
  via?: Span[];
}

export interface KnownValue extends ValueBase {
  kind: 'known';
  value: Scalar;
}

export interface Property {
  /** Canonical (snake_case) name. */
  name: string;
  /** The name as written in the source (PascalCase, camelCase or snake_case). */
  sourceName: string;
  keySpan: Span;
  value: Value;
}

export interface ObjectValue extends ValueBase {
  kind: 'object';
  properties: Property[];
  /** True when the object may hold keys the tool could not see (a merge with an unknown value,
   * a dynamic block over an unknown collection). Rules must not conclude that a key is absent. */
  open?: boolean;
}

export interface ListValue extends ValueBase {
  kind: 'list';
  items: Value[];
  /** True when the list may hold items the tool could not see. */
  open?: boolean;
}

export type UnknownReason =
  | 'parameter'
  | 'pseudo-parameter'
  | 'intrinsic'
  | 'condition'
  | 'import'
  | 'computed-attribute'
  | 'variable'
  | 'data-source'
  | 'unsupported'
  | 'limit';

export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  reason: UnknownReason;
  /** Human-readable detail, e.g. "parameter Bitrate has no default". */
  detail: string;
}

export interface ReferenceValue extends ValueBase {
  kind: 'reference';
  /** The referenced resource's address in its scope (CloudFormation logical id, Terraform
   * `aws_medialive_input.main`, Pangea `aws_medialive_input.main`). */
  target: string;
  /** The attribute read (`Arn`, `id`); undefined for a plain CloudFormation `Ref`. */
  attribute?: string;
  /** The reference as written, for messages (`!GetAtt Input.Arn`, `aws_medialive_input.main.id`). */
  expression: string;
}

/** A string of which only some parts are known, such as `Fn::Sub` or a Terraform template with a
 * variable. Known parts are strings; the others are values. */
export interface TemplateValue extends ValueBase {
  kind: 'template';
  parts: Array<string | Value>;
}

export function knownValue(value: Scalar, span: Span): KnownValue {
  return { kind: 'known', value, span };
}

export function unknownValue(reason: UnknownReason, detail: string, span: Span): UnknownValue {
  return { kind: 'unknown', reason, detail, span };
}

/** The property of an object with the given canonical name. */
export function getProperty(object: ObjectValue, name: string): Property | undefined {
  for (const property of object.properties) if (property.name === name) return property;
  return undefined;
}

/** A known number, or a known string that is a plain decimal number (CloudFormation accepts
 * `"5000000"` for an integer property). */
export function asNumber(value: Value | undefined): number | undefined {
  if (value?.kind !== 'known') return undefined;
  if (typeof value.value === 'number') return value.value;
  if (typeof value.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value.value)) return Number(value.value);
  return undefined;
}

export function asString(value: Value | undefined): string | undefined {
  if (value?.kind !== 'known') return undefined;
  return typeof value.value === 'string' ? value.value : undefined;
}

export function asBoolean(value: Value | undefined): boolean | undefined {
  if (value?.kind !== 'known') return undefined;
  if (typeof value.value === 'boolean') return value.value;
  if (value.value === 'true') return true;
  if (value.value === 'false') return false;
  return undefined;
}

/** The known leading text of a string or partially known string (`rtmp://` of `rtmp://${Host}/app`). */
export function knownPrefix(value: Value | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'known') return typeof value.value === 'string' ? value.value : undefined;
  if (value.kind !== 'template') return undefined;
  let prefix = '';
  for (const part of value.parts) {
    if (typeof part === 'string') prefix += part;
    else if (part.kind === 'known' && part.value !== null) prefix += String(part.value);
    else break;
  }
  return prefix;
}

/** Converts a fully known value to plain JavaScript; `undefined` when any part is not known. */
export function toPlain(value: Value): unknown {
  switch (value.kind) {
    case 'known':
      return value.value;
    case 'object': {
      if (value.open) return undefined;
      const result: Record<string, unknown> = {};
      for (const property of value.properties) {
        const plain = toPlain(property.value);
        if (plain === undefined) return undefined;
        result[property.name] = plain;
      }
      return result;
    }
    case 'list': {
      if (value.open) return undefined;
      const items: unknown[] = [];
      for (const item of value.items) {
        const plain = toPlain(item);
        if (plain === undefined) return undefined;
        items.push(plain);
      }
      return items;
    }
    default:
      return undefined;
  }
}

/** Describes a value for messages: the literal, or what kind of value it is. */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case 'known':
      return typeof value.value === 'string' ? `"${value.value}"` : String(value.value);
    case 'object':
      return 'an object';
    case 'list':
      return 'a list';
    case 'reference':
      return `a reference (${value.expression})`;
    case 'template':
      return 'a partially known string';
    case 'unknown':
      return 'an unknown value';
  }
}
