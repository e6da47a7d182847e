import { toCanonicalName } from '../../graph/names.js';
import type { SourceText, Span } from '../../graph/source.js';
import { unknownValue, type KnownValue, type ListValue, type ObjectValue, type Property, type ReferenceValue, type TemplateValue, type UnknownValue, type Value } from '../../graph/value.js';
import type { ResourceSpec, TypeRef } from '../../specs/types.js';
import type { Limits } from './limits.js';
import { keyName, type RHash, type RRef, type RStr, type RValue } from './ruby-values.js';

/** What a reference of the template may point to, known once the whole template is evaluated. */
export interface ReferenceContext {
  /** Addresses of the template's resources. */
  addresses: ReadonlySet<string>;
  /** Resources whose name the interpreter could not compute: a reference to a matching name may
   * be one of them. */
  wildcards: ReadonlyArray<{ type: string; pattern: RegExp; address: string }>;
  /** Declared `variable` blocks: their `default`, if any. */
  variables: ReadonlyMap<string, { default: RValue | undefined }>;
  /** Entries of the `locals` blocks. */
  locals: RHash;
}

/**
 * Turns interpreter values into graph values when a template is complete. References are resolved
 * against the whole template here (Terraform does not care about order): `var.x` of a declared
 * variable becomes its default or an unknown value, `local.x` the local's value, and a reference to
 * a resource stays a `reference`. Strings holding Terraform interpolations (`"${aws_x.y.id}"`,
 * passed through verbatim by Pangea) become references or partially known strings.
 */
export class Converter {
  private nodes = 0;
  private readonly resolvingLocals = new Set<string>();

  constructor(
    private readonly source: SourceText,
    private readonly context: ReferenceContext,
    private readonly limits: Limits,
    /** Nodes converted in the file so far, shared by the templates of a file. */
    private readonly fileBudget: { nodes: number },
  ) {}

  /** Starts the budget of a new resource (or output). */
  startValue(): void {
    this.nodes = 0;
  }

  convert(value: RValue, depth = 0, path: Set<object> = new Set()): Value {
    const span = value.span;
    if (++this.nodes > this.limits.valueNodes || ++this.fileBudget.nodes > this.limits.fileValueNodes) {
      return this.unknownAt('limit', 'the value is too large to be checked', value);
    }
    if (depth > this.limits.valueDepth) return this.unknownAt('limit', 'the value is nested too deeply to be checked', value);
    switch (value.t) {
      case 'nil':
        return this.known(null, value);
      case 'bool':
      case 'num':
        return this.known(value.v, value);
      case 'sym':
        return this.known(value.v, value);
      case 'str':
        return this.string(value);
      case 'tmpl': {
        const parts: TemplateValue['parts'] = [];
        for (const part of value.parts) {
          if (typeof part === 'string') parts.push(...(this.terraformParts(part, span, undefined) ?? [part]));
          else if (part.t === 'ref') parts.push(this.reference(part, depth));
          else parts.push(this.unknownAt(part.reason, part.detail, part));
        }
        return this.template(parts, value);
      }
      case 'array': {
        if (path.has(value)) return this.unknownAt('limit', 'the list contains itself', value);
        path.add(value);
        const items = value.items.map((item) => this.convert(item, depth + 1, path));
        path.delete(value);
        const list: ListValue = { kind: 'list', items, span };
        if (value.open) list.open = true;
        return list;
      }
      case 'hash': {
        if (path.has(value)) return this.unknownAt('limit', 'the hash contains itself', value);
        path.add(value);
        const object = this.object(value, depth, path);
        path.delete(value);
        return object;
      }
      case 'ref':
        return this.reference(value, depth);
      case 'unknown':
        return this.unknownAt(value.reason, value.detail, value);
      case 'resource':
        return this.unknownAt('unsupported', `the resource reference ${value.type}.${value.nameText} itself, not one of its attributes`, value);
      case 'range':
        return this.unknownAt('unsupported', 'a range is rendered as text', value);
      default:
        return this.unknownAt('unsupported', 'a value media-lint does not convert', value);
    }
  }

  object(value: RHash, depth = 0, path: Set<object> = new Set()): ObjectValue {
    const properties: Property[] = [];
    const byName = new Map<string, number>();
    for (const entry of value.entries.values()) {
      const sourceName = keyName(entry.key);
      const name = toCanonicalName(sourceName);
      const property: Property = { name, sourceName, keySpan: entry.keySpan, value: this.convert(entry.value, depth + 1, path) };
      // `:a` and `"a"` are two Ruby keys but one JSON key: the last one written wins.
      const existing = byName.get(name);
      if (existing !== undefined) properties[existing] = property;
      else {
        byName.set(name, properties.length);
        properties.push(property);
      }
    }
    const object: ObjectValue = { kind: 'object', properties, span: value.span };
    if (value.open) object.open = true;
    return object;
  }

