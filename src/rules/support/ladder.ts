import { Cursor } from '../../graph/cursor.js';
import type { ResourceGraph } from '../../graph/graph.js';
import type { Resource, Scope } from '../../graph/resource.js';
import type { RuleContext, RuleOptionValue } from '../../engine/rule.js';
import type { EncodedVideo, EncoderService } from './codec.js';
import { mediaConvertOutputGroups, mediaConvertSettings, mediaConvertVideo } from './mediaconvert.js';
import { mediaLiveOutputGroups } from './medialive.js';
import { perGraph } from './memo.js';
import { formatBitrate, type VideoRendition } from './video.js';

/**
 * Adaptive-bitrate ladders: the video renditions of one output group that a player switches
 * between. For MediaLive, the video descriptions used by the outputs of an HLS, MediaPackage, CMAF
 * ingest or Microsoft Smooth group; for MediaConvert jobs and job templates, the outputs of an HLS,
 * DASH, CMAF or Microsoft Smooth group, following an output's `Preset` to a preset of the same
 * template or stack.
 */

export interface Rung extends EncodedVideo {
  /** How messages name the rung: `'video_720p'`, `output '_720p'`, `preset 'hd-720p'`, `output 2`. */
  label: string;
  /** The (first) output that carries the rung. */
  output: Cursor;
}

export interface Ladder {
  /** The channel, job template or job. */
  resource: Resource;
  service: EncoderService;
  group: Cursor;
  /** The output group kind: `hls`, `media-package`, `cmaf-ingest`, `ms-smooth`, `dash`, `cmaf`. */
  kind: string;
  /** True when players receive the renditions as HLS, where Apple's authoring specification applies. */
  reachesHls: boolean;
  /** Distinct renditions, in output order. */
  rungs: Rung[];
  /** False when an output's video is not known (an unresolved preset or description name): rules
   * that conclude from the absence of a rung say nothing then. */
  complete: boolean;
}

const mediaLiveLadderKinds: ReadonlySet<string> = new Set(['hls', 'media-package', 'cmaf-ingest', 'ms-smooth']);
/** MediaPackage and CMAF ingest groups feed packagers that serve HLS. */
const mediaLiveHlsKinds: ReadonlySet<string> = new Set(['hls', 'media-package', 'cmaf-ingest']);
const mediaConvertLadderKinds: ReadonlySet<string> = new Set(['hls', 'dash', 'cmaf', 'ms-smooth']);

const groupNouns: Record<string, string> = {
  hls: 'HLS',
  'media-package': 'MediaPackage',
  'cmaf-ingest': 'CMAF ingest',
  'ms-smooth': 'Microsoft Smooth',
  dash: 'DASH',
  cmaf: 'CMAF',
};

/** `HLS output group`, `MediaPackage output group`. */
export function groupNoun(ladder: Ladder): string {
  return `${groupNouns[ladder.kind] ?? ladder.kind} output group`;
}

/**
 * The rendition with its bit rate as a ladder sees it: the budget (`bitrateCursor`), and undefined
 * when that is not certain, where the shared reading falls back to `MaxBitrate` for an unresolved
 * `Bitrate`.
 */
function withBudgetBitrate(video: VideoRendition): VideoRendition {
  return { ...video, bitrate: budgetBitrate(video) };
}

function isClosedList(cursor: Cursor): boolean {
  return cursor.value?.kind === 'list' && !cursor.value.open;
}

function mediaLiveLadders(channel: Resource): Ladder[] {
  const ladders: Ladder[] = [];
  for (const group of mediaLiveOutputGroups(channel)) {
    if (!group.kind || !mediaLiveLadderKinds.has(group.kind)) continue;
    const rungs: Rung[] = [];
    const seen = new Set<string>();
    let complete = isClosedList(group.group.get('outputs'));
    for (const output of group.outputs) {
      if (!output.video) {
        if (!output.output.get('video_description_name').isMissing) complete = false;
        continue;
      }
      const key = output.video.description.pathString();
      if (seen.has(key)) continue;
      seen.add(key);
      rungs.push({ video: withBudgetBitrate(output.video), service: 'medialive', label: `'${output.video.name ?? key}'`, output: output.output });
    }
    ladders.push({ resource: channel, service: 'medialive', group: group.group, kind: group.kind, reachesHls: mediaLiveHlsKinds.has(group.kind), rungs, complete });
  }
  return ladders;
}

/** The preset an output names, when it is a preset of the same template or stack: by reference or by its `Name`. */
export function outputPreset(context: RuleContext, from: Resource, preset: Cursor): Resource | undefined {
  const reference = preset.reference();
  if (reference) {
    const target = context.resolve(reference, from);
    return target?.type === 'AWS::MediaConvert::Preset' ? target : undefined;
  }
  const name = preset.string();
  if (name === undefined) return undefined;
  return presetsByName(context).get(from.scope)?.get(name);
}

const presetIndexes = new WeakMap<ResourceGraph, Map<Scope, Map<string, Resource>>>();

