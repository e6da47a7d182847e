/**
 * Writes the Pangea twin of a CloudFormation rule fixture: the same resources as typed Pangea
 * calls (`aws_medialive_channel(:live_channel, { … })`), parameters as `variable` blocks, outputs
 * as `output` blocks, intrinsic functions as the Ruby a Pangea author would write (`x.id`,
 * `x.arn`, `var(:x)`, interpolated strings, `data_ref` for imports and availability zones,
 * conditions as environment lookups, which are just as unknown). Comments on keys are kept.
 *
 *   npx tsx test/parsers/pangea-translate.ts <rule-id>…   (writes fixtures/pangea/<rule-id>/{fail,pass}.rb)
 *
 * The twins are then checked like hand-written ones: the parity test compares their findings with
 * the CloudFormation fixture's, and pangea.test.ts asserts positions for the hand-written ones.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { toCanonicalName } from '../../src/graph/names.js';
import { lookupResourceType } from '../../src/graph/type-registry.js';

const RUBY_KEYWORDS = new Set([
  'alias', 'and', 'begin', 'break', 'case', 'class', 'def', 'defined', 'do', 'else', 'elsif', 'end', 'ensure', 'false', 'for', 'if', 'in', 'module',
  'next', 'nil', 'not', 'or', 'redo', 'rescue', 'retry', 'return', 'self', 'super', 'then', 'true', 'undef', 'unless', 'until', 'when', 'while', 'yield',
]);
const PSEUDO: Record<string, string> = {
  'AWS::AccountId': 'ENV["AWS_ACCOUNT_ID"]',
  'AWS::Region': 'ENV["AWS_REGION"]',
  'AWS::Partition': 'ENV["AWS_PARTITION"]',
  'AWS::StackName': 'ENV["STACK_NAME"]',
  'AWS::StackId': 'ENV["STACK_ID"]',
  'AWS::URLSuffix': 'ENV["AWS_URL_SUFFIX"]',
  'AWS::NotificationARNs': 'ENV["NOTIFICATION_ARNS"].to_s.split(",")',
  'AWS::NoValue': 'nil',
};

/** A Ruby expression, as source text. */
type Ruby = string;

interface Context {
  parameters: Set<string>;
  /** Logical id → Pangea function name and Ruby variable. */
  resources: Map<string, { type: string; variable: string; name: string }>;
  /** Resources already declared, which can be referenced through their variable. */
  declared: Set<string>;
  referenced: Set<string>;
  conditions: Set<string>;
}

