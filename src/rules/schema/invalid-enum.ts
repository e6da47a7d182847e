import { defineRule } from '../../engine/rule.js';
import { schemaWalk, topLevelShape } from '../../specs/walk.js';
import { closestMatch } from '../support/suggest.js';
import { listValues, spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'schema/invalid-enum',
    category: 'schema',
    severity: 'error',
    description: 'A value that is not one of the values the service accepts for that setting.',
    details:
      'Checks every known string value of an enumerated member (codec profiles, levels, rate-control modes, GOP units, channel classes, input types, …) against the values listed in the AWS SDK models, which are generated into `src/specs/generated/`. The closest valid value is suggested. Case matters: the services reject `high` for `HIGH`.',
    rationale:
      'An invalid enum value is rejected by the service API when the channel, endpoint or template is created, which for CloudFormation means a failed and rolled-back stack update, often minutes into a deployment. The values are exact tokens (`H264_LEVEL_4_1`, `CODING_MODE_2_0`) that are easy to mistype.',
    messages: {
      invalidEnum: '"{{value}}" is not a valid value for {{property}} in {{shape}}; did you mean "{{suggestion}}"?',
      invalidEnumNoSuggestion: '"{{value}}" is not a valid value for {{property}} in {{shape}}; valid values are {{values}}.',
    },
    appliesTo: '*',
    hasSuggestions: true,
    references: [
      { title: 'AWS Elemental MediaLive API reference', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/' },
      { title: 'AWS Elemental MediaConvert API reference', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/' },
      { title: 'AWS Elemental MediaPackage API reference', url: 'https://docs.aws.amazon.com/mediapackage/latest/apireference/' },
    ],
  },
  check(context) {
    for (const resource of context.graph.resources) {
      const walk = schemaWalk(resource, context.specs);
      if (!walk) continue;
      for (const visit of walk.values) {
        if (!visit.member.enum) continue;
        if (typeof visit.expected !== 'string') continue; // the list itself; its items are visited too
        const value = visit.cursor.string();
        if (value === undefined) continue;
        const allowed = context.specs.enumValues(resource.type, visit.member.enum);
        if (!allowed || allowed.length === 0 || allowed.includes(value)) continue;
        const canonical = String(visit.cursor.path.findLast((segment) => typeof segment === 'string'));
        const property = spellMember(canonical, visit.member.name, resource);
        const shape = visit.ownerShape === topLevelShape ? resource.type : visit.ownerShape;
        const suggestion = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase()) ?? closestMatch(value, allowed);
        context.report({
          at: visit.cursor,
          messageId: suggestion ? 'invalidEnum' : 'invalidEnumNoSuggestion',
          data: suggestion ? { value, property, shape, suggestion } : { value, property, shape, values: listValues(allowed) },
          ...(suggestion ? { suggestion: { replaceWith: suggestion } } : {}),
        });
      }
    }
  },
});
