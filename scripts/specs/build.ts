/**
 * Builds one `ResourceSpec` from the CloudFormation schema (service-spec database) and the SDK model.
 *
 * The CloudFormation type definitions are walked in parallel with the SDK structures: when member M
 * of CloudFormation shape P is matched with SDK structure S, the type definition of M is matched
 * with the structure of member M of S. Type definitions the walk cannot match fall back to the SDK
 * structure with the same name, when that structure shares members with it. Members of matched
 * shapes are the union of both sides.
 */
import type { PropertyType, Resource, ResourceProperties, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';
import { toCanonicalName } from '../../src/graph/names.js';
import type { ResourceTypeInfo } from '../../src/graph/type-registry.js';
import type { MemberSpec, ResourceSpec, ShapeSpec, TypeRef } from '../../src/specs/types.js';
import { fixedDocumentation, jsonAsStructure, memberAliases, plumbingMembers, TOP_LEVEL, type SdkTarget } from './config.js';
import type { SdkMember, SdkModel, SdkStructure, SdkType } from './sdk-model.js';

/** Collects the enum values of one service file. */
export interface EnumTable {
  /** Registers an SDK enum and returns its key. */
  sdk(model: SdkModel, name: string): string;
  /** Registers values under a key of their own (`<ResourceType>/<Shape>.<Member>`). */
  own(key: string, values: string[]): string;
  /** Values of an SDK enum. */
  sdkValues(model: SdkModel, name: string): string[];
}

export type MatchHow = 'walk' | 'name';

export interface ShapeMatch {
  shape: string;
  /** The SDK structures matched (several when CloudFormation merged identical structures). */
  sdkShapes: string[];
  how: MatchHow;
}

export interface UnmatchedShape {
  shape: string;
  reason: string;
}

export interface ResourceStats {
  type: string;
  /** CloudFormation type definitions reachable from the properties (each one a shape). */
  cfnShapes: number;
  /** Type definitions the database keeps only for earlier property types (not written). */
  unreachableDefinitions: string[];
  sdkOnlyShapes: number;
  matched: ShapeMatch[];
  unmatched: UnmatchedShape[];
  /** Same-name SDK structures rejected as fallback because they share too few members. */
  rejectedFallbacks: string[];
  membersBoth: number;
  membersCfnOnly: number;
  membersSdkOnly: number;
  /** `Shape.Member` of CloudFormation members of matched shapes with no SDK counterpart. */
  cfnOnlyInMatchedShapes: string[];
  /** `Shape.Member` of SDK-only members of shapes CloudFormation describes. */
  sdkOnlyInCfnShapes: string[];
  /** Members matched by canonical name only (spelling differs in case). */
  canonicalMatches: string[];
  /** Members whose CloudFormation and SDK types disagree in kind (CloudFormation kept). */
  typeMismatches: string[];
  /** Enums merged under a key of their own (CloudFormation values missing from the SDK enum, or
   * two SDK enums of a shared type definition that differ). */
  enumUnions: string[];
  warnings: string[];
}

interface BuildContext {
  info: ResourceTypeInfo;
  db: SpecDatabase;
  sdk: SdkModel | undefined;
  target: SdkTarget | undefined;
  enums: EnumTable;
}

export function buildResource(context: BuildContext): { spec: ResourceSpec; stats: ResourceStats } {
  return new ResourceBuilder(context).build();
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class ResourceBuilder {
  private readonly type: string;
  private readonly resource: Resource | undefined;
  private readonly request: SdkStructure | undefined;
  /** Type definitions reachable from the resource's properties, by id. */
  private readonly typeDefinitions = new Map<string, TypeDefinition>();
  /** Type definition id → matched SDK structures (empty: reached, no match). */
  private readonly matches = new Map<string, string[]>();
  private readonly matchHow = new Map<string, MatchHow>();
  private readonly unmatchedReason = new Map<string, string>();
  /** Names of the CloudFormation shapes (SDK-only shapes must not take them). */
  private readonly cfnShapeNames = new Set<string>();
  /** SDK structure name → key in `shapes`. */
  private readonly sdkShapeKeys = new Map<string, string>();
  private readonly shapes = new Map<string, ShapeSpec>();
  private readonly stats: ResourceStats;

  constructor(private readonly context: BuildContext) {
    this.type = context.info.canonical;
    this.stats = {
      type: this.type,
      cfnShapes: 0,
      unreachableDefinitions: [],
      sdkOnlyShapes: 0,
      matched: [],
      unmatched: [],
      rejectedFallbacks: [],
      membersBoth: 0,
      membersCfnOnly: 0,
      membersSdkOnly: 0,
      cfnOnlyInMatchedShapes: [],
      sdkOnlyInCfnShapes: [],
      canonicalMatches: [],
      typeMismatches: [],
      enumUnions: [],
      warnings: [],
    };
    if (context.info.cloudFormation) {
      const found = context.db.lookup('resource', 'cloudFormationType', 'equals', this.type);
      if (found.length !== 1) throw new Error(`${this.type}: expected one CloudFormation resource, found ${found.length}`);
      this.resource = found[0]!;
      this.collectTypeDefinitions(this.resource);
    }
    if (context.target) {
      this.request = context.sdk?.structures.get(context.target.request);
      if (!this.request) throw new Error(`${this.type}: SDK structure ${context.target.request} not found in ${context.target.packageName}`);
    }
  }

  /** The type definitions reachable from the properties through their current types. The database
   * also links definitions that only earlier property types used; those are left out. */
  private collectTypeDefinitions(resource: Resource): void {
    const used = new Map<string, TypeDefinition>();
    for (const link of this.context.db.follow('usesType', resource)) used.set(link.entity.$id, link.entity);
    const pending: ResourceProperties[] = [resource.properties];
    for (let properties = pending.pop(); properties; properties = pending.pop()) {
      for (const property of Object.values(properties)) {
        const id = referencedDefinition(property.type);
        if (id === undefined || this.typeDefinitions.has(id)) continue;
        const definition = used.get(id) ?? this.context.db.get('typeDefinition', id);
        this.typeDefinitions.set(id, definition);
        pending.push(definition.properties);
      }
    }
    this.stats.unreachableDefinitions = [...used.values()]
      .filter((definition) => !this.typeDefinitions.has(definition.$id))
      .map((definition) => definition.name)
      .sort(compare);
    for (const definition of this.typeDefinitions.values()) {
      if (this.cfnShapeNames.has(definition.name)) throw new Error(`${this.type}: two type definitions are named ${definition.name}`);
      this.cfnShapeNames.add(definition.name);
    }
    this.stats.cfnShapes = this.typeDefinitions.size;
  }

  build(): { spec: ResourceSpec; stats: ResourceStats } {
    const { info, target } = this.context;
    if (!this.resource && !this.request) throw new Error(`${this.type}: neither CloudFormation nor SDK shape`);
    if (this.resource) this.matchTypeDefinitions(this.resource);

    const definitions = [...this.typeDefinitions.values()].sort((a, b) => compare(a.name, b.name));
    // An SDK structure matched with CloudFormation shapes is reached through the shape of the same
    // name if there is one, else through the first by name.
    for (const pass of [true, false]) {
      for (const definition of definitions) {
        for (const sdkShape of this.matches.get(definition.$id) ?? []) {
          if ((sdkShape === definition.name) === pass && !this.sdkShapeKeys.has(sdkShape)) this.sdkShapeKeys.set(sdkShape, definition.name);
        }
      }
    }

    const properties = this.mergeMembers(TOP_LEVEL, this.resource?.properties, this.request ? [this.request] : []);
    for (const definition of definitions) {
      const sdkNames = this.matches.get(definition.$id) ?? [];
      const members = this.mergeMembers(definition.name, definition.properties, sdkNames.map((name) => this.sdkStructure(name)));
      this.shapes.set(definition.name, { ...(sdkNames.length > 0 ? { sdkShape: sdkNames[0]! } : {}), members });
      if (sdkNames.length > 0) {
        this.stats.matched.push({ shape: definition.name, sdkShapes: sdkNames, how: this.matchHow.get(definition.$id) ?? 'walk' });
      } else {
        this.stats.unmatched.push({ shape: definition.name, reason: this.unmatchedReason.get(definition.$id) ?? 'not reached' });
      }
    }

    const documentation = this.resource?.documentation !== undefined ? shortDocumentation(this.resource.documentation) : fixedDocumentation[this.type];
    const spec: ResourceSpec = {
      type: this.type,
      cloudFormation: info.cloudFormation,
      ...(documentation !== undefined ? { documentation } : {}),
      ...(target ? { sdkPackage: target.packageName, sdkShape: target.request } : {}),
      properties,
      attributes: Object.keys(this.resource?.attributes ?? {}).sort(compare),
      shapes: sortRecord(Object.fromEntries(this.shapes)),
    };
    return { spec, stats: this.stats };
  }

  // ---------------------------------------------------------------------------------------------
  // Matching CloudFormation type definitions with SDK structures

  private matchTypeDefinitions(resource: Resource): void {
    this.walk(TOP_LEVEL, resource.properties, this.request ? [this.request] : []);
    // Fall back to the same-name SDK structure for what the walk could not tell, until nothing
    // changes (a fallback match lets the walk continue below it).
    for (let changed = true; changed; ) {
      changed = false;
      const pending = [...this.typeDefinitions.values()]
        .filter((definition) => (this.matches.get(definition.$id) ?? []).length === 0)
        .sort((a, b) => compare(a.name, b.name));
      for (const definition of pending) {
        if ((this.matches.get(definition.$id) ?? []).length > 0) continue;
        const candidate = this.context.sdk?.structures.get(definition.name);
        if (!candidate) continue;
        if (!plausibleFallback(definition.properties, candidate)) {
          if (!this.stats.rejectedFallbacks.includes(definition.name)) this.stats.rejectedFallbacks.push(definition.name);
          continue;
        }
        this.matches.set(definition.$id, [candidate.name]);
        this.matchHow.set(definition.$id, 'name');
        this.unmatchedReason.delete(definition.$id);
        this.walk(definition.name, definition.properties, [candidate]);
        changed = true;
      }
    }
  }

  /** Matches the type definitions referenced by `properties` with the SDK structures of the
   * same members in `sdkStructures` (the structures matched with the shape `shapeName`). */
  private walk(shapeName: string, properties: ResourceProperties, sdkStructures: SdkStructure[]): void {
    for (const name of Object.keys(properties).sort(compare)) {
      const definitionId = referencedDefinition(properties[name]!.type);
      if (definitionId === undefined) continue;
      const candidates: string[] = [];
      let reason = `parent ${shapeName} has no SDK structure`;
      for (const structure of sdkStructures) {
        const sdkMember = this.findSdkMember(shapeName, name, structure);
        const candidate = sdkMember ? structureOf(sdkMember.type) : undefined;
        if (candidate !== undefined) candidates.push(candidate);
        else reason = sdkMember ? `SDK ${structure.name}.${sdkMember.name} is not a structure` : `no member ${name} in SDK ${structure.name}`;
      }
      if (candidates.length === 0) this.visit(definitionId, undefined, reason);
      for (const candidate of candidates) this.visit(definitionId, candidate, reason);
    }
  }

  private visit(definitionId: string, candidate: string | undefined, reason: string): void {
    const definition = this.typeDefinitions.get(definitionId);
    if (!definition) throw new Error(`${this.type}: type definition ${definitionId} is not reachable`);
    const current = this.matches.get(definitionId);
    if (current === undefined) {
      this.matches.set(definitionId, candidate === undefined ? [] : [candidate]);
      if (candidate === undefined) this.unmatchedReason.set(definitionId, reason);
      this.walk(definition.name, definition.properties, candidate === undefined ? [] : [this.sdkStructure(candidate)]);
      return;
    }
    if (candidate === undefined || current.includes(candidate)) return;
    // A further SDK structure for the same type definition: CloudFormation merged structures the
    // SDK keeps apart (identical ones, usually); members and enums are the union of all.
    current.push(candidate);
    this.matchHow.set(definitionId, 'walk');
    this.unmatchedReason.delete(definitionId);
    this.walk(definition.name, definition.properties, [this.sdkStructure(candidate)]);
  }

  private findSdkMember(shapeName: string, cfnName: string, structure: SdkStructure): SdkMember | undefined {
    const alias = memberAliases[this.type]?.[shapeName]?.[cfnName];
    if (alias !== undefined) {
      const aliased = structure.members.get(alias);
      if (!aliased) throw new Error(`${this.type}: alias ${shapeName}.${cfnName} → ${alias} not in SDK ${structure.name}`);
      return aliased;
    }
    const exact = structure.members.get(cfnName);
    if (exact) return exact;
    const canonical = toCanonicalName(cfnName);
    const byCanonical = [...structure.members.values()].filter((member) => toCanonicalName(member.name) === canonical);
    return byCanonical.length === 1 ? byCanonical[0] : undefined;
  }

  private sdkStructure(name: string): SdkStructure {
    const structure = this.context.sdk?.structures.get(name);
    if (!structure) throw new Error(`${this.type}: SDK structure ${name} not found`);
    return structure;
  }

  // ---------------------------------------------------------------------------------------------
  // Members

  /**
   * Union of the CloudFormation properties of a shape and the members of its SDK structures.
   * `cfnProperties` undefined: an SDK-only shape (required from the SDK).
   */
  private mergeMembers(shapeName: string, cfnProperties: ResourceProperties | undefined, sdkStructures: SdkStructure[]): Record<string, MemberSpec> {
    const topLevel = shapeName === TOP_LEVEL;
    const members: Record<string, MemberSpec> = {};
    const add = (member: MemberSpec): void => {
      const key = toCanonicalName(member.name);
      const existing = members[key];
      if (existing) throw new Error(`${this.type}: ${shapeName}: members ${existing.name} and ${member.name} share the key ${key}`);
      members[key] = member;
    };
    const consumed = new Set<string>();

    for (const name of Object.keys(cfnProperties ?? {}).sort(compare)) {
      const property = cfnProperties![name]!;
      const sdkMembers = sdkStructures.map((structure) => this.findSdkMember(shapeName, name, structure)).filter((found) => found !== undefined);
      const sdkMember = sdkMembers[0];
      for (const found of sdkMembers) consumed.add(found.name);
      if (sdkMember) {
        this.stats.membersBoth++;
        if (sdkMember.name !== name && toCanonicalName(sdkMember.name) === toCanonicalName(name)) {
          this.stats.canonicalMatches.push(`${shapeName}.${name} ~ ${sdkMember.name}`);
        }
      } else {
        this.stats.membersCfnOnly++;
        if (sdkStructures.length > 0) this.stats.cfnOnlyInMatchedShapes.push(`${shapeName}.${name}`);
      }
      let type: TypeRef;
      if (topLevel && jsonAsStructure[this.type]?.includes(name)) {
        if (property.type.type !== 'json' || sdkMember?.type.kind !== 'struct') {
          throw new Error(`${this.type}: ${name} is expected to be JSON in CloudFormation and a structure in the SDK`);
        }
        type = { shape: this.sdkShapeKey(sdkMember.type.name) };
      } else if (topLevel && name === 'Tags' && (property.type.type === 'json' || isTagList(property.type))) {
        type = 'tags';
      } else {
        type = this.cfnTypeRef(property.type, `${shapeName}.${name}`);
        if (sdkMember) this.checkTypeAgreement(`${shapeName}.${name}`, property.type, sdkMember.type);
      }
      const enumKey = this.enumFor(shapeName, name, allowedValues(property.type), sdkMembers);
      // CloudFormation passes nested settings through to the service API, which rejects a
      // structure without its required members even where the CloudFormation schema does not mark
      // them (MediaLive marks none). Top-level members keep CloudFormation's word: CloudFormation
      // fills some of them itself (a generated name).
      const sdkRequired = !topLevel && sdkMembers.length > 0 && sdkMembers.every((found) => found.required);
      add(member(name, type, property.required === true || sdkRequired, enumKey, sdkMember ? 'both' : 'cfn'));
    }

    const sdkOnly = new Map<string, SdkMember[]>();
    for (const structure of sdkStructures) {
      for (const sdkMember of structure.members.values()) {
        if (consumed.has(sdkMember.name) || (topLevel && plumbingMembers.includes(sdkMember.name))) continue;
        sdkOnly.set(sdkMember.name, [...(sdkOnly.get(sdkMember.name) ?? []), sdkMember]);
      }
    }
    for (const name of [...sdkOnly.keys()].sort(compare)) {
      const sdkMembers = sdkOnly.get(name)!;
      const sdkMember = sdkMembers[0]!;
      this.stats.membersSdkOnly++;
      if (cfnProperties !== undefined) this.stats.sdkOnlyInCfnShapes.push(`${shapeName}.${name}`);
      const type = topLevel && name === 'Tags' && isSdkTags(sdkMember.type) ? 'tags' : this.sdkTypeRef(sdkMember.type);
      // Required comes from the SDK only for structures CloudFormation does not describe.
      const required = cfnProperties === undefined && sdkMembers.every((found) => found.required);
      add(member(name, type, required, this.enumFor(shapeName, name, undefined, sdkMembers), 'sdk'));
    }
    return sortRecord(members);
  }

  private checkTypeAgreement(where: string, cfn: PropertyType, sdk: SdkType): void {
    const cfnKind = kindOfCfn(cfn);
    const sdkKind = kindOfSdk(sdk);
    if (cfnKind === sdkKind) return;
    // An empty SDK structure is JSON (`{}`) in CloudFormation: nothing to report.
    if (cfnKind === 'json' && sdk.kind === 'struct' && this.sdkStructure(sdk.name).members.size === 0) return;
    this.stats.typeMismatches.push(`${where}: CloudFormation ${cfnKind}, SDK ${sdkKind}${sdk.kind === 'struct' ? ` (${sdk.name})` : ''}`);
  }

  private cfnTypeRef(type: PropertyType, where: string): TypeRef {
    switch (type.type) {
      case 'string':
        return 'string';
      case 'integer':
        return 'integer';
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'json':
        return 'json';
      case 'date-time':
        return 'timestamp';
      case 'tag':
        return 'tags';
      case 'array':
        return type.element.type === 'tag' ? 'tags' : { list: this.cfnTypeRef(type.element, where) };
      case 'map':
        return { map: this.cfnTypeRef(type.element, where) };
      case 'ref': {
        const definition = this.typeDefinitions.get(type.reference.$ref);
        if (!definition) throw new Error(`${this.type}: ${where} references unknown type definition ${type.reference.$ref}`);
        return { shape: definition.name };
      }
      case 'null':
      case 'union':
        this.stats.warnings.push(`${where}: CloudFormation type ${type.type} written as json`);
        return 'json';
    }
  }

  private sdkTypeRef(type: SdkType): TypeRef {
    switch (type.kind) {
      case 'string':
      case 'enum':
      case 'blob':
        return 'string';
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'timestamp':
        return 'timestamp';
      case 'json':
        return 'json';
      case 'list':
        return { list: this.sdkTypeRef(type.element) };
      case 'map':
        return { map: this.sdkTypeRef(type.element) };
      case 'struct':
        return { shape: this.sdkShapeKey(type.name) };
      case 'unsupported':
        throw new Error(`${this.type}: SDK member type \`${type.text}\` is not supported by the model reader`);
    }
  }

  /** The shapes key of an SDK structure, adding it (and its descendants) when needed. The SDK name
   * is the key unless a CloudFormation shape of that name is another structure (then `<Name>Sdk`). */
  private sdkShapeKey(name: string): string {
    const known = this.sdkShapeKeys.get(name);
    if (known !== undefined) return known;
    let key = name;
    for (let n = 1; this.cfnShapeNames.has(key) || this.shapes.has(key); n++) key = `${name}Sdk${n === 1 ? '' : n}`;
    this.sdkShapeKeys.set(name, key);
    const spec: ShapeSpec = { sdkShape: name, members: {} };
    this.shapes.set(key, spec);
    this.stats.sdkOnlyShapes++;
    spec.members = this.mergeMembers(key, undefined, [this.sdkStructure(name)]);
    return key;
  }

  // ---------------------------------------------------------------------------------------------
  // Enums

  /**
   * The enum of a member: the SDK enum when there is one and it holds every CloudFormation value;
   * otherwise (CloudFormation values only, extra CloudFormation values, or SDK enums of merged
   * structures that differ) the union under `<ResourceType>/<Shape>.<Member>`.
   */
  private enumFor(shapeName: string, memberName: string, cfnValues: string[] | undefined, sdkMembers: SdkMember[]): string | undefined {
    const { enums, sdk } = this.context;
    const key = `${this.type}/${shapeName}.${memberName}`;
    const sdkEnums = [...new Set(sdkMembers.map((found) => enumOf(found.type)).filter((name) => name !== undefined))];
    if (sdk && sdkEnums.length > 0) {
      const union: string[] = [];
      for (const name of sdkEnums) for (const value of enums.sdkValues(sdk, name)) if (!union.includes(value)) union.push(value);
      const first = enums.sdkValues(sdk, sdkEnums[0]!);
      const extra = (cfnValues ?? []).filter((value) => !union.includes(value));
      if (extra.length === 0 && union.length === first.length) return enums.sdk(sdk, sdkEnums[0]!);
      this.stats.enumUnions.push(`${key}: SDK ${sdkEnums.join(' + ')}${extra.length > 0 ? ` + CloudFormation ${extra.join(', ')}` : ''}`);
      return enums.own(key, [...union, ...extra]);
    }
    if (cfnValues !== undefined && cfnValues.length > 0) return enums.own(key, cfnValues);
    return undefined;
  }
}

function member(name: string, type: TypeRef, required: boolean, enumKey: string | undefined, origin: MemberSpec['origin']): MemberSpec {
  return {
    name,
    type,
    ...(required ? { required: true as const } : {}),
    ...(enumKey !== undefined ? { enum: enumKey } : {}),
    origin,
  };
}

/** A same-name SDK structure is taken only when at least half of the CloudFormation members exist in it. */
function plausibleFallback(properties: ResourceProperties, structure: SdkStructure): boolean {
  const names = Object.keys(properties);
  if (names.length === 0) return structure.members.size === 0;
  const canonical = new Set([...structure.members.keys()].map(toCanonicalName));
  const shared = names.filter((name) => canonical.has(toCanonicalName(name))).length;
  return shared > 0 && shared * 2 >= names.length;
}

function referencedDefinition(type: PropertyType): string | undefined {
  switch (type.type) {
    case 'ref':
      return type.reference.$ref;
    case 'array':
    case 'map':
      return referencedDefinition(type.element);
    default:
      return undefined;
  }
}

function structureOf(type: SdkType): string | undefined {
  if (type.kind === 'struct') return type.name;
  if (type.kind === 'list' || type.kind === 'map') return structureOf(type.element);
  return undefined;
}

function enumOf(type: SdkType): string | undefined {
  if (type.kind === 'enum') return type.name;
  if (type.kind === 'list') return enumOf(type.element);
  return undefined;
}

function allowedValues(type: PropertyType): string[] | undefined {
  if (type.type === 'string') return type.allowedValues;
  if (type.type === 'integer') return type.allowedValues?.map(String);
  if (type.type === 'array') return allowedValues(type.element);
  return undefined;
}

function isTagList(type: PropertyType): boolean {
  return type.type === 'array' && type.element.type === 'tag';
}

function isSdkTags(type: SdkType): boolean {
  return (type.kind === 'map' && type.element.kind === 'string') || (type.kind === 'list' && type.element.kind === 'struct' && type.element.name === 'Tag');
}

function kindOfCfn(type: PropertyType): string {
  switch (type.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'array':
      return `list<${kindOfCfn(type.element)}>`;
    case 'map':
      return `map<${kindOfCfn(type.element)}>`;
    case 'ref':
      return 'structure';
    case 'date-time':
      return 'timestamp';
    default:
      return type.type;
  }
}

function kindOfSdk(type: SdkType): string {
  switch (type.kind) {
    case 'enum':
    case 'blob':
      return 'string';
    case 'list':
      return `list<${kindOfSdk(type.element)}>`;
    case 'map':
      return `map<${kindOfSdk(type.element)}>`;
    case 'struct':
      return 'structure';
    case 'unsupported':
      return type.text;
    default:
      return type.kind;
  }
}

/** First sentence of the CloudFormation documentation, without Markdown, at most ~300 characters. */
function shortDocumentation(markdown: string): string | undefined {
  const paragraph = (markdown.split(/\n\s*\n/)[0] ?? '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = /^(.+?\.)(?:\s|$)/.exec(paragraph)?.[1] ?? paragraph;
  if (sentence.length === 0) return undefined;
  return sentence.length <= 300 ? sentence : `${sentence.slice(0, sentence.lastIndexOf(' ', 300))} …`;
}

function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compare)) sorted[key] = record[key]!;
  return sorted;
}
