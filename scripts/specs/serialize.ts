/**
 * Deterministic, diff-friendly JSON for a `ServiceSpecFile`: two-space indentation, record keys
 * sorted, one member (one enum, one attribute list) per line.
 */
import type { MemberSpec, ResourceSpec, ServiceSpecFile, ShapeSpec } from '../../src/specs/types.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function serialize(file: ServiceSpecFile): string {
  const lines: string[] = ['{'];
  const top: Array<[string, string[]]> = [
    ['$comment', [JSON.stringify(file.$comment)]],
    ['generator', [JSON.stringify(file.generator)]],
    ['inputs', record(file.inputs, (value) => [JSON.stringify(value)])],
    ['service', [JSON.stringify(file.service)]],
    ['resources', record(file.resources, resource)],
    ['cloudFormationTypes', [compact(file.cloudFormationTypes)]],
    ['enums', record(file.enums, (values) => [compact(values)])],
  ];
  lines.push(...fields(top, '  '));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function resource(spec: ResourceSpec): string[] {
  const entries: Array<[string, string[]]> = [
    ['type', [JSON.stringify(spec.type)]],
    ['cloudFormation', [JSON.stringify(spec.cloudFormation)]],
  ];
  if (spec.documentation !== undefined) entries.push(['documentation', [JSON.stringify(spec.documentation)]]);
  if (spec.sdkPackage !== undefined) entries.push(['sdkPackage', [JSON.stringify(spec.sdkPackage)]]);
  if (spec.sdkShape !== undefined) entries.push(['sdkShape', [JSON.stringify(spec.sdkShape)]]);
  entries.push(['properties', record(spec.properties, memberLine)]);
  entries.push(['attributes', [compact(spec.attributes)]]);
  entries.push(['shapes', record(spec.shapes, shape)]);
  return object(entries);
}

function shape(spec: ShapeSpec): string[] {
  const entries: Array<[string, string[]]> = [];
  if (spec.sdkShape !== undefined) entries.push(['sdkShape', [JSON.stringify(spec.sdkShape)]]);
  entries.push(['members', record(spec.members, memberLine)]);
  return object(entries);
}

/** A member on one line, fields in the order of `MemberSpec`. */
function memberLine(member: MemberSpec): string[] {
  const text: Record<string, unknown> = { name: member.name, type: member.type };
  if (member.required) text.required = true;
  if (member.enum !== undefined) text.enum = member.enum;
  text.origin = member.origin;
  return [compact(text)];
}

/** `{"a": 1, "b": [2]}`: JSON on one line with a space after separators. */
function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${compact(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** Lines of a record with sorted keys; each value is rendered by `render` as one or more lines. */
function record<T>(value: Record<string, T>, render: (item: T) => string[]): string[] {
  const keys = Object.keys(value).sort(compare);
  if (keys.length === 0) return ['{}'];
  return object(keys.map((key) => [key, render(value[key]!)]));
}

function object(entries: Array<[string, string[]]>): string[] {
  if (entries.length === 0) return ['{}'];
  return ['{', ...fields(entries, '  '), '}'];
}

/** `"key": value,` lines, the value's continuation lines indented. */
function fields(entries: Array<[string, string[]]>, indent: string): string[] {
  const lines: string[] = [];
  entries.forEach(([key, valueLines], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    const [first, ...rest] = valueLines;
    if (rest.length === 0) {
      lines.push(`${indent}${JSON.stringify(key)}: ${first}${comma}`);
      return;
    }
    lines.push(`${indent}${JSON.stringify(key)}: ${first}`);
    rest.forEach((line, i) => lines.push(`${indent}${line}${i === rest.length - 1 ? comma : ''}`));
  });
  return lines;
}
