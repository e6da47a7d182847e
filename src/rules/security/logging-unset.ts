import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'security/logging-unset',
    category: 'security',
    severity: 'info',
    description: 'A MediaLive channel that does not set LogLevel, so its logs stay disabled.',
    details:
      'Reports a MediaLive channel without `LogLevel`: MediaLive then writes no channel logs (the default is `DISABLED`). An explicit `DISABLED` is `security/logging-disabled`\'s. A channel whose properties may hold members the tool cannot see is not reported.',
    rationale:
      'Logs are off unless a channel asks for them, and most templates never mention `LogLevel`, so incidents on those channels leave no record in CloudWatch Logs. This is reported as information rather than a warning because it is the default state of nearly every channel in the wild: a warning on each would bury the findings that break streams. Teams that require channel logs can raise it to warning in the configuration.',
    messages: {
      unset: "Channel '{{channel}}' does not set {{property}}, so MediaLive writes no channel logs (the default is DISABLED); set {{property}}: ERROR or WARNING to keep a record of input loss, failovers and output errors.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-028'],
    securitySeverity: 2.0,
    references: [
      { title: 'MediaLive user guide: enabling channel logs', url: 'https://docs.aws.amazon.com/medialive/latest/ug/enabling-disabling-logs.html' },
      { title: 'MediaLive API: Channel.LogLevel', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const root = Cursor.root(channel);
      const level = root.get('log_level');
      if (!level.isMissing) continue;
      context.report({ at: root, messageId: 'unset', data: { channel: root.get('name').string() ?? channel.address, property: memberLabel(level) } });
    }
  },
});
