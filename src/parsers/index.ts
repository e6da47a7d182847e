import { claimsCloudFormation, claimsPangea, claimsTerraform } from './claims.js';
import type { FrontEnd, InputFile, LoadOptions, LoadResult } from './types.js';

/**
 * A front-end whose code is imported on first use. Whether it claims a file is decided by
 * ./claims.ts alone, so a run over one YAML template never loads tree-sitter, prism or the
 * Terraform evaluator (start-up time is most of a small run).
 */
function lazyFrontEnd(id: string, claims: (path: string) => boolean, load: () => Promise<FrontEnd>): FrontEnd {
  let loaded: Promise<FrontEnd> | undefined;
  return {
    id,
    claims,
    async load(files: InputFile[], options: LoadOptions): Promise<LoadResult> {
      const frontEnd = await (loaded ??= load());
      return frontEnd.load(files, options);
    },
  };
}

/** Every input format, in the order they are asked whether they claim a file. Terraform comes
 * before CloudFormation: it claims the `.json` files that are `terraform show -json` output. */
export const frontEnds: readonly FrontEnd[] = [
  lazyFrontEnd('terraform', claimsTerraform, async () => (await import('./terraform/index.js')).terraformFrontEnd),
  lazyFrontEnd('cloudformation', claimsCloudFormation, async () => (await import('./cloudformation/index.js')).cloudFormationFrontEnd),
  lazyFrontEnd('pangea', claimsPangea, async () => (await import('./pangea/index.js')).pangeaFrontEnd),
];
