import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import type { Resource, Scope } from '../../src/graph/resource.js';
import { SourceText, type Span } from '../../src/graph/source.js';
import { lookupResourceType } from '../../src/graph/type-registry.js';
import { getProperty, type Value } from '../../src/graph/value.js';
import { pangeaFrontEnd } from '../../src/parsers/pangea/index.js';
import { loadPangeaFiles, type PangeaLoadOptions } from '../../src/parsers/pangea/load.js';
import type { InputFile, LoadResult } from '../../src/parsers/types.js';

const cwd = process.cwd();

export function inputFile(path: string, text?: string): InputFile {
  return { path, absolutePath: resolve(cwd, path), source: new SourceText(path, text ?? readFileSync(resolve(cwd, path), 'utf8')), explicit: true };
}

/** Loads Ruby text (or files) through the Pangea front-end. */
export async function loadRuby(text: string, path = 'inline.rb', options?: PangeaLoadOptions): Promise<LoadResult> {
  return options ? loadPangeaFiles([inputFile(path, text)], options) : pangeaFrontEnd.load([inputFile(path, text)], { cwd });
}

/** The only scope of a text that must load without diagnostics. */
export async function loadScope(text: string, path = 'inline.rb'): Promise<Scope> {
  const result = await loadRuby(text, path);
  expect(result.diagnostics).toEqual([]);
  expect(result.scopes).toHaveLength(1);
  return result.scopes[0]!;
}

/** Wraps statements in a template block. */
export function template(body: string, name = 't'): string {
  return `template :${name} do\n${body}\nend\n`;
}

/** `line:column-line:column`, for compact span assertions. */
export function at(span: Span | undefined): string {
  if (!span) return 'none';
  return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}

export function resourceAt(scope: Scope, address: string): Resource {
  const found = scope.resources.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no resource ${address}; have ${scope.resources.map((resource) => resource.address).join(', ')}`);
  return found;
}

/** The value at a canonical path (names and list indexes) from a resource's properties or a value. */
export function valueAt(target: Resource | Value, ...path: Array<string | number>): Value | undefined {
  let value: Value | undefined = 'properties' in target && 'address' in target ? target.properties : (target as Value);
  for (const segment of path) {
    if (value === undefined) return undefined;
    if (typeof segment === 'number') value = value.kind === 'list' ? value.items[segment] : undefined;
    else value = value.kind === 'object' ? getProperty(value, segment)?.value : undefined;
  }
  return value;
}

export function propertyAt(target: Resource, ...path: Array<string | number>) {
  const last = path[path.length - 1] as string;
  const parent = valueAt(target, ...path.slice(0, -1));
  return parent?.kind === 'object' ? getProperty(parent, last) : undefined;
}

/**
 * A value as plain data for `toEqual`: known values as themselves, objects and lists as objects
 * and arrays (an open one gets a `'…open'` marker), references as `ref:<target>[.<attribute>]`,
 * partially known strings as `tmpl:` followed by their parts, unknown values as `unknown:<reason>`.
 */
export function plain(value: Value | undefined): unknown {
  if (value === undefined) return undefined;
  switch (value.kind) {
    case 'known':
      return value.value;
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of value.properties) result[property.name] = plain(property.value);
      if (value.open) result['…open'] = true;
      return result;
    }
    case 'list':
      return value.open ? [...value.items.map(plain), '…open'] : value.items.map(plain);
    case 'reference':
      return `ref:${value.target}${value.attribute ? `.${value.attribute}` : ''}`;
    case 'template':
      return `tmpl:${value.parts.map((part) => (typeof part === 'string' ? part : `{${String(plain(part))}}`)).join('')}`;
    case 'unknown':
      return `unknown:${value.reason}`;
  }
}

/**
 * What must be the same for a Pangea fixture and its CloudFormation twin: the rule, the resource
 * type and the member. A type that is not a media type (a misspelt one) is compared as such: the
 * two formats cannot spell a typo the same way.
 */
export function parityKey(finding: Finding): string {
  const type = finding.resource ? (lookupResourceType(finding.resource.type) ? finding.resource.type : '(not a media type)') : '(no resource)';
  // Tags are a list of `{Key, Value}` in CloudFormation and a map in Terraform and Pangea.
  const path = (finding.propertyPath ?? '').replace(/(^|\.)tags(\[\d+\](\.(key|value))?|\.[^.[]+)/, '$1tags.*');
  return `${finding.ruleId} | ${type} | ${path}`;
}

/**
 * Rules whose fixtures cannot exist for Pangea, with the reason (test/rules/coverage.test.ts takes
 * its Pangea exemptions from here; the seed parity test leaves these rules out on both sides).
 * Each entry is a gap in what media-lint checks in Pangea templates, not a missing test.
 */
export const pangeaExemptions: Readonly<Record<string, string>> = {
  'not-followed': 'The Pangea front-end never reports it: what its interpreter does not follow becomes an unknown value (see src/parsers/pangea/).',
  'kinesis-video/retention-zero-with-playback':
    'The rule finds playback permissions in AWS::IAM::* policies only; it does not read Terraform or Pangea IAM resources (aws_iam_role, aws_iam_policy), so no Pangea template can fail it.',
  'security/access-logs-off':
    'The rule deliberately skips hashicorp/aws aws_media_package_channel resources (what Pangea emits), which have no access log arguments, so no Pangea template can fail it.',
};
