import { Cursor } from '../../graph/cursor.js';
import type { ResourceGraph } from '../../graph/graph.js';
import { groupDigits } from './format.js';
import { perGraph } from './memo.js';
import type { RuleContext } from '../../engine/rule.js';
import {
  h264ProfileNames,
  h264VclFactor,
  hevcVclFactor,
  minimumH264Level,
  minimumHevcLevel,
  type H264Demand,
  type H264Level,
  type H264Profile,
  type HevcDemand,
  type HevcLevel,
  type HevcProfile,
  type HevcTier,
} from './codec-levels.js';
import { mediaConvertOutputGroups, mediaConvertSettings, mediaConvertTypes, mediaConvertVideo } from './mediaconvert.js';
import { mediaLiveVideo } from './medialive.js';
import type { VideoRendition } from './video.js';

/**
 * H.264 and H.265 settings read the same way for MediaLive (`Profile`, `Level`, `Tier`, `BufSize`,
 * `NumRefFrames`) and MediaConvert (`CodecProfile`, `CodecLevel`, `HrdBufferSize`,
 * `NumberReferenceFrames`), so a codec rule is written once for both services. Every reader returns
 * undefined unless the value is certain.
 */

export type EncoderService = 'medialive' | 'mediaconvert';

/** A video rendition and the service that encodes it. */
export interface EncodedVideo {
  video: VideoRendition;
  service: EncoderService;
}

/**
 * Every video rendition the codec rules check: each video description of a MediaLive channel, each
 * output's video description in a MediaConvert job or job template, and each MediaConvert preset's.
 */
export function encodedVideos(context: RuleContext): readonly EncodedVideo[] {
  return perGraph(() => allEncodedVideos(context), context.graph, encodedVideoCache);
}

const encodedVideoCache = new WeakMap<ResourceGraph, readonly EncodedVideo[]>();

function allEncodedVideos(context: RuleContext): EncodedVideo[] {
  const result: EncodedVideo[] = [];
  for (const channel of context.resources('AWS::MediaLive::Channel')) {
    for (const description of Cursor.root(channel).at('encoder_settings', 'video_descriptions').items()) {
      result.push({ video: mediaLiveVideo(description), service: 'medialive' });
    }
  }
  for (const type of mediaConvertTypes) {
    for (const resource of context.resources(type)) {
      if (type === 'AWS::MediaConvert::Preset') {
        const description = mediaConvertSettings(resource).get('video_description');
        if (description.value?.kind === 'object') result.push({ video: mediaConvertVideo(description), service: 'mediaconvert' });
        continue;
      }
      for (const group of mediaConvertOutputGroups(resource)) {
        for (const output of group.outputs) if (output.video) result.push({ video: output.video, service: 'mediaconvert' });
      }
    }
  }
  return result;
}

/** Canonical member names of the settings the codec rules read, per service. */
const codecMembers = {
  medialive: { profile: 'profile', level: 'level', buffer: 'buf_size', referenceFrames: 'num_ref_frames' },
  mediaconvert: { profile: 'codec_profile', level: 'codec_level', buffer: 'hrd_buffer_size', referenceFrames: 'number_reference_frames' },
} as const;

/** A level as declared: a level name (`4.1`), `auto` (AUTO or not set: the encoder chooses), or undefined when unknown. */
export type DeclaredLevel = { kind: 'level'; name: string } | { kind: 'auto' };

export function declaredLevel(video: EncodedVideo): { level: DeclaredLevel | undefined; cursor: Cursor } | undefined {
  const settings = video.video.settings;
  if (!settings) return undefined;
  const cursor = settings.get(codecMembers[video.service].level);
  if (cursor.isMissing) return { level: { kind: 'auto' }, cursor };
  const text = cursor.string();
  if (text === undefined) return { level: undefined, cursor };
  if (text === 'AUTO' || /^H26[45]_LEVEL_AUTO$/.test(text)) return { level: { kind: 'auto' }, cursor };
  const match = /^(?:H26[45]_)?LEVEL_(\d(?:_\d)?)$/.exec(text);
  return { level: match ? { kind: 'level', name: match[1]!.replace('_', '.') } : undefined, cursor };
}

/** The enum value that declares a level in the user's service: `H264_LEVEL_4_2`, `LEVEL_4_2`, `H265_LEVEL_AUTO`, `AUTO`. */
export function levelEnum(service: EncoderService, codec: 'h264' | 'h265', name: string | 'auto'): string {
  const suffix = name === 'auto' ? 'AUTO' : name.replace('.', '_');
  if (service === 'mediaconvert') return name === 'auto' ? 'AUTO' : `LEVEL_${suffix}`;
  return `${codec === 'h264' ? 'H264' : 'H265'}_LEVEL_${suffix}`;
}

