import { defineRule } from '../../engine/rule.js';
import { spellMember } from '../support/spelling.js';
import { plainTextSpekeUrl, spekeKeyProviders } from '../support/packaging.js';

export default defineRule({
  meta: {
    id: 'packaging/speke-url',
    category: 'packaging',
    severity: 'error',
    description: 'A MediaPackage v2 SPEKE key provider URL that does not start with https://.',
    details:
      "Checks `Segment.Encryption.SpekeKeyProvider.Url` of every MediaPackage v2 origin endpoint. A URL whose scheme is known (a literal, or an `Fn::Sub` whose text before the first variable contains `://`) must start with `https://`. MediaPackage v1 key providers are `packaging/speke-url-v1`'s.",
    rationale:
      'The SPEKE key provider returns the content keys that protect the stream. The MediaPackage v2 API requires the URL to start with https:// and rejects the endpoint otherwise; plain HTTP would expose the keys to anyone on the path.',
    messages: {
      notHttps: "SPEKE {{property}} '{{url}}' does not start with https://; MediaPackage v2 requires an HTTPS key provider URL; use the https:// URL of the API Gateway in front of the key server.",
    },
    appliesTo: ['AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['MP-008'],
    references: [
      { title: 'AWS CloudFormation: AWS::MediaPackageV2::OriginEndpoint SpekeKeyProvider', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-mediapackagev2-originendpoint-spekekeyprovider.html' },
      { title: 'SPEKE API specification', url: 'https://docs.aws.amazon.com/speke/latest/documentation/speke-api-specification.html' },
    ],
  },
  check(context) {
    for (const { resource, service, provider } of spekeKeyProviders(context)) {
      if (service !== 'v2') continue;
      const url = provider.get('url');
      const shown = plainTextSpekeUrl(url);
      if (shown === undefined) continue;
      context.report({ at: url, messageId: 'notHttps', data: { property: spellMember('url', 'Url', resource), url: shown } });
    }
  },
});
