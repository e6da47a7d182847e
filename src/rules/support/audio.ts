import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { mediaConvertOutputGroups, mediaConvertSettings } from './mediaconvert.js';
import { mediaLiveOutputGroups } from './medialive.js';
import { mediaLiveHlsKinds, writesHls } from './segments.js';

/**
 * AAC audio encodes of MediaLive channels and MediaConvert jobs, templates and presets, and the
 * tables of AAC settings each service accepts. A table answers "could these settings be valid?":
 * a setting that is not written or not known may take any value, so a combination is reported only
 * when no value of the unwritten settings would make it valid.
 */

export type AacService = 'MediaLive' | 'MediaConvert';

export interface AacRow {
  codingMode: string;
  profile: string;
  sampleRate: number;
  minBitrate: number;
  maxBitrate: number;
}

export interface AacTable {
  service: AacService;
  profiles: readonly string[];
  codingModes: readonly string[];
  rows: readonly AacRow[];
  /** True when the table lists every sample rate the (profile, coding mode) pair supports, so that a
   * pair or sample rate missing from it is certainly invalid. */
  complete(profile: string, codingMode: string): boolean;
}

function rows(entries: ReadonlyArray<readonly [string, string, number, number, number]>): AacRow[] {
  return entries.map(([codingMode, profile, sampleRate, minBitrate, maxBitrate]) => ({ codingMode, profile, sampleRate, minBitrate, maxBitrate }));
}

/**
 * MediaLive AAC: (coding mode, profile, sample rate in Hz, minimum and maximum bitrate in bit/s).
 * Source: MediaLive user guide, "Supported sampling rate and bitrate for AAC output",
 * https://docs.aws.amazon.com/medialive/latest/ug/aac-four-characteristics.html (domain brief §3.4,
 * fact ML-015). The table is complete: a combination it does not list is not valid (HEV2 exists only
 * with CODING_MODE_2_0).
 */
