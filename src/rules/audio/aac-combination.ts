import { defineRule } from '../../engine/rule.js';
import type { Resource } from '../../graph/resource.js';
import {
  aacVerdict,
  mediaConvertAacBitrates,
  mediaConvertAacEncodes,
  mediaConvertAacTable,
  mediaConvertDefaultAacProfile,
  mediaLiveAacEncodes,
  mediaLiveAacTable,
  usesBitrate,
  type AacEncode,
  type AacTable,
} from '../support/audio.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { spellMember } from '../support/spelling.js';

export default defineRule({
  meta: {
    id: 'audio/aac-combination',
    category: 'audio',
    severity: 'error',
    description: 'An AAC encode whose profile, coding mode, sample rate and bitrate are not a combination MediaLive or MediaConvert supports.',
    details:
      "Checks every AAC audio description of MediaLive channels, and of MediaConvert jobs, job templates and presets, against the service's table of valid combinations: the profile must be available in the coding mode, the sample rate for that profile and mode, and the bitrate within the range for that sample rate. For MediaLive the table of the user guide is complete (HE-AAC v2 only in 2.0, for example). For MediaConvert the bitrate must also be one of the enumerated values; of its CBR table only AAC-LC 1.0 (all rates) and AAC-LC 2.0 up to 44100 Hz are encoded, other combinations are not reported. A setting that is not written may take any value, except the MediaConvert profile, whose documented default is LC; a combination is reported only when no such value makes it valid. Encodes in VBR are not checked, nor are unknown values.",
    rationale:
      'Both services reject an AAC encode whose four settings do not form a supported combination, and the valid bitrates depend on all of them: 96 kbit/s is fine for stereo AAC-LC at 48 kHz but invalid for HE-AAC v2, which stops at 64 kbit/s; 5.1 AAC-LC needs at least 256 kbit/s at 48 kHz. The MediaLive user guide warns that changing "only one or two fields" easily creates an invalid combination.',
    messages: {
      profileMode: '{{profileProperty}} {{profile}} cannot be used with {{modeProperty}} {{mode}} in {{service}}; {{profile}} supports {{modes}}.',
      sampleRate: '{{property}} {{rate}} is not supported by {{service}} for AAC {{combination}}; use {{rates}}.',
      bitrate: '{{property}} {{bitrate}} is outside what {{service}} supports for AAC {{combination}}: {{ranges}} bit/s.',
      notEnumerated: '{{property}} {{bitrate}} is not one of the AAC bitrates MediaConvert accepts; use {{nearest}}.',
    },
    appliesTo: ['AWS::MediaLive::Channel', ...mediaConvertTypes],
    sources: ['ML-015', 'MC-010'],
    references: [
      { title: 'MediaLive user guide: supported sampling rate and bitrate for AAC output', url: 'https://docs.aws.amazon.com/medialive/latest/ug/aac-four-characteristics.html' },
      { title: 'MediaConvert user guide: AAC output reference tables', url: 'https://docs.aws.amazon.com/mediaconvert/latest/ug/aac-support.html' },
      { title: 'MediaConvert API: AacSettings', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
    ],
  },
  check(context) {
    const checkEncode = (encode: AacEncode, table: AacTable, defaultProfile?: string) => {
      const resource: Resource = encode.resource;
      const bitrateProperty = spellMember('bitrate', 'Bitrate', resource);
      if (encode.service === 'MediaConvert' && usesBitrate(encode)) {
        const bitrate = encode.bitrate.number();
        const bounds = [mediaConvertAacBitrates[0]!, mediaConvertAacBitrates[mediaConvertAacBitrates.length - 1]!];
        // Values outside the range are schema/out-of-range's finding.
        if (bitrate !== undefined && bitrate >= bounds[0]! && bitrate <= bounds[1]! && !mediaConvertAacBitrates.includes(bitrate)) {
          const below = mediaConvertAacBitrates.filter((value) => value < bitrate).pop();
          const above = mediaConvertAacBitrates.find((value) => value > bitrate);
          const nearest = [below, above].filter((value): value is number => value !== undefined).join(' or ');
          context.report({ at: encode.bitrate, messageId: 'notEnumerated', data: { property: bitrateProperty, bitrate, nearest } });
          return;
        }
      }
      const verdict = aacVerdict(table, encode, defaultProfile);
      const profile = encode.profile.string() ?? (encode.profile.isMissing ? defaultProfile : undefined);
      const mode = encode.codingMode.string();
      const combination = [profile, mode].filter((part) => part !== undefined).join(' ') || '(any profile and coding mode)';
      switch (verdict.kind) {
        case 'possible':
          return;
        case 'pair':
          context.report({
            at: encode.profile.exists ? encode.profile : encode.codingMode,
            messageId: 'profileMode',
            data: {
              profileProperty: spellMember(encode.profileMember[0], encode.profileMember[1], resource),
              modeProperty: spellMember('coding_mode', 'CodingMode', resource),
              profile: verdict.profile,
              mode: verdict.codingMode,
              service: table.service,
              modes: verdict.modes.join(', '),
            },
          });
          return;
        case 'sampleRate':
          context.report({
            at: encode.sampleRate,
            messageId: 'sampleRate',
            data: { property: spellMember('sample_rate', 'SampleRate', resource), rate: verdict.sampleRate, service: table.service, combination, rates: verdict.rates.join(', ') },
          });
          return;
        case 'bitrate': {
          const rate = encode.sampleRate.number();
          const ranges =
            verdict.ranges.length === 1
              ? `${verdict.ranges[0]!.min}–${verdict.ranges[0]!.max}`
              : verdict.ranges.map((range) => `${range.profile} ${range.min}–${range.max}`).join(', ');
          context.report({
            at: encode.bitrate,
            messageId: 'bitrate',
            data: { property: bitrateProperty, bitrate: verdict.bitrate, service: table.service, combination: rate === undefined ? combination : `${combination} at ${rate} Hz`, ranges },
          });
        }
      }
    };
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const encode of mediaLiveAacEncodes(channel)) checkEncode(encode, mediaLiveAacTable);
    }
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) {
        for (const encode of mediaConvertAacEncodes(resource)) checkEncode(encode, mediaConvertAacTable, mediaConvertDefaultAacProfile);
      }
    }
  },
});
