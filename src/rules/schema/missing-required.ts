import { defineRule } from '../../engine/rule.js';
import { schemaWalk, topLevelShape } from '../../specs/walk.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'schema/missing-required',
    category: 'schema',
    severity: 'error',
    description: 'A required property is missing from a resource or settings structure.',
    details:
      'For every known object of a media resource, checks that the members the CloudFormation resource schema marks as required are present (for structures that exist only in the service API, such as MediaConvert job settings, the API model\'s required members). An object that may hold keys the tool cannot see (a merge with an unknown value) is not checked.',
    rationale:
      'A missing required property fails the deployment: CloudFormation reports "required key [X] not found" only when the stack operation runs, and the service API rejects the request. For nested encoder structures this often surfaces late, for example a video description without a name or a multiplex without its transport stream settings.',
    messages: {
      missingRequired: "{{shape}} requires '{{property}}', which is missing.",
    },
    appliesTo: '*',
    references: [{ title: 'AWS CloudFormation resource type reference: media services', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_MediaLive.html' }],
  },
  check(context) {
    for (const resource of context.graph.resources) {
      const walk = schemaWalk(resource, context.specs);
      if (!walk) continue;
      for (const object of walk.objects) {
        for (const [canonical, member] of Object.entries(object.members)) {
          if (!member.required) continue;
          const child = object.cursor.get(canonical);
          if (!child.isMissing) continue;
          context.report({
            at: object.cursor,
            target: 'key',
            messageId: 'missingRequired',
            data: {
              shape: object.shapeName === topLevelShape ? resource.type : object.shapeName,
              property: spellMember(canonical, member.name, resource),
            },
          });
        }
      }
    }
  },
});
