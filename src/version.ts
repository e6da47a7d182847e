import { createRequire } from 'node:module';

// Both src/ and dist/ sit directly under the package root.
const manifest = createRequire(import.meta.url)('../package.json') as { version: string };

export const toolVersion: string = manifest.version;
