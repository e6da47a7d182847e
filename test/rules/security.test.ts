import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { allRules } from '../../src/rules/index.js';
import { credentialFormat, looksGenerated, namesASecret, passwordAssignment, streamKeyFormat, urlCredentials } from '../../src/rules/support/secrets.js';
import { knownValue } from '../../src/graph/value.js';
import { fixtureFindings, lintPaths, summarize } from '../support/lint.js';

/** The findings of every rule of a category for one fixture. */
async function categoryFindings(fixture: string, category: string) {
  const onlyRules = allRules.filter((rule) => rule.meta.category === category).map((rule) => rule.meta.id);
  const { report } = await lintPaths([`fixtures/${fixture}`], { onlyRules });
  return report.findings.filter((finding) => finding.ruleId.startsWith(`${category}/`)).map(summarize);
}

describe('security/input-security-group-open', () => {
  it('reports 0.0.0.0/0 and blocks larger than /8', async () => {
    expect(await fixtureFindings('cloudformation/security/input-security-group-open/fail.yaml', 'security/input-security-group-open')).toEqual([
      { ruleId: 'security/input-security-group-open', line: 9, column: 17, message: "Cidr '0.0.0.0/0' admits every address on the internet, so anyone can push a stream into the inputs that use this group; list the contribution encoders' public addresses instead (for example 203.0.113.10/32)." },
      { ruleId: 'security/input-security-group-open', line: 10, column: 17, message: "Cidr '64.0.0.0/4' admits 268,435,456 addresses (a /4 block, shorter than /8); narrow it to the contribution encoders' public addresses." },
    ]);
  });

  it('accepts narrow blocks', async () => {
    expect(await fixtureFindings('cloudformation/security/input-security-group-open/pass.yaml', 'security/input-security-group-open')).toEqual([]);
  });
});

describe('security/input-security-group-invalid', () => {
  it('reports more than 10 rules, IPv6, a missing mask and malformed blocks', async () => {
    expect(await fixtureFindings('cloudformation/security/input-security-group-invalid/fail.yaml', 'security/input-security-group-invalid')).toEqual([
      { ruleId: 'security/input-security-group-invalid', line: 7, column: 7, message: "WhitelistRules has 11 rules; an input security group holds at most 10. Merge adjacent addresses into larger blocks or split the sources across two groups (an input can use several)." },
      { ruleId: 'security/input-security-group-invalid', line: 23, column: 17, message: "Cidr '2001:db8:4000::/48' is an IPv6 address or block; input security groups accept only IPv4 CIDR blocks such as 203.0.113.0/24." },
      { ruleId: 'security/input-security-group-invalid', line: 24, column: 17, message: "Cidr '203.0.113.10' has no prefix length; write the block with its mask, for example '203.0.113.10/32' for the single address." },
      { ruleId: 'security/input-security-group-invalid', line: 25, column: 17, message: "Cidr '203.0.113.300/24' is not an IPv4 CIDR block: the octet 300 is larger than 255; write it as a.b.c.d/n, for example 203.0.113.0/24." },
      { ruleId: 'security/input-security-group-invalid', line: 26, column: 17, message: "Cidr '192.0.2.0/33' is not an IPv4 CIDR block: the prefix length '/33' is not a number from 0 to 32; write it as a.b.c.d/n, for example 203.0.113.0/24." },
    ]);
  });

  it('accepts up to 10 IPv4 CIDR blocks', async () => {
    expect(await fixtureFindings('cloudformation/security/input-security-group-invalid/pass.yaml', 'security/input-security-group-invalid')).toEqual([]);
  });
});

describe('security/push-input-without-security-group', () => {
  it('reports an RTMP push input and an SRT listener without input security groups', async () => {
    expect(await fixtureFindings('cloudformation/security/push-input-without-security-group/fail.yaml', 'security/push-input-without-security-group')).toEqual([
      { ruleId: 'security/push-input-without-security-group', line: 8, column: 13, message: "RTMP_PUSH input 'studio-rtmp' has no InputSecurityGroups: its public endpoint would accept a stream from anyone. Attach an input security group that lists the contribution encoders' addresses." },
      { ruleId: 'security/push-input-without-security-group', line: 16, column: 13, message: "SRT_LISTENER input 'remote-srt' has no InputSecurityGroups, which SRT listener inputs require; attach an input security group that lists the addresses of the SRT callers." },
    ]);
  });

  it('accepts a push input with a group and a VPC push input without one', async () => {
    expect(await fixtureFindings('cloudformation/security/push-input-without-security-group/pass.yaml', 'security/push-input-without-security-group')).toEqual([]);
  });
});

