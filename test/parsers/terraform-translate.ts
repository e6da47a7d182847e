/**
 * Writes the Terraform twin of a CloudFormation rule fixture: the same resources in hashicorp/aws
 * block syntax where the provider has the type (nested structures as blocks, lists of structures
 * as repeated blocks, as the generated specs say; the provider's own spellings such as
 * `channel_id` and `input_resolution`), and as awscc resources (the CloudFormation schema in
 * snake_case, attribute syntax, JSON settings through `jsonencode`) where it does not. Parameters
 * become variables, conditions locals, outputs outputs; `!Ref` / `!GetAtt` become references
 * (`aws_medialive_input.contribution.id`), `!Sub` a template, pseudo parameters and imports data
 * sources (unknown, as they are to CloudFormation). A value whose shape contradicts the spec (an
 * object where a list belongs) is written as an attribute, so that the defect stays. Comments on
 * keys are kept.
 *
 *   npx tsx test/parsers/terraform-translate.ts <rule-id>…   (writes fixtures/terraform/<rule-id>/{fail,pass}.tf)
 *
 * The twins are then checked like hand-written ones: the parity test in test/rules/terraform.test.ts
 * compares their findings with the CloudFormation fixture's, and a snapshot records their exact
 * positions and messages.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { toCanonicalName } from '../../src/graph/names.js';
import { lookupResourceType, propertyAliases } from '../../src/graph/type-registry.js';
import { defaultSpecRegistry } from '../../src/specs/registry.js';
import type { MemberSpec, ResourceSpec, TypeRef } from '../../src/specs/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const PSEUDO: Record<string, string> = {
  'AWS::AccountId': 'data.aws_caller_identity.current.account_id',
  'AWS::Region': 'data.aws_region.current.name',
  'AWS::Partition': 'data.aws_partition.current.partition',
  'AWS::StackName': 'terraform.workspace',
  'AWS::StackId': 'terraform.workspace',
  'AWS::URLSuffix': 'data.aws_partition.current.dns_suffix',
  'AWS::NotificationARNs': 'data.aws_sns_topic.notifications.arn',
  'AWS::NoValue': 'null',
};

/** Types that exist in no Terraform provider: a fixture with one of them has no twin. */
export const NO_TERRAFORM_TYPE = new Set(['AWS::MediaConvert::Job']);

interface ResourceInfo {
  /** Terraform type and name. */
  type: string;
  name: string;
  cloudFormationType: string;
  /** True for hashicorp/aws types (block syntax). */
  blocks: boolean;
  spec: ResourceSpec | undefined;
}

interface Context {
  parameters: Map<string, string>;
  conditions: Set<string>;
  resources: Map<string, ResourceInfo>;
}

