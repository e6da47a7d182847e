import { defineRule } from '../../engine/rule.js';
import type { Cursor } from '../../graph/cursor.js';
import { mediaLiveOutputGroups, segmentedGroupKinds } from '../support/medialive.js';
import { mediaLiveGroupNoun } from '../support/segments.js';
import { spellMember } from '../support/spelling.js';
import { formatFrameRate, formatSeconds, type VideoRendition } from '../support/video.js';

type MessageId = 'gopDuration' | 'frameRate' | 'closedCadence' | 'sceneChange';

/** One property that must be the same for every rendition of a segmented group. */
interface Aspect {
  messageId: MessageId;
  value(video: VideoRendition): number | string | undefined;
  cursor(video: VideoRendition): Cursor | undefined;
  format(value: number | string): string;
  /** True when two values are the same setting (how the reference value is counted). */
  same(a: number | string, b: number | string): boolean;
  /** True when two values keep GOP boundaries aligned. */
  compatible(a: number | string, b: number | string): boolean;
  /** Canonical and API name of the member, for messages that quote it. */
  member?: readonly [string, string];
}

const sameNumber = (a: number | string, b: number | string) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Frame rates whose ratio is a whole number (30 and 60, 25 and 50) share GOP boundaries; Apple's
 * AirPlay amendment 9.23 calls them "similar frame rates (x, 2x, x/2)". */
function integerRelated(a: number | string, b: number | string): boolean {
  if (typeof a !== 'number' || typeof b !== 'number' || a <= 0 || b <= 0) return false;
  const ratio = Math.max(a, b) / Math.min(a, b);
  return Math.abs(ratio - Math.round(ratio)) <= 1e-6 * ratio;
}

/**
 * The GOP duration when it is a whole number of frames. MediaLive converts a GOP in seconds "into a
 * frame count at run time"; 2 s at 29.97 fps is 59.94 frames, and whether that becomes 59 or 60 is
 * not documented, so such a GOP is not compared.
 */
function exactGopSeconds(video: VideoRendition): number | undefined {
  const inSeconds = video.settings?.get('gop_size_units').string() === 'SECONDS';
  return inSeconds && video.framesPerSecond !== undefined && video.gopFrames === undefined ? undefined : video.gopSeconds;
}

const frameRateAspect: Aspect = {
  messageId: 'frameRate',
  value: (video) => video.framesPerSecond,
  cursor: (video) => video.settings?.get('framerate_numerator'),
  format: (value) => formatFrameRate(value as number),
  same: sameNumber,
  compatible: integerRelated,
};

const aspects: Aspect[] = [
  {
    messageId: 'gopDuration',
    value: exactGopSeconds,
    cursor: (video) => video.settings?.get('gop_size'),
    format: (value) => formatSeconds(value as number),
    same: sameNumber,
    compatible: sameNumber,
  },
  {
    messageId: 'closedCadence',
    value: (video) => video.settings?.get('gop_closed_cadence').number(),
    cursor: (video) => video.settings?.get('gop_closed_cadence'),
    format: String,
    same: sameNumber,
    compatible: sameNumber,
    member: ['gop_closed_cadence', 'GopClosedCadence'],
  },
  {
    messageId: 'sceneChange',
    value: (video) => video.settings?.get('scene_change_detect').string(),
    cursor: (video) => video.settings?.get('scene_change_detect'),
    format: String,
    same: (a, b) => a === b,
    compatible: (a, b) => a === b,
    member: ['scene_change_detect', 'SceneChangeDetect'],
  },
];

/** The value most renditions use (the first such value on a tie), and the renditions using it. */
function reference(aspect: Aspect, renditions: VideoRendition[]): { value: number | string; users: VideoRendition[] } | undefined {
  let best: { value: number | string; users: VideoRendition[] } | undefined;
  for (const video of renditions) {
    const value = aspect.value(video);
    if (value === undefined) continue;
    const users = renditions.filter((other) => {
      const otherValue = aspect.value(other);
      return otherValue !== undefined && aspect.same(value, otherValue);
    });
    if (!best || users.length > best.users.length) best = { value, users };
  }
  return best;
}

