import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { applyPropertyAliases } from '../../graph/aliases.js';
import type { Resource, Scope, ScopeParameter } from '../../graph/resource.js';
import type { Span } from '../../graph/source.js';
import { lookupResourceType, type ResourceTypeInfo } from '../../graph/type-registry.js';
import type { ReferenceValue, Value } from '../../graph/value.js';
import { defaultSpecRegistry } from '../../specs/registry.js';
import type { LoadDiagnostic } from '../types.js';
import { collapsedReference, Env, Evaluator, placelessValue, resourceCollection, type EvalHost } from './evaluate.js';
import { PropertyBuilder } from './properties.js';
import { spanOf, type Attribute, type Block, type Body, type Expr, type ParsedFile } from './syntax.js';
import {
  errorValue,
  isWhollyKnown,
  known,
  list,
  markSet,
  numberOf,
  object,
  property,
  quoteKey,
  respan,
  stringOf,
  unknown,
  unknownFrom,
  withVia,
} from './values.js';

/** Instances one `count` / `for_each` may expand into; beyond it the resource is read once. */
export const MAX_INSTANCES = 1000;
/** Nesting depth of local module calls that is followed. */
export const MAX_MODULE_DEPTH = 16;
/** Evaluation steps per module instance. */
const EVALUATION_BUDGET = 5_000_000;

/** The files of one directory: one Terraform module. */
export interface ModuleSource {
  /** Absolute directory. */
  dir: string;
  /** The directory as reported (relative to the working directory when inside it). */
  displayDir: string;
  files: ParsedFile[];
}

/** What a module instance needs from the front-end: module directories and a place for diagnostics. */
export interface ModuleSession {
  /** The module in a directory (parsed once), or undefined when it has no configuration files. */
  module(dir: string): ModuleSource | undefined;
  diagnostic(diagnostic: LoadDiagnostic): void;
  /** Instances the whole load may still create (bounds count × module count products). */
  instanceBudget: number;
}

interface VariableDecl {
  name: string;
  labelSpan: Span;
  defaultExpr: Expr | undefined;
  typeExpr: Expr | undefined;
}

interface ResourceDecl {
  type: string;
  name: string;
  block: Block;
}

/** The declarations of a module, from all its files. */
export class ModuleDefinition {
  readonly variables = new Map<string, VariableDecl>();
  readonly locals = new Map<string, Attribute>();
  readonly resources = new Map<string, ResourceDecl>();
  readonly dataSources = new Set<string>();
  readonly moduleCalls = new Map<string, Block>();
  readonly outputs: Block[] = [];

  constructor(readonly source: ModuleSource) {
    for (const file of source.files) {
      for (const item of file.body.items) {
        if (item.kind !== 'block') continue;
        const [first, second] = item.labels;
        switch (item.type) {
          case 'variable':
            if (first) {
              this.variables.set(first.value, {
                name: first.value,
                labelSpan: spanOf(item.src, first.start, first.end),
                defaultExpr: attribute(item.body, 'default')?.expr,
                typeExpr: attribute(item.body, 'type')?.expr,
              });
            }
            break;
          case 'locals':
            for (const entry of item.body.items) if (entry.kind === 'attribute') this.locals.set(entry.name, entry);
            break;
          case 'resource':
            if (first && second) this.resources.set(`${first.value}.${second.value}`, { type: first.value, name: second.value, block: item });
            break;
          case 'data':
            if (first && second) this.dataSources.add(`${first.value}.${second.value}`);
            break;
          case 'module':
            if (first) this.moduleCalls.set(first.value, item);
            break;
          case 'output':
            if (first) this.outputs.push(item);
            break;
          default:
            break;
        }
      }
    }
  }
}

function attribute(body: Body, name: string): Attribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

/** How `count` / `for_each` expanded a resource or module call. */
type Expansion =
  | { mode: 'single' }
  | { mode: 'count'; count: number }
  | { mode: 'for_each'; entries: Array<[string, Value]> }
  /** Not known (or too large): one resource, whose `count.index` / `each.*` are unknown. */
  | { mode: 'unknown'; value: Value };

