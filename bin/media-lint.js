#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the bundle between runs; Node 20 has no such
// cache, and the call is skipped there.
module.enableCompileCache?.();

// The bundle (npm run build) starts several times faster than dist/cli/ and its three hundred
// modules; dist/cli/ is the fallback when only tsc has run.
// `media-lint … | head`: the reader went away; stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const bundle = new URL('../dist/bundle/media-lint.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js');

process.exitCode = await main(process.argv);
