import { defineRule } from '../../engine/rule.js';
import { schemaWalk, topLevelShape } from '../../specs/walk.js';
import { closestMatch } from '../support/suggest.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'schema/unknown-property',
    category: 'schema',
    severity: 'error',
    description: 'A property that the resource or settings structure does not have.',
    details:
      'Checks every property of every media resource, at every depth, against the members the AWS models define for that structure (the CloudFormation resource schema merged with the service API model). A name that is not a member is reported with the closest member name when one is close enough to be a typo.',
    rationale:
      'CloudFormation rejects a template with an unsupported property only at deploy time ("Encountered unsupported property"), after a change set has been created; Terraform rejects it at plan time; a Pangea template passes it through to Terraform. A misspelt optional setting in a deeply nested encoder structure is easy to miss in review and silently leaves the default in place where the service tolerates it.',
    messages: {
      unknownProperty: "Unknown property '{{name}}' in {{shape}}; did you mean '{{suggestion}}'?",
      unknownPropertyNoSuggestion: "Unknown property '{{name}}' in {{shape}}.",
    },
    appliesTo: '*',
    references: [
      { title: 'AWS CloudFormation resource type reference: media services', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_MediaLive.html' },
      { title: 'AWS SDK for JavaScript v3 model declarations (the generated specs in src/specs/generated/)' },
    ],
  },
  check(context) {
    for (const resource of context.graph.resources) {
      const walk = schemaWalk(resource, context.specs);
      if (!walk) continue;
      for (const unknown of walk.unknownMembers) {
        const name = unknown.cursor.property?.sourceName ?? String(unknown.cursor.segment);
        const shape = unknown.shapeName === topLevelShape ? resource.type : unknown.shapeName;
        const candidates = Object.entries(unknown.members).map(([canonical, member]) => spellMember(canonical, member.name, resource));
        const suggestion = closestMatch(name, candidates);
        context.report({
          at: unknown.cursor,
          target: 'key',
          messageId: suggestion ? 'unknownProperty' : 'unknownPropertyNoSuggestion',
          data: suggestion ? { name, shape, suggestion } : { name, shape },
        });
      }
    }
  },
});
