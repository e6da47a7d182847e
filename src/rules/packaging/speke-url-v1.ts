import { defineRule } from '../../engine/rule.js';
import { spellMember } from '../support/spelling.js';
import { plainTextSpekeUrl, spekeKeyProviders } from '../support/packaging.js';

export default defineRule({
  meta: {
    id: 'packaging/speke-url-v1',
    category: 'packaging',
    severity: 'warning',
    description: 'A MediaPackage v1 SPEKE key provider URL that does not use https://.',
    details:
      "Checks `SpekeKeyProvider.Url` of the HLS, CMAF, DASH and Microsoft Smooth encryption of MediaPackage v1 origin endpoints and VOD packaging configurations. A URL whose scheme is known (a literal, or an `Fn::Sub` whose text before the first variable contains `://`) should start with `https://`.",
    rationale:
      'The SPEKE key provider returns the content keys that protect the stream. MediaPackage v1 accepts an http:// URL, but then the keys travel in clear between MediaPackage and the key server, and anyone on the path can decrypt the content. The SPEKE reference architecture puts an HTTPS API Gateway in front of the key server.',
    messages: {
      notHttps: "SPEKE {{property}} '{{url}}' is not https://: content keys would travel in clear between MediaPackage and the key server; use the https:// URL of the key provider's API Gateway.",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingConfiguration'],
    sources: ['MP-008'],
    securitySeverity: 7.5,
    references: [
      { title: 'MediaPackage user guide: encryption settings of HLS endpoints (SPEKE URL)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-hls-encryption.html' },
      { title: 'SPEKE API specification', url: 'https://docs.aws.amazon.com/speke/latest/documentation/speke-api-specification.html' },
    ],
  },
  check(context) {
    for (const { resource, service, provider } of spekeKeyProviders(context)) {
      if (service !== 'v1') continue;
      const url = provider.get('url');
      const shown = plainTextSpekeUrl(url);
      if (shown === undefined) continue;
      context.report({ at: url, messageId: 'notHttps', data: { property: spellMember('url', 'Url', resource), url: shown } });
    }
  },
});
