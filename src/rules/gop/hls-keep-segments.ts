import { defineRule } from '../../engine/rule.js';
import { liveHlsWindows } from '../support/hls-playlist.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'gop/hls-keep-segments',
    category: 'gop',
    severity: 'warning',
    description: 'A live MediaLive HLS output group that keeps fewer segments than the 2 × IndexNSegments + 1 MediaLive recommends.',
    details:
      'For every HLS output group of a MediaLive channel in LIVE mode (or with `Mode` not set) whose `KeepSegments` is greater than `IndexNSegments` (the smaller case is `gop/hls-index-vs-keep`), reports `KeepSegments` below 2 × `IndexNSegments` + 1. Values that are not known are not checked.',
    rationale:
      'The MediaLive API recommends "(value = (2 x indexNsegments) + 1)" for KeepSegments. Players and CDNs that hold an older playlist request segments that have just scrolled out of it; with a thin margin those are already deleted and the request fails.',
    messages: {
      belowRecommended: '{{keep}} {{keepSegments}} is below the {{recommended}} (2 × {{index}} + 1) MediaLive recommends for {{index}} {{indexSegments}}; clients holding an older playlist may request segments already deleted.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-016'],
    references: [{ title: 'MediaLive API: HlsGroupSettings keepSegments', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const window of liveHlsWindows(channel)) {
        const recommended = 2 * window.indexSegments + 1;
        if (window.keepSegments <= window.indexSegments || window.keepSegments >= recommended) continue;
        context.report({
          at: window.keep,
          messageId: 'belowRecommended',
          data: {
            keep: spellMember('keep_segments', 'KeepSegments', channel),
            index: spellMember('index_n_segments', 'IndexNSegments', channel),
            keepSegments: window.keepSegments,
            indexSegments: window.indexSegments,
            recommended,
          },
        });
      }
    }
  },
});
