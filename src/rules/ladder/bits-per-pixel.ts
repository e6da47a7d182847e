import { defineRule } from '../../engine/rule.js';
import { encoderTypes, formatDimensions } from '../support/codec.js';
import { bitrateCursor, codecName, isBitrateCap, ladders, numberOption } from '../support/ladder.js';
import { formatBitrate, formatFrameRate } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'ladder/bits-per-pixel',
    category: 'ladder',
    severity: 'info',
    recommended: false,
    description: 'A ladder rung whose bits per pixel are implausibly low or high for its codec.',
    details:
      'For each H.264 and HEVC rendition of an adaptive-bitrate output group with a known resolution, specified frame rate and bit rate, computes bits per pixel = bit rate ÷ (width × height × fps) and reports values outside the codec\'s bounds (options). A QVBR `MaxBitrate` is a cap, not the average, so only a cap below the minimum is reported. The default bounds are a factor of two outside the range Apple\'s recommended ladder spans (HLS authoring specification 1.25, evaluated from 24 to 60 fps): H.264 0.048–0.20 bit/pixel, HEVC 0.021–0.18.',
    rationale:
      'Bits per pixel is the budget each pixel of each frame gets. Far below what a codec needs, the rung shows blocking and smearing whatever the encoder does; far above, the extra bits buy no visible quality and cost delivery bandwidth, and the rung often sits where a larger resolution would look better. Both usually come from a bit rate typed with a zero too few or too many, or a resolution changed without its bit rate.',
    messages: {
      low: '{{size}} at {{fps}} and {{bitrate}} is {{bpp}} bits per pixel, below {{min}} for {{codec}}; raise the bit rate to at least {{suggested}} or lower the resolution.',
      high: '{{size}} at {{fps}} and {{bitrate}} is {{bpp}} bits per pixel, above {{max}} for {{codec}}; lower the bit rate to about {{suggested}} or raise the resolution.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'Apple HLS authoring specification for Apple devices, 1.25 (recommended bit rates by resolution and codec)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
    options: {
      h264Min: { description: 'Lowest plausible H.264 bits per pixel.', default: 0.024 },
      h264Max: { description: 'Highest plausible H.264 bits per pixel.', default: 0.4 },
      hevcMin: { description: 'Lowest plausible HEVC bits per pixel.', default: 0.01 },
      hevcMax: { description: 'Highest plausible HEVC bits per pixel.', default: 0.35 },
    },
  },
  check(context) {
    const bounds = {
      h264: { min: numberOption(context.options, 'h264Min', 0.024), max: numberOption(context.options, 'h264Max', 0.4) },
      h265: { min: numberOption(context.options, 'hevcMin', 0.01), max: numberOption(context.options, 'hevcMax', 0.35) },
    };
    for (const ladder of ladders(context)) {
      for (const rung of ladder.rungs) {
        const { codec, width, height, framesPerSecond, bitrate } = rung.video;
        if ((codec !== 'h264' && codec !== 'h265') || width === undefined || height === undefined || framesPerSecond === undefined || bitrate === undefined) continue;
        if (width <= 0 || height <= 0 || framesPerSecond <= 0) continue;
        const at = bitrateCursor(rung.video);
        if (!at) continue;
        const pixelRate = width * height * framesPerSecond;
        const bitsPerPixel = bitrate / pixelRate;
        const { min, max } = bounds[codec];
        const data = { size: formatDimensions(width, height), fps: formatFrameRate(framesPerSecond), bitrate: formatBitrate(bitrate), bpp: Number(bitsPerPixel.toFixed(3)), codec: codecName(rung.video) };
        const cap = isBitrateCap(rung.video);
        if (bitsPerPixel < min) context.report({ at, messageId: 'low', data: { ...data, min, suggested: formatBitrate(Math.ceil((min * pixelRate) / 1000) * 1000) } });
        else if (bitsPerPixel > max && !cap) context.report({ at, messageId: 'high', data: { ...data, max, suggested: formatBitrate(Math.floor((max * pixelRate) / 1000) * 1000) } });
      }
    }
  },
});
