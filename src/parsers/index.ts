import { cloudFormationFrontEnd } from './cloudformation/index.js';
import { pangeaFrontEnd } from './pangea/index.js';
import { terraformFrontEnd } from './terraform/index.js';
import type { FrontEnd } from './types.js';

/** Every input format, in the order they are asked whether they claim a file. Terraform comes
 * before CloudFormation: it claims the `.json` files that are `terraform show -json` output. */
export const frontEnds: readonly FrontEnd[] = [terraformFrontEnd, cloudFormationFrontEnd, pangeaFrontEnd];