interface Instance {
  /** `[0]`, `["key"]`, or empty. */
  suffix: string;
  env: Env;
}

/** Inputs of a module instance: root variables from tfvars and the command line, or the
 * arguments of a module call. */
export interface ModuleInputs {
  values: ReadonlyMap<string, Value>;
  /** Names whose values have no place in any file (`--var`): a use takes the use's span. */
  placeless?: ReadonlySet<string>;
}

export interface InstanceOptions {
  scopeId: string;
  /** `module.encoder.` for resources of a child module, empty for a root module. */
  addressPrefix: string;
  inputs: ModuleInputs;
  /** Real paths of the modules being evaluated, outermost first (to stop a module calling itself). */
  stack: readonly string[];
}

type Children = { kind: 'not-followed'; value: Value } | { kind: 'instances'; expansion: Expansion; instances: Array<{ suffix: string; module: ModuleInstance }> };

/** One instance of a module: its variables bound, its locals, resources and calls evaluated. */
export class ModuleInstance implements EvalHost {
  private readonly evaluator = new Evaluator(this);
  private budget = EVALUATION_BUDGET;
  private readonly variableValues = new Map<string, Value>();
  private readonly localValues = new Map<string, Value>();
  private readonly localsInProgress: string[] = [];
  private readonly expansions = new Map<Block, Expansion | 'pending'>();
  private readonly children = new Map<string, Children | 'pending'>();
  private readonly reportedCycles = new Set<string>();

  constructor(
    readonly definition: ModuleDefinition,
    private readonly session: ModuleSession,
    readonly options: InstanceOptions,
  ) {}

  charge(): boolean {
    return --this.budget >= 0;
  }

  variable(name: string, use: Span): Value | undefined {
    const declaration = this.definition.variables.get(name);
    if (!declaration) return undefined;
    let value = this.variableValues.get(name);
    if (value === undefined) {
      value = this.bindVariable(declaration);
      this.variableValues.set(name, value);
    }
    if (value.kind === 'unknown') return unknown(value.reason, value.detail, use);
    if (this.options.inputs.placeless?.has(name) && this.options.inputs.values.has(name)) return respan(value, use);
    return withVia(value, use);
  }

  private bindVariable(declaration: VariableDecl): Value {
    const given = this.options.inputs.values.get(declaration.name);
    let value: Value;
    if (given !== undefined) value = given;
    else if (declaration.defaultExpr) value = this.evaluator.evaluate(declaration.defaultExpr, Env.empty);
    else return unknown('variable', `variable ${declaration.name} has no value (no default, tfvars or --var)`, declaration.labelSpan);
    if (value.kind === 'known' && value.value === null && !given && declaration.defaultExpr) {
      return unknown('variable', `variable ${declaration.name} defaults to null`, declaration.labelSpan);
    }
    return declaration.typeExpr ? convertToType(value, declaration.typeExpr) : value;
  }

  local(name: string, use: Span): Value | undefined {
    const declaration = this.definition.locals.get(name);
    if (!declaration) return undefined;
    let value = this.localValues.get(name);
    if (value === undefined) {
      if (this.localsInProgress.includes(name)) {
        const cycle = [...this.localsInProgress.slice(this.localsInProgress.indexOf(name)), name].map((entry) => `local.${entry}`);
        const key = [...cycle].sort().join(',');
        if (!this.reportedCycles.has(key)) {
          this.reportedCycles.add(key);
          this.session.diagnostic({
            ruleId: 'not-followed',
            severity: 'warning',
            message: `${cycle.join(' → ')} refer to each other in a cycle (Terraform rejects this); their values are not evaluated.`,
            span: spanOf(declaration.src, declaration.nameStart, declaration.nameEnd),
          });
        }
        return unknown('unsupported', `local.${name} is part of a reference cycle`, use);
      }
      this.localsInProgress.push(name);
      value = this.evaluator.evaluate(declaration.expr, Env.empty);
      this.localsInProgress.pop();
      this.localValues.set(name, value);
    }
    if (value.kind === 'unknown') return unknown(value.reason, value.detail, use);
    return withVia(value, use);
  }