export function snake(name: string): string {
  return toCanonicalName(name).replace(/[^a-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
}

/** Top-level arguments of the hashicorp/aws media resources whose schema is narrower than the API
 * (canonical names). A fixture that sets another member uses the awscc type instead. */
const HASHICORP_ARGUMENTS: Record<string, readonly string[]> = {
  aws_media_package_channel: ['id', 'description', 'tags'],
  aws_media_packagev2_channel_group: ['channel_group_name', 'description', 'tags'],
  aws_media_convert_queue: ['name', 'description', 'pricing_plan', 'reservation_plan_settings', 'status', 'concurrent_jobs', 'tags'],
  aws_kinesis_video_stream: ['name', 'data_retention_in_hours', 'device_name', 'kms_key_id', 'media_type', 'tags'],
  aws_medialive_multiplex: ['name', 'availability_zones', 'multiplex_settings', 'tags'],
  aws_medialive_multiplex_program: ['multiplex_id', 'program_name', 'multiplex_program_settings'],
};

function terraformType(cloudFormationType: string, properties: readonly string[]): { type: string; blocks: boolean } {
  const info = lookupResourceType(cloudFormationType);
  const names = info?.canonical === cloudFormationType ? info.terraform : [];
  const hashicorp = names.find((name) => name.startsWith('aws_'));
  const supported = hashicorp ? HASHICORP_ARGUMENTS[hashicorp] : undefined;
  const fits = !supported || properties.every((name) => supported.includes(name) || !names.some((other) => other.startsWith('awscc_')));
  if (hashicorp && fits) return { type: hashicorp, blocks: true };
  const awscc = names.find((name) => name.startsWith('awscc_'));
  if (awscc) return { type: awscc, blocks: false };
  // Not a media type (an IAM role), or a misspelt one: the snake-cased name, hashicorp style.
  const [, service = 'x', resource = 'resource'] = cloudFormationType.split('::');
  return { type: `aws_${service.toLowerCase()}_${toCanonicalName(resource)}`, blocks: true };
}

function hclString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : hclString(key);
}

function comment(node: { commentBefore?: string | null } | null | undefined, indent: string): string[] {
  const text = node?.commentBefore;
  if (!text) return [];
  return text.split('\n').map((line) => `${indent}#${line.startsWith(' ') || line === '' ? '' : ' '}${line}`.trimEnd());
}

/** The spelling hashicorp/aws uses for a member (the reverse of the registry's aliases). */
function providerName(cloudFormationType: string, path: readonly string[], canonical: string): string {
  for (const alias of propertyAliases) {
    if (alias.type !== cloudFormationType || !alias.formats.includes('terraform')) continue;
    const aliasParent = alias.path.slice(0, -1);
    if (alias.to === canonical && aliasParent.length === path.length && aliasParent.every((segment, index) => segment === '*' || segment === path[index])) {
      return alias.path[alias.path.length - 1]!;
    }
  }
  return canonical;
}

class Translator {
  constructor(private readonly context: Context) {}

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

  private text(node: YamlNode | null | undefined): string | undefined {
    return node && isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
  }

  private items(node: YamlNode | null | undefined): YamlNode[] {
    return node && isSeq(node) ? (node.items as YamlNode[]) : [];
  }

  /** An HCL expression; `keys` says how object keys are spelt (snake_case, or as written). */
  value(node: YamlNode | null | undefined, indent: string, keys: 'snake' | 'verbatim' = 'snake'): string {
    if (node === null || node === undefined) return 'null';
    const fn = this.intrinsic(node);
    if (fn) return this.function(fn.fn, fn.arg, indent);
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || value === undefined) return 'null';
      if (typeof value === 'boolean' || typeof value === 'number') return String(value);
      return hclString(String(value));
    }
    if (isSeq(node)) {
      const items = (node.items as YamlNode[]).map((item) => this.value(item, `${indent}  `, keys));
      const inline = `[${items.join(', ')}]`;
      if (!inline.includes('\n') && inline.length + indent.length < 100 && !(node.items as YamlNode[]).some((item) => comment(item, '').length > 0)) return inline;
      const lines = ['['];
      (node.items as YamlNode[]).forEach((item, index) => {
        lines.push(...comment(item, `${indent}  `));
        lines.push(`${indent}  ${items[index]},`);
      });
      lines.push(`${indent}]`);
      return lines.join('\n');
    }
    if (isMap(node)) return this.object(node, indent, keys);
    return 'null';
  }

  private object(node: YAMLMap, indent: string, keys: 'snake' | 'verbatim'): string {
    const lines: string[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      lines.push(...comment(pair.key as YamlNode, `${indent}  `));
      lines.push(`${indent}  ${hclKey(keys === 'snake' ? toCanonicalName(key) : key)} = ${this.value(pair.value as YamlNode, `${indent}  `, keys)}`);
    }
    return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
  }

  private reference(logicalId: string, attribute: string | undefined): string {
    if (!attribute && this.context.parameters.has(logicalId)) return `var.${snake(logicalId)}`;
    if (!attribute && PSEUDO[logicalId]) return PSEUDO[logicalId]!;
    const resource = this.context.resources.get(logicalId) ?? this.guess(logicalId);
    if (!resource) return `var.${snake(logicalId)}`;
    const attributeName = attribute ? attribute.split('.').map(snake).join('_') : 'id';
    return `${resource.type}.${resource.name}.${attributeName}`;
  }

  /** A dangling reference: to the parameter or resource with the closest name (its type). */
  private guess(logicalId: string): ResourceInfo | undefined {
    let best: { info: ResourceInfo | undefined; score: number } | undefined;
    const score = (id: string) => {
      let common = 0;
      while (common < id.length && common < logicalId.length && id[common] === logicalId[common]) common++;
      return common;
    };
    for (const [id, info] of this.context.resources) if (!best || score(id) > best.score) best = { info, score: score(id) };
    for (const id of this.context.parameters.keys()) if (!best || score(id) > best.score) best = { info: undefined, score: score(id) };
    if (!best?.info) return undefined;
    return { ...best.info, name: snake(logicalId) };
  }

  private substitute(template: string, variables: Map<string, string>): string {
    let result = '';
    let position = 0;
    for (const match of template.matchAll(/\$\{([^}]*)\}/g)) {
      result += hclString(template.slice(position, match.index)).slice(1, -1);
      const name = match[1]!;
      if (name.startsWith('!')) result += `$\${${name.slice(1)}}`;
      else {
        const variable = variables.get(name);
        const dot = name.indexOf('.');
        result += `\${${variable ?? (dot > 0 && !name.startsWith('AWS::') ? this.reference(name.slice(0, dot), name.slice(dot + 1)) : this.reference(name, undefined))}}`;
      }
      position = match.index! + match[0].length;
    }
    result += hclString(template.slice(position)).slice(1, -1);
    return `"${result}"`;
  }

  private function(fn: string, arg: YamlNode | null, indent: string): string {
    const scalar = arg && isScalar(arg) ? arg : undefined;
    const items = this.items(arg);
    switch (fn) {
      case 'Ref':
        return this.reference(this.text(scalar) ?? '', undefined);
      case 'Fn::GetAtt': {
        const [id, ...attribute] = scalar ? (this.text(scalar) ?? '').split('.') : items.map((item) => this.text(item) ?? '');
        return this.reference(id ?? '', attribute.join('.'));
      }
      case 'Fn::Sub': {
        if (scalar) return this.substitute(this.text(scalar) ?? '', new Map());
        const variables = new Map<string, string>();
        const map = items[1];
        if (map && isMap(map)) for (const pair of map.items) if (isPair(pair) && isScalar(pair.key)) variables.set(String(pair.key.value), this.value(pair.value as YamlNode, indent));
        return this.substitute(this.text(items[0]) ?? '', variables);
      }
      case 'Fn::Join':
        return `join(${this.value(items[0], indent)}, ${this.value(items[1], indent)})`;
      case 'Fn::Select':
        return `element(${this.value(items[1], indent)}, ${this.value(items[0], indent)})`;
      case 'Fn::Split':
        return `split(${this.value(items[0], indent)}, ${this.value(items[1], indent)})`;
      case 'Fn::If':
        return `local.${snake(this.text(items[0]) ?? 'condition')} ? ${this.value(items[1], indent)} : ${this.value(items[2], indent)}`;
      case 'Fn::Equals':
        return `${this.value(items[0], indent)} == ${this.value(items[1], indent)}`;
      case 'Fn::Not':
        return `!(${this.value(items[0], indent)})`;
      case 'Fn::And':
      case 'Fn::Or':
        return items.map((item) => `(${this.value(item, indent)})`).join(fn === 'Fn::And' ? ' && ' : ' || ');
      case 'Condition':
        return `local.${snake(this.text(scalar) ?? 'condition')}`;
      case 'Fn::GetAZs':
        return 'data.aws_availability_zones.available.names';
      case 'Fn::ImportValue':
        return `data.terraform_remote_state.shared.outputs[${scalar ? hclString(this.text(scalar) ?? '') : this.value(arg, indent)}]`;
      case 'Fn::Base64':
        return `base64encode(${this.value(scalar ?? arg, indent)})`;
      default:
        return 'null';
    }
  }

  /** The members of a resource or structure in the provider's syntax. */
  body(node: YAMLMap, resource: ResourceInfo, members: Record<string, MemberSpec> | undefined, path: string[], indent: string): string[] {
    const lines: string[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as YamlNode | null;
      const canonical = toCanonicalName(key);
      const member = members?.[canonical];
      const name = resource.blocks ? providerName(resource.cloudFormationType, path, canonical) : canonical;
      lines.push(...comment(pair.key as YamlNode, indent));
      lines.push(...this.member(name, value, member?.type, resource, [...path, canonical], indent));
    }
    return lines;
  }

  private member(name: string, value: YamlNode | null, type: TypeRef | undefined, resource: ResourceInfo, path: string[], indent: string): string[] {
    const spec = resource.spec;
    const plain = value && !this.intrinsic(value);
    if (type === 'json' || (spec && !resource.blocks && name === 'settings_json')) return [`${indent}${name} = jsonencode(${this.value(value, indent, 'verbatim')})`];
    if (type === 'tags' && resource.blocks && value && isSeq(value)) {
      const pairs = this.items(value).map((item) => (isMap(item) ? [this.text(item.get('Key', true) as YamlNode), item.get('Value', true) as YamlNode] : undefined));
      if (pairs.every((entry) => entry?.[0] !== undefined)) {
        return [`${indent}${name} = {`, ...pairs.map((entry) => `${indent}  ${hclKey(entry![0] as string)} = ${this.value(entry![1] as YamlNode, `${indent}  `)}`), `${indent}}`];
      }
    }
    if (resource.blocks && spec && plain && type !== undefined && typeof type !== 'string') {
      if ('shape' in type && isMap(value)) return this.block(name, value, spec.shapes[type.shape]?.members, resource, path, indent);
      if ('list' in type && typeof type.list !== 'string' && 'shape' in type.list && isSeq(value) && value.items.length > 0 && (value.items as YamlNode[]).every((item) => isMap(item) && !this.intrinsic(item))) {
        const shape = spec.shapes[type.list.shape]?.members;
        const lines: string[] = [];
        (value.items as YAMLMap[]).forEach((item, index) => {
          if (index > 0) lines.push('');
          lines.push(...comment(item, indent));
          lines.push(...this.block(name, item, shape, resource, path, indent));
        });
        return lines;
      }
    }
    return [`${indent}${name} = ${this.value(value, indent, 'snake')}`];
  }

  private block(name: string, node: YAMLMap, members: Record<string, MemberSpec> | undefined, resource: ResourceInfo, path: string[], indent: string): string[] {
    const inner = this.body(node, resource, members, path.filter((segment) => segment !== '*'), `${indent}  `);
    if (inner.length === 0) return [`${indent}${name} {}`];
    return [`${indent}${name} {`, ...inner, `${indent}}`];
  }
}

