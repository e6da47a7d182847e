import { Cursor } from '../../graph/cursor.js';
import type { Resource, Scope } from '../../graph/resource.js';

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

/** Where identity policy documents sit in IAM resources (CloudFormation types; `*` = every list item). */
const identityPolicyLocations: ReadonlyArray<{ type: string; path: readonly string[] }> = [
  { type: 'AWS::IAM::Policy', path: ['policy_document'] },
  { type: 'AWS::IAM::ManagedPolicy', path: ['policy_document'] },
  { type: 'AWS::IAM::Role', path: ['policies', '*', 'policy_document'] },
  { type: 'AWS::IAM::User', path: ['policies', '*', 'policy_document'] },
  { type: 'AWS::IAM::Group', path: ['policies', '*', 'policy_document'] },
];

function cursorsAt(root: Cursor, path: readonly string[]): Cursor[] {
  let cursors = [root];
  for (const segment of path) cursors = segment === '*' ? cursors.flatMap((cursor) => cursor.items()) : cursors.map((cursor) => cursor.get(segment));
  return cursors.filter((cursor) => cursor.value?.kind === 'object');
}

/** Every identity policy document (an object) of the IAM resources, with the resource. */
export function identityPolicyDocuments(context: ResourceLookup): Array<{ resource: Resource; document: Cursor }> {
  return identityPolicyLocations.flatMap(({ type, path }) =>
    context.resources(type).flatMap((resource) => cursorsAt(Cursor.root(resource), path).map((document) => ({ resource, document }))),
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

/** Resources of the scope of `from` with a type among `types`. */
export function scopeResources(context: ResourceLookup, scope: Scope, types: readonly string[]): Resource[] {
  return types.flatMap((type) => context.resources(type).filter((resource) => resource.scope === scope));
}