  resource(type: string, name: string, use: Span, expression: string): Value {
    const target = `${this.options.addressPrefix}${type}.${name}`;
    const declaration = this.definition.resources.get(`${type}.${name}`);
    const reference = (address: string): ReferenceValue => ({ kind: 'reference', target: address, expression, span: use });
    if (!declaration) return reference(target);
    const expansion = this.expansion(declaration.block);
    switch (expansion.mode) {
      case 'single':
        return reference(target);
      case 'unknown':
        return collapsedReference(reference(target));
      case 'count':
        return resourceCollection(
          list(
            Array.from({ length: expansion.count }, (_, index) => reference(`${target}[${index}]`)),
            use,
          ),
          target,
        );
      case 'for_each':
        return resourceCollection(
          object(
            expansion.entries.map(([key]) => property(key, use, reference(`${target}[${quoteKey(key)}]`))),
            use,
          ),
          target,
        );
    }
  }

  module(name: string, use: Span): Value {
    const call = this.definition.moduleCalls.get(name);
    if (!call) return { kind: 'reference', target: `${this.options.addressPrefix}module.${name}`, expression: `module.${name}`, span: use };
    const children = this.childModules(name, call);
    if (children === 'pending') return unknown('unsupported', `module.${name} is used in its own arguments`, use);
    if (children.kind === 'not-followed') return respan(children.value, use);
    const outputs = (child: ModuleInstance) => child.outputsValue(use);
    switch (children.expansion.mode) {
      case 'single':
      case 'unknown':
        return children.instances[0] ? outputs(children.instances[0].module) : unknown('unsupported', `module.${name} has no instance`, use);
      case 'count':
        return list(
          children.instances.map((instance) => outputs(instance.module)),
          use,
        );
      case 'for_each':
        return object(
          children.instances.map((instance, index) => property(children.expansion.mode === 'for_each' ? children.expansion.entries[index]![0] : String(index), use, outputs(instance.module))),
          use,
        );
    }
  }

  private outputsCache: Value | undefined;
  private outputsPending = false;

  /** The module's outputs as seen by its caller: values known only after apply are unknown. */
  outputsValue(use: Span): Value {
    if (this.outputsPending) return unknown('unsupported', 'a module output that depends on itself', use);
    if (!this.outputsCache) {
      this.outputsPending = true;
      const properties = this.definition.outputs.map((block) => {
        const label = block.labels[0]!;
        const expression = attribute(block.body, 'value');
        const value = expression ? this.evaluator.evaluate(expression.expr, Env.empty) : unknown('unsupported', 'an output without a value', use);
        const visible = isWhollyKnown(value) ? value : unknownFrom([value], `output ${label.value} of a module is known only after apply`, value.span);
        return property(label.value, spanOf(block.src, label.start, label.end), visible);
      });
      this.outputsCache = object(properties, use);
      this.outputsPending = false;
    }
    return withVia(this.outputsCache, use);
  }

  /** How a resource or module block expands (memoized; a block whose count depends on itself is
   * unknown). */
  private expansion(block: Block): Expansion {
    const cached = this.expansions.get(block);
    if (cached === 'pending') return { mode: 'unknown', value: unknown('unsupported', 'count or for_each depends on itself', spanOf(block.src, block.start, block.end)) };
    if (cached) return cached;
    this.expansions.set(block, 'pending');
    const result = this.computeExpansion(block);
    this.expansions.set(block, result);
    return result;
  }

  private computeExpansion(block: Block): Expansion {
    const count = attribute(block.body, 'count');
    const forEach = attribute(block.body, 'for_each');
    const address = `${this.options.addressPrefix}${block.type === 'module' ? 'module.' : ''}${block.labels.map((label) => label.value).join('.')}`;
    if (count) {
      const value = this.evaluator.evaluate(count.expr, Env.empty);
      const number = numberOf(value);
      if (number === undefined || !Number.isInteger(number) || number < 0) {
        return { mode: 'unknown', value: value.kind === 'known' ? errorValue('count must be a whole number', value.span) : unknownFrom([value], `the count of ${address} is not known`, value.span) };
      }
      return this.bounded(number, count, address) ?? { mode: 'count', count: number };
    }
    if (forEach) {
      const value = this.evaluator.evaluate(forEach.expr, Env.empty);
      const entries = forEachEntries(value);
      if (!entries) return { mode: 'unknown', value: unknownFrom([value], `the for_each of ${address} is not known`, value.span) };
      return this.bounded(entries.length, forEach, address) ?? { mode: 'for_each', entries };
    }
    return { mode: 'single' };
  }

