import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'security/logging-disabled',
    category: 'security',
    severity: 'warning',
    description: 'A MediaLive channel with LogLevel DISABLED.',
    details:
      'Reports a MediaLive channel whose `LogLevel` is `DISABLED`. A channel that leaves `LogLevel` out is `security/logging-unset`\'s (info), because leaving the default is far more common and usually an oversight rather than a decision.',
    rationale:
      'With logging disabled MediaLive writes no channel logs to CloudWatch Logs: input loss, failover, output errors and configuration changes during an incident leave no trace, which makes outages and tampering hard to investigate. ERROR or WARNING costs little and keeps the record.',
    messages: {
      disabled: "{{property}} is DISABLED, so the channel writes no logs to CloudWatch Logs; set it to ERROR or WARNING (INFO while commissioning) to keep a record of input loss, failovers and output errors.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-028'],
    securitySeverity: 3.5,
    references: [
      { title: 'MediaLive user guide: enabling channel logs', url: 'https://docs.aws.amazon.com/medialive/latest/ug/enabling-disabling-logs.html' },
      { title: 'MediaLive API: Channel.LogLevel', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const level = Cursor.root(channel).get('log_level');
      if (level.string() !== 'DISABLED') continue;
      context.report({ at: level, messageId: 'disabled', data: { property: memberLabel(level) } });
    }
  },
});
