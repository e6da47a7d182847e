import { readFileSync } from 'node:fs';
import { SourceText } from '../../src/graph/source.js';
import { parseJsonTemplate } from '../../src/parsers/cloudformation/json.js';
import type { RawMap, RawNode } from '../../src/parsers/cloudformation/raw.js';
import { parseYamlTemplate } from '../../src/parsers/cloudformation/yaml.js';

/**
 * Writes a CloudFormation template as the CDK app that creates it, for the parity test: each
 * resource of a module the CDK code front-end reads becomes `new <module>.Cfn<Name>(stack, '<id>',
 * props)` with camelCase props, parameters with defaults and mappings become `const`s, `Ref` and
 * `Fn::GetAtt` become `x.ref` and `x.attrXxx`, `Fn::Sub` a template literal, `Fn::Join` of a literal
 * list a concatenation, `Fn::Select` an index and `Fn::FindInMap` member access. What CDK code cannot
 * know either (conditions, imports, pseudo parameters, other functions) becomes a function call.
 */
const modules: Record<string, string> = {
  MediaLive: 'aws-medialive',
  MediaPackage: 'aws-mediapackage',
  MediaPackageV2: 'aws-mediapackagev2',
  MediaConvert: 'aws-mediaconvert',
  KinesisVideo: 'aws-kinesisvideo',
  IAM: 'aws-iam',
  S3: 'aws-s3',
};

/** CDK's camelCase of a CloudFormation name: `IFrameOnly` → `iFrameOnly`, `ID` → `id`. */
export function camelCase(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (run.length <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  const rest = name.slice(run.length);
  if (rest === '' || !/^[a-z]/.test(rest)) return name.slice(0, run.length).toLowerCase() + rest;
  return run.slice(0, -1).toLowerCase() + run.slice(-1) + rest;
}

const identifier = (prefix: string, name: string) => `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
const quote = (text: string) => JSON.stringify(text);
const unknownCall = (what: string) => `unknown(${quote(what)})`;

function tagOrKey(node: RawNode): { name: string; argument: RawNode } | undefined {
  if (node.tag) {
    const name = node.tag.slice(1);
    return { name: name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`, argument: node };
  }
  if (node.kind === 'map' && node.entries.length === 1) {
    const entry = node.entries[0]!;
    if (entry.key === 'Ref' || entry.key === 'Condition' || entry.key.startsWith('Fn::')) return { name: entry.key, argument: entry.value };
  }
  return undefined;
}

/** The argument of a tagged node, read as untagged. */
function untagged(node: RawNode): RawNode {
  return node.tag ? { ...node, tag: undefined } : node;
}

class Translator {
  constructor(private readonly parameters: Set<string>) {}

  value(node: RawNode, json = false): string {
    const intrinsic = tagOrKey(node);
    if (intrinsic) return this.intrinsic(intrinsic.name, node.tag ? untagged(node) : intrinsic.argument);
    if (node.kind === 'scalar') return node.value === null ? 'null' : typeof node.value === 'string' ? quote(node.value) : String(node.value);
    if (node.kind === 'seq') return `[${node.items.map((item) => this.value(item, json)).join(', ')}]`;
    return `{ ${node.entries.map((entry) => `${quote(json ? entry.key : camelCase(entry.key))}: ${this.value(entry.value, json)}`).join(', ')} }`;
  }

  private reference(name: string): string {
    if (name === 'AWS::NoValue') return 'undefined';
    if (name.startsWith('AWS::')) return unknownCall(name);
    if (this.parameters.has(name)) return identifier('p', name);
    return `${identifier('r', name)}.ref`;
  }

  private attribute(name: string, attribute: string): string {
    return `${identifier('r', name)}.attr${attribute.replace(/\./g, '')}`;
  }

