import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { actionMatches, isAllow, policyStatements, principalIsEveryone, stringOrStrings } from '../support/iam.js';
import { memberLabel } from '../support/labels.js';

/** CloudFormation and Terraform (awscc) spellings of the MediaPackage v2 endpoint policy, which media-lint does not model. */
const endpointPolicyTypes = ['AWS::MediaPackageV2::OriginEndpointPolicy', 'awscc_mediapackagev2_origin_endpoint_policy'];

export default defineRule({
  meta: {
    id: 'security/origin-unprotected',
    category: 'security',
    severity: 'warning',
    description: 'A MediaPackage origin that serves content to anyone: no CDN authorization and no IP allowlist (v1), or a public endpoint policy without CDN authorization (v2).',
    details:
      'MediaPackage v1: reports an `AWS::MediaPackage::OriginEndpoint` with neither `Authorization` (CDN authorization) nor a non-empty `Whitelist`, unless `Origination` is `DENY`, and an `AWS::MediaPackage::PackagingGroup` (VOD) without `Authorization`. MediaPackage v2: an origin endpoint without a policy is private (only signed requests of the account are served), so it is not reported; instead the rule reports an `AWS::MediaPackageV2::OriginEndpointPolicy` that allows `mediapackagev2:GetObject` (or a wildcard that covers it) to every principal (`"*"`) without a `Condition` and has no `CdnAuthConfiguration`. Policies written as JSON strings are not read.',
    rationale:
      'An origin endpoint that answers everyone can be played directly, bypassing the CDN: viewers or other sites can hotlink it, geo-restrictions and tokens at the CDN no longer apply, and the origin pays the egress. MediaPackage offers CDN authorization (a secret header checked on every request, stored in Secrets Manager) and, on v1, an IP allowlist; on v2 the endpoint policy decides who may read.',
    messages: {
      v1Endpoint: "Origin endpoint '{{endpoint}}' has no {{authorization}} and no {{whitelist}}, so anyone who learns its URL can play it without going through the CDN; enable CDN authorization (a secret header held in Secrets Manager) or restrict the endpoint to the CDN's addresses.",
      packagingGroup: "Packaging group '{{group}}' has no {{authorization}}, so its VOD assets play for anyone who learns their URLs; enable CDN authorization with a secret header held in Secrets Manager.",
      v2Policy: "This policy lets every principal ('*') call {{action}} on the origin endpoint without a Condition, and the policy has no {{cdnAuth}}: anyone can play the endpoint directly. Add {{cdnAuth}}, or grant only the CDN (for CloudFront: the cloudfront.amazonaws.com principal with an AWS:SourceArn condition).",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingGroup', 'AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['MP-010'],
    securitySeverity: 5.3,
    references: [
      { title: 'MediaPackage user guide: CDN authorization', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/cdn-auth.html' },
      { title: 'MediaPackage user guide: endpoint access control (allowlist)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-hls-access-control.html' },
      { title: 'MediaPackage v2 user guide: origin endpoint authorization', url: 'https://docs.aws.amazon.com/mediapackage/latest/userguide/endpoint-auth.html' },
      { title: 'Amazon CloudFront: restrict access to a MediaPackage v2 origin', url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html' },
    ],
  },
  check(context) {
    for (const endpoint of context.resources('AWS::MediaPackage::OriginEndpoint')) {
      const root = Cursor.root(endpoint);
      const authorization = root.get('authorization');
      const whitelist = root.get('whitelist');
      const origination = root.get('origination');
      if (!authorization.isMissing || !(origination.isMissing || origination.string() === 'ALLOW')) continue;
      const noAllowlist = whitelist.isMissing || (whitelist.value?.kind === 'list' && !whitelist.value.open && whitelist.value.items.length === 0);
      if (!noAllowlist) continue;
      context.report({
        at: root,
        messageId: 'v1Endpoint',
        data: { endpoint: root.get('id').string() ?? endpoint.address, authorization: memberLabel(authorization), whitelist: memberLabel(whitelist) },
      });
    }
    for (const group of context.resources('AWS::MediaPackage::PackagingGroup')) {
      const root = Cursor.root(group);
      const authorization = root.get('authorization');
      if (!authorization.isMissing) continue;
      context.report({ at: root, messageId: 'packagingGroup', data: { group: root.get('id').string() ?? group.address, authorization: memberLabel(authorization) } });
    }
    for (const type of endpointPolicyTypes) {
      for (const policy of context.resources(type)) {
        const root = Cursor.root(policy);
        const cdnAuth = root.get('cdn_auth_configuration');
        if (!cdnAuth.isMissing) continue;
        for (const statement of policyStatements(root.get('policy'))) {
          if (!isAllow(statement) || !principalIsEveryone(statement) || !statement.get('condition').isMissing) continue;
          const actionCursor = statement.get('action');
          const actions = stringOrStrings(actionCursor);
          const reading = actions?.find((action) => actionMatches(action, 'mediapackagev2:GetObject'));
          if (reading === undefined) continue;
          context.report({ at: actionCursor, messageId: 'v2Policy', data: { action: reading, cdnAuth: memberLabel(cdnAuth) } });
        }
      }
    }
  },
});
