import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { SourceText } from '../../graph/source.js';
import type { Scalar as ScalarValue } from '../../graph/value.js';
import {
  isResourceTypeString,
  MAX_DEPTH,
  nestingTooDeep,
  RawParseError,
  syntaxError,
  type RawEntry,
  type RawMap,
  type RawNode,
  type SyntaxOutcome,
} from './raw.js';

/** At least this many nodes may be produced by expanding aliases; larger files get their length. */
const MIN_ALIAS_BUDGET = 100_000;

/** Maps with more keys than this check duplicates with a Map rather than a linear scan. */
const LINEAR_DUPLICATE_CHECK = 16;

/**
 * Parses a YAML file with `yaml` and walks its document AST (never `toJS`) into a raw tree, so
 * every node keeps its range and CloudFormation short-form tags survive as tags. Warnings (such
 * as "Unresolved tag: !Ref") are ignored; the first error becomes the outcome.
 */
export function parseYamlTemplate(source: SourceText): SyntaxOutcome {
  const text = source.text;
  try {
    // uniqueKeys is off: the library checks each key against every earlier key of its map, which is
    // quadratic in the size of `Resources`. Duplicate keys are found while converting instead.
    const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
    if ('empty' in documents) {
      // An empty stream (nothing, or only comments and directives).
      const error = documents.errors[0];
      return error ? errorOutcome(error.message, error.pos) : { status: 'not-template' };
    }
    // Syntax errors make any reading unreliable: report them whether or not the file is a template.
    for (const document of documents) {
      const error = document.errors[0];
      if (error) return errorOutcome(error.message, error.pos);
    }
    const withContent = documents.filter((document) => document.contents !== null);
    const template = withContent.find((document) => looksLikeTemplate(document.contents));
    if (!template) return { status: 'not-template' };
    if (withContent.length > 1) {
      const second = withContent[1]!;
      return { status: 'error', message: 'A CloudFormation template must be a single YAML document', start: second.range[0], end: second.range[0] };
    }
    // Only templates are converted, so duplicate keys are an error only in a template.
    const converter = new YamlConverter(source, Math.max(MIN_ALIAS_BUDGET, text.length));
    return { status: 'template', root: converter.convert(template.contents, 0, 0) as RawMap };
  } catch (error) {
    return syntaxError(error);
  }
}

function errorOutcome(message: string, pos: [number, number]): SyntaxOutcome {
  let first = message.split('\n')[0]!.trim();
  // The library turns its own stack overflow on absurdly deep nesting into an error.
  if (first.includes('Maximum call stack size exceeded')) first = 'Nesting too deep to read';
  return { status: 'error', message: first, start: pos[0], end: pos[1] };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return typeof key.value === 'string' ? key.value : undefined;
  return undefined;
}

