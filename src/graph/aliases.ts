import type { SourceFormat } from './resource.js';
import { propertyAliases } from './type-registry.js';
import type { ObjectValue, Value } from './value.js';

/**
 * Renames the members a format spells differently from CloudFormation (see `propertyAliases` in
 * the type registry), so that rules see one shape whatever the input format. Front-ends call it on
 * a resource's properties after building them; the source spelling stays in `sourceName`.
 */
export function applyPropertyAliases(type: string, format: SourceFormat, properties: ObjectValue): void {
  for (const alias of propertyAliases) {
    if (alias.type !== type || !(alias.formats as readonly string[]).includes(format)) continue;
    renameAt(properties, alias.path, alias.to);
  }
}

function renameAt(value: Value, path: readonly string[], to: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === '*') {
    if (value.kind === 'list') for (const item of value.items) renameAt(item, rest, to);
    return;
  }
  if (value.kind !== 'object') return;
  for (const property of value.properties) {
    if (property.name !== head) continue;
    if (rest.length === 0) {
      // Only when the canonical name is not also present: then the user wrote both, and the
      // unknown-property rule should see the alias as written.
      if (!value.properties.some((other) => other.name === to)) property.name = to;
    } else {
      renameAt(property.value, rest, to);
    }
  }
}
