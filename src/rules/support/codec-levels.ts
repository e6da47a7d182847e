/**
 * Level limits of H.264/AVC and H.265/HEVC, and the arithmetic that checks a rendition against them.
 *
 * Sources:
 * - H.264: ITU-T Rec. H.264 Annex A, Table A-1 (level limits) and Table A-2 (cpbBrVclFactor), as
 *   transcribed in FFmpeg `libavcodec/h264_levels.c` (FFmpeg/FFmpeg @25c8507818d8559a6654a5b30a0f8aae11a48181).
 *   Official text: https://www.itu.int/rec/T-REC-H.264
 * - H.265: ITU-T Rec. H.265 Annex A, general tier and level limits (Table A.8) and CpbVclFactor
 *   (Table A.10), as transcribed in FFmpeg `libavcodec/h265_profile_level.c`
 *   (FFmpeg/FFmpeg @455d3a768477bf1578ae85d8e6322bec898590f5). Official text: https://www.itu.int/rec/T-REC-H.265
 *
 * Bit rates and buffer sizes in the tables are in units of the profile's VCL factor (kbit/s and
 * kbit for Baseline, Main and HEVC Main/Main 10), as in the standards.
 */

export interface H264Level {
  /** `4.1` */
  name: string;
  /** Max macroblock processing rate, MaxMBPS (macroblocks/s). */
  maxMacroblocksPerSecond: number;
  /** Max frame size, MaxFS (macroblocks). */
  maxFrameMacroblocks: number;
  /** Max decoded picture buffer size, MaxDpbMbs (macroblocks). */
  maxDpbMacroblocks: number;
  /** MaxBR, in cpbBrVclFactor bit/s. */
  maxBitrate: number;
  /** MaxCPB, in cpbBrVclFactor bits. */
  maxCpb: number;
}

/** Table A-1 without level 1b, which neither MediaLive nor MediaConvert offers. */
export const h264Levels: readonly H264Level[] = [
  { name: '1', maxMacroblocksPerSecond: 1485, maxFrameMacroblocks: 99, maxDpbMacroblocks: 396, maxBitrate: 64, maxCpb: 175 },
  { name: '1.1', maxMacroblocksPerSecond: 3000, maxFrameMacroblocks: 396, maxDpbMacroblocks: 900, maxBitrate: 192, maxCpb: 500 },
  { name: '1.2', maxMacroblocksPerSecond: 6000, maxFrameMacroblocks: 396, maxDpbMacroblocks: 2376, maxBitrate: 384, maxCpb: 1000 },
  { name: '1.3', maxMacroblocksPerSecond: 11880, maxFrameMacroblocks: 396, maxDpbMacroblocks: 2376, maxBitrate: 768, maxCpb: 2000 },
  { name: '2', maxMacroblocksPerSecond: 11880, maxFrameMacroblocks: 396, maxDpbMacroblocks: 2376, maxBitrate: 2000, maxCpb: 2000 },
  { name: '2.1', maxMacroblocksPerSecond: 19800, maxFrameMacroblocks: 792, maxDpbMacroblocks: 4752, maxBitrate: 4000, maxCpb: 4000 },
  { name: '2.2', maxMacroblocksPerSecond: 20250, maxFrameMacroblocks: 1620, maxDpbMacroblocks: 8100, maxBitrate: 4000, maxCpb: 4000 },
  { name: '3', maxMacroblocksPerSecond: 40500, maxFrameMacroblocks: 1620, maxDpbMacroblocks: 8100, maxBitrate: 10000, maxCpb: 10000 },
  { name: '3.1', maxMacroblocksPerSecond: 108000, maxFrameMacroblocks: 3600, maxDpbMacroblocks: 18000, maxBitrate: 14000, maxCpb: 14000 },
  { name: '3.2', maxMacroblocksPerSecond: 216000, maxFrameMacroblocks: 5120, maxDpbMacroblocks: 20480, maxBitrate: 20000, maxCpb: 20000 },
  { name: '4', maxMacroblocksPerSecond: 245760, maxFrameMacroblocks: 8192, maxDpbMacroblocks: 32768, maxBitrate: 20000, maxCpb: 25000 },
  { name: '4.1', maxMacroblocksPerSecond: 245760, maxFrameMacroblocks: 8192, maxDpbMacroblocks: 32768, maxBitrate: 50000, maxCpb: 62500 },
  { name: '4.2', maxMacroblocksPerSecond: 522240, maxFrameMacroblocks: 8704, maxDpbMacroblocks: 34816, maxBitrate: 50000, maxCpb: 62500 },
  { name: '5', maxMacroblocksPerSecond: 589824, maxFrameMacroblocks: 22080, maxDpbMacroblocks: 110400, maxBitrate: 135000, maxCpb: 135000 },
  { name: '5.1', maxMacroblocksPerSecond: 983040, maxFrameMacroblocks: 36864, maxDpbMacroblocks: 184320, maxBitrate: 240000, maxCpb: 240000 },
  { name: '5.2', maxMacroblocksPerSecond: 2073600, maxFrameMacroblocks: 36864, maxDpbMacroblocks: 184320, maxBitrate: 240000, maxCpb: 240000 },
  { name: '6', maxMacroblocksPerSecond: 4177920, maxFrameMacroblocks: 139264, maxDpbMacroblocks: 696320, maxBitrate: 240000, maxCpb: 240000 },
  { name: '6.1', maxMacroblocksPerSecond: 8355840, maxFrameMacroblocks: 139264, maxDpbMacroblocks: 696320, maxBitrate: 480000, maxCpb: 480000 },
  { name: '6.2', maxMacroblocksPerSecond: 16711680, maxFrameMacroblocks: 139264, maxDpbMacroblocks: 696320, maxBitrate: 800000, maxCpb: 800000 },
];