function looksLikeTemplate(root: Document['contents']): boolean {
  if (!isMap(root)) return false;
  for (const pair of root.items) {
    const key = keyText(pair.key);
    if (key === 'AWSTemplateFormatVersion') return true;
    if (key === 'Resources' && isMap(pair.value)) {
      for (const resource of pair.value.items) {
        if (!isMap(resource.value)) continue;
        for (const member of resource.value.items) {
          if (keyText(member.key) === 'Type' && isScalar(member.value) && isResourceTypeString(member.value.value)) return true;
        }
      }
    }
  }
  return false;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

class YamlConverter {
  /** Anchors defined so far, in document order (an alias refers to the latest preceding anchor). */
  private readonly anchors = new Map<string, YamlNode>();
  /** Anchored nodes being converted: an alias to one of them would expand forever. */
  private readonly open = new Set<YamlNode>();
  private expanding: { start: number; end: number } | undefined;

  private readonly text: string;

  constructor(
    private readonly source: SourceText,
    private budget: number,
  ) {
    this.text = source.text;
  }

  convert(node: unknown, depth: number, fallbackOffset: number): RawNode {
    if (node === null || node === undefined) return { kind: 'scalar', value: null, start: fallbackOffset, end: fallbackOffset };
    const yamlNode = node as YamlNode;
    const range = yamlNode.range ?? [fallbackOffset, fallbackOffset, fallbackOffset];
    let start = range[0];
    const end = this.trimEnd(start, range[1]);
    if (depth > MAX_DEPTH) throw nestingTooDeep(start, end);
    if (this.expanding && --this.budget < 0) {
      throw new RawParseError(
        'Too many alias expansions: the aliases in this file expand to too many nodes',
        this.expanding.start,
        this.expanding.end,
      );
    }

    if (isAlias(yamlNode)) return this.expandAlias(yamlNode.source, start, end, depth);

    const tag = localTag(yamlNode.tag);
    if (tag !== undefined) start = this.tagStart(tag, start);
    const anchor = yamlNode.anchor;
    if (anchor !== undefined) {
      if (!this.expanding) this.anchors.set(anchor, yamlNode);
      this.open.add(yamlNode);
    }
    let result: RawNode;
    if (isMap(yamlNode)) {
      const entries: RawEntry[] = [];
      const seen = yamlNode.items.length > LINEAR_DUPLICATE_CHECK ? new Map<string, number>() : undefined;
      for (const pair of yamlNode.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyRange = keyNode?.range ?? [start, start, start];
        const key = this.key(keyNode, depth);
        const keyEnd = this.trimEnd(keyRange[0], keyRange[1]);
        const firstStart = seen ? seen.get(key) : entries.find((entry) => entry.key === key)?.keyStart;
        if (firstStart !== undefined) {
          const line = this.source.position(firstStart).line;
          throw new RawParseError(`Duplicate key "${key}" (first defined on line ${line})`, keyRange[0], keyEnd);
        }
        seen?.set(key, keyRange[0]);
        entries.push({ key, keyStart: keyRange[0], keyEnd, value: this.convert(pair.value, depth + 1, keyEnd) });
      }
      result = { kind: 'map', start, end, entries };
    } else if (isSeq(yamlNode)) {
      const items: RawNode[] = [];
      for (const item of yamlNode.items) items.push(this.convert(item, depth + 1, start));
      result = { kind: 'seq', start, end, items };
    } else if (isScalar(yamlNode)) {
      result = { kind: 'scalar', start, end, value: scalarValue(yamlNode.value, yamlNode.source) };
    } else {
      result = { kind: 'scalar', start, end, value: this.text.slice(start, end) };
    }
    if (tag !== undefined) result.tag = tag;
    if (anchor !== undefined) this.open.delete(yamlNode);
    return result;
  }

  private expandAlias(name: string, start: number, end: number, depth: number): RawNode {
    const target = this.anchors.get(name);
    if (!target) throw new RawParseError(`Unresolved alias *${name}: no anchor &${name} is defined before it`, start, end);
    if (this.open.has(target)) throw new RawParseError(`Alias *${name} refers to a node that contains it`, start, end);
    const outer = this.expanding;
    if (!outer) this.expanding = { start, end };
    try {
      const result = this.convert(target, depth, start);
      // The expansion is a fresh copy, so recording where the alias is written does not leak.
      result.alias = { start, end };
      return result;
    } finally {
      this.expanding = outer;
    }
  }

  private key(keyNode: YamlNode | null, depth: number): string {
    if (keyNode === null) return '';
    if (isScalar(keyNode)) {
      if (typeof keyNode.value === 'string') return keyNode.value;
      return typeof keyNode.source === 'string' ? keyNode.source : String(keyNode.value);
    }
    if (isAlias(keyNode)) {
      const resolved = this.convert(keyNode, depth + 1, 0);
      return resolved.kind === 'scalar' ? String(resolved.value) : this.text.slice(resolved.start, resolved.end);
    }
    const range = keyNode.range;
    return range ? this.text.slice(range[0], range[1]).trim() : '';
  }

  /** Where the tag of a tagged node starts: its range starts at the value, after the tag. */
  private tagStart(tag: string, valueStart: number): number {
    let position = valueStart;
    while (position > 0 && isWhitespace(this.text.charCodeAt(position - 1))) position--;
    return this.text.startsWith(tag, position - tag.length) ? position - tag.length : valueStart;
  }

  private trimEnd(start: number, end: number): number {
    let result = end;
    while (result > start && isWhitespace(this.text.charCodeAt(result - 1))) result--;
    return result;
  }
}

/** A YAML local tag (`!Ref`); standard tags (`!!str`, resolved by the library) are not kept. */
function localTag(tag: string | undefined): string | undefined {
  if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  return tag;
}

function scalarValue(value: unknown, source: string | undefined): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return source ?? String(value);
}
