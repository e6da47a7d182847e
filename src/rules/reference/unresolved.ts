import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { forEachDescendant } from '../../graph/traverse.js';
import type { Scope, SourceFormat } from '../../graph/resource.js';
import type { ReferenceValue, Value } from '../../graph/value.js';
import { closestMatch } from '../support/suggest.js';
import { scopeNoun, suggestTarget } from '../support/references.js';
import { isTypedSlot } from '../support/typed-references.js';

export default defineRule({
  meta: {
    id: 'reference/unresolved',
    category: 'reference',
    severity: 'error',
    description: 'A reference to a resource that is not defined, or to an attribute the resource does not have.',
    details:
      'Reports every reference in a resource\'s properties — CloudFormation `Ref`, `Fn::GetAtt` and `${Name}` inside `Fn::Sub`, Terraform `aws_x.name.attr`, Pangea `x.id` / `ref(...)` — whose target is not a resource or parameter of the same template or module, with the closest defined name. For CloudFormation and CDK output it also checks that a `Fn::GetAtt` on a media resource names an attribute that the resource type has. References that a more specific rule checks (input attachments, multiplex programs) are left to that rule.',
    rationale:
      'CloudFormation rejects a template with an unresolved reference ("Unresolved resource dependencies") or an unknown attribute ("Requested attribute X must be a readonly property") at validation time; Terraform rejects it at plan. In a Pangea template the reference becomes a `${...}` string that only Terraform will trip over, after synthesis.',
    messages: {
      unresolved: "{{expression}} refers to '{{target}}', which is not defined in this {{scope}}.",
      unresolvedSuggestion: "{{expression}} refers to '{{target}}', which is not defined in this {{scope}}; did you mean '{{suggestion}}'?",
      unknownAttribute: "{{expression}} reads '{{attribute}}', which {{type}} does not have; did you mean '{{suggestion}}'?",
      unknownAttributeNoSuggestion: "{{expression}} reads '{{attribute}}', which {{type}} does not have; its attributes are {{attributes}}.",
    },
    appliesTo: '*',
    references: [
      { title: 'AWS CloudFormation: Ref', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ref.html' },
      { title: 'AWS CloudFormation: Fn::GetAtt', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html' },
      { title: 'Terraform: references to named values', url: 'https://developer.hashicorp.com/terraform/language/expressions/references' },
    ],
  },
  check(context) {
    type Report = (messageId: 'unresolved' | 'unresolvedSuggestion' | 'unknownAttribute' | 'unknownAttributeNoSuggestion', data: Record<string, string>) => void;

    const checkReference = (reference: ReferenceValue, scope: Scope, format: SourceFormat, report: Report) => {
      const target = context.graph.lookup(scope, reference.target);
      // A front-end leaves a reference to a declared parameter or variable resolved; one that it
      // could not find stays a reference, so a declared name here is one the front-end chose to keep.
      if (!target && scope.parameters.has(reference.target)) return;
      if (!target) {
        const suggestion = suggestTarget(scope, reference.target);
        const data = { expression: reference.expression, target: reference.target, scope: scopeNoun(scope) };
        report(suggestion ? 'unresolvedSuggestion' : 'unresolved', suggestion ? { ...data, suggestion } : data);
        return;
      }
      if (reference.attribute === undefined || (format !== 'cloudformation' && format !== 'cdk')) return;
      const attributes = target.isMediaType ? context.specs.resource(target.type)?.attributes : undefined;
      if (!attributes || attributes.length === 0) return;
      const attribute = reference.attribute.split('.')[0]!;
      if (attributes.includes(attribute)) return;
      const suggestion = closestMatch(attribute, attributes);
      const data = { expression: reference.expression, attribute, type: target.type };
      report(suggestion ? 'unknownAttribute' : 'unknownAttributeNoSuggestion', suggestion ? { ...data, suggestion } : { ...data, attributes: attributes.join(', ') });
    };

    for (const resource of context.graph.resources) {
      forEachDescendant(Cursor.root(resource), (cursor) => {
        const value = cursor.value;
        if (value?.kind === 'reference') {
          if (isTypedSlot(cursor)) return;
          checkReference(value, resource.scope, resource.format, (messageId, data) => context.report({ at: cursor, messageId, data }));
        } else if (value?.kind === 'template') {
          for (const part of value.parts) {
            if (typeof part === 'string' || part.kind !== 'reference') continue;
            checkReference(part, resource.scope, resource.format, (messageId, data) => context.report({ at: cursor, span: part.span, messageId, data }));
          }
        }
      });
    }

    for (const scope of context.graph.scopes) {
      for (const output of scope.outputs) {
        for (const reference of referencesIn(output.value)) {
          checkReference(reference, scope, scope.format, (messageId, data) => context.report({ scope, span: reference.span, messageId, data }));
        }
      }
    }
  },
});

/** Every reference in a value tree, including those inside partially known strings. */
function referencesIn(root: Value): ReferenceValue[] {
  const found: ReferenceValue[] = [];
  const stack: Value[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (value.kind === 'reference') found.push(value);
    else if (value.kind === 'object') for (const property of value.properties) stack.push(property.value);
    else if (value.kind === 'list') stack.push(...value.items);
    else if (value.kind === 'template') for (const part of value.parts) if (typeof part !== 'string') stack.push(part);
  }
  return found.sort((a, b) => a.span.start.offset - b.span.start.offset);
}
