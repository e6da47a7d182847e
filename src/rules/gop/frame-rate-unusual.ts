import { defineRule } from '../../engine/rule.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { mediaConvertHlsRenditions, mediaLiveHlsKinds, mediaLiveRenditionsIn } from '../support/segments.js';
import { spellMember } from '../support/spelling.js';
import { formatFrameRate, type VideoRendition } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'gop/frame-rate-unusual',
    category: 'gop',
    severity: 'info',
    recommended: false,
    description: 'A video rendition delivered as HLS at a frame rate outside the rates Apple lists as supported.',
    details:
      'Compares the specified frame rate of every video description used by a MediaLive HLS or MediaPackage output group, and of every video output of a MediaConvert HLS group or CMAF group that writes an HLS manifest, with the list of supported rates (23.976, 24, 25, 29.97, 30, 50, 59.94 and 60 fps by default), to within 0.005 fps. Rates above 60 fps are left to `gop/frame-rate-above-60`; rates taken from the source are not checked.',
    rationale:
      'Apple HLS 1.18: "Frame rates 23.976, 24, 25, 29.97, 30, 50, 59.94, and 60 fps are supported", and VOD SHOULD use the natural rate of the content. Another rate (15, 20, 48 fps) usually comes from a typo in the numerator or denominator, or from a conversion that drops or repeats frames unevenly.',
    messages: {
      unusual: 'Frame rate {{fps}} of an HLS output is not one of the rates Apple lists as supported ({{rates}}); check {{numerator}} and {{denominator}}.',
    },
    appliesTo: ['AWS::MediaLive::Channel', ...mediaConvertTypes],
    sources: ['HLS-011'],
    options: {
      frameRates: { description: 'Frame rates (fps) that raise nothing.', default: ['23.976', '24', '25', '29.97', '30', '50', '59.94', '60'] },
    },
    references: [{ title: 'Apple HLS authoring specification 1.16–1.18', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
  },
  check(context) {
    const option = context.options.frameRates;
    const allowed = (Array.isArray(option) ? option : []).map(Number).filter((rate) => Number.isFinite(rate));
    const checkRendition = (video: VideoRendition) => {
      const fps = video.framesPerSecond;
      if (fps === undefined || fps > 60 + 1e-6 || allowed.some((rate) => Math.abs(rate - fps) < 0.005)) return;
      context.report({
        at: video.settings!.get('framerate_numerator'),
        messageId: 'unusual',
        data: {
          fps: formatFrameRate(fps),
          rates: allowed.map((rate) => String(rate)).join(', '),
          numerator: spellMember('framerate_numerator', 'FramerateNumerator', video.description.resource),
          denominator: spellMember('framerate_denominator', 'FramerateDenominator', video.description.resource),
        },
      });
    };
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const { video } of mediaLiveRenditionsIn(channel, mediaLiveHlsKinds)) checkRendition(video);
    }
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) for (const video of mediaConvertHlsRenditions(resource)) checkRendition(video);
    }
  },
});
