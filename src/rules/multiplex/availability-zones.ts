import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { certainLength } from '../support/redundancy.js';

export default defineRule({
  meta: {
    id: 'multiplex/availability-zones',
    category: 'multiplex',
    severity: 'error',
    description: 'A MediaLive multiplex that does not list exactly two different Availability Zones.',
    details:
      "Counts the entries of a MediaLive multiplex's `AvailabilityZones` and reports a list that does not have exactly 2, or that names the same zone twice. Lists with values the tool cannot resolve (`Fn::GetAZs`, parameters without default) are only counted when their length is certain, and compared only when both zones are known.",
    rationale:
      'A multiplex runs two pipelines, one in each of two Availability Zones, and the MediaLive API requires exactly two zones when the multiplex is created. One zone, three zones, or the same zone twice is rejected at deployment; the same zone twice would in any case put both pipelines at the mercy of one zone.',
    messages: {
      notTwoZones: '{{property}} lists {{count}} {{zones}}; a multiplex runs its two pipelines in exactly 2 Availability Zones; list two different zones of the Region.',
      sameZoneTwice: "{{property}} lists '{{zone}}' twice; the two pipelines of a multiplex need 2 different Availability Zones; replace one with another zone of the Region.",
    },
    appliesTo: ['AWS::MediaLive::Multiplex'],
    sources: ['ML-020'],
    references: [
      { title: 'MediaLive API: CreateMultiplex (AvailabilityZones: "You must specify exactly two")', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/multiplexes.html' },
      { title: 'MediaLive user guide: setting up a multiplex', url: 'https://docs.aws.amazon.com/medialive/latest/ug/setting-up-multiplex.html' },
    ],
  },
  check(context) {
    for (const multiplex of context.resources('AWS::MediaLive::Multiplex')) {
      const zones = Cursor.root(multiplex).get('availability_zones');
      const count = certainLength(zones);
      if (count === undefined) continue;
      const property = spellMember('availability_zones', 'AvailabilityZones', multiplex);
      if (count !== 2) {
        context.report({ at: zones, messageId: 'notTwoZones', data: { property, count, zones: count === 1 ? 'zone' : 'zones' } });
        continue;
      }
      const [first, second] = zones.items();
      const zone = first?.string();
      if (zone !== undefined && second && zone === second.string()) context.report({ at: second, messageId: 'sameZoneTwice', data: { property, zone } });
    }
  },
});
