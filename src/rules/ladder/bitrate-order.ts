import { defineRule } from '../../engine/rule.js';
import { encoderTypes } from '../support/codec.js';
import { bitrateCursor, describeRung, ladders, pixelCount, rungsByCodec, type Rung } from '../support/ladder.js';

export default defineRule({
  meta: {
    id: 'ladder/bitrate-order',
    category: 'ladder',
    severity: 'warning',
    description: 'A ladder rung with no more bit rate than a smaller resolution of the same codec.',
    details:
      'For each adaptive-bitrate output group (MediaLive HLS, MediaPackage, CMAF ingest and Microsoft Smooth groups; MediaConvert HLS, DASH, CMAF and Microsoft Smooth groups), compares the renditions of one codec with a known resolution and bit rate (`Bitrate`, or `MaxBitrate` for QVBR) and reports a rendition whose bit rate is not above that of a rendition with fewer pixels. Renditions with different known frame rates are not compared: a 60 fps rung may rightly cost more than a larger 30 fps one.',
    rationale:
      'Players order variants by bandwidth and expect quality to rise with it. A 1080p rung budgeted below the 720p rung is starved: it looks worse than the smaller rendition, yet players on good connections switch up to it. The usual cause is a rung whose bit rate was copied or lowered without its neighbours.',
    messages: {
      inverted: '{{rung}} has no more bit rate than {{other}} in the same output group; raise the bit rate of {{size}} or lower that of {{otherSize}}, so that bit rate increases with resolution.',
    },
    appliesTo: encoderTypes,
    references: [
      { title: 'Apple HLS authoring specification for Apple devices, 1.25 (bit rates rise with resolution in the recommended ladder)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
  },
  check(context) {
    for (const ladder of ladders(context)) {
      for (const rungs of rungsByCodec(ladder.rungs).values()) {
        const known = rungs.filter((rung) => pixelCount(rung.video) !== undefined && rung.video.bitrate !== undefined);
        for (const rung of known) {
          let worst: Rung | undefined;
          for (const other of known) {
            if (other === rung || pixelCount(other.video)! >= pixelCount(rung.video)!) continue;
            if (other.video.bitrate! < rung.video.bitrate!) continue;
            const fps = rung.video.framesPerSecond;
            const otherFps = other.video.framesPerSecond;
            if (fps !== undefined && otherFps !== undefined && Math.abs(fps - otherFps) > 0.01) continue;
            if (!worst || other.video.bitrate! > worst.video.bitrate!) worst = other;
          }
          const at = bitrateCursor(rung.video);
          if (!worst || !at) continue;
          context.report({
            at,
            messageId: 'inverted',
            data: {
              rung: describeRung(rung.video),
              other: describeRung(worst.video),
              size: `${rung.video.width}×${rung.video.height}`,
              otherSize: `${worst.video.width}×${worst.video.height}`,
            },
          });
        }
      }
    }
  },
});
