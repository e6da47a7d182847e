import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { memberLabel } from '../support/labels.js';
import { listCharacters, textWithPlaceholders } from '../support/secrets.js';

/** Names the Kinesis Video Streams API constrains to `[a-zA-Z0-9_.-]+` and a length. */
const namedMembers: ReadonlyArray<{ type: string; member: string; maxLength: number; noun: string }> = [
  { type: 'AWS::KinesisVideo::Stream', member: 'name', maxLength: 256, noun: 'stream name' },
  { type: 'AWS::KinesisVideo::Stream', member: 'device_name', maxLength: 128, noun: 'device name' },
  { type: 'AWS::KinesisVideo::SignalingChannel', member: 'name', maxLength: 256, noun: 'signaling channel name' },
];

const invalidCharacter = /[^a-zA-Z0-9_.-]/g;

/** `WebRTC Signaling Channel` → `WebRTC-Signaling-Channel`, `café #1` → `cafe-1`. */
function suggestName(name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain.replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') || 'stream';
}

export default defineRule({
  meta: {
    id: 'kinesis-video/name-pattern',
    category: 'kinesis-video',
    severity: 'error',
    description: 'A Kinesis Video Streams stream, device or signaling channel name with characters other than letters, digits, _ . - or of the wrong length.',
    details:
      'Checks `Name` and `DeviceName` of `AWS::KinesisVideo::Stream` and `Name` of `AWS::KinesisVideo::SignalingChannel` against the API pattern `[a-zA-Z0-9_.-]+` and lengths (stream and channel names 1 to 256 characters, device names 1 to 128). For a name built from parameters (`!Sub ${AWS::StackName} camera`), the written text is checked for invalid characters and the length is not.',
    rationale:
      'The service rejects the name, so the stream or channel is not created and the stack rolls back. Names with spaces are a frequent slip because other services (and the Name tags of most resources) accept them.',
    messages: {
      invalidCharacters: "{{property}} '{{name}}' contains {{characters}}, which a Kinesis Video Streams {{noun}} cannot hold (only letters, digits, '_', '.' and '-'); use '{{suggestion}}'.",
      invalidCharactersPartial: "{{property}} contains {{characters}} in its written text ('{{text}}'), which a Kinesis Video Streams {{noun}} cannot hold (only letters, digits, '_', '.' and '-').",
      tooLong: '{{property}} is {{length}} characters long; a Kinesis Video Streams {{noun}} holds at most {{maxLength}}.',
      empty: '{{property}} is empty; a Kinesis Video Streams {{noun}} needs at least one character.',
    },
    appliesTo: ['AWS::KinesisVideo::Stream', 'AWS::KinesisVideo::SignalingChannel'],
    sources: ['KVS-007'],
    references: [
      { title: 'Kinesis Video Streams API: CreateStream (StreamName, DeviceName)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateStream.html' },
      { title: 'Kinesis Video Streams API: CreateSignalingChannel (ChannelName)', url: 'https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateSignalingChannel.html' },
    ],
  },
  check(context) {
    for (const { type, member, maxLength, noun } of namedMembers) {
      for (const resource of context.resources(type)) {
        const cursor = Cursor.root(resource).get(member);
        const text = textWithPlaceholders(cursor.value);
        if (!text) continue;
        const property = memberLabel(cursor);
        const written = text.text.replace(/\u0000/g, '');
        const invalid = [...new Set(written.match(invalidCharacter) ?? [])];
        if (invalid.length > 0) {
          if (text.complete) {
            const suggestion = suggestName(text.text);
            context.report({ at: cursor, messageId: 'invalidCharacters', data: { property, name: text.text, characters: listCharacters(invalid), noun, suggestion } });
          } else {
            context.report({ at: cursor, messageId: 'invalidCharactersPartial', data: { property, characters: listCharacters(invalid), text: written, noun } });
          }
        } else if (text.complete && text.text.length === 0) {
          context.report({ at: cursor, messageId: 'empty', data: { property, noun } });
        } else if (text.complete && text.text.length > maxLength) {
          context.report({ at: cursor, messageId: 'tooLong', data: { property, length: text.text.length, maxLength, noun } });
        }
      }
    }
  },
});
