import type { Resource } from '../../graph/resource.js';
import { mediaConvertOutputGroups, type MediaConvertGroupKind, type MediaConvertOutputGroup } from './mediaconvert.js';
import { mediaLiveOutputGroups, type MediaLiveOutputGroup, type OutputGroupKind } from './medialive.js';
import { formatFrameRate, formatSeconds, isMultipleOf, type VideoRendition } from './video.js';

/**
 * GOPs, segments and the renditions of segmented output groups, shared by the `gop/` and
 * `mediaconvert/` rules: which groups are HLS-type, whether a GOP fits a segment, which GOPs would,
 * and how to say so in a message.
 */

/**
 * Relative tolerance for "is a whole multiple". NTSC rates are 1000/1001 of the nominal rate, so a
 * 60-frame GOP at 29.97 fps lasts 2.002 s and three of them make a 6.006 s segment, which MediaLive
 * and MediaPackage treat as the 6 s segment it is meant to be. The drift of that factor is 0.1 %; a
 * tolerance of 0.15 % accepts it with margin without accepting a real misfit.
 */
export const multipleTolerance = 0.0015;

/** True when `length` is a whole number (≥ 1) of `unit`, NTSC drift allowed. */
export function fitsWhole(length: number, unit: number): boolean {
  return isMultipleOf(length, unit, multipleTolerance);
}

/** MediaLive output groups delivered as HLS (Apple HLS authoring rules apply): HLS and MediaPackage
 * groups (domain brief §2, "apply to HLS-type outputs"). */
export const mediaLiveHlsKinds: ReadonlySet<OutputGroupKind> = new Set(['hls', 'media-package']);

/** How a MediaLive group calls its unit of delivery, for messages. */
export function mediaLiveSegmentNoun(kind: OutputGroupKind | undefined): string {
  switch (kind) {
    case 'hls':
      return 'HLS segment';
    case 'media-package':
      return 'MediaPackage segment';
    case 'cmaf-ingest':
      return 'CMAF ingest segment';
    case 'ms-smooth':
      return 'Microsoft Smooth fragment';
    default:
      return 'segment';
  }
}

/** `HLS`, `MediaPackage`, …: a MediaLive group kind in messages (`the HLS output group`). */
export function mediaLiveGroupNoun(kind: OutputGroupKind | undefined): string {
  switch (kind) {
    case 'hls':
      return 'HLS';
    case 'media-package':
      return 'MediaPackage';
    case 'cmaf-ingest':
      return 'CMAF ingest';
    case 'ms-smooth':
      return 'Microsoft Smooth';
    default:
      return kind ?? 'unknown';
  }
}

/** How a MediaConvert group is called in messages. */
export function mediaConvertGroupNoun(kind: MediaConvertGroupKind | undefined): string {
  switch (kind) {
    case 'hls':
      return 'HLS';
    case 'dash':
      return 'DASH ISO';
    case 'cmaf':
      return 'CMAF';
    case 'ms-smooth':
      return 'Microsoft Smooth';
    default:
      return 'file';
  }
}

/**
 * True when a MediaConvert group writes an HLS playlist: HLS groups, and CMAF groups unless
 * `WriteHlsManifest` is DISABLED (CMAF writes both manifests by default).
 */
export function writesHls(group: MediaConvertOutputGroup): boolean {
  if (group.kind === 'hls') return true;
  if (group.kind !== 'cmaf' || !group.settings) return false;
  const write = group.settings.get('write_hls_manifest');
  return write.isMissing || write.string() === 'ENABLED';
}

export interface GroupRendition {
  video: VideoRendition;
  group: MediaLiveOutputGroup;
}

/**
 * The video renditions of a MediaLive channel used in output groups of the given kinds, each once
 * (the first group that uses it), in the order the outputs list them.
 */
export function mediaLiveRenditionsIn(channel: Resource, kinds: ReadonlySet<OutputGroupKind>): GroupRendition[] {
  const seen = new Set<string>();
  const result: GroupRendition[] = [];
  for (const group of mediaLiveOutputGroups(channel)) {
    if (group.kind === undefined || !kinds.has(group.kind)) continue;
    for (const output of group.outputs) {
      if (!output.video) continue;
      const key = output.video.description.pathString();
      if (seen.has(key)) continue;
      seen.add(key);
      result.push({ video: output.video, group });
    }
  }
  return result;
}

