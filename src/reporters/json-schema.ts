import { z } from 'zod';
import { JSON_REPORT_SCHEMA_VERSION } from './json-version.js';

/**
 * The `--format json` output, version 1. This zod schema is the source of truth: the JSON
 * Schema in `schema/media-lint-report.schema.json` is generated from it
 * (`npm run schema:report`) and `docs/json-format.md` describes it.
 *
 * Versioning: adding a property (or an enum value) keeps `schemaVersion`; removing, renaming
 * or changing the meaning or type of a property bumps it. Consumers must ignore properties
 * they do not know, which is why the generated JSON Schema does not forbid extra properties.
 */
export { JSON_REPORT_SCHEMA_VERSION };

export const jsonReportSchemaId = 'https://raw.githubusercontent.com/media-lint/media-lint/main/schema/media-lint-report.schema.json';

const position = z.number().int().min(1);

const severity = z
  .enum(['error', 'warning', 'info'])
  .describe('Effective severity after configuration: `error` fails the run, `warning` and `info` do not by default.');

const relatedLocation = z
  .object({
    message: z.string().describe('Why this place matters for the finding.'),
    file: z.string().describe('Path of the file, as `file` of a finding.'),
    line: position.describe('1-based start line.'),
    column: position.describe('1-based start column in UTF-16 code units.'),
    endLine: position.describe('1-based end line.'),
    endColumn: position.describe('1-based column just after the end of the span (exclusive), in UTF-16 code units.'),
  })
  .describe('Another place that matters for the finding.');

export const jsonFindingSchema = z
  .object({
    ruleId: z.string().describe('Id of the rule (`schema/invalid-enum`) or of a loader pseudo-rule (`parse-error`, `file-error`).'),
    severity,
    message: z.string().describe('Human-readable message with the placeholders filled in.'),
    messageId: z.string().describe('Key of the rule message template that produced `message` (`unknownProperty`); stable for a rule.'),
    file: z
      .string()
      .describe('Path of the file as reported: relative to the working directory when inside it, otherwise as given (possibly absolute).'),
    line: position.describe('1-based start line.'),
    column: position.describe('1-based start column in UTF-16 code units.'),
    endLine: position.describe('1-based end line.'),
    endColumn: position.describe('1-based column just after the end of the span (exclusive), in UTF-16 code units.'),
    resource: z
      .object({
        address: z.string().describe('Address of the resource in its scope: CloudFormation logical id, Terraform address (`aws_medialive_channel.live`).'),
        type: z.string().describe('Canonical resource type (`AWS::MediaLive::Channel`).'),
        sourceType: z.string().describe('Resource type as written in the source (`aws_medialive_channel`).'),
      })
      .optional()
      .describe('The resource the finding is about. Absent for file-level findings such as `parse-error`.'),
    propertyPath: z.string().optional().describe('Canonical property path (`encoder_settings.video_descriptions[0].width`).'),
    sourcePath: z.string().optional().describe('The same path in the spelling of the source (`EncoderSettings.VideoDescriptions[0].Width`).'),
    constructPath: z.string().optional().describe('CDK construct path (`LiveStack/Channel/Resource`), for findings in synthesized CDK templates.'),
    constructSource: z
      .object({
        file: z.string().describe('File of the CDK app that created the construct.'),
        line: position.describe('1-based line.'),
        column: position.optional().describe('1-based column, when known.'),
      })
      .optional()
      .describe('Where the CDK construct was created, when the template carries that metadata.'),
    related: z.array(relatedLocation).optional().describe('Other places that matter for the finding, in a meaningful order.'),
    fingerprint: z
      .string()
      .describe('Stable identity of the finding: derived from rule, file, resource, property path and message, not from line numbers. Use it for baselines and de-duplication.'),
    docsUrl: z.string().describe('URL of the rule documentation page.'),
  })
  .describe('One problem found in the input.');

export const jsonReportSchema = z
  .object({
    schemaVersion: z
      .literal(JSON_REPORT_SCHEMA_VERSION)
      .describe('Version of this format. Bumped only by incompatible changes (removed, renamed or retyped properties).'),
    tool: z
      .object({
        name: z.literal('media-lint').describe('Always `media-lint`.'),
        version: z.string().describe('Version of media-lint that produced the report.'),
      })
      .describe('The program that produced the report.'),
    summary: z
      .object({
        files: z.number().int().min(0).describe('Files read and recognised as input.'),
        resources: z.number().int().min(0).describe('Resources with a media type (MediaLive, MediaPackage, MediaConvert, Kinesis Video) in the input.'),
        errors: z.number().int().min(0).describe('Findings with severity `error`.'),
        warnings: z.number().int().min(0).describe('Findings with severity `warning`.'),
        infos: z.number().int().min(0).describe('Findings with severity `info`.'),
      })
      .describe('Counts for the whole run.'),
    findings: z.array(jsonFindingSchema).describe('All findings, sorted by file, line, column, rule id and message.'),
  })
  .meta({
    $id: jsonReportSchemaId,
    title: 'media-lint JSON report',
    description:
      'Output of `media-lint --format json`. Properties documented here are stable within a schemaVersion; consumers must ignore properties they do not know.',
  });

export type JsonReport = z.infer<typeof jsonReportSchema>;
export type JsonFinding = z.infer<typeof jsonFindingSchema>;

/** The JSON Schema (draft 2020-12) of the report, as checked in at `schema/media-lint-report.schema.json`. */
export function reportJsonSchema(): Record<string, unknown> {
  // `io: 'input'` leaves out `additionalProperties: false`: newer 1.x output may add properties.
  const { $schema, $id, title, description, ...rest } = z.toJSONSchema(jsonReportSchema, { io: 'input' }) as Record<string, unknown>;
  // Identification first, for people reading the file.
  return { $schema, $id, title, description, ...rest };
}
