import { defineRule } from '../../engine/rule.js';
import type { Value } from '../../graph/value.js';
import type { TypeRef } from '../../specs/types.js';
import { describeType, schemaWalk, topLevelShape } from '../../specs/walk.js';
import { spellMember } from '../support/spelling.js';

/**
 * Whether a value can stand where the type is expected. Deliberately as lenient as the services
 * are: CloudFormation turns `"5000000"` into an integer and `5` into a string, and accepts
 * `"true"` for a boolean. Unknown values, references and partially known strings always pass.
 */
export function acceptsValue(type: TypeRef, value: Value): boolean {
  if (value.kind === 'unknown' || value.kind === 'reference') return true;
  if (value.kind === 'known' && value.value === null) return true;
  if (typeof type === 'string') {
    switch (type) {
      case 'json':
        return true;
      case 'tags':
        return value.kind === 'list' || value.kind === 'object';
      case 'string':
      case 'timestamp':
        return value.kind === 'known' || value.kind === 'template';
      case 'integer':
        return value.kind === 'template' || (value.kind === 'known' && isInteger(value.value));
      case 'number':
        return value.kind === 'template' || (value.kind === 'known' && isNumeric(value.value));
      case 'boolean':
        return (
          value.kind === 'template' ||
          (value.kind === 'known' && (typeof value.value === 'boolean' || (typeof value.value === 'string' && /^(true|false)$/i.test(value.value))))
        );
    }
  }
  if ('list' in type) return value.kind === 'list';
  return value.kind === 'object';
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(value);
}

function isInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value);
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value);
}

function describeActual(value: Value): string {
  if (value.kind === 'known') {
    if (typeof value.value === 'string') return `the string "${value.value}"`;
    if (typeof value.value === 'number') return Number.isInteger(value.value) ? `the integer ${value.value}` : `the number ${value.value}`;
    return `the ${typeof value.value} ${String(value.value)}`;
  }
  if (value.kind === 'object') return 'an object';
  if (value.kind === 'list') return 'a list';
  return 'a string';
}

export default defineRule({
  meta: {
    id: 'schema/invalid-type',
    category: 'schema',
    severity: 'error',
    description: 'A property value of the wrong type (a list where an object belongs, text where a number belongs).',
    details:
      'Compares each known value with the type the AWS models give its member: string, integer, number, boolean, list, map or structure. Numbers written as strings (`"5000000"`) are accepted where a number is expected and `"true"`/`"false"` where a boolean is, because CloudFormation converts them. Values the tool cannot resolve are never reported.',
    rationale:
      'A value of the wrong shape fails the deployment (CloudFormation "Value of property X must be of type Y", a Terraform plan error) or, where a tool passes it through, the service API call. Writing one settings object where the model expects a list of them is the most common form, and easy to do when moving between formats.',
    messages: {
      invalidType: '{{property}} in {{shape}} must be {{expected}}, not {{actual}}.',
    },
    appliesTo: '*',
    references: [{ title: 'AWS CloudFormation template anatomy: property value types', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html' }],
  },
  check(context) {
    for (const resource of context.graph.resources) {
      const walk = schemaWalk(resource, context.specs);
      if (!walk) continue;
      for (const visit of walk.values) {
        const value = visit.cursor.value!;
        if (acceptsValue(visit.expected, value)) continue;
        const canonical = String(visit.cursor.path.findLast((segment) => typeof segment === 'string'));
        context.report({
          at: visit.cursor,
          messageId: 'invalidType',
          data: {
            property: visit.element ? `An item of ${spellMember(canonical, visit.member.name, resource)}` : spellMember(canonical, visit.member.name, resource),
            shape: visit.ownerShape === topLevelShape ? resource.type : visit.ownerShape,
            expected: describeType(visit.expected),
            actual: describeActual(value),
          },
        });
      }
    }
  },
});