export const mediaLiveAacTable: AacTable = {
  service: 'MediaLive',
  profiles: ['LC', 'HEV1', 'HEV2'],
  codingModes: ['AD_RECEIVER_MIX', 'CODING_MODE_1_0', 'CODING_MODE_1_1', 'CODING_MODE_2_0', 'CODING_MODE_5_1'],
  rows: rows([
  ["CODING_MODE_1_0", "HEV1", 22050, 8000, 12000],
  ["CODING_MODE_1_0", "HEV1", 24000, 8000, 12000],
  ["CODING_MODE_1_0", "HEV1", 32000, 12000, 64000],
  ["CODING_MODE_1_0", "HEV1", 44100, 18000, 64000],
  ["CODING_MODE_1_0", "HEV1", 48000, 18000, 64000],
  ["CODING_MODE_1_0", "LC", 8000, 8000, 14000],
  ["CODING_MODE_1_0", "LC", 12000, 8000, 14000],
  ["CODING_MODE_1_0", "LC", 16000, 8000, 28000],
  ["CODING_MODE_1_0", "LC", 22050, 24000, 28000],
  ["CODING_MODE_1_0", "LC", 24000, 24000, 28000],
  ["CODING_MODE_1_0", "LC", 32000, 32000, 192000],
  ["CODING_MODE_1_0", "LC", 44100, 56000, 256000],
  ["CODING_MODE_1_0", "LC", 48000, 56000, 288000],
  ["CODING_MODE_1_0", "LC", 88200, 288000, 288000],
  ["CODING_MODE_1_0", "LC", 96000, 128000, 288000],
  ["CODING_MODE_1_1", "HEV1", 32000, 24000, 128000],
  ["CODING_MODE_1_1", "HEV1", 44100, 40000, 192000],
  ["CODING_MODE_1_1", "HEV1", 48000, 40000, 192000],
  ["CODING_MODE_1_1", "HEV1", 96000, 224000, 256000],
  ["CODING_MODE_1_1", "LC", 8000, 16000, 28000],
  ["CODING_MODE_1_1", "LC", 12000, 16000, 28000],
  ["CODING_MODE_1_1", "LC", 16000, 16000, 56000],
  ["CODING_MODE_1_1", "LC", 22050, 48000, 56000],
  ["CODING_MODE_1_1", "LC", 24000, 48000, 56000],
  ["CODING_MODE_1_1", "LC", 32000, 64000, 384000],
  ["CODING_MODE_1_1", "LC", 44100, 112000, 512000],
  ["CODING_MODE_1_1", "LC", 48000, 112000, 576000],
  ["CODING_MODE_1_1", "LC", 88200, 256000, 576000],
  ["CODING_MODE_1_1", "LC", 96000, 256000, 576000],
  ["CODING_MODE_2_0", "HEV1", 32000, 16000, 128000],
  ["CODING_MODE_2_0", "HEV1", 44100, 16000, 96000],
  ["CODING_MODE_2_0", "HEV1", 48000, 16000, 128000],
  ["CODING_MODE_2_0", "HEV1", 96000, 96000, 128000],
  ["CODING_MODE_2_0", "HEV2", 22050, 8000, 12000],
  ["CODING_MODE_2_0", "HEV2", 24000, 8000, 12000],
  ["CODING_MODE_2_0", "HEV2", 32000, 12000, 64000],
  ["CODING_MODE_2_0", "HEV2", 44100, 20000, 64000],
  ["CODING_MODE_2_0", "HEV2", 48000, 20000, 64000],
  ["CODING_MODE_2_0", "LC", 8000, 16000, 20000],
  ["CODING_MODE_2_0", "LC", 12000, 16000, 20000],
  ["CODING_MODE_2_0", "LC", 16000, 16000, 32000],
  ["CODING_MODE_2_0", "LC", 22050, 32000, 32000],
  ["CODING_MODE_2_0", "LC", 24000, 32000, 32000],
  ["CODING_MODE_2_0", "LC", 32000, 40000, 384000],
  ["CODING_MODE_2_0", "LC", 44100, 96000, 512000],
  ["CODING_MODE_2_0", "LC", 48000, 64000, 576000],
  ["CODING_MODE_2_0", "LC", 88200, 576000, 576000],
  ["CODING_MODE_2_0", "LC", 96000, 256000, 576000],
  ["CODING_MODE_5_1", "HEV1", 32000, 64000, 320000],
  ["CODING_MODE_5_1", "HEV1", 44100, 64000, 224000],
  ["CODING_MODE_5_1", "HEV1", 48000, 64000, 320000],
  ["CODING_MODE_5_1", "HEV1", 96000, 240000, 320000],
  ["CODING_MODE_5_1", "LC", 32000, 160000, 768000],
  ["CODING_MODE_5_1", "LC", 44100, 256000, 640000],
  ["CODING_MODE_5_1", "LC", 48000, 256000, 768000],
  ["CODING_MODE_5_1", "LC", 96000, 640000, 768000],
  ["AD_RECEIVER_MIX", "HEV1", 22050, 8000, 12000],
  ["AD_RECEIVER_MIX", "HEV1", 24000, 8000, 12000],
  ["AD_RECEIVER_MIX", "HEV1", 32000, 12000, 64000],
  ["AD_RECEIVER_MIX", "HEV1", 44100, 20000, 64000],
  ["AD_RECEIVER_MIX", "HEV1", 48000, 20000, 64000],
  ["AD_RECEIVER_MIX", "LC", 8000, 8000, 14000],
  ["AD_RECEIVER_MIX", "LC", 12000, 8000, 14000],
  ["AD_RECEIVER_MIX", "LC", 16000, 8000, 28000],
  ["AD_RECEIVER_MIX", "LC", 22050, 24000, 28000],
  ["AD_RECEIVER_MIX", "LC", 24000, 24000, 28000],
  ["AD_RECEIVER_MIX", "LC", 32000, 32000, 192000],
  ["AD_RECEIVER_MIX", "LC", 44100, 56000, 256000],
  ["AD_RECEIVER_MIX", "LC", 48000, 56000, 288000],
  ["AD_RECEIVER_MIX", "LC", 88200, 288000, 288000],
  ["AD_RECEIVER_MIX", "LC", 96000, 128000, 288000],
  ]),
  complete: () => true,
};