/** The Terraform text of a CloudFormation fixture, or undefined when it cannot have a twin. */
export function translate(text: string): string | undefined {
  const document = parseDocument(text, { keepSourceTokens: false });
  const top = document.contents;
  if (!isMap(top)) return undefined;
  const section = (name: string) => {
    const node = top.get(name, true) as YamlNode | undefined;
    return node && isMap(node) ? node : undefined;
  };
  const context: Context = { parameters: new Map(), conditions: new Set(), resources: new Map() };
  const specs = defaultSpecRegistry();
  for (const pair of section('Parameters')?.items ?? []) if (isScalar(pair.key)) context.parameters.set(String(pair.key.value), snake(String(pair.key.value)));
  for (const pair of section('Conditions')?.items ?? []) if (isScalar(pair.key)) context.conditions.add(String(pair.key.value));
  for (const pair of section('Resources')?.items ?? []) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const cloudFormationType = String((pair.value.get('Type', true) as YamlNode | undefined)?.toJSON?.() ?? '');
    if (NO_TERRAFORM_TYPE.has(cloudFormationType)) return undefined;
    const properties = pair.value.get('Properties', true) as YamlNode | undefined;
    const names = properties && isMap(properties) ? properties.items.flatMap((entry) => (isPair(entry) && isScalar(entry.key) ? [toCanonicalName(String(entry.key.value))] : [])) : [];
    const { type, blocks } = terraformType(cloudFormationType, names);
    const info = lookupResourceType(cloudFormationType);
    context.resources.set(String(pair.key.value), {
      type,
      name: snake(String(pair.key.value)),
      cloudFormationType,
      blocks,
      spec: info?.canonical === cloudFormationType ? specs.resource(cloudFormationType) : undefined,
    });
  }
  const translator = new Translator(context);
  const out: string[] = [];
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  out.push(...comment(top, ''));

  for (const pair of section('Parameters')?.items ?? []) {
    if (!isScalar(pair.key)) continue;
    blank();
    out.push(...comment(pair.key as YamlNode, ''));
    const body = isMap(pair.value) ? pair.value : undefined;
    const type = String((body?.get('Type', true) as YamlNode | undefined)?.toJSON?.() ?? 'String');
    const hclType = type === 'Number' ? 'number' : /List|CommaDelimited/.test(type) ? 'list(string)' : 'string';
    out.push(`variable "${snake(String(pair.key.value))}" {`, `  type = ${hclType}`);
    const fallback = body?.get('Default', true) as YamlNode | undefined;
    if (fallback !== undefined) {
      const value = hclType === 'list(string)' && isScalar(fallback) ? `[${String(fallback.value).split(',').map((item) => hclString(item.trim())).join(', ')}]` : translator.value(fallback, '  ');
      out.push(`  default = ${value}`);
    }
    out.push('}');
  }

  const conditions = section('Conditions');
  if (conditions && conditions.items.length > 0) {
    blank();
    out.push('locals {');
    for (const pair of conditions.items) if (isScalar(pair.key)) out.push(`  ${snake(String(pair.key.value))} = ${translator.value(pair.value as YamlNode, '  ')}`);
    out.push('}');
  }

  for (const pair of section('Resources')?.items ?? []) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const resource = context.resources.get(String(pair.key.value))!;
    blank();
    out.push(...comment(pair.key as YamlNode, ''));
    out.push(`resource "${resource.type}" "${resource.name}" {`);
    const properties = pair.value.get('Properties', true) as YamlNode | undefined;
    if (properties && isMap(properties)) out.push(...translator.body(properties, resource, resource.spec?.properties, [], '  '));
    else if (properties) out.push(`  # Properties: ${translator.value(properties, '  ')}`);
    out.push('}');
  }

  for (const pair of section('Outputs')?.items ?? []) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    blank();
    out.push(...comment(pair.key as YamlNode, ''));
    out.push(`output "${snake(String(pair.key.value))}" {`, `  value = ${translator.value(pair.value.get('Value', true) as YamlNode, '  ')}`, '}');
  }
  return `${align(out).join('\n')}\n`;
}

