import { basename, dirname } from 'node:path';
import { findNodeAtLocation, type Node as JsonNode, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { readRegularFile } from '../engine/read.js';
import type { RuleMeta } from '../engine/rule.js';
import { closestMatch } from '../rules/support/suggest.js';
import { configSchema, configurableRules, packageJsonKey, severitySettings, type PresetName, type RuleEntry } from './schema.js';

/** A configuration file that cannot be used: every problem, each `file:line:column: key: message`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** A configuration file, read and validated. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  /** Patterns (`ignore`, `overrides[].files`) are relative to this directory. */
  directory: string;
  preset: PresetName;
  /** By rule id. */
  rules: ReadonlyMap<string, { severity?: (typeof severitySettings)[number]; options?: Record<string, unknown> }>;
  ignore: readonly string[];
  overrides: ReadonlyArray<{ files: readonly string[]; rules: ReadonlyMap<string, (typeof severitySettings)[number]> }>;
}

type PathKey = string | number;

/** Finds where a key path is written, for located messages. */
interface Locator {
  /** 1-based line and column of the value at `path` (or of its key, with `part: 'key'`); the nearest existing ancestor when absent. */
  locate(path: readonly PathKey[], part: 'key' | 'value'): { line: number; column: number };
}

/**
 * Reads and validates a configuration file. `displayName` is how messages name it (relative to the
 * working directory). Throws `ConfigError` with every problem found.
 */
export function loadConfigFile(absolutePath: string, displayName = absolutePath, metas: readonly RuleMeta[] = configurableRules()): LoadedConfig {
  // Read safely: a configuration path that is a pipe or device is reported, not read forever.
  const read = readRegularFile(absolutePath);
  if (read.kind === 'error') {
    const code = read.code;
    throw new ConfigError(displayName, [`${displayName}: cannot be read${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`]);
  }
  let text = read.bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const isPackageJson = basename(absolutePath) === 'package.json';
  const parsed = /\.ya?ml$/i.test(absolutePath) ? parseYaml(text, displayName) : parseJson(text, displayName, !isPackageJson);
  let value = parsed.value;
  let prefix: PathKey[] = [];
  if (isPackageJson) {
    prefix = [packageJsonKey];
    value = isRecord(value) ? value[packageJsonKey] : undefined;
    if (value === undefined) throw new ConfigError(displayName, [`${displayName}: has no "${packageJsonKey}" key`]);
  }
  if (value === null || value === undefined) value = {}; // an empty YAML file: the defaults
  return validate(value, absolutePath, displayName, metas, parsed.locator, prefix);
}

/**
 * The problems of a configuration given as a value (no file, so no line and column), as
 * `rules["ladder/step-ratio"].severity: expected …` lines, with the same messages and "did you mean"
 * suggestions as a configuration file gets. Empty when it is valid.
 */
export function configValueProblems(value: unknown, metas: readonly RuleMeta[] = configurableRules()): string[] {
  const result = configSchema(metas).safeParse(value);
  if (result.success) return [];
  return describeIssues(result.error.issues, value, metas).map((problem) => {
    const keyPath = renderPath(problem.path);
    return `${keyPath ? `${keyPath}: ` : ''}${problem.message}`;
  });
}

function validate(value: unknown, absolutePath: string, displayName: string, metas: readonly RuleMeta[], locator: Locator, prefix: PathKey[]): LoadedConfig {
  const result = configSchema(metas).safeParse(value);
  if (!result.success) {
    const problems = describeIssues(result.error.issues, value, metas)
      .map((problem) => ({ problem, where: locator.locate([...prefix, ...problem.path], problem.part) }))
      .sort((a, b) => a.where.line - b.where.line || a.where.column - b.where.column)
      .map(({ problem, where }) => {
        const keyPath = renderPath(problem.path);
        return `${displayName}:${where.line}:${where.column}: ${keyPath ? `${keyPath}: ` : ''}${problem.message}`;
      });
    throw new ConfigError(displayName, problems);
  }
  const config = result.data as {
    preset?: PresetName;
    extends?: PresetName;
    rules?: Record<string, RuleEntry | undefined>;
    ignore?: string[];
    overrides?: Array<{ files: string[]; rules: Record<string, RuleEntry | undefined> }>;
  };
  const rules = new Map<string, { severity?: (typeof severitySettings)[number]; options?: Record<string, unknown> }>();
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    if (entry === undefined) continue;
    rules.set(id, typeof entry === 'string' ? { severity: entry } : entry);
  }
  const overrides = (config.overrides ?? []).map((override) => {
    const severities = new Map<string, (typeof severitySettings)[number]>();
    for (const [id, entry] of Object.entries(override.rules)) {
      const severity = typeof entry === 'string' ? entry : entry?.severity;
      if (severity !== undefined) severities.set(id, severity);
    }
    return { files: override.files, rules: severities };
  });
  return {
    file: absolutePath,
    directory: dirname(absolutePath),
    preset: config.preset ?? config.extends ?? 'recommended',
    rules,
    ignore: config.ignore ?? [],
    overrides,
  };
}

interface Problem {
  path: PathKey[];
  part: 'key' | 'value';
  message: string;
}

const topLevelKeys = ['$schema', 'preset', 'extends', 'rules', 'ignore', 'overrides'];