/**
 * MediaConvert AAC bitrates: "The set of valid values for this setting is: 6000, 8000, …, 1024000"
 * (MediaConvert API `AacSettings.Bitrate`, domain brief §5.5, fact MC-010).
 */
export const mediaConvertAacBitrates: readonly number[] = [
  6000, 8000, 10000, 12000, 14000, 16000, 20000, 24000, 28000, 32000, 40000, 48000, 56000, 64000, 80000, 96000, 112000, 128000, 160000, 192000, 224000, 256000, 288000,
  320000, 384000, 448000, 512000, 576000, 640000, 768000, 896000, 1024000,
];

/**
 * MediaConvert AAC in CBR, the part of the table that is certain: AAC-LC mono (1.0), all sample
 * rates, and AAC-LC stereo (2.0) up to 44100 Hz. Bitrates are the valid values of
 * `mediaConvertAacBitrates` between the bounds. Source: MediaConvert user guide, "AAC output
 * reference tables", https://docs.aws.amazon.com/mediaconvert/latest/ug/aac-support.html (domain
 * brief §5.5). The stereo rows at 48000 Hz and above, and the HE-AAC and 5.1 rows, are not encoded,
 * so those combinations are never reported.
 */
export const mediaConvertAacTable: AacTable = {
  service: 'MediaConvert',
  profiles: ['LC', 'HEV1', 'HEV2', 'XHE'],
  codingModes: ['AD_RECEIVER_MIX', 'CODING_MODE_1_0', 'CODING_MODE_1_1', 'CODING_MODE_2_0', 'CODING_MODE_5_1', 'CODING_MODE_AUTO'],
  rows: rows([
    ['CODING_MODE_1_0', 'LC', 8000, 8000, 14000],
    ['CODING_MODE_1_0', 'LC', 12000, 8000, 14000],
    ['CODING_MODE_1_0', 'LC', 16000, 8000, 28000],
    ['CODING_MODE_1_0', 'LC', 22050, 24000, 28000],
    ['CODING_MODE_1_0', 'LC', 24000, 24000, 28000],
    ['CODING_MODE_1_0', 'LC', 32000, 32000, 192000],
    ['CODING_MODE_1_0', 'LC', 44100, 56000, 256000],
    ['CODING_MODE_1_0', 'LC', 48000, 56000, 288000],
    ['CODING_MODE_1_0', 'LC', 88200, 288000, 288000],
    ['CODING_MODE_1_0', 'LC', 96000, 128000, 288000],
    ['CODING_MODE_2_0', 'LC', 8000, 16000, 20000],
    ['CODING_MODE_2_0', 'LC', 12000, 16000, 20000],
    ['CODING_MODE_2_0', 'LC', 16000, 16000, 32000],
    ['CODING_MODE_2_0', 'LC', 22050, 32000, 32000],
    ['CODING_MODE_2_0', 'LC', 24000, 32000, 32000],
    ['CODING_MODE_2_0', 'LC', 32000, 40000, 384000],
    ['CODING_MODE_2_0', 'LC', 44100, 64000, 512000],
  ]),
  complete: (profile, codingMode) => profile === 'LC' && codingMode === 'CODING_MODE_1_0',
};

/** MediaConvert's documented default profile: "Keep the default profile, LC (AAC-LC)" (MediaConvert
 * API `AacSettings.CodecProfile`). MediaLive's profile, when not written, is any profile here. */
export const mediaConvertDefaultAacProfile = 'LC';

/** One AAC encode: an audio description and the members of its `AacSettings`. */
export interface AacEncode {
  service: AacService;
  resource: Resource;
  description: Cursor;
  settings: Cursor;
  profile: Cursor;
  /** Canonical and API name of the profile member (`profile` in MediaLive, `codec_profile` in MediaConvert). */
  profileMember: readonly [string, string];
  codingMode: Cursor;
  sampleRate: Cursor;
  bitrate: Cursor;
  rateControlMode: Cursor;
}