/** The highest H.264 level MediaLive and MediaConvert offer (`H264_LEVEL_5_2`, `LEVEL_5_2`). */
export const highestServiceH264Level = '5.2';

export type H264Profile = 'baseline' | 'main' | 'high' | 'high10' | 'high422';

/** cpbBrVclFactor of Table A-2: MaxBR and MaxCPB are in units of this many bit/s and bits. */
export const h264VclFactor: Record<H264Profile, number> = { baseline: 1000, main: 1000, high: 1250, high10: 3000, high422: 4000 };

export const h264ProfileNames: Record<H264Profile, string> = {
  baseline: 'Baseline',
  main: 'Main',
  high: 'High',
  high10: 'High 10',
  high422: 'High 4:2:2',
};

export interface HevcLevel {
  name: string;
  /** MaxLumaPs (luma samples per picture). */
  maxLumaPictureSize: number;
  /** MaxLumaSr (luma samples per second). */
  maxLumaSampleRate: number;
  /** MaxBR for the Main tier, in CpbVclFactor bit/s. */
  maxBitrateMain: number;
  /** MaxBR for the High tier; undefined below level 4, where only the Main tier exists. */
  maxBitrateHigh: number | undefined;
  maxCpbMain: number;
  maxCpbHigh: number | undefined;
}

