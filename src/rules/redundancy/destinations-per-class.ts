import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { certainLength, channelClass } from '../support/redundancy.js';

/** Destination lists with one entry per pipeline [ML-API `OutputDestination`]. */
const perPipelineLists = [
  { member: 'settings', apiName: 'Settings' },
  { member: 'srt_settings', apiName: 'SrtSettings' },
  { member: 'media_connect_router_settings', apiName: 'MediaConnectRouterSettings' },
] as const;

export default defineRule({
  meta: {
    id: 'redundancy/destinations-per-class',
    category: 'redundancy',
    severity: 'error',
    description: 'A MediaLive destination whose number of entries does not match the channel class (two for STANDARD, one for SINGLE_PIPELINE).',
    details:
      "For every entry of a MediaLive channel's `Destinations`, counts the entries of `Settings`, `SrtSettings` and `MediaConnectRouterSettings`, which hold one destination per pipeline: a `STANDARD` channel needs exactly 2, a `SINGLE_PIPELINE` channel exactly 1. `MediaPackageSettings` serves both pipelines and must have exactly 1 entry whatever the class. Lists that are empty, that may hold items the tool cannot see (an `Fn::If` item) and channels whose `ChannelClass` is absent or not known are not checked.",
    rationale:
      'A standard channel runs two pipelines that deliver identical content to two destinations; MediaLive rejects a channel whose destinations do not have one address per pipeline, and a single-pipeline channel has nowhere to send a second address. Upgrading a single-pipeline channel to standard is exactly when the second address is forgotten.',
    messages: {
      secondPipelineMissing: '{{property}} of {{destination}} lists 1 entry, but a STANDARD channel sends every output to 2 destinations, one per pipeline; add the destination of the second pipeline.',
      tooManyEntries: '{{property}} of {{destination}} lists {{count}} entries, but a {{channelClass}} channel has {{pipelines}} and takes exactly {{expected}}; remove the extra entries.',
      mediaPackageNeedsOne: '{{property}} of {{destination}} lists {{count}} entries; it takes exactly 1, which serves both pipelines; keep one.',
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-001'],
    references: [
      { title: 'MediaLive API: OutputDestination (Settings: one destination for each redundant encoder)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'MediaLive user guide: channel class', url: 'https://docs.aws.amazon.com/medialive/latest/ug/channel-class.html' },
      { title: 'MediaLive user guide: changing the pipeline redundancy of a channel', url: 'https://docs.aws.amazon.com/medialive/latest/ug/pipeline-redundancy-change.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const pipelineClass = channelClass(channel);
      Cursor.root(channel)
        .get('destinations')
        .items()
        .forEach((destination, index) => {
          const id = destination.get('id').string();
          const label = id === undefined ? `destination ${index + 1}` : `destination '${id}'`;
          if (pipelineClass) {
            for (const list of perPipelineLists) {
              const cursor = destination.get(list.member);
              const count = certainLength(cursor);
              if (count === undefined || count === 0) continue;
              const expected = pipelineClass === 'STANDARD' ? 2 : 1;
              if (count === expected) continue;
              const property = spellMember(list.member, list.apiName, channel);
              if (count < expected) context.report({ at: cursor, messageId: 'secondPipelineMissing', data: { property, destination: label } });
              else {
                const pipelines = expected === 2 ? 'two pipelines' : 'one pipeline';
                context.report({ at: cursor, messageId: 'tooManyEntries', data: { property, destination: label, count, channelClass: pipelineClass, pipelines, expected } });
              }
            }
          }
          const mediaPackage = destination.get('media_package_settings');
          const mediaPackageCount = certainLength(mediaPackage);
          if (mediaPackageCount !== undefined && mediaPackageCount > 1) {
            context.report({
              at: mediaPackage,
              messageId: 'mediaPackageNeedsOne',
              data: { property: spellMember('media_package_settings', 'MediaPackageSettings', channel), destination: label, count: mediaPackageCount },
            });
          }
        });
    }
  },
});
