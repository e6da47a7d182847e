import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { perResource } from './memo.js';
import { describeRendition, type VideoCodec, type VideoRendition } from './video.js';

/**
 * MediaConvert settings seen the same way for jobs, job templates and presets: the settings
 * structure (`SettingsJson` of templates and presets, `Settings` of jobs), its output groups of a
 * kind, and each output's video rendition.
 */

export const mediaConvertTypes = ['AWS::MediaConvert::JobTemplate', 'AWS::MediaConvert::Job', 'AWS::MediaConvert::Preset'] as const;

export type MediaConvertGroupKind = 'hls' | 'dash' | 'cmaf' | 'ms-smooth' | 'file';

const groupTypes: Record<string, MediaConvertGroupKind> = {
  HLS_GROUP_SETTINGS: 'hls',
  DASH_ISO_GROUP_SETTINGS: 'dash',
  CMAF_GROUP_SETTINGS: 'cmaf',
  MS_SMOOTH_GROUP_SETTINGS: 'ms-smooth',
  FILE_GROUP_SETTINGS: 'file',
};

const groupSettingsMembers: Record<MediaConvertGroupKind, string> = {
  hls: 'hls_group_settings',
  dash: 'dash_iso_group_settings',
  cmaf: 'cmaf_group_settings',
  'ms-smooth': 'ms_smooth_group_settings',
  file: 'file_group_settings',
};

const codecs: Record<string, { codec: VideoCodec; member: string }> = {
  H_264: { codec: 'h264', member: 'h264_settings' },
  H_265: { codec: 'h265', member: 'h265_settings' },
  MPEG2: { codec: 'mpeg2', member: 'mpeg2_settings' },
  AV1: { codec: 'av1', member: 'av1_settings' },
  VP8: { codec: 'vp8', member: 'vp8_settings' },
  VP9: { codec: 'vp9', member: 'vp9_settings' },
  PRORES: { codec: 'prores', member: 'prores_settings' },
  FRAME_CAPTURE: { codec: 'frame-capture', member: 'frame_capture_settings' },
};

/** The settings structure of a MediaConvert job, job template or preset. */
export function mediaConvertSettings(resource: Resource): Cursor {
  const root = Cursor.root(resource);
  return resource.type === 'AWS::MediaConvert::Job' ? root.get('settings') : root.get('settings_json');
}

/** Reads one MediaConvert `VideoDescription`. */
export function mediaConvertVideo(description: Cursor): VideoRendition {
  const codecSettings = description.get('codec_settings');
  const codecName = codecSettings.get('codec').string();
  const known = codecName === undefined ? undefined : codecs[codecName];
  const settings = known ? codecSettings.get(known.member) : undefined;
  const codec = known?.codec ?? (codecName === undefined ? undefined : 'other');
  // MediaConvert's documented default GOP mode is AUTO: a size without units is not a duration.
  return describeRendition(description, undefined, codec, settings?.exists ? settings : undefined, undefined);
}

export interface MediaConvertOutput {
  output: Cursor;
  /** The output's own video description; outputs that use a preset by name have none here. */
  video: VideoRendition | undefined;
}

export interface MediaConvertOutputGroup {
  group: Cursor;
  kind: MediaConvertGroupKind | undefined;
  settings: Cursor | undefined;
  outputs: MediaConvertOutput[];
}

/** The output groups of a job or job template (a preset has none). Computed once per resource;
 * shared, so callers must not change them. */
export const mediaConvertOutputGroups: (resource: Resource) => readonly MediaConvertOutputGroup[] = perResource(outputGroupsOf);

function outputGroupsOf(resource: Resource): MediaConvertOutputGroup[] {
  return mediaConvertSettings(resource)
    .get('output_groups')
    .items()
    .map((group) => {
      const groupSettings = group.get('output_group_settings');
      const type = groupSettings.get('type').string();
      const kind = type === undefined ? undefined : groupTypes[type];
      const settings = kind ? groupSettings.get(groupSettingsMembers[kind]) : undefined;
      const outputs = group
        .get('outputs')
        .items()
        .map((output) => {
          const description = output.get('video_description');
          return { output, video: description.value?.kind === 'object' ? mediaConvertVideo(description) : undefined };
        });
      return { group, kind, settings: settings?.exists ? settings : undefined, outputs };
    });
}