  private bounded(size: number, attr: Attribute, address: string): Expansion | undefined {
    if (size <= MAX_INSTANCES && size <= this.session.instanceBudget) {
      this.session.instanceBudget -= size;
      return undefined;
    }
    const limit = Math.min(MAX_INSTANCES, this.session.instanceBudget);
    const span = spanOf(attr.src, attr.start, attr.end);
    this.session.diagnostic({
      ruleId: 'not-followed',
      severity: 'info',
      message: `${attr.name} expands ${address} into ${size} instances, more than media-lint evaluates (${limit}); it is checked once, with ${attr.name === 'count' ? 'count.index' : 'each.key and each.value'} unknown.`,
      span,
    });
    return { mode: 'unknown', value: unknown('limit', `${address} has more instances than media-lint evaluates`, span) };
  }

  /** The instances of an expansion with their `count` / `each` bindings. */
  private instances(expansion: Expansion): Instance[] {
    switch (expansion.mode) {
      case 'single':
        return [{ suffix: '', env: Env.empty }];
      case 'count':
        return Array.from({ length: expansion.count }, (_, index) => ({
          suffix: `[${index}]`,
          env: Env.empty.with(new Map([['count', object([property('index', dummySpan, placelessValue(known(index, dummySpan)))], dummySpan)]])),
        }));
      case 'for_each':
        return expansion.entries.map(([key, value]) => ({
          suffix: `[${quoteKey(key)}]`,
          env: Env.empty.with(new Map([['each', object([property('key', value.span, placelessValue(known(key, value.span))), property('value', value.span, value)], value.span)]])),
        }));
      case 'unknown': {
        const value = expansion.value;
        const missing = (what: string) => unknownFrom([value], `${what} is not known: ${value.kind === 'unknown' ? value.detail : 'the expansion is not known'}`, value.span);
        const bindings = new Map<string, Value>([
          ['count', object([property('index', value.span, placelessValue(missing('count.index')))], value.span)],
          ['each', object([property('key', value.span, placelessValue(missing('each.key'))), property('value', value.span, placelessValue(missing('each.value')))], value.span)],
        ]);
        return [{ suffix: '', env: Env.empty.with(bindings) }];
      }
    }
  }

  private childModules(name: string, call: Block): Children | 'pending' {
    const cached = this.children.get(name);
    if (cached) return cached;
    this.children.set(name, 'pending');
    const result = this.followCall(name, call);
    this.children.set(name, result);
    return result;
  }

