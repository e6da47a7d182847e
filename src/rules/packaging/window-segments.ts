import { defineRule } from '../../engine/rule.js';
import { shortManifestWindows } from '../support/packaging.js';

export default defineRule({
  meta: {
    id: 'packaging/window-segments',
    category: 'packaging',
    severity: 'error',
    description: 'A live MediaPackage HLS playlist whose window holds fewer than six segments.',
    details:
      "For every live HLS playlist of MediaPackage (v1 `HlsPackage.PlaylistWindowSeconds` and `CmafPackage.HlsManifests[].PlaylistWindowSeconds`, v2 `HlsManifests[]` and `LowLatencyHlsManifests[]` `ManifestWindowSeconds`), divides the window by the package's or segment's `SegmentDurationSeconds` and reports a window shorter than six segments. Both values must be written; EVENT and VOD playlists are not checked. MediaPackage rounds segments up to a multiple of the input segment, so real playlists hold at most as many segments as computed. DASH manifests are `packaging/dash-window-segments`'s.",
    rationale:
      "Apple's HLS authoring specification requires at least six segments in a live playlist (8.11). Players start about three target durations behind the live edge; with fewer than six segments in the playlist, one late segment or slow playlist refresh leaves them nothing to play, and they stall.",
    messages: {
      tooFewSegments: '{{property}} {{window}} s holds {{count}} segments of {{segment}} s; a live HLS playlist must hold at least {{minimum}} segments (Apple HLS authoring specification 8.11); use a window of at least {{needed}} s.',
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['HLS-006', 'MP-005'],
    options: {
      minimumSegments: { description: 'Fewest segments a live HLS playlist may hold.', default: 6 },
    },
    references: [
      { title: 'Apple: HLS authoring specification for Apple devices, 8.11', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
      { title: 'MediaPackage user guide: HLS packager settings', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-hls-packager.html' },
      { title: 'MediaPackage v2 user guide: segment settings', url: 'https://docs.aws.amazon.com/mediapackage/latest/userguide/endpoints-segment.html' },
    ],
  },
  check(context) {
    for (const { entry, data } of shortManifestWindows(context, 'hls', Number(context.options.minimumSegments))) {
      context.report({ at: entry.window, messageId: 'tooFewSegments', data });
    }
  },
});
