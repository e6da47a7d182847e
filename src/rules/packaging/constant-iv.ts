import { defineRule } from '../../engine/rule.js';
import { spellMember } from '../support/spelling.js';
import { constantInitializationVectors, mediaPackageV1Packages, v1SpekeVersion } from '../support/packaging.js';

export default defineRule({
  meta: {
    id: 'packaging/constant-iv',
    category: 'packaging',
    severity: 'info',
    description: 'MediaPackage encryption with a constant initialization vector, or a live endpoint with key rotation turned off.',
    details:
      "Reports every `ConstantInitializationVector` of MediaPackage v1 HLS and CMAF encryption (origin endpoints and VOD packaging configurations) and of MediaPackage v2 segment encryption, and `KeyRotationIntervalSeconds: 0` in the HLS, CMAF or DASH encryption of a MediaPackage v1 origin endpoint that uses SPEKE v1 (with SPEKE v2, MediaPackage v1 requires rotation to be off; v2 rejects 0, which `schema/out-of-range` reports).",
    rationale:
      "Without a constant IV, MediaPackage rotates the initialization vector; with one, every segment is encrypted with the same IV, which gives an observer more material against the key. Key rotation limits how much of a live stream one leaked content key opens; with rotation off, a single key protects the whole event. Both are sometimes required by a player or a DRM vendor; otherwise leave MediaPackage's defaults (rotating IVs, a new key every 60 s on v1).",
    messages: {
      constantIv: '{{property}} sets a constant initialization vector, so every segment is encrypted with the same IV; leave it unset so that MediaPackage rotates the IV, unless a player requires it.',
      rotationDisabled: '{{property}} 0 turns key rotation off on this live endpoint, so one content key protects the whole stream; set a rotation interval (MediaPackage v1 rotates every 60 s by default).',
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingConfiguration', 'AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['MP-009'],
    references: [
      { title: 'MediaPackage user guide: encryption settings of HLS endpoints (constant initialization vector, key rotation)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-hls-encryption.html' },
      { title: 'MediaPackage user guide: content key rotation', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/drm-content-key-rotation.html' },
    ],
  },
  check(context) {
    for (const cursor of constantInitializationVectors(context)) {
      if (cursor.value?.kind === 'unknown') continue;
      context.report({ at: cursor, messageId: 'constantIv', data: { property: spellMember('constant_initialization_vector', 'ConstantInitializationVector', cursor.resource) } });
    }
    for (const entry of mediaPackageV1Packages(context)) {
      if (!entry.live) continue;
      const rotation = entry.encryption.get('key_rotation_interval_seconds');
      // SPEKE v2 endpoints of MediaPackage v1 must turn key rotation off.
      if (rotation.number() !== 0 || v1SpekeVersion(entry.encryption.get('speke_key_provider')) !== 1) continue;
      context.report({ at: rotation, messageId: 'rotationDisabled', data: { property: spellMember('key_rotation_interval_seconds', 'KeyRotationIntervalSeconds', entry.resource) } });
    }
  },
});
