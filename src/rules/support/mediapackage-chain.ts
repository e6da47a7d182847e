import type { RuleContext } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { mediaLiveOutputGroups, type MediaLiveOutputGroup } from './medialive.js';
import type { VideoRendition } from './video.js';

/**
 * The chain MediaLive → MediaPackage channel → MediaPackage origin endpoint, followed through the
 * templates: a MediaLive destination whose `MediaPackageSettings` names a MediaPackage channel (v1
 * `ChannelId`, v2 `ChannelGroup` and `ChannelName`), the MediaPackage output group that delivers to
 * that destination, and the origin endpoints of the same channel with their segment durations.
 * Links are followed through references (`!Ref PackagingChannel`, `!GetAtt Channel.ChannelName`) or
 * matched by the literal id or names, within one template or module.
 */

type Resolve = RuleContext['resolve'];

export type MediaPackageVersion = 'v1' | 'v2';

export interface MediaPackageFeed {
  /** Identity of the MediaPackage channel the feed enters. */
  key: string;
  version: MediaPackageVersion;
  mediaLiveChannel: Resource;
  group: MediaLiveOutputGroup;
}

export interface EndpointSegment {
  key: string;
  version: MediaPackageVersion;
  endpoint: Resource;
  /** `HlsPackage`, `DashPackage`, … for v1; `Segment` for v2. */
  packageName: string;
  duration: Cursor;
  durationSeconds: number;
}

function stringOf(resource: Resource, member: string): string | undefined {
  return Cursor.root(resource).get(member).string();
}

/** A v1 channel identity: its `Id`, or the resource itself when the id is not known. */
function v1Key(cursor: Cursor, resolve: Resolve): string | undefined {
  const literal = cursor.string();
  if (literal !== undefined) return `${cursor.resource.scope.id}|v1|${literal}`;
  const target = cursor.referencedResource(resolve);
  if (target?.type !== 'AWS::MediaPackage::Channel') return undefined;
  const id = stringOf(target, 'id');
  return id === undefined ? `resource|${target.id}` : `${target.scope.id}|v1|${id}`;
}

/** A v2 channel group or channel name, literal or read from the referenced resource. */
function v2Name(cursor: Cursor, member: 'channel_group_name' | 'channel_name', resolve: Resolve): string | undefined {
  const literal = cursor.string();
  if (literal !== undefined) return literal;
  const target = cursor.referencedResource(resolve);
  if (target?.type === 'AWS::MediaPackageV2::Channel' || (member === 'channel_group_name' && target?.type === 'AWS::MediaPackageV2::ChannelGroup')) {
    return stringOf(target, member);
  }
  return undefined;
}

function v2Key(group: Cursor, name: Cursor, resolve: Resolve): string | undefined {
  const groupName = v2Name(group, 'channel_group_name', resolve);
  const channelName = v2Name(name, 'channel_name', resolve);
  return groupName === undefined || channelName === undefined ? undefined : `${group.resource.scope.id}|v2|${groupName}/${channelName}`;
}

/** The MediaPackage output groups of every MediaLive channel, with the MediaPackage channel each feeds. */
export function mediaPackageFeeds(context: Pick<RuleContext, 'resources' | 'resolve'>): MediaPackageFeed[] {
  const feeds: MediaPackageFeed[] = [];
  const resolve: Resolve = (reference, from) => context.resolve(reference, from);
  for (const channel of context.resources('AWS::MediaLive::Channel')) {
    const targets = new Map<string, Array<{ key: string; version: MediaPackageVersion }>>();
    for (const destination of Cursor.root(channel).get('destinations').items()) {
      const id = destination.get('id').string();
      if (id === undefined) continue;
      const keys: Array<{ key: string; version: MediaPackageVersion }> = [];
      for (const settings of destination.get('media_package_settings').items()) {
        const channelId = settings.get('channel_id');
        const key = channelId.exists ? v1Key(channelId, resolve) : v2Key(settings.get('channel_group'), settings.get('channel_name'), resolve);
        if (key !== undefined) keys.push({ key, version: channelId.exists ? 'v1' : 'v2' });
      }
      targets.set(id, keys);
    }
    if (targets.size === 0) continue;
    for (const group of mediaLiveOutputGroups(channel)) {
      if (group.kind !== 'media-package') continue;
      const destinationId = group.settings?.at('destination', 'destination_ref_id').string();
      for (const target of (destinationId === undefined ? undefined : targets.get(destinationId)) ?? []) {
        feeds.push({ key: target.key, version: target.version, mediaLiveChannel: channel, group });
      }
    }
  }
  return feeds;
}

const v1Packages = [
  ['hls_package', 'HlsPackage'],
  ['dash_package', 'DashPackage'],
  ['mss_package', 'MssPackage'],
  ['cmaf_package', 'CmafPackage'],
] as const;

/** The known segment durations of every MediaPackage v1 and v2 origin endpoint. */
export function endpointSegments(context: Pick<RuleContext, 'resources' | 'resolve'>): EndpointSegment[] {
  const segments: EndpointSegment[] = [];
  const resolve: Resolve = (reference, from) => context.resolve(reference, from);
  for (const endpoint of context.resources('AWS::MediaPackage::OriginEndpoint')) {
    const root = Cursor.root(endpoint);
    const key = v1Key(root.get('channel_id'), resolve);
    if (key === undefined) continue;
    for (const [member, packageName] of v1Packages) {
      const duration = root.at(member, 'segment_duration_seconds');
      const durationSeconds = duration.number();
      if (durationSeconds !== undefined && durationSeconds > 0) segments.push({ key, version: 'v1', endpoint, packageName, duration, durationSeconds });
    }
  }
  for (const endpoint of context.resources('AWS::MediaPackageV2::OriginEndpoint')) {
    const root = Cursor.root(endpoint);
    const key = v2Key(root.get('channel_group_name'), root.get('channel_name'), resolve);
    const duration = root.at('segment', 'segment_duration_seconds');
    const durationSeconds = duration.number();
    if (key !== undefined && durationSeconds !== undefined && durationSeconds > 0) segments.push({ key, version: 'v2', endpoint, packageName: 'Segment', duration, durationSeconds });
  }
  return segments;
}

/**
 * The GOP every rendition of a group shares, with one rendition that has it; undefined when no GOP
 * duration is known or the known ones differ (`gop/rendition-alignment` reports that).
 */
export function commonGop(group: MediaLiveOutputGroup): { seconds: number; video: VideoRendition } | undefined {
  let common: { seconds: number; video: VideoRendition } | undefined;
  for (const { video } of group.outputs) {
    const seconds = video?.gopSeconds;
    if (!video || seconds === undefined || seconds <= 0) continue;
    if (!common) common = { seconds, video };
    else if (Math.abs(common.seconds - seconds) > 1e-6 * Math.max(1, seconds)) return undefined;
  }
  return common;
}
