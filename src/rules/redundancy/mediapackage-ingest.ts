import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { spellMember } from '../support/spelling.js';
import { certainLength, channelClass } from '../support/redundancy.js';

/** A MediaPackage v1 channel ingest URL: `https://<id>.mediapackage.<region>.amazonaws.com/in/v2/<channel>/<endpoint>/channel`. */
const mediaPackageV1IngestUrl = /^https?:\/\/[^/]+\.mediapackage\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/in\/v2\//i;

/** The URL compared case-insensitively in its host and without trailing slashes. */
function ingestKey(url: string): string {
  const slash = url.indexOf('/', url.indexOf('://') + 3);
  const host = slash < 0 ? url : url.slice(0, slash);
  const path = slash < 0 ? '' : url.slice(slash);
  return `${host.toLowerCase()}${path.replace(/\/+$/, '')}`;
}

export default defineRule({
  meta: {
    id: 'redundancy/mediapackage-ingest',
    category: 'redundancy',
    severity: 'warning',
    description: "A STANDARD MediaLive channel that sends both pipelines' HLS output to the same MediaPackage v1 ingest URL.",
    details:
      "For a `STANDARD` MediaLive channel, looks at every destination whose `Settings` lists two URLs (one per pipeline) that are MediaPackage v1 channel ingest URLs (`https://….mediapackage.<region>.amazonaws.com/in/v2/…`) and reports the second entry when both are the same URL. Destinations that use `MediaPackageSettings` (which serves both pipelines by itself) and URLs that are not fully known are not checked.",
    rationale:
      "A MediaPackage v1 channel has two ingest endpoints so that it can take the two pipelines of a standard MediaLive channel as redundant inputs and switch when one stops. Sending both pipelines to the same ingest URL makes them overwrite each other's segments and leaves MediaPackage with a single input: the pipeline redundancy the channel pays for stops at the packager.",
    messages: {
      sameIngestUrl: "Both pipelines of this STANDARD channel send destination {{destination}} to the same MediaPackage ingest URL {{url}}; a MediaPackage channel has two ingest endpoints for input redundancy: set the second {{property}} entry to the channel's second ingest URL.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['X-002'],
    references: [
      { title: 'MediaLive user guide: HLS output group to MediaPackage (example)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/hls-example-mediapackage.html' },
      { title: 'MediaPackage user guide: input redundancy', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/what-is-flow-ir.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      if (channelClass(channel) !== 'STANDARD') continue;
      Cursor.root(channel)
        .get('destinations')
        .items()
        .forEach((destination, index) => {
          const settings = destination.get('settings');
          if (certainLength(settings) !== 2) return;
          const [first, second] = settings.items().map((entry) => entry.get('url'));
          const firstUrl = first?.string();
          const secondUrl = second?.string();
          if (!second || firstUrl === undefined || secondUrl === undefined) return;
          if (!mediaPackageV1IngestUrl.test(firstUrl) || ingestKey(firstUrl) !== ingestKey(secondUrl)) return;
          const id = destination.get('id').string();
          context.report({
            at: second,
            messageId: 'sameIngestUrl',
            data: { destination: id === undefined ? `${index + 1}` : `'${id}'`, url: secondUrl, property: spellMember('settings', 'Settings', channel) },
            related: [{ message: "the first pipeline's URL", span: first!.span() }],
          });
        });
    }
  },
});