describe('security/inline-credentials', () => {
  it('reports a password in a URL, a generated password, a dynamic reference and an invalid name in PasswordParam', async () => {
    expect(await fixtureFindings('cloudformation/security/inline-credentials/fail.yaml', 'security/inline-credentials')).toEqual([
      { ruleId: 'security/inline-credentials', line: 10, column: 16, message: "Url 'https://medialive:****@origin-a.partner.example.com/live/master.m3u8' carries the password of user 'medialive' in the URL; MediaLive requires credentials to stay out of URLs. Remove them, set Username, and put the password in an SSM SecureString parameter named by PasswordParam." },
      { ruleId: 'security/inline-credentials', line: 13, column: 26, message: "PasswordParam 'Xk9…' (20 characters) looks like a generated password rather than the name of an SSM parameter; store the password in an SSM SecureString parameter and give the parameter's name (for example '/medialive/ingest-password')." },
      { ruleId: 'security/inline-credentials', line: 28, column: 30, message: "PasswordParam uses the dynamic reference '{{resolve:ssm-secure:…}}', which makes CloudFormation write the password itself into the property; give the name of the SSM SecureString parameter instead (for example '/medialive/ingest-password')." },
      { ruleId: 'security/inline-credentials', line: 31, column: 30, message: "PasswordParam 'web…' (17 characters) is not an SSM parameter name (it contains a space and '!', which parameter names cannot), so MediaLive cannot read a password from it; if it is the password itself, move it into an SSM SecureString parameter and give the parameter's name." },
    ]);
  });

  it('accepts parameter names and ARNs', async () => {
    expect(await fixtureFindings('cloudformation/security/inline-credentials/pass.yaml', 'security/inline-credentials')).toEqual([]);
  });
});

describe('security/stream-key-in-plaintext', () => {
  it('reports platform stream keys in StreamName and URLs, and literal SRT passphrases', async () => {
    expect(await fixtureFindings('cloudformation/security/stream-key-in-plaintext/fail.yaml', 'security/stream-key-in-plaintext')).toEqual([
      { ruleId: 'security/stream-key-in-plaintext', line: 16, column: 36, message: "PassphraseSecretArn is 'cor…' (28 characters), which is not a Secrets Manager ARN; if it is the passphrase itself, store it in AWS Secrets Manager and give the secret's ARN (arn:aws:secretsmanager:…)." },
      { ruleId: 'security/stream-key-in-plaintext', line: 30, column: 27, message: "StreamName of destination 'youtube' is 'x7k…' (24 characters), which looks like a YouTube stream key; keep stream keys out of the configuration: resolve it from AWS Secrets Manager at deploy time (a CloudFormation dynamic reference or a sensitive Terraform variable) and rotate the key that was committed." },
      { ruleId: 'security/stream-key-in-plaintext', line: 33, column: 20, message: "Url 'rtmps://live.twitch.tv/app/****' contains 'liv…' (45 characters), which looks like a Twitch stream key; move the key into StreamName and resolve it from AWS Secrets Manager at deploy time, then rotate the key that was committed." },
      { ruleId: 'security/stream-key-in-plaintext', line: 37, column: 46, message: "EncryptionPassphraseSecretArn is 'Sup…' (24 characters), which is not a Secrets Manager ARN; if it is the passphrase itself, store it in AWS Secrets Manager and give the secret's ARN (arn:aws:secretsmanager:…)." },
    ]);
  });

  it('accepts keys from secrets and parameters, and ordinary stream names', async () => {
    expect(await fixtureFindings('cloudformation/security/stream-key-in-plaintext/pass.yaml', 'security/stream-key-in-plaintext')).toEqual([]);
  });
});

