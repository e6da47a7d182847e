import { defineRule } from '../../engine/rule.js';
import { isPossibleCombination, mediaConvertHlsAacEncodes, mediaLiveHlsAacEncodes, usesBitrate, type AacEncode } from '../support/audio.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { formatBitrate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'audio/stereo-bitrate-range',
    category: 'audio',
    severity: 'info',
    recommended: false,
    description: 'Stereo AAC audio delivered as HLS outside the 32–160 kbit/s Apple recommends.',
    details:
      'Reports AAC encodes with `CodingMode: CODING_MODE_2_0` and a bitrate below `minBitrate` (32 kbit/s) or above `maxBitrate` (160 kbit/s), used by MediaLive HLS or MediaPackage output groups, or by MediaConvert HLS groups and CMAF groups that write an HLS manifest. Encodes in VBR and unknown values are not checked.',
    rationale:
      'Apple HLS 2.9 recommends 32 to 160 kbit/s for stereo AAC. Below that the audio is audibly degraded; above it the extra bits are not heard but are paid for in every variant, since each video rendition carries or is paired with the audio.',
    messages: {
      outsideRange: 'Stereo AAC at {{bitrate}} is outside the {{min}} to {{max}} Apple recommends for stereo AAC in HLS.',
    },
    appliesTo: ['AWS::MediaLive::Channel', 'AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job'],
    sources: ['HLS-020'],
    options: {
      minBitrate: { description: 'The lowest stereo AAC bitrate that raises nothing, in bit/s.', default: 32000 },
      maxBitrate: { description: 'The highest stereo AAC bitrate that raises nothing, in bit/s.', default: 160000 },
    },
    references: [{ title: 'Apple HLS authoring specification 2.9', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
  },
  check(context) {
    const min = Number(context.options.minBitrate);
    const max = Number(context.options.maxBitrate);
    const checkEncode = (encode: AacEncode) => {
      const bitrate = encode.bitrate.number();
      if (encode.codingMode.string() !== 'CODING_MODE_2_0' || bitrate === undefined || (bitrate >= min && bitrate <= max) || !usesBitrate(encode)) return;
      // A bitrate the service rejects outright is audio/aac-combination's error.
      if (!isPossibleCombination(encode)) return;
      context.report({ at: encode.bitrate, messageId: 'outsideRange', data: { bitrate: formatBitrate(bitrate), min: formatBitrate(min), max: formatBitrate(max) } });
    };
    for (const channel of context.resources('AWS::MediaLive::Channel')) mediaLiveHlsAacEncodes(channel).forEach(checkEncode);
    for (const type of mediaConvertTypes) for (const resource of context.resources(type)) mediaConvertHlsAacEncodes(resource).forEach(checkEncode);
  },
});
