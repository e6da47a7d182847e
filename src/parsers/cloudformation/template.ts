import { toCanonicalName } from '../../graph/names.js';
import type { Resource, Scope, ScopeParameter } from '../../graph/resource.js';
import type { SourceText } from '../../graph/source.js';
import { lookupResourceType } from '../../graph/type-registry.js';
import type { KnownValue, ObjectValue, UnknownValue } from '../../graph/value.js';
import { isListParameterType, isSsmParameterType, REMOVED, ValueReader, type ParameterInfo } from './intrinsics.js';
import { mapGet, type RawMap, type RawNode } from './raw.js';

/** What a CDK cloud assembly says about one stack's resources. */
export interface ConstructInfo {
  path: string;
  source?: { file: string; line: number; column?: number };
}

export interface TemplateOptions {
  /** Set when the template comes from a CDK cloud assembly. */
  cdk?: {
    stackName: string;
    /** By logical id, from the manifest's `aws:cdk:logicalId` metadata. */
    constructs: ReadonlyMap<string, ConstructInfo>;
  };
}

function literal(node: RawNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.tag === undefined && typeof node.value === 'string' ? node.value : undefined;
}

function asMap(node: RawNode | undefined): RawMap | undefined {
  return node?.kind === 'map' && node.tag === undefined ? node : undefined;
}

/** Builds the scope of one CloudFormation template (one stack) from its raw tree. */
export function buildScope(root: RawMap, source: SourceText, options: TemplateOptions = {}): Scope {
  const file = source.file;
  const parameterInfos = new Map<string, ParameterInfo>();
  for (const entry of asMap(mapGet(root, 'Parameters'))?.entries ?? []) {
    const body = asMap(entry.value);
    const info: ParameterInfo = {
      name: entry.key,
      type: literal(body ? mapGet(body, 'Type') : undefined) ?? 'String',
      keySpan: source.span(entry.keyStart, entry.keyEnd),
    };
    const defaultNode = body ? mapGet(body, 'Default') : undefined;
    if (defaultNode !== undefined) info.default = defaultNode;
    parameterInfos.set(entry.key, info);
  }

  const reader = new ValueReader({ source, parameters: parameterInfos, mappings: asMap(mapGet(root, 'Mappings')) });

  const parameters = new Map<string, ScopeParameter>();
  for (const info of parameterInfos.values()) {
    const parameter: ScopeParameter = { name: info.name, span: info.keySpan };
    const defaultValue = parameterDefault(info, reader);
    if (defaultValue) parameter.defaultValue = defaultValue;
    parameters.set(info.name, parameter);
  }

  const scope: Scope = {
    id: file,
    kind: 'cloudformation-stack',
    format: options.cdk ? 'cdk' : 'cloudformation',
    file,
    resources: [],
    parameters,
    outputs: [],
  };
  if (options.cdk) scope.stackName = options.cdk.stackName;

  let hasCdkPath = false;
  for (const entry of asMap(mapGet(root, 'Resources'))?.entries ?? []) {
    const body = asMap(entry.value);
    const typeNode = body ? mapGet(body, 'Type') : undefined;
    const sourceType = literal(typeNode);
    if (!body || sourceType === undefined || typeNode === undefined) continue;
    const info = lookupResourceType(sourceType);
    // A resource written as an alias (`Channel: *base`) ends at the alias, not at the anchored node.
    const span = reader.span(entry.keyStart, entry.value.alias?.end ?? entry.value.end);
    const resource: Resource = {
      id: `${file}#${entry.key}`,
      scope,
      address: entry.key,
      logicalName: entry.key,
      type: info?.canonical ?? sourceType,
      sourceType,
      isMediaType: info !== undefined,
      format: scope.format,
      file,
      span,
      nameSpan: reader.span(entry.keyStart, entry.keyEnd),
      typeSpan: reader.span(typeNode.start, typeNode.end),
      properties: readProperties(body, reader, span),
      source,
    };
    const metadata = asMap(mapGet(body, 'Metadata'));
    const cdkPath = literal(metadata ? mapGet(metadata, 'aws:cdk:path') : undefined);
    const construct = options.cdk?.constructs.get(entry.key);
    if (cdkPath !== undefined) {
      resource.constructPath = cdkPath;
      hasCdkPath = true;
    } else if (construct) {
      resource.constructPath = construct.path;
    }
    if (construct?.source) resource.constructSource = construct.source;
    scope.resources.push(resource);
  }

  if (hasCdkPath && scope.format !== 'cdk') {
    scope.format = 'cdk';
    for (const resource of scope.resources) resource.format = 'cdk';
    const stack = /([^/\\]+)\.template\.json$/.exec(file);
    if (stack) scope.stackName = stack[1]!;
  }

  for (const entry of asMap(mapGet(root, 'Outputs'))?.entries ?? []) {
    const body = asMap(entry.value);
    const valueNode = body ? mapGet(body, 'Value') : undefined;
    if (valueNode === undefined) continue;
    let value = reader.read(valueNode);
    if (value === REMOVED) value = { kind: 'unknown', reason: 'intrinsic', detail: 'output value is AWS::NoValue', span: reader.nodeSpan(valueNode) };
    scope.outputs.push({ name: toCanonicalName(entry.key), sourceName: entry.key, keySpan: reader.span(entry.keyStart, entry.keyEnd), value });
  }
  return scope;
}

function readProperties(body: RawMap, reader: ValueReader, resourceSpan: ObjectValue['span']): ObjectValue {
  const node = mapGet(body, 'Properties');
  if (node === undefined || (node.kind === 'scalar' && node.tag === undefined && node.value === null)) {
    return { kind: 'object', properties: [], span: resourceSpan };
  }
  const value = reader.read(node);
  if (value === REMOVED) return { kind: 'object', properties: [], span: resourceSpan };
  if (value.kind === 'object') return value;
  // `Properties: !If [...]` and the like: any property may be present.
  return { kind: 'object', properties: [], open: true, span: reader.nodeSpan(node) };
}

/** A parameter's default as the scope records it (the list types keep their text). */
function parameterDefault(info: ParameterInfo, reader: ValueReader): KnownValue | UnknownValue | undefined {
  const raw = info.default;
  if (raw === undefined) return undefined;
  const span = reader.nodeSpan(raw);
  if (isSsmParameterType(info.type)) {
    return { kind: 'unknown', reason: 'parameter', detail: `parameter ${info.name} is read from SSM Parameter Store`, span };
  }
  if (raw.kind !== 'scalar' || raw.tag !== undefined || raw.value === null) {
    return { kind: 'unknown', reason: 'parameter', detail: `parameter ${info.name} has a default that is not a literal`, span };
  }
  if (isListParameterType(info.type)) return { kind: 'known', value: String(raw.value), span };
  const value = reader.parameterValue(info, span);
  if (value.kind !== 'known') return undefined;
  return { kind: 'known', value: value.value, span };
}