/** Turns zod issues into messages a person can act on, with "did you mean" where it helps. */
function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, metas: readonly RuleMeta[], base: PathKey[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathKey[])];
    const actual = valueAt(input, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) problems.push({ path: [...path, key], part: 'key', message: unknownKeyMessage(path, key, metas) });
        break;
      case 'invalid_union': {
        // A rule entry is a severity or an object: explain the branch that matches the kind of value
        // written (an object: the branch that got past the type check; a string: the severity enum).
        const isObject = actual !== null && typeof actual === 'object' && !Array.isArray(actual);
        const relevant = issue.errors.filter((branch) =>
          isObject
            ? !branch.some((inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value'))
            : typeof actual === 'string' && branch.some((inner) => inner.path.length === 0 && inner.code === 'invalid_value'),
        );
        if (relevant.length === 1) problems.push(...describeIssues(relevant[0]!, input, metas, path));
        else problems.push({ path, part: 'value', message: `expected ${quoteList(severitySettings)} or { severity, options }, got ${describeValue(actual)}` });
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const prefixed = typeof actual === 'string' && actual.length > 0 ? allowed.filter((value) => value.startsWith(actual.toLowerCase())) : [];
        const suggestion = typeof actual === 'string' ? (closestMatch(actual, allowed) ?? (prefixed.length === 1 ? prefixed[0] : undefined)) : undefined;
        const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
        problems.push({ path, part: 'value', message: `expected ${quoteList(allowed)}, got ${describeValue(actual)}${hint}` });
        break;
      }
      case 'invalid_type':
        problems.push({ path, part: 'value', message: `expected ${article(issue.expected)}, got ${describeValue(actual)}` });
        break;
      case 'too_small':
        problems.push({ path, part: 'value', message: Array.isArray(actual) ? 'must list at least one pattern' : issue.message });
        break;
      default:
        problems.push({ path, part: 'value', message: issue.message });
    }
  }
  return problems;
}

function unknownKeyMessage(path: readonly PathKey[], key: string, metas: readonly RuleMeta[]): string {
  const ruleIds = metas.map((meta) => meta.id);
  const suggest = (candidates: readonly string[]) => {
    const suggestion = closestMatch(key, candidates);
    return suggestion ? `; did you mean "${suggestion}"?` : '';
  };
  if (path.length === 0) return `unknown key${suggest(topLevelKeys)} (expected ${quoteList(topLevelKeys)})`;
  const last = path[path.length - 1];
  // rules.<id> or overrides[n].rules.<id>
  if (last === 'rules') {
    if (key === 'parse-error' || key === 'file-error') return `"${key}" cannot be configured: an input that cannot be read is always an error`;
    return `unknown rule${suggest(ruleIds) || ' (see media-lint --list-rules)'}`;
  }
  const ruleId = path[path.length - 1];
  const meta = metas.find((candidate) => candidate.id === ruleId);
  if (path.length >= 2 && path[path.length - 2] === 'rules' && meta) {
    if (key === 'options' && path[0] === 'overrides') return 'options cannot be set per path; set them in the top-level "rules"';
    if (key === 'options') return `${meta.id} has no options`;
    return `unknown key${suggest(['severity', 'options'])} (expected "severity"${meta.options ? ' or "options"' : ''})`;
  }
  if (last === 'options' && typeof path[path.length - 2] === 'string') {
    const owner = metas.find((candidate) => candidate.id === path[path.length - 2]);
    const names = Object.keys(owner?.options ?? {});
    return `unknown option${suggest(names)} (${owner?.id ?? 'this rule'} has ${names.length === 0 ? 'no options' : quoteList(names)})`;
  }
  if (typeof last === 'number' && path[0] === 'overrides') return `unknown key${suggest(['files', 'rules'])} (expected "files" and "rules")`;
  return 'unknown key';
}

function quoteList(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false' };
  return names[type] ?? type;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

/** `rules["schema/invalid-enum"].options.stepRatio`, `overrides[0].files`. */
export function renderPath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function parseYaml(text: string, displayName: string): { value: unknown; locator: Locator } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (document.errors.length > 0) {
    throw new ConfigError(
      displayName,
      document.errors.map((error) => {
        const where = lineCounter.linePos(error.pos[0]);
        return `${displayName}:${where.line}:${where.col}: ${error.message.split('\n')[0]}`;
      }),
    );
  }
  const locate = (path: readonly PathKey[], part: 'key' | 'value') => {
    const offset = yamlOffset(document, path, part);
    const where = lineCounter.linePos(offset);
    return { line: where.line, column: where.col };
  };
  return { value: document.toJS({ maxAliasCount: 1000 }), locator: { locate } };
}

function yamlOffset(document: Document, path: readonly PathKey[], part: 'key' | 'value'): number {
  let node: YamlNode | null | undefined = document.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let index = 0; index < path.length; index++) {
    const key = path[index]!;
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return offset;
      const keyNode = pair.key as YamlNode;
      if (last && part === 'key') return keyNode.range?.[0] ?? offset;
      offset = (pair.value as YamlNode | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function parseJson(text: string, displayName: string, allowComments: boolean): { value: unknown; locator: Locator } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments });
  if (errors.length > 0 || !root) {
    const problems = errors.map((error) => {
      const where = lineColumn(text, error.offset);
      return `${displayName}:${where.line}:${where.column}: invalid JSON: ${describeJsonError(printParseErrorCode(error.error))}`;
    });
    throw new ConfigError(displayName, problems.length > 0 ? problems : [`${displayName}:1:1: invalid JSON: the file is empty`]);
  }
  const locate = (path: readonly PathKey[], part: 'key' | 'value') => {
    let node: JsonNode | undefined;
    let depth = path.length;
    while (!node && depth >= 0) {
      node = findNodeAtLocation(root, path.slice(0, depth) as PathKey[]);
      if (!node) depth--;
    }
    let offset = node?.offset ?? 0;
    if (node && depth === path.length && part === 'key' && node.parent?.type === 'property') offset = node.parent.offset;
    return lineColumn(text, offset);
  };
  return { value: jsonValue(root), locator: { locate } };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) result[String(key.value)] = jsonValue(value);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value as unknown;
  }
}