  private followCall(name: string, call: Block): Children {
    const sourceAttribute = attribute(call.body, 'source');
    const notFollowed = (detail: string, span: Span): Children => ({ kind: 'not-followed', value: unknown('unsupported', detail, span) });
    const callSpan = spanOf(call.src, call.labels[0]?.start ?? call.start, call.labels[0]?.end ?? call.end);
    const source = sourceAttribute ? stringOf(this.evaluator.evaluate(sourceAttribute.expr, Env.empty)) : undefined;
    const sourceSpan = sourceAttribute ? spanOf(sourceAttribute.src, sourceAttribute.expr.start, sourceAttribute.expr.end) : callSpan;
    if (source === undefined) return notFollowed(`module ${name} has no literal source`, sourceSpan);
    if (!/^\.\.?([/\\]|$)/.test(source)) {
      this.session.diagnostic({
        ruleId: 'not-followed',
        severity: 'info',
        message: `Module '${name}' is not followed: its source "${source}" is not a local path (only ./ and ../ modules are read); values from it are unknown.`,
        span: sourceSpan,
      });
      return notFollowed(`module ${name} comes from ${source}, which is not read`, sourceSpan);
    }
    const directory = path.resolve(this.definition.source.dir, source);
    let real = directory;
    try {
      real = realpathSync(directory);
    } catch {
      // reported below as a missing module
    }
    if (this.options.stack.includes(real)) {
      this.session.diagnostic({
        ruleId: 'not-followed',
        severity: 'warning',
        message: `Module '${name}' is not followed: its source "${source}" is a module that is already being evaluated (a module cannot call itself).`,
        span: sourceSpan,
      });
      return notFollowed(`module ${name} calls itself`, sourceSpan);
    }
    if (this.options.stack.length >= MAX_MODULE_DEPTH) {
      this.session.diagnostic({
        ruleId: 'not-followed',
        severity: 'info',
        message: `Module '${name}' is not followed: modules are nested more than ${MAX_MODULE_DEPTH} deep.`,
        span: sourceSpan,
      });
      return notFollowed(`module ${name} is nested too deep`, sourceSpan);
    }
    const source_ = this.session.module(directory);
    if (!source_) {
      this.session.diagnostic({
        ruleId: 'file-error',
        severity: 'error',
        message: `Module '${name}': the directory "${source}" does not exist or holds no .tf files.`,
        span: sourceSpan,
      });
      return notFollowed(`module ${name} cannot be read`, sourceSpan);
    }
    const definition = definitionOf(source_);
    const expansion = this.expansion(call);
    const instances = this.instances(expansion).map(({ suffix, env }) => {
      const values = new Map<string, Value>();
      for (const item of call.body.items) {
        if (item.kind !== 'attribute' || MODULE_META.has(item.name)) continue;
        values.set(item.name, this.evaluator.evaluate(item.expr, env));
      }
      const prefix = `${this.options.addressPrefix}module.${name}${suffix}.`;
      const rootId = this.options.scopeId.split('::')[0]!;
      const module = new ModuleInstance(definition, this.session, {
        scopeId: `${rootId}::${prefix.slice(0, -1)}`,
        addressPrefix: prefix,
        inputs: { values },
        stack: [...this.options.stack, real],
      });
      return { suffix, module };
    });
    return { kind: 'instances', expansion, instances };
  }

