import { defineRule } from '../../engine/rule.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { mediaConvertHlsRenditions, mediaLiveHlsKinds, mediaLiveRenditionsIn } from '../support/segments.js';
import { spellMember } from '../support/spelling.js';

/** MediaConvert interlace modes that always produce interlaced video; the FOLLOW_* modes stay
 * progressive for a progressive source, so they are not certain. */
const interlacedModes = new Set(['TOP_FIELD', 'BOTTOM_FIELD']);

export default defineRule({
  meta: {
    id: 'gop/interlaced-hls',
    category: 'gop',
    severity: 'error',
    description: 'An interlaced video rendition delivered as HLS.',
    details:
      'Reports `ScanType: INTERLACED` on a video description used by a MediaLive HLS or MediaPackage output group, and `InterlaceMode: TOP_FIELD` or `BOTTOM_FIELD` on a video output of a MediaConvert HLS group or CMAF group that writes an HLS manifest. MediaConvert modes that follow the source (FOLLOW_TOP_FIELD, FOLLOW_BOTTOM_FIELD) are not reported, since a progressive source stays progressive.',
    rationale:
      'Apple HLS 1.14: interlaced source MUST be deinterlaced; 1.15: deinterlace 30i to 60p rather than 30p. Browsers and mobile players render interlaced HLS with combing artefacts or not at all.',
    messages: {
      interlaced: '{{property}} {{value}} makes an interlaced HLS output, which the Apple HLS authoring specification does not allow; encode progressive ({{fix}}), deinterlacing 30i to 60p.',
    },
    appliesTo: ['AWS::MediaLive::Channel', ...mediaConvertTypes],
    sources: ['HLS-012'],
    references: [{ title: 'Apple HLS authoring specification 1.14 and 1.15', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const { video } of mediaLiveRenditionsIn(channel, mediaLiveHlsKinds)) {
        const scanType = video.settings?.get('scan_type');
        if (!scanType || scanType.string() !== 'INTERLACED') continue;
        const property = spellMember('scan_type', 'ScanType', channel);
        context.report({ at: scanType, messageId: 'interlaced', data: { property, value: 'INTERLACED', fix: `${property} PROGRESSIVE` } });
      }
    }
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) {
        for (const video of mediaConvertHlsRenditions(resource)) {
          const mode = video.settings?.get('interlace_mode');
          const value = mode?.string();
          if (!mode || value === undefined || !interlacedModes.has(value)) continue;
          const property = spellMember('interlace_mode', 'InterlaceMode', resource);
          context.report({ at: mode, messageId: 'interlaced', data: { property, value, fix: `${property} PROGRESSIVE` } });
        }
      }
    }
  },
});