const h264ProfileValues: Record<string, H264Profile> = {
  BASELINE: 'baseline',
  MAIN: 'main',
  HIGH: 'high',
  HIGH_10BIT: 'high10',
  HIGH_422: 'high422',
  HIGH_422_10BIT: 'high422',
};

/** The H.264 profile: known, `missing` (the service default, Main or High), or undefined when unknown. */
export function h264Profile(video: EncodedVideo): { profile: H264Profile | 'missing' | undefined; cursor: Cursor } | undefined {
  const settings = video.video.settings;
  if (!settings || video.video.codec !== 'h264') return undefined;
  const cursor = settings.get(codecMembers[video.service].profile);
  if (cursor.isMissing) return { profile: 'missing', cursor };
  const text = cursor.string();
  return { profile: text === undefined ? undefined : h264ProfileValues[text], cursor };
}

export interface HevcProfileTier {
  /** Known profile, `missing` (the service default, Main), or undefined when unknown. */
  profile: HevcProfile | 'missing' | undefined;
  /** Known tier, `missing`, or undefined when unknown. */
  tier: HevcTier | 'missing' | undefined;
  profileCursor: Cursor;
  /** MediaLive `Tier`; MediaConvert carries the tier in `CodecProfile`. */
  tierCursor: Cursor;
}

const mediaLiveHevcProfiles: Record<string, HevcProfile> = { MAIN: 'main', MAIN_10BIT: 'main10' };
const mediaConvertHevcProfiles: Record<string, HevcProfile> = { MAIN: 'main', MAIN10: 'main10', MAIN_422_8BIT: 'main422', MAIN_422_10BIT: 'main422' };

export function hevcProfileTier(video: EncodedVideo): HevcProfileTier | undefined {
  const settings = video.video.settings;
  if (!settings || video.video.codec !== 'h265') return undefined;
  const profileCursor = settings.get(codecMembers[video.service].profile);
  if (video.service === 'medialive') {
    const tierCursor = settings.get('tier');
    const profileText = profileCursor.string();
    const tierText = tierCursor.string();
    return {
      profile: profileCursor.isMissing ? 'missing' : profileText === undefined ? undefined : mediaLiveHevcProfiles[profileText],
      tier: tierCursor.isMissing ? 'missing' : tierText === 'HIGH' ? 'high' : tierText === 'MAIN' ? 'main' : undefined,
      profileCursor,
      tierCursor,
    };
  }
  if (profileCursor.isMissing) return { profile: 'missing', tier: 'missing', profileCursor, tierCursor: profileCursor };
  const match = /^(.*)_(MAIN|HIGH)$/.exec(profileCursor.string() ?? '');
  return {
    profile: match ? mediaConvertHevcProfiles[match[1]!] : undefined,
    tier: match ? (match[2] === 'HIGH' ? 'high' : 'main') : undefined,
    profileCursor,
    tierCursor: profileCursor,
  };
}

/** A bit rate and where it is written. */
export interface BitrateValue {
  bitsPerSecond: number;
  cursor: Cursor;
}

/**
 * The peak bit rate the encoder signals: `Bitrate` for CBR, `MaxBitrate` for QVBR and for VBR
 * (for VBR without `MaxBitrate`, the average `Bitrate` is a lower bound of it). `lower` is certain
 * to be at most the peak, `upper` at least. Unknown when the rate control mode is not written:
 * `Bitrate` is ignored under QVBR.
 */
export function peakBitrate(settings: Cursor | undefined): { lower?: BitrateValue; upper?: BitrateValue } {
  if (!settings?.exists) return {};
  const mode = settings.get('rate_control_mode').string();
  const read = (member: string): BitrateValue | undefined => {
    const cursor = settings.get(member);
    const bitsPerSecond = cursor.number();
    return bitsPerSecond === undefined ? undefined : { bitsPerSecond, cursor };
  };
  switch (mode) {
    case 'CBR': {
      const bitrate = read('bitrate');
      return bitrate ? { lower: bitrate, upper: bitrate } : {};
    }
    case 'QVBR': {
      const max = read('max_bitrate');
      return max ? { lower: max, upper: max } : {};
    }
    case 'VBR': {
      const maxCursor = settings.get('max_bitrate');
      const max = read('max_bitrate');
      if (max) return { lower: max, upper: max };
      if (!maxCursor.isMissing) return {};
      const average = read('bitrate');
      return average ? { lower: average } : {};
    }
    default:
      return {};
  }
}

