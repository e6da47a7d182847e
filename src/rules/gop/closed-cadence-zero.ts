import { defineRule } from '../../engine/rule.js';
import { segmentedGroupKinds } from '../support/medialive.js';
import { mediaLiveGroupNoun, mediaLiveRenditionsIn } from '../support/segments.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'gop/closed-cadence-zero',
    category: 'gop',
    severity: 'error',
    description: 'A MediaLive video encode with GopClosedCadence 0 used in an output group that cuts segments.',
    details:
      'For every video description that an output of an HLS, MediaPackage, CMAF ingest or Microsoft Smooth output group uses, reports `GopClosedCadence: 0` (H.264, H.265, MPEG-2). Descriptions used only by archive, UDP, RTMP or other non-segmented groups are not checked.',
    rationale:
      'With a cadence of 0 no GOP is ever closed, so no segment can start with an IDR frame that a player can decode on its own. The MediaLive API documents it plainly: "Setting this value to 0 will break output segmenting", and recommends 1 for streaming.',
    messages: {
      zeroCadence: "{{property}} 0 in video description '{{name}}' breaks segmenting of the {{group}} output group: no GOP is closed, so segments cannot start with an IDR frame. Set it to 1.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-008'],
    references: [
      { title: 'MediaLive API: H264Settings gopClosedCadence', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'Apple HLS authoring specification 7.4: video segments MUST start with an IDR frame', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const { video, group } of mediaLiveRenditionsIn(channel, segmentedGroupKinds)) {
        const cadence = video.settings?.get('gop_closed_cadence');
        if (cadence?.number() !== 0) continue;
        context.report({
          at: cadence,
          messageId: 'zeroCadence',
          data: { property: spellMember('gop_closed_cadence', 'GopClosedCadence', channel), name: video.name ?? '?', group: mediaLiveGroupNoun(group.kind) },
        });
      }
    }
  },
});
