import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { isCloudFormationFormat } from '../../graph/resource.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'mediaconvert/queue-pricing-plan',
    category: 'mediaconvert',
    severity: 'error',
    description: 'A MediaConvert queue whose pricing plan and reservation settings do not fit together.',
    details:
      "Checks `PricingPlan` and `ReservationPlanSettings` of every MediaConvert queue. In every format, an on-demand queue (`ON_DEMAND`, the default) must not have `ReservationPlanSettings`. In CloudFormation (and CDK) a queue cannot be `RESERVED` at all. In Terraform and Pangea, a `RESERVED` queue needs `ReservationPlanSettings`, and its `ReservedSlots` must be at least 1. Invalid `Commitment` (only `ONE_YEAR`) and `RenewalType` values and missing members of the settings are reported by the schema rules.",
    rationale:
      'The API rejects reservation settings on an on-demand queue ("Required for reserved queues and not applicable to on-demand queues") and a reserved queue without them. CloudFormation can create only on-demand queues; a reserved queue is a 12-month, non-cancellable purchase made in the console or API, so a template that declares one fails to deploy.',
    messages: {
      settingsOnDemand: '{{settings}} is set on an on-demand queue (PricingPlan {{plan}}), where the API does not accept it; remove it, or make the queue RESERVED if you have bought reserved transcoding slots.',
      cloudFormationReserved: "{{property}} is RESERVED, but CloudFormation can create only on-demand queues; set ON_DEMAND, and buy reserved transcode slots in the MediaConvert console (a 12-month commitment), referencing that queue by ARN.",
      reservedWithoutSettings: "{{property}} is RESERVED but the queue has no {{settings}}; add them with the one-year commitment, the renewal type and the number of reserved slots you are buying.",
      reservedSlots: '{{property}} is {{slots}}; a reserved queue needs at least 1 reserved transcode slot.',
    },
    appliesTo: ['AWS::MediaConvert::Queue'],
    sources: ['MC-008'],
    references: [
      { title: 'MediaConvert API: queues (PricingPlan, ReservationPlanSettings)', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/queues.html' },
      { title: 'MediaConvert user guide: about reserved queues', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/about-reserved-queues.html' },
      { title: 'AWS CloudFormation: AWS::MediaConvert::Queue PricingPlan ("you can create only on-demand queues")', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-mediaconvert-queue.html' },
    ],
  },
  check(context) {
    for (const queue of context.resources('AWS::MediaConvert::Queue')) {
      const root = Cursor.root(queue);
      const planCursor = root.get('pricing_plan');
      const plan = planCursor.isMissing ? 'ON_DEMAND' : planCursor.string();
      const settings = root.get('reservation_plan_settings');
      const property = memberLabel(planCursor);
      if (plan === 'ON_DEMAND' && settings.exists) {
        context.report({ at: settings, target: 'key', messageId: 'settingsOnDemand', data: { settings: memberLabel(settings), plan: planCursor.isMissing ? 'not set, so ON_DEMAND' : 'ON_DEMAND' } });
      }
      if (plan !== 'RESERVED') continue;
      if (isCloudFormationFormat(queue.format)) {
        context.report({ at: planCursor, messageId: 'cloudFormationReserved', data: { property } });
        continue;
      }
      if (settings.isMissing) {
        context.report({ at: planCursor, messageId: 'reservedWithoutSettings', data: { property, settings: memberLabel(settings) } });
        continue;
      }
      const slotsCursor = settings.get('reserved_slots');
      const slots = slotsCursor.number();
      if (slots !== undefined && slots < 1) context.report({ at: slotsCursor, messageId: 'reservedSlots', data: { property: memberLabel(slotsCursor), slots } });
    }
  },
});
