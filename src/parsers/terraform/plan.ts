import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { applyPropertyAliases } from '../../graph/aliases.js';
import type { Resource, Scope } from '../../graph/resource.js';
import type { SourceText } from '../../graph/source.js';
import type { ObjectValue, Value } from '../../graph/value.js';
import { defaultSpecRegistry } from '../../specs/registry.js';
import { describeJsonError } from '../cloudformation/json.js';
import { entriesOf, jsonValue } from './json.js';
import { terraformType } from './module.js';
import { alignWithSpec } from './properties.js';
import type { SyntaxProblem } from './syntax.js';
import { list, member, object, property, unknown } from './values.js';

/**
 * `terraform show -json` output: a plan (`planned_values`, `resource_changes`, `configuration`) or
 * state (`values`). Values are those Terraform computed; attributes known only after apply
 * (`after_unknown`) are unknown values. The plan has no source positions for the configuration,
 * so findings point into the plan file.
 */

// Whether a JSON text is `terraform show -json` output: in ../claims.ts, which the engine asks
// about every file without loading this module.

export interface PlanOutcome {
  scopes: Scope[];
  problems: SyntaxProblem[];
}

export function readPlan(src: SourceText): PlanOutcome {
  const errors: ParseError[] = [];
  const root = parseTree(src.text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first) return { scopes: [], problems: [{ start: first.offset, end: first.offset + first.length, message: describeJsonError(first, src.text) }] };
  const top = new Map(entriesOf(root).map(([key, , value]) => [key, value]));
  const values = top.get('planned_values') ?? top.get('values');
  const rootModule = new Map(entriesOf(values).map(([key, , value]) => [key, value])).get('root_module');
  const afterUnknown = new Map<string, JsonNode>();
  for (const change of top.get('resource_changes')?.children ?? []) {
    const fields = new Map(entriesOf(change).map(([key, , value]) => [key, value]));
    const address = fields.get('address')?.value;
    const after = new Map(entriesOf(fields.get('change')).map(([key, , value]) => [key, value])).get('after_unknown');
    if (typeof address === 'string' && after) afterUnknown.set(address, after);
  }
  const scopes: Scope[] = [];
  if (rootModule) readModule(rootModule, src, src.file, afterUnknown, scopes);
  return { scopes, problems: [] };
}

function readModule(node: JsonNode, src: SourceText, scopeId: string, afterUnknown: Map<string, JsonNode>, scopes: Scope[]): void {
  const fields = new Map(entriesOf(node).map(([key, , value]) => [key, value]));
  const scope: Scope = { id: scopeId, kind: 'terraform-module', format: 'terraform', file: src.file, resources: [], parameters: new Map(), outputs: [] };
  scopes.push(scope);
  const specs = defaultSpecRegistry();
  for (const entry of fields.get('resources')?.children ?? []) {
    const resourceFields = new Map(entriesOf(entry).map(([key, , value]) => [key, value]));
    const text = (key: string) => {
      const value = resourceFields.get(key)?.value;
      return typeof value === 'string' ? value : undefined;
    };
    const address = text('address');
    const type = text('type');
    const name = text('name');
    if (!address || !type || !name || text('mode') === 'data') continue;
    const info = terraformType(type);
    const valuesNode = resourceFields.get('values');
    const span = src.span(entry.offset, entry.offset + entry.length);
    let properties: ObjectValue = valuesNode ? asObject(jsonValue(valuesNode, src)) : object([], span);
    const after = afterUnknown.get(address);
    if (after) markUnknown(properties, after, src);
    if (info) {
      applyPropertyAliases(info.canonical, 'terraform', properties);
      const spec = specs.resource(info.canonical);
      if (spec) properties = asObject(alignWithSpec(properties, { shape: '(resource)' }, spec, { blocks: !type.startsWith('awscc_'), awscc: type.startsWith('awscc_'), dropUnknown: true }));
    }
    const nameNode = resourceFields.get('name')!;
    const typeNode = resourceFields.get('type')!;
    const resource: Resource = {
      id: `${scope.id}#${address}`,
      scope,
      address,
      logicalName: name,
      type: info?.canonical ?? type,
      sourceType: type,
      isMediaType: info !== undefined,
      format: 'terraform',
      file: src.file,
      span,
      nameSpan: src.span(nameNode.offset + 1, nameNode.offset + nameNode.length - 1),
      typeSpan: src.span(typeNode.offset + 1, typeNode.offset + typeNode.length - 1),
      properties,
      source: src,
    };
    scope.resources.push(resource);
  }
  for (const child of fields.get('child_modules')?.children ?? []) {
    const address = new Map(entriesOf(child).map(([key, , value]) => [key, value])).get('address')?.value;
    readModule(child, src, `${src.file}::${typeof address === 'string' ? address : 'module'}`, afterUnknown, scopes);
  }
}

function asObject(value: Value): ObjectValue {
  return value.kind === 'object' ? value : object([], value.span);
}

/** Puts an unknown value wherever `after_unknown` says the planned value is known only after apply. */
function markUnknown(value: Value, after: JsonNode, src: SourceText): void {
  if (after.type === 'object' && value.kind === 'object') {
    for (const [key, keyNode, flag] of entriesOf(after)) {
      const span = src.span(keyNode.offset, keyNode.offset + keyNode.length);
      const existing = member(value, key);
      if (flag.type === 'boolean' && flag.value === true) {
        const placeholder = unknown('computed-attribute', `${key} is known only after apply`, existing?.value.span ?? span);
        if (existing) existing.value = placeholder;
        else value.properties.push(property(key, span, placeholder));
      } else if (flag.type === 'object' || flag.type === 'array') {
        if (existing && existing.value.kind !== 'known') markUnknown(existing.value, flag, src);
        else if (!existing || (existing.value.kind === 'known' && existing.value.value === null)) {
          const created = flag.type === 'object' ? object([], span) : list([], span);
          markUnknown(created, flag, src);
          if (existing) existing.value = created;
          else value.properties.push(property(key, span, created));
        }
      }
    }
  } else if (after.type === 'array' && value.kind === 'list') {
    (after.children ?? []).forEach((flag, index) => {
      const item = value.items[index];
      if (flag.type === 'boolean' && flag.value === true) {
        value.items[index] = unknown('computed-attribute', 'known only after apply', item?.span ?? value.span);
      } else if (item && (flag.type === 'object' || flag.type === 'array')) {
        markUnknown(item, flag, src);
      }
    });
  }
}
