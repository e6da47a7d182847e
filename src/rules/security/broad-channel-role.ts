import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import { broadRoleGrant, identityPolicyDocuments, literalRoleName, referencedRole, roleLabel } from '../support/iam.js';
import { memberLabel } from '../support/labels.js';

/** The role the MediaLive console creates in its simple setup. */
const defaultRoleName = 'MediaLiveAccessRole';
/** The services whose actions a channel role needs only on the channel's own resources. */
const scopedServices = ['ssm', 's3', 'mediastore'];

/** True when an action pattern grants actions of one of the scoped services (`s3:*`, `ssm:GetParameters`, `*`). */
function grantsScopedService(action: string): boolean {
  if (action === '*') return true;
  const service = action.split(':')[0]?.toLowerCase();
  return service !== undefined && action.includes(':') && scopedServices.includes(service);
}

export default defineRule({
  meta: {
    id: 'security/broad-channel-role',
    category: 'security',
    severity: 'info',
    recommended: false,
    description: "A MediaLive channel that runs as the console's broad MediaLiveAccessRole, or as a role of the template whose policy grants SSM, S3 or MediaStore actions on every resource.",
    details:
      "Checks `RoleArn` of MediaLive channels. A literal role ARN (or an `Fn::Sub` / template whose role part is known) naming `MediaLiveAccessRole`, the role the console's simple setup creates, is reported in every format. A reference to an `AWS::IAM::Role` of the same template (`!GetAtt Role.Arn`) is reported when one of its identity policies, read as objects (its inline `Policies`, an `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy` that lists the role in `Roles`, or a managed policy of the template in its `ManagedPolicyArns`), has an `Allow` statement without `Condition` whose `Action` names an `ssm:`, `s3:` or `mediastore:` action (wildcards included, or `*`) and whose `Resource` is `\"*\"`. Policies written as JSON strings and Terraform or Pangea IAM resources (`aws_iam_role`, `aws_iam_policy`) are not read, and a `RoleArn` the tool cannot resolve is not reported. The rule is opinionated and left out of the `recommended` preset: the console's default role and account-wide grants are a documented, working setup rather than a mistake, and whether a channel needs its own role is a policy choice; the `strict` and `all` presets run it.",
    rationale:
      "The console's `MediaLiveAccessRole` \"grants broad access to operations and complete access to all resources\": any channel running as it can read every SSM parameter (including other channels' passwords), write to every S3 bucket and MediaStore container of the account. A channel needs only its own SSM parameter paths, its archive or input buckets and its containers; a per-channel role scoped to them limits what a misconfigured or compromised channel can reach.",
    messages: {
      defaultRole:
        "{{property}} names the MediaLive console's default role '{{role}}', which grants broad access to operations and complete access to all resources; give the channel its own role whose statements are scoped to the channel's SSM parameter paths, S3 buckets and MediaStore containers.",
      broadStatement:
        "{{property}} refers to role '{{role}}', whose policy '{{policy}}' allows {{action}} on Resource '{{resource}}'; scope the statement's resources to the channel's SSM parameter paths (arn:aws:ssm:<region>:<account>:parameter/<path>/*), S3 buckets or MediaStore containers.",
    },
    appliesTo: ['AWS::MediaLive::Channel'],
    sources: ['ML-029'],
    securitySeverity: 3.0,
    references: [
      { title: 'MediaLive user guide: scenarios for the MediaLive trusted entity role (MediaLiveAccessRole)', url: 'https://docs.aws.amazon.com/medialive/latest/ug/scenarios-for-medialive-role.html' },
      { title: 'MediaLive API: Channel.RoleArn', url: 'https://docs.aws.amazon.com/medialive/latest/apireference/channels.html' },
      { title: 'IAM user guide: apply least-privilege permissions', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege' },
    ],
  },
  check(context) {
    const channels = context.resources('AWS::MediaLive::Channel');
    if (channels.length === 0) return;
    let documents: ReturnType<typeof identityPolicyDocuments> | undefined;

    for (const channel of channels) {
      const roleArnCursor = Cursor.root(channel).get('role_arn');
      if (roleArnCursor.isMissing) continue;
      const property = memberLabel(roleArnCursor);
      const literalName = literalRoleName(roleArnCursor);
      if (literalName !== undefined) {
        if (literalName.toLowerCase() === defaultRoleName.toLowerCase()) context.report({ at: roleArnCursor, messageId: 'defaultRole', data: { property, role: literalName } });
        continue;
      }
      const role = referencedRole(context, roleArnCursor);
      if (!role) continue;
      documents ??= identityPolicyDocuments(context);
      const grant = broadRoleGrant(context, role, documents, grantsScopedService);
      if (grant) context.report({ at: roleArnCursor, messageId: 'broadStatement', data: { property, role: roleLabel(role), policy: grant.policy, action: grant.actions.join(', '), resource: '*' } });
    }
  },
});