describe('security/rtmp-plaintext', () => {
  it('reports rtmp:// destinations and SELF_SIGNED RTMPS outputs', async () => {
    expect(await fixtureFindings('cloudformation/security/rtmp-plaintext/fail.yaml', 'security/rtmp-plaintext')).toEqual([
      { ruleId: 'security/rtmp-plaintext', line: 20, column: 20, message: "Url 'rtmp://live-api-s.facebook.com:80/…' sends the stream and its key unencrypted; use the platform's rtmps:// ingest URL (most platforms offer one on port 443)." },
      { ruleId: 'security/rtmp-plaintext', line: 22, column: 20, message: "Url 'rtmp://live-api-s.facebook.com:80/…' sends the stream and its key unencrypted; use the platform's rtmps:// ingest URL (most platforms offer one on port 443)." },
      { ruleId: 'security/rtmp-plaintext', line: 62, column: 38, message: "CertificateMode is SELF_SIGNED for the RTMPS destination 'rtmps://ingest-a.cdn.example.com/…', so MediaLive accepts any certificate, including a man-in-the-middle's; use VERIFY_AUTHENTICITY unless the server really has a self-signed certificate." },
    ]);
  });

  it('accepts RTMPS with certificate verification', async () => {
    expect(await fixtureFindings('cloudformation/security/rtmp-plaintext/pass.yaml', 'security/rtmp-plaintext')).toEqual([]);
  });
});

describe('security/srt-output-unencrypted', () => {
  it('reports SRT destinations without a passphrase secret', async () => {
    expect(await fixtureFindings('cloudformation/security/srt-output-unencrypted/fail.yaml', 'security/srt-output-unencrypted')).toEqual([
      { ruleId: 'security/srt-output-unencrypted', line: 13, column: 20, message: "SRT destination 'partner' (srt://203.0.113.40:7001) has no EncryptionPassphraseSecretArn; MediaLive encrypts SRT output with a passphrase kept in AWS Secrets Manager, so create the secret and give its ARN here (the receiver needs the same passphrase)." },
      { ruleId: 'security/srt-output-unencrypted', line: 14, column: 20, message: "SRT destination 'partner' (srt://203.0.113.41:7001) has no EncryptionPassphraseSecretArn; MediaLive encrypts SRT output with a passphrase kept in AWS Secrets Manager, so create the secret and give its ARN here (the receiver needs the same passphrase)." },
    ]);
  });

  it('accepts SRT destinations with a passphrase secret', async () => {
    expect(await fixtureFindings('cloudformation/security/srt-output-unencrypted/pass.yaml', 'security/srt-output-unencrypted')).toEqual([]);
  });
});

describe('security/origin-unprotected', () => {
  it('reports a v1 endpoint and a packaging group without CDN authorization or allowlist, and a public v2 policy', async () => {
    expect(await fixtureFindings('cloudformation/security/origin-unprotected/fail.yaml', 'security/origin-unprotected')).toEqual([
      { ruleId: 'security/origin-unprotected', line: 12, column: 3, message: "Origin endpoint 'live-hls' has no Authorization and no Whitelist, so anyone who learns its URL can play it without going through the CDN; enable CDN authorization (a secret header held in Secrets Manager) or restrict the endpoint to the CDN's addresses." },
      { ruleId: 'security/origin-unprotected', line: 20, column: 3, message: "Packaging group 'vod-packaging' has no Authorization, so its VOD assets play for anyone who learns their URLs; enable CDN authorization with a secret header held in Secrets Manager." },
      { ruleId: 'security/origin-unprotected', line: 58, column: 21, message: "This policy lets every principal ('*') call mediapackagev2:GetObject on the origin endpoint without a Condition, and the policy has no CdnAuthConfiguration: anyone can play the endpoint directly. Add CdnAuthConfiguration, or grant only the CDN (for CloudFront: the cloudfront.amazonaws.com principal with an AWS:SourceArn condition)." },
    ]);
  });

  it('accepts CDN authorization, an allowlist and a v2 policy scoped to CloudFront', async () => {
    expect(await fixtureFindings('cloudformation/security/origin-unprotected/pass.yaml', 'security/origin-unprotected')).toEqual([]);
  });
});

describe('security/origin-allowlist-open', () => {
  it('reports 0.0.0.0/0 and blocks larger than /8 in a v1 allowlist', async () => {
    expect(await fixtureFindings('cloudformation/security/origin-allowlist-open/fail.yaml', 'security/origin-allowlist-open')).toEqual([
      { ruleId: 'security/origin-allowlist-open', line: 19, column: 11, message: "Whitelist entry '0.0.0.0/0' admits every address, which turns the endpoint's IP restriction off; list only the CDN's or your own addresses, or use CDN authorization instead." },
      { ruleId: 'security/origin-allowlist-open', line: 20, column: 11, message: "Whitelist entry '16.0.0.0/5' admits 134,217,728 addresses (a /5 block, shorter than /8); narrow it to the CDN's or your own addresses." },
    ]);
  });

  it('accepts narrow allowlists', async () => {
    expect(await fixtureFindings('cloudformation/security/origin-allowlist-open/pass.yaml', 'security/origin-allowlist-open')).toEqual([]);
  });
});

