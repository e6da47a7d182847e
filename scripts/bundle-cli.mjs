// Bundles the CLI (dist/cli/main.js, after tsc) into dist/bundle/: one ES module for the start-up
// path and chunks that are loaded on demand (the Terraform and Pangea front-ends with their
// WebAssembly parsers). Node loads one file instead of some three hundred modules, which is most
// of the time of a small run. bin/media-lint.js runs the bundle (and dist/cli/main.js without it).
// zod stays outside: it is needed only to validate a configuration file (see src/config/zod.ts).
//
// A few modules find files relative to their own URL; in the bundle every chunk sits in
// dist/bundle/, so those paths are rewritten (and the build fails if one is no longer found).
// The grammars' WebAssembly files are found through node_modules (src/parsers/wasm.ts); the
// tree-sitter runtime looks for its own next to the module that loads it, so it is copied there.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');

/** Module (relative to dist/) → [text, replacement]. dist/bundle/ is as deep as dist/cli/, so
 * `../../rules-docs/` from the CLI still reaches the package's rules-docs/. */
const rewrites = {
  'version.js': ["('../package.json')", "('../../package.json')"],
  'specs/registry.js': ['`./generated/${service}.json`', '`../specs/generated/${service}.json`'],
};

const rewritePlugin = {
  name: 'media-lint-paths',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const relativePath = args.path.slice(join(root, 'dist').length + 1).split('\\').join('/');
      const rewrite = rewrites[relativePath];
      if (!rewrite) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const [pattern, replacement] = rewrite;
      if (!text.includes(pattern)) throw new Error(`bundle-cli: ${relativePath} no longer contains ${pattern}; update scripts/bundle-cli.mjs`);
      return { contents: text.replace(pattern, replacement), loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker of parallel runs (dist/engine/lint-worker.js) is found next to the bundle's modules.
  entryPoints: { 'media-lint': join(root, 'dist/cli/main.js'), 'lint-worker': join(root, 'dist/engine/lint-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Prefer packages' ES module builds: jsonc-parser's UMD build requires its modules dynamically.
  mainFields: ['module', 'main'],
  external: ['zod'],
  // CommonJS dependencies (and src/config/zod.ts) call require(), which an ES module lacks.
  banner: { js: "import { createRequire as __mediaLintCreateRequire } from 'node:module';\nconst require = __mediaLintCreateRequire(import.meta.url);" },
  plugins: [rewritePlugin],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'utf8',
  logLevel: 'warning',
});
copyFileSync(join(dirname(createRequire(import.meta.url).resolve('web-tree-sitter')), 'web-tree-sitter.wasm'), join(outdir, 'web-tree-sitter.wasm'));