/** The HRD buffer size in bits (MediaLive `BufSize`, MediaConvert `HrdBufferSize`), with its cursor. */
export function bufferSize(video: EncodedVideo): { bits: number; cursor: Cursor } | undefined {
  const settings = video.video.settings;
  if (!settings) return undefined;
  const cursor = settings.get(codecMembers[video.service].buffer);
  const bits = cursor.number();
  return bits === undefined || bits <= 0 ? undefined : { bits, cursor };
}

/** `1,920`: integers with thousands separators, as in the standards' tables. */
export function formatCount(value: number): string {
  return groupDigits(Math.round(value));
}

/** `1920×1080` */
export function formatDimensions(width: number, height: number): string {
  return `${width}×${height}`;
}

/** The number of reference frames asked for (MediaLive `NumRefFrames`, MediaConvert `NumberReferenceFrames`). */
export function referenceFrames(video: EncodedVideo): { frames: number; cursor: Cursor } | undefined {
  const settings = video.video.settings;
  if (!settings) return undefined;
  const cursor = settings.get(codecMembers[video.service].referenceFrames);
  const frames = cursor.number();
  return frames === undefined ? undefined : { frames, cursor };
}

/**
 * The cpbBrVclFactor to judge a rendition by. To report a limit as exceeded, a profile that is not
 * written counts as High (the services default to Main or High, and High allows more); to report a
 * level as higher than needed, it counts as Main (which allows less). Undefined when the profile is
 * not known.
 */
export function h264Factor(profile: H264Profile | 'missing' | undefined, purpose: 'excess' | 'sufficiency'): number | undefined {
  if (profile === undefined) return undefined;
  if (profile === 'missing') return purpose === 'excess' ? h264VclFactor.high : h264VclFactor.main;
  return h264VclFactor[profile];
}

/** `High profile`, or `High profile (Profile not set)` when the rule assumed it. */
export function h264ProfileLabel(profile: H264Profile | 'missing', purpose: 'excess' | 'sufficiency', property: string): string {
  if (profile === 'missing') return `${purpose === 'excess' ? 'High' : 'Main'} profile (${property} not set)`;
  return `${h264ProfileNames[profile]} profile`;
}

/**
 * What an H.264 rendition certainly needs from a level: its size, frame rate, the lower bound of its
 * peak bit rate, its buffer and reference frames, each when known. Undefined without a known size.
 * A profile that is not written counts as High (`excess`, a lower bound of the need) or as Main
 * (`sufficiency`, for a suggestion that holds whatever the default).
 */
export function h264LowerDemand(video: EncodedVideo, missingProfile: 'excess' | 'sufficiency' = 'excess'): H264Demand | undefined {
  const { width, height, framesPerSecond, codec, settings } = video.video;
  if (codec !== 'h264' || width === undefined || height === undefined) return undefined;
  const factor = h264Factor(h264Profile(video)?.profile, missingProfile);
  return {
    width,
    height,
    framesPerSecond,
    bitrate: factor === undefined ? undefined : peakBitrate(settings).lower?.bitsPerSecond,
    bufferBits: factor === undefined ? undefined : bufferSize(video)?.bits,
    referenceFrames: referenceFrames(video)?.frames,
    vclFactor: factor ?? h264VclFactor.main,
  };
}

/**
 * Everything that decides the level an H.264 rendition needs, at its most demanding: undefined
 * unless size, frame rate, profile and peak bit rate are known, and buffer and reference frames are
 * known or not written (the encoder then picks values that fit the level).
 */
export function h264UpperDemand(video: EncodedVideo): H264Demand | undefined {
  const { width, height, framesPerSecond, codec, settings } = video.video;
  if (codec !== 'h264' || width === undefined || height === undefined || framesPerSecond === undefined || !settings) return undefined;
  const factor = h264Factor(h264Profile(video)?.profile, 'sufficiency');
  const peak = peakBitrate(settings).upper;
  if (factor === undefined || peak === undefined) return undefined;
  const bufferCursor = settings.get(codecMembers[video.service].buffer);
  const referenceCursor = settings.get(codecMembers[video.service].referenceFrames);
  if (!bufferCursor.isMissing && bufferCursor.number() === undefined) return undefined;
  if (!referenceCursor.isMissing && referenceCursor.number() === undefined) return undefined;
  return {
    width,
    height,
    framesPerSecond,
    bitrate: peak.bitsPerSecond,
    bufferBits: bufferCursor.number() || undefined,
    referenceFrames: referenceCursor.number(),
    vclFactor: factor,
  };
}

