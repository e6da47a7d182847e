import type { Resource, Scope } from '../../graph/resource.js';
import { closestMatch } from './suggest.js';

/** "template" for a CloudFormation stack or Pangea template, "module" for Terraform. */
export function scopeNoun(scope: Scope): string {
  return scope.kind === 'terraform-module' ? 'module' : 'template';
}

/** The closest resource address or parameter name of the scope, for "did you mean". */
export function suggestTarget(scope: Scope, target: string, candidates?: Iterable<string>): string | undefined {
  const names = candidates ? [...candidates] : [...scope.resources.map((resource) => resource.address), ...scope.parameters.keys()];
  return closestMatch(target, names.filter((name) => name !== target));
}

/** Addresses of the scope's resources of the given types. */
export function addressesOfTypes(scope: Scope, types: readonly string[]): string[] {
  return scope.resources.filter((resource) => types.includes(resource.type)).map((resource) => resource.address);
}

/** A short description of a resource for messages: `'Role' (AWS::IAM::Role)`. */
export function describeResource(resource: Resource): string {
  return `'${resource.address}' (${resource.sourceType})`;
}
