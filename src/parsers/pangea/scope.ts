import { applyPropertyAliases } from '../../graph/aliases.js';
import { toCanonicalName } from '../../graph/names.js';
import type { Resource, Scope, ScopeParameter } from '../../graph/resource.js';
import type { SourceText } from '../../graph/source.js';
import { lookupResourceType, type NestedSettingsName } from '../../graph/type-registry.js';
import type { ListValue, ObjectValue, Value } from '../../graph/value.js';
import { defaultSpecRegistry } from '../../specs/registry.js';
import { Converter, normaliseShapes, type ReferenceContext } from './convert.js';
import { isTerraformOnly } from '../terraform-arguments.js';
import type { ResourceDecl, TemplateState } from './interpreter.js';
import type { Limits } from './limits.js';

/** Byte ranges of syntax errors, to leave alone the resources they fall in. */
export interface ErrorRange {
  start: number;
  end: number;
}

/** The scope of one `template :name do … end` block. */
export function buildScope(template: TemplateState, source: SourceText, limits: Limits, errors: readonly ErrorRange[], id: string, fileBudget: { nodes: number }): Scope {
  const file = source.file;
  const decls = [...template.resources.values()];
  const variables = new Map([...template.variables].map(([name, block]) => [name, { default: block.body.entries.get(':default')?.value }]));
  const context: ReferenceContext = {
    addresses: new Set(decls.map((decl) => decl.address)),
    wildcards: decls.filter((decl) => decl.namePattern).map((decl) => ({ type: decl.typeWritten, pattern: decl.namePattern!, address: decl.address })),
    variables,
    locals: template.locals,
  };
  const converter = new Converter(source, context, limits, fileBudget);

  const parameters = new Map<string, ScopeParameter>();
  for (const [name, block] of template.variables) {
    const parameter: ScopeParameter = { name: `var.${name}`, span: block.nameSpan };
    const fallback = block.body.entries.get(':default')?.value;
    if (fallback) {
      const value = converter.convert(fallback);
      if (value.kind === 'known' || value.kind === 'object' || value.kind === 'unknown') parameter.defaultValue = value;
    }
    parameters.set(parameter.name, parameter);
  }
  for (const entry of template.locals.entries.values()) {
    if (entry.key.t !== 'sym' && entry.key.t !== 'str') continue;
    const name = `local.${entry.key.v}`;
    const parameter: ScopeParameter = { name, span: entry.keySpan };
    const value = converter.convert(entry.value);
    if (value.kind === 'known' || value.kind === 'object' || value.kind === 'unknown') parameter.defaultValue = value;
    parameters.set(name, parameter);
  }

  const scope: Scope = { id, kind: 'pangea-template', format: 'pangea', file, resources: [], parameters, outputs: [] };
  const specs = defaultSpecRegistry();
  for (const decl of decls) {
    const info = lookupResourceType(decl.nested?.parent ?? decl.typeWritten);
    const type = info?.canonical ?? decl.typeWritten;
    const broken = errors.some((error) => error.start < decl.endByte && error.end >= decl.startByte);
    let properties: ObjectValue;
    converter.startValue();
    if (broken) {
      // A syntax error inside the declaration: what prism recovered may not be what was meant.
      properties = { kind: 'object', properties: [], open: true, span: decl.span };
    } else {
      const body = converter.object(decl.body);
      // Terraform meta-arguments (`lifecycle do … end` in a raw block) and provider-only arguments
      // (`start_channel`, `tags_all`) configure Terraform, not the resource.
      body.properties = body.properties.filter((property) => !isTerraformOnly(decl.typeWritten, property.sourceName));
      properties = decl.nested ? nestedParent(decl.nested, body, decl) : body;
      applyPropertyAliases(type, 'pangea', properties);
      const spec = info ? specs.resource(type) : undefined;
      if (spec) normaliseShapes(properties, spec.properties, spec);
    }
    const resource: Resource = {
      id: `${id}#${decl.address}`,
      scope,
      address: decl.address,
      logicalName: decl.name ?? decl.address.slice(decl.typeWritten.length + 1),
      type,
      sourceType: decl.typeWritten,
      isMediaType: info !== undefined,
      format: 'pangea',
      file,
      span: decl.span,
      nameSpan: decl.nameSpan,
      typeSpan: decl.typeSpan,
      properties,
      source,
    };
    scope.resources.push(resource);
  }

  for (const output of template.outputs) {
    const value = output.body.entries.get(':value')?.value;
    if (!value) continue;
    converter.startValue();
    scope.outputs.push({ name: toCanonicalName(output.name), sourceName: output.name, keySpan: output.nameSpan, value: converter.convert(value) });
  }
  return scope;
}

/**
 * A seed "nested settings" resource (`aws_medialive_channel_encoder_settings(:x, {…})`) is checked
 * as that part of its parent type: the hash is placed at the registry's path inside a synthetic
 * parent object. Every synthetic object and list is open, so the parent's other required members
 * are not reported missing and list-wide checks (destination ids, description names) skip them.
 */
function nestedParent(nested: NestedSettingsName, body: ObjectValue, decl: ResourceDecl): ObjectValue {
  let value: Value = body;
  for (let index = nested.path.length - 1; index >= 0; index--) {
    const segment = nested.path[index]!;
    if (segment === '*') {
      const list: ListValue = { kind: 'list', items: [value], open: true, span: decl.span };
      value = list;
    } else {
      value = { kind: 'object', open: true, span: decl.span, properties: [{ name: segment, sourceName: segment, keySpan: decl.typeSpan, value }] };
    }
  }
  return value as ObjectValue;
}

