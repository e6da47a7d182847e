import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';

const minimumDelay = 5;
const maximumDelay = 86400;

export default defineRule({
  meta: {
    id: 'packaging/time-delay',
    category: 'packaging',
    severity: 'error',
    description: 'A MediaPackage v1 time delay outside 5 to 86400 seconds, or not shorter than the startover window.',
    details:
      'Checks `TimeDelaySeconds` of every MediaPackage v1 origin endpoint when it is known and not 0 (0 turns the delay off): it must be between 5 and 86400 seconds, and when `StartoverWindowSeconds` is known and not 0 it must be shorter than the startover window.',
    rationale:
      'MediaPackage accepts a time delay of 5 seconds to 24 hours, and serves delayed content out of the startover window, so the delay must be shorter than that window. The v1 API model carries none of these limits, so CloudFormation and Terraform pass the value through and the endpoint fails when MediaPackage validates it.',
    messages: {
      outOfRange: '{{property}} {{delay}} is outside the time delay MediaPackage accepts: between {{minimum}} and {{maximum}} seconds (24 hours), or 0 to turn it off.',
      notBelowStartover: '{{property}} {{delay}} is not shorter than {{startoverProperty}} {{startover}}; MediaPackage serves delayed content from the startover window, so the delay must be shorter; lengthen the startover window or shorten the delay.',
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint'],
    sources: ['MP-004'],
    references: [
      { title: 'MediaPackage user guide: creating an HLS endpoint (time delay: 5 s to 86,400 s, less than the startover window)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-hls-new.html' },
      { title: 'MediaPackage user guide: time-shifted viewing', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/time-shifted.html' },
    ],
  },
  check(context) {
    for (const endpoint of context.resources('AWS::MediaPackage::OriginEndpoint')) {
      const root = Cursor.root(endpoint);
      const delayCursor = root.get('time_delay_seconds');
      const delay = delayCursor.number();
      if (delay === undefined || delay === 0) continue;
      const property = spellMember('time_delay_seconds', 'TimeDelaySeconds', endpoint);
      if (delay < minimumDelay || delay > maximumDelay) {
        context.report({ at: delayCursor, messageId: 'outOfRange', data: { property, delay, minimum: minimumDelay, maximum: maximumDelay } });
        continue;
      }
      const startover = root.get('startover_window_seconds').number();
      if (startover === undefined || startover === 0 || delay < startover) continue;
      context.report({
        at: delayCursor,
        messageId: 'notBelowStartover',
        data: { property, delay, startoverProperty: spellMember('startover_window_seconds', 'StartoverWindowSeconds', endpoint), startover },
      });
    }
  },
});
