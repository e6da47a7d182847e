import { defineRule } from '../../engine/rule.js';
import { liveHlsWindows } from '../support/hls-playlist.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'gop/hls-index-vs-keep',
    category: 'gop',
    severity: 'error',
    description: 'A live MediaLive HLS output group that keeps no more segments than its playlist lists.',
    details:
      'For every HLS output group of a MediaLive channel in LIVE mode (or with `Mode` not set), reports `KeepSegments` when it is not greater than `IndexNSegments`. Groups in VOD mode and values that are not known are not checked. `gop/hls-keep-segments` covers the recommended margin above that.',
    rationale:
      'The MediaLive API says of IndexNSegments: "This number must be smaller than the number in the Keep Segments field." Otherwise MediaLive deletes segments that the playlist still lists, and players fetching them get 404 errors.',
    messages: {
      keepNotAboveIndex: '{{keep}} {{keepSegments}} must be greater than {{index}} {{indexSegments}}, or MediaLive deletes segments the playlist still lists; set {{keep}} to {{recommended}} (2 × {{index}} + 1).',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-016'],
    references: [{ title: 'MediaLive API: HlsGroupSettings indexNSegments and keepSegments', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const window of liveHlsWindows(channel)) {
        if (window.keepSegments > window.indexSegments) continue;
        context.report({
          at: window.keep,
          messageId: 'keepNotAboveIndex',
          data: {
            keep: spellMember('keep_segments', 'KeepSegments', channel),
            index: spellMember('index_n_segments', 'IndexNSegments', channel),
            keepSegments: window.keepSegments,
            indexSegments: window.indexSegments,
            recommended: 2 * window.indexSegments + 1,
          },
        });
      }
    }
  },
});