/** Aligns the `=` of adjacent attributes at one indentation, as `terraform fmt` does. */
function align(lines: string[]): string[] {
  const result = [...lines];
  const attribute = /^(\s*)([A-Za-z_][A-Za-z0-9_-]*|"[^"]*") = /;
  let group: number[] = [];
  let indent = -1;
  const flush = () => {
    const width = Math.max(...group.map((index) => attribute.exec(result[index]!)![2]!.length));
    for (const index of group) result[index] = result[index]!.replace(attribute, (_match, space: string, key: string) => `${space}${key.padEnd(width)} = `);
    group = [];
  };
  lines.forEach((line, index) => {
    const match = attribute.exec(line);
    const lineIndent = /^\s*/.exec(line)![0].length;
    if (match && (group.length === 0 || lineIndent === indent)) {
      group.push(index);
      indent = lineIndent;
    } else if (match) {
      if (group.length > 0) flush();
      group.push(index);
      indent = lineIndent;
    } else if (lineIndent <= indent || line.trim() === '' || line.trim().startsWith('#')) {
      if (group.length > 0) flush();
      indent = -1;
    }
  });
  if (group.length > 0) flush();
  return result;
}

/** Writes `fixtures/terraform/<rule>/{fail,pass}.tf` from the CloudFormation fixtures. */
export function writeTwin(ruleId: string): string[] {
  const written: string[] = [];
  for (const kind of ['fail', 'pass']) {
    const source = ['yaml', 'json'].map((extension) => join(root, 'fixtures/cloudformation', ruleId, `${kind}.${extension}`)).find(existsSync);
    if (!source) continue;
    const text = translate(readFileSync(source, 'utf8'));
    if (text === undefined) continue;
    const target = join(root, 'fixtures/terraform', ruleId, `${kind}.tf`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(target);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const ruleId of process.argv.slice(2)) {
    const written = writeTwin(ruleId);
    console.log(written.length > 0 ? written.map((path) => path.slice(root.length + 1)).join('\n') : `${ruleId}: no twin (no fixture, or a type Terraform does not have)`);
  }
}