export default defineRule({
  meta: {
    id: 'gop/rendition-alignment',
    category: 'gop',
    severity: 'warning',
    description: 'Renditions of one segmented MediaLive output group whose GOP duration, frame rate family, closed-GOP cadence or scene-change detection differ.',
    details:
      "For every HLS, MediaPackage, CMAF ingest and Microsoft Smooth output group of a MediaLive channel, compares the video descriptions its outputs use: GOP duration (`GopSize` in frames divided by the frame rate, or in seconds), frame rate, `GopClosedCadence` and `SceneChangeDetect`. The value most renditions use is the reference; each rendition that differs is reported. Frame rates that are whole multiples of each other (30 and 60 fps) are compatible; others (25 and 29.97 fps) are not, and a rendition reported for its frame rate is not reported again for its GOP. Values that are not set or not known are not compared.",
    rationale:
      'A player switches renditions at segment boundaries, and every segment must start with an IDR frame (Apple HLS 7.4); variants SHOULD have segment boundaries at the same times (Apple 8.22, a MUST for AirPlay). That only holds when every rendition closes its GOPs at the same instants. A GOP of 2 s in one rendition and 3 s in another, or 2.002 s (60 frames at 29.97 fps) beside 2 s, or scene-change I-frames that reshape the GOPs of only some renditions, produce misaligned segments and visible glitches on every switch.',
    messages: {
      gopDuration: "GOP of {{value}} in video description '{{name}}' differs from the {{reference}} GOP of {{others}} in the same {{group}} output group; segment boundaries will not line up across renditions.",
      frameRate: "Frame rate {{value}} of video description '{{name}}' is not a whole multiple or fraction of the {{reference}} of {{others}} in the same {{group}} output group; GOP boundaries of the renditions drift apart. Use {{reference}}, or double or half of it.",
      closedCadence: "{{property}} {{value}} in video description '{{name}}' differs from {{reference}} in {{others}} in the same {{group}} output group; closed GOPs, where segments start, fall at different times.",
      sceneChange: "{{property}} {{value}} in video description '{{name}}' differs from {{reference}} in {{others}} in the same {{group}} output group; scene-change I-frames reshape the GOPs of some renditions only, so their boundaries do not line up.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-009'],
    references: [
      { title: 'Apple HLS authoring specification 7.4, 8.22, 1.31 and 9.23', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
      { title: 'MediaLive API: H264Settings (gopClosedCadence, sceneChangeDetect)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
    ],
  },
  check(context) {
    for (const channel of context.resources('AWS::MediaLive::Channel')) {
      for (const group of mediaLiveOutputGroups(channel)) {
        if (group.kind === undefined || !segmentedGroupKinds.has(group.kind)) continue;
        const seen = new Set<string>();
        const renditions: VideoRendition[] = [];
        for (const output of group.outputs) {
          if (!output.video || seen.has(output.video.description.pathString())) continue;
          seen.add(output.video.description.pathString());
          renditions.push(output.video);
        }
        if (renditions.length < 2) continue;
        const offRate = new Set<VideoRendition>();
        for (const aspect of [frameRateAspect, ...aspects]) {
          const best = reference(aspect, renditions);
          if (!best) continue;
          for (const video of renditions) {
            const value = aspect.value(video);
            const cursor = aspect.cursor(video);
            if (value === undefined || !cursor || aspect.compatible(best.value, value)) continue;
            // A rendition at an unrelated frame rate has a different GOP duration as a consequence.
            if (aspect === frameRateAspect) offRate.add(video);
            else if (aspect.messageId === 'gopDuration' && offRate.has(video)) continue;
            context.report({
              at: cursor,
              messageId: aspect.messageId,
              data: {
                name: video.name ?? '?',
                value: aspect.format(value),
                reference: aspect.format(best.value),
                others: best.users.map((user) => `'${user.name ?? '?'}'`).join(', '),
                group: mediaLiveGroupNoun(group.kind),
                property: aspect.member ? spellMember(aspect.member[0], aspect.member[1], channel) : '',
              },
            });
          }
        }
      }
    }
  },
});
