import { defineRule } from '../../engine/rule.js';
import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';
import { identityPolicyDocuments, isAllow, policyStatements, stringOrStrings } from '../support/iam.js';
import { memberLabel } from '../support/labels.js';

/** The role the MediaLive console creates in its simple setup. */
const defaultRoleName = 'MediaLiveAccessRole';
/** A literal IAM role ARN (optionally with a path); group 1 is the role's name. */
const roleArn = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
/** The known tail of a partly known role ARN (`!Sub arn:aws:iam::${AWS::AccountId}:role/…`); group 1 is the name. */
const roleArnTail = /:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
/** The services whose actions a channel role needs only on the channel's own resources. */
const scopedServices = ['ssm', 's3', 'mediastore'];

/** The role name of a RoleArn written as a literal ARN or as a template whose role part is known. */
function literalRoleName(roleArnCursor: Cursor): string | undefined {
  const literal = roleArnCursor.string();
  if (literal !== undefined) return roleArn.exec(literal)?.[1];
  const value = roleArnCursor.value;
  if (value?.kind !== 'template') return undefined;
  const last = value.parts[value.parts.length - 1];
  return typeof last === 'string' ? roleArnTail.exec(last)?.[1] : undefined;
}

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

    /** The policy documents attached to an IAM role of the template, with a name for each. */
    const roleDocuments = (role: Resource): Array<{ name: string; document: Cursor }> => {
      documents ??= identityPolicyDocuments(context);
      const roleName = Cursor.root(role).get('role_name').string();
      const attached = new Set<Resource>();
      for (const item of Cursor.root(role).get('managed_policy_arns').items()) {
        const target = item.referencedResource((reference, from) => context.resolve(reference, from));
        if (target?.type === 'AWS::IAM::ManagedPolicy') attached.add(target);
      }
      const result: Array<{ name: string; document: Cursor }> = [];
      for (const { resource, document } of documents) {
        if (resource.scope !== role.scope) continue;
        if (resource === role) {
          // An inline policy: `Policies[i].PolicyDocument`; its name is the item's `PolicyName`.
          const name = Cursor.root(role).at(...document.path.slice(0, -1)).get('policy_name').string() ?? role.address;
          result.push({ name, document });
          continue;
        }
        if (resource.type !== 'AWS::IAM::Policy' && resource.type !== 'AWS::IAM::ManagedPolicy') continue;
        const listed = Cursor.root(resource)
          .get('roles')
          .items()
          .some((item) => {
            const literal = item.string();
            if (literal !== undefined) return roleName !== undefined && literal === roleName;
            return item.referencedResource((reference, from) => context.resolve(reference, from)) === role;
          });
        if (!listed && !attached.has(resource)) continue;
        const root = Cursor.root(resource);
        result.push({ name: root.get('policy_name').string() ?? root.get('managed_policy_name').string() ?? resource.address, document });
      }
      return result;
    };

    for (const channel of channels) {
      const roleArnCursor = Cursor.root(channel).get('role_arn');
      if (roleArnCursor.isMissing) continue;
      const property = memberLabel(roleArnCursor);
      const literalName = literalRoleName(roleArnCursor);
      if (literalName !== undefined) {
        if (literalName.toLowerCase() === defaultRoleName.toLowerCase()) context.report({ at: roleArnCursor, messageId: 'defaultRole', data: { property, role: literalName } });
        continue;
      }
      const role = roleArnCursor.referencedResource((reference, from) => context.resolve(reference, from));
      if (!role || role.type !== 'AWS::IAM::Role') continue;
      const roleLabel = Cursor.root(role).get('role_name').string() ?? role.address;
      findBroad: for (const { name, document } of roleDocuments(role)) {
        for (const statement of policyStatements(document)) {
          if (!isAllow(statement) || !statement.get('condition').isMissing) continue;
          const resources = stringOrStrings(statement.get('resource'));
          if (!resources?.includes('*')) continue;
          const actions = stringOrStrings(statement.get('action'));
          const broad = actions?.filter(grantsScopedService) ?? [];
          if (broad.length === 0) continue;
          context.report({ at: roleArnCursor, messageId: 'broadStatement', data: { property, role: roleLabel, policy: name, action: broad.join(', '), resource: '*' } });
          break findBroad;
        }
      }
    }
  },
});
