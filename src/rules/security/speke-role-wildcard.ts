import { defineRule, type RuleContext } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { actionMatches, broadRoleGrant, identityPolicyDocuments, referencedRole, roleLabel } from '../support/iam.js';
import { memberLabel } from '../support/labels.js';
import { spekeKeyProviders } from '../support/packaging.js';

/** Where CDN-authorization role ARNs sit (the SPEKE ones are found by `spekeKeyProviders`). */
const cdnRoleTypes = ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingGroup'];

/** Every role ARN of a SPEKE key provider or a CDN authorization, with what the role is for. */
function roleArns(context: Pick<RuleContext, 'resources'>): Array<{ use: 'speke' | 'cdn'; roleArn: Cursor }> {
  const speke = spekeKeyProviders(context).map(({ provider }) => ({ use: 'speke' as const, roleArn: provider.get('role_arn') }));
  const cdn = cdnRoleTypes.flatMap((type) => context.resources(type).map((resource) => ({ use: 'cdn' as const, roleArn: Cursor.root(resource).at('authorization', 'secrets_role_arn') })));
  return [...speke, ...cdn];
}

/** The action each use of the role needs: MediaPackage calls the SPEKE API Gateway, and reads the CDN identifier secret. */
const neededAction = { speke: 'execute-api:Invoke', cdn: 'secretsmanager:GetSecretValue' } as const;

export default defineRule({
  meta: {
    id: 'security/speke-role-wildcard',
    category: 'security',
    severity: 'info',
    recommended: false,
    description: 'A MediaPackage SPEKE key provider or CDN authorization role of the template whose policy allows invoking every API Gateway API or reading every secret of the account.',
    details:
      "Checks `Encryption.SpekeKeyProvider.RoleArn` of MediaPackage v1 origin endpoints and packaging configurations (HLS, DASH, CMAF and MSS packages), `Segment.Encryption.SpekeKeyProvider.RoleArn` of MediaPackage v2 origin endpoints, and `Authorization.SecretsRoleArn` (CDN authorization) of MediaPackage v1 origin endpoints and packaging groups. A role ARN that refers to an `AWS::IAM::Role` of the same template (`!GetAtt Role.Arn`) is reported when one of its identity policies, read as objects (its inline `Policies`, an `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy` that lists the role in `Roles`, or a managed policy of the template in its `ManagedPolicyArns`), has an `Allow` statement without `Condition` whose `Resource` is `\"*\"` and whose `Action` covers what the role is for: `execute-api:Invoke` for a SPEKE role (`execute-api:Invoke`, `execute-api:*`, `execute-api:In*`, `*`), `secretsmanager:GetSecretValue` for a CDN authorization role (`secretsmanager:GetSecretValue`, `secretsmanager:Get*`, `secretsmanager:*`, `*`). Literal role ARNs, policies written as JSON strings and Terraform or Pangea IAM resources (`aws_iam_role`, `aws_iam_policy`) are not read, and a role ARN the tool cannot resolve is not reported. The rule is opinionated and left out of the `recommended` preset: an account-wide `execute-api:Invoke` or `secretsmanager:GetSecretValue` grant is a working setup (the SPEKE specification's own example policy grants `execute-api:Invoke` on every API Gateway resource), and how narrowly to scope a service role is a least-privilege policy choice rather than a mistake; the `strict` and `all` presets run it.",
    rationale:
      "The SPEKE specification asks that the role's policy \"give permission to access the key provider API and no other AWS resource access\": MediaPackage assumes the SPEKE role only to call the key server's API Gateway endpoint, and the CDN authorization role only to read the CDN identifier secret. A statement on `Resource: \"*\"` lets anyone who can pass or assume the role invoke every API Gateway API of the account, or read every Secrets Manager secret (database passwords, other CDN identifiers); scoping it to the one API method or the one secret limits what a misconfigured or compromised role can reach.",
    messages: {
      spekeRole:
        "{{property}} of the SPEKE key provider refers to role '{{role}}', whose policy '{{policy}}' allows {{action}} on Resource '*'; scope the statement's resources to the key server's API Gateway method (arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/POST/<path>).",
      cdnRole:
        "{{property}} of the CDN authorization refers to role '{{role}}', whose policy '{{policy}}' allows {{action}} on Resource '*'; scope the statement's resources to the CDN identifier secret's ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>).",
    },
    appliesTo: ['AWS::MediaPackage::OriginEndpoint', 'AWS::MediaPackage::PackagingConfiguration', 'AWS::MediaPackage::PackagingGroup', 'AWS::MediaPackageV2::OriginEndpoint'],
    sources: ['SEC-003'],
    securitySeverity: 3.0,
    references: [
      { title: 'SPEKE specification: authentication (the role gives access to the key provider API and no other AWS resource)', url: 'https://docs.aws.amazon.com/speke/latest/documentation/authentication.html' },
      { title: 'MediaPackage user guide: allowing MediaPackage to access other AWS services (Secrets Manager for CDN authorization)', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/setting-up-create-trust-rel.html' },
      { title: 'MediaPackage user guide: CDN authorization', url: 'https://docs.aws.amazon.com/mediapackage/latest/ug/cdn-auth.html' },
      { title: 'IAM user guide: apply least-privilege permissions', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege' },
    ],
  },
  check(context) {
    let documents: ReturnType<typeof identityPolicyDocuments> | undefined;
    for (const { use, roleArn } of roleArns(context)) {
      if (roleArn.isMissing) continue;
      const role = referencedRole(context, roleArn);
      if (!role) continue;
      documents ??= identityPolicyDocuments(context);
      const grant = broadRoleGrant(context, role, documents, (action) => actionMatches(action, neededAction[use]));
      if (!grant) continue;
      const data = { property: memberLabel(roleArn), role: roleLabel(role), policy: grant.policy, action: grant.actions.join(', ') };
      context.report({ at: roleArn, messageId: use === 'speke' ? 'spekeRole' : 'cdnRole', data });
    }
  },
});
