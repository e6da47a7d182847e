import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { spellMember } from '../support/spelling.js';
import {
  drmSystemLabel,
  drmSystemOfId,
  drmSystems,
  mediaPackageV1Packages,
  mediaPackageV2Encryptions,
  v1SpekeVersion,
  type DrmSystem,
  type PackageFormat,
} from '../support/packaging.js';

/** Encryption schemes: HLS/TS methods, and the CENC schemes of CMAF. */
type Scheme = 'AES_128' | 'SAMPLE_AES' | 'cbcs' | 'cenc';

interface Support {
  system: DrmSystem;
  /** Schemes the system works with; any when absent. */
  schemes?: readonly Scheme[];
}

const playReady = 'PLAYREADY';
const widevine = 'WIDEVINE';
const fairPlay = 'FAIRPLAY';
const irdeto = 'IRDETO';
const clearKey = 'CLEAR_KEY_AES_128';

/** MediaPackage v1 with SPEKE v1, live and VOD [MP-UG:encryption-choosing-speke-version]; FairPlay
 * uses SAMPLE-AES [APPLE-HLS 13.2]. */
const v1Speke1: Record<PackageFormat, readonly Support[]> = {
  hls: [{ system: fairPlay, schemes: ['SAMPLE_AES'] }, { system: clearKey }],
  cmaf: [{ system: widevine, schemes: ['cbcs'] }, { system: fairPlay, schemes: ['cbcs'] }],
  dash: [{ system: playReady }, { system: widevine }],
  mss: [{ system: playReady }],
};

/** MediaPackage v1 with SPEKE v2 (CMAF and DASH only in the published matrix). */
const v1Speke2Live: Partial<Record<PackageFormat, readonly Support[]>> = {
  cmaf: [{ system: playReady, schemes: ['cbcs', 'cenc'] }, { system: widevine, schemes: ['cbcs', 'cenc'] }, { system: fairPlay, schemes: ['cbcs'] }],
  dash: [{ system: playReady }, { system: widevine }, { system: irdeto }],
};
const v1Speke2Vod: Partial<Record<PackageFormat, readonly Support[]>> = {
  cmaf: [{ system: playReady, schemes: ['cbcs'] }, { system: widevine, schemes: ['cbcs'] }, { system: fairPlay, schemes: ['cbcs'] }],
  dash: [{ system: playReady }, { system: widevine }, { system: irdeto }],
};

/** MediaPackage v2 containers [MPv2-UG:encryption-choosing-speke-version]. */
const v2Containers: Record<string, readonly Support[]> = {
  TS: [{ system: fairPlay, schemes: ['SAMPLE_AES'] }, { system: clearKey, schemes: ['AES_128'] }],
  CMAF: [{ system: fairPlay, schemes: ['cbcs'] }, { system: widevine, schemes: ['cbcs', 'cenc'] }, { system: playReady, schemes: ['cbcs', 'cenc'] }, { system: irdeto, schemes: ['cenc'] }],
};

const v1PackageNames: Record<PackageFormat, string> = { hls: 'an HLS package', cmaf: 'a CMAF package', dash: 'a DASH package', mss: 'a Microsoft Smooth package' };

/** How a configuration spells a scheme: the enum values of its encryption method member. */
type SchemeSpelling = Partial<Record<Scheme, string>>;
const hlsSpelling: SchemeSpelling = { AES_128: 'AES_128', SAMPLE_AES: 'SAMPLE_AES' };
const v1CmafSpelling: SchemeSpelling = { cbcs: 'SAMPLE_AES', cenc: 'AES_CTR' };
const v2CmafSpelling: SchemeSpelling = { cbcs: 'CBCS', cenc: 'CENC' };

/** One encrypted package to check. */
interface DrmTarget {
  resource: Resource;
  where: string;
  speke: string;
  support: readonly Support[];
  /** The encryption method member and how it spells schemes (absent for packages without one). */
  method?: { cursor: Cursor; apiName: string; spelling: SchemeSpelling };
  /** Each known DRM system with the value that names it. */
  systems: Array<{ system: DrmSystem; cursor: Cursor }>;
  systemsApiName: string;
}

function schemeOf(value: string | undefined, spelling: SchemeSpelling): Scheme | undefined {
  return (Object.keys(spelling) as Scheme[]).find((scheme) => spelling[scheme] === value);
}

