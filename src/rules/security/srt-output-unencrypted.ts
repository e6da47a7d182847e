import { defineRule } from '../../engine/rule.js';
import { memberLabel } from '../support/labels.js';
import { channelDestinations } from '../support/medialive-destinations.js';
import { safeUrl, textWithPlaceholders } from '../support/secrets.js';

export default defineRule({
  meta: {
    id: 'security/srt-output-unencrypted',
    category: 'security',
    severity: 'error',
    description: 'A MediaLive SRT output destination without an encryption passphrase from AWS Secrets Manager.',
    details:
      'Reports every entry of `Destinations[].SrtSettings` of a MediaLive channel that has no `EncryptionPassphraseSecretArn`. A destination whose settings may hold members the tool cannot see is not reported.',
    rationale:
      'MediaLive requires SRT output to be encrypted: "The output content must be encrypted, so you must use AWS Secrets Manager to store a passphrase." Without the passphrase the channel is rejected; with one written elsewhere than Secrets Manager the stream\'s key would be exposed.',
    messages: {
      noPassphrase:
        "SRT destination '{{destination}}' ({{url}}) has no {{property}}; MediaLive encrypts SRT output with a passphrase kept in AWS Secrets Manager, so create the secret and give its ARN here (the receiver needs the same passphrase).",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-027'],
    securitySeverity: 6.5,
    references: [{ title: 'MediaLive user guide: SRT output groups', url: 'https://docs.aws.amazon.com/medialive/latest/ug/opg-srt.html' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const { destination, id } of channelDestinations(channel)) {
        for (const srt of destination.get('srt_settings').items()) {
          const passphrase = srt.get('encryption_passphrase_secret_arn');
          if (!passphrase.isMissing) continue;
          const url = srt.get('url');
          const text = textWithPlaceholders(url.value);
          context.report({
            at: url.exists ? url : srt,
            messageId: 'noPassphrase',
            data: { destination: id ?? '?', url: text ? safeUrl(text.text) : 'no URL', property: memberLabel(passphrase) },
          });
        }
      }
    }
  },
});
