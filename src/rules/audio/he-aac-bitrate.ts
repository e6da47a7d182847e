import { defineRule } from '../../engine/rule.js';
import { isPossibleCombination, mediaConvertHlsAacEncodes, mediaLiveHlsAacEncodes, usesBitrate, type AacEncode } from '../support/audio.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { spellMember } from '../support/spelling.js';
import { formatBitrate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'audio/he-aac-bitrate',
    category: 'audio',
    severity: 'warning',
    description: 'HE-AAC audio delivered as HLS at more than 64 kbit/s.',
    details:
      'Reports AAC encodes with profile HEV1 or HEV2 and a bitrate above 64 kbit/s (the `maxBitrate` option) used by MediaLive HLS or MediaPackage output groups, or by MediaConvert HLS groups and CMAF groups that write an HLS manifest. 5.1 encodes (and the CODING_MODE_AUTO of MediaConvert), which need more than 64 kbit/s for six channels, encodes in VBR, where `Bitrate` is not used, and unknown values are not checked.',
    rationale:
      'Apple HLS 2.4: "You SHOULD NOT use HE-AAC if your audio bit rate is above 64 kbit/s." Above that rate AAC-LC sounds as good or better, decodes with less effort and plays on every device, while spectral band replication only pays off at low bitrates.',
    messages: {
      aboveLimit: 'HE-AAC ({{profileProperty}} {{profile}}) at {{bitrate}} is above the {{limit}} Apple recommends for HE-AAC in HLS; use {{profileProperty}} LC at this bitrate, or lower {{bitrateProperty}}.',
    },
    appliesTo: ['AWS::MediaLive::Channel', 'AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['HLS-018'],
    options: { maxBitrate: { description: 'The highest HE-AAC bitrate that raises nothing, in bit/s.', default: 64000 } },
    references: [{ title: 'Apple HLS authoring specification 2.4', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
  },
  check(context) {
    const limit = Number(context.options.maxBitrate);
    const checkEncode = (encode: AacEncode) => {
      const profile = encode.profile.string();
      const bitrate = encode.bitrate.number();
      if ((profile !== 'HEV1' && profile !== 'HEV2') || bitrate === undefined || bitrate <= limit || !usesBitrate(encode)) return;
      // Apple's limit is about stereo and mono encodes; six channels of HE-AAC need more than 64 kbit/s.
      const mode = encode.codingMode.isMissing ? 'CODING_MODE_2_0' : encode.codingMode.string();
      if (mode === undefined || mode === 'CODING_MODE_5_1' || mode === 'CODING_MODE_AUTO') return;
      // A bitrate the service rejects outright is audio/aac-combination's error.
      if (!isPossibleCombination(encode)) return;
      context.report({
        at: encode.bitrate,
        messageId: 'aboveLimit',
        data: {
          profileProperty: spellMember(encode.profileMember[0], encode.profileMember[1], encode.resource),
          bitrateProperty: spellMember('bitrate', 'Bitrate', encode.resource),
          profile,
          bitrate: formatBitrate(bitrate),
          limit: formatBitrate(limit),
        },
      });
    };
    for (const channel of context.resources('AWS::MediaLive::Channel')) mediaLiveHlsAacEncodes(channel).forEach(checkEncode);
    for (const type of mediaConvertTypes) for (const resource of context.resources(type)) mediaConvertHlsAacEncodes(resource).forEach(checkEncode);
  },
});
