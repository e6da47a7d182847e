import { createHash } from 'node:crypto';
import type { Span } from '../graph/source.js';
import type { LoadDiagnostic } from '../parsers/types.js';
import type { Finding, Severity } from './finding.js';
import { formatMessage, type ReportDescriptor, type RuleMeta } from './rule.js';

/** Builds the finding for a rule's report: location, resource, paths, fingerprint. */
export function findingFromReport(meta: RuleMeta, descriptor: ReportDescriptor<string>, severity: Severity): Finding {
  const template = meta.messages[descriptor.messageId];
  const message = formatMessage(template ?? descriptor.messageId, descriptor.data);
  const related: NonNullable<Finding['related']> = [];
  for (const extra of descriptor.related ?? []) related.push({ message: extra.message, ...spanFields(extra.span) });

  if (descriptor.at === undefined) {
    const finding: Finding = { ruleId: meta.id, severity, message, messageId: descriptor.messageId, ...spanFields(descriptor.span), fingerprint: '' };
    if (related.length > 0) finding.related = related;
    finding.fingerprint = fingerprint([meta.id, descriptor.scope.id, descriptor.messageId, stableData(descriptor.data)]);
    return finding;
  }

  const { at } = descriptor;
  const span = descriptor.span ?? (descriptor.target === 'key' ? at.keySpan() : at.span());
  const resource = at.resource;
  for (const use of at.value?.via ?? []) related.unshift({ message: 'value used here', ...spanFields(use) });
  const finding: Finding = {
    ruleId: meta.id,
    severity,
    message,
    messageId: descriptor.messageId,
    ...spanFields(span),
    resource: { address: resource.address, type: resource.type, sourceType: resource.sourceType },
    fingerprint: '',
  };
  if (at.path.length > 0) {
    finding.propertyPath = at.pathString();
    finding.sourcePath = at.sourcePathString();
  }
  if (resource.constructPath) finding.constructPath = resource.constructPath;
  if (resource.constructSource) finding.constructSource = resource.constructSource;
  if (related.length > 0) finding.related = related;
  // A replacement value only makes sense where the finding points at that value.
  if (descriptor.suggestion && descriptor.span === undefined && descriptor.target !== 'key' && at.value !== undefined) finding.suggestion = descriptor.suggestion;
  finding.fingerprint = fingerprint([meta.id, resource.scope.id, resource.address, finding.propertyPath ?? '', descriptor.messageId, stableData(descriptor.data)]);
  return finding;
}

export function findingFromDiagnostic(diagnostic: LoadDiagnostic): Finding {
  const finding: Finding = {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    messageId: diagnostic.ruleId === 'parse-error' ? 'parseError' : diagnostic.ruleId === 'file-error' ? 'fileError' : 'notFollowed',
    ...spanFields(diagnostic.span),
    fingerprint: '',
  };
  finding.fingerprint = fingerprint([diagnostic.ruleId, diagnostic.span.file, diagnostic.message]);
  return finding;
}

function spanFields(span: Span): { file: string; line: number; column: number; endLine: number; endColumn: number } {
  return { file: span.file, line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

function stableData(data: Record<string, string | number> | undefined): string {
  if (!data) return '';
  return Object.keys(data)
    .sort()
    .map((key) => `${key}=${String(data[key])}`)
    .join('\u0000');
}

function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 32);
}

/** Deterministic output order: file, position, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message) ||
    compareStrings(a.resource?.address ?? '', b.resource?.address ?? '') ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops findings that repeat another one exactly (same rule, place and message). */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.line}:${finding.column}\u0000${finding.message}\u0000${finding.resource?.address ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

