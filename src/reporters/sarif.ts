import type { Finding, Severity } from '../engine/finding.js';
import type { LintReport } from '../engine/report.js';
import { docsUrl, repositoryUrl, type RuleMeta } from '../engine/rule.js';
import type { SourceText } from '../graph/source.js';
import { orderedFindings } from './summary.js';

/** The SARIF 2.1.0 schema as GitHub's documentation and the SARIF multitool refer to it. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Base id of every relative artifact URI; resolved through `run.originalUriBaseIds`. */
export const SRCROOT = '%SRCROOT%';
/** Key of our fingerprint in `result.partialFingerprints`; bump the suffix if the derivation changes. */
export const FINGERPRINT_KEY = 'mediaLint/v1';
/** GitHub code scanning keeps at most this many related locations per result. */
const MAX_RELATED_LOCATIONS = 1000;
/** Regions larger than this get no `snippet` (the file is in the repository anyway). */
const MAX_SNIPPET_LINES = 50;
const MAX_SNIPPET_LENGTH = 4000;

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}

/** The region of a finding or related location: always with both ends. */
type SpanRegion = SarifRegion & { startColumn: number; endLine: number; endColumn: number };

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region: SarifRegion;
  contextRegion?: { startLine: number; endLine: number; snippet?: { text: string } };
}

export interface SarifLocation {
  id?: number;
  physicalLocation: SarifPhysicalLocation;
  logicalLocations?: Array<{ name: string; fullyQualifiedName?: string; kind: string }>;
  message?: SarifMessage;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: 'very-high' | 'high' | 'medium' | 'low'; 'security-severity'?: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  relatedLocations?: SarifLocation[];
  properties?: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: {
          name: string;
          version: string;
          semanticVersion?: string;
          informationUri: string;
          rules: SarifReportingDescriptor[];
        };
      };
      invocations: Array<{ executionSuccessful: boolean }>;
      originalUriBaseIds: Record<string, { uri: string }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/** `schema/invalid-enum` → `SchemaInvalidEnum`: the reportingDescriptor `name`. */
export function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Z]/.test(name) ? name : `Rule${name}`;
}

/** SARIF wants messages as complete sentences (validator rule SARIF2001). */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return trimmed;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function ruleDescriptor(rule: RuleMeta): SarifReportingDescriptor {
  const url = docsUrl(rule.id);
  const references = rule.references;
  const textParts = [sentence(rule.details), `Why it matters: ${sentence(rule.rationale)}`];
  const markdownParts = [sentence(rule.details), `**Why it matters.** ${sentence(rule.rationale)}`];
  if (references.length > 0) {
    textParts.push(['References:', ...references.map((r) => `- ${r.title}${r.url ? `: ${r.url}` : ''}`)].join('\n'));
    markdownParts.push(['**References**', '', ...references.map((r) => (r.url ? `- [${r.title}](${r.url})` : `- ${r.title}`))].join('\n'));
  }
  textParts.push(`Documentation: ${url}`);
  markdownParts.push(`[Rule documentation](${url})`);

  const tags: string[] = [rule.category];
  if (rule.securitySeverity !== undefined && !tags.includes('security')) tags.push('security');
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: sentence(rule.description) },
    fullDescription: { text: sentence(rule.details) },
    help: { text: textParts.join('\n\n'), markdown: markdownParts.join('\n\n') },
    helpUri: url,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags,
      precision: 'high',
      ...(rule.securitySeverity !== undefined ? { 'security-severity': securitySeverity(rule.securitySeverity) } : {}),
    },
  };
}

/** GitHub reads `security-severity` as a string holding a number from 0.0 to 10.0. */
function securitySeverity(score: number): string {
  const clamped = Number.isFinite(score) ? Math.min(10, Math.max(0, score)) : 0;
  return clamped.toFixed(1);
}

/** A descriptor for a finding whose rule is not in `report.rules` (should not happen, but SARIF needs one). */
function fallbackDescriptor(finding: Finding): SarifReportingDescriptor {
  const url = docsUrl(finding.ruleId);
  const text = `Findings reported under the id ${finding.ruleId}.`;
  return {
    id: finding.ruleId,
    name: ruleName(finding.ruleId),
    shortDescription: { text },
    fullDescription: { text },
    help: { text: `${text}\n\nDocumentation: ${url}`, markdown: `${text}\n\n[Rule documentation](${url})` },
    helpUri: url,
    defaultConfiguration: { level: sarifLevel(finding.severity) },
    properties: { tags: [], precision: 'high' },
  };
}

