import type { Resource } from './resource.js';
import type { Span } from './source.js';
import { asBoolean, asNumber, asString, getProperty, type Property, type ReferenceValue, type Value } from './value.js';

export type PathSegment = string | number;

/**
 * A position in a resource's value tree: the resource, the canonical path from its properties, and
 * the value there (undefined when absent or unreachable). Rules navigate with `get` and `items` and
 * read with `number`, `string`, `boolean`, which return undefined unless the value is known, so an
 * unresolved value can never produce a finding by accident.
 */
export class Cursor {
  /** The path, made on first use: most cursors are never asked for it, and copying the parent's
   * path into every child made navigation quadratic in depth and the schema walk's cache large. */
  private paths: { path: readonly PathSegment[]; sourcePath: readonly PathSegment[] } | undefined;

  private constructor(
    readonly resource: Resource,
    /** The last segment of the path: the member name (canonical) or list index; undefined at the root. */
    readonly segment: PathSegment | undefined,
    readonly value: Value | undefined,
    /** The property that holds this value, when the value is an object member. */
    readonly property: Property | undefined,
    readonly parent: Cursor | undefined,
  ) {}

  static root(resource: Resource): Cursor {
    return new Cursor(resource, undefined, resource.properties, undefined, undefined);
  }

  /** The canonical path from the resource's properties (`['encoder_settings', 'video_descriptions', 0]`). */
  get path(): readonly PathSegment[] {
    return (this.paths ??= this.makePaths()).path;
  }

  /** Source spellings of the path segments, for messages (`EncoderSettings`, `0`). */
  get sourcePath(): readonly PathSegment[] {
    return (this.paths ??= this.makePaths()).sourcePath;
  }

  private makePaths(): { path: PathSegment[]; sourcePath: PathSegment[] } {
    const path: PathSegment[] = [];
    const sourcePath: PathSegment[] = [];
    for (let cursor: Cursor = this; cursor.parent !== undefined; cursor = cursor.parent) {
      path.push(cursor.segment!);
      sourcePath.push(cursor.sourceSegment());
    }
    return { path: path.reverse(), sourcePath: sourcePath.reverse() };
  }

  private sourceSegment(): PathSegment {
    const segment = this.segment!;
    return typeof segment === 'number' ? segment : (this.property?.sourceName ?? segment);
  }

  /** The member `name` (canonical) of an object value. */
  get(name: string): Cursor {
    const property = this.value?.kind === 'object' ? getProperty(this.value, name) : undefined;
    return new Cursor(this.resource, name, property?.value, property, this);
  }

  /** Follows a path of member names and list indexes. */
  at(...path: PathSegment[]): Cursor {
    let cursor: Cursor = this;
    for (const segment of path) cursor = typeof segment === 'number' ? cursor.item(segment) : cursor.get(segment);
    return cursor;
  }

  item(index: number): Cursor {
    const item = this.value?.kind === 'list' ? this.value.items[index] : undefined;
    return new Cursor(this.resource, index, item, undefined, this);
  }

  /** The items of a known list (empty for anything else). */
  items(): Cursor[] {
    if (this.value?.kind !== 'list') return [];
    const items = this.value.items;
    const result: Cursor[] = new Array(items.length);
    for (let index = 0; index < items.length; index++) result[index] = new Cursor(this.resource, index, items[index], undefined, this);
    return result;
  }

  /** The members of a known object (empty for anything else). */
  entries(): Cursor[] {
    if (this.value?.kind !== 'object') return [];
    const properties = this.value.properties;
    const result: Cursor[] = new Array(properties.length);
    for (let index = 0; index < properties.length; index++) {
      // As `get(name)`: the first property of that name (a later duplicate reads the first one).
      const name = properties[index]!.name;
      let property = properties[index]!;
      for (let earlier = 0; earlier < index; earlier++) {
        if (properties[earlier]!.name === name) {
          property = properties[earlier]!;
          break;
        }
      }
      result[index] = new Cursor(this.resource, name, property.value, property, this);
    }
    return result;
  }

  /** True when the value is certainly absent: every ancestor is a known, closed object or list. */
  get isMissing(): boolean {
    if (this.value !== undefined) return false;
    const parentValue = this.parent?.value;
    if (parentValue === undefined) return this.parent?.isMissing ?? false;
    if (parentValue.kind === 'object') return !parentValue.open;
    if (parentValue.kind === 'list') return !parentValue.open;
    return false;
  }

  get exists(): boolean {
    return this.value !== undefined;
  }

  /** True when the value is present and fully known all the way down. */
  get isKnown(): boolean {
    return this.value?.kind === 'known';
  }

  number(): number | undefined {
    return asNumber(this.value);
  }

  string(): string | undefined {
    return asString(this.value);
  }

  boolean(): boolean | undefined {
    return asBoolean(this.value);
  }

  /** Known string items of a list (undefined if the list or any item is not known). */
  strings(): string[] | undefined {
    if (this.value?.kind !== 'list' || this.value.open) return undefined;
    const result: string[] = [];
    for (const item of this.value.items) {
      const text = asString(item);
      if (text === undefined) return undefined;
      result.push(text);
    }
    return result;
  }

  reference(): ReferenceValue | undefined {
    return this.value?.kind === 'reference' ? this.value : undefined;
  }

  /** The resource this value references in the same scope, if it is a reference that resolves. */
  referencedResource(lookup: (reference: ReferenceValue, from: Resource) => Resource | undefined): Resource | undefined {
    const reference = this.reference();
    return reference ? lookup(reference, this.resource) : undefined;
  }

  /** Where a finding about this value points: the value, else the nearest present ancestor's key
   * (for an absent member), else the resource name. */
  span(): Span {
    if (this.value !== undefined && this.parent !== undefined) return this.value.span;
    return this.anchorSpan();
  }

  /** The span of the key holding this value, or of the value itself for list items. */
  keySpan(): Span {
    if (this.property) return this.property.keySpan;
    return this.span();
  }

  private anchorSpan(): Span {
    let cursor: Cursor | undefined = this.parent;
    while (cursor && cursor.parent) {
      if (cursor.property) return cursor.property.keySpan;
      if (cursor.value !== undefined) return cursor.value.span; // (a cursor with a parent is below the root)
      cursor = cursor.parent;
    }
    return this.resource.nameSpan;
  }

  /** `encoder_settings.video_descriptions[0].width` */
  pathString(): string {
    return formatPath(this.path);
  }

  /** The same path in the source's spelling: `EncoderSettings.VideoDescriptions[0].Width`. */
  sourcePathString(): string {
    return formatPath(this.sourcePath);
  }
}

export function formatPath(path: readonly PathSegment[]): string {
  let result = '';
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else result += result.length === 0 ? segment : `.${segment}`;
  }
  return result;
}
