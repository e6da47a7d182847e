import { defineRule } from '../../engine/rule.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { mediaConvertHlsRenditions, mediaLiveHlsKinds, mediaLiveRenditionsIn } from '../support/segments.js';
import { formatFrameRate, type VideoRendition } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'gop/frame-rate-above-60',
    category: 'gop',
    severity: 'error',
    description: 'A video rendition delivered as HLS at more than 60 frames per second.',
    details:
      'Reports the specified frame rate (`FramerateNumerator / FramerateDenominator`) of every video description used by a MediaLive HLS or MediaPackage output group, and of every video output of a MediaConvert HLS group or CMAF group that writes an HLS manifest, when it is above 60 fps. Frame rates taken from the source are not checked.',
    rationale: 'Apple HLS 1.19: "Frame rates above 60 fps SHALL NOT be used." Apple devices are not required to play such variants, and the HLS ladder guidance stops at 60 fps.',
    messages: {
      aboveSixty: 'Frame rate {{fps}} of an HLS output is above 60 fps, which the Apple HLS authoring specification rules out; use 60 fps or less.',
    },
    appliesTo: ['AWS::MediaLive::Channel', ...mediaConvertTypes],
    sources: ['HLS-010'],
    references: [{ title: 'Apple HLS authoring specification 1.19', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
  },
  check(context) {
    const checkRendition = (video: VideoRendition) => {
      const fps = video.framesPerSecond;
      if (fps === undefined || fps <= 60 + 1e-6) return;
      context.report({ at: video.settings!.get('framerate_numerator'), messageId: 'aboveSixty', data: { fps: formatFrameRate(fps) } });
    };
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const { video } of mediaLiveRenditionsIn(channel, mediaLiveHlsKinds)) checkRendition(video);
    }
    for (const type of mediaConvertTypes) {
      for (const resource of context.resources(type)) for (const video of mediaConvertHlsRenditions(resource)) checkRendition(video);
    }
  },
});
