import { defineRule } from '../../engine/rule.js';
import { isLowComplexity, isPossibleCombination, mediaConvertAacEncodes, mediaLiveAacEncodes, usesBitrate, type AacEncode } from '../support/audio.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { spellMember } from '../support/spelling.js';
import { formatBitrate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'audio/surround-bitrate',
    category: 'audio',
    severity: 'warning',
    description: '5.1 AAC-LC audio at a bitrate that only suits stereo.',
    details:
      'Reports AAC-LC encodes (profile LC, or not written: LC is the documented MediaConvert default and the default of the MediaLive console) with `CodingMode: CODING_MODE_5_1` whose bitrate is at most `maxStereoBitrate`, 160 kbit/s: the top of the range Apple recommends for stereo AAC, where the recommendation for 5.1 AAC is 320 kbit/s. Applies to every AAC audio description of MediaLive channels and of MediaConvert jobs, job templates and presets. HE-AAC encodes, which code 5.1 efficiently at lower rates, bitrates the service rejects outright (`audio/aac-combination`), VBR encodes and unknown values are not checked.',
    rationale:
      'Apple HLS 2.9 recommends 32–160 kbit/s for stereo AAC and 320 kbit/s for 5.1 AAC. Six channels at a stereo budget leave about 30 kbit/s per channel, which is audibly poor; a 5.1 encode at 128 kbit/s is usually a stereo preset whose coding mode was changed without its bitrate.',
    messages: {
      stereoBudget: '5.1 AAC at {{bitrate}} is a stereo bitrate (Apple recommends {{stereoRange}} for stereo AAC and {{surround}} for 5.1); raise {{bitrateProperty}} to {{surroundNumber}}, or encode stereo.',
    },
    appliesTo: ['AWS::MediaLive::Channel', ...mediaConvertTypes],
    sources: ['HLS-020'],
    options: {
      maxStereoBitrate: { description: 'The highest bitrate considered a stereo budget, in bit/s (Apple: stereo AAC 32–160 kbit/s).', default: 160000 },
      surroundBitrate: { description: 'The bitrate suggested for 5.1 AAC, in bit/s (Apple: 320 kbit/s).', default: 320000 },
    },
    references: [{ title: 'Apple HLS authoring specification 2.9 (audio bit-rate recommendations)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
  },
  check(context) {
    const maxStereo = Number(context.options.maxStereoBitrate);
    const surround = Number(context.options.surroundBitrate);
    const checkEncode = (encode: AacEncode) => {
      const bitrate = encode.bitrate.number();
      if (encode.codingMode.string() !== 'CODING_MODE_5_1' || bitrate === undefined || bitrate > maxStereo || !isLowComplexity(encode) || !usesBitrate(encode)) return;
      // A bitrate the service rejects outright is audio/aac-combination's error.
      if (!isPossibleCombination(encode)) return;
      context.report({
        at: encode.bitrate,
        messageId: 'stereoBudget',
        data: {
          bitrate: formatBitrate(bitrate),
          stereoRange: `32–${formatBitrate(maxStereo)}`,
          surround: formatBitrate(surround),
          surroundNumber: surround,
          bitrateProperty: spellMember('bitrate', 'Bitrate', encode.resource),
        },
      });
    };
    for (const channel of context.resources('AWS::MediaLive::Channel')) mediaLiveAacEncodes(channel).forEach(checkEncode);
    for (const type of mediaConvertTypes) for (const resource of context.resources(type)) mediaConvertAacEncodes(resource).forEach(checkEncode);
  },
});
