import { defineRule } from '../../engine/rule.js';
import { shortManifestWindows } from '../support/packaging.js';

export default defineRule({
  meta: {
    id: 'packaging/dash-window-segments',
    category: 'packaging',
    severity: 'warning',
    description: 'A live MediaPackage DASH manifest whose window holds fewer than six segments.',
    details:
      "For every live DASH manifest of MediaPackage (v1 `DashPackage.ManifestWindowSeconds`, v2 `DashManifests[].ManifestWindowSeconds`), divides the window by the package's or segment's `SegmentDurationSeconds` and reports a window shorter than six segments. Both values must be written.",
    rationale:
      'A DASH player needs segments behind the live edge to start at its presentation delay, to buffer and to recover from a late segment. The six-segment floor Apple sets for HLS live playlists is a sound minimum for DASH too; a shorter window leads to stalls and to players that cannot join at the intended latency.',
    messages: {
      tooFewSegments: '{{property}} {{window}} s holds {{count}} segments of {{segment}} s; a live DASH manifest should hold at least {{minimum}} segments so that players can buffer and recover; use a window of at least {{needed}} s.',
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['MP-005'],
    options: {
      minimumSegments: { description: 'Fewest segments a live DASH manifest should hold.', default: 6 },
    },
    references: [
      { title: 'MediaPackage user guide: DASH packager settings', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-dash-packager.html' },
      { title: 'Apple: HLS authoring specification for Apple devices, 8.11 (the six-segment floor)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
  },
  check(context) {
    for (const { entry, data } of shortManifestWindows(context, 'dash', Number(context.options.minimumSegments))) {
      context.report({ at: entry.window, messageId: 'tooFewSegments', data });
    }
  },
});