/** The video renditions of a MediaConvert job or template written in HLS-type groups. */
export function mediaConvertHlsRenditions(resource: Resource): VideoRendition[] {
  return mediaConvertOutputGroups(resource)
    .filter(writesHls)
    .flatMap((group) => group.outputs.map((output) => output.video))
    .filter((video): video is VideoRendition => video !== undefined);
}

/**
 * The GOP duration of a MediaConvert rendition, only when `GopSizeUnits` says FRAMES or SECONDS:
 * without it MediaConvert chooses the GOP itself (AUTO is its default), so no duration is certain.
 */
export function explicitMediaConvertGop(video: VideoRendition): number | undefined {
  const units = video.settings?.get('gop_size_units').string();
  return units === 'FRAMES' || units === 'SECONDS' ? video.gopSeconds : undefined;
}

/** `2.5 s (75 frames at 30 fps)`, or `2.5 s` when the frame count or rate is not known. */
export function describeGop(video: VideoRendition): string {
  const seconds = video.gopSeconds === undefined ? '' : formatSeconds(video.gopSeconds);
  if (video.gopFrames === undefined || video.framesPerSecond === undefined || !Number.isInteger(video.gopFrames)) return seconds;
  return `${seconds} (${video.gopFrames} frames at ${formatFrameRate(video.framesPerSecond)})`;
}

/**
 * GOP durations that divide `segmentSeconds`, nearest below and above `gopSeconds`. With a known
 * frame rate only whole frame counts are offered (a GOP is a number of frames); without it, the
 * segment divided by a whole number.
 */
export function dividingGops(segmentSeconds: number, gopSeconds: number, framesPerSecond: number | undefined): number[] {
  const candidates: number[] = [];
  if (framesPerSecond !== undefined) {
    const maxFrames = Math.ceil(segmentSeconds * framesPerSecond) + 1;
    for (let frames = 1; frames <= maxFrames; frames++) {
      const seconds = frames / framesPerSecond;
      if (fitsWhole(segmentSeconds, seconds)) candidates.push(seconds);
    }
  } else {
    for (let count = 1; count <= Math.ceil(segmentSeconds * 10); count++) candidates.push(segmentSeconds / count);
  }
  return nearestAround(candidates, gopSeconds);
}

/**
 * Whole-second lengths (up to `maxSeconds`) that are multiples of `unitSeconds`, nearest below and
 * above `lengthSeconds`: what a MediaPackage segment duration could be set to.
 */
export function wholeSecondMultiples(unitSeconds: number, lengthSeconds: number, maxSeconds: number): number[] {
  const candidates: number[] = [];
  for (let seconds = 1; seconds <= maxSeconds; seconds++) if (fitsWhole(seconds, unitSeconds)) candidates.push(seconds);
  return nearestAround(candidates, lengthSeconds);
}

/** The candidates nearest below and above `value` (equal values excluded), ascending. */
function nearestAround(candidates: number[], value: number): number[] {
  let below: number | undefined;
  let above: number | undefined;
  for (const candidate of candidates) {
    if (candidate < value - 1e-9 && (below === undefined || candidate > below)) below = candidate;
    if (candidate > value + 1e-9 && (above === undefined || candidate < above)) above = candidate;
  }
  return [below, above].filter((candidate): candidate is number => candidate !== undefined);
}

/** `2 s or 3 s`. */
export function formatAlternatives(seconds: readonly number[]): string {
  return seconds.map(formatSeconds).join(' or ');
}

/** The smallest whole number of `unit`s that is at least `length`: what MediaPackage stretches a
 * segment to when the GOPs it receives do not fill it exactly (it only adjusts up). */
export function roundUpToMultiple(length: number, unit: number): number {
  const count = Math.ceil(length / unit - multipleTolerance);
  return Math.max(1, count) * unit;
}