export function snake(name: string): string {
  const result = toCanonicalName(name).replace(/[^a-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
  return RUBY_KEYWORDS.has(result) ? `${result}_value` : result;
}

function pangeaType(cloudFormationType: string): string {
  const info = lookupResourceType(cloudFormationType);
  if (info?.pangea[0]) return info.pangea[0];
  const [, service = 'x', resource = 'resource'] = cloudFormationType.split('::');
  return `aws_${service.toLowerCase()}_${toCanonicalName(resource)}`;
}

function rubyString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/#(?=[{$@])/g, '\\#').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

function rubyKey(key: string): string {
  if (/^[A-Z][A-Za-z0-9]*$/.test(key) || /^[a-z_][a-z0-9_]*$/.test(key)) {
    const name = toCanonicalName(key);
    if (/^[a-z_][a-z0-9_]*$/.test(name)) return `${name}:`;
  }
  return `${rubyString(key)} =>`;
}

function comment(node: { commentBefore?: string | null } | null | undefined, indent: string): string[] {
  const text = node?.commentBefore;
  if (!text) return [];
  return text.split('\n').map((line) => `${indent}#${line.startsWith(' ') || line === '' ? '' : ' '}${line}`.trimEnd());
}

class Translator {
  constructor(private readonly context: Context) {}

  /** An intrinsic function's tag (`!Ref`) or one-key mapping (`Ref:`, `Fn::GetAtt:`). */
  private intrinsic(node: YamlNode): { fn: string; arg: YamlNode | null } | undefined {
    if (node.tag && node.tag.startsWith('!')) {
      const name = node.tag.slice(1);
      return { fn: name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`, arg: node };
    }
    if (isMap(node) && node.items.length === 1) {
      const pair = node.items[0]!;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'Ref' || key.startsWith('Fn::')) return { fn: key, arg: (pair.value as YamlNode | null) ?? null };
    }
    return undefined;
  }

  private scalarText(node: YamlNode | null | undefined): string | undefined {
    return node && isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
  }

  private items(node: YamlNode | null): YamlNode[] {
    return node && isSeq(node) ? (node.items as YamlNode[]) : [];
  }

  /** The expression of a value, at an indentation. */
  value(node: YamlNode | null | undefined, indent: string): Ruby {
    if (node === null || node === undefined) return 'nil';
    const fn = this.intrinsic(node);
    if (fn) return this.function(fn.fn, fn.arg, indent);
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || value === undefined) return 'nil';
      if (typeof value === 'boolean') return String(value);
      if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 10_000 ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(value);
      // Dynamic references (`{{resolve:…}}`) stay as written: rules judge the text either way.
      return rubyString(String(value));
    }
    if (isSeq(node)) {
      const items = (node.items as YamlNode[]).map((item) => this.value(item, `${indent}  `));
      const inline = `[${items.join(', ')}]`;
      if (!inline.includes('\n') && inline.length + indent.length < 90 && !(node.items as YamlNode[]).some((item) => comment(item, '').length > 0)) return inline;
      const lines = ['['];
      (node.items as YamlNode[]).forEach((item, index) => {
        lines.push(...comment(item, `${indent}  `));
        lines.push(`${indent}  ${items[index]}${index < items.length - 1 ? ',' : ''}`);
      });
      lines.push(`${indent}]`);
      return lines.join('\n');
    }
    if (isMap(node)) return this.hash(node, indent);
    return 'nil';
  }

  /** Data with string keys as written (a `Mappings` section, looked up with strings). */
  data(node: YamlNode | null | undefined, indent: string): Ruby {
    if (!node || !isMap(node)) return this.value(node, indent);
    const entries = node.items.filter(isPair).map((pair) => `${indent}  ${rubyString(isScalar(pair.key) ? String(pair.key.value) : '')} => ${this.data(pair.value as YamlNode, `${indent}  `)}`);
    return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
  }

  hash(node: YAMLMap, indent: string, tags = false): Ruby {
    const entries: Array<{ pair: Pair; text: string }> = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as YamlNode | null;
      if (key === 'Tags' && value && isSeq(value) && !tags) {
        entries.push({ pair, text: `tags: ${this.tags(value, `${indent}  `)}` });
        continue;
      }
      entries.push({ pair, text: `${rubyKey(key)} ${this.value(value, `${indent}  `)}` });
    }
    if (entries.length === 0) return '{}';
    const inline = `{ ${entries.map((entry) => entry.text).join(', ')} }`;
    const commented = entries.some((entry) => comment(entry.pair.key as YamlNode, '').length > 0);
    if (!inline.includes('\n') && !commented && inline.length + indent.length < 80 && entries.length <= 3) return inline;
    const lines = ['{'];
    entries.forEach((entry, index) => {
      lines.push(...comment(entry.pair.key as YamlNode, `${indent}  `));
      lines.push(`${indent}  ${entry.text}${index < entries.length - 1 ? ',' : ''}`);
    });
    lines.push(`${indent}}`);
    return lines.join('\n');
  }

  /** CloudFormation's tag list (`- Key: a, Value: b`) as Terraform's tag map. */
  private tags(node: YamlNode, indent: string): Ruby {
    const pairs: string[] = [];
    for (const item of this.items(node)) {
      if (!isMap(item)) return this.value(node, indent);
      const key = this.scalarText(item.get('Key', true) as YamlNode);
      if (key === undefined) return this.value(node, indent);
      pairs.push(`${rubyString(key)} => ${this.value(item.get('Value', true) as YamlNode, `${indent}  `)}`);
    }
    const inline = `{ ${pairs.join(', ')} }`;
    if (inline.length + indent.length < 80) return inline;
    return `{\n${pairs.map((pair) => `${indent}  ${pair}`).join(',\n')}\n${indent}}`;
  }

  private reference(logicalId: string, attribute: string | undefined): Ruby {
    if (!attribute && this.context.parameters.has(logicalId)) return `var(:${snake(logicalId)})`;
    if (!attribute && PSEUDO[logicalId]) return PSEUDO[logicalId]!;
    const resource = this.context.resources.get(logicalId);
    const attributeName = attribute ? attribute.split('.').map(toCanonicalName).join('_') : 'id';
    if (resource && this.context.declared.has(logicalId) && /^[a-z_][a-z0-9_]*$/.test(attributeName)) {
      this.context.referenced.add(logicalId);
      return `${resource.variable}.${attributeName}`;
    }
    const type = resource?.type ?? pangeaType('AWS::Unknown::Resource');
    const guessed = resource ? type : this.guessType(logicalId);
    return `ref(:${guessed}, :${resource?.name ?? snake(logicalId)}, :${attributeName})`;
  }

  /** The type a dangling reference most likely meant: the type of the closest resource name. */
  private guessType(logicalId: string): string {
    let best: { type: string; score: number } | undefined;
    for (const [id, resource] of this.context.resources) {
      let common = 0;
      while (common < id.length && common < logicalId.length && id[common] === logicalId[common]) common++;
      if (!best || common > best.score) best = { type: resource.type, score: common };
    }
    return best?.type ?? 'aws_resource';
  }

  private interpolation(text: string, variables: Map<string, Ruby>): Ruby {
    let result = '';
    let index = 0;
    while (index < text.length) {
      const start = text.indexOf('${', index);
      if (start < 0) {
        result += escapeContent(text.slice(index));
        break;
      }
      result += escapeContent(text.slice(index, start));
      const end = text.indexOf('}', start);
      if (end < 0) {
        result += escapeContent(text.slice(start));
        break;
      }
      const name = text.slice(start + 2, end);
      if (name.startsWith('!')) result += escapeContent(`\${${name.slice(1)}}`);
      else {
        const variable = variables.get(name);
        const [head, ...rest] = name.split('.');
        result += `#{${variable ?? this.reference(head!, rest.length > 0 ? rest.join('.') : undefined)}}`;
      }
      index = end + 1;
    }
    return `"${result}"`;
  }

  private function(fn: string, arg: YamlNode | null, indent: string): Ruby {
    switch (fn) {
      case 'Ref': {
        const name = this.scalarText(arg);
        return name === undefined ? 'nil' : this.reference(name, undefined);
      }
      case 'Fn::GetAtt': {
        const text = this.scalarText(arg);
        const parts = text !== undefined ? text.split('.') : this.items(arg).map((item) => this.scalarText(item) ?? '');
        const [id, ...attribute] = parts;
        return this.reference(id ?? '', attribute.join('.') || 'Arn');
      }
      case 'Fn::Sub': {
        const text = this.scalarText(arg);
        if (text !== undefined) return this.interpolation(text, new Map());
        const [template, variables] = this.items(arg);
        const map = new Map<string, Ruby>();
        if (variables && isMap(variables)) {
          for (const pair of variables.items) if (isScalar(pair.key)) map.set(String(pair.key.value), this.value(pair.value as YamlNode, indent));
        }
        return this.interpolation(this.scalarText(template) ?? '', map);
      }
      case 'Fn::Join': {
        const [separator, list] = this.items(arg);
        return `${this.value(list, indent)}.join(${rubyString(this.scalarText(separator) ?? '')})`;
      }
      case 'Fn::Select': {
        const [index, list] = this.items(arg);
        return `${this.value(list, indent)}[${this.scalarText(index) ?? '0'}]`;
      }
      case 'Fn::Split': {
        const [separator, text] = this.items(arg);
        return `${this.value(text, indent)}.split(${rubyString(this.scalarText(separator) ?? ',')})`;
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = this.items(arg);
        return `${snake(this.scalarText(condition) ?? 'condition')} ? ${this.value(whenTrue, indent)} : ${this.value(whenFalse, indent)}`;
      }
      case 'Fn::ImportValue':
        return `data_ref(:terraform_remote_state, :imports, :${snake(this.scalarText(arg) ?? 'value')})`;
      case 'Fn::GetAZs':
        return 'data_ref(:aws_availability_zones, :available, :names)';
      case 'Fn::FindInMap': {
        const [map, first, second] = this.items(arg);
        return `MAPPINGS[${this.value(map, indent)}][${this.value(first, indent)}][${this.value(second, indent)}]`;
      }
      case 'Fn::Base64':
        return `base64encode(${this.value(arg, indent)})`;
      default:
        return `ENV[${rubyString(fn)}]`;
    }
  }
}

