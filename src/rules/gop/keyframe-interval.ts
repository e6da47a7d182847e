import { defineRule } from '../../engine/rule.js';
import type { Resource } from '../../graph/resource.js';
import { mediaConvertTypes } from '../support/mediaconvert.js';
import { describeGop, explicitMediaConvertGop, mediaConvertHlsRenditions, mediaLiveHlsKinds, mediaLiveRenditionsIn } from '../support/segments.js';
import { formatFrameRate, formatSeconds, type VideoRendition } from '../support/video.js';

export default defineRule({
  meta: {
    id: 'gop/keyframe-interval',
    category: 'gop',
    severity: 'warning',
    description: 'A video rendition delivered as HLS whose key frames are not two seconds apart.',
    details:
      'Checks the GOP duration of every video description used by a MediaLive HLS or MediaPackage output group, and of every video output of a MediaConvert HLS group or CMAF group that writes an HLS manifest, against the two seconds of the Apple HLS authoring specification, within a tolerance (by default 5 ms, so that 60 frames at 29.97 fps, 2.002 s, pass). MediaConvert GOPs are checked only when `GopSizeUnits` is FRAMES or SECONDS; with AUTO (the default) MediaConvert picks the GOP. Unknown GOP sizes or frame rates are not checked.',
    rationale:
      'Apple HLS 1.13: "Key frames (IDRs) SHOULD be present every two seconds." Players can only start and switch renditions at key frames; a longer interval slows start-up and rendition switches, a shorter one spends bits on I-frames. Two-second GOPs also divide the recommended six-second segments.',
    messages: {
      notTwoSeconds: 'GOP of {{gop}} in an HLS output; Apple recommends a key frame every {{target}}: use a GOP of {{suggestion}}.',
    },
    appliesTo: ['AWS::MediaLive::Channel', ...mediaConvertTypes],
    sources: ['HLS-003'],
    options: {
      targetSeconds: { description: 'The key-frame interval to require, in seconds.', default: 2 },
      toleranceSeconds: { description: 'How far the GOP duration may be from the target, in seconds (2.002 s at 29.97 fps needs at least 0.002).', default: 0.005 },
    },
    references: [{ title: 'Apple HLS authoring specification 1.13', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' }],
  },
  check(context) {
    const target = Number(context.options.targetSeconds);
    const tolerance = Number(context.options.toleranceSeconds);
    const checkRendition = (video: VideoRendition, gopSeconds: number | undefined) => {
      if (gopSeconds === undefined || gopSeconds <= 0 || Math.abs(gopSeconds - target) <= tolerance) return;
      const fps = video.framesPerSecond;
      const units = video.settings?.get('gop_size_units').string();
      const frames = fps === undefined ? undefined : Math.max(1, Math.round(target * fps));
      const suggestion = frames !== undefined && fps !== undefined && units !== 'SECONDS' ? `${formatSeconds(frames / fps)} (${frames} frames at ${formatFrameRate(fps)})` : formatSeconds(target);
      context.report({ at: video.settings!.get('gop_size'), messageId: 'notTwoSeconds', data: { gop: describeGop(video), target: formatSeconds(target), suggestion } });
    };
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const { video } of mediaLiveRenditionsIn(channel, mediaLiveHlsKinds)) checkRendition(video, video.gopSeconds);
    }
    const mediaConvert: Resource[] = mediaConvertTypes.flatMap((type) => [...context.resources(type)]);
    for (const resource of mediaConvert) {
      for (const video of mediaConvertHlsRenditions(resource)) checkRendition(video, explicitMediaConvertGop(video));
    }
  },
});
