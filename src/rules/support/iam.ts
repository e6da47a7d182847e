import { Cursor } from '../../graph/cursor.js';
import { cursorsAt } from '../../graph/traverse.js';
import type { Resource } from '../../graph/resource.js';
import type { ReferenceValue } from '../../graph/value.js';

/**
 * Reading IAM policy documents written in the same template or module as the media resources: the
 * statements of identity policies (who may call which media API on what) and of trust policies
 * (which service may assume a role). Documents are read from the graph only when they are objects
 * (CloudFormation YAML/JSON); a policy given as a JSON string is not read. Every reader returns
 * undefined unless the answer is certain.
 */

export interface ResourceLookup {
  resources(type: string): readonly Resource[];
}

/** A resource lookup that also resolves references (`!Ref`, `!GetAtt`) to resources. */
export interface ReferenceLookup extends ResourceLookup {
  resolve(reference: ReferenceValue, from: Resource): Resource | undefined;
}

/** Where identity policy documents sit in IAM resources (CloudFormation types; `*` = every list item). */
const identityPolicyLocations: ReadonlyArray<{ type: string; path: readonly string[] }> = [
  { type: 'AWS::IAM::Policy', path: ['policy_document'] },
  { type: 'AWS::IAM::ManagedPolicy', path: ['policy_document'] },
  { type: 'AWS::IAM::Role', path: ['policies', '*', 'policy_document'] },
  { type: 'AWS::IAM::User', path: ['policies', '*', 'policy_document'] },
  { type: 'AWS::IAM::Group', path: ['policies', '*', 'policy_document'] },
];

/** Every identity policy document (an object) of the IAM resources, with the resource. */
export function identityPolicyDocuments(context: ResourceLookup): Array<{ resource: Resource; document: Cursor }> {
  return identityPolicyLocations.flatMap(({ type, path }) =>
    context.resources(type).flatMap((resource) =>
      cursorsAt(Cursor.root(resource), path)
        .filter((document) => document.value?.kind === 'object')
        .map((document) => ({ resource, document })),
    ),
  );
}

/** The statements of a policy document: the items of `Statement`, or `Statement` itself when it is one object. */
export function policyStatements(document: Cursor): Cursor[] {
  const statement = document.get('statement');
  if (statement.value?.kind === 'object') return [statement];
  return statement.items().filter((item) => item.value?.kind === 'object');
}

/** A known string or a known list of strings, as a list; undefined when any part is not known. */
export function stringOrStrings(cursor: Cursor): string[] | undefined {
  const single = cursor.string();
  if (single !== undefined) return [single];
  return cursor.strings();
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const expression = pattern
    .split('')
    .map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${expression}$`, 'i').test(action);
}

/** True when an `Allow` statement is certain: `Effect` is known to be `Allow`. */
export function isAllow(statement: Cursor): boolean {
  return statement.get('effect').string() === 'Allow';
}

/** The services a statement's `Principal` names (`Principal: { Service: … }`); undefined when not known. */
export function principalServices(statement: Cursor): string[] | undefined {
  const principal = statement.get('principal');
  if (principal.value?.kind !== 'object') return principal.isMissing ? [] : undefined;
  const service = principal.get('service');
  if (service.isMissing) return [];
  return stringOrStrings(service);
}

/** True when a statement's `Principal` is certainly everyone: `"*"` or `{ AWS: "*" }`. */
export function principalIsEveryone(statement: Cursor): boolean {
  const principal = statement.get('principal');
  if (principal.string() === '*') return true;
  const aws = stringOrStrings(principal.get('aws'));
  return aws?.includes('*') ?? false;
}

/** True when a role's trust policy is fully known and no `Allow` statement lets `service` assume it. */
export function trustPolicyExcludes(role: Resource, service: string): boolean {
  const document = Cursor.root(role).get('assume_role_policy_document');
  if (document.value?.kind !== 'object' || document.value.open) return false;
  const statementList = document.get('statement');
  if (statementList.value?.kind === 'list' && statementList.value.open) return false;
  for (const statement of policyStatements(document)) {
    const effect = statement.get('effect').string();
    if (effect === undefined) return false;
    if (effect !== 'Allow') continue;
    const actions = stringOrStrings(statement.get('action'));
    const services = principalServices(statement);
    if (actions === undefined || services === undefined) return false;
    const assumes = actions.some((action) => actionMatches(action, 'sts:AssumeRole'));
    if (assumes && services.some((name) => name.toLowerCase() === service)) return false;
    if (assumes && principalIsEveryone(statement)) return false;
  }
  return true;
}

/** A literal IAM role ARN (optionally with a path); group 1 is the role's name. */
const roleArnPattern = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
/** The known tail of a partly known role ARN (`!Sub arn:aws:iam::${AWS::AccountId}:role/…`); group 1 is the name. */
const roleArnTailPattern = /:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/** The role name of a role ARN written as a literal ARN or as a template whose role part is known. */
export function literalRoleName(roleArn: Cursor): string | undefined {
  const literal = roleArn.string();
  if (literal !== undefined) return roleArnPattern.exec(literal)?.[1];
  const value = roleArn.value;
  if (value?.kind !== 'template') return undefined;
  const last = value.parts[value.parts.length - 1];
  return typeof last === 'string' ? roleArnTailPattern.exec(last)?.[1] : undefined;
}

/** The `AWS::IAM::Role` of the template a role ARN refers to (`!GetAtt Role.Arn`); undefined otherwise. */
export function referencedRole(context: ReferenceLookup, roleArn: Cursor): Resource | undefined {
  const role = roleArn.referencedResource((reference, from) => context.resolve(reference, from));
  return role?.type === 'AWS::IAM::Role' ? role : undefined;
}

/** A role's name for messages: its `RoleName`, else its address. */
export function roleLabel(role: Resource): string {
  return Cursor.root(role).get('role_name').string() ?? role.address;
}

/**
 * The identity policy documents (objects) attached to an IAM role of the template, with a name for
 * each: its inline `Policies`, an `AWS::IAM::Policy` or `AWS::IAM::ManagedPolicy` of its scope that
 * lists the role in `Roles`, and the template's managed policies in its `ManagedPolicyArns`.
 * `documents` is the result of identityPolicyDocuments, computed once by the caller.
 */
export function roleIdentityDocuments(
  context: ReferenceLookup,
  role: Resource,
  documents: ReadonlyArray<{ resource: Resource; document: Cursor }>,
): Array<{ name: string; document: Cursor }> {
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
}

/**
 * The first unconditional `Allow` statement of a role's identity policies whose `Resource` is `"*"`
 * and whose known actions include some that `broad` selects, with the policy's name and those actions.
 */
export function broadRoleGrant(
  context: ReferenceLookup,
  role: Resource,
  documents: ReadonlyArray<{ resource: Resource; document: Cursor }>,
  broad: (action: string) => boolean,
): { policy: string; actions: string[] } | undefined {
  for (const { name, document } of roleIdentityDocuments(context, role, documents)) {
    for (const statement of policyStatements(document)) {
      if (!isAllow(statement) || !statement.get('condition').isMissing) continue;
      const resources = stringOrStrings(statement.get('resource'));
      if (!resources?.includes('*')) continue;
      const actions = stringOrStrings(statement.get('action'))?.filter(broad) ?? [];
      if (actions.length > 0) return { policy: name, actions };
    }
  }
  return undefined;
}