describe('security/logging-disabled', () => {
  it('reports LogLevel DISABLED', async () => {
    expect(await fixtureFindings('cloudformation/security/logging-disabled/fail.yaml', 'security/logging-disabled')).toEqual([
      { ruleId: 'security/logging-disabled', line: 9, column: 17, message: "LogLevel is DISABLED, so the channel writes no logs to CloudWatch Logs; set it to ERROR or WARNING (INFO while commissioning) to keep a record of input loss, failovers and output errors." },
    ]);
  });

  it('accepts a log level', async () => {
    expect(await fixtureFindings('cloudformation/security/logging-disabled/pass.yaml', 'security/logging-disabled')).toEqual([]);
  });
});

describe('security/logging-unset', () => {
  it('reports a channel without LogLevel', async () => {
    expect(await fixtureFindings('cloudformation/security/logging-unset/fail.yaml', 'security/logging-unset')).toEqual([
      { ruleId: 'security/logging-unset', line: 4, column: 3, message: "Channel 'live' does not set LogLevel, so MediaLive writes no channel logs (the default is DISABLED); set LogLevel: ERROR or WARNING to keep a record of input loss, failovers and output errors." },
    ]);
  });

  it('accepts a channel that sets LogLevel', async () => {
    expect(await fixtureFindings('cloudformation/security/logging-unset/pass.yaml', 'security/logging-unset')).toEqual([]);
  });
});

describe('security/kvs-default-encryption-key', () => {
  it('reports streams without KmsKeyId or with the AWS managed key', async () => {
    expect(await fixtureFindings('cloudformation/security/kvs-default-encryption-key/fail.yaml', 'security/kvs-default-encryption-key')).toEqual([
      { ruleId: 'security/kvs-default-encryption-key', line: 4, column: 3, message: "Stream 'lobby-camera' has no KmsKeyId, so its video is encrypted with the AWS managed key aws/kinesisvideo, whose policy you cannot control; set KmsKeyId to a customer managed KMS key if your policy requires one." },
      { ruleId: 'security/kvs-default-encryption-key', line: 16, column: 17, message: "KmsKeyId 'alias/aws/kinesisvideo' is the AWS managed key, whose policy you cannot control; use a customer managed KMS key if your policy requires one." },
    ]);
  });

  it('accepts customer managed keys', async () => {
    expect(await fixtureFindings('cloudformation/security/kvs-default-encryption-key/pass.yaml', 'security/kvs-default-encryption-key')).toEqual([]);
  });
});

describe('security/mediaconvert-public-acl', () => {
  it('reports PUBLIC_READ and AUTHENTICATED_READ', async () => {
    expect(await fixtureFindings('cloudformation/security/mediaconvert-public-acl/fail.yaml', 'security/mediaconvert-public-acl')).toEqual([
      { ruleId: 'security/mediaconvert-public-acl', line: 20, column: 34, message: "CannedAcl is PUBLIC_READ, so every output of this group can be read by anyone on the internet (and the job fails on buckets that block public access); keep objects private and serve them through a CDN, using BUCKET_OWNER_FULL_CONTROL when writing to another account's bucket." },
      { ruleId: 'security/mediaconvert-public-acl', line: 35, column: 34, message: "CannedAcl is AUTHENTICATED_READ, which lets any AWS account, not just yours, read the outputs; keep objects private (BUCKET_OWNER_FULL_CONTROL when writing to another account's bucket)." },
    ]);
  });

  it('accepts private canned ACLs', async () => {
    expect(await fixtureFindings('cloudformation/security/mediaconvert-public-acl/pass.yaml', 'security/mediaconvert-public-acl')).toEqual([]);
  });
});

