import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'packaging/dash-number-with-duration',
    category: 'packaging',
    severity: 'info',
    recommended: false,
    description: 'A MediaPackage v1 DASH endpoint with SegmentTemplateFormat NUMBER_WITH_DURATION, whose segment duration can never change.',
    details: 'Reports `DashPackage.SegmentTemplateFormat: NUMBER_WITH_DURATION` on MediaPackage v1 origin endpoints.',
    rationale:
      "With NUMBER_WITH_DURATION the manifest announces one fixed segment duration and players compute segment numbers from it, so MediaPackage does not let you change the endpoint's segment duration after it is created: aligning segments with a new encoder GOP or segment length later means replacing the endpoint and its playback URL. NUMBER_WITH_TIMELINE (the default) has no such restriction; keep NUMBER_WITH_DURATION only for players that need it.",
    messages: {
      immutableDuration: "{{property}} NUMBER_WITH_DURATION fixes the endpoint's segment duration for good: MediaPackage does not let you change SegmentDurationSeconds after the endpoint is created; use NUMBER_WITH_TIMELINE unless your players need a fixed $Number$ duration.",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint'],
    sources: ['MP-014'],
    references: [{ title: 'MediaPackage user guide: DASH packager settings (segment template format)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-dash-packager.html' }],
  },
  check(context) {
    for (const endpoint of context.resources('AWS::MediaPackage::OriginEndpoint')) {
      const format = Cursor.root(endpoint).at('dash_package', 'segment_template_format');
      if (format.string() !== 'NUMBER_WITH_DURATION') continue;
      context.report({ at: format, messageId: 'immutableDuration', data: { property: spellMember('segment_template_format', 'SegmentTemplateFormat', endpoint) } });
    }
  },
});
