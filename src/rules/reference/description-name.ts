import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { closestMatch } from '../support/suggest.js';
import { listValues, spellMember } from '../support/spelling.js';

/** Each name list an output may use, and where the channel defines the names. */
const kinds = [
  { use: 'video_description_name', useApi: 'VideoDescriptionName', list: false, defined: 'video_descriptions', definedApi: 'VideoDescriptions', noun: 'video description' },
  { use: 'audio_description_names', useApi: 'AudioDescriptionNames', list: true, defined: 'audio_descriptions', definedApi: 'AudioDescriptions', noun: 'audio description' },
  { use: 'caption_description_names', useApi: 'CaptionDescriptionNames', list: true, defined: 'caption_descriptions', definedApi: 'CaptionDescriptions', noun: 'caption description' },
] as const;

export default defineRule({
  meta: {
    id: 'reference/description-name',
    category: 'reference',
    severity: 'error',
    description: 'A MediaLive output that uses a video, audio or caption description name the channel does not define.',
    details:
      "For every output of every output group of a MediaLive channel, checks that `VideoDescriptionName`, each of `AudioDescriptionNames` and each of `CaptionDescriptionNames` is the `Name` of an entry of the encoder settings' `VideoDescriptions`, `AudioDescriptions` or `CaptionDescriptions`. When a description name is not known, that kind of name is not checked.",
    rationale:
      'MediaLive rejects a channel whose output refers to a description that does not exist. Renditions of an ABR ladder are usually renamed together with their descriptions, and a name left behind in one output breaks the whole channel update.',
    messages: {
      unknownName: "{{property}} '{{name}}' is not the name of any {{noun}} of the channel; did you mean '{{suggestion}}'?",
      unknownNameNoSuggestion: "{{property}} '{{name}}' is not the name of any {{noun}} of the channel (defined: {{names}}).",
      noneDefined: "{{property}} '{{name}}' refers to a {{noun}}, but the channel's encoder settings define no {{defined}}.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    references: [{ title: 'MediaLive API: Output (VideoDescriptionName, AudioDescriptionNames, CaptionDescriptionNames)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const encoder = Cursor.root(channel).get('encoder_settings');
      if (encoder.value?.kind !== 'object') continue;
      const outputs = encoder.get('output_groups').items().flatMap((group) => group.get('outputs').items());
      for (const kind of kinds) {
        const definitions = encoder.get(kind.defined);
        let names: string[];
        if (definitions.isMissing) names = [];
        else {
          if (definitions.value?.kind !== 'list' || definitions.value.open) continue;
          const known = definitions.items().map((item) => item.get('name').string());
          if (known.some((name) => name === undefined)) continue;
          names = known as string[];
        }
        for (const output of outputs) {
          const use = output.get(kind.use);
          const uses = kind.list ? use.items() : use.exists ? [use] : [];
          for (const cursor of uses) {
            const name = cursor.string();
            if (name === undefined || names.includes(name)) continue;
            const property = spellMember(kind.use, kind.useApi, channel);
            if (names.length === 0) {
              context.report({ at: cursor, messageId: 'noneDefined', data: { property, name, noun: kind.noun, defined: spellMember(kind.defined, kind.definedApi, channel) } });
              continue;
            }
            const suggestion = closestMatch(name, names);
            context.report({
              at: cursor,
              messageId: suggestion ? 'unknownName' : 'unknownNameNoSuggestion',
              data: suggestion ? { property, name, noun: kind.noun, suggestion } : { property, name, noun: kind.noun, names: listValues(names) },
            });
          }
        }
      }
    }
  },
});