export const hevcLevels: readonly HevcLevel[] = [
  { name: '1', maxLumaPictureSize: 36864, maxLumaSampleRate: 552960, maxBitrateMain: 128, maxBitrateHigh: undefined, maxCpbMain: 350, maxCpbHigh: undefined },
  { name: '2', maxLumaPictureSize: 122880, maxLumaSampleRate: 3686400, maxBitrateMain: 1500, maxBitrateHigh: undefined, maxCpbMain: 1500, maxCpbHigh: undefined },
  { name: '2.1', maxLumaPictureSize: 245760, maxLumaSampleRate: 7372800, maxBitrateMain: 3000, maxBitrateHigh: undefined, maxCpbMain: 3000, maxCpbHigh: undefined },
  { name: '3', maxLumaPictureSize: 552960, maxLumaSampleRate: 16588800, maxBitrateMain: 6000, maxBitrateHigh: undefined, maxCpbMain: 6000, maxCpbHigh: undefined },
  { name: '3.1', maxLumaPictureSize: 983040, maxLumaSampleRate: 33177600, maxBitrateMain: 10000, maxBitrateHigh: undefined, maxCpbMain: 10000, maxCpbHigh: undefined },
  { name: '4', maxLumaPictureSize: 2228224, maxLumaSampleRate: 66846720, maxBitrateMain: 12000, maxBitrateHigh: 30000, maxCpbMain: 12000, maxCpbHigh: 30000 },
  { name: '4.1', maxLumaPictureSize: 2228224, maxLumaSampleRate: 133693440, maxBitrateMain: 20000, maxBitrateHigh: 50000, maxCpbMain: 20000, maxCpbHigh: 50000 },
  { name: '5', maxLumaPictureSize: 8912896, maxLumaSampleRate: 267386880, maxBitrateMain: 25000, maxBitrateHigh: 100000, maxCpbMain: 25000, maxCpbHigh: 100000 },
  { name: '5.1', maxLumaPictureSize: 8912896, maxLumaSampleRate: 534773760, maxBitrateMain: 40000, maxBitrateHigh: 160000, maxCpbMain: 40000, maxCpbHigh: 160000 },
  { name: '5.2', maxLumaPictureSize: 8912896, maxLumaSampleRate: 1069547520, maxBitrateMain: 60000, maxBitrateHigh: 240000, maxCpbMain: 60000, maxCpbHigh: 240000 },
  { name: '6', maxLumaPictureSize: 35651584, maxLumaSampleRate: 1069547520, maxBitrateMain: 60000, maxBitrateHigh: 240000, maxCpbMain: 60000, maxCpbHigh: 240000 },
  { name: '6.1', maxLumaPictureSize: 35651584, maxLumaSampleRate: 2139095040, maxBitrateMain: 120000, maxBitrateHigh: 480000, maxCpbMain: 120000, maxCpbHigh: 480000 },
  { name: '6.2', maxLumaPictureSize: 35651584, maxLumaSampleRate: 4278190080, maxBitrateMain: 240000, maxBitrateHigh: 800000, maxCpbMain: 240000, maxCpbHigh: 800000 },
];

export type HevcProfile = 'main' | 'main10' | 'main422';
export type HevcTier = 'main' | 'high';

/** CpbVclFactor (MediaConvert's 8-bit 4:2:2 output is coded in the Main 4:2:2 10 profile). */
export const hevcVclFactor: Record<HevcProfile, number> = { main: 1000, main10: 1000, main422: 1667 };

export const hevcProfileNames: Record<HevcProfile, string> = { main: 'Main', main10: 'Main 10', main422: 'Main 4:2:2 10' };

// ---------------------------------------------------------------------------------------------
// Level arithmetic

/** Compares level names numerically: `4.1` < `4.2` < `5`. */
export function compareLevels(a: string, b: string): number {
  return Number(a) - Number(b);
}

export function h264Level(name: string): H264Level | undefined {
  return h264Levels.find((level) => level.name === name);
}

export function hevcLevel(name: string): HevcLevel | undefined {
  return hevcLevels.find((level) => level.name === name);
}

export interface H264FrameSize {
  widthMacroblocks: number;
  heightMacroblocks: number;
  /** Frame size in macroblocks, FS. */
  frameMacroblocks: number;
}

export function h264FrameSize(width: number, height: number): H264FrameSize {
  const widthMacroblocks = Math.ceil(width / 16);
  const heightMacroblocks = Math.ceil(height / 16);
  return { widthMacroblocks, heightMacroblocks, frameMacroblocks: widthMacroblocks * heightMacroblocks };
}

/** The largest side, in macroblocks, a level allows: √(8 · MaxFS). */
export function h264MaxSideMacroblocks(level: H264Level): number {
  return Math.floor(Math.sqrt(8 * level.maxFrameMacroblocks));
}

export function h264FrameSizeFits(level: H264Level, size: H264FrameSize): boolean {
  const limit = 8 * level.maxFrameMacroblocks;
  return size.frameMacroblocks <= level.maxFrameMacroblocks && size.widthMacroblocks ** 2 <= limit && size.heightMacroblocks ** 2 <= limit;
}

export function h264MacroblockRate(size: H264FrameSize, framesPerSecond: number): number {
  return size.frameMacroblocks * framesPerSecond;
}

