import type { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { mediaLiveOutputGroups } from './medialive.js';

/** The playlist window of a live MediaLive HLS output group: segments listed and segments kept. */
export interface HlsPlaylistWindow {
  index: Cursor;
  keep: Cursor;
  indexSegments: number;
  keepSegments: number;
}

/**
 * The live HLS output groups of a channel whose `IndexNSegments` and `KeepSegments` are both known.
 * Both apply only when `Mode` is LIVE (MediaLive API), so groups in VOD mode, or whose mode is not
 * known, are left out.
 */
export function liveHlsWindows(channel: Resource): HlsPlaylistWindow[] {
  const windows: HlsPlaylistWindow[] = [];
  for (const group of mediaLiveOutputGroups(channel)) {
    if (group.kind !== 'hls' || !group.settings) continue;
    const mode = group.settings.get('mode');
    if (!mode.isMissing && mode.string() !== 'LIVE') continue;
    const index = group.settings.get('index_n_segments');
    const keep = group.settings.get('keep_segments');
    const indexSegments = index.number();
    const keepSegments = keep.number();
    if (indexSegments === undefined || keepSegments === undefined) continue;
    windows.push({ index, keep, indexSegments, keepSegments });
  }
  return windows;
}