function escapeContent(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/#(?=[{$@])/g, '\\#').replace(/\n/g, '\\n');
}

/** The Pangea twin of a CloudFormation template. */
export function translateTemplate(text: string, templateName: string): string {
  const document = parseDocument(text, { uniqueKeys: false });
  const root = document.contents;
  if (!isMap(root)) throw new Error('not a template');
  const section = (name: string) => {
    const value = root.get(name, true) as YamlNode | undefined;
    return value && isMap(value) ? value : undefined;
  };
  const context: Context = { parameters: new Set(), resources: new Map(), declared: new Set(), referenced: new Set(), conditions: new Set() };
  for (const pair of section('Parameters')?.items ?? []) if (isScalar(pair.key)) context.parameters.add(String(pair.key.value));
  for (const pair of section('Conditions')?.items ?? []) if (isScalar(pair.key)) context.conditions.add(String(pair.key.value));
  for (const pair of section('Resources')?.items ?? []) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const id = String(pair.key.value);
    const type = String((pair.value.get('Type', true) as YamlNode | undefined)?.toJSON() ?? '');
    context.resources.set(id, { type: pangeaType(type), variable: snake(id), name: snake(id) });
  }
  const translator = new Translator(context);
  const body: string[] = [];
  const description = (root.get('Description', true) as YamlNode | undefined)?.toJSON();
  const lines: string[] = [];
  for (const line of (root.commentBefore ?? '').split('\n').filter(Boolean)) lines.push(`#${line.startsWith(' ') ? '' : ' '}${line}`);
  if (typeof description === 'string') for (const line of description.trim().split('\n')) lines.push(`# ${line}`.trimEnd());

  for (const pair of section('Parameters')?.items ?? []) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const spec = pair.value && isMap(pair.value) ? pair.value : undefined;
    body.push(...comment(pair.key as YamlNode, '  '));
    body.push(`  variable :${snake(name)} do`);
    const type = String((spec?.get('Type', true) as YamlNode | undefined)?.toJSON() ?? 'String');
    body.push(`    type ${rubyString(/Number/.test(type) ? 'number' : /List/.test(type) ? 'list(string)' : 'string')}`);
    const fallback = spec?.get('Default', true) as YamlNode | undefined;
    if (fallback !== undefined) body.push(`    default ${translator.value(fallback, '    ')}`);
    body.push('  end', '');
  }
  const mappings = section('Mappings');
  if (mappings) body.push(`  MAPPINGS = ${translator.data(mappings, '  ')}`, '');
  for (const pair of section('Conditions')?.items ?? []) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    // media-lint never decides a CloudFormation condition; an environment lookup is just as unknown.
    body.push(`  ${snake(name)} = ENV[${rubyString(`CONDITION_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`)}] == "true"`);
  }
  if (context.conditions.size > 0) body.push('');

  const declarations: Array<{ id: string; lines: string[] }> = [];
  for (const pair of section('Resources')?.items ?? []) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const id = String(pair.key.value);
    const resource = context.resources.get(id)!;
    const properties = pair.value.get('Properties', true) as YamlNode | undefined;
    const value = properties && isMap(properties) ? translator.hash(properties, '  ') : properties ? translator.value(properties, '  ') : '{}';
    declarations.push({ id, lines: [...comment(pair.key as YamlNode, '  '), `${resource.type}(:${resource.name}, ${value})`] });
    context.declared.add(id);
  }
  const outputs: string[] = [];
  for (const pair of section('Outputs')?.items ?? []) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    outputs.push(...comment(pair.key as YamlNode, '  '));
    outputs.push(`  output :${snake(String(pair.key.value))} do`, `    value ${translator.value(pair.value.get('Value', true) as YamlNode, '    ')}`, '  end', '');
  }
  for (const declaration of declarations) {
    const [first, ...rest] = declaration.lines.filter((line) => !line.startsWith('  #'));
    const comments = declaration.lines.filter((line) => line.startsWith('  #'));
    const variable = context.referenced.has(declaration.id) ? `${context.resources.get(declaration.id)!.variable} = ` : '';
    body.push(...comments, `  ${variable}${first}`, ...rest, '');
  }
  body.push(...outputs);
  while (body[body.length - 1] === '') body.pop();
  return [...lines, `template :${templateName} do`, ...body, 'end', ''].join('\n');
}

/** Writes `fixtures/pangea/<rule>/{fail,pass}.rb` from the CloudFormation fixtures. */
export function translateRuleFixtures(root: string, ruleId: string): string[] {
  const written: string[] = [];
  for (const kind of ['fail', 'pass']) {
    const source = ['yaml', 'json'].map((extension) => join(root, 'fixtures/cloudformation', ruleId, `${kind}.${extension}`)).find((path) => existsSync(path));
    if (!source) continue;
    const target = join(root, 'fixtures/pangea', ruleId, `${kind}.rb`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, translateTemplate(readFileSync(source, 'utf8'), snake(ruleId.split('/').pop()!)));
    written.push(target);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  for (const ruleId of process.argv.slice(2)) for (const path of translateRuleFixtures(root, ruleId)) console.log(path);
}