/** The graph's presets by scope and known `Name` (the first of a name, in graph order). */
function presetsByName(context: RuleContext): Map<Scope, Map<string, Resource>> {
  return perGraph(
    () => {
      const index = new Map<Scope, Map<string, Resource>>();
      for (const candidate of context.resources('AWS::MediaConvert::Preset')) {
        const name = Cursor.root(candidate).get('name').string();
        if (name === undefined) continue;
        let names = index.get(candidate.scope);
        if (!names) index.set(candidate.scope, (names = new Map()));
        if (!names.has(name)) names.set(name, candidate);
      }
      return index;
    },
    context.graph,
    presetIndexes,
  );
}

function mediaConvertLadders(context: RuleContext, resource: Resource): Ladder[] {
  const ladders: Ladder[] = [];
  for (const group of mediaConvertOutputGroups(resource)) {
    if (!group.kind || !mediaConvertLadderKinds.has(group.kind)) continue;
    let reachesHls = group.kind === 'hls';
    if (group.kind === 'cmaf') {
      const writeHls = group.group.at('output_group_settings', 'cmaf_group_settings', 'write_hls_manifest');
      reachesHls = writeHls.isMissing || writeHls.string() === 'ENABLED';
    }
    const rungs: Rung[] = [];
    let complete = isClosedList(group.group.get('outputs'));
    group.outputs.forEach((output, index) => {
      const nameModifier = output.output.get('name_modifier').string();
      if (output.video) {
        rungs.push({ video: withBudgetBitrate(output.video), service: 'mediaconvert', label: nameModifier ? `output '${nameModifier}'` : `output ${index + 1}`, output: output.output });
        return;
      }
      const presetCursor = output.output.get('preset');
      if (presetCursor.isMissing) {
        if (!output.output.get('video_description').isMissing) complete = false;
        return;
      }
      const preset = outputPreset(context, resource, presetCursor);
      const description = preset ? mediaConvertSettings(preset).get('video_description') : undefined;
      if (!description || (!description.isMissing && description.value?.kind !== 'object')) {
        complete = false;
        return;
      }
      if (description.isMissing) return;
      const presetName = presetCursor.string() ?? preset?.logicalName;
      rungs.push({ video: withBudgetBitrate(mediaConvertVideo(description)), service: 'mediaconvert', label: nameModifier ? `output '${nameModifier}'` : `preset '${presetName}'`, output: output.output });
    });
    ladders.push({ resource, service: 'mediaconvert', group: group.group, kind: group.kind, reachesHls, rungs, complete });
  }
  return ladders;
}

const ladderCache = new WeakMap<ResourceGraph, readonly Ladder[]>();

/** Every ladder of the graph's MediaLive channels and MediaConvert jobs and job templates. Computed
 * once per graph (ten rules read them); shared, so callers must not change them. */
export function ladders(context: RuleContext): readonly Ladder[] {
  return perGraph(() => allLadders(context), context.graph, ladderCache);
}

function allLadders(context: RuleContext): Ladder[] {
  const result: Ladder[] = [];
  for (const channel of context.resources('AWS::MediaLive::Channel')) result.push(...mediaLiveLadders(channel));
  for (const type of ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job']) {
    for (const resource of context.resources(type)) result.push(...mediaConvertLadders(context, resource));
  }
  return result;
}

/** Where a finding about a whole ladder points: the group's `Outputs` key. */
export function ladderAnchor(ladder: Ladder): Cursor {
  return ladder.group.get('outputs');
}

/**
 * Where the bit rate a rung is budgeted at is written: `MaxBitrate` for QVBR (which ignores
 * `Bitrate`), else `Bitrate`, else `MaxBitrate` when `Bitrate` is not written.
 */
export function bitrateCursor(video: VideoRendition): Cursor | undefined {
  const settings = video.settings;
  if (!settings) return undefined;
  if (settings.get('rate_control_mode').string() === 'QVBR') return settings.get('max_bitrate');
  const bitrate = settings.get('bitrate');
  return bitrate.isMissing ? settings.get('max_bitrate') : bitrate;
}

/** The bit rate a rung is budgeted at (see `bitrateCursor`), when certain: undefined when the rate control mode or that member is not known. */
function budgetBitrate(video: VideoRendition): number | undefined {
  const mode = video.settings?.get('rate_control_mode');
  if (mode && !mode.isMissing && mode.string() === undefined) return undefined;
  return bitrateCursor(video)?.number();
}

/** True when the rung's bit rate is only a cap (QVBR, or `MaxBitrate` without `Bitrate`): the average may be far lower. */
export function isBitrateCap(video: VideoRendition): boolean {
  return bitrateCursor(video)?.segment === 'max_bitrate';
}

export function pixelCount(video: VideoRendition): number | undefined {
  return video.width === undefined || video.height === undefined ? undefined : video.width * video.height;
}

/** `1280×720 at 3 Mbit/s` (or as much of it as is known). */
export function describeRung(video: VideoRendition): string {
  const size = video.width !== undefined && video.height !== undefined ? `${video.width}×${video.height}` : 'source resolution';
  return video.bitrate === undefined ? size : `${size} at ${formatBitrate(video.bitrate)}`;
}

