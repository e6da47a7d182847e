import type { Cursor } from '../../graph/cursor.js';

/**
 * Video facts shared by the MediaLive and MediaConvert helpers: frame rate and GOP duration from a
 * codec settings structure. Every function returns undefined unless the answer is certain, so rules
 * built on them never report on a guess.
 */

export type VideoCodec = 'h264' | 'h265' | 'mpeg2' | 'av1' | 'vp8' | 'vp9' | 'prores' | 'frame-capture' | 'other';

export interface VideoRendition {
  /** The video description (MediaLive `VideoDescription`, MediaConvert `VideoDescription`). */
  description: Cursor;
  name: string | undefined;
  codec: VideoCodec | undefined;
  /** The codec settings structure (`H264Settings`, …), when present. */
  settings: Cursor | undefined;
  width: number | undefined;
  height: number | undefined;
  /** Output frame rate, when it is specified (not taken from the source). */
  framesPerSecond: number | undefined;
  /** GOP duration in seconds, when both size and frame rate (for frame units) are known. */
  gopSeconds: number | undefined;
  /** GOP size in frames, when the units are frames (or the duration and frame rate give it). */
  gopFrames: number | undefined;
  /** Average bitrate (`Bitrate`), or for QVBR the peak (`MaxBitrate`), in bit/s. */
  bitrate: number | undefined;
}

/**
 * The rendition a video description describes, given its codec and codec settings structure. GOP
 * units default as `gopDuration` says for the service (`defaultGopUnits`).
 */
export function describeRendition(
  description: Cursor,
  name: string | undefined,
  codec: VideoCodec | undefined,
  settings: Cursor | undefined,
  defaultGopUnits: 'FRAMES' | undefined,
): VideoRendition {
  const framesPerSecond = specifiedFrameRate(settings);
  const gop = gopDuration(settings, framesPerSecond, defaultGopUnits);
  return {
    description,
    name,
    codec,
    settings,
    width: description.get('width').number(),
    height: description.get('height').number(),
    framesPerSecond,
    gopSeconds: gop.seconds,
    gopFrames: gop.frames,
    bitrate: renditionBitrate(settings),
  };
}

/**
 * The frame rate a codec settings structure specifies: `FramerateNumerator / FramerateDenominator`
 * unless `FramerateControl` takes the rate from the source (`INITIALIZE_FROM_SOURCE`).
 */
export function specifiedFrameRate(settings: Cursor | undefined): number | undefined {
  if (!settings?.exists) return undefined;
  const control = settings.get('framerate_control');
  if (!control.isMissing && control.string() !== 'SPECIFIED') return undefined;
  const numerator = settings.get('framerate_numerator').number();
  const denominator = settings.get('framerate_denominator').number();
  if (numerator === undefined || denominator === undefined || numerator <= 0 || denominator <= 0) return undefined;
  return numerator / denominator;
}

/**
 * GOP duration from `GopSize` and `GopSizeUnits`. `defaultUnits` is what the service assumes when
 * the units are absent: FRAMES for MediaLive (a GOP size written without units is a frame count),
 * nothing for MediaConvert, whose documented default is AUTO ("By default, if you don't specify GOP
 * mode control, MediaConvert will use automatic behavior"), which is not a known duration.
 */
export function gopDuration(
  settings: Cursor | undefined,
  framesPerSecond: number | undefined,
  defaultUnits: 'FRAMES' | undefined = 'FRAMES',
): { seconds?: number; frames?: number } {
  if (!settings?.exists) return {};
  const size = settings.get('gop_size').number();
  if (size === undefined || size <= 0) return {};
  const unitsCursor = settings.get('gop_size_units');
  const units = unitsCursor.isMissing ? defaultUnits : unitsCursor.string();
  if (units === 'FRAMES') return framesPerSecond === undefined ? { frames: size } : { frames: size, seconds: size / framesPerSecond };
  if (units === 'SECONDS') {
    const frames = framesPerSecond === undefined ? undefined : size * framesPerSecond;
    return frames !== undefined && Math.abs(frames - Math.round(frames)) < 1e-6 ? { seconds: size, frames: Math.round(frames) } : { seconds: size };
  }
  return {};
}

/**
 * The bitrate a rendition is budgeted at: `MaxBitrate` under QVBR (where the services ignore
 * `Bitrate`), else `Bitrate`; `MaxBitrate` only when no `Bitrate` is written at all. A `Bitrate`
 * that is written but not known stays unknown rather than falling back to another member.
 */
export function renditionBitrate(settings: Cursor | undefined): number | undefined {
  if (!settings?.exists) return undefined;
  if (settings.get('rate_control_mode').string() === 'QVBR') return settings.get('max_bitrate').number();
  const bitrate = settings.get('bitrate');
  return bitrate.exists ? bitrate.number() : settings.get('max_bitrate').number();
}

/** True when `a` is an integer multiple of `b`, within a relative tolerance (29.97 fps GOPs). */
export function isMultipleOf(a: number, b: number, tolerance = 0.001): boolean {
  if (b <= 0) return false;
  const ratio = a / b;
  return Math.abs(ratio - Math.round(ratio)) <= tolerance * Math.max(1, ratio) && Math.round(ratio) >= 1;
}

/** `2 s`, `2.002 s`, `0.5 s`: seconds for messages, without float noise. */
export function formatSeconds(seconds: number): string {
  return `${Number(seconds.toFixed(3))} s`;
}

/** `29.97 fps`, `30 fps`. */
export function formatFrameRate(framesPerSecond: number): string {
  return `${Number(framesPerSecond.toFixed(3))} fps`;
}

/** `5 Mbit/s`, `730 kbit/s`. */
export function formatBitrate(bitsPerSecond: number): string {
  if (bitsPerSecond >= 1_000_000) return `${Number((bitsPerSecond / 1_000_000).toFixed(2))} Mbit/s`;
  return `${Number((bitsPerSecond / 1000).toFixed(1))} kbit/s`;
}
