/**
 * Arguments of a Terraform resource block that are not members of the AWS API: Terraform's own
 * meta-arguments and blocks, and arguments of the hashicorp/aws provider. The Terraform front-end
 * and the Pangea front-end (whose templates synthesize Terraform) drop them, so that
 * `schema/unknown-property` only sees API members.
 */

/** Terraform meta-arguments: they configure Terraform, not the resource. */
export const META_ARGUMENTS: ReadonlySet<string> = new Set(['count', 'for_each', 'depends_on', 'provider']);
export const META_BLOCKS: ReadonlySet<string> = new Set(['lifecycle', 'provisioner', 'connection', 'timeouts']);

/**
 * Arguments of the Terraform providers that are not members of the AWS API, dropped so that
 * `schema/unknown-property` only sees API members. `*` applies to every resource type.
 *
 * | Argument | Resource types | What it is |
 * | --- | --- | --- |
 * | `tags_all` | every | tags merged with the provider's `default_tags` (computed) |
 * | `region` | every | the region override of hashicorp/aws 6 |
 * | `timeouts` | every | create/update/delete timeouts (also as a block) |
 * | `start_channel` | `aws_medialive_channel` | whether the provider starts the channel after creating it |
 * | `start_multiplex` | `aws_medialive_multiplex` | whether the provider starts the multiplex |
 */
export const PROVIDER_ONLY_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  '*': ['tags_all', 'region', 'timeouts'],
  aws_medialive_channel: ['start_channel'],
  aws_medialive_multiplex: ['start_multiplex'],
};

export function isProviderOnly(sourceType: string, name: string): boolean {
  return PROVIDER_ONLY_ARGUMENTS['*']!.includes(name) || (PROVIDER_ONLY_ARGUMENTS[sourceType]?.includes(name) ?? false);
}

/** A top-level argument or block of a resource that is not an API member (see above). */
export function isTerraformOnly(sourceType: string, name: string): boolean {
  return META_ARGUMENTS.has(name) || META_BLOCKS.has(name) || isProviderOnly(sourceType, name);
}
