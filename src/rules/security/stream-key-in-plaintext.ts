import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { cursorsAt } from '../../graph/traverse.js';
import { memberLabel, spellPath } from '../support/labels.js';
import { channelDestinations } from '../support/medialive-destinations.js';
import { describeSecret, displayText, streamKeyFormat, textWithPlaceholders } from '../support/secrets.js';

/** Query parameters that carry an access key in RTMP URLs (`rtmp://host/app?key=…`). */
const keyParameters = /^(?:key|streamkey|stream_key|token|secret|password|pass|pwd|auth|sig|signature)$/i;

/** Where a MediaLive input names the Secrets Manager secret that holds an SRT passphrase. */
const srtPassphrasePaths: ReadonlyArray<readonly string[]> = [
  ['srt_settings', 'srt_listener_settings', 'decryption', 'passphrase_secret_arn'],
  ['srt_settings', 'srt_caller_sources', '*', 'decryption', 'passphrase_secret_arn'],
];

/** The key a URL carries in its path (`rtmp://a.rtmp.youtube.com/live2/<key>`) or query, if one looks like a stream key. */
function keyInUrl(url: string): { key: string; kind: string } | undefined {
  const match = /^rtmps?:\/\/[^/?#]*(\/[^?#]*)?(?:\?([^#]*))?/i.exec(url);
  if (!match) return undefined;
  for (const segment of (match[1] ?? '').split('/')) {
    const kind = segment.length > 0 && !segment.includes('\u0000') ? streamKeyFormat(segment) : undefined;
    if (kind) return { key: segment, kind };
  }
  for (const pair of (match[2] ?? '').split('&')) {
    const [name, value = ''] = pair.split('=') as [string, string | undefined];
    if (keyParameters.test(name) && value.length >= 6 && !value.includes('\u0000')) return { key: value, kind: `a '${name}' parameter` };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'security/stream-key-in-plaintext',
    category: 'security',
    severity: 'error',
    description: 'An RTMP stream key for a third-party platform, or an SRT passphrase, written into the configuration.',
    details:
      "For each MediaLive channel destination (`Destinations[].Settings[]`), reports a `StreamName`, or a segment or key-like query parameter (`key`, `token`, `secret`, …) of an `rtmp://` / `rtmps://` `Url`, that looks like a stream key: a known platform format (YouTube's dash-separated groups of four characters, Twitch's `live_<digits>_<key>`, Facebook's `FB-…`) or a machine-generated token (20 or more characters interleaving lower case, upper case and digits). Names such as `live`, `channel-1` or `main_1080p` are not stream keys and are not reported. For SRT, reports an SRT passphrase field (`EncryptionPassphraseSecretArn` of channel SRT destinations, `PassphraseSecretArn` of SRT caller and listener inputs) whose value is a literal that is not an ARN. The `StreamName`s of RTMP push inputs (`Destinations[].StreamName`, such as `live/primary`) are application and instance names, not credentials (the input security group protects the input), and are never reported.",
    rationale:
      'Whoever holds the stream key of a YouTube, Twitch or Facebook channel can broadcast on it: a key in a template ends up in the repository history, build logs and change sets. SRT passphrases protect the stream\'s encryption, and MediaLive expects them in AWS Secrets Manager, referenced by ARN; a literal in that field is either the passphrase itself or a mistake MediaLive rejects.',
    messages: {
      streamName: "{{property}} of destination '{{destination}}' is {{value}}, which looks like {{kind}}; keep stream keys out of the configuration: resolve it from AWS Secrets Manager at deploy time (a CloudFormation dynamic reference or a sensitive Terraform variable) and rotate the key that was committed.",
      urlKey: "{{property}} '{{url}}' contains {{value}}, which looks like {{kind}}; move the key into {{streamName}} and resolve it from AWS Secrets Manager at deploy time, then rotate the key that was committed.",
      srtPassphrase: "{{property}} is {{value}}, which is not a Secrets Manager ARN; if it is the passphrase itself, store it in AWS Secrets Manager and give the secret's ARN (arn:aws:secretsmanager:…).",
    },
    appliesTo: ['AWS::MediaLive::Channel', 'AWS::MediaLive::Input'],
    sources: ['SEC-002'],
    securitySeverity: 7.5,
    references: [
      { title: 'MediaLive user guide: RTMP output connection fields (stream name / key)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/rtmp-connection.html' },
      { title: 'MediaLive user guide: SRT output groups (passphrase in Secrets Manager)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/opg-srt.html' },
      { title: 'AWS CloudFormation: dynamic references to Secrets Manager', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const { destination, id, settings } of channelDestinations(channel)) {
        for (const setting of settings) {
          const streamNameCursor = setting.get('stream_name');
          const streamName = streamNameCursor.string();
          const kind = streamName === undefined ? undefined : streamKeyFormat(streamName);
          if (streamName !== undefined && kind) {
            context.report({
              at: streamNameCursor,
              messageId: 'streamName',
              data: { property: memberLabel(streamNameCursor), destination: id ?? '?', value: describeSecret(streamName), kind },
            });
          }
          const urlCursor = setting.get('url');
          const url = textWithPlaceholders(urlCursor.value);
          const found = url ? keyInUrl(url.text) : undefined;
          if (url && found) {
            context.report({
              at: urlCursor,
              messageId: 'urlKey',
              data: { property: memberLabel(urlCursor), url: displayText(url.text.replace(found.key, '****').replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1****@')), value: describeSecret(found.key), kind: found.kind, streamName: spellPath(channel, ['stream_name']) },
            });
          }
        }
        for (const srt of destination.get('srt_settings').items()) checkPassphrase(srt.get('encryption_passphrase_secret_arn'));
      }
    }
    for (const input of context.resources('AWS::MediaLive::Input')) {
      for (const path of srtPassphrasePaths) for (const cursor of cursorsAt(Cursor.root(input), path)) checkPassphrase(cursor);
    }

    function checkPassphrase(cursor: Cursor): void {
      const value = cursor.string();
      if (value === undefined || value.length === 0 || /^arn:/i.test(value) || value.startsWith('{{resolve:')) return;
      context.report({ at: cursor, messageId: 'srtPassphrase', data: { property: memberLabel(cursor), value: describeSecret(value) } });
    }
  },
});
