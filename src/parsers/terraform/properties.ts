import { toCanonicalName } from '../../graph/names.js';
import type { Span } from '../../graph/source.js';
import type { ListValue, ObjectValue, Property, Value } from '../../graph/value.js';
import type { MemberSpec, ResourceSpec, TypeRef } from '../../specs/types.js';
import { Env, placelessValue, type Evaluator } from './evaluate.js';
import { spanOf, type Block, type Body } from './syntax.js';
import { known, list, object, property, stringOf, unknownFrom } from './values.js';
import { isProviderOnly, META_ARGUMENTS, META_BLOCKS } from '../terraform-arguments.js';

/**
 * Turns a resource body into the resource's properties, walking the generated spec alongside so
 * that nested blocks take the shape rules expect: blocks of a member whose type is a list become a
 * list (`destinations { }` twice → two items), a block of a structure member becomes an object.
 * Members the spec does not know (provider-only blocks) are kept as written: one block is an
 * object, repeated blocks a list.
 */

interface Shape {
  spec: ResourceSpec;
  members: Record<string, MemberSpec>;
}

interface BlockInstance {
  block: Block;
  env: Env;
}

interface BlockGroup {
  type: string;
  keySpan: Span;
  instances: BlockInstance[];
  /** A dynamic block over a collection that is not known contributed an unknown number. */
  unknownDynamic: Value | undefined;
}

/** A member in source order: an attribute, or all blocks of one type (at its first block). */
interface Slot {
  property?: Property;
  group?: BlockGroup;
}

export interface PropertyOptions {
  /** The resource type as written, for the provider-only arguments. */
  sourceType: string;
  /** awscc resources spell members by snake-casing the CloudFormation names their own way. */
  awscc: boolean;
  /** The body is JSON syntax (`.tf.json`), where blocks are written as objects or arrays. */
  json: boolean;
}

export class PropertyBuilder {
  constructor(
    private readonly evaluator: Evaluator,
    private readonly options: PropertyOptions,
  ) {}

  /** The properties of a resource body. */
  resource(body: Body, spec: ResourceSpec | undefined, env: Env, span: Span): ObjectValue {
    const shape = spec ? { spec, members: spec.properties } : undefined;
    const result = this.body(body, shape, env, true, span);
    const blocks = this.options.json && !this.options.awscc;
    if (spec && (blocks || this.options.awscc)) alignWithSpec(result, { shape: '(resource)' }, spec, { blocks, awscc: this.options.awscc });
    return result;
  }

  private body(body: Body, shape: Shape | undefined, env: Env, topLevel: boolean, span: Span): ObjectValue {
    const properties: Property[] = [];
    const groups = new Map<string, BlockGroup>();
    const slots: Slot[] = [];
    for (const item of body.items) {
      if (item.kind === 'attribute') {
        if (topLevel && (META_ARGUMENTS.has(item.name) || isProviderOnly(this.options.sourceType, item.name))) continue;
        const value = this.evaluator.evaluate(item.expr, env);
        slots.push({ property: property(item.name, spanOf(item.src, item.nameStart, item.nameEnd), value) });
        continue;
      }
      if (topLevel && (META_BLOCKS.has(item.type) || isProviderOnly(this.options.sourceType, item.type))) continue;
      if (item.type === 'dynamic') {
        const name = item.labels[0]?.value;
        if (name === undefined) continue;
        const group = this.group(groups, slots, name, spanOf(item.src, item.labels[0]!.start, item.labels[0]!.end));
        this.dynamic(item, name, env, group);
        continue;
      }
      const group = this.group(groups, slots, item.type, spanOf(item.src, item.typeStart, item.typeEnd));
      group.instances.push({ block: item, env });
    }
    for (const slot of slots) {
      if (slot.property) properties.push(slot.property);
      else if (slot.group) {
        const built = this.blockGroup(slot.group, shape);
        if (built) properties.push(built);
      }
    }
    return object(properties, span, body.error);
  }

  private group(groups: Map<string, BlockGroup>, slots: Slot[], type: string, keySpan: Span): BlockGroup {
    let group = groups.get(type);
    if (!group) {
      group = { type, keySpan, instances: [], unknownDynamic: undefined };
      groups.set(type, group);
      slots.push({ group });
    }
    return group;
  }

