import { defineRule } from '../../engine/rule.js';
import { memberLabel } from '../support/labels.js';
import { mediaLiveOutputGroups } from '../support/medialive.js';
import { channelDestinations, destinationFor } from '../support/medialive-destinations.js';
import { safeUrl, textWithPlaceholders } from '../support/secrets.js';

/** A MediaPackage v1 HLS ingest URL: `https://<id>.mediapackage.<region>.amazonaws.com/in/v2/…`. */
const mediaPackageIngest = /^https?:\/\/[^/]*\.mediapackage\.[^/]*\.amazonaws\.com(?:\.cn)?\/in\//i;

export default defineRule({
  meta: {
    id: 'security/hls-to-mediapackage-encrypted',
    category: 'security',
    severity: 'error',
    description: 'A MediaLive HLS output group that encrypts the segments it sends to a MediaPackage ingest URL.',
    details:
      "For every HLS output group of a MediaLive channel whose destination (`Destination.DestinationRefId`) has a URL that is a MediaPackage v1 ingest endpoint (`https://….mediapackage.<region>.amazonaws.com/in/…`, also when parts of it come from parameters), reports `EncryptionType` when it is set. Output groups of type MediaPackage cannot be encrypted and are not concerned.",
    rationale:
      'MediaPackage accepts only unencrypted HLS input ("Media segments must not be encrypted"): an encrypted contribution cannot be packaged, so every endpoint of the channel fails. Encryption and DRM belong on the MediaPackage endpoints, which re-encrypt per viewer format with SPEKE; the MediaLive-to-MediaPackage hop is already protected by HTTPS and WebDAV digest authentication.',
    messages: {
      encrypted: "{{property}} is {{value}} on an HLS group that sends to the MediaPackage ingest URL '{{url}}', but MediaPackage accepts only unencrypted input; remove {{property}} (and the key provider settings) and encrypt on the MediaPackage endpoints instead.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-018', 'X-004'],
    securitySeverity: 2.0,
    references: [
      { title: 'MediaPackage user guide: supported live input (segments must not be encrypted)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/supported-inputs-live.html' },
      { title: 'MediaLive user guide: HLS output to MediaPackage', url: 'https://docs.aws.amazon.com/medialive/latest/ug/hls-example-mediapackage.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const destinations = channelDestinations(channel);
      for (const group of mediaLiveOutputGroups(channel)) {
        if (group.kind !== 'hls' || !group.settings) continue;
        const encryption = group.settings.get('encryption_type');
        const value = encryption.string();
        if (value === undefined) continue;
        const destination = destinationFor(destinations, group.settings.get('destination').get('destination_ref_id'));
        const ingest = destination?.settings
          .map((setting) => textWithPlaceholders(setting.get('url').value)?.text)
          .find((url): url is string => url !== undefined && mediaPackageIngest.test(url));
        if (ingest === undefined) continue;
        context.report({ at: encryption, messageId: 'encrypted', data: { property: memberLabel(encryption), value, url: safeUrl(ingest) } });
      }
    }
  },
});