function mediaLiveAac(description: Cursor): AacEncode | undefined {
  const settings = description.at('codec_settings', 'aac_settings');
  if (settings.value?.kind !== 'object') return undefined;
  return {
    service: 'MediaLive',
    resource: description.resource,
    description,
    settings,
    profile: settings.get('profile'),
    profileMember: ['profile', 'Profile'],
    codingMode: settings.get('coding_mode'),
    sampleRate: settings.get('sample_rate'),
    bitrate: settings.get('bitrate'),
    rateControlMode: settings.get('rate_control_mode'),
  };
}

function mediaConvertAac(description: Cursor): AacEncode | undefined {
  const codecSettings = description.get('codec_settings');
  const settings = codecSettings.get('aac_settings');
  if (codecSettings.get('codec').string() !== 'AAC' || settings.value?.kind !== 'object') return undefined;
  return {
    service: 'MediaConvert',
    resource: description.resource,
    description,
    settings,
    profile: settings.get('codec_profile'),
    profileMember: ['codec_profile', 'CodecProfile'],
    codingMode: settings.get('coding_mode'),
    sampleRate: settings.get('sample_rate'),
    bitrate: settings.get('bitrate'),
    rateControlMode: settings.get('rate_control_mode'),
  };
}

/** Every AAC audio description of a MediaLive channel. */
export function mediaLiveAacEncodes(channel: Resource): AacEncode[] {
  return Cursor.root(channel)
    .at('encoder_settings', 'audio_descriptions')
    .items()
    .map(mediaLiveAac)
    .filter((encode): encode is AacEncode => encode !== undefined);
}

/** The AAC audio descriptions a MediaLive channel delivers as HLS (HLS and MediaPackage groups), each once. */
export function mediaLiveHlsAacEncodes(channel: Resource): AacEncode[] {
  const seen = new Set<string>();
  const result: AacEncode[] = [];
  for (const group of mediaLiveOutputGroups(channel)) {
    if (group.kind === undefined || !mediaLiveHlsKinds.has(group.kind)) continue;
    for (const description of group.outputs.flatMap((output) => output.audio)) {
      const key = description.pathString();
      if (seen.has(key)) continue;
      seen.add(key);
      const encode = mediaLiveAac(description);
      if (encode) result.push(encode);
    }
  }
  return result;
}

/** Every AAC audio description of a MediaConvert job or job template (in its outputs) or preset. */
export function mediaConvertAacEncodes(resource: Resource): AacEncode[] {
  const descriptions =
    resource.type === 'AWS::MediaConvert::Preset'
      ? mediaConvertSettings(resource).get('audio_descriptions').items()
      : mediaConvertOutputGroups(resource).flatMap((group) => group.outputs.flatMap(({ output }) => output.get('audio_descriptions').items()));
  return descriptions.map(mediaConvertAac).filter((encode): encode is AacEncode => encode !== undefined);
}

/** The AAC audio descriptions of a MediaConvert job or template written to HLS-type groups. */
export function mediaConvertHlsAacEncodes(resource: Resource): AacEncode[] {
  return mediaConvertOutputGroups(resource)
    .filter(writesHls)
    .flatMap((group) => group.outputs.flatMap(({ output }) => output.get('audio_descriptions').items()))
    .map(mediaConvertAac)
    .filter((encode): encode is AacEncode => encode !== undefined);
}

/** True when the encode's bitrate is the one it is coded at: CBR, or rate control not written (CBR
 * is the default of both services). Under VBR the `Bitrate` is not used. */
export function usesBitrate(encode: AacEncode): boolean {
  return encode.rateControlMode.isMissing || encode.rateControlMode.string() === 'CBR';
}

/** AAC-LC, or a profile left to the default, which is LC in both services. */
export function isLowComplexity(encode: AacEncode): boolean {
  return encode.profile.isMissing || encode.profile.string() === 'LC';
}