// ---------------------------------------------------------------------------------------------
// Paths and URIs

interface PathStyle {
  /** Working directory with forward slashes and no trailing slash (`/work/repo`, `C:/work/repo`). */
  root: string;
  windows: boolean;
}

function pathStyle(cwd: string): PathStyle {
  const windows = /^[A-Za-z]:[\\/]/.test(cwd) || cwd.startsWith('\\\\');
  let root = windows ? cwd.replace(/\\/g, '/') : cwd;
  while (root.length > 1 && root.endsWith('/') && !/^[A-Za-z]:\/$/.test(root)) root = root.slice(0, -1);
  return { root, windows };
}

function isAbsolute(path: string, windows: boolean): boolean {
  return path.startsWith('/') || (windows && /^[A-Za-z]:\//.test(path));
}

/** Resolves `.` and `..` segments of a forward-slash path (keeping leading `..` of relative paths). */
function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment === '..' && absolute) continue;
    else out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(LONE_SURROGATE, '\uFFFD'));
}

/** Percent-encodes each segment; a `:` in a relative path can then never read as a URI scheme. */
function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/** `file:` URI of an absolute forward-slash path (`/a/b` → `file:///a/b`, `C:/a` → `file:///C:/a`). */
function fileUri(absolute: string): string {
  if (/^[A-Za-z]:\//.test(absolute)) return `file:///${absolute.slice(0, 2)}${encodePath(absolute.slice(2))}`;
  if (absolute.startsWith('//')) return `file:${encodePath(absolute)}`; // UNC: file://server/share/…
  return `file://${encodePath(absolute)}`;
}

/** The `%SRCROOT%` base: the working directory as a `file:` URI with a trailing slash (SARIF1004). */
export function srcRootUri(cwd: string): string {
  const { root } = pathStyle(cwd);
  const uri = fileUri(root);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * A reported path as an artifact location: relative to `%SRCROOT%` with forward slashes when
 * it is inside the working directory, otherwise an absolute `file:` URI.
 */
export function artifactLocation(file: string, cwd: string): SarifArtifactLocation {
  const style = pathStyle(cwd);
  const path = style.windows ? file.replace(/\\/g, '/') : file;
  let relative: string;
  if (isAbsolute(path, style.windows)) {
    const absolute = normalize(path);
    const prefix = style.root.endsWith('/') ? style.root : `${style.root}/`;
    const inside = style.windows ? absolute.toLowerCase().startsWith(prefix.toLowerCase()) : absolute.startsWith(prefix);
    if (!inside) return { uri: fileUri(absolute) };
    relative = absolute.slice(prefix.length);
  } else {
    relative = normalize(path);
    if (relative === '..' || relative.startsWith('../')) return { uri: fileUri(normalize(`${style.root}/${relative}`)) };
  }
  return { uri: encodePath(relative), uriBaseId: SRCROOT };
}

// ---------------------------------------------------------------------------------------------
// Regions

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function offsetOf(source: SourceText, line: number, column: number): number | undefined {
  const start = source.lineStarts[line - 1];
  if (start === undefined) return undefined;
  return Math.min(start + column - 1, source.text.length);
}

function region(span: Span, source: SourceText | undefined): SpanRegion {
  // SARIF1007: the end must not precede the start.
  const startLine = Math.max(1, span.line);
  const startColumn = Math.max(1, span.column);
  const endLine = Math.max(startLine, span.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, span.endColumn) : Math.max(1, span.endColumn);
  const out: SpanRegion = { startLine, startColumn, endLine, endColumn };
  if (source && endLine - startLine < MAX_SNIPPET_LINES) {
    const from = offsetOf(source, startLine, startColumn);
    const to = offsetOf(source, endLine, endColumn);
    if (from !== undefined && to !== undefined && to - from <= MAX_SNIPPET_LENGTH) {
      out.snippet = { text: source.text.slice(from, Math.max(from, to)) };
    }
  }
  return out;
}

/**
 * The region's whole lines plus one line either side, with their text, so that viewers without
 * the repository can show the code (validator rule SARIF2011). SARIF requires a proper superset
 * of the region, so a region that already covers every line there is gets none.
 */
function contextRegion(region: SpanRegion, source: SourceText | undefined): SarifPhysicalLocation['contextRegion'] {
  if (!source || region.endLine - region.startLine >= MAX_SNIPPET_LINES || region.startLine > source.lineCount) return undefined;
  const startLine = Math.max(1, region.startLine - 1);
  const endLine = Math.min(source.lineCount, region.endLine + 1);
  const wholeLines = region.startColumn === 1 && region.endColumn > source.lineText(region.endLine).length;
  if (startLine === region.startLine && endLine === region.endLine && wholeLines) return undefined;
  const from = source.lineStarts[startLine - 1] ?? 0;
  const to = (source.lineStarts[endLine - 1] ?? from) + source.lineText(endLine).length;
  if (to - from > MAX_SNIPPET_LENGTH) return { startLine, endLine };
  return { startLine, endLine, snippet: { text: source.text.slice(from, to) } };
}

function physicalLocation(file: string, span: Span, report: LintReport): SarifPhysicalLocation {
  const source = report.sources.get(file);
  const main = region(span, source);
  const context = contextRegion(main, source);
  return { artifactLocation: artifactLocation(file, report.cwd), region: main, ...(context ? { contextRegion: context } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Results

function result(finding: Finding, ruleIndex: number, report: LintReport): SarifResult {
  const location: SarifLocation = { physicalLocation: physicalLocation(finding.file, finding, report) };
  if (finding.resource) {
    location.logicalLocations = [{ name: finding.resource.address, fullyQualifiedName: finding.resource.address, kind: 'resource' }];
  }

  const related: SarifLocation[] = [];
  for (const r of finding.related ?? []) {
    related.push({ id: related.length + 1, physicalLocation: physicalLocation(r.file, r, report), message: { text: sentence(r.message) } });
  }
  if (finding.constructSource) {
    // A point (or, without a column, the whole line: SARIF §3.30.2) in the CDK app's source.
    const { file, line, column } = finding.constructSource;
    const what = finding.constructPath === undefined ? 'The CDK construct' : `The CDK construct ${finding.constructPath}`;
    related.push({
      id: related.length + 1,
      physicalLocation: {
        artifactLocation: artifactLocation(file, report.cwd),
        region: column === undefined ? { startLine: Math.max(1, line) } : { startLine: Math.max(1, line), startColumn: Math.max(1, column) },
      },
      message: { text: `${what} is created here.` },
    });
  }

  const properties: Record<string, string> = {};
  if (finding.constructPath !== undefined) properties.constructPath = finding.constructPath;
  if (finding.resource) properties.resourceType = finding.resource.type;
  if (finding.propertyPath !== undefined) properties.propertyPath = finding.propertyPath;

  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: sentence(finding.message) },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(related.length > 0 ? { relatedLocations: related.slice(0, MAX_RELATED_LOCATIONS) } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** The report as a SARIF 2.1.0 log object (see `formatSarif`). */
export function toSarif(report: LintReport): SarifLog {
  const rules: SarifReportingDescriptor[] = [];
  const indexById = new Map<string, number>();
  for (const rule of report.rules) {
    if (indexById.has(rule.id)) continue;
    indexById.set(rule.id, rules.length);
    rules.push(ruleDescriptor(rule));
  }

  const results: SarifResult[] = [];
  for (const finding of orderedFindings(report)) {
    let index = indexById.get(finding.ruleId);
    if (index === undefined) {
      index = rules.length;
      indexById.set(finding.ruleId, index);
      rules.push(fallbackDescriptor(finding));
    }
    results.push(result(finding, index, report));
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'media-lint',
            version: report.toolVersion,
            ...(SEMVER.test(report.toolVersion) ? { semanticVersion: report.toolVersion } : {}),
            informationUri: repositoryUrl,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true }],
        originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Deterministic: no timestamps. */
export function formatSarif(report: LintReport): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
