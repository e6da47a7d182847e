import { toCanonicalName } from '../../graph/names.js';
import { LazySpan, type SourceText, type Span } from '../../graph/source.js';
import type { ListValue, ObjectValue, Property, ReferenceValue, UnknownReason, UnknownValue, Value } from '../../graph/value.js';
import { mapGet, type RawMap, type RawNode } from './raw.js';

/** The result of `Ref: AWS::NoValue`: the property or list item is removed, as CloudFormation does. */
export const REMOVED: unique symbol = Symbol('AWS::NoValue');
export type Converted = Value | typeof REMOVED;

export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const CONDITION_FUNCTIONS = new Set(['Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Condition']);
const NOT_EVALUATED = new Set(['Fn::GetAZs', 'Fn::Base64', 'Fn::Cidr', 'Fn::Length', 'Fn::ToJsonString', 'Fn::Transform']);

export interface ParameterInfo {
  name: string;
  /** `String`, `Number`, `CommaDelimitedList`, `List<Number>`, `AWS::SSM::Parameter::Value<String>`, … */
  type: string;
  keySpan: Span;
  default?: RawNode;
}

export interface TemplateContext {
  source: SourceText;
  parameters: ReadonlyMap<string, ParameterInfo>;
  mappings: RawMap | undefined;
}

interface Intrinsic {
  fn: string;
  arg: RawNode;
  /** Written with a YAML short-form tag (`!Ref X`) rather than as a mapping (`{"Ref": "X"}`). */
  short: boolean;
}

export function isListParameterType(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<');
}

export function isSsmParameterType(type: string): boolean {
  return type.startsWith('AWS::SSM::Parameter::Value<');
}

/** The intrinsic function a node calls, if any: a YAML short-form tag or a one-key `Ref` / `Fn::` mapping. */
export function intrinsicOf(node: RawNode): Intrinsic | undefined {
  if (node.tag !== undefined) {
    const name = node.tag.slice(1);
    const fn = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    const { tag: _tag, alias: _alias, ...arg } = node;
    return { fn, arg: arg as RawNode, short: true };
  }
  if (node.kind === 'map' && node.entries.length === 1) {
    const entry = node.entries[0]!;
    if (entry.key === 'Ref' || entry.key.startsWith('Fn::')) return { fn: entry.key, arg: entry.value, short: false };
  }
  return undefined;
}

