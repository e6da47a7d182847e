import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { findMembers } from '../../graph/traverse.js';
import { closestMatch } from '../support/suggest.js';
import { listValues } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'reference/destination-ref-id',
    category: 'reference',
    severity: 'error',
    description: "A MediaLive output group or output whose DestinationRefId is not among the channel's destinations.",
    details:
      "Collects the `Id` of every entry of a MediaLive channel's `Destinations` and checks every `DestinationRefId` under `EncoderSettings.OutputGroups` (HLS, MediaPackage, archive, frame capture, Microsoft Smooth, CMAF ingest, UDP, RTMP, SRT and multiplex destinations) against them. When any destination id is not known (a parameter without default), the channel is not checked.",
    rationale:
      'MediaLive rejects a channel whose output group names a destination that does not exist, when the channel is created or updated. The ids are free-form strings repeated in two far-apart places of a long encoder configuration, so a rename in one place is easy to miss.',
    messages: {
      unknownDestination: "DestinationRefId '{{id}}' does not match any destination of the channel; did you mean '{{suggestion}}'?",
      unknownDestinationNoSuggestion: "DestinationRefId '{{id}}' does not match any destination of the channel (destinations: {{ids}}).",
      noDestinations: "DestinationRefId '{{id}}' refers to a destination, but the channel defines no Destinations.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-API OutputDestination'],
    references: [{ title: 'MediaLive user guide: creating output destinations', url: 'https://docs.aws.amazon.com/medialive/latest/ug/creating-a-channel-step5.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const root = Cursor.root(channel);
      const destinations = root.get('destinations');
      let ids: string[];
      if (destinations.isMissing) ids = [];
      else {
        if (destinations.value?.kind !== 'list' || destinations.value.open) continue;
        const known = destinations.items().map((item) => item.get('id').string());
        if (known.some((id) => id === undefined)) continue;
        ids = known as string[];
      }
      for (const reference of findMembers(root.get('encoder_settings').get('output_groups'), 'destination_ref_id')) {
        const id = reference.string();
        if (id === undefined || ids.includes(id)) continue;
        if (ids.length === 0) {
          context.report({ at: reference, messageId: 'noDestinations', data: { id } });
          continue;
        }
        const suggestion = closestMatch(id, ids);
        context.report({
          at: reference,
          messageId: suggestion ? 'unknownDestination' : 'unknownDestinationNoSuggestion',
          data: suggestion ? { id, suggestion } : { id, ids: listValues(ids) },
        });
      }
    }
  },
});
