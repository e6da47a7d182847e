import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { attachedInputs, certainLength, inputIdentity, inputType, referencedInput, resourceName } from '../support/redundancy.js';

/** How an input id value reads in a message: the reference as written, or the quoted literal id. */
function describeInputId(cursor: Cursor): string {
  return cursor.reference()?.expression ?? `'${cursor.string() ?? ''}'`;
}

export default defineRule({
  meta: {
    id: 'redundancy/failover-pair',
    category: 'redundancy',
    severity: 'error',
    description: "An automatic input failover pair whose secondary input is not attached to the channel, is the primary itself, or is of another input type.",
    details:
      "For every `InputAttachments[]` entry of a MediaLive channel with `AutomaticInputFailoverSettings`, checks that `SecondaryInputId` designates another input that is also attached to the channel (compared as references to the same resource, or as identical literal ids), and, when both inputs are defined in the template with a known `Type`, that the primary and the secondary input are of the same type. When an input id is not known, or the ids mix references and literal ids, membership is not checked.",
    rationale:
      'Automatic input failover switches between two inputs the channel already ingests: both must be attached to the channel and carry the same kind of stream. MediaLive rejects a failover pair whose secondary input is not attached or whose inputs differ in type, when the channel is created or updated.',
    messages: {
      notAttached: "{{property}} {{secondary}} is not one of the channel's input attachments; attach the secondary input to the channel as well, then name it here.",
      sameInput: '{{property}} {{secondary}} is the attachment\'s own input; a failover pair needs a second input that carries the same content.',
      differentTypes: 'Automatic input failover pairs input {{primary}} ({{primaryType}}) with {{secondary}} ({{secondaryType}}); both inputs of a failover pair must be of the same type; pair it with another {{primaryType}} input.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-006'],
    references: [
      { title: 'MediaLive user guide: implementing automatic input failover', url: 'https://docs.aws.amazon.com/medialive/latest/ug/automatic-input-failover.html' },
      { title: 'MediaLive API: AutomaticInputFailoverSettings', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const attachments = attachedInputs(channel, context.resolve);
      const attachmentsKnown = certainLength(Cursor.root(channel).get('input_attachments')) !== undefined;
      for (const attached of attachments) {
        const settings = attached.attachment.get('automatic_input_failover_settings');
        const secondaryCursor = settings.get('secondary_input_id');
        const secondary = inputIdentity(secondaryCursor, context.resolve);
        if (!secondary) continue;
        const property = spellMember('secondary_input_id', 'SecondaryInputId', channel);
        if (attached.identity && attached.identity.kind === secondary.kind && attached.identity.key === secondary.key) {
          context.report({ at: secondaryCursor, messageId: 'sameInput', data: { property, secondary: describeInputId(secondaryCursor) } });
          continue;
        }
        const comparable = attachmentsKnown && attachments.every((other) => other.identity?.kind === secondary.kind);
        if (comparable && !attachments.some((other) => other.identity?.key === secondary.key)) {
          context.report({ at: secondaryCursor, messageId: 'notAttached', data: { property, secondary: describeInputId(secondaryCursor) } });
          continue;
        }
        const secondaryInput = referencedInput(secondaryCursor, context.resolve);
        const secondaryType = inputType(secondaryInput);
        if (!attached.input || !secondaryInput || attached.inputType === undefined || secondaryType === undefined) continue;
        if (attached.inputType === secondaryType) continue;
        context.report({
          at: secondaryCursor,
          messageId: 'differentTypes',
          data: { primary: resourceName(attached.input), primaryType: attached.inputType, secondary: resourceName(secondaryInput), secondaryType },
        });
      }
    }
  },
});
