import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateReportSchema, reportSchemaPath } from '../../scripts/generate-report-schema.js';
import { docsUrl } from '../../src/engine/rule.js';
import { formatReport } from '../../src/reporters/index.js';
import { formatJson } from '../../src/reporters/json.js';
import { JSON_REPORT_SCHEMA_VERSION, jsonReportSchema } from '../../src/reporters/json-schema.js';
import { cleanReport, fullReport } from './fixtures.js';

describe('json reporter', () => {
  it('produces output that the zod schema accepts, without undocumented properties', () => {
    const parsed: unknown = JSON.parse(formatReport(fullReport(), 'json'));
    const result = jsonReportSchema.safeParse(parsed);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    // `z.object` strips unknown keys: equality means every emitted key is in the schema.
    expect(result.data).toEqual(parsed);
    expect(jsonReportSchema.parse(JSON.parse(formatJson(cleanReport())))).toEqual(JSON.parse(formatJson(cleanReport())));
  });

  it('produces output that the checked-in JSON Schema accepts', () => {
    const fromFile = z.fromJSONSchema(JSON.parse(readFileSync(reportSchemaPath, 'utf8')));
    expect(fromFile.safeParse(JSON.parse(formatJson(fullReport()))).success).toBe(true);
    expect(fromFile.safeParse(JSON.parse(formatJson(cleanReport()))).success).toBe(true);
    const broken = JSON.parse(formatJson(fullReport())) as { findings: Array<Record<string, unknown>> };
    delete broken.findings[0]!.fingerprint;
    expect(fromFile.safeParse(broken).success).toBe(false);
  });

  it('has a checked-in JSON Schema that matches the zod schema (run `npm run schema:report` if this fails)', () => {
    expect(readFileSync(reportSchemaPath, 'utf8')).toBe(generateReportSchema());
    const schema = JSON.parse(generateReportSchema()) as Record<string, unknown>;
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // Open for additive changes within a schema version.
    expect(JSON.stringify(schema)).not.toContain('"additionalProperties":false');
  });

  it('is byte-identical across calls and input orders, indented with two spaces and newline-terminated', () => {
    const report = fullReport();
    const first = formatJson(report);
    expect(formatJson(report)).toBe(first);
    expect(formatJson(fullReport())).toBe(first);
    expect(formatJson({ ...report, findings: [...report.findings].reverse() })).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "media-lint",')).toBe(true);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no timestamps
  });

  it('writes the documented fields in a fixed order and omits absent optional ones', () => {
    const out = JSON.parse(formatJson(fullReport())) as z.infer<typeof jsonReportSchema>;
    expect(out.schemaVersion).toBe(JSON_REPORT_SCHEMA_VERSION);
    expect(out.tool).toEqual({ name: 'media-lint', version: '0.1.0' });
    expect(out.summary).toEqual({ files: 3, resources: 3, errors: 3, warnings: 1, infos: 1 });
    expect(out.findings.map((f) => f.ruleId)).toEqual([
      'gop/closed-gop',
      'parse-error',
      'schema/unknown-property',
      'ladder/resolution-step',
      'security/unencrypted-ingest',
    ]);

    const [cdk, parse, unknown, ladder] = out.findings;
    expect(Object.keys(cdk!)).toEqual([
      'ruleId',
      'severity',
      'message',
      'messageId',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'resource',
      'propertyPath',
      'sourcePath',
      'constructPath',
      'constructSource',
      'fingerprint',
      'docsUrl',
    ]);
    expect(cdk!.constructSource).toEqual({ file: 'lib/live-stack.ts', line: 42, column: 5 });
    expect(Object.keys(parse!)).toEqual(['ruleId', 'severity', 'message', 'messageId', 'file', 'line', 'column', 'endLine', 'endColumn', 'fingerprint', 'docsUrl']);
    expect(parse!.docsUrl).toBe(docsUrl('parse-error'));
    expect(unknown).toMatchObject({
      file: 'templates/live.yaml',
      line: 6,
      column: 7,
      endLine: 6,
      endColumn: 13,
      resource: { address: 'Channel', type: 'AWS::MediaLive::Channel', sourceType: 'AWS::MediaLive::Channel' },
      fingerprint: 'c0ffee0000000001',
      docsUrl: 'https://github.com/media-lint/media-lint/blob/main/rules-docs/schema/unknown-property.md',
    });
    expect(ladder!.related).toEqual([{ message: 'Same size as v1', file: 'templates/live.yaml', line: 10, column: 13, endLine: 10, endColumn: 51 }]);
  });

  it('summarises a clean run', () => {
    expect(formatReport(cleanReport(), 'json')).toBe(
      `${JSON.stringify(
        {
          schemaVersion: 1,
          tool: { name: 'media-lint', version: '0.1.0' },
          summary: { files: 4, resources: 7, errors: 0, warnings: 0, infos: 0 },
          findings: [],
        },
        null,
        2,
      )}\n`,
    );
  });
});