  private known(scalar: KnownValue['value'], value: RValue): KnownValue {
    const result: KnownValue = { kind: 'known', value: scalar, span: value.span };
    if (value.via) result.via = [...value.via];
    return result;
  }

  private unknownAt(reason: UnknownValue['reason'], detail: string, value: { span: Span; via?: Span[] }): UnknownValue {
    const result: UnknownValue = { kind: 'unknown', reason, detail, span: value.span };
    if (value.via) result.via = [...value.via];
    return result;
  }

  private template(parts: TemplateValue['parts'], value: RValue): Value {
    const merged: TemplateValue['parts'] = [];
    for (const part of parts) {
      const piece = typeof part !== 'string' && part.kind === 'known' && part.value !== null ? String(part.value) : part;
      const last = merged[merged.length - 1];
      if (typeof piece === 'string' && typeof last === 'string') merged[merged.length - 1] = last + piece;
      else if (typeof piece !== 'string' || piece.length > 0) merged.push(piece);
    }
    if (merged.every((part) => typeof part === 'string')) return this.known(merged.join(''), value);
    if (merged.length === 1 && typeof merged[0] !== 'string') return merged[0]!;
    const result: TemplateValue = { kind: 'template', parts: merged, span: value.span };
    if (value.via) result.via = [...value.via];
    return result;
  }

  private string(value: RStr): Value {
    const parts = this.terraformParts(value.v, value.span, value.contentStart);
    if (!parts) return this.known(value.v, value);
    return this.template(parts, value);
  }

  /**
   * Splits a string at Terraform interpolations (`${...}`, `%{...}`); undefined when it has none.
   * `$${` and `%%{` are Terraform's escapes for the literal text.
   */
  private terraformParts(text: string, span: Span, contentStart: number | undefined): TemplateValue['parts'] | undefined {
    if (!text.includes('${') && !text.includes('%{')) return undefined;
    const parts: TemplateValue['parts'] = [];
    let literal = '';
    let index = 0;
    while (index < text.length) {
      const char = text[index]!;
      if ((char === '$' || char === '%') && text[index + 1] === char && text[index + 2] === '{') {
        literal += `${char}{`;
        index += 3;
        continue;
      }
      if ((char === '$' || char === '%') && text[index + 1] === '{') {
        const end = closingBrace(text, index + 2);
        if (end < 0) {
          literal += text.slice(index);
          break;
        }
        if (literal) parts.push(literal);
        literal = '';
        const partSpan = contentStart === undefined ? span : this.source.span(contentStart + index, contentStart + end + 1);
        const expression = text.slice(index + 2, end).trim();
        parts.push(char === '%' ? unknownValue('intrinsic', `the Terraform directive %{${expression}} is evaluated when Terraform runs`, partSpan) : this.traversal(expression, text.slice(index, end + 1), partSpan));
        index = end + 1;
        continue;
      }
      literal += char;
      index++;
    }
    if (literal) parts.push(literal);
    return parts;
  }

  /** A Terraform expression inside `${...}`: a reference when it is a plain traversal. */
  private traversal(expression: string, written: string, span: Span): Value {
    if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*$/.test(expression)) {
      return unknownValue('intrinsic', `the Terraform expression ${written} is evaluated when Terraform runs`, span);
    }
    const segments = expression.split('.');
    const [head, second, ...rest] = segments;
    if (head === 'var' || head === 'local') {
      if (!second) return unknownValue('intrinsic', `${written} is incomplete`, span);
      return this.reference({ t: 'ref', target: `${head}.${second.replace(/\[.*$/, '')}`, attribute: undefined, expression: written, span }, 0);
    }
    if (head === 'data') return unknownValue('data-source', `${written} is read when Terraform plans`, span);
    if (['path', 'terraform', 'count', 'each', 'self', 'module'].includes(head!)) return unknownValue('intrinsic', `${written} is known when Terraform runs`, span);
    if (!second) return unknownValue('intrinsic', `${written} is evaluated when Terraform runs`, span);
    const name = second.replace(/\[.*$/, '');
    return this.reference({ t: 'ref', target: `${head}.${name}`, attribute: rest.length > 0 ? rest.join('.') : undefined, expression: written, span }, 0);
  }