/**
 * The tier to judge an HEVC rendition by at a level: the written one; when not written, High to
 * report a limit as exceeded (where the level has a High tier) and Main to report a level as higher
 * than needed.
 */
export function hevcTierAt(tier: HevcTier | 'missing' | undefined, level: HevcLevel, purpose: 'excess' | 'sufficiency'): HevcTier | undefined {
  if (tier !== 'missing') return tier;
  return purpose === 'excess' && level.maxBitrateHigh !== undefined ? 'high' : 'main';
}

/** CpbVclFactor: the profile's, Main's when not written (neither service defaults to 4:2:2). */
export function hevcFactor(profile: HevcProfile | 'missing' | undefined): number | undefined {
  if (profile === undefined) return undefined;
  return hevcVclFactor[profile === 'missing' ? 'main' : profile];
}

/**
 * What an HEVC rendition certainly needs from a level: size, frame rate and the lower bound of its
 * peak bit rate, each when known. A tier that is not written or not known counts as `assumedTier`:
 * High gives a lower bound of the level needed when that level is 4 or more (the High tier allows
 * more bit rate, and does not exist below level 4), Main a suggestion that holds in either tier.
 */
export function hevcLowerDemand(video: EncodedVideo, assumedTier: HevcTier = 'high'): HevcDemand | undefined {
  const { width, height, framesPerSecond, codec, settings } = video.video;
  if (codec !== 'h265' || width === undefined || height === undefined) return undefined;
  const profileTier = hevcProfileTier(video);
  const factor = hevcFactor(profileTier?.profile);
  const tier = profileTier?.tier === 'main' || profileTier?.tier === 'high' ? profileTier.tier : assumedTier;
  return {
    width,
    height,
    framesPerSecond,
    bitrate: factor === undefined || profileTier?.tier === undefined ? undefined : peakBitrate(settings).lower?.bitsPerSecond,
    tier,
    vclFactor: factor ?? hevcVclFactor.main,
  };
}

/** `12 Mbit`, `750 kbit`: buffer sizes for messages. */
export function formatBits(bits: number): string {
  if (bits >= 1_000_000) return `${Number((bits / 1_000_000).toFixed(2))} Mbit`;
  return `${Number((bits / 1000).toFixed(1))} kbit`;
}

/**
 * The level to suggest for an H.264 rendition: the lowest the service offers that meets everything
 * known about it, else the lowest that meets `specific` (the constraint a rule is about), else none.
 */
export function suggestH264Level(video: EncodedVideo, specific: H264Demand): H264Level | undefined {
  const demand = h264LowerDemand(video, 'sufficiency');
  return (demand && minimumH264Level(demand)) ?? minimumH264Level(specific);
}

/** The same for HEVC. */
export function suggestHevcLevel(video: EncodedVideo, specific: HevcDemand): HevcLevel | undefined {
  const demand = hevcLowerDemand(video, 'main');
  return (demand && minimumHevcLevel(demand)) ?? minimumHevcLevel(specific);
}

/** Common references of the level rules. */
export const h264LevelReferences = [
  { title: 'ITU-T H.264, Annex A, Table A-1 (level limits) and Table A-2 (cpbBrVclFactor)', url: 'https://www.itu.int/rec/T-REC-H.264' },
  { title: 'FFmpeg libavcodec/h264_levels.c (transcription of Table A-1, ff_h264_guess_level)', url: 'https://github.com/FFmpeg/FFmpeg/blob/25c8507818d8559a6654a5b30a0f8aae11a48181/libavcodec/h264_levels.c' },
  { title: 'MediaLive API: H264Settings (Level, Profile)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
  { title: 'MediaConvert API: H264Settings (CodecLevel, CodecProfile)', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
] as const;

export const hevcLevelReferences = [
  { title: 'ITU-T H.265, Annex A, general tier and level limits', url: 'https://www.itu.int/rec/T-REC-H.265' },
  { title: 'FFmpeg libavcodec/h265_profile_level.c (transcription of the level table, ff_h265_guess_level)', url: 'https://github.com/FFmpeg/FFmpeg/blob/455d3a768477bf1578ae85d8e6322bec898590f5/libavcodec/h265_profile_level.c' },
  { title: 'MediaLive API: H265Settings (Level, Profile, Tier)', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
  { title: 'MediaConvert API: H265Settings (CodecLevel, CodecProfile)', url: 'https://docs.aws.amazon.com/mediaconvert/latest/apireference/jobtemplates.html' },
] as const;

/** The resource types the codec and ladder rules read. */
export const encoderTypes = ['AWS::MediaLive::Channel', 'AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job', 'AWS::MediaConvert::Preset'] as const;
