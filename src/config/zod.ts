import { createRequire } from 'node:module';
import type * as Zod from 'zod';

let loaded: typeof Zod | undefined;

/**
 * zod, loaded on first use. It takes tens of milliseconds to load, which is a large part of a small
 * run, and only a run that reads a configuration file needs it. Loading must be synchronous (a
 * configuration is looked up while files are linted), hence `require`: bundles resolve the literal
 * `require('zod')` (the GitHub Action bundles zod; the CLI bundle leaves it to node_modules), and
 * elsewhere (ES modules under Node) `createRequire` loads zod's CommonJS build.
 */
export function zod(): typeof Zod.z {
  loaded ??= (typeof require === 'function' ? require('zod') : createRequire(import.meta.url)('zod')) as typeof Zod;
  return loaded.z;
}
