import { defineRule } from '../../engine/rule.js';
import { spellMember } from '../support/spelling.js';
import { liveManifestWindows } from '../support/packaging.js';

function describeDuration(seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export default defineRule({
  meta: {
    id: 'packaging/live-window-duration',
    category: 'packaging',
    severity: 'info',
    recommended: false,
    description: "A live MediaPackage HLS window shorter than 15 minutes, or a MediaPackage v1 window above the default 5-minute manifest length quota.",
    details:
      "Reports every live HLS playlist window of MediaPackage v1 and v2 (`PlaylistWindowSeconds`, `ManifestWindowSeconds`) shorter than 900 s, and every MediaPackage v1 live window (HLS, CMAF, DASH, Microsoft Smooth) longer than 300 s, the default value of the v1 quota \"Maximum Live Manifest Length\". Both thresholds are options: use 7200 s for a tvOS profile, or the quota your account has been granted.",
    rationale:
      "Apple recommends at least 15 minutes of content in a live playlist (HLS authoring specification 8.12; 120 minutes for tvOS), so that viewers can pause and rewind and players have room to recover. MediaPackage v1 caps live manifests at 5 minutes unless the quota is raised: a longer window needs a quota increase before it deploys.",
    messages: {
      shortWindow: '{{property}} {{window}} s keeps {{duration}} of live content in the playlist; Apple recommends at least {{minimumDuration}} so viewers can pause and rewind; lengthen the window.',
      shortWindowV1: '{{property}} {{window}} s keeps {{duration}} of live content in the playlist; Apple recommends at least {{minimumDuration}} so viewers can pause and rewind; lengthen the window (beyond {{quota}} s, raise the MediaPackage Maximum Live Manifest Length quota first).',
      aboveQuota: "{{property}} {{window}} s is longer than MediaPackage v1's default Maximum Live Manifest Length quota of {{quota}} s; request a quota increase before deploying, or shorten the window.",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['HLS-007', 'MP-005'],
    options: {
      minimumWindowSeconds: { description: 'Shortest live HLS window, in seconds (Apple: 900; tvOS: 7200).', default: 900 },
      v1ManifestLengthQuotaSeconds: { description: 'The account\'s MediaPackage v1 "Maximum Live Manifest Length" quota, in seconds.', default: 300 },
    },
    references: [
      { title: 'Apple: HLS authoring specification for Apple devices, 8.12', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
      { title: 'MediaPackage user guide: quotas for live content', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/live-quotas.html' },
    ],
  },
  check(context) {
    const minimum = Number(context.options.minimumWindowSeconds);
    const quota = Number(context.options.v1ManifestLengthQuotaSeconds);
    for (const entry of liveManifestWindows(context)) {
      const window = entry.window.number();
      if (window === undefined) continue;
      const property = spellMember(entry.window.segment as string, entry.windowApiName, entry.resource);
      if (entry.service === 'v1' && window > quota) {
        context.report({ at: entry.window, messageId: 'aboveQuota', data: { property, window, quota } });
      } else if (entry.protocol === 'hls' && window < minimum) {
        const data = { property, window, duration: describeDuration(window), minimumDuration: describeDuration(minimum), quota };
        context.report({ at: entry.window, messageId: entry.service === 'v1' && minimum > quota ? 'shortWindowV1' : 'shortWindow', data });
      }
    }
  },
});