/** A literal string written directly (not computed by an intrinsic). */
function literalString(node: RawNode | undefined): string | undefined {
  if (node === undefined || node.kind !== 'scalar' || node.tag !== undefined) return undefined;
  return typeof node.value === 'string' ? node.value : undefined;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Turns raw template nodes into graph values, evaluating the intrinsic functions whose result is
 * certain and making everything else `unknown` (or a `reference` / `template`), never a guess.
 */
export class ValueReader {
  constructor(private readonly context: TemplateContext) {}

  /** Spans are lazy: their lines and columns are computed only for the few that are shown. */
  span(start: number, end: number): Span {
    return new LazySpan(this.context.source, start, end);
  }

  nodeSpan(node: RawNode): Span {
    return new LazySpan(this.context.source, node.start, node.end);
  }

  read(node: RawNode): Converted {
    const intrinsic = intrinsicOf(node);
    let result: Converted;
    if (intrinsic) result = this.intrinsic(intrinsic, node);
    else if (node.kind === 'map') result = this.object(node);
    else if (node.kind === 'seq') result = this.list(node);
    else result = { kind: 'known', value: node.value, span: this.nodeSpan(node) };
    if (node.alias && result !== REMOVED) addVia(result, this.span(node.alias.start, node.alias.end), false);
    return result;
  }

  object(map: RawMap): ObjectValue {
    const properties: Property[] = [];
    for (const entry of map.entries) {
      const value = this.read(entry.value);
      if (value === REMOVED) continue;
      properties.push({
        name: toCanonicalName(entry.key),
        sourceName: entry.key,
        keySpan: this.span(entry.keyStart, entry.keyEnd),
        value,
      });
    }
    return { kind: 'object', properties, span: this.nodeSpan(map) };
  }

  list(node: RawNode & { kind: 'seq' }): ListValue {
    const items: Value[] = [];
    for (const item of node.items) {
      const value = this.read(item);
      if (value !== REMOVED) items.push(value);
    }
    return { kind: 'list', items, span: this.nodeSpan(node) };
  }

  /** What `Ref` / `${Name}` yields for a name: a parameter's default, a pseudo parameter, or a reference. */
  resolveName(name: string, use: Span, expression: string): Converted {
    if (name === 'AWS::NoValue') return REMOVED;
    if (PSEUDO_PARAMETERS.has(name)) return unknown('pseudo-parameter', `pseudo parameter ${name}`, use);
    const parameter = this.context.parameters.get(name);
    if (parameter) return this.parameterValue(parameter, use);
    const reference: ReferenceValue = { kind: 'reference', target: name, expression, span: use };
    return reference;
  }

  /** The value a parameter resolves to at a use site: its default (with `via` = the use), else unknown. */
  parameterValue(parameter: ParameterInfo, use: Span): Value {
    const { name, type } = parameter;
    if (isSsmParameterType(type)) {
      return unknown('parameter', `parameter ${name} is read from SSM Parameter Store`, use);
    }
    const raw = parameter.default;
    if (raw === undefined) return unknown('parameter', `parameter ${name} has no default`, use);
    if (raw.kind !== 'scalar' || raw.tag !== undefined || raw.value === null) {
      return unknown('parameter', `parameter ${name} has a default that is not a literal`, use);
    }
    const span = this.nodeSpan(raw);
    const text = String(raw.value);
    if (isListParameterType(type)) {
      const items: Value[] = text.split(',').map((item) => ({ kind: 'known', value: item.trim(), span, via: [use] }));
      return { kind: 'list', items, span, via: [use] };
    }
    if (type === 'Number') {
      const number = typeof raw.value === 'number' ? raw.value : /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : text;
      return { kind: 'known', value: number, span, via: [use] };
    }
    return { kind: 'known', value: text, span, via: [use] };
  }

  private intrinsic(intrinsic: Intrinsic, node: RawNode): Converted {
    const { fn, arg, short } = intrinsic;
    const span = this.nodeSpan(node);
    switch (fn) {
      case 'Ref': {
        const name = literalString(arg);
        if (name === undefined) return unknown('intrinsic', 'Ref needs the name of a parameter or resource', span);
        return this.resolveName(name, span, short ? `!Ref ${name}` : `{"Ref": ${quote(name)}}`);
      }
      case 'Fn::GetAtt':
        return this.getAtt(arg, span, short);
      case 'Fn::Sub':
        return this.sub(arg, span);
      case 'Fn::Join':
        return this.join(arg, span);
      case 'Fn::Select':
        return this.select(arg, span);
      case 'Fn::Split':
        return this.split(arg, span);
      case 'Fn::FindInMap':
        return this.findInMap(arg, span);
      case 'Fn::ImportValue': {
        const name = this.stringOf(arg);
        return unknown('import', name === undefined ? 'Fn::ImportValue of another stack' : `Fn::ImportValue of export ${quote(name)}`, span);
      }
      default:
        break;
    }
    if (CONDITION_FUNCTIONS.has(fn)) {
      const condition = fn === 'Fn::If' && arg.kind === 'seq' ? literalString(arg.items[0]) : undefined;
      const detail = condition === undefined ? `${fn} depends on a condition` : `Fn::If depends on condition ${condition}`;
      return unknown('condition', detail, span);
    }
    if (NOT_EVALUATED.has(fn)) return unknown('intrinsic', `${fn} is not evaluated`, span);
    return unknown('intrinsic', `unsupported intrinsic function ${fn}`, span);
  }

  private getAtt(arg: RawNode, span: Span, short: boolean): Value {
    let target: string | undefined;
    let attribute: string | undefined;
    let expression: string;
    const dotted = literalString(arg);
    if (dotted !== undefined) {
      const dot = dotted.indexOf('.');
      if (dot > 0 && dot < dotted.length - 1) {
        target = dotted.slice(0, dot);
        attribute = dotted.slice(dot + 1);
      }
      expression = short ? `!GetAtt ${dotted}` : `{"Fn::GetAtt": ${quote(dotted)}}`;
    } else if (arg.kind === 'seq' && arg.tag === undefined && arg.items.length === 2) {
      target = literalString(arg.items[0]);
      attribute = this.stringOf(arg.items[1]!);
      const shownAttribute = attribute ?? '...';
      expression = short
        ? `!GetAtt [${target ?? '...'}, ${shownAttribute}]`
        : `{"Fn::GetAtt": [${quote(target ?? '...')}, ${quote(shownAttribute)}]}`;
      if (target !== undefined && attribute === undefined) {
        return unknown('intrinsic', `Fn::GetAtt of ${target} with an attribute name that is not known`, span);
      }
    } else {
      return unknown('intrinsic', 'Fn::GetAtt needs [Resource, Attribute] or "Resource.Attribute"', span);
    }
    if (target === undefined || attribute === undefined) {
      return unknown('intrinsic', 'Fn::GetAtt needs [Resource, Attribute] or "Resource.Attribute"', span);
    }
    return { kind: 'reference', target, attribute, expression, span };
  }

  private sub(arg: RawNode, span: Span): Value {
    let format: string | undefined;
    let formatNode: RawNode | undefined = arg;
    let variables: RawMap | undefined;
    let variablesKnown = true;
    if (arg.kind === 'seq' && arg.tag === undefined) {
      formatNode = arg.items[0];
      format = literalString(arg.items[0]);
      const second = arg.items[1];
      if (second !== undefined) {
        if (second.kind === 'map' && !intrinsicOf(second)) variables = second;
        else variablesKnown = false;
      }
    } else {
      format = literalString(arg);
    }
    if (format === undefined) return unknown('intrinsic', 'Fn::Sub of a string that is not known', span);

    // Where the format string's characters are in the file, when the scalar is written without
    // escapes (plain or simply quoted): then each `${Name}` part gets its own span.
    const formatOffset = this.literalTextOffset(formatNode, format);
    const parts: Array<string | Value> = [];
    for (const segment of parseSubString(format)) {
      if (typeof segment === 'string') {
        parts.push(segment);
        continue;
      }
      const name = segment.variable;
      const partSpan = formatOffset === undefined ? span : this.span(formatOffset + segment.start, formatOffset + segment.end);
      const variable = variables ? mapGet(variables, name) : undefined;
      let value: Converted;
      if (variable !== undefined) {
        value = this.read(variable);
      } else if (!variablesKnown) {
        value = unknown('intrinsic', `Fn::Sub variable ${name} comes from a value that is not known`, partSpan);
      } else if (name.includes('.')) {
        const dot = name.indexOf('.');
        value = { kind: 'reference', target: name.slice(0, dot), attribute: name.slice(dot + 1), expression: `\${${name}}`, span: partSpan };
      } else {
        value = this.resolveName(name, partSpan, `\${${name}}`);
      }
      if (value === REMOVED) value = unknown('intrinsic', `Fn::Sub variable ${name} is AWS::NoValue`, partSpan);
      else if (value.kind === 'object' || value.kind === 'list') value = unknown('intrinsic', `Fn::Sub variable ${name} is not a string`, partSpan);
      parts.push(value);
    }
    return buildString(parts, span);
  }

  /** The offset of `text`'s first character in the file, if `node` writes it verbatim once. */
  private literalTextOffset(node: RawNode | undefined, text: string): number | undefined {
    if (node === undefined || node.kind !== 'scalar' || text.length === 0) return undefined;
    const raw = this.context.source.text.slice(node.start, node.end);
    const at = raw.indexOf(text);
    if (at < 0 || raw.indexOf(text, at + 1) >= 0) return undefined;
    return node.start + at;
  }

  private join(arg: RawNode, span: Span): Value {
    if (arg.kind !== 'seq' || arg.tag !== undefined || arg.items.length !== 2) return unknown('intrinsic', 'Fn::Join needs [delimiter, list]', span);
    const delimiter = this.stringOf(arg.items[0]!);
    if (delimiter === undefined) return unknown('intrinsic', 'Fn::Join with a delimiter that is not known', span);
    const list = this.read(arg.items[1]!);
    if (list === REMOVED || list.kind !== 'list' || list.open) {
      return unknown('intrinsic', `Fn::Join over ${list === REMOVED ? 'AWS::NoValue' : describeUnknownList(list)}`, span);
    }
    const parts: Array<string | Value> = [];
    for (let index = 0; index < list.items.length; index++) {
      const item = list.items[index]!;
      if (index > 0 && delimiter !== '') parts.push(delimiter);
      if (item.kind === 'object' || item.kind === 'list') return unknown('intrinsic', 'Fn::Join over a list with an item that is not a string', span);
      parts.push(item);
    }
    return buildString(parts, span);
  }

  private select(arg: RawNode, span: Span): Value {
    if (arg.kind !== 'seq' || arg.tag !== undefined || arg.items.length !== 2) return unknown('intrinsic', 'Fn::Select needs [index, list]', span);
    const indexValue = this.read(arg.items[0]!);
    let index = Number.NaN;
    if (indexValue !== REMOVED && indexValue.kind === 'known') {
      if (typeof indexValue.value === 'number') index = indexValue.value;
      else if (typeof indexValue.value === 'string' && /^\s*\d+\s*$/.test(indexValue.value)) index = Number(indexValue.value);
    }
    if (!Number.isInteger(index) || index < 0) return unknown('intrinsic', 'Fn::Select with an index that is not known', span);
    const list = this.read(arg.items[1]!);
    if (list === REMOVED || list.kind !== 'list' || list.open) {
      return unknown('intrinsic', `Fn::Select from ${list === REMOVED ? 'AWS::NoValue' : describeUnknownList(list)}`, span);
    }
    const item = list.items[index];
    if (item === undefined) return unknown('intrinsic', `Fn::Select index ${index} is out of range (the list has ${list.items.length} items)`, span);
    return item;
  }

  private split(arg: RawNode, span: Span): Value {
    if (arg.kind !== 'seq' || arg.tag !== undefined || arg.items.length !== 2) return unknown('intrinsic', 'Fn::Split needs [delimiter, string]', span);
    const delimiter = this.stringOf(arg.items[0]!);
    const text = this.read(arg.items[1]!);
    if (delimiter === undefined || delimiter === '') return unknown('intrinsic', 'Fn::Split with a delimiter that is not known', span);
    if (text === REMOVED || text.kind !== 'known' || typeof text.value !== 'string') {
      return unknown('intrinsic', 'Fn::Split of a string that is not known', span);
    }
    const items: Value[] = text.value.split(delimiter).map((item) => ({ kind: 'known', value: item, span }));
    return { kind: 'list', items, span };
  }

  private findInMap(arg: RawNode, span: Span): Value {
    if (arg.kind !== 'seq' || arg.tag !== undefined || arg.items.length < 3 || arg.items.length > 4) {
      return unknown('intrinsic', 'Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]', span);
    }
    const keys = arg.items.slice(0, 3).map((item) => this.stringOf(item));
    if (keys.some((key) => key === undefined)) return unknown('intrinsic', 'Fn::FindInMap with keys that are not known', span);
    const [mapName, topKey, secondKey] = keys as [string, string, string];
    const map = this.context.mappings ? mapGet(this.context.mappings, mapName) : undefined;
    const top = map?.kind === 'map' ? mapGet(map, topKey) : undefined;
    const found = top?.kind === 'map' ? mapGet(top, secondKey) : undefined;
    if (found !== undefined) {
      const value = this.read(found);
      if (value === REMOVED) return unknown('intrinsic', 'Fn::FindInMap found AWS::NoValue', span);
      addVia(value, span, true);
      return value;
    }
    // Fn::FindInMap with DefaultValue (AWS::LanguageExtensions).
    const options = arg.items[3];
    const fallback = options?.kind === 'map' && !intrinsicOf(options) ? mapGet(options, 'DefaultValue') : undefined;
    if (fallback !== undefined) {
      const value = this.read(fallback);
      if (value !== REMOVED) return value;
    }
    return unknown('intrinsic', `Fn::FindInMap: Mappings has no entry ${mapName}.${topKey}.${secondKey}`, span);
  }

  /** The string a node evaluates to, if it is a known scalar (numbers become strings). */
  private stringOf(node: RawNode): string | undefined {
    const literal = literalString(node);
    if (literal !== undefined) return literal;
    const value = this.read(node);
    if (value === REMOVED || value.kind !== 'known' || value.value === null) return undefined;
    return String(value.value);
  }
}

function unknown(reason: UnknownReason, detail: string, span: Span): UnknownValue {
  return { kind: 'unknown', reason, detail, span };
}

function describeUnknownList(value: Value): string {
  if (value.kind === 'unknown') return `a list that is not known (${value.detail})`;
  if (value.kind === 'list') return 'a list that may hold more items';
  return 'a value that is not a list';
}

/** Records a use site on a value that came from elsewhere; `deep` also marks nested values. */
function addVia(value: Value, use: Span, deep: boolean): void {
  value.via = value.via ? [...value.via, use] : [use];
  if (!deep) return;
  if (value.kind === 'list') for (const item of value.items) addVia(item, use, true);
  else if (value.kind === 'object') for (const property of value.properties) addVia(property.value, use, true);
}

/**
 * Joins string parts and values into one value: a known string (spanning `span`) when every part
 * is known, else a `template` whose adjacent literal parts are merged and nested templates inlined.
 */
export function buildString(input: Array<string | Value>, span: Span): Value {
  const parts: Array<string | Value> = [];
  let allKnown = true;
  const pushText = (text: string): void => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (typeof last === 'string') parts[parts.length - 1] = last + text;
    else parts.push(text);
  };
  const pushPart = (part: string | Value): void => {
    if (typeof part === 'string') pushText(part);
    else if (part.kind === 'template') for (const inner of part.parts) pushPart(inner);
    else {
      if (part.kind !== 'known' || part.value === null) allKnown = false;
      parts.push(part);
    }
  };
  for (const part of input) pushPart(part);
  if (allKnown) {
    let text = '';
    for (const part of parts) text += typeof part === 'string' ? part : String((part as { value: unknown }).value);
    return { kind: 'known', value: text, span };
  }
  return { kind: 'template', parts, span };
}

/** Splits an `Fn::Sub` string into literal text and `${Name}` variables; `${!Literal}` stays literal. */
export function parseSubString(format: string): Array<string | { variable: string; start: number; end: number }> {
  const segments: Array<string | { variable: string; start: number; end: number }> = [];
  let text = '';
  let position = 0;
  while (position < format.length) {
    const open = format.indexOf('${', position);
    if (open < 0) break;
    const close = format.indexOf('}', open + 2);
    if (close < 0) break;
    text += format.slice(position, open);
    const inner = format.slice(open + 2, close);
    if (inner.startsWith('!')) {
      text += `\${${inner.slice(1)}}`;
    } else {
      if (text !== '') segments.push(text);
      text = '';
      segments.push({ variable: inner.trim(), start: open, end: close + 1 });
    }
    position = close + 1;
  }
  text += format.slice(position);
  if (text !== '') segments.push(text);
  return segments;
}
