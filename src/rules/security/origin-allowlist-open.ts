import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { describeIpv4BlockSize, isWholeInternet, parseCidr } from '../support/cidr.js';
import { memberLabel } from '../support/labels.js';

export default defineRule({
  meta: {
    id: 'security/origin-allowlist-open',
    category: 'security',
    severity: 'warning',
    description: 'A MediaPackage v1 origin endpoint allowlist that admits the whole internet or a very large address range.',
    details:
      'Checks every entry of `Whitelist` of each `AWS::MediaPackage::OriginEndpoint`: reports `0.0.0.0/0` (and `::/0`) and any IPv4 block whose prefix is shorter than `minimumPrefixLength` (default /8). Entries whose value is not known are not checked.',
    rationale:
      'The allowlist exists to restrict the origin to the CDN (or a few monitoring hosts). A rule that admits the whole internet turns the restriction off while the endpoint still looks protected in review, so players and other sites can pull directly from the origin, bypassing CDN tokens and geo-restrictions.',
    messages: {
      wholeInternet: "{{property}} entry '{{cidr}}' admits every address, which turns the endpoint's IP restriction off; list only the CDN's or your own addresses, or use CDN authorization instead.",
      tooBroad: "{{property}} entry '{{cidr}}' admits {{size}} (a /{{prefix}} block, shorter than /{{minimum}}); narrow it to the CDN's or your own addresses.",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint'],
    sources: ['MP-011'],
    securitySeverity: 5.3,
    options: {
      minimumPrefixLength: { description: 'Shortest IPv4 prefix length accepted in an allowlist entry; a shorter prefix (a larger block) is reported.', default: 8 },
    },
    references: [
      { title: 'MediaPackage API: OriginEndpoint.Whitelist', url: 'https://docs.aws.amazon.com/mediapackage/latest/apireference/origin_endpoints.html' },
      { title: 'MediaPackage user guide: endpoint access control', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/endpoints-hls-access-control.html' },
    ],
  },
  check(context) {
    const minimum = Number(context.options.minimumPrefixLength);
    for (const endpoint of context.resources('AWS::MediaPackage::OriginEndpoint')) {
      for (const entry of Cursor.root(endpoint).get('whitelist').items()) {
        const cidr = entry.string();
        if (cidr === undefined) continue;
        const parsed = parseCidr(cidr);
        const property = memberLabel(entry.parent!);
        if (isWholeInternet(parsed)) context.report({ at: entry, messageId: 'wholeInternet', data: { property, cidr } });
        else if (parsed.kind === 'ipv4' && parsed.prefixLength < minimum) {
          context.report({ at: entry, messageId: 'tooBroad', data: { property, cidr, size: describeIpv4BlockSize(parsed.prefixLength), prefix: parsed.prefixLength, minimum } });
        }
      }
    }
  },
});
