import { toPascalCase } from '../../graph/names.js';
import type { Resource } from '../../graph/resource.js';

/**
 * Renders a canonical member name the way the user's format spells it, so messages quote names the
 * user can find in their file: `GopSize` in CloudFormation and CDK output, `gopSize` in CDK code,
 * `gop_size` in Terraform and Pangea.
 */
export function spellMember(canonical: string, apiName: string | undefined, resource: Resource): string {
  switch (resource.format) {
    case 'cloudformation':
    case 'cdk':
      return apiName ?? toPascalCase(canonical);
    case 'cdk-code': {
      // CDK L1 props are the CloudFormation names with a lower-case first letter.
      const name = apiName ?? toPascalCase(canonical);
      return name.charAt(0).toLowerCase() + name.slice(1);
    }
    default:
      return canonical;
  }
}

/** A short form of a list of values for messages: at most `limit` items, then a count. */
export function listValues(values: readonly string[], limit = 8): string {
  if (values.length <= limit) return values.join(', ');
  return `${values.slice(0, limit).join(', ')}, … (${values.length - limit} more)`;
}
