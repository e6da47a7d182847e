import { defineRule } from '../../engine/rule.js';
import { knownPrefix } from '../../graph/value.js';
import { memberLabel } from '../support/labels.js';
import { mediaLiveOutputGroups } from '../support/medialive.js';
import { channelDestinations, destinationFor } from '../support/medialive-destinations.js';
import { safeUrl, textWithPlaceholders } from '../support/secrets.js';

export default defineRule({
  meta: {
    id: 'security/rtmp-plaintext',
    category: 'security',
    severity: 'warning',
    description: 'A MediaLive output that sends RTMP unencrypted (rtmp://), or RTMPS without verifying the server certificate.',
    details:
      'Reports every `Destinations[].Settings[].Url` of a MediaLive channel whose known start is `rtmp://`, and every RTMP output (`RtmpOutputSettings`) with `CertificateMode: SELF_SIGNED` whose destination URLs start with `rtmps://` (for plain RTMP MediaLive ignores the certificate mode). A URL whose scheme comes from a parameter is not checked.',
    rationale:
      'Plain RTMP sends the video and the stream key in clear text across the internet: anyone on the path can copy the key and broadcast on the channel. RTMPS encrypts both, and with `VERIFY_AUTHENTICITY` MediaLive checks that it is talking to the real platform; `SELF_SIGNED` accepts any certificate, which a man-in-the-middle can present.',
    messages: {
      plainRtmp: "{{property}} '{{url}}' sends the stream and its key unencrypted; use the platform's rtmps:// ingest URL (most platforms offer one on port 443).",
      selfSigned: "{{property}} is SELF_SIGNED for the RTMPS destination '{{url}}', so MediaLive accepts any certificate, including a man-in-the-middle's; use VERIFY_AUTHENTICITY unless the server really has a self-signed certificate.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-025'],
    securitySeverity: 5.9,
    references: [
      { title: 'MediaLive user guide: RTMP output connection fields (RTMP and RTMPS)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/rtmp-connection.html' },
      { title: 'MediaLive API: RtmpOutputSettings.CertificateMode', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      const destinations = channelDestinations(channel);
      for (const { settings } of destinations) {
        for (const setting of settings) {
          const url = setting.get('url');
          if (!knownPrefix(url.value)?.toLowerCase().startsWith('rtmp://')) continue;
          context.report({ at: url, messageId: 'plainRtmp', data: { property: memberLabel(url), url: safeUrl(textWithPlaceholders(url.value)?.text ?? '') } });
        }
      }
      for (const group of mediaLiveOutputGroups(channel)) {
        if (group.kind !== 'rtmp') continue;
        for (const { output } of group.outputs) {
          const rtmp = output.get('output_settings').get('rtmp_output_settings');
          const mode = rtmp.get('certificate_mode');
          if (mode.string() !== 'SELF_SIGNED') continue;
          const destination = destinationFor(destinations, rtmp.get('destination').get('destination_ref_id'));
          const secureUrl = destination?.settings
            .map((setting) => setting.get('url'))
            .find((url) => knownPrefix(url.value)?.toLowerCase().startsWith('rtmps://'));
          if (!secureUrl) continue;
          context.report({ at: mode, messageId: 'selfSigned', data: { property: memberLabel(mode), url: safeUrl(textWithPlaceholders(secureUrl.value)?.text ?? '') } });
        }
      }
    }
  },
});
