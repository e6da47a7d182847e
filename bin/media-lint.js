#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The bundle (npm run build) starts several times faster than dist/cli/ and its three hundred
// modules; dist/cli/ is the fallback when only tsc has run.
const bundle = new URL('../dist/bundle/media-lint.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js');

process.exitCode = await main(process.argv);
