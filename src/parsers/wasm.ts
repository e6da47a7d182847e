import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
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

/** Below this much Terraform (characters), its WebAssembly parser is run from its baseline code. */
export const optimizedWasmThreshold = 512 * 1024;

let baselineOnly = false;

/**
 * For a command-line run, chooses how V8 compiles the parsers' WebAssembly, before any is compiled.
 * By default V8 compiles a module quickly (Liftoff) and recompiles its hot functions with its
 * optimizing compiler in background threads; Node waits for those threads before the process can
 * exit, which adds 100 to 150 ms to a run over a few Terraform or Pangea files, more than the
 * optimized code saves on them. So unless the run holds much Terraform (whose parse is the longest:
 * optimized code reads 7 MB of HCL 1.4 s faster), only the baseline code is used (`--liftoff-only`;
 * the Ruby parser runs as fast either way). V8 flags are process-wide, which is why only the CLI
 * calls this, and why it is never undone.
 */
export function tuneWasmCompilation(bytesByFrontEnd: ReadonlyMap<string, number>): void {
  if (baselineOnly || !prefersBaselineWasm(bytesByFrontEnd)) return;
  setFlagsFromString('--liftoff-only');
  baselineOnly = true;
}

/** Whether a run reads WebAssembly-parsed input (Terraform, Pangea), but not much Terraform. */
export function prefersBaselineWasm(bytesByFrontEnd: ReadonlyMap<string, number>): boolean {
  const terraform = bytesByFrontEnd.get('terraform') ?? 0;
  return terraform + (bytesByFrontEnd.get('pangea') ?? 0) > 0 && terraform < optimizedWasmThreshold;
}