  private reference(ref: RRef, depth: number): Value {
    const { target } = ref;
    if (target.startsWith('var.')) {
      const name = target.slice(4);
      const variable = this.context.variables.get(name);
      if (!variable) return referenceValue(ref);
      const fallback = variable.default;
      if (fallback === undefined) return unknownValue('variable', `variable ${name} has no default`, ref.span);
      if (fallback.t === 'unknown') return unknownValue('variable', `variable ${name} has a default media-lint cannot resolve`, ref.span);
      const value = this.convert(fallback, depth + 1);
      if (value.kind === 'known' || value.kind === 'unknown' || value.kind === 'template') value.via = [...(value.via ?? []), ref.span].slice(-3);
      return value;
    }
    if (target.startsWith('local.')) {
      const name = target.slice(6);
      const entry = this.context.locals.entries.get(`:${name}`) ?? this.context.locals.entries.get(`"${name}`);
      if (!entry) return this.context.locals.open ? unknownValue('variable', `local ${name} may be set where media-lint cannot see`, ref.span) : referenceValue(ref);
      if (this.resolvingLocals.has(name)) return unknownValue('limit', `local ${name} refers to itself`, ref.span);
      this.resolvingLocals.add(name);
      try {
        const value = this.convert(entry.value, depth + 1);
        if (value.kind === 'known' || value.kind === 'unknown' || value.kind === 'template') value.via = [...(value.via ?? []), ref.span].slice(-3);
        return value;
      } finally {
        this.resolvingLocals.delete(name);
      }
    }
    if (target.startsWith('data.')) return unknownValue('data-source', `${ref.expression} is read when Terraform plans`, ref.span);
    if (!this.context.addresses.has(target)) {
      const dot = target.indexOf('.');
      const type = target.slice(0, dot);
      const name = target.slice(dot + 1);
      const wildcard = this.context.wildcards.find((candidate) => candidate.type === type && candidate.pattern.test(name));
      if (wildcard) return unknownValue('unsupported', `${ref.expression} may refer to ${wildcard.address}, whose name media-lint cannot resolve`, ref.span);
    }
    return referenceValue(ref);
  }
}

function referenceValue(ref: RRef): ReferenceValue {
  const value: ReferenceValue = { kind: 'reference', target: ref.target, expression: ref.expression, span: ref.span };
  if (ref.attribute !== undefined) value.attribute = ref.attribute;
  if (ref.via) value.via = [...ref.via];
  return value;
}

/** The index of the `}` closing an interpolation opened just before `start`, skipping nested braces
 * and quoted strings; -1 when it is not closed. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let quoted = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '\\') index++;
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return -1;
}

/**
 * Gives list and object members the shape the spec expects where the Ruby is ambiguous, and only
 * then: a single hash written for a member that is a list of structures becomes a one-element list
 * (Terraform's JSON syntax reads a nested block given as an object as one block; the seed writes
 * `multiplex_program_settings: {…}`), and a one-element list of a hash written for a structure
 * becomes that hash (`media_package_settings: [{…}]` where the spec has an object). A list with
 * more or fewer items, or an open one, is left as written for the type rules to judge.
 */
export function normaliseShapes(object: ObjectValue, members: ResourceSpec['properties'], spec: ResourceSpec, depth = 0): void {
  if (depth > 64) return;
  for (const property of object.properties) {
    const member = members[property.name];
    if (member) property.value = normaliseValue(property.value, member.type, spec, depth + 1);
  }
}

function normaliseValue(value: Value, type: TypeRef, spec: ResourceSpec, depth: number): Value {
  if (typeof type === 'string') return value;
  if ('list' in type) {
    let result = value;
    if (value.kind === 'object' && typeof type.list !== 'string' && 'shape' in type.list) {
      const list: ListValue = { kind: 'list', items: [value], span: value.span };
      result = list;
    }
    if (result.kind === 'list') result.items = result.items.map((item) => normaliseValue(item, type.list, spec, depth + 1));
    return result;
  }
  if ('map' in type) {
    if (value.kind === 'object') for (const property of value.properties) property.value = normaliseValue(property.value, type.map, spec, depth + 1);
    return value;
  }
  let result = value;
  if (value.kind === 'list' && !value.open && value.items.length === 1 && value.items[0]!.kind === 'object') result = value.items[0]!;
  if (result.kind === 'object') {
    const shape = spec.shapes[type.shape];
    if (shape) normaliseShapes(result, shape.members, spec, depth + 1);
  }
  return result;
}
