/**
 * Writes `schema/media-lint-report.schema.json` from the zod schema of the JSON report
 * (`src/reporters/json-schema.ts`). `npm run schema:report`; `-- --check` only verifies that the
 * checked-in file is current (exit code 1 when stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../src/reporters/json-schema.js';

export const reportSchemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'media-lint-report.schema.json');

/** The JSON Schema file's exact contents: 2-space indentation and a trailing newline. */
export function generateReportSchema(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

function main(argv: readonly string[]): number {
  const text = generateReportSchema();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(reportSchemaPath, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current === text) return 0;
    console.error(`${reportSchemaPath} is stale; run \`npm run schema:report\`.`);
    return 1;
  }
  writeFileSync(reportSchemaPath, text);
  console.log(`wrote ${reportSchemaPath}`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
