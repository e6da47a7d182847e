import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import type { RuleContext } from '../../engine/rule.js';
import { knownPrefix } from '../../graph/value.js';
import { spellMember } from './spelling.js';

/**
 * MediaPackage packaging seen the way an OTT engineer reads it: the packages of v1 origin endpoints
 * (live) and packaging configurations (VOD), the segments and manifests of v2 origin endpoints, their
 * live windows and their DRM (SPEKE) settings.
 */

type ResourceLookup = Pick<RuleContext, 'resources'>;

export type PackageFormat = 'hls' | 'cmaf' | 'dash' | 'mss';

const v1PackageMembers: ReadonlyArray<{ member: string; format: PackageFormat }> = [
  { member: 'hls_package', format: 'hls' },
  { member: 'cmaf_package', format: 'cmaf' },
  { member: 'dash_package', format: 'dash' },
  { member: 'mss_package', format: 'mss' },
];

/** One package of a MediaPackage v1 origin endpoint (live) or packaging configuration (VOD). */
export interface MediaPackageV1Package {
  resource: Resource;
  /** True for an origin endpoint, false for a VOD packaging configuration. */
  live: boolean;
  format: PackageFormat;
  /** `HlsPackage`, `CmafPackage`, `DashPackage` or `MssPackage`. */
  package: Cursor;
  /** The package's `Encryption`. */
  encryption: Cursor;
}

export function mediaPackageV1Packages(context: ResourceLookup): MediaPackageV1Package[] {
  const result: MediaPackageV1Package[] = [];
  const kinds = [
    { type: 'AWS::MediaPackage::OriginEndpoint', live: true },
    { type: 'AWS::MediaPackage::PackagingConfiguration', live: false },
  ];
  for (const { type, live } of kinds) {
    for (const resource of context.resources(type)) {
      const root = Cursor.root(resource);
      for (const { member, format } of v1PackageMembers) {
        const cursor = root.get(member);
        if (cursor.value?.kind !== 'object') continue;
        result.push({ resource, live, format, package: cursor, encryption: cursor.get('encryption') });
      }
    }
  }
  return result;
}

/** The `Segment.Encryption` of every MediaPackage v2 origin endpoint that has one. */
export function mediaPackageV2Encryptions(context: ResourceLookup): Array<{ resource: Resource; encryption: Cursor }> {
  return context
    .resources('AWS::MediaPackageV2::OriginEndpoint')
    .map((resource) => ({ resource, encryption: Cursor.root(resource).at('segment', 'encryption') }))
    .filter((entry) => entry.encryption.value?.kind === 'object');
}

/** A live manifest with a sliding window: the window and the segment duration it holds. */
export interface LiveManifestWindow {
  resource: Resource;
  service: 'v1' | 'v2';
  protocol: 'hls' | 'dash' | 'mss';
  /** `PlaylistWindowSeconds` (v1 HLS) or `ManifestWindowSeconds`. */
  window: Cursor;
  windowApiName: string;
  /** The package's or segment's `SegmentDurationSeconds` (it may be absent). */
  segment: Cursor;
}

/**
 * Every live manifest window of MediaPackage v1 origin endpoints (HLS, CMAF HLS manifests, DASH,
 * Microsoft Smooth) and v2 origin endpoints (HLS, low-latency HLS, DASH), when the window is written.
 * HLS playlists declared as EVENT or VOD playlists, or whose type is not known, are left out: they
 * do not slide.
 */
export function liveManifestWindows(context: ResourceLookup): LiveManifestWindow[] {
  const result: LiveManifestWindow[] = [];
  const slides = (playlistType: Cursor) => playlistType.isMissing || playlistType.string() === 'NONE';
  for (const resource of context.resources('AWS::MediaPackage::OriginEndpoint')) {
    const root = Cursor.root(resource);
    const hls = root.get('hls_package');
    if (slides(hls.get('playlist_type'))) {
      result.push({ resource, service: 'v1', protocol: 'hls', window: hls.get('playlist_window_seconds'), windowApiName: 'PlaylistWindowSeconds', segment: hls.get('segment_duration_seconds') });
    }
    const cmaf = root.get('cmaf_package');
    for (const manifest of cmaf.get('hls_manifests').items()) {
      if (!slides(manifest.get('playlist_type'))) continue;
      result.push({ resource, service: 'v1', protocol: 'hls', window: manifest.get('playlist_window_seconds'), windowApiName: 'PlaylistWindowSeconds', segment: cmaf.get('segment_duration_seconds') });
    }
    const dash = root.get('dash_package');
    result.push({ resource, service: 'v1', protocol: 'dash', window: dash.get('manifest_window_seconds'), windowApiName: 'ManifestWindowSeconds', segment: dash.get('segment_duration_seconds') });
    const mss = root.get('mss_package');
    result.push({ resource, service: 'v1', protocol: 'mss', window: mss.get('manifest_window_seconds'), windowApiName: 'ManifestWindowSeconds', segment: mss.get('segment_duration_seconds') });
  }
  for (const resource of context.resources('AWS::MediaPackageV2::OriginEndpoint')) {
    const root = Cursor.root(resource);
    const segment = root.at('segment', 'segment_duration_seconds');
    const manifests = [
      { member: 'hls_manifests', protocol: 'hls' as const },
      { member: 'low_latency_hls_manifests', protocol: 'hls' as const },
      { member: 'dash_manifests', protocol: 'dash' as const },
    ];
    for (const { member, protocol } of manifests) {
      for (const manifest of root.get(member).items()) {
        result.push({ resource, service: 'v2', protocol, window: manifest.get('manifest_window_seconds'), windowApiName: 'ManifestWindowSeconds', segment });
      }
    }
  }
  return result.filter((entry) => entry.window.exists);
}

