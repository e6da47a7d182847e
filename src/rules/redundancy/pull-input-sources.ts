import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { certainLength, fileInputTypes, pullInputTypes } from '../support/redundancy.js';

export default defineRule({
  meta: {
    id: 'redundancy/pull-input-sources',
    category: 'redundancy',
    severity: 'error',
    description: 'A MediaLive pull or file input with no source URL or with more than two.',
    details:
      "For every MediaLive input of a PULL type (`URL_PULL`, `RTMP_PULL`, `MP4_FILE`, `TS_FILE`), counts `Sources`: one per pipeline, so 2 for a standard-class input and 1 for a single-class input. An input with no source or with more than 2 is reported. A single source is fine on its own; `redundancy/standard-input` reports it when the input is attached to a STANDARD channel. Inputs of unknown type and source lists the tool cannot count are not checked.",
    rationale:
      'The MediaLive API states that every PULL type input needs exactly two source URLs for redundancy; a single-class input has one, for single-pipeline channels. There is no pipeline to use a third URL, and a pull input without a URL has nothing to pull: MediaLive rejects both when the input is created.',
    messages: {
      noSources: '{{type}} input has no {{property}}; a PULL type input needs one source URL per pipeline: 2 for a standard-class input, 1 for a single-class input.',
      tooManySources: '{{property}} of this {{type}} input lists {{count}} URLs; a PULL type input takes one source URL per pipeline, at most 2; remove the extra URLs.',
    },
    appliesTo: ['AWS::MediaLive::Input'],
    sources: ['ML-002'],
    references: [
      { title: 'MediaLive API: CreateInput ("Every PULL type input needs exactly two source URLs for redundancy")', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/inputs.html' },
      { title: 'MediaLive user guide: choosing the channel class and input class', url: 'https://docs.aws.amazon.com/medialive/latest/ug/class-channel-input.html' },
    ],
  },
  check(context) {
    for (const input of context.resources('AWS::MediaLive::Input')) {
      const root = Cursor.root(input);
      const typeCursor = root.get('type');
      const type = typeCursor.string();
      if (type === undefined || !(pullInputTypes.has(type) || fileInputTypes.has(type))) continue;
      const sources = root.get('sources');
      const count = sources.isMissing ? 0 : certainLength(sources);
      if (count === undefined || (count >= 1 && count <= 2)) continue;
      const property = spellMember('sources', 'Sources', input);
      if (count === 0) context.report({ at: sources.exists ? sources : typeCursor, messageId: 'noSources', data: { type, property } });
      else context.report({ at: sources, messageId: 'tooManySources', data: { type, property, count } });
    }
  },
});
