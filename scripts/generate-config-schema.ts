/**
 * Writes `schema/media-lint.config.schema.json` from the zod schema of the configuration file
 * (`src/config/schema.ts`), which lists every rule id and the names and types of its options.
 * `npm run schema:config` after adding a rule or an option; `-- --check` only verifies that the
 * checked-in file is current (exit code 1 when stale). A test runs the same comparison.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/schema.js';

export const configSchemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'media-lint.config.schema.json');

/** The JSON Schema file's exact contents: 2-space indentation and a trailing newline. */
export function generateConfigSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

function main(argv: readonly string[]): number {
  const text = generateConfigSchema();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(configSchemaPath, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current === text) return 0;
    console.error(`${configSchemaPath} is stale; run \`npm run schema:config\`.`);
    return 1;
  }
  writeFileSync(configSchemaPath, text);
  console.log(`wrote ${configSchemaPath}`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
