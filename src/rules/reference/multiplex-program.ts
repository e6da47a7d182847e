import { defineRule } from '../../engine/rule.js';
import { checkTypedSlots } from '../support/typed-references.js';

export default defineRule({
  meta: {
    id: 'reference/multiplex-program',
    category: 'reference',
    severity: 'error',
    description: 'A MediaLive multiplex program whose multiplex reference points to a missing resource or to something other than a multiplex.',
    details:
      'Follows `MultiplexId` of every `AWS::MediaLive::Multiplexprogram` (Terraform `aws_medialive_multiplex_program.multiplex_id`) when it is a reference, and reports a reference to a name that is not defined, or to a resource that is not an `AWS::MediaLive::Multiplex`.',
    rationale: 'A program can only be created inside an existing multiplex; a dangling or mistyped reference fails the deployment of the program and of everything that depends on it.',
    messages: {
      missingTarget: "{{property}} {{expression}} refers to '{{target}}', which is not defined in this {{scope}}; it must reference {{expected}}.",
      missingTargetSuggestion: "{{property}} {{expression}} refers to '{{target}}', which is not defined in this {{scope}}; did you mean '{{suggestion}}'?",
      wrongTargetType: '{{property}} {{expression}} refers to {{target}}, which is not {{expected}}.',
    },
    appliesTo: ['AWS::MediaLive::Multiplexprogram'],
    references: [{ title: 'MediaLive user guide: setting up a multiplex', url: 'https://docs.aws.amazon.com/medialive/latest/ug/setting-up-multiplex.html' }],
  },
  check(context) {
    checkTypedSlots(context, 'reference/multiplex-program');
  },
});