  /** Evaluates the module: its scope, then the scopes of the modules it calls. */
  build(): Scope[] {
    const source = this.definition.source;
    const scope: Scope = {
      id: this.options.scopeId,
      kind: 'terraform-module',
      format: 'terraform',
      file: source.displayDir,
      resources: [],
      parameters: new Map<string, ScopeParameter>(),
      outputs: [],
    };
    for (const declaration of this.definition.variables.values()) {
      const parameter: ScopeParameter = { name: `var.${declaration.name}`, span: declaration.labelSpan };
      const value = this.variable(declaration.name, declaration.labelSpan);
      if (value && (value.kind === 'known' || value.kind === 'object' || value.kind === 'unknown')) parameter.defaultValue = value;
      scope.parameters.set(parameter.name, parameter);
    }
    for (const [name, declaration] of this.definition.locals) {
      scope.parameters.set(`local.${name}`, { name: `local.${name}`, span: spanOf(declaration.src, declaration.nameStart, declaration.nameEnd) });
    }
    const specs = defaultSpecRegistry();
    for (const declaration of this.definition.resources.values()) {
      const block = declaration.block;
      const info = terraformType(declaration.type);
      const spec = info ? specs.resource(info.canonical) : undefined;
      const typeLabel = block.labels[0]!;
      const nameLabel = block.labels[1]!;
      const builder = new PropertyBuilder(this.evaluator, {
        sourceType: declaration.type,
        awscc: declaration.type.startsWith('awscc_'),
        json: block.src.file.endsWith('.json'),
      });
      const span = spanOf(block.src, block.start, block.end);
      const bodySpan = spanOf(block.src, block.body.start, block.body.end);
      for (const instance of this.instances(this.expansion(block))) {
        const address = `${this.options.addressPrefix}${declaration.type}.${declaration.name}${instance.suffix}`;
        const properties = builder.resource(block.body, spec, instance.env, bodySpan);
        if (info) applyPropertyAliases(info.canonical, 'terraform', properties);
        const resource: Resource = {
          id: `${scope.id}#${address}`,
          scope,
          address,
          logicalName: declaration.name,
          type: info?.canonical ?? declaration.type,
          sourceType: declaration.type,
          isMediaType: info !== undefined,
          format: 'terraform',
          file: block.src.file,
          span,
          nameSpan: spanOf(block.src, nameLabel.start, nameLabel.end),
          typeSpan: spanOf(block.src, typeLabel.start, typeLabel.end),
          properties,
          source: block.src,
        };
        scope.resources.push(resource);
      }
    }
    for (const block of this.definition.outputs) {
      const label = block.labels[0]!;
      const expression = attribute(block.body, 'value');
      if (!expression) continue;
      scope.outputs.push(property(label.value, spanOf(block.src, label.start, label.end), this.evaluator.evaluate(expression.expr, Env.empty)));
    }
    const scopes = [scope];
    for (const [name, call] of this.definition.moduleCalls) {
      const children = this.childModules(name, call);
      if (children === 'pending' || children.kind === 'not-followed') continue;
      for (const instance of children.instances) scopes.push(...instance.module.build());
    }
    return scopes;
  }
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

const dummySpan: Span = { file: '', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

const definitions = new WeakMap<ModuleSource, ModuleDefinition>();

export function definitionOf(source: ModuleSource): ModuleDefinition {
  let definition = definitions.get(source);
  if (!definition) {
    definition = new ModuleDefinition(source);
    definitions.set(source, definition);
  }
  return definition;
}

/** Instance keys and values of a `for_each`: a map, or a set of strings (keys sorted, as Terraform
 * orders instances). */
function forEachEntries(value: Value): Array<[string, Value]> | undefined {
  if (value.kind === 'object' && !value.open) {
    return [...value.properties]
      .sort((a, b) => (a.sourceName < b.sourceName ? -1 : a.sourceName > b.sourceName ? 1 : 0))
      .map((entry): [string, Value] => [entry.sourceName, entry.value]);
  }
  if (value.kind === 'list' && !value.open) {
    const keys: Array<[string, Value]> = [];
    for (const item of value.items) {
      const key = stringOf(item);
      if (key === undefined) return undefined;
      if (!keys.some(([existing]) => existing === key)) keys.push([key, item]);
    }
    return keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return undefined;
}

/** Converts a variable's value to its declared primitive type (`type = number` turns the tfvars
 * string `"5"` into 5); collections of primitives are converted item by item. */
export function convertToType(value: Value, type: Expr): Value {
  if (type.kind === 'variable') {
    if (value.kind !== 'known' || value.value === null) return value;
    switch (type.name) {
      case 'number': {
        const number = numberOf(value);
        return number === undefined ? value : { ...value, value: number };
      }
      case 'string':
        return typeof value.value === 'string' ? value : { ...value, value: stringOf(value)! };
      case 'bool':
        return value.value === 'true' ? { ...value, value: true } : value.value === 'false' ? { ...value, value: false } : value;
      default:
        return value;
    }
  }
  if (type.kind === 'call' && type.args.length === 1) {
    const inner = type.args[0]!;
    if ((type.name === 'list' || type.name === 'set') && value.kind === 'list') {
      const converted = { ...value, items: value.items.map((item) => convertToType(item, inner)) };
      return type.name === 'set' ? markSet(converted) : converted;
    }
    if (type.name === 'map' && value.kind === 'object') {
      return { ...value, properties: value.properties.map((entry) => ({ ...entry, value: convertToType(entry.value, inner) })) };
    }
  }
  return value;
}

/** The media type of a Terraform resource type: only the spellings of the Terraform providers
 * (`aws_kinesisvideo_stream` is a Pangea name, not a Terraform type). */
export function terraformType(type: string): ResourceTypeInfo | undefined {
  const info = lookupResourceType(type);
  return info?.terraform.includes(type) ? info : undefined;
}
