import type { Finding } from '../engine/finding.js';
import type { LintReport } from '../engine/report.js';
import { docsUrl } from '../engine/rule.js';
import type { JsonFinding, JsonReport } from './json-schema.js';
import { JSON_REPORT_SCHEMA_VERSION } from './json-version.js';
import { countSeverities, orderedFindings } from './summary.js';

/** The report as the object that `formatJson` serialises (see `json-schema.ts`). */
export function toJsonReport(report: LintReport): JsonReport {
  const findings = orderedFindings(report);
  const counts = countSeverities(findings);
  return {
    schemaVersion: JSON_REPORT_SCHEMA_VERSION,
    tool: { name: 'media-lint', version: report.toolVersion },
    summary: {
      files: report.filesLinted,
      resources: report.resourcesLinted,
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
    },
    findings: findings.map(toJsonFinding),
  };
}

/** Builds each object field by field, so the key order is the schema's whatever the input's order. */
function toJsonFinding(finding: Finding): JsonFinding {
  const { resource, constructSource, related } = finding;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    messageId: finding.messageId,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...(resource ? { resource: { address: resource.address, type: resource.type, sourceType: resource.sourceType } } : {}),
    ...(finding.propertyPath !== undefined ? { propertyPath: finding.propertyPath } : {}),
    ...(finding.sourcePath !== undefined ? { sourcePath: finding.sourcePath } : {}),
    ...(finding.constructPath !== undefined ? { constructPath: finding.constructPath } : {}),
    ...(constructSource
      ? {
          constructSource: {
            file: constructSource.file,
            line: constructSource.line,
            ...(constructSource.column !== undefined ? { column: constructSource.column } : {}),
          },
        }
      : {}),
    ...(related && related.length > 0
      ? {
          related: related.map((r) => ({
            message: r.message,
            file: r.file,
            line: r.line,
            column: r.column,
            endLine: r.endLine,
            endColumn: r.endColumn,
          })),
        }
      : {}),
    fingerprint: finding.fingerprint,
    docsUrl: docsUrl(finding.ruleId),
  };
}

/** Versioned, deterministic JSON: 2-space indentation, fixed key order, trailing newline. */
export function formatJson(report: LintReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
