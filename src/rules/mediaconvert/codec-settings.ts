import { defineRule } from '../../engine/rule.js';
import type { Cursor } from '../../graph/cursor.js';
import { findMembers } from '../../graph/traverse.js';
import { memberLabel } from '../support/labels.js';
import { mediaConvertSettings, mediaConvertTypes } from '../support/mediaconvert.js';
import { spellMember } from '../support/spelling.js';

interface CodecSettingsMember {
  member: string;
  /** False where the API makes the settings optional (video PASSTHROUGH). */
  required: boolean;
}

/** `VideoCodecSettings.Codec` → the settings member it needs (MediaConvert API model). */
const videoCodecs: Record<string, CodecSettingsMember> = {
  AV1: { member: 'av1_settings', required: true },
  AVC_INTRA: { member: 'avc_intra_settings', required: true },
  FRAME_CAPTURE: { member: 'frame_capture_settings', required: true },
  GIF: { member: 'gif_settings', required: true },
  H_264: { member: 'h264_settings', required: true },
  H_265: { member: 'h265_settings', required: true },
  MPEG2: { member: 'mpeg2_settings', required: true },
  PASSTHROUGH: { member: 'passthrough_settings', required: false },
  PRORES: { member: 'prores_settings', required: true },
  UNCOMPRESSED: { member: 'uncompressed_settings', required: true },
  VC3: { member: 'vc3_settings', required: true },
  VP8: { member: 'vp8_settings', required: true },
  VP9: { member: 'vp9_settings', required: true },
  XAVC: { member: 'xavc_settings', required: true },
};

/** `AudioCodecSettings.Codec` → the settings member it needs; PASSTHROUGH has none. */
const audioCodecs: Record<string, CodecSettingsMember | undefined> = {
  AAC: { member: 'aac_settings', required: true },
  AC3: { member: 'ac3_settings', required: true },
  AC4: { member: 'ac4_settings', required: true },
  AIFF: { member: 'aiff_settings', required: true },
  EAC3: { member: 'eac3_settings', required: true },
  EAC3_ATMOS: { member: 'eac3_atmos_settings', required: true },
  FLAC: { member: 'flac_settings', required: true },
  MP2: { member: 'mp2_settings', required: true },
  MP3: { member: 'mp3_settings', required: true },
  OPUS: { member: 'opus_settings', required: true },
  VORBIS: { member: 'vorbis_settings', required: true },
  WAV: { member: 'wav_settings', required: true },
  PASSTHROUGH: undefined,
};

function codecTable(codecSettings: Cursor): Record<string, CodecSettingsMember | undefined> | undefined {
  const owner = codecSettings.path[codecSettings.path.length - 2];
  if (owner === 'video_description') return videoCodecs;
  if (typeof owner === 'number' && codecSettings.path[codecSettings.path.length - 3] === 'audio_descriptions') return audioCodecs;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'mediaconvert/codec-settings',
    category: 'mediaconvert',
    severity: 'error',
    description: "A MediaConvert video or audio Codec without its settings object, or with another codec's settings.",
    details:
      "Checks every `CodecSettings` of the video description and audio descriptions of MediaConvert presets, job templates and jobs. `Codec: H_264` needs `H264Settings`, `AAC` needs `AacSettings`, and so on for every codec (video `PASSTHROUGH` settings are optional, audio `PASSTHROUGH` has none); a settings object that belongs to a different codec is reported too, since the service ignores or rejects it. A codec whose value is not known is not checked; unknown codec names are `schema/invalid-enum`'s.",
    rationale:
      'The API requires the settings that match the codec ("Required when you set Codec to the value H_264") and fails the job or rejects the template otherwise. A settings block left over after changing the codec (H264Settings under Codec: H_265) silently does nothing, so every setting tuned in it is lost.',
    messages: {
      mismatch: "{{property}} is {{codec}} but the settings are {{found}}; rename them to {{expected}} (and check that each member exists for {{codec}}), or set {{property}} to {{foundCodec}}.",
      missing: '{{property}} is {{codec}}, which needs {{expected}}; add {{expected}} with the encoding settings.',
      other: "{{found}} belongs to codec {{foundCodec}}, but {{property}} is {{codec}}, so these settings are not used; remove them.",
    },
    appliesTo: ['AWS::MediaConvert::Preset', 'AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['MC-001'],
    references: [
      { title: 'MediaConvert API: VideoCodecSettings and AudioCodecSettings', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobs.html' },
      { title: 'MediaConvert user guide: supported output codecs and containers', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/reference-codecs-containers-output.html' },
    ],
  },
  check(context) {
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) {
        for (const codecSettings of findMembers(mediaConvertSettings(resource), 'codec_settings')) {
          const table = codecTable(codecSettings);
          if (!table || codecSettings.value?.kind !== 'object') continue;
          const codecCursor = codecSettings.get('codec');
          const codec = codecCursor.string();
          if (codec === undefined || !(codec in table)) continue;
          const expected = table[codec];
          const property = memberLabel(codecCursor);
          const others = Object.entries(table).flatMap(([otherCodec, entry]) => {
            if (!entry || entry.member === expected?.member) return [];
            const cursor = codecSettings.get(entry.member);
            return cursor.exists ? [{ codec: otherCodec, cursor }] : [];
          });
          const expectedMissing = expected !== undefined && expected.required && codecSettings.get(expected.member).isMissing;
          const expectedName = expected ? spellMember(expected.member, undefined, resource) : '';
          if (expectedMissing && others.length === 1) {
            const [other] = others as [{ codec: string; cursor: Cursor }];
            context.report({
              at: codecCursor,
              messageId: 'mismatch',
              data: { property, codec, found: memberLabel(other.cursor), expected: expectedName, foundCodec: other.codec },
            });
            continue;
          }
          if (expectedMissing) context.report({ at: codecCursor, messageId: 'missing', data: { property, codec, expected: expectedName } });
          for (const other of others) {
            context.report({ at: other.cursor, target: 'key', messageId: 'other', data: { found: memberLabel(other.cursor), foundCodec: other.codec, property, codec } });
          }
        }
      }
    }
  },
});
