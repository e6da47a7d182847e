import { Cursor } from '../graph/cursor.js';
import type { Resource } from '../graph/resource.js';
import type { SpecRegistry } from './registry.js';
import type { MemberSpec, ResourceSpec, ShapeSpec, TypeRef } from './types.js';

/** The name used for a resource's top-level properties where a shape name is expected. */
export const topLevelShape = '(resource)';

/** A value visited with the type the spec expects for it. */
export interface TypedValue {
  cursor: Cursor;
  expected: TypeRef;
  /** The member spec the value belongs to (for a list item: the list's member). */
  member: MemberSpec;
  /** The shape holding the member (`H264Settings`, or `(resource)` for top-level properties). */
  ownerShape: string;
  /** True for an item of a list or a value of a map, rather than the member's own value. */
  element: boolean;
}

/** A known object checked against a shape. */
export interface TypedObject {
  cursor: Cursor;
  shapeName: string;
  members: Record<string, MemberSpec>;
}

/** A property the shape does not define. */
export interface UnknownMember {
  cursor: Cursor;
  shapeName: string;
  members: Record<string, MemberSpec>;
}

export interface SchemaWalk {
  spec: ResourceSpec;
  values: TypedValue[];
  objects: TypedObject[];
  unknownMembers: UnknownMember[];
}

const cache = new WeakMap<Resource, SchemaWalk | null>();

/**
 * Walks a resource's value tree alongside its spec, once per resource (the schema rules share the
 * result). Unknown values, references and partially known strings stop the descent: nothing below
 * them can be checked.
 */
export function schemaWalk(resource: Resource, specs: SpecRegistry): SchemaWalk | undefined {
  const cached = cache.get(resource);
  if (cached !== undefined) return cached ?? undefined;
  const spec = resource.isMediaType ? specs.resource(resource.type) : undefined;
  if (!spec) {
    cache.set(resource, null);
    return undefined;
  }
  const walk: SchemaWalk = { spec, values: [], objects: [], unknownMembers: [] };
  visitObject(walk, Cursor.root(resource), topLevelShape, spec.properties);
  cache.set(resource, walk);
  return walk;
}

function visitObject(walk: SchemaWalk, cursor: Cursor, shapeName: string, members: Record<string, MemberSpec>): void {
  walk.objects.push({ cursor, shapeName, members });
  for (const child of cursor.entries()) {
    const name = child.segment as string;
    const member = members[name];
    if (!member) {
      walk.unknownMembers.push({ cursor: child, shapeName, members });
      continue;
    }
    visitValue(walk, child, member.type, member, shapeName, false);
  }
}

function visitValue(walk: SchemaWalk, cursor: Cursor, expected: TypeRef, member: MemberSpec, ownerShape: string, element: boolean): void {
  const value = cursor.value;
  if (!value) return;
  walk.values.push({ cursor, expected, member, ownerShape, element });
  if (typeof expected === 'string') return;
  if ('list' in expected) {
    if (value.kind === 'list') for (const item of cursor.items()) visitValue(walk, item, expected.list, member, ownerShape, true);
    return;
  }
  if ('map' in expected) {
    if (value.kind === 'object') for (const entry of cursor.entries()) visitValue(walk, entry, expected.map, member, ownerShape, true);
    return;
  }
  if (value.kind === 'object') {
    const shape: ShapeSpec | undefined = walk.spec.shapes[expected.shape];
    if (shape) visitObject(walk, cursor, expected.shape, shape.members);
  }
}

/** Describes a type for messages: `an integer`, `a list of strings`, `an object (H264Settings)`. */
export function describeType(type: TypeRef): string {
  if (typeof type === 'string') {
    switch (type) {
      case 'integer':
        return 'an integer';
      case 'json':
        return 'a JSON object';
      case 'tags':
        return 'a list of tags';
      case 'timestamp':
        return 'a timestamp';
      default:
        return `a ${type}`;
    }
  }
  if ('list' in type) return `a list of ${pluralType(type.list)}`;
  if ('map' in type) return `a map of ${pluralType(type.map)}`;
  return `an object (${type.shape})`;
}

function pluralType(type: TypeRef): string {
  if (typeof type === 'string') return type === 'tags' ? 'tags' : `${type}s`;
  if ('list' in type) return 'lists';
  if ('map' in type) return 'maps';
  return `${type.shape} objects`;
}