function drmTargets(context: Parameters<typeof mediaPackageV1Packages>[0]): DrmTarget[] {
  const targets: DrmTarget[] = [];
  for (const entry of mediaPackageV1Packages(context)) {
    const provider = entry.encryption.get('speke_key_provider');
    if (!provider.exists) continue;
    const version = v1SpekeVersion(provider);
    if (version === undefined) continue;
    const support = version === 1 ? v1Speke1[entry.format] : (entry.live ? v1Speke2Live : v1Speke2Vod)[entry.format];
    if (!support) continue;
    const methodCursor = entry.encryption.get('encryption_method');
    const spelling = entry.format === 'hls' ? hlsSpelling : entry.format === 'cmaf' ? v1CmafSpelling : undefined;
    const systems = provider
      .get('system_ids')
      .items()
      .flatMap((cursor) => {
        const id = cursor.string();
        const system = id === undefined ? undefined : drmSystemOfId(id);
        return system ? [{ system, cursor }] : [];
      });
    targets.push({
      resource: entry.resource,
      where: v1PackageNames[entry.format],
      speke: `SPEKE v${version}`,
      support,
      ...(spelling && methodCursor.exists ? { method: { cursor: methodCursor, apiName: 'EncryptionMethod', spelling } } : {}),
      systems,
      systemsApiName: 'SystemIds',
    });
  }
  for (const { resource, encryption } of mediaPackageV2Encryptions(context)) {
    const containerType = Cursor.root(resource).get('container_type').string();
    const support = containerType === undefined ? undefined : v2Containers[containerType];
    if (!support) continue;
    const methods = encryption.get('encryption_method');
    const method =
      containerType === 'TS'
        ? { cursor: methods.get('ts_encryption_method'), apiName: 'TsEncryptionMethod', spelling: hlsSpelling }
        : { cursor: methods.get('cmaf_encryption_method'), apiName: 'CmafEncryptionMethod', spelling: v2CmafSpelling };
    const known = new Set<string>(drmSystems.map((entry) => entry.system));
    const systems = encryption
      .at('speke_key_provider', 'drm_systems')
      .items()
      .flatMap((cursor) => {
        const system = cursor.string();
        return system !== undefined && known.has(system) ? [{ system: system as DrmSystem, cursor }] : [];
      });
    targets.push({
      resource,
      where: `the ${containerType} container`,
      speke: 'SPEKE v2',
      support,
      ...(method.cursor.exists ? { method } : {}),
      systems,
      systemsApiName: 'DrmSystems',
    });
  }
  return targets;
}

export default defineRule({
  meta: {
    id: 'packaging/drm-container',
    category: 'packaging',
    severity: 'error',
    description: 'A MediaPackage DRM system that the container, encryption method or SPEKE version does not support.',
    details:
      "Checks the DRM systems of every encrypted MediaPackage package against the published support matrices. MediaPackage v1 (origin endpoints and VOD packaging configurations), by the `SystemIds` of the SPEKE key provider, with SPEKE v1 (no `EncryptionContractConfiguration`): HLS takes FairPlay (with `SAMPLE_AES`) and AES-128; CMAF takes Widevine and FairPlay, cbcs only (`SAMPLE_AES`); DASH takes PlayReady and Widevine; Microsoft Smooth takes PlayReady; Irdeto is never supported. With SPEKE v2: CMAF takes PlayReady and Widevine (cbcs or cenc live, cbcs for VOD) and FairPlay (cbcs); DASH takes PlayReady, Widevine and Irdeto. MediaPackage v2, by `DrmSystems`: the TS container takes FairPlay (`SAMPLE_AES`) and ClearKey AES-128 (`AES_128`); the CMAF container takes FairPlay (`CBCS`), Widevine and PlayReady (`CBCS` or `CENC`) and Irdeto (`CENC`). Combinations the matrices do not cover (HLS or Smooth with SPEKE v2 on v1, the ISM container) and unknown system ids are not checked.",
    rationale:
      'A DRM system only works with the encryption its clients decrypt: FairPlay needs SAMPLE-AES or cbcs, PlayReady and Widevine need CENC boxes that a TS segment cannot carry, DASH has no FairPlay client. MediaPackage rejects unsupported combinations when the endpoint is created, or, where it accepts them, players cannot get a licence for the content.',
    messages: {
      unsupportedSystem: '{{system}} is not supported in {{where}} with {{speke}} (supported: {{supported}}); remove it from {{property}}, or serve {{system}} from a package that supports it.',
      unsupportedScheme: '{{system}} in {{where}} with {{speke}} needs {{required}} encryption, but {{property}} is {{method}}; set {{property}} to {{requiredValue}}.',
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingConfiguration', 'AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['MP-006', 'HLS-021'],
    references: [
      { title: 'MediaPackage user guide: choosing the right SPEKE version (support matrix)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/encryption-choosing-speke-version.html' },
      { title: 'MediaPackage v2 user guide: container and DRM system support with SPEKE', url: 'https://docs.aws.amazon.com/mediapackage/latest/userguide/encryption-choosing-speke-version.html' },
      { title: 'Apple: HLS authoring specification for Apple devices, 13.2 (FairPlay uses SAMPLE-AES)', url: 'https://developer.apple.com/documentation/http-live-streaming/hls-authoring-specification-for-apple-devices' },
    ],
  },
  check(context) {
    for (const target of drmTargets(context)) {
      const supported = target.support.map((entry) => drmSystemLabel(entry.system)).join(', ');
      for (const { system, cursor } of target.systems) {
        const entry = target.support.find((candidate) => candidate.system === system);
        if (!entry) {
          context.report({
            at: cursor,
            messageId: 'unsupportedSystem',
            data: { system: drmSystemLabel(system), where: target.where, speke: target.speke, supported, property: spellMember(target.systemsApiName === 'SystemIds' ? 'system_ids' : 'drm_systems', target.systemsApiName, target.resource) },
          });
          continue;
        }
        if (!entry.schemes || !target.method) continue;
        const method = target.method.cursor.string();
        const scheme = schemeOf(method, target.method.spelling);
        if (method === undefined || scheme === undefined || entry.schemes.includes(scheme)) continue;
        const required = entry.schemes[0]!;
        const property = spellMember(target.method.cursor.segment as string, target.method.apiName, target.resource);
        context.report({
          at: target.method.cursor,
          messageId: 'unsupportedScheme',
          data: {
            system: drmSystemLabel(system),
            where: target.where,
            speke: target.speke,
            required: entry.schemes.map((candidate) => candidate.replace('_', '-')).join(' or '),
            property,
            method,
            requiredValue: target.method.spelling[required] ?? required,
          },
        });
      }
    }
  },
});
