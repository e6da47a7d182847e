import { defineRule } from '../../engine/rule.js';
import type { Cursor } from '../../graph/cursor.js';
import { encoderTypes } from '../support/codec.js';
import { describeRung, ladders, type Rung } from '../support/ladder.js';
import { formatFrameRate, type VideoRendition } from '../support/video.js';

/** The frame rate as a comparable key: the specified rate, `source` when it follows the source, undefined when unknown. */
function frameRateKey(video: VideoRendition): string | undefined {
  if (video.framesPerSecond !== undefined) return video.framesPerSecond.toFixed(3);
  const settings = video.settings;
  if (!settings) return undefined;
  const control = settings.get('framerate_control');
  if (control.string() === 'INITIALIZE_FROM_SOURCE') return 'source';
  if (control.isMissing && settings.get('framerate_numerator').isMissing && settings.get('framerate_denominator').isMissing) return 'source';
  return undefined;
}

/** Where a duplicate points: the output's use of the rendition (MediaLive description name, MediaConvert preset or description). */
function useCursor(rung: Rung): { at: Cursor; target: 'key' | 'value' } {
  const name = rung.output.get('video_description_name');
  if (name.exists) return { at: name, target: 'value' };
  const preset = rung.output.get('preset');
  if (preset.exists) return { at: preset, target: 'value' };
  return { at: rung.output.get('video_description'), target: 'key' };
}

export default defineRule({
  meta: {
    id: 'ladder/duplicate-rungs',
    category: 'ladder',
    severity: 'warning',
    description: 'Two renditions of one ladder with the same codec, resolution, frame rate and bit rate.',
    details:
      'For each adaptive-bitrate output group, reports a rendition whose codec, width, height, frame rate and bit rate (`Bitrate`, or `MaxBitrate` for QVBR) are all known and equal to those of an earlier rendition of the group. Outputs that share one MediaLive video description are one rendition and are not reported.',
    rationale:
      'Two identical variants cost a second encode, double the storage and CDN footprint of that rung, and give an ABR player two entries with the same bandwidth that it cannot tell apart. It is almost always a copy-paste slip where a rung was meant to get a new resolution or bit rate. Microsoft Smooth output groups of MediaLive even require each output\'s bit rate to be unique.',
    messages: {
      duplicate: 'Rendition {{rung}} ({{details}}) duplicates {{other}} in the same output group; remove it or give it its own resolution or bit rate.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'MediaLive API: MsSmoothGroupSettings (bit rates unique per output)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'Apple HLS authoring specification for Apple devices, 1.25 (distinct variants)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
  },
  check(context) {
    for (const ladder of ladders(context)) {
      const seen = new Map<string, Rung>();
      for (const rung of ladder.rungs) {
        const { codec, width, height, bitrate } = rung.video;
        const frameRate = frameRateKey(rung.video);
        if (codec === undefined || codec === 'other' || width === undefined || height === undefined || bitrate === undefined || frameRate === undefined) continue;
        const key = [codec, width, height, bitrate, frameRate].join('|');
        const first = seen.get(key);
        if (!first) {
          seen.set(key, rung);
          continue;
        }
        const fps = rung.video.framesPerSecond;
        context.report({
          ...useCursor(rung),
          messageId: 'duplicate',
          data: { rung: rung.label, details: `${describeRung(rung.video)}, ${fps === undefined ? 'source frame rate' : formatFrameRate(fps)}`, other: first.label },
        });
      }
    }
  },
});