/**
 * The live windows of one protocol that hold fewer than `minimum` segments (both the window and the
 * segment duration known), with the figures their messages name.
 */
export function shortManifestWindows(
  context: ResourceLookup,
  protocol: LiveManifestWindow['protocol'],
  minimum: number,
): Array<{ entry: LiveManifestWindow; data: { property: string; window: number; count: number; segment: number; minimum: number; needed: number } }> {
  return liveManifestWindows(context).flatMap((entry) => {
    if (entry.protocol !== protocol) return [];
    const window = entry.window.number();
    const segment = entry.segment.number();
    if (window === undefined || segment === undefined || segment <= 0 || window >= minimum * segment) return [];
    const property = spellMember(entry.window.segment as string, entry.windowApiName, entry.resource);
    return [{ entry, data: { property, window, count: Math.floor(window / segment), segment, minimum, needed: minimum * segment } }];
  });
}

export type DrmSystem = 'FAIRPLAY' | 'CLEAR_KEY_AES_128' | 'WIDEVINE' | 'PLAYREADY' | 'IRDETO';

/** DRM systems and their system ids [MPv2-UG:encryption-choosing-speke-version]. */
export const drmSystems: ReadonlyArray<{ system: DrmSystem; label: string; systemId: string }> = [
  { system: 'FAIRPLAY', label: 'FairPlay', systemId: '94ce86fb-07ff-4f43-adb8-93d2fa968ca2' },
  { system: 'CLEAR_KEY_AES_128', label: 'ClearKey AES-128', systemId: '3ea8778f-7742-4bf9-b18b-e834b2acbd47' },
  { system: 'WIDEVINE', label: 'Widevine', systemId: 'edef8ba9-79d6-4ace-a3c8-27dcd51d21ed' },
  { system: 'PLAYREADY', label: 'PlayReady', systemId: '9a04f079-9840-4286-ab92-e65be0885f95' },
  { system: 'IRDETO', label: 'Irdeto', systemId: '80a6be7e-1448-4c37-9e70-d5aebe04c8d2' },
];

export function drmSystemLabel(system: DrmSystem): string {
  return drmSystems.find((entry) => entry.system === system)!.label;
}

/** The DRM system of a system id (case-insensitive), if it is one MediaPackage knows. */
export function drmSystemOfId(systemId: string): DrmSystem | undefined {
  const normalized = systemId.trim().toLowerCase();
  return drmSystems.find((entry) => entry.systemId === normalized)?.system;
}

/**
 * The SPEKE version of a v1 key provider: 2 when it has an `EncryptionContractConfiguration`
 * (SPEKE v2 presets), 1 when it certainly has none, undefined when the tool cannot tell.
 */
export function v1SpekeVersion(spekeKeyProvider: Cursor): 1 | 2 | undefined {
  const contract = spekeKeyProvider.get('encryption_contract_configuration');
  if (contract.isMissing) return 1;
  return contract.value?.kind === 'object' ? 2 : undefined;
}

/** Every SPEKE key provider, with the MediaPackage version it belongs to. */
export function spekeKeyProviders(context: ResourceLookup): Array<{ resource: Resource; service: 'v1' | 'v2'; provider: Cursor }> {
  const v1 = mediaPackageV1Packages(context).map((entry) => ({ resource: entry.resource, service: 'v1' as const, provider: entry.encryption.get('speke_key_provider') }));
  const v2 = mediaPackageV2Encryptions(context).map((entry) => ({ resource: entry.resource, service: 'v2' as const, provider: entry.encryption.get('speke_key_provider') }));
  return [...v1, ...v2].filter((entry) => entry.provider.exists);
}

/** Every `ConstantInitializationVector` that is written: v1 HLS and CMAF encryption, v2 segment encryption. */
export function constantInitializationVectors(context: ResourceLookup): Cursor[] {
  const v1 = mediaPackageV1Packages(context).map((entry) => entry.encryption.get('constant_initialization_vector'));
  const v2 = mediaPackageV2Encryptions(context).map((entry) => entry.encryption.get('constant_initialization_vector'));
  return [...v1, ...v2].filter((cursor) => cursor.exists);
}

/**
 * The URL as written when its scheme is known and is not https: a literal, or a partially known
 * string whose known start contains `://` (`http://${Api}.execute-api…`). Undefined otherwise.
 */
export function plainTextSpekeUrl(url: Cursor): string | undefined {
  const prefix = knownPrefix(url.value);
  if (prefix === undefined) return undefined;
  const complete = url.string() !== undefined;
  const separator = prefix.indexOf('://');
  if (separator < 0 && !complete) return undefined;
  if (prefix.toLowerCase().startsWith('https://')) return undefined;
  return complete ? prefix : `${prefix}…`;
}
