export { formatReport, reportFormats, type FormatOptions, type ReportFormat } from './format.js';
export { formatText, codeFrame, TEXT_MAX_WIDTH, type TextOptions } from './text.js';
export { formatJson, toJsonReport } from './json.js';
export { annotationCommand, annotationLimits, annotationPath, byImportance, escapeData, escapeProperty, formatGithub, type GithubFormatOptions } from './github.js';
export {
  JSON_REPORT_SCHEMA_VERSION,
  jsonReportSchema,
  jsonFindingSchema,
  jsonReportSchemaId,
  reportJsonSchema,
  type JsonReport,
  type JsonFinding,
} from './json-schema.js';
export {
  formatSarif,
  toSarif,
  ruleName,
  sarifLevel,
  artifactLocation,
  srcRootUri,
  SARIF_SCHEMA_URI,
  SRCROOT,
  FINGERPRINT_KEY,
  type SarifLog,
  type SarifResult,
  type SarifReportingDescriptor,
  type SarifLevel,
} from './sarif.js';
export { countSeverities, orderedFindings, type SeverityCounts } from './summary.js';
