import { defineRule } from '../../engine/rule.js';
import { spellMember } from '../support/spelling.js';
import { constantInitializationVectors } from '../support/packaging.js';

const hexadecimal128Bits = /^[0-9a-fA-F]{32}$/;

export default defineRule({
  meta: {
    id: 'packaging/constant-iv-format',
    category: 'packaging',
    severity: 'error',
    description: 'A MediaPackage ConstantInitializationVector that is not 32 hexadecimal characters.',
    details:
      'Checks every known `ConstantInitializationVector` of MediaPackage v1 HLS and CMAF encryption (origin endpoints and VOD packaging configurations) and of MediaPackage v2 segment encryption: it must be a 128-bit value written as exactly 32 hexadecimal characters. An unquoted YAML value made of digits (or starting with `0x`) is read as a number, which loses the value, and is reported too.',
    rationale:
      'The initialization vector is a 16-byte AES block; MediaPackage takes it as 32 hex digits and rejects anything else when the endpoint is created. A `0x` prefix, dashes copied from a UUID, or a 16-character value are the usual slips.',
    messages: {
      malformed: "{{property}} '{{value}}' is not a 128-bit hex value: it must be exactly 32 hexadecimal characters ({{length}} characters given{{detail}}).",
      readAsNumber: '{{property}} is read as the number {{value}}, not as 32 hexadecimal characters; quote the value so that it stays a string.',
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingConfiguration', 'AWS::MediaPackageV2::OriginEndpoint'],
    references: [
      { title: 'AWS CloudFormation: AWS::MediaPackage::OriginEndpoint CmafEncryption (ConstantInitializationVector: pattern [0-9a-fA-F], length 32)', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-mediapackage-originendpoint-cmafencryption.html' },
      { title: 'AWS CloudFormation: AWS::MediaPackageV2::OriginEndpoint Encryption (ConstantInitializationVector: a 128-bit, 16-byte hex value represented by a 32-character string)', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-mediapackagev2-originendpoint-encryption.html' },
    ],
  },
  check(context) {
    for (const cursor of constantInitializationVectors(context)) {
      const property = spellMember('constant_initialization_vector', 'ConstantInitializationVector', cursor.resource);
      const number = cursor.value?.kind === 'known' && typeof cursor.value.value === 'number' ? cursor.value.value : undefined;
      if (number !== undefined) {
        context.report({ at: cursor, messageId: 'readAsNumber', data: { property, value: String(number) } });
        continue;
      }
      const value = cursor.string();
      if (value === undefined || hexadecimal128Bits.test(value)) continue;
      const nonHex = [...value].find((character) => !/[0-9a-fA-F]/.test(character));
      context.report({
        at: cursor,
        messageId: 'malformed',
        data: {
          property,
          value,
          length: value.length,
          detail: nonHex === undefined ? '' : `, including '${nonHex}', which is not hexadecimal`,
        },
      });
    }
  },
});