describe('security/mediaconvert-unencrypted-output', () => {
  it('reports an S3 output group without encryption settings', async () => {
    expect(await fixtureFindings('cloudformation/security/mediaconvert-unencrypted-output/fail.yaml', 'security/mediaconvert-unencrypted-output')).toEqual([
      { ruleId: 'security/mediaconvert-unencrypted-output', line: 16, column: 30, message: "Output group 'Streaming' writes to 's3://vod-output-bucket/hls/' without Encryption, so the objects get only the bucket's default encryption; set DestinationSettings.S3Settings.Encryption with EncryptionType SERVER_SIDE_ENCRYPTION_KMS and a KmsKeyArn (or configure default encryption on the bucket in this template)." },
    ]);
  });

  it('accepts SSE-KMS and buckets of the template with default encryption', async () => {
    expect(await fixtureFindings('cloudformation/security/mediaconvert-unencrypted-output/pass.yaml', 'security/mediaconvert-unencrypted-output')).toEqual([]);
  });

  it('names a group without a name by its position, counting from 1', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'media-lint-unencrypted-'));
    try {
      const groups = ['Streaming', undefined].map((name) =>
        [
          ...(name ? [`          - Name: ${name}`, '            OutputGroupSettings:'] : ['          - OutputGroupSettings:']),
          '              Type: FILE_GROUP_SETTINGS',
          '              FileGroupSettings:',
          `                Destination: s3://out/${name ?? 'unnamed'}/`,
          '            Outputs: []',
        ].join('\n'),
      );
      const template = ['Resources:', '  Template:', '    Type: AWS::MediaConvert::JobTemplate', '    Properties:', '      Name: t', '      SettingsJson:', '        OutputGroups:', ...groups].join('\n');
      writeFileSync(join(directory, 'template.yaml'), `${template}\n`);
      const { report } = await lint({ paths: ['template.yaml'], cwd: directory, onlyRules: ['security/mediaconvert-unencrypted-output'] });
      expect(report.findings.map((finding) => finding.message.split(' writes')[0])).toEqual(["Output group 'Streaming'", 'Output group 2']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('security/hls-to-mediapackage-encrypted', () => {
  it('reports HLS encryption towards a MediaPackage ingest URL built with Fn::Sub', async () => {
    expect(await fixtureFindings('cloudformation/security/hls-to-mediapackage-encrypted/fail.yaml', 'security/hls-to-mediapackage-encrypted')).toEqual([
      { ruleId: 'security/hls-to-mediapackage-encrypted', line: 44, column: 33, message: "EncryptionType is AES128 on an HLS group that sends to the MediaPackage ingest URL 'https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/…', but MediaPackage accepts only unencrypted input; remove EncryptionType (and the key provider settings) and encrypt on the MediaPackage endpoints instead." },
    ]);
  });

  it('accepts unencrypted HLS to MediaPackage', async () => {
    expect(await fixtureFindings('cloudformation/security/hls-to-mediapackage-encrypted/pass.yaml', 'security/hls-to-mediapackage-encrypted')).toEqual([]);
  });
});

describe('security/access-logs-off', () => {
  it('reports missing egress logs on a channel and a packaging group', async () => {
    expect(await fixtureFindings('cloudformation/security/access-logs-off/fail.yaml', 'security/access-logs-off')).toEqual([
      { ruleId: 'security/access-logs-off', line: 4, column: 3, message: "Channel 'live-packaging' writes no EgressAccessLogs; enable them (they go to CloudWatch Logs) to keep a record of who pulled from the origin." },
      { ruleId: 'security/access-logs-off', line: 10, column: 3, message: "Packaging group 'vod-packaging' writes no EgressAccessLogs; enable them (they go to CloudWatch Logs) to keep a record of who pulled from the origin." },
    ]);
  });

  it('accepts ingress and egress logs', async () => {
    expect(await fixtureFindings('cloudformation/security/access-logs-off/pass.yaml', 'security/access-logs-off')).toEqual([]);
  });
});

describe('security/secrets-in-names-or-tags', () => {
  it('reports a password in a description, an access key id in a tag and a secret-named tag', async () => {
    expect(await fixtureFindings('cloudformation/security/secrets-in-names-or-tags/fail.yaml', 'security/secrets-in-names-or-tags')).toEqual([
      { ruleId: 'security/secrets-in-names-or-tags', line: 8, column: 20, message: "Description contains a password-like assignment whose value is 'Tr…' (11 characters); names, descriptions and tags are visible to anyone who can list the resource. Remove it, keep the secret in AWS Secrets Manager, and rotate it." },
      { ruleId: 'security/secrets-in-names-or-tags', line: 24, column: 18, message: "Tag 'UploaderAccessKey' contains what looks like an AWS access key id, 'AKI…' (20 characters); names, descriptions and tags are visible to anyone who can list the resource, in billing reports and in logs. Remove it, keep the secret in AWS Secrets Manager, and rotate it." },
      { ruleId: 'security/secrets-in-names-or-tags', line: 26, column: 18, message: "Tag 'ViewerPassword' holds 'lo…' (10 characters), which its name says is a secret; tags are visible to anyone who can list the resource and in billing reports. Store the secret in AWS Secrets Manager and tag the resource with the secret's ARN if you need the link." },
    ]);
  });

  it('accepts pointers to secrets and ordinary names', async () => {
    expect(await fixtureFindings('cloudformation/security/secrets-in-names-or-tags/pass.yaml', 'security/secrets-in-names-or-tags')).toEqual([]);
  });
});

describe('security/broad-channel-role', () => {
  it('reports the console role by literal and Fn::Sub ARN, and template roles granting SSM or S3 actions on every resource', async () => {
    expect(await fixtureFindings('cloudformation/security/broad-channel-role/fail.yaml', 'security/broad-channel-role')).toEqual([
      { ruleId: 'security/broad-channel-role', line: 10, column: 16, message: "RoleArn names the MediaLive console's default role 'MediaLiveAccessRole', which grants broad access to operations and complete access to all resources; give the channel its own role whose statements are scoped to the channel's SSM parameter paths, S3 buckets and MediaStore containers." },
      { ruleId: 'security/broad-channel-role', line: 21, column: 16, message: "RoleArn names the MediaLive console's default role 'MediaLiveAccessRole', which grants broad access to operations and complete access to all resources; give the channel its own role whose statements are scoped to the channel's SSM parameter paths, S3 buckets and MediaStore containers." },
      { ruleId: 'security/broad-channel-role', line: 53, column: 16, message: "RoleArn refers to role 'sports-channel', whose policy 'channel-access' allows ssm:Describe*, ssm:Get* on Resource '*'; scope the statement's resources to the channel's SSM parameter paths (arn:aws:ssm:<region>:<account>:parameter/<path>/*), S3 buckets or MediaStore containers." },
      { ruleId: 'security/broad-channel-role', line: 87, column: 16, message: "RoleArn refers to role 'concert-channel', whose policy 'concert-archive' allows s3:* on Resource '*'; scope the statement's resources to the channel's SSM parameter paths (arn:aws:ssm:<region>:<account>:parameter/<path>/*), S3 buckets or MediaStore containers." },
    ]);
  });

  it('accepts per-channel roles scoped to their parameters and buckets', async () => {
    expect(await fixtureFindings('cloudformation/security/broad-channel-role/pass.yaml', 'security/broad-channel-role')).toEqual([]);
  });

  it('is opinionated: left out of the recommended preset', () => {
    expect(allRules.find((rule) => rule.meta.id === 'security/broad-channel-role')?.meta.recommended).toBe(false);
  });
});

describe('security/speke-role-wildcard', () => {
  it('reports SPEKE and CDN authorization roles of the template whose policies allow execute-api or secret reads on every resource', async () => {
    expect(await fixtureFindings('cloudformation/security/speke-role-wildcard/fail.yaml', 'security/speke-role-wildcard')).toEqual([
      { ruleId: 'security/speke-role-wildcard', line: 38, column: 22, message: "RoleArn of the SPEKE key provider refers to role 'speke-access', whose policy 'key-server' allows execute-api:* on Resource '*'; scope the statement's resources to the key server's API Gateway method (arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/POST/<path>)." },
      { ruleId: 'security/speke-role-wildcard', line: 74, column: 25, message: "SecretsRoleArn of the CDN authorization refers to role 'cdn-secret-reader', whose policy 'cdn-secrets' allows secretsmanager:GetSecretValue on Resource '*'; scope the statement's resources to the CDN identifier secret's ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>)." },
      { ruleId: 'security/speke-role-wildcard', line: 83, column: 25, message: "SecretsRoleArn of the CDN authorization refers to role 'cdn-secret-reader', whose policy 'cdn-secrets' allows secretsmanager:GetSecretValue on Resource '*'; scope the statement's resources to the CDN identifier secret's ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>)." },
      { ruleId: 'security/speke-role-wildcard', line: 94, column: 22, message: "RoleArn of the SPEKE key provider refers to role 'speke-access', whose policy 'key-server' allows execute-api:* on Resource '*'; scope the statement's resources to the key server's API Gateway method (arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/POST/<path>)." },
      { ruleId: 'security/speke-role-wildcard', line: 135, column: 22, message: "RoleArn of the SPEKE key provider refers to role 'speke-v2-access', whose policy 'key-server-everything' allows * on Resource '*'; scope the statement's resources to the key server's API Gateway method (arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/POST/<path>)." },
    ]);
  });

  it('accepts roles scoped to the key server method and the CDN secret, other actions on every resource, and literal role ARNs', async () => {
    expect(await fixtureFindings('cloudformation/security/speke-role-wildcard/pass.yaml', 'security/speke-role-wildcard')).toEqual([]);
  });

  it('is opinionated: left out of the recommended preset', () => {
    expect(allRules.find((rule) => rule.meta.id === 'security/speke-role-wildcard')?.meta.recommended).toBe(false);
  });
});

describe('security rules and unresolved values', () => {
  it('report nothing when the values come from parameters without defaults, imports or conditions', async () => {
    expect(await categoryFindings('cloudformation/unknown/security.yaml', 'security')).toEqual([]);
  });
});

describe('secret heuristics', () => {
  const span = { file: 'test', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

  it('never take ordinary names, ids and rendition names for keys', () => {
    const ordinary = [
      'live',
      'live/primary',
      'live-stream-primary',
      'main_1080p',
      'channel-1',
      'h264-1080p30-6000k',
      'LiveEvent2024MainFeed',
      'StreamName2024BackupFeedEast',
      'live-main-feed-east',
      'WebRTC-Signaling-Channel',
      'arn:aws:secretsmanager:us-west-2:111122223333:secret:partner-srt-GhIjKl',
      '6d8aa2a0d1aa4a3d',
      'System-Avc_16x9_1080p_29_97fps_8500kbps',
    ];
    for (const name of ordinary) {
      expect(streamKeyFormat(name), name).toBeUndefined();
      expect(credentialFormat(name), name).toBeUndefined();
      expect(passwordAssignment(name), name).toBeUndefined();
    }
  });

  it('recognise platform keys and generated tokens', () => {
    expect(streamKeyFormat('x7k2-9mfq-p3za-4d8w-1c5e')).toBe('a YouTube stream key');
    expect(streamKeyFormat('live_845512367_kP3xQ9vLm2RtY7wZc4NbF8hJ1dS6gA')).toBe('a Twitch stream key');
    expect(streamKeyFormat('FB-1234567890123456-0-AbCdEfGhIjKlMnOp')).toBe('a Facebook Live stream key');
    expect(looksGenerated('sk8Jd92KdmQ0xP4LzRt7')).toBe(true);
  });

  it('read passwords in free text only when the value looks like one', () => {
    expect(passwordAssignment('ingest password: Tr0ub4dor&3')).toBe('Tr0ub4dor&3');
    expect(passwordAssignment('token=Xy9kQ2mL')).toBe('Xy9kQ2mL');
    expect(passwordAssignment('Stream key: stored in Secrets Manager')).toBeUndefined();
    expect(passwordAssignment('arn:aws:secretsmanager:us-west-2:111122223333:secret:lobby-uploader-AbCdEf')).toBeUndefined();
  });

  it('take tag keys for secret names only when they end in a secret word', () => {
    for (const key of ['Password', 'StreamKey', 'api-token', 'ClientSecret', 'viewer_passphrase']) expect(namesASecret(key), key).toBe(true);
    for (const key of ['PasswordPolicy', 'SecretArn', 'TokenType', 'ApiKeyId', 'KeyOwner']) expect(namesASecret(key), key).toBe(false);
  });

  it('find passwords in URLs, not user names or ports', () => {
    expect(urlCredentials(knownValue('rtmp://publisher:s3cret@ingest.example.com/live', span))).toEqual({
      username: 'publisher',
      redactedUrl: 'rtmp://publisher:****@ingest.example.com/live',
    });
    expect(urlCredentials(knownValue('rtmp://publisher@ingest.example.com/live', span))).toBeUndefined();
    expect(urlCredentials(knownValue('rtmp://ingest.example.com:1935/live', span))).toBeUndefined();
  });
});
