/** The `schemaVersion` of the `--format json` output (see json-schema.ts for the versioning rules).
 * A module of its own so that writing a report does not load zod, which only describes it. */
export const JSON_REPORT_SCHEMA_VERSION = 1;
