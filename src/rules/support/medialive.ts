import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { perResource } from './memo.js';
import { describeRendition, type VideoCodec, type VideoRendition } from './video.js';

/**
 * A MediaLive channel seen the way a media engineer reads it: output groups of a kind, each with
 * its outputs and the video and audio descriptions they use.
 */

export type OutputGroupKind =
  | 'hls'
  | 'media-package'
  | 'ms-smooth'
  | 'cmaf-ingest'
  | 'archive'
  | 'rtmp'
  | 'udp'
  | 'multiplex'
  | 'frame-capture'
  | 'srt'
  | 'media-connect-router';

const groupSettingsMembers: Record<string, OutputGroupKind> = {
  hls_group_settings: 'hls',
  media_package_group_settings: 'media-package',
  ms_smooth_group_settings: 'ms-smooth',
  cmaf_ingest_group_settings: 'cmaf-ingest',
  archive_group_settings: 'archive',
  rtmp_group_settings: 'rtmp',
  udp_group_settings: 'udp',
  multiplex_group_settings: 'multiplex',
  frame_capture_group_settings: 'frame-capture',
  srt_group_settings: 'srt',
  media_connect_router_group_settings: 'media-connect-router',
};

/** Output groups that cut the stream into segments or fragments, where GOPs must line up. */
export const segmentedGroupKinds: ReadonlySet<OutputGroupKind> = new Set(['hls', 'media-package', 'ms-smooth', 'cmaf-ingest']);

export interface MediaLiveOutput {
  output: Cursor;
  /** The video description the output uses, when the name resolves. */
  video: VideoRendition | undefined;
  /** The audio descriptions the output uses (those whose names resolve). */
  audio: Cursor[];
}

export interface MediaLiveOutputGroup {
  group: Cursor;
  kind: OutputGroupKind | undefined;
  /** The group's `<Kind>GroupSettings` structure. */
  settings: Cursor | undefined;
  /** Segment (HLS, MediaPackage v2, CMAF ingest) or fragment (Microsoft Smooth) length in seconds,
   * when written explicitly. */
  segmentSeconds: number | undefined;
  /** Where the segment length is written, for findings. */
  segmentCursor: Cursor | undefined;
  outputs: MediaLiveOutput[];
}

const codecMembers: Record<string, VideoCodec> = {
  h264_settings: 'h264',
  h265_settings: 'h265',
  mpeg2_settings: 'mpeg2',
  av1_settings: 'av1',
  frame_capture_settings: 'frame-capture',
};

/** Reads one MediaLive `VideoDescription`. */
export function mediaLiveVideo(description: Cursor): VideoRendition {
  const codecSettings = description.get('codec_settings');
  let codec: VideoCodec | undefined;
  let settings: Cursor | undefined;
  for (const [member, name] of Object.entries(codecMembers)) {
    const candidate = codecSettings.get(member);
    if (candidate.value?.kind === 'object') {
      codec = name;
      settings = candidate;
      break;
    }
  }
  return describeRendition(description, description.get('name').string(), codec, settings, 'FRAMES');
}

/** The channel's video descriptions by name (descriptions whose name is not known are left out).
 * Computed once per channel; the map is shared, so callers must not change it. */
export const mediaLiveVideoDescriptions: (channel: Resource) => ReadonlyMap<string, VideoRendition> = perResource(videoDescriptionsOf);

function videoDescriptionsOf(channel: Resource): Map<string, VideoRendition> {
  const result = new Map<string, VideoRendition>();
  for (const description of Cursor.root(channel).at('encoder_settings', 'video_descriptions').items()) {
    const video = mediaLiveVideo(description);
    if (video.name !== undefined) result.set(video.name, video);
  }
  return result;
}

function segmentLength(kind: OutputGroupKind | undefined, settings: Cursor | undefined): { seconds?: number; cursor?: Cursor } {
  if (!settings?.exists) return {};
  switch (kind) {
    case 'hls': {
      const cursor = settings.get('segment_length');
      return { seconds: cursor.number(), cursor };
    }
    case 'ms-smooth': {
      const cursor = settings.get('fragment_length');
      return { seconds: cursor.number(), cursor };
    }
    case 'cmaf-ingest':
    case 'media-package': {
      const holder = kind === 'media-package' ? settings.get('mediapackage_v2_group_settings') : settings;
      const cursor = holder.get('segment_length');
      const length = cursor.number();
      if (length === undefined) return {};
      const unitsCursor = holder.get('segment_length_units');
      const units = unitsCursor.isMissing ? 'SECONDS' : unitsCursor.string();
      if (units === 'SECONDS') return { seconds: length, cursor };
      if (units === 'MILLISECONDS') return { seconds: length / 1000, cursor };
      return {};
    }
    default:
      return {};
  }
}

/** The channel's output groups with their outputs resolved to video and audio descriptions.
 * Computed once per channel (a dozen rules read them); shared, so callers must not change them. */
export const mediaLiveOutputGroups: (channel: Resource) => readonly MediaLiveOutputGroup[] = perResource(outputGroupsOf);

function outputGroupsOf(channel: Resource): MediaLiveOutputGroup[] {
  const encoder = Cursor.root(channel).get('encoder_settings');
  const videos = mediaLiveVideoDescriptions(channel);
  const audios = new Map<string, Cursor>();
  for (const description of encoder.get('audio_descriptions').items()) {
    const name = description.get('name').string();
    if (name !== undefined) audios.set(name, description);
  }
  return encoder
    .get('output_groups')
    .items()
    .map((group) => {
      const groupSettings = group.get('output_group_settings');
      let kind: OutputGroupKind | undefined;
      let settings: Cursor | undefined;
      for (const [member, name] of Object.entries(groupSettingsMembers)) {
        const candidate = groupSettings.get(member);
        if (candidate.exists) {
          kind = name;
          settings = candidate;
          break;
        }
      }
      const segment = segmentLength(kind, settings);
      const outputs = group
        .get('outputs')
        .items()
        .map((output) => {
          const videoName = output.get('video_description_name').string();
          const audio = output
            .get('audio_description_names')
            .items()
            .map((name) => audios.get(name.string() ?? ''))
            .filter((description): description is Cursor => description !== undefined);
          return { output, video: videoName === undefined ? undefined : videos.get(videoName), audio };
        });
      return { group, kind, settings, segmentSeconds: segment.seconds, segmentCursor: segment.cursor, outputs };
    });
}
