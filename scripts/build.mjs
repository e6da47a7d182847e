// Builds dist/ from src/: compiles TypeScript, then copies the data files the code reads at run
// time (generated service specs), and bundles the CLI. Run by `npm ci` through the `prepare` script.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/generate-rule-index.mjs')], { stdio: 'inherit' });
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
  stdio: 'inherit',
});
const generated = join(root, 'src/specs/generated');
if (existsSync(generated)) {
  cpSync(generated, join(root, 'dist/specs/generated'), { recursive: true, filter: (path) => !path.endsWith('.ts') });
}
// The CLI as one bundle, which starts several times faster (see scripts/bundle-cli.mjs).
execFileSync(process.execPath, [join(root, 'scripts/bundle-cli.mjs')], { stdio: 'inherit' });