export type AacVerdict =
  | { kind: 'possible' }
  /** The profile cannot be combined with the coding mode; `modes` are the ones it can. */
  | { kind: 'pair'; profile: string; codingMode: string; modes: string[] }
  /** The sample rate is not available for the (known) profile and coding mode. */
  | { kind: 'sampleRate'; sampleRate: number; rates: number[] }
  /** The bitrate is outside every range that remains possible; `ranges` by profile. */
  | { kind: 'bitrate'; bitrate: number; ranges: Array<{ profile: string; min: number; max: number }> };

/**
 * Whether the encode's profile, coding mode, sample rate and bitrate can be a valid combination of
 * the table. `defaultProfile` is used when the profile is not written (a documented default);
 * otherwise an unwritten or unknown setting stands for any value.
 */
export function aacVerdict(table: AacTable, encode: AacEncode, defaultProfile?: string): AacVerdict {
  // Both tables are for CBR; valid sample rates and bitrates "depend on rate control mode".
  if (!usesBitrate(encode)) return { kind: 'possible' };
  const profileValue = encode.profile.string() ?? (encode.profile.isMissing ? defaultProfile : undefined);
  const modeValue = encode.codingMode.string();
  const sampleRate = encode.sampleRate.number();
  const bitrate = encode.bitrate.number();
  const profiles = profileValue !== undefined ? [profileValue] : table.profiles;
  const modes = modeValue !== undefined ? [modeValue] : table.codingModes;
  if (!profiles.every((profile) => table.profiles.includes(profile)) || !modes.every((mode) => table.codingModes.includes(mode))) return { kind: 'possible' };
  let pairFailure: { profile: string; codingMode: string } | undefined;
  const rateFailures = new Set<number>();
  let rateFailed = false;
  const bitrateFailures: Array<{ profile: string; min: number; max: number }> = [];
  for (const profile of profiles) {
    for (const codingMode of modes) {
      const pairRows = table.rows.filter((row) => row.profile === profile && row.codingMode === codingMode);
      const complete = table.complete(profile, codingMode);
      if (pairRows.length === 0) {
        if (!complete) return { kind: 'possible' };
        pairFailure = { profile, codingMode };
        continue;
      }
      const rateRows = sampleRate === undefined ? pairRows : pairRows.filter((row) => row.sampleRate === sampleRate);
      if (rateRows.length === 0) {
        if (!complete) return { kind: 'possible' };
        rateFailed = true;
        for (const row of pairRows) rateFailures.add(row.sampleRate);
        continue;
      }
      if (bitrate === undefined || rateRows.some((row) => bitrate >= row.minBitrate && bitrate <= row.maxBitrate)) return { kind: 'possible' };
      bitrateFailures.push({ profile, min: Math.min(...rateRows.map((row) => row.minBitrate)), max: Math.max(...rateRows.map((row) => row.maxBitrate)) });
    }
  }
  if (bitrateFailures.length > 0 && bitrate !== undefined) return { kind: 'bitrate', bitrate, ranges: bitrateFailures };
  if (rateFailed && sampleRate !== undefined) return { kind: 'sampleRate', sampleRate, rates: [...rateFailures].sort((a, b) => a - b) };
  if (pairFailure) {
    const modesOfProfile = table.codingModes.filter((mode) => table.rows.some((row) => row.profile === pairFailure!.profile && row.codingMode === mode));
    return { kind: 'pair', ...pairFailure, modes: modesOfProfile };
  }
  return { kind: 'possible' };
}

/** True unless the encode's settings are a combination its service rejects (`audio/aac-combination`),
 * so that the advisory audio rules do not repeat that error. */
export function isPossibleCombination(encode: AacEncode): boolean {
  const verdict =
    encode.service === 'MediaLive' ? aacVerdict(mediaLiveAacTable, encode) : aacVerdict(mediaConvertAacTable, encode, mediaConvertDefaultAacProfile);
  return verdict.kind === 'possible';
}