/** MaxDpbFrames = min(MaxDpbMbs / FS, 16). */
export function h264MaxDpbFrames(level: H264Level, size: H264FrameSize): number {
  return Math.min(Math.floor(level.maxDpbMacroblocks / size.frameMacroblocks), 16);
}

/** What a rendition needs from an H.264 level; absent members are not constrained. */
export interface H264Demand {
  width: number;
  height: number;
  framesPerSecond?: number;
  /** Peak bit rate, bit/s. */
  bitrate?: number;
  /** HRD buffer size, bits. */
  bufferBits?: number;
  referenceFrames?: number;
  /** cpbBrVclFactor of the profile (1000 when the profile is not known, the strictest). */
  vclFactor: number;
}

/** Each limit of `level` the demand exceeds. */
export function h264Violations(level: H264Level, demand: H264Demand): Array<'frame-size' | 'macroblock-rate' | 'bitrate' | 'buffer' | 'dpb'> {
  const size = h264FrameSize(demand.width, demand.height);
  const violations: Array<'frame-size' | 'macroblock-rate' | 'bitrate' | 'buffer' | 'dpb'> = [];
  if (!h264FrameSizeFits(level, size)) violations.push('frame-size');
  if (demand.framesPerSecond !== undefined && h264MacroblockRate(size, demand.framesPerSecond) > level.maxMacroblocksPerSecond + 1e-6) violations.push('macroblock-rate');
  if (demand.bitrate !== undefined && demand.bitrate > level.maxBitrate * demand.vclFactor) violations.push('bitrate');
  if (demand.bufferBits !== undefined && demand.bufferBits > level.maxCpb * demand.vclFactor) violations.push('buffer');
  if (demand.referenceFrames !== undefined && demand.referenceFrames > h264MaxDpbFrames(level, size)) violations.push('dpb');
  return violations;
}

/**
 * The lowest level the services offer (1 to 5.2, no 1b) that meets the demand, or undefined when
 * none does. Mirrors FFmpeg's `ff_h264_guess_level`.
 */
export function minimumH264Level(demand: H264Demand): H264Level | undefined {
  return h264Levels.find((level) => compareLevels(level.name, highestServiceH264Level) <= 0 && h264Violations(level, demand).length === 0);
}

/** What a rendition needs from an HEVC level. */
export interface HevcDemand {
  width: number;
  height: number;
  framesPerSecond?: number;
  bitrate?: number;
  tier: HevcTier;
  /** CpbVclFactor of the profile. */
  vclFactor: number;
}

export function hevcMaxBitrate(level: HevcLevel, tier: HevcTier): number | undefined {
  return tier === 'high' ? level.maxBitrateHigh : level.maxBitrateMain;
}

export function hevcPictureSizeFits(level: HevcLevel, width: number, height: number): boolean {
  const limit = 8 * level.maxLumaPictureSize;
  return width * height <= level.maxLumaPictureSize && width ** 2 <= limit && height ** 2 <= limit;
}

export function hevcViolations(level: HevcLevel, demand: HevcDemand): Array<'tier' | 'picture-size' | 'sample-rate' | 'bitrate'> {
  const violations: Array<'tier' | 'picture-size' | 'sample-rate' | 'bitrate'> = [];
  const maxBitrate = hevcMaxBitrate(level, demand.tier);
  if (maxBitrate === undefined) violations.push('tier');
  if (!hevcPictureSizeFits(level, demand.width, demand.height)) violations.push('picture-size');
  if (demand.framesPerSecond !== undefined && demand.width * demand.height * demand.framesPerSecond > level.maxLumaSampleRate + 1e-6) violations.push('sample-rate');
  if (demand.bitrate !== undefined && maxBitrate !== undefined && demand.bitrate > maxBitrate * demand.vclFactor) violations.push('bitrate');
  return violations;
}

/** The lowest HEVC level (1 to 6.2) that meets the demand in its tier. Mirrors FFmpeg's `ff_h265_guess_level`. */
export function minimumHevcLevel(demand: HevcDemand): HevcLevel | undefined {
  return hevcLevels.find((level) => hevcViolations(level, demand).length === 0);
}