  private intrinsic(name: string, argument: RawNode): string {
    const scalar = argument.kind === 'scalar' && typeof argument.value === 'string' ? argument.value : undefined;
    const items = argument.kind === 'seq' ? argument.items : undefined;
    switch (name) {
      case 'Ref':
        return scalar === undefined ? unknownCall('Ref') : this.reference(scalar);
      case 'Fn::GetAtt': {
        const [target, ...path] = scalar !== undefined ? scalar.split('.') : (items ?? []).map((item) => (item.kind === 'scalar' ? String(item.value) : ''));
        return target === undefined ? unknownCall('GetAtt') : this.attribute(target, path.join('.'));
      }
      case 'Fn::Sub': {
        const text = scalar ?? (items?.[0]?.kind === 'scalar' ? String(items[0].value) : undefined);
        if (text === undefined) return unknownCall('Sub');
        const variables = new Map<string, string>();
        const map = items?.[1];
        if (map?.kind === 'map') for (const entry of map.entries) variables.set(entry.key, this.value(entry.value));
        const template = text.replace(/\$\{(!?)([^}]*)\}|`|\\/g, (match, bang: string | undefined, inner: string | undefined) => {
          if (match === '`' || match === '\\') return `\\${match}`;
          if (bang) return `$\\{${inner}}`;
          const variable = inner!.trim();
          if (variables.has(variable)) return `\${${variables.get(variable)}}`;
          const [target, ...attribute] = variable.split('.');
          return `\${${attribute.length > 0 ? this.attribute(target!, attribute.join('.')) : this.reference(target!)}}`;
        });
        return `\`${template}\``;
      }
      case 'Fn::Join': {
        const [delimiter, list] = items ?? [];
        if (delimiter?.kind !== 'scalar' || list?.kind !== 'seq') return unknownCall('Join');
        if (list.items.length === 0) return quote('');
        return `(${list.items.map((item) => `String(${this.value(item)})`).join(` + ${quote(String(delimiter.value))} + `)})`.replace(/String\(("[^"]*")\)/g, '$1');
      }
      case 'Fn::Select': {
        const [index, list] = items ?? [];
        if (!index || !list) return unknownCall('Select');
        return `(${this.value(list)})[${this.value(index)}]`;
      }
      case 'Fn::FindInMap': {
        const [mapName, first, second] = items ?? [];
        if (mapName?.kind !== 'scalar' || !first || !second) return unknownCall('FindInMap');
        return `${identifier('m', String(mapName.value))}[${this.value(first)}][${this.value(second)}]`;
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = items ?? [];
        if (!whenTrue || !whenFalse) return unknownCall('If');
        return `(condition(${quote(condition?.kind === 'scalar' ? String(condition.value) : '')}) ? ${this.value(whenTrue)} : ${this.value(whenFalse)})`;
      }
      default:
        return unknownCall(name);
    }
  }
}

function entry(map: RawMap, key: string): RawNode | undefined {
  return map.entries.find((candidate) => candidate.key === key)?.value;
}

/** The CDK source of a CloudFormation template, or undefined when the file is not a template. */
export function translateTemplate(path: string): string | undefined {
  const source = new SourceText(path, readFileSync(path, 'utf8'));
  const outcome = /\.json$/i.test(path) ? parseJsonTemplate(source) : parseYamlTemplate(source);
  if (outcome.status !== 'template') return undefined;
  const root = outcome.root;
  const lines = [
    "import * as cdk from 'aws-cdk-lib';",
    ...Object.entries(modules).map(([namespace, module]) => `import * as ${namespace.toLowerCase()} from 'aws-cdk-lib/${module}';`),
    "import * as other from 'some-other-constructs';",
    'declare const stack: cdk.Stack;',
    'declare function unknown(what: string): any;',
    'declare function condition(name: string): boolean;',
  ];

  const parameters = new Set<string>();
  const parametersNode = entry(root, 'Parameters');
  for (const parameter of parametersNode?.kind === 'map' ? parametersNode.entries : []) {
    parameters.add(parameter.key);
    const body = parameter.value.kind === 'map' ? parameter.value : undefined;
    const type = body ? entry(body, 'Type') : undefined;
    const fallback = body ? entry(body, 'Default') : undefined;
    const typeName = type?.kind === 'scalar' ? String(type.value) : 'String';
    const known = fallback?.kind === 'scalar' && !fallback.tag && !typeName.startsWith('AWS::SSM::');
    const value = !known ? 'unknown("parameter")' : typeName === 'Number' && !Number.isNaN(Number(fallback.value)) ? String(Number(fallback.value)) : quote(String(fallback.value));
    lines.push(`const ${identifier('p', parameter.key)} = ${value};`);
  }
  const mappings = entry(root, 'Mappings');
  for (const mapping of mappings?.kind === 'map' ? mappings.entries : []) {
    lines.push(`const ${identifier('m', mapping.key)} = ${new Translator(parameters).value(mapping.value, true)} as any;`);
  }

  const resources = new Map<string, string | undefined>();
  const resourcesNode = entry(root, 'Resources');
  const resourceEntries = resourcesNode?.kind === 'map' ? resourcesNode.entries : [];
  for (const resource of resourceEntries) {
    const body = resource.value.kind === 'map' ? resource.value : undefined;
    const type = body ? entry(body, 'Type') : undefined;
    const match = type?.kind === 'scalar' ? /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(String(type.value)) : null;
    resources.set(resource.key, match && modules[match[1]!] ? `${match[1]!.toLowerCase()}.Cfn${match[2]}` : match ? `other.Cfn${match[2]}` : undefined);
  }
  const translator = new Translator(parameters);
  for (const resource of resourceEntries) {
    const className = resources.get(resource.key);
    if (!className || resource.value.kind !== 'map') continue;
    const properties = entry(resource.value, 'Properties');
    const props = properties === undefined ? '{}' : translator.value(properties);
    lines.push(`const ${identifier('r', resource.key)}: any = new ${className}(stack, ${quote(resource.key)}, ${props});`);
  }
  return `${lines.join('\n')}\n`;
}
