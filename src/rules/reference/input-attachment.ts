import { defineRule } from '../../engine/rule.js';
import { checkTypedSlots } from '../support/typed-references.js';

export default defineRule({
  meta: {
    id: 'reference/input-attachment',
    category: 'reference',
    severity: 'error',
    description: 'A MediaLive input attachment (or its failover secondary input) that references a missing resource or something other than a MediaLive input.',
    details:
      'Follows `InputAttachments[].InputId` and `InputAttachments[].AutomaticInputFailoverSettings.SecondaryInputId` of every MediaLive channel when they are references (`!Ref`, `aws_medialive_input.x.id`, `input.id` in Pangea) and reports a reference to a name that is not defined in the template or module, or to a resource that is not an `AWS::MediaLive::Input`. Literal input ids cannot be checked and are left alone.',
    rationale:
      'A channel whose input attachment points nowhere cannot be created; one that points at the wrong resource (the input security group is a common slip, since both are created side by side) fails when MediaLive looks the input up, after the stack update has started.',
    messages: {
      missingTarget: "{{property}} {{expression}} refers to '{{target}}', which is not defined in this {{scope}}; it must reference {{expected}}.",
      missingTargetSuggestion: "{{property}} {{expression}} refers to '{{target}}', which is not defined in this {{scope}}; did you mean '{{suggestion}}'?",
      wrongTargetType: '{{property}} {{expression}} refers to {{target}}, which is not {{expected}}.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    references: [
      { title: 'MediaLive API: InputAttachment', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'MediaLive user guide: automatic input failover', url: 'https://docs.aws.amazon.com/medialive/latest/ug/automatic-input-failover.html' },
    ],
  },
  check(context) {
    checkTypedSlots(context, 'reference/input-attachment');
  },
});