/** The H.264 / HEVC family of a rung, for rules that compare rungs of one codec only. */
export function codecName(video: VideoRendition): string {
  switch (video.codec) {
    case 'h264':
      return 'H.264';
    case 'h265':
      return 'HEVC';
    case 'av1':
      return 'AV1';
    case 'mpeg2':
      return 'MPEG-2';
    case 'vp8':
      return 'VP8';
    case 'vp9':
      return 'VP9';
    case 'prores':
      return 'ProRes';
    default:
      return video.codec ?? 'unknown';
  }
}

/** Rungs grouped by codec, skipping rungs whose codec is not known. */
export function rungsByCodec(rungs: readonly Rung[]): Map<string, Rung[]> {
  const result = new Map<string, Rung[]>();
  for (const rung of rungs) {
    if (rung.video.codec === undefined || rung.video.codec === 'other' || rung.video.codec === 'frame-capture') continue;
    const list = result.get(rung.video.codec);
    if (list) list.push(rung);
    else result.set(rung.video.codec, [rung]);
  }
  return result;
}

/** A number option of the rule, or its default when the configuration gives something else. */
export function numberOption(options: Readonly<Record<string, RuleOptionValue>>, name: string, fallback: number): number {
  const value = options[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function booleanOption(options: Readonly<Record<string, RuleOptionValue>>, name: string, fallback: boolean): boolean {
  const value = options[name];
  return typeof value === 'boolean' ? value : fallback;
}

export function stringOption(options: Readonly<Record<string, RuleOptionValue>>, name: string, fallback: string): string {
  const value = options[name];
  return typeof value === 'string' ? value : fallback;
}

// ---------------------------------------------------------------------------------------------
// Apple's recommended ladder

/**
 * Apple, "HTTP Live Streaming (HLS) authoring specification for Apple devices", item 1.25: the
 * recommended 16:9 variants, video average bit rate in kbit/s. Rows marked `maxFramesPerSecond: 30`
 * are "≤ 30 fps"; the others are "same as source".
 * https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices
 */
export interface AppleLadderRow {
  width: number;
  height: number;
  /** Average kbit/s: H.264, or for HEVC the SDR value. */
  kilobitsPerSecond: number;
  /** HEVC HDR (HDR10 / Dolby Vision) value, kbit/s. */
  hdrKilobitsPerSecond?: number;
  maxFramesPerSecond?: number;
}

export const appleH264Ladder: readonly AppleLadderRow[] = [
  { width: 416, height: 234, kilobitsPerSecond: 145, maxFramesPerSecond: 30 },
  { width: 640, height: 360, kilobitsPerSecond: 365, maxFramesPerSecond: 30 },
  { width: 768, height: 432, kilobitsPerSecond: 730, maxFramesPerSecond: 30 },
  { width: 768, height: 432, kilobitsPerSecond: 1100, maxFramesPerSecond: 30 },
  { width: 960, height: 540, kilobitsPerSecond: 2000 },
  { width: 1280, height: 720, kilobitsPerSecond: 3000 },
  { width: 1280, height: 720, kilobitsPerSecond: 4500 },
  { width: 1920, height: 1080, kilobitsPerSecond: 6000 },
  { width: 1920, height: 1080, kilobitsPerSecond: 7800 },
];

export const appleHevcLadder: readonly AppleLadderRow[] = [
  { width: 640, height: 360, kilobitsPerSecond: 145, hdrKilobitsPerSecond: 160, maxFramesPerSecond: 30 },
  { width: 768, height: 432, kilobitsPerSecond: 300, hdrKilobitsPerSecond: 360, maxFramesPerSecond: 30 },
  { width: 960, height: 540, kilobitsPerSecond: 600, hdrKilobitsPerSecond: 730, maxFramesPerSecond: 30 },
  { width: 960, height: 540, kilobitsPerSecond: 900, hdrKilobitsPerSecond: 1090, maxFramesPerSecond: 30 },
  { width: 960, height: 540, kilobitsPerSecond: 1600, hdrKilobitsPerSecond: 1930 },
  { width: 1280, height: 720, kilobitsPerSecond: 2400, hdrKilobitsPerSecond: 2900 },
  { width: 1280, height: 720, kilobitsPerSecond: 3400, hdrKilobitsPerSecond: 4080 },
  { width: 1920, height: 1080, kilobitsPerSecond: 4500, hdrKilobitsPerSecond: 5400 },
  { width: 1920, height: 1080, kilobitsPerSecond: 5800, hdrKilobitsPerSecond: 7000 },
  { width: 2560, height: 1440, kilobitsPerSecond: 8100, hdrKilobitsPerSecond: 9700 },
  { width: 3840, height: 2160, kilobitsPerSecond: 11600, hdrKilobitsPerSecond: 13900 },
  { width: 3840, height: 2160, kilobitsPerSecond: 16800, hdrKilobitsPerSecond: 20000 },
];
