import type { Scalar } from '../../graph/value.js';

/**
 * The syntax tree both template syntaxes (JSON, YAML) are reduced to before the template is read:
 * scalars, mappings and sequences with UTF-16 offsets into the file text. YAML short-form tags
 * (`!Ref`) are kept in `tag`; aliases are already expanded (with `alias` recording where the alias
 * was written). Everything after the parser works on this tree only, so JSON and YAML templates
 * are read by the same code.
 */
export type RawNode = RawScalar | RawMap | RawSeq;

interface RawBase {
  /** Offset of the first character (for a tagged YAML node, of the tag). */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** A YAML local tag as written (`!Ref`, `!GetAtt`); never a standard `!!` tag. */
  tag?: string;
  /** When the node was reached through a YAML alias: where the alias is written. */
  alias?: { start: number; end: number };
}

export interface RawScalar extends RawBase {
  kind: 'scalar';
  value: Scalar;
}

export interface RawMap extends RawBase {
  kind: 'map';
  entries: RawEntry[];
}

export interface RawSeq extends RawBase {
  kind: 'seq';
  items: RawNode[];
}

export interface RawEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: RawNode;
}

/** Deeper nesting than this is reported as a parse error: rules walk value trees recursively. */
export const MAX_DEPTH = 500;

const INDEX_THRESHOLD = 8;
const indexes = new WeakMap<RawMap, Map<string, RawEntry>>();

/** The entry with this key (the first one; duplicate keys are a parse error before we get here). */
export function mapEntry(map: RawMap, key: string): RawEntry | undefined {
  if (map.entries.length <= INDEX_THRESHOLD) {
    for (const entry of map.entries) if (entry.key === key) return entry;
    return undefined;
  }
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const entry of map.entries) if (!index.has(entry.key)) index.set(entry.key, entry);
    indexes.set(map, index);
  }
  return index.get(key);
}

export function mapGet(map: RawMap, key: string): RawNode | undefined {
  return mapEntry(map, key)?.value;
}

/** A resource type as CloudFormation writes it: `AWS::MediaLive::Channel`, `Custom::Thing`. */
const RESOURCE_TYPE = /^(?:[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)*|Custom::[A-Za-z0-9_@.-]+)$/;

export function isResourceTypeString(value: unknown): boolean {
  return typeof value === 'string' && RESOURCE_TYPE.test(value);
}

/** Thrown by the syntax front-ends to stop at the first problem; turned into a `parse-error`. */
export class RawParseError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** What a syntax front-end made of one file. */
export type SyntaxOutcome =
  | { status: 'template'; root: RawMap }
  | { status: 'not-template' }
  | { status: 'error'; message: string; start: number; end: number };

export function syntaxError(error: unknown): SyntaxOutcome {
  if (error instanceof RawParseError) return { status: 'error', message: error.message, start: error.start, end: error.end };
  if (error instanceof RangeError) return { status: 'error', message: 'Nesting too deep to read', start: 0, end: 0 };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'error', message: `Cannot read the file: ${message.split('\n')[0]}`, start: 0, end: 0 };
}

export function nestingTooDeep(start: number, end: number): RawParseError {
  return new RawParseError(`Nesting too deep (more than ${MAX_DEPTH} levels)`, start, end);
}
