import { cloudFormationFrontEnd } from './cloudformation/index.js';
import type { FrontEnd } from './types.js';

/** Every input format, in the order they are asked whether they claim a file. */
export const frontEnds: readonly FrontEnd[] = [cloudFormationFrontEnd];
