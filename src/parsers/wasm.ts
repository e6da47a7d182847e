import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where a front-end finds a WebAssembly file it loads (`tree-sitter-terraform.wasm`, `prism.wasm`).
 *
 * The GitHub Action runs from a bundle (`action/dist/index.mjs`, built by scripts/build-action.ts)
 * with no `node_modules` beside it; the bundle ships the files next to itself, which is where this
 * module's URL points once bundled. Everywhere else (src/ under tsx or vitest, dist/ of the installed
 * package) nothing is next to this module and the npm package provides the file:
 *
 *     locateWasm('prism.wasm', () => require.resolve('@ruby/prism').replace(/index\.js$/, 'prism.wasm'))
 */
export function locateWasm(fileName: string, fromPackage: () => string): string {
  const bundled = fileURLToPath(new URL(fileName, import.meta.url));
  return existsSync(bundled) ? bundled : fromPackage();
}
