import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { forEachDescendant } from '../../graph/traverse.js';
import type { ReferenceValue } from '../../graph/value.js';
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
    for (const resource of context.graph.resources) {
      forEachDescendant(Cursor.root(resource), (cursor) => {
        const value = cursor.value;
        if (!value) return;
        const references: Array<{ reference: ReferenceValue; inTemplate: boolean }> = [];
        if (value.kind === 'reference') references.push({ reference: value, inTemplate: false });
        else if (value.kind === 'template') {
          for (const part of value.parts) if (typeof part !== 'string' && part.kind === 'reference') references.push({ reference: part, inTemplate: true });
        }
        for (const { reference, inTemplate } of references) {
          if (!inTemplate && isTypedSlot(cursor)) continue;
          const span = inTemplate ? reference.span : undefined;
          const target = context.resolve(reference, resource);
          if (!target) {
            const suggestion = suggestTarget(resource.scope, reference.target);
            const data = { expression: reference.expression, target: reference.target, scope: scopeNoun(resource.scope) };
            context.report({ at: cursor, ...(span ? { span } : {}), messageId: suggestion ? 'unresolvedSuggestion' : 'unresolved', data: suggestion ? { ...data, suggestion } : data });
            continue;
          }
          if (reference.attribute === undefined || (resource.format !== 'cloudformation' && resource.format !== 'cdk')) continue;
          const attributes = target.isMediaType ? context.specs.resource(target.type)?.attributes : undefined;
          if (!attributes || attributes.length === 0) continue;
          const attribute = reference.attribute.split('.')[0]!;
          if (attributes.includes(attribute)) continue;
          const suggestion = closestMatch(attribute, attributes);
          const data = { expression: reference.expression, attribute, type: target.type };
          context.report({
            at: cursor,
            ...(span ? { span } : {}),
            messageId: suggestion ? 'unknownAttribute' : 'unknownAttributeNoSuggestion',
            data: suggestion ? { ...data, suggestion } : { ...data, attributes: attributes.join(', ') },
          });
        }
      });
    }
  },
});