  /** `dynamic "name" { for_each = …; iterator = it; content { … } }`: one block per element. */
  private dynamic(block: Block, name: string, env: Env, group: BlockGroup): void {
    let forEach: Value | undefined;
    let iterator = name;
    let content: Block | undefined;
    for (const item of block.body.items) {
      if (item.kind === 'attribute' && item.name === 'for_each') forEach = this.evaluator.evaluate(item.expr, env);
      else if (item.kind === 'attribute' && item.name === 'iterator') {
        if (item.expr.kind === 'variable') iterator = item.expr.name;
        else {
          const text = stringOf(this.evaluator.evaluate(item.expr, env));
          if (text) iterator = text;
        }
      } else if (item.kind === 'block' && item.type === 'content') content = item;
    }
    if (!content) return;
    const span = spanOf(block.src, block.start, block.end);
    const entries = forEach ? this.evaluator.entries(forEach) : undefined;
    if (!forEach || !entries) {
      group.unknownDynamic ??= unknownFrom(forEach ? [forEach] : [], `the for_each of dynamic "${name}" is not known`, span);
      return;
    }
    for (const [key, value] of entries) {
      const keyValue = key.kind === 'known' ? placelessValue(known(key.value, key.span)) : key;
      const iteratorValue = object([property('key', key.span, keyValue), property('value', value.span, value)], value.span);
      placelessValue(iteratorValue);
      group.instances.push({ block: content, env: env.with(new Map([[iterator, iteratorValue]])) });
    }
  }

  private blockGroup(group: BlockGroup, shape: Shape | undefined): Property | undefined {
    const canonical = toCanonicalName(group.type);
    const member = shape?.members[canonical];
    const expected: TypeRef | undefined = member?.type;
    const itemShape = shape ? nestedShape(shape.spec, expected) : undefined;
    const items = group.instances.map(({ block, env }) => this.body(block.body, itemShape, env, false, spanOf(block.src, block.start, block.end)));
    const isList = expected !== undefined && typeof expected !== 'string' && 'list' in expected;
    const first = items[0];
    let value: Value;
    if (isList) {
      value = list(items, first?.span ?? group.keySpan, group.unknownDynamic !== undefined);
    } else if (group.unknownDynamic) {
      value = items.length === 0 ? group.unknownDynamic : list(items, first!.span, true);
    } else if (items.length === 1) {
      value = first!;
    } else if (items.length === 0) {
      return undefined;
    } else {
      value = list(items, first!.span);
    }
    return { name: canonical, sourceName: group.type, keySpan: group.keySpan, value };
  }
}

function nestedShape(spec: ResourceSpec, type: TypeRef | undefined): Shape | undefined {
  if (type === undefined || typeof type === 'string') return undefined;
  if ('list' in type) return nestedShape(spec, type.list);
  if ('map' in type) return undefined;
  const shape = spec.shapes[type.shape];
  return shape ? { spec, members: shape.members } : undefined;
}

function membersOf(spec: ResourceSpec, type: TypeRef): Record<string, MemberSpec> | undefined {
  if (typeof type === 'string' || !('shape' in type)) return undefined;
  return type.shape === '(resource)' ? spec.properties : spec.shapes[type.shape]?.members;
}

export interface AlignOptions {
  /** JSON syntax and plans write blocks as objects or arrays of objects: give them the spec's
   * list-or-object shape. */
  blocks: boolean;
  /** Rename members that differ from the canonical spelling only by underscores
   * (`include_iframe_only_stream` → `include_i_frame_only_stream`), as the awscc provider spells
   * CloudFormation names. */
  awscc: boolean;
  /** Drop members the spec does not know and null values (plans list every computed attribute
   * and every unset argument). */
  dropUnknown?: boolean;
}

const squash = (name: string) => name.replace(/_/g, '');

/** Adjusts a value tree to the spec in place (see `AlignOptions`); returns the value to use. */
export function alignWithSpec(value: Value, type: TypeRef, spec: ResourceSpec, options: AlignOptions): Value {
  if (typeof type === 'string') return value;
  if ('list' in type) {
    if (options.blocks && value.kind === 'object' && isShape(type.list)) value = list([value], value.span);
    if (value.kind === 'list') value.items = value.items.map((item) => alignWithSpec(item, type.list, spec, options));
    return value;
  }
  if ('map' in type) {
    if (value.kind === 'object') for (const entry of value.properties) entry.value = alignWithSpec(entry.value, type.map, spec, options);
    return value;
  }
  if (options.blocks && value.kind === 'list' && value.items.length <= 1) {
    const only = value.items[0];
    if (only === undefined) return options.dropUnknown ? dropMarker : value;
    if (only.kind === 'object') value = only;
  }
  if (value.kind !== 'object') return value;
  const members = membersOf(spec, type);
  if (!members) return value;
  const kept: Property[] = [];
  for (const entry of value.properties) {
    let member = members[entry.name];
    if (!member && options.awscc) {
      const match = Object.keys(members).find((name) => squash(name) === squash(entry.name));
      if (match && !value.properties.some((other) => other.name === match)) {
        entry.name = match;
        member = members[match];
      }
    }
    if (options.dropUnknown && (!member || (entry.value.kind === 'known' && entry.value.value === null))) continue;
    if (member) {
      const aligned = alignWithSpec(entry.value, member.type, spec, options);
      if (aligned === dropMarker) continue;
      entry.value = aligned;
    }
    kept.push(entry);
  }
  value.properties = kept;
  return value;
}

function isShape(type: TypeRef): boolean {
  return typeof type !== 'string' && 'shape' in type;
}

/** Returned for an empty block list in a plan: the block is absent. */
const dropMarker: ListValue = { kind: 'list', items: [], span: { file: '', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };

