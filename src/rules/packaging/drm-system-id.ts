import { defineRule } from '../../engine/rule.js';
import { closestMatch } from '../support/suggest.js';
import { spellMember } from '../support/spelling.js';
import { drmSystemOfId, drmSystems, mediaPackageV1Packages } from '../support/packaging.js';

export default defineRule({
  meta: {
    id: 'packaging/drm-system-id',
    category: 'packaging',
    severity: 'warning',
    description: 'A MediaPackage v1 SPEKE system id that is not the id of a DRM system MediaPackage supports.',
    details:
      "Checks every known entry of `SpekeKeyProvider.SystemIds` of MediaPackage v1 origin endpoints and VOD packaging configurations against the DRM system ids MediaPackage documents: FairPlay `94ce86fb-07ff-4f43-adb8-93d2fa968ca2`, ClearKey AES-128 `3ea8778f-7742-4bf9-b18b-e834b2acbd47`, Widevine `edef8ba9-79d6-4ace-a3c8-27dcd51d21ed`, PlayReady `9a04f079-9840-4286-ab92-e65be0885f95`, Irdeto `80a6be7e-1448-4c37-9e70-d5aebe04c8d2` (compared without regard to case), and suggests the closest one.",
    rationale:
      'System ids are 36-character UUIDs copied by hand between DRM vendor documentation and templates. A mistyped id is passed to the key server in the CPIX request, which returns no key for it: the endpoint deploys, and the DRM fails at playback for every client of that system.',
    messages: {
      unknownSystemId: "{{property}} entry '{{id}}' is not the id of a DRM system MediaPackage supports; did you mean '{{suggestion}}' ({{system}})?",
      unknownSystemIdNoSuggestion: "{{property}} entry '{{id}}' is not the id of a DRM system MediaPackage supports ({{known}}).",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingConfiguration'],
    sources: ['MP-007'],
    references: [
      { title: 'MediaPackage v2 user guide: supported DRM system IDs', url: 'https://docs.aws.amazon.com/mediapackage/latest/userguide/encryption-choosing-speke-version.html' },
      { title: 'DASH-IF: registered DRM system ids', url: 'https://dashif.org/identifiers/content_protection/' },
    ],
  },
  check(context) {
    const ids = drmSystems.map((entry) => entry.systemId);
    for (const entry of mediaPackageV1Packages(context)) {
      const systemIds = entry.encryption.at('speke_key_provider', 'system_ids');
      for (const cursor of systemIds.items()) {
        const id = cursor.string();
        if (id === undefined || drmSystemOfId(id)) continue;
        const property = spellMember('system_ids', 'SystemIds', entry.resource);
        const suggestion = closestMatch(id.trim().toLowerCase(), ids);
        if (suggestion) {
          const system = drmSystems.find((candidate) => candidate.systemId === suggestion)!.label;
          context.report({ at: cursor, messageId: 'unknownSystemId', data: { property, id, suggestion, system } });
        } else {
          const known = drmSystems.map((candidate) => `${candidate.label} ${candidate.systemId}`).join(', ');
          context.report({ at: cursor, messageId: 'unknownSystemIdNoSuggestion', data: { property, id, known } });
        }
      }
    }
  },
});
