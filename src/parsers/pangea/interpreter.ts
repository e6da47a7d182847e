import * as N from '@ruby/prism/src/nodes.js';
import type { SourceText, Span } from '../../graph/source.js';
import { lookupNestedSettingsName, lookupResourceType, type NestedSettingsName } from '../../graph/type-registry.js';
import type { Limits } from './limits.js';
import { callValueMethod, interpolate, rubyEquals, type Runtime } from './methods.js';
import type { OffsetMap } from './offsets.js';
import {
  Env,
  hashKey,
  isHashKey,
  nil,
  num,
  str,
  sym,
  truthy,
  unknown,
  withVia,
  type Callable,
  type HashEntry,
  type RArray,
  type RHash,
  type RRef,
  type RResource,
  type RTmpl,
  type RValue,
  type SelfFrame,
  type SymbolProc,
  type Text,
} from './ruby-values.js';

/** Meta-arguments Pangea's `ResourceBuilder` takes out of a typed call's attributes (and Terraform
 * meta-arguments of a raw block): they configure Terraform, not the resource. */

/** One resource of a template, as declared (merged when the same address is declared again). */
export interface ResourceDecl {
  kind: 'typed' | 'raw';
  /** The function name or `resource` type as written. */
  typeWritten: string;
  nested: NestedSettingsName | undefined;
  /** The logical name; undefined when the interpreter could not compute it. */
  name: string | undefined;
  /** `aws_x.name`; with the name as written when it is not known (`aws_x.in_#{region}`). */
  address: string;
  /** For a name that is not known: which names it may stand for. */
  namePattern: RegExp | undefined;
  body: RHash;
  span: Span;
  nameSpan: Span;
  typeSpan: Span;
  /** Byte range of the declaration, to tell whether a syntax error falls inside it. */
  startByte: number;
  endByte: number;
}

export interface NamedBlock {
  name: string;
  nameSpan: Span;
  body: RHash;
}

export interface TemplateState {
  name: string;
  nameSpan: Span;
  span: Span;
  kind: 'template' | 'architecture';
  resources: Map<string, ResourceDecl>;
  outputs: NamedBlock[];
  variables: Map<string, NamedBlock>;
  locals: RHash;
  self: SelfFrame;
}

/** `break`, `next` and `return` unwind the interpreter's stack as exceptions. */
class BreakSignal {
  constructor(readonly value: RValue) {}
}
class NextSignal {
  constructor(readonly value: RValue) {}
}
class ReturnSignal {
  constructor(readonly value: RValue) {}
}
/** Thrown (and caught at the top) when the step budget runs out, so loops stop at once. */
class ExhaustedSignal {}

interface Loc {
  startOffset: number;
  length: number;
}

interface Arguments {
  args: RValue[];
  /** A splat of a value that is not a known array: there may be more arguments. */
  open: boolean;
  /** Keyword arguments (`k: v` without braces), also the last entry of `args`. */
  kwargs: RHash | undefined;
  nodes: N.Node[];
}

/** Bare calls that are Ruby's own or Pangea's, never attributes of a DSL block. */
const NOT_RUN = new Set([
  'system', 'exec', 'spawn', 'fork', 'eval', 'instance_eval', 'instance_exec', 'class_eval', 'module_eval', 'binding', 'open', 'gets',
  'readline', 'readlines', 'caller', 'at_exit', 'trap', 'sleep', 'rand', 'srand', 'exit', 'exit!', 'abort', 'throw', 'catch', 'syscall',
  'define_method', 'method', 'instance_variable_get', 'instance_variable_set', 'const_get', 'autoload', 'select', 'test', 'set_trace_func',
  'raise', 'fail', 'jsonencode', 'base64encode', 'managed_tags', 'yaml_encode', 'file', 'templatefile',
]);
const IGNORED = new Set(['puts', 'p', 'pp', 'print', 'printf', 'putc', 'warn', 'require', 'require_relative', 'load', 'include', 'extend', 'prepend', 'using', 'attr_accessor', 'attr_reader', 'attr_writer', 'private', 'public', 'protected', 'module_function']);
const THROWAWAY_BLOCKS = new Set(['data', 'provider', 'terraform']);
const OUTPUT_BLOCKS = new Set(['output', 'pangea_output', 'display_output', 'data_output']);

export function isResourceFunction(name: string): boolean {
  return lookupResourceType(name) !== undefined || lookupNestedSettingsName(name) !== undefined || /^(aws|awscc)_[a-z0-9_]+$/.test(name);
}

/**
 * A static interpreter for the Ruby of Pangea templates. It walks prism's syntax tree and computes
 * what it can be sure of: literals, local variables, helper methods defined in the file, loops over
 * known collections, conditionals on known values. Nothing is ever run: there is no `eval`, no
 * `require`, no process, file or network access; any call the interpreter does not know
 * (`ENV[...]`, `SecureRandom.hex`, `File.write`, a backtick) is an unknown value. A condition it
 * cannot decide runs both branches "speculatively": what they create is kept, every variable they
 * assign becomes unknown, and a collection they change becomes open (it may hold things the
 * interpreter cannot see). A loop over an unknown collection runs its body once, speculatively,
 * with unknown block parameters.
 */
export class Interpreter implements Runtime {
  private steps = 0;
  private depth = 0;
  private callDepth = 0;
  private uncertainDepth = 0;
  /** Incremented by each speculation: collections and scopes made inside it may change for sure. */
  private epoch = 0;
  private readonly writeLogs: Array<Map<Env, Set<string>>> = [];
  private readonly constants = new Map<string, RValue>();
  private readonly fileSelf: SelfFrame = { methods: new Map(), ivars: new Map(), outer: undefined };
  private self: SelfFrame = this.fileSelf;
  private template: TemplateState | undefined;
  /** The hash that bare calls write to inside a DSL block (`resource … do`), if any. */
  private dsl: RHash | undefined;
  /** The block given to the helper method being evaluated, for `yield`. */
  private currentBlock: Callable | SymbolProc | undefined;
  /** Set when a `return`/`next`/`break` was hit in a speculative branch of the current frame. */
  private uncertainExit = false;
  exhausted = false;
  private readonly stepBudget: number;

  constructor(
    private readonly source: SourceText,
    private readonly offsets: OffsetMap,
    readonly limits: Limits,
  ) {
    this.stepBudget = Math.max(limits.steps, limits.stepsPerCharacter * source.text.length);
  }

  // ---------------------------------------------------------------------------------------------
  // Positions

  span(loc: Loc): Span {
    const start = this.offsets.utf16(loc.startOffset);
    const end = this.offsets.utf16(loc.startOffset + loc.length);
    return this.source.span(start, end);
  }

  /** The source of a node, computed only if a message or reference needs it. */
  private lazyText(loc: Loc): Text {
    return { toString: () => this.text(loc) };
  }

  private text(loc: Loc, max = 160): string {
    const start = this.offsets.utf16(loc.startOffset);
    const end = this.offsets.utf16(loc.startOffset + loc.length);
    const text = this.source.text.slice(start, Math.min(end, start + max * 4)).replace(/\s+/g, ' ');
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  // ---------------------------------------------------------------------------------------------
  // Entry point

  /** Evaluates a file's top level; each `template :name do … end` block becomes a template. */
  run(program: N.ProgramNode): TemplateState[] {
    const templates: TemplateState[] = [];
    const env = this.newEnv(undefined);
    for (const statement of program.statements.body) {
      const template = this.templateCall(statement);
      if (template) {
        const state = this.runTemplate(template.node, template.block, template.kind, env);
        if (state) templates.push(state);
        continue;
      }
      if (statement instanceof N.ModuleNode || statement instanceof N.ClassNode) continue;
      this.guarded(() => this.evalNode(statement, env));
    }
    return templates;
  }

  /** `template :name do … end` or `Pangea.architecture 'name' do … end` at the top level. */
  templateCall(statement: N.Node): { node: N.CallNode; block: N.BlockNode; kind: 'template' | 'architecture' } | undefined {
    if (!(statement instanceof N.CallNode) || !(statement.block instanceof N.BlockNode)) return undefined;
    if (statement.name === 'template' && statement.receiver === null) return { node: statement, block: statement.block, kind: 'template' };
    if (statement.name === 'architecture' && statement.receiver instanceof N.ConstantReadNode && statement.receiver.name === 'Pangea') {
      return { node: statement, block: statement.block, kind: 'architecture' };
    }
    return undefined;
  }

  private runTemplate(node: N.CallNode, block: N.BlockNode, kind: 'template' | 'architecture', env: Env): TemplateState | undefined {
    const nameNode = node.arguments_?.arguments_[0];
    const span = this.span(node.location);
    let name: string | undefined;
    let nameSpan = this.span(node.messageLoc ?? node.location);
    if (nameNode) {
      nameSpan = this.span(nameNode.location);
      const value = this.guarded(() => this.evalNode(nameNode, env));
      if (value.t === 'sym' || value.t === 'str') name = value.v;
      else name = this.text(nameNode.location);
    }
    if (name === undefined) return undefined;
    const self: SelfFrame = { methods: new Map(), ivars: new Map(), outer: this.fileSelf };
    const state: TemplateState = { name, nameSpan, span, kind, resources: new Map(), outputs: [], variables: new Map(), locals: this.newHash(span), self };
    this.template = state;
    const savedSelf = this.self;
    this.self = self;
    try {
      this.guarded(() => this.callBlock({ kind: 'block', node: block, env, outerBlock: undefined, self }, []));
    } finally {
      this.template = undefined;
      this.self = savedSelf;
    }
    return state;
  }

  /** Runs an evaluation, turning a signal that escaped (a top-level `break`) into nil and an
   * exhausted budget into an unknown value. */
  private guarded(action: () => RValue): RValue {
    try {
      return action();
    } catch (error) {
      if (error instanceof ExhaustedSignal) return unknown('limit', 'the evaluation budget of the file was used up', this.source.span(0, 0));
      if (error instanceof BreakSignal || error instanceof NextSignal || error instanceof ReturnSignal) return error.value;
      throw error;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Runtime services (used by methods.ts)

  step(count = 1): void {
    this.steps += count;
    if (this.steps > this.stepBudget) {
      this.exhausted = true;
      throw new ExhaustedSignal();
    }
  }

  newArray(items: RValue[], span: Span, open = false): RArray {
    const value: RArray = { t: 'array', items, open, span, epoch: this.epoch };
    return value;
  }

  newHash(span: Span, open = false): RHash {
    const value: RHash = { t: 'hash', entries: new Map(), open, span, epoch: this.epoch };
    return value;
  }

  private newEnv(parent: Env | undefined): Env {
    const env = new Env(parent);
    env.epoch = this.epoch;
    return env;
  }

  /** Whether a change to this collection certainly happens (not in a speculative branch, or the
   * collection was made in the same branch). */
  canMutate(target: { epoch?: number }): boolean {
    return this.uncertainDepth === 0 || target.epoch === this.epoch;
  }

  /** Sets a hash entry, or in a speculative branch records that the entry may have changed. */
  setEntry(target: RHash, key: HashEntry['key'], keySpan: Span, value: RValue): void {
    const id = hashKey(key)!;
    if (!this.canMutate(target)) {
      const existing = target.entries.get(id);
      if (existing) target.entries.set(id, { ...existing, value: unknown('condition', `${describeKey(key)} may be set in a branch media-lint cannot decide`, existing.value.span) });
      else target.entries.set(id, { key, keySpan, value });
      target.open = true;
      return;
    }
    if (target.entries.size >= this.limits.collectionSize && !target.entries.has(id)) {
      target.open = true;
      return;
    }
    target.entries.set(id, { key, keySpan, value });
  }

  /** Appends to an array (`<<`, `push`), or marks it open in a speculative branch. */
  pushItems(target: RArray, items: RValue[]): void {
    if (!this.canMutate(target) || target.items.length + items.length > this.limits.collectionSize) {
      target.open = true;
      return;
    }
    target.items.push(...items);
  }

  /** Calls `body` for each item; a `break` in the block stops the loop, and its value is returned. */
  loopOver<T>(items: readonly T[], body: (item: T, index: number) => void): { broken: RValue } | undefined {
    try {
      items.forEach(body);
    } catch (error) {
      if (error instanceof BreakSignal) return { broken: error.value };
      throw error;
    }
    return undefined;
  }

  /**
   * Runs `action` as a branch that may or may not happen: afterwards every local variable it
   * assigned (that existed before) is unknown. Signals that escape it are absorbed, and the
   * enclosing frame learns that it may have exited early.
   */
  speculate(action: () => void, detail: string, span: Span): void {
    const log = new Map<Env, Set<string>>();
    const savedEpoch = this.epoch;
    this.writeLogs.push(log);
    this.uncertainDepth++;
    this.epoch = nextEpoch();
    try {
      action();
    } catch (error) {
      if (error instanceof BreakSignal || error instanceof NextSignal || error instanceof ReturnSignal) this.uncertainExit = true;
      else throw error;
    } finally {
      this.uncertainDepth--;
      this.writeLogs.pop();
      this.epoch = savedEpoch;
    }
    for (const [env, names] of log) {
      for (const name of names) this.assign(env, name, unknown('condition', `${name} is assigned in ${detail}`, span));
    }
  }

  private assign(env: Env, name: string, value: RValue): void {
    const log = this.writeLogs[this.writeLogs.length - 1];
    if (log && env.epoch !== this.epoch) {
      let names = log.get(env);
      if (!names) log.set(env, (names = new Set()));
      names.add(name);
    }
    env.vars.set(name, value);
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  evalNode(node: N.Node, env: Env): RValue {
    this.step();
    if (this.depth >= this.limits.evalDepth) return unknown('limit', 'the expression is nested too deeply to be evaluated', this.span(node.location));
    this.depth++;
    try {
      return this.evalInner(node, env);
    } finally {
      this.depth--;
    }
  }

  private evalStatements(node: N.StatementsNode | N.Node | null, env: Env, fallback: Span): RValue {
    if (node === null) return nil(fallback);
    if (!(node instanceof N.StatementsNode)) return this.evalNode(node, env);
    let result: RValue = nil(fallback);
    for (const statement of node.body) result = this.evalNode(statement, env);
    return result;
  }

  private evalInner(node: N.Node, env: Env): RValue {
    const loc = node.location;
    switch (node.constructor) {
      case N.StatementsNode:
        return this.evalStatements(node, env, this.span(loc));
      case N.ParenthesesNode:
        return this.evalStatements((node as N.ParenthesesNode).body, env, this.span(loc));
      case N.NilNode:
        return nil(this.span(loc));
      case N.TrueNode:
        return { t: 'bool', v: true, span: this.span(loc) };
      case N.FalseNode:
        return { t: 'bool', v: false, span: this.span(loc) };
      case N.IntegerNode: {
        const value = (node as N.IntegerNode).value as number | bigint;
        if (typeof value === 'bigint') {
          const asNumber = Number(value);
          if (!Number.isSafeInteger(asNumber)) return unknown('limit', 'the integer is too large to be represented exactly', this.span(loc));
          return num(asNumber, this.span(loc));
        }
        return num(value, this.span(loc));
      }
      case N.FloatNode:
        return num((node as N.FloatNode).value, this.span(loc), true);
      case N.RationalNode:
      case N.ImaginaryNode:
        return unknown('unsupported', 'rational and imaginary numbers are not evaluated', this.span(loc));
      case N.StringNode:
        return this.stringLiteral(node as N.StringNode);
      case N.SymbolNode:
        return sym((node as N.SymbolNode).unescaped.value, this.span(loc));
      case N.InterpolatedStringNode:
        return this.interpolated((node as N.InterpolatedStringNode).parts, env, this.span(loc), false);
      case N.InterpolatedSymbolNode:
        return this.interpolated((node as N.InterpolatedSymbolNode).parts, env, this.span(loc), true);
      case N.XStringNode:
      case N.InterpolatedXStringNode:
        return unknown('unsupported', 'a shell command (backticks) is never run', this.span(loc));
      case N.RegularExpressionNode:
      case N.InterpolatedRegularExpressionNode:
        return unknown('unsupported', 'regular expressions are not evaluated', this.span(loc));
      case N.ArrayNode:
        return this.arrayLiteral(node as N.ArrayNode, env);
      case N.HashNode:
        return this.hashLiteral((node as N.HashNode).elements, env, this.span(loc));
      case N.KeywordHashNode:
        return this.hashLiteral((node as N.KeywordHashNode).elements, env, this.span(loc));
      case N.RangeNode:
        return this.range(node as N.RangeNode, env);
      case N.LocalVariableReadNode: {
        const read = node as N.LocalVariableReadNode;
        return this.readLocal(env, read.name, read.depth, this.span(loc));
      }
      case N.ItLocalVariableReadNode:
        return this.readLocal(env, 'it', 0, this.span(loc));
      case N.LocalVariableWriteNode: {
        const write = node as N.LocalVariableWriteNode;
        const value = this.evalNode(write.value, env);
        this.assign(env.up(write.depth) ?? env, write.name, value);
        return value;
      }
      case N.LocalVariableOrWriteNode: {
        const write = node as N.LocalVariableOrWriteNode;
        const target = env.up(write.depth) ?? env;
        const current = target.vars.get(write.name);
        const known = current === undefined ? false : truthy(current);
        if (known === true) return current!;
        const value = this.evalNode(write.value, env);
        const result = known === false ? value : unknown('condition', `${write.name} ||= depends on a value media-lint cannot resolve`, this.span(loc));
        this.assign(target, write.name, result);
        return result;
      }
      case N.LocalVariableAndWriteNode: {
        const write = node as N.LocalVariableAndWriteNode;
        const target = env.up(write.depth) ?? env;
        const result = unknown('unsupported', '&&= is not evaluated', this.span(loc));
        this.evalNode(write.value, env);
        this.assign(target, write.name, result);
        return result;
      }
      case N.LocalVariableOperatorWriteNode: {
        const write = node as N.LocalVariableOperatorWriteNode;
        const target = env.up(write.depth) ?? env;
        const current = target.vars.get(write.name) ?? nil(this.span(loc));
        const operand = this.evalNode(write.value, env);
        const result = this.callMethod(current, write.binaryOperator, [operand], undefined, this.span(loc), this.lazyText(node.location));
        this.assign(target, write.name, result);
        return result;
      }
      case N.MultiWriteNode:
        return this.multiWrite(node as N.MultiWriteNode, env);
      case N.InstanceVariableReadNode:
        return this.self.ivars.get((node as N.InstanceVariableReadNode).name) ?? nil(this.span(loc));
      case N.InstanceVariableWriteNode: {
        const write = node as N.InstanceVariableWriteNode;
        const value = this.evalNode(write.value, env);
        this.self.ivars.set(write.name, this.uncertainDepth > 0 ? unknown('condition', `${write.name} is assigned in a branch media-lint cannot decide`, this.span(loc)) : value);
        return value;
      }
      case N.InstanceVariableOrWriteNode: {
        const write = node as N.InstanceVariableOrWriteNode;
        const current = this.self.ivars.get(write.name);
        if (current && truthy(current) === true) return current;
        const value = this.evalNode(write.value, env);
        const result = !current || truthy(current) === false ? value : unknown('condition', `${write.name} ||= is not decided`, this.span(loc));
        this.self.ivars.set(write.name, this.uncertainDepth > 0 ? unknown('condition', `${write.name} is assigned in a branch media-lint cannot decide`, this.span(loc)) : result);
        return result;
      }
      case N.ConstantReadNode: {
        const name = (node as N.ConstantReadNode).name;
        const value = this.constants.get(name);
        return value ? withVia(value, this.span(loc)) : unknown('unsupported', `constant ${name} is not defined in the file`, this.span(loc));
      }
      case N.ConstantWriteNode: {
        const write = node as N.ConstantWriteNode;
        const value = this.evalNode(write.value, env);
        this.constants.set(write.name, this.uncertainDepth > 0 ? unknown('condition', `${write.name} is assigned in a branch media-lint cannot decide`, this.span(loc)) : value);
        return value;
      }
      case N.ConstantOrWriteNode: {
        const write = node as N.ConstantOrWriteNode;
        const current = this.constants.get(write.name);
        if (current) return current;
        const value = this.evalNode(write.value, env);
        this.constants.set(write.name, value);
        return value;
      }
      case N.ConstantPathNode:
        return unknown('unsupported', `constant ${this.text(node.location)} is not evaluated`, this.span(loc));
      case N.GlobalVariableReadNode:
      case N.BackReferenceReadNode:
      case N.NumberedReferenceReadNode:
      case N.ClassVariableReadNode:
        return unknown('unsupported', `${this.text(node.location)} is not evaluated`, this.span(loc));
      case N.SelfNode:
        return unknown('unsupported', 'self is not evaluated', this.span(loc));
      case N.SourceFileNode:
      case N.SourceLineNode:
      case N.SourceEncodingNode:
        return unknown('unsupported', `${this.text(node.location)} is not evaluated`, this.span(loc));
      case N.AndNode: {
        const and = node as N.AndNode;
        const left = this.evalNode(and.left, env);
        const known = truthy(left);
        if (known === false) return left;
        if (known === true) return this.evalNode(and.right, env);
        this.speculate(() => void this.evalNode(and.right, env), 'the right of an && media-lint cannot decide', this.span(loc));
        return unknown('condition', `${this.text(and.left.location)} cannot be decided`, this.span(loc));
      }
      case N.OrNode: {
        const or = node as N.OrNode;
        const left = this.evalNode(or.left, env);
        const known = truthy(left);
        if (known === true) return left;
        if (known === false) return this.evalNode(or.right, env);
        this.speculate(() => void this.evalNode(or.right, env), 'the right of an || media-lint cannot decide', this.span(loc));
        return left.t === 'unknown' ? at(left, this.span(loc)) : unknown('condition', `${this.text(or.left.location)} cannot be decided`, this.span(loc));
      }
      case N.IfNode: {
        const ifNode = node as N.IfNode;
        return this.conditional(ifNode.predicate, ifNode.statements, ifNode.subsequent, false, env, this.span(loc));
      }
      case N.UnlessNode: {
        const unlessNode = node as N.UnlessNode;
        return this.conditional(unlessNode.predicate, unlessNode.statements, unlessNode.elseClause, true, env, this.span(loc));
      }
      case N.ElseNode:
        return this.evalStatements((node as N.ElseNode).statements, env, this.span(loc));
      case N.CaseNode:
        return this.caseExpression(node as N.CaseNode, env);
      case N.WhileNode:
      case N.UntilNode: {
        const loop = node as N.WhileNode;
        this.speculate(() => {
          this.evalNode(loop.predicate, env);
          this.evalStatements(loop.statements, env, this.span(loc));
        }, 'a while/until loop', this.span(loc));
        return nil(this.span(loc));
      }
      case N.ForNode:
        return this.forLoop(node as N.ForNode, env);
      case N.BreakNode:
        throw new BreakSignal(this.signalValue((node as N.BreakNode).arguments_, env, this.span(loc)));
      case N.NextNode:
        throw new NextSignal(this.signalValue((node as N.NextNode).arguments_, env, this.span(loc)));
      case N.ReturnNode:
        throw new ReturnSignal(this.signalValue((node as N.ReturnNode).arguments_, env, this.span(loc)));
      case N.BeginNode: {
        // No exception is ever raised here, but a `rescue` branch may run when the code runs.
        const begin = node as N.BeginNode;
        let result = this.evalStatements(begin.statements, env, this.span(loc));
        let rescue: N.RescueNode | null = begin.rescueClause;
        while (rescue) {
          const clause = rescue;
          this.speculate(() => void this.evalStatements(clause.statements, env, this.span(loc)), 'a rescue branch', this.span(loc));
          rescue = rescue.subsequent;
        }
        if (begin.rescueClause) result = unknown('condition', 'the value depends on whether an exception is raised', this.span(loc));
        if (begin.elseClause) result = this.evalStatements(begin.elseClause.statements, env, this.span(loc));
        if (begin.ensureClause) this.evalStatements(begin.ensureClause.statements, env, this.span(loc));
        return result;
      }
      case N.CaseMatchNode: {
        const match = node as N.CaseMatchNode;
        if (match.predicate) this.evalNode(match.predicate, env);
        for (const clause of match.conditions) {
          if (clause instanceof N.InNode) this.speculate(() => void this.evalStatements(clause.statements, env, this.span(loc)), 'a case/in branch', this.span(loc));
        }
        if (match.elseClause) {
          const elseClause = match.elseClause;
          this.speculate(() => void this.evalNode(elseClause, env), 'a case/in branch', this.span(loc));
        }
        return unknown('unsupported', 'pattern matching (case/in) is not evaluated', this.span(loc));
      }
      case N.RescueModifierNode:
        return this.evalNode((node as N.RescueModifierNode).expression, env);
      case N.CallNode:
        return this.call(node as N.CallNode, env);
      case N.IndexOrWriteNode:
        return this.indexOrWrite(node as N.IndexOrWriteNode, env);
      case N.IndexOperatorWriteNode:
        return this.indexOperatorWrite(node as N.IndexOperatorWriteNode, env);
      case N.YieldNode: {
        const yieldNode = node as N.YieldNode;
        const { args } = this.evalArguments(yieldNode.arguments_, env);
        if (!this.currentBlock) return unknown('unsupported', 'yield without a block', this.span(loc));
        return this.callBlock(this.currentBlock, args);
      }
      case N.DefNode: {
        const def = node as N.DefNode;
        this.self.methods.set(def.name, def);
        return sym(def.name, this.span(loc));
      }
      case N.LambdaNode:
        return { t: 'proc', callable: { kind: 'block', node: node as N.LambdaNode, env, outerBlock: this.currentBlock as Callable | undefined, self: this.self }, span: this.span(loc) };
      case N.ImplicitNode:
        return this.evalNode((node as N.ImplicitNode).value, env);
      case N.SplatNode:
        return unknown('unsupported', 'a splat outside an argument list is not evaluated', this.span(loc));
      case N.MissingNode:
        return unknown('unsupported', 'the syntax is incomplete here', this.span(loc));
      case N.AliasMethodNode:
      case N.AliasGlobalVariableNode:
      case N.UndefNode:
        return nil(this.span(loc));
      default:
        return unknown('unsupported', `${this.text(node.location, 60)} is not evaluated`, this.span(loc));
    }
  }

  private signalValue(args: N.ArgumentsNode | null, env: Env, span: Span): RValue {
    if (!args) return nil(span);
    const { args: values } = this.evalArguments(args, env);
    if (values.length === 1) return values[0]!;
    return this.newArray(values, span);
  }

  private stringLiteral(node: N.StringNode): RValue {
    const value = node.unescaped.value;
    const span = this.span(node.location);
    const result = str(value, span);
    const contentStart = this.offsets.utf16(node.contentLoc.startOffset);
    const contentEnd = this.offsets.utf16(node.contentLoc.startOffset + node.contentLoc.length);
    if (this.source.text.slice(contentStart, contentEnd) === value) result.contentStart = contentStart;
    return result;
  }

  private interpolated(parts: N.Node[], env: Env, span: Span, isSymbol: boolean): RValue {
    const pieces: RTmpl['parts'] = [];
    let length = 0;
    for (const part of parts) {
      if (part instanceof N.StringNode) {
        pieces.push(part.unescaped.value);
        length += part.unescaped.value.length;
      } else if (part instanceof N.EmbeddedStatementsNode) {
        const value = this.evalStatements(part.statements, env, this.span(part.location));
        const rendered = interpolate(value, this.span(part.location));
        for (const piece of rendered) {
          pieces.push(piece);
          if (typeof piece === 'string') length += piece.length;
        }
      } else {
        pieces.push(unknown('unsupported', `${this.text(part.location)} is not evaluated`, this.span(part.location)));
      }
      if (length > this.limits.stringLength) return unknown('limit', 'the string is too long', span);
    }
    return makeString(pieces, span, isSymbol);
  }

  private arrayLiteral(node: N.ArrayNode, env: Env): RValue {
    const span = this.span(node.location);
    const result = this.newArray([], span);
    for (const element of node.elements) {
      if (element instanceof N.SplatNode) {
        const value = element.expression ? this.evalNode(element.expression, env) : nil(span);
        if (value.t === 'array') {
          result.items.push(...value.items);
          if (value.open) result.open = true;
        } else if (value.t === 'nil') continue;
        else if (value.t === 'range') result.items.push(...this.rangeItems(value));
        else result.open = true;
      } else {
        result.items.push(this.evalNode(element, env));
      }
      if (result.items.length > this.limits.collectionSize) return unknown('limit', 'the array is too large', span);
    }
    return result;
  }

  private rangeItems(range: RValue & { t: 'range' }): RValue[] {
    const end = range.exclusive ? range.to - 1 : range.to;
    const items: RValue[] = [];
    for (let value = range.from; value <= end && items.length <= this.limits.collectionSize; value++) items.push(num(value, range.span));
    return items;
  }

  private hashLiteral(elements: N.Node[], env: Env, span: Span): RHash {
    const result = this.newHash(span);
    for (const element of elements) {
      if (element instanceof N.AssocNode) {
        const key = this.evalNode(element.key, env);
        const value = this.evalNode(element.value, env);
        if (!isHashKey(key)) {
          result.open = true;
          continue;
        }
        const keySpan = this.keySpan(element.key);
        const id = hashKey(key)!;
        if (result.entries.size >= this.limits.collectionSize && !result.entries.has(id)) {
          result.open = true;
          continue;
        }
        result.entries.set(id, { key, keySpan, value });
      } else if (element instanceof N.AssocSplatNode) {
        const value = element.value ? this.evalNode(element.value, env) : nil(span);
        if (value.t === 'hash') {
          for (const [id, entry] of value.entries) result.entries.set(id, entry);
          if (value.open) result.open = true;
        } else if (value.t !== 'nil') result.open = true;
      } else {
        result.open = true;
      }
    }
    return result;
  }

  /** Where a hash key is written: the name without `:` or quotes when it is a plain literal. */
  private keySpan(key: N.Node): Span {
    if (key instanceof N.SymbolNode && key.valueLoc) return this.span(key.valueLoc);
    if (key instanceof N.StringNode && key.openingLoc) return this.span(key.contentLoc);
    return this.span(key.location);
  }

  private range(node: N.RangeNode, env: Env): RValue {
    const span = this.span(node.location);
    const left = node.left ? this.evalNode(node.left, env) : undefined;
    const right = node.right ? this.evalNode(node.right, env) : undefined;
    if (left?.t !== 'num' || right?.t !== 'num' || !Number.isInteger(left.v) || !Number.isInteger(right.v)) {
      return unknown('unsupported', 'only ranges of known integers are evaluated', span);
    }
    return { t: 'range', from: left.v, to: right.v, exclusive: node.isExcludeEnd(), span };
  }

  private readLocal(env: Env, name: string, depth: number, span: Span): RValue {
    const value = env.up(depth)?.vars.get(name);
    // Declared (prism saw an assignment) but never assigned on the path taken: Ruby's nil. Branches
    // the interpreter cannot decide assign unknown values instead, so this is certain.
    if (value === undefined) return nil(span);
    return withVia(value, span);
  }

  private multiWrite(node: N.MultiWriteNode, env: Env): RValue {
    const value = this.evalNode(node.value, env);
    const span = this.span(node.location);
    const items: RValue[] | undefined = value.t === 'array' && !value.open ? value.items : value.t === 'unknown' || (value.t === 'array' && value.open) ? undefined : [value];
    this.destructure(node.lefts, node.rest, node.rights, items, env, span);
    return value;
  }

  /** Binds targets (`a, (b, c), *d = …`) to items; undefined items bind unknown values. */
  private destructure(lefts: N.Node[], rest: N.Node | null, rights: N.Node[], items: RValue[] | undefined, env: Env, span: Span): void {
    const unknownItem = () => unknown('unsupported', 'destructured from a value media-lint cannot resolve', span);
    const bind = (target: N.Node, value: RValue) => {
      if (target instanceof N.LocalVariableTargetNode) this.assign(env.up(target.depth) ?? env, target.name, value);
      else if (target instanceof N.RequiredParameterNode) this.assign(env, target.name, value);
      else if (target instanceof N.MultiTargetNode) {
        const inner = value.t === 'array' && !value.open ? value.items : value.t === 'unknown' ? undefined : [value];
        this.destructure(target.lefts, target.rest, target.rights, inner, env, span);
      } else if (target instanceof N.SplatNode && target.expression) bind(target.expression, value);
    };
    lefts.forEach((target, index) => bind(target, items ? (items[index] ?? nil(span)) : unknownItem()));
    const restStart = lefts.length;
    const restEnd = items ? Math.max(restStart, items.length - rights.length) : restStart;
    if (rest && rest instanceof N.SplatNode && rest.expression) {
      bind(rest.expression, items ? this.newArray(items.slice(restStart, restEnd), span) : this.newArray([], span, true));
    }
    rights.forEach((target, index) => bind(target, items ? (items[restEnd + index] ?? nil(span)) : unknownItem()));
  }

  private conditional(predicate: N.Node, statements: N.StatementsNode | null, otherwise: N.Node | null, negate: boolean, env: Env, span: Span): RValue {
    const condition = this.evalNode(predicate, env);
    let known = truthy(condition);
    if (known !== undefined && negate) known = !known;
    if (known === true) return this.evalStatements(statements, env, span);
    if (known === false) return otherwise ? this.evalNode(otherwise, env) : nil(span);
    const detail = `a branch of ${this.text(predicate.location, 60)}`;
    this.speculate(() => void this.evalStatements(statements, env, span), detail, span);
    if (otherwise) this.speculate(() => void this.evalNode(otherwise, env), detail, span);
    return unknown('condition', `${this.text(predicate.location, 60)} cannot be decided`, span);
  }

  private caseExpression(node: N.CaseNode, env: Env): RValue {
    const span = this.span(node.location);
    const subject = node.predicate ? this.evalNode(node.predicate, env) : undefined;
    let undecided = false;
    const detail = 'a case branch media-lint cannot decide';
    for (const clause of node.conditions) {
      if (!(clause instanceof N.WhenNode)) return unknown('unsupported', 'pattern matching (case/in) is not evaluated', span);
      if (undecided) {
        this.speculate(() => void this.evalStatements(clause.statements, env, span), detail, span);
        continue;
      }
      let matched: boolean | undefined = false;
      for (const condition of clause.conditions) {
        const candidates: RValue[] = [];
        if (condition instanceof N.SplatNode) {
          const value = condition.expression ? this.evalNode(condition.expression, env) : nil(span);
          if (value.t === 'array' && !value.open) candidates.push(...value.items);
          else matched = undefined;
        } else {
          candidates.push(this.evalNode(condition, env));
        }
        for (const candidate of candidates) {
          const result = subject === undefined ? truthy(candidate) : caseEquals(candidate, subject);
          if (result === true) {
            matched = true;
            break;
          }
          if (result === undefined) matched = undefined;
        }
        if (matched === true) break;
      }
      if (matched === true) return this.evalStatements(clause.statements, env, span);
      if (matched === undefined) {
        undecided = true;
        this.speculate(() => void this.evalStatements(clause.statements, env, span), detail, span);
      }
    }
    if (!undecided) return node.elseClause ? this.evalNode(node.elseClause, env) : nil(span);
    if (node.elseClause) {
      const elseClause = node.elseClause;
      this.speculate(() => void this.evalNode(elseClause, env), detail, span);
    }
    return unknown('condition', `case ${node.predicate ? this.text(node.predicate.location, 60) : ''} cannot be decided`, span);
  }

  private forLoop(node: N.ForNode, env: Env): RValue {
    const span = this.span(node.location);
    const collection = this.evalNode(node.collection, env);
    const items = this.iterationItems(collection);
    const bind = (value: RValue) => {
      if (node.index instanceof N.LocalVariableTargetNode) this.assign(env.up(node.index.depth) ?? env, node.index.name, value);
      else if (node.index instanceof N.MultiTargetNode) {
        this.destructure(node.index.lefts, node.index.rest, node.index.rights, value.t === 'array' ? value.items : undefined, env, span);
      }
    };
    if (!items) {
      this.speculate(() => {
        bind(unknown('unsupported', 'an item of a collection media-lint cannot resolve', span));
        this.evalStatements(node.statements, env, span);
      }, 'a for loop over a collection media-lint cannot resolve', span);
      return collection;
    }
    try {
      for (const item of items) {
        bind(item);
        try {
          this.evalStatements(node.statements, env, span);
        } catch (error) {
          if (!(error instanceof NextSignal)) throw error;
        }
      }
    } catch (error) {
      if (error instanceof BreakSignal) return error.value;
      throw error;
    }
    return collection;
  }

  /** The items a loop over a value yields, or undefined when they cannot be known (or are too many). */
  iterationItems(value: RValue): RValue[] | undefined {
    switch (value.t) {
      case 'array':
        return value.open || value.items.length > this.limits.loopIterations ? undefined : [...value.items];
      case 'hash':
        return value.open || value.entries.size > this.limits.loopIterations
          ? undefined
          : [...value.entries.values()].map((entry) => this.newArray([entry.key, entry.value], entry.keySpan));
      case 'range': {
        const count = (value.exclusive ? value.to : value.to + 1) - value.from;
        return count > this.limits.loopIterations ? undefined : this.rangeItems(value);
      }
      case 'enum':
        return value.open || value.items.length > this.limits.loopIterations ? undefined : [...value.items];
      case 'nil':
        return undefined;
      default:
        return undefined;
    }
  }

  private indexOrWrite(node: N.IndexOrWriteNode, env: Env): RValue {
    const span = this.span(node.location);
    if (!node.receiver) return unknown('unsupported', 'index assignment without receiver', span);
    const receiver = this.evalNode(node.receiver, env);
    const { args } = this.evalArguments(node.arguments_, env);
    const current = this.callMethod(receiver, '[]', args, undefined, span, this.lazyText(node.location));
    const known = truthy(current);
    if (known === true) return current;
    const value = this.evalNode(node.value, env);
    const result = known === false ? value : unknown('condition', '||= on a value media-lint cannot resolve', span);
    this.callMethod(receiver, '[]=', [...args, result], undefined, span, this.lazyText(node.location));
    return result;
  }

  private indexOperatorWrite(node: N.IndexOperatorWriteNode, env: Env): RValue {
    const span = this.span(node.location);
    if (!node.receiver) return unknown('unsupported', 'index assignment without receiver', span);
    const receiver = this.evalNode(node.receiver, env);
    const { args } = this.evalArguments(node.arguments_, env);
    const current = this.callMethod(receiver, '[]', args, undefined, span, this.lazyText(node.location));
    const operand = this.evalNode(node.value, env);
    const result = this.callMethod(current, node.binaryOperator, [operand], undefined, span, this.lazyText(node.location));
    this.callMethod(receiver, '[]=', [...args, result], undefined, span, this.lazyText(node.location));
    return result;
  }

  evalArguments(node: N.ArgumentsNode | null, env: Env): Arguments {
    const result: Arguments = { args: [], open: false, kwargs: undefined, nodes: [] };
    if (!node) return result;
    for (const argument of node.arguments_) {
      if (argument instanceof N.SplatNode) {
        const value = argument.expression ? this.evalNode(argument.expression, env) : nil(this.span(argument.location));
        if (value.t === 'array' && !value.open) {
          result.args.push(...value.items);
          for (const _ of value.items) result.nodes.push(argument);
        } else if (value.t !== 'nil') result.open = true;
      } else if (argument instanceof N.KeywordHashNode) {
        const kwargs = this.hashLiteral(argument.elements, env, this.span(argument.location));
        result.kwargs = kwargs;
        result.args.push(kwargs);
        result.nodes.push(argument);
      } else if (argument instanceof N.ForwardingArgumentsNode || argument instanceof N.BlockArgumentNode) {
        result.open = true;
      } else {
        result.args.push(this.evalNode(argument, env));
        result.nodes.push(argument);
      }
    }
    return result;
  }

  private blockOf(node: N.CallNode, env: Env): Callable | SymbolProc | undefined | 'unknown' {
    const block = node.block;
    if (block === null) return undefined;
    if (block instanceof N.BlockNode) return { kind: 'block', node: block, env, outerBlock: this.currentBlock as Callable | undefined, self: this.self };
    if (block instanceof N.BlockArgumentNode) {
      if (block.expression instanceof N.SymbolNode) return { kind: 'symbol', name: block.expression.unescaped.value };
      if (block.expression) {
        const value = this.evalNode(block.expression, env);
        if (value.t === 'proc') return value.callable;
      }
      return 'unknown';
    }
    return 'unknown';
  }

  // ---------------------------------------------------------------------------------------------
  // Blocks and helper methods

  callBlock(block: Callable | SymbolProc, args: RValue[]): RValue {
    if (block.kind === 'symbol') {
      const receiver = args[0];
      if (!receiver) return unknown('unsupported', `&:${block.name} without a value`, this.source.span(0, 0));
      return this.callMethod(receiver, block.name, args.slice(1), undefined, receiver.span, `&:${block.name}`);
    }
    const node = block.node;
    const span = this.span(node.location);
    const env = this.newEnv(block.env);
    this.bindBlockParameters(node.parameters, args, env, span);
    const savedSelf = this.self;
    const savedBlock = this.currentBlock;
    const savedExit = this.uncertainExit;
    this.self = block.self;
    this.currentBlock = block.outerBlock;
    this.uncertainExit = false;
    try {
      const result = this.evalStatements(node.body, env, span);
      return this.uncertainExit ? unknown('condition', 'the block may end early on a condition media-lint cannot decide', span) : result;
    } catch (error) {
      if (error instanceof NextSignal) return error.value;
      if (error instanceof ReturnSignal && node instanceof N.LambdaNode) return error.value;
      throw error;
    } finally {
      this.self = savedSelf;
      this.currentBlock = savedBlock;
      this.uncertainExit = savedExit;
    }
  }

  private bindBlockParameters(parameters: N.Node | null, args: RValue[], env: Env, span: Span): void {
    if (parameters === null) return;
    if (parameters instanceof N.NumberedParametersNode) {
      const values = parameters.maximum > 1 && args.length === 1 && args[0]!.t === 'array' ? args[0]!.items : args;
      for (let index = 1; index <= parameters.maximum; index++) this.assign(env, `_${index}`, values[index - 1] ?? nil(span));
      return;
    }
    if (parameters instanceof N.ItParametersNode) {
      this.assign(env, 'it', args[0] ?? nil(span));
      return;
    }
    const list = parameters instanceof N.BlockParametersNode ? parameters.parameters : parameters instanceof N.ParametersNode ? parameters : null;
    if (!list) return;
    const positional = list.requireds.length + list.optionals.length + list.posts.length;
    // A proc given one array spreads it over its parameters (`|key, value|` over a pair).
    const spread = args.length === 1 && args[0]!.t === 'array' && !args[0]!.open && (positional > 1 || list.rest !== null);
    this.bindParameters(list, spread ? (args[0] as RArray).items : args, undefined, undefined, env, span, false);
  }

  /** Binds a parameter list; `strict` (methods) makes a missing argument unknown rather than nil. */
  private bindParameters(list: N.ParametersNode, args: RValue[], kwargs: RHash | undefined, block: Callable | SymbolProc | undefined, env: Env, span: Span, strict: boolean): void {
    const missing = (name: string) => (strict ? unknown('unsupported', `argument ${name} is not given`, span) : nil(span));
    const hasKeywords = list.keywords.length > 0 || list.keywordRest instanceof N.KeywordRestParameterNode;
    let positional = args;
    if (hasKeywords && kwargs && positional[positional.length - 1] === kwargs) positional = positional.slice(0, -1);
    let index = 0;
    const bindTarget = (target: N.Node, value: RValue) => {
      if (target instanceof N.RequiredParameterNode) this.assign(env, target.name, value);
      else if (target instanceof N.MultiTargetNode) {
        const inner = value.t === 'array' && !value.open ? value.items : value.t === 'unknown' ? undefined : [value];
        this.destructure(target.lefts, target.rest, target.rights, inner, env, span);
      }
    };
    for (const required of list.requireds) bindTarget(required, positional[index++] ?? missing(targetName(required)));
    const postsStart = Math.max(index, positional.length - list.posts.length);
    for (const optional of list.optionals) {
      if (!(optional instanceof N.OptionalParameterNode)) continue;
      if (index < postsStart && index < positional.length) this.assign(env, optional.name, positional[index++]!);
      else this.assign(env, optional.name, this.evalNode(optional.value, env));
    }
    if (list.rest instanceof N.RestParameterNode && list.rest.name) {
      this.assign(env, list.rest.name, this.newArray(positional.slice(index, Math.max(index, postsStart)), span));
    }
    index = Math.max(index, postsStart);
    for (const post of list.posts) bindTarget(post, positional[index++] ?? missing(targetName(post)));
    const usedKeys = new Set<string>();
    for (const keyword of list.keywords) {
      const name = keyword instanceof N.RequiredKeywordParameterNode || keyword instanceof N.OptionalKeywordParameterNode ? keyword.name : undefined;
      if (name === undefined) continue;
      usedKeys.add(`:${name}`);
      const given = kwargs?.entries.get(`:${name}`);
      if (given) this.assign(env, name, given.value);
      else if (keyword instanceof N.OptionalKeywordParameterNode) this.assign(env, name, this.evalNode(keyword.value, env));
      else this.assign(env, name, kwargs?.open ? unknown('unsupported', `keyword ${name} may be given by a splat`, span) : missing(name));
    }
    if (list.keywordRest instanceof N.KeywordRestParameterNode && list.keywordRest.name) {
      const rest = this.newHash(span, kwargs?.open ?? false);
      for (const [id, entry] of kwargs?.entries ?? []) if (!usedKeys.has(id)) rest.entries.set(id, entry);
      this.assign(env, list.keywordRest.name, rest);
    }
    if (list.block?.name) this.assign(env, list.block.name, block ? { t: 'proc', callable: block, span } : nil(span));
  }

  private callHelper(def: N.DefNode, args: Arguments, block: Callable | SymbolProc | undefined, span: Span): RValue {
    if (this.callDepth >= this.limits.callDepth) return unknown('limit', `${def.name} recurses more than ${this.limits.callDepth} levels`, span);
    const env = this.newEnv(undefined);
    if (def.parameters) this.bindParameters(def.parameters, args.args, args.kwargs, block, env, span, true);
    const savedBlock = this.currentBlock;
    const savedExit = this.uncertainExit;
    this.currentBlock = block;
    this.uncertainExit = false;
    this.callDepth++;
    try {
      const result = this.evalStatements(def.body, env, span);
      if (this.uncertainExit) return unknown('condition', `${def.name} may return early on a condition media-lint cannot decide`, span);
      return result;
    } catch (error) {
      if (error instanceof ReturnSignal) return this.uncertainExit ? unknown('condition', `${def.name} may return early`, span) : error.value;
      if (error instanceof NextSignal || error instanceof BreakSignal) return unknown('unsupported', `${def.name} ends with break/next`, span);
      throw error;
    } finally {
      this.callDepth--;
      this.currentBlock = savedBlock;
      this.uncertainExit = savedExit;
    }
  }

  private findMethod(name: string): N.DefNode | undefined {
    return this.self.methods.get(name) ?? this.self.outer?.methods.get(name);
  }

  // ---------------------------------------------------------------------------------------------
  // Calls

  private call(node: N.CallNode, env: Env): RValue {
    const span = this.span(node.location);
    if (node.receiver === null) return this.selfCall(node, node.name, env, span);
    const receiverNode = node.receiver;
    if (receiverNode instanceof N.ConstantReadNode && !this.constants.has(receiverNode.name)) {
      this.evalArguments(node.arguments_, env);
      if (receiverNode.name === 'ENV') {
        const key = node.arguments_?.arguments_[0];
        const name = key instanceof N.StringNode ? key.unescaped.value : key ? this.text(key.location) : '';
        return unknown('variable', `environment variable ${name} is read when the template is synthesized`, span);
      }
      return unknown('unsupported', `${receiverNode.name}.${node.name} is not evaluated`, span);
    }
    if (receiverNode instanceof N.ConstantPathNode) return unknown('unsupported', `${this.text(node.location, 60)} is not evaluated`, span);
    const receiver = this.evalNode(receiverNode, env);
    if (node.isSafeNavigation() && receiver.t === 'nil') return nil(span);
    const args = this.evalArguments(node.arguments_, env);
    const block = this.blockOf(node, env);
    if (args.open) {
      if (block && block !== 'unknown') this.speculateBlock(block, span);
      return unknown('unsupported', `${node.name} is called with arguments media-lint cannot resolve`, span);
    }
    if (block === 'unknown') return unknown('unsupported', `${node.name} is given a block media-lint cannot resolve`, span);
    return this.callMethod(receiver, node.name, args.args, block, span, this.lazyText(node.location));
  }

  /** Runs a block once, speculatively, with unknown arguments (a loop over an unknown collection). */
  speculateBlock(block: Callable | SymbolProc, span: Span): void {
    if (block.kind === 'symbol') return;
    const item = unknown('unsupported', 'an item of a collection media-lint cannot resolve', span);
    this.speculate(() => void this.callBlock(block, [item, item, item, item]), 'a loop over a collection media-lint cannot resolve', span);
  }

  callMethod(receiver: RValue, name: string, args: RValue[], block: Callable | SymbolProc | undefined, span: Span, expression: Text): RValue {
    if (receiver.t === 'resource') return this.resourceMethod(receiver, name, args, span, expression);
    if (receiver.t === 'proc' && (name === 'call' || name === '()' || name === '[]' || name === 'yield' || name === '===')) return this.callBlock(receiver.callable, args);
    return callValueMethod(this, receiver, name, args, block, span, expression);
  }

  /** `ResourceReference` methods (REPORT §1.4): attributes render `${type.name.attr}`; `name` is the
   * logical name, `type` the type, `tags` the literal tags. */
  private resourceMethod(resource: RResource, name: string, args: RValue[], span: Span, expression: Text): RValue {
    const reference = (attribute: string): RValue => {
      if (resource.name === undefined) return unknown('unsupported', `${resource.type}.${resource.nameText}.${attribute}: the resource name is not known`, span);
      const value: RRef = { t: 'ref', target: `${resource.type}.${resource.name}`, attribute, expression: String(expression), span };
      return value;
    };
    switch (name) {
      case 'name':
        return resource.name === undefined ? unknown('unsupported', 'the resource name is not known', span) : sym(resource.name, span);
      case 'type':
      case 'resource_type':
        return str(resource.type, span);
      case 'tags': {
        const tags = resource.attributes?.entries.get(':tags');
        if (tags) return tags.value;
        return resource.attributes?.open ? unknown('unsupported', 'the tags are not known', span) : nil(span);
      }
      case 'resource_attributes':
      case 'to_h':
        return resource.attributes ?? unknown('unsupported', 'the attributes are not known', span);
      case 'ref':
      case '[]': {
        const attribute = args[0];
        if (attribute?.t === 'sym' || attribute?.t === 'str') return reference(attribute.v);
        return unknown('unsupported', `${name} of an attribute media-lint cannot resolve`, span);
      }
      case 'outputs': {
        const outputs = this.newHash(span, true);
        for (const attribute of ['id', 'arn']) this.setEntry(outputs, sym(attribute, span), span, reference(attribute));
        return outputs;
      }
      case 'to_s':
      case 'inspect':
        return unknown('unsupported', 'a resource reference rendered as text', span);
      case 'freeze':
      case 'dup':
      case 'itself':
        return resource;
      default:
        if (args.length === 0 && /^[a-z_][a-z0-9_]*$/.test(name) && !['computed', 'computed_properties', 'terraform_resource_name', 'class', 'hash'].includes(name)) return reference(name);
        return unknown('unsupported', `${expression} is not evaluated`, span);
    }
  }

  /** A call without receiver: helper method, Ruby or Pangea function, DSL keyword, typed resource
   * function, or (inside a DSL block) an attribute. */
  private selfCall(node: N.CallNode, name: string, env: Env, span: Span): RValue {
    const def = this.findMethod(name);
    if (def) {
      const args = this.evalArguments(node.arguments_, env);
      const block = this.blockOf(node, env);
      if (args.open || block === 'unknown') return unknown('unsupported', `${name} is called with arguments media-lint cannot resolve`, span);
      return this.callHelper(def, args, block, span);
    }
    switch (name) {
      case 'ref':
      case 'data_ref':
      case 'var':
      case 'local':
        return this.referenceHelper(node, name, env, span);
      case 'lambda':
      case 'proc': {
        const block = this.blockOf(node, env);
        if (block && block !== 'unknown') return { t: 'proc', callable: block, span };
        return unknown('unsupported', `${name} without a block`, span);
      }
      case 'loop': {
        const block = this.blockOf(node, env);
        if (block && block !== 'unknown') this.speculateBlock(block, span);
        return nil(span);
      }
      case 'block_given?':
        return { t: 'bool', v: this.currentBlock !== undefined, span };
      case 'format':
      case 'sprintf': {
        const { args, open } = this.evalArguments(node.arguments_, env);
        return open ? unknown('unsupported', 'format with arguments media-lint cannot resolve', span) : formatString(args, span);
      }
      case 'Integer':
      case 'Float':
      case 'String':
      case 'Array': {
        const { args } = this.evalArguments(node.arguments_, env);
        const value = args[0];
        if (!value) return unknown('unsupported', `${name}() without argument`, span);
        const method = name === 'Integer' ? 'to_i' : name === 'Float' ? 'to_f' : name === 'String' ? 'to_s' : 'to_a';
        if (name === 'Integer' && value.t === 'str' && !/^\s*[-+]?\d[\d_]*\s*$/.test(value.v)) return unknown('unsupported', `Integer(${JSON.stringify(value.v)}) raises`, span);
        return this.callMethod(value, method, [], undefined, span, this.lazyText(node.location));
      }
      case 'send':
      case 'public_send':
      case '__send__': {
        const first = node.arguments_?.arguments_[0];
        const target = first ? this.evalNode(first, env) : undefined;
        if (target?.t !== 'sym' && target?.t !== 'str') return unknown('unsupported', `${name} of a method media-lint cannot resolve`, span);
        if (NOT_RUN.has(target.v) || IGNORED.has(target.v)) return unknown('unsupported', `${name}(:${target.v}) is not run`, span);
        return this.selfCall(node, target.v, env, span);
      }
      default:
        break;
    }
    if (NOT_RUN.has(name)) {
      this.evalArguments(node.arguments_, env);
      return unknown(name === 'jsonencode' || name === 'base64encode' ? 'intrinsic' : 'unsupported', `${name}(...) is not run`, span);
    }
    if (IGNORED.has(name)) return nil(span);
    if (this.dsl) return this.attribute(node, name, env, span);
    if (this.template) {
      if (name === 'resource') return this.rawResource(node, env, span);
      if (OUTPUT_BLOCKS.has(name) || name === 'variable') return this.namedBlock(node, name, env, span);
      if (name === 'locals') return this.withDsl(this.template.locals, node, env, span);
      if (THROWAWAY_BLOCKS.has(name)) return this.withDsl(this.newHash(span), node, env, span);
      if (isResourceFunction(name) && node.arguments_ !== null) return this.typedResource(node, name, env, span);
    }
    this.evalArguments(node.arguments_, env);
    return unknown('unsupported', `${name} is not a method media-lint evaluates`, span);
  }

  private referenceHelper(node: N.CallNode, name: string, env: Env, span: Span): RValue {
    const { args, open } = this.evalArguments(node.arguments_, env);
    const texts = args.map((arg) => (arg.t === 'sym' || arg.t === 'str' ? arg.v : undefined));
    const expression = this.text(node.location);
    if (open || texts.some((text) => text === undefined)) return unknown('unsupported', `${name}(...) of names media-lint cannot resolve`, span);
    const [first, second, third] = texts as string[];
    if (name === 'data_ref') return unknown('data-source', `data source ${[first, second].filter(Boolean).join('.')} is read when Terraform plans`, span);
    if ((name === 'var' || name === 'local') && args.length === 1) {
      const value: RRef = { t: 'ref', target: `${name}.${first}`, attribute: undefined, expression, span };
      return value;
    }
    if (name === 'ref' && args.length === 3) {
      const value: RRef = { t: 'ref', target: `${first}.${second}`, attribute: third, expression, span };
      return value;
    }
    return unknown('unsupported', `${expression} is not a reference media-lint understands`, span);
  }

  /** Evaluates a call's block with bare calls writing to `target`. */
  private withDsl(target: RHash, node: N.CallNode, env: Env, span: Span): RValue {
    const block = this.blockOf(node, env);
    if (!block || block === 'unknown' || block.kind === 'symbol') return unknown('unsupported', `${node.name} without a block stores nothing`, span);
    const saved = this.dsl;
    this.dsl = target;
    try {
      this.callBlock(block, []);
    } finally {
      this.dsl = saved;
    }
    return unknown('unsupported', `the value of a ${node.name} block`, span);
  }

  /** `attr value` and `attr do … end` inside a DSL block (terraform-synthesizer semantics, REPORT
   * §2.1: a repeated nested block merges into the same object; the last write wins). */
  private attribute(node: N.CallNode, name: string, env: Env, span: Span): RValue {
    const target = this.dsl!;
    const nameLoc = node.messageLoc ?? node.location;
    // `send(:alias, …)`: the attribute's name is the symbol, the arguments follow it.
    const sent = node.name !== name;
    const args = this.evalArguments(node.arguments_, env);
    if (sent) args.args.shift();
    const keySpan = sent && node.arguments_?.arguments_[0] ? this.keySpan(node.arguments_.arguments_[0]) : this.span(nameLoc);
    const key = sym(name, keySpan);
    const block = this.blockOf(node, env);
    if (block !== undefined) {
      if (block === 'unknown' || block.kind === 'symbol' || args.args.length > 0 || args.open) {
        target.open = true;
        return unknown('unsupported', `${name} with arguments and a block is not evaluated`, span);
      }
      const existing = target.entries.get(`:${name}`);
      let nested: RHash;
      if (existing?.value.t === 'hash') nested = existing.value;
      else {
        nested = this.newHash(span);
        this.setEntry(target, key, keySpan, nested);
      }
      const saved = this.dsl;
      this.dsl = nested;
      try {
        this.callBlock(block, []);
      } finally {
        this.dsl = saved;
      }
      return unknown('unsupported', `the value of a ${name} block`, span);
    }
    if (args.args.length === 1 && !args.open) {
      this.setEntry(target, key, keySpan, args.args[0]!);
      return args.args[0]!;
    }
    if (args.args.length > 1 || args.open) target.open = true;
    return unknown('unsupported', `${name} stores nothing`, span);
  }

  private namedBlock(node: N.CallNode, kind: string, env: Env, span: Span): RValue {
    const template = this.template!;
    const first = node.arguments_?.arguments_[0];
    const nameValue = first ? this.evalNode(first, env) : undefined;
    const body = this.newHash(span);
    this.withDsl(body, node, env, span);
    if (nameValue?.t !== 'sym' && nameValue?.t !== 'str') return unknown('unsupported', `${kind} with a name media-lint cannot resolve`, span);
    const block: NamedBlock = { name: nameValue.v, nameSpan: this.span(first!.location), body };
    if (kind === 'variable') template.variables.set(block.name, block);
    else template.outputs.push(block);
    return unknown('unsupported', `the value of a ${kind} block`, span);
  }

  /** `resource :aws_x, :name do … end`. */
  private rawResource(node: N.CallNode, env: Env, span: Span): RValue {
    const argumentNodes = node.arguments_?.arguments_ ?? [];
    const { args } = this.evalArguments(node.arguments_, env);
    const type = args[0];
    if ((type?.t !== 'sym' && type?.t !== 'str') || !argumentNodes[0] || !argumentNodes[1]) {
      return this.withDsl(this.newHash(span), node, env, span);
    }
    const decl = this.declare('raw', type.v, args[1]!, argumentNodes[1], this.span(argumentNodes[0].location), node, span);
    this.withDsl(decl.body, node, env, span);
    return unknown('unsupported', 'the value of a resource block', span);
  }

  /** `aws_x(:name, { … })` / `aws_x :name, k: v`: declares the resource, returns its reference. */
  private typedResource(node: N.CallNode, name: string, env: Env, span: Span): RValue {
    const argumentNodes = node.arguments_?.arguments_ ?? [];
    const args = this.evalArguments(node.arguments_, env);
    const nameValue = args.args[0];
    if (!nameValue || !argumentNodes[0]) return unknown('unsupported', `${name} without a name`, span);
    const attributes = args.args[1];
    const decl = this.declare('typed', name, nameValue, argumentNodes[0], this.span(node.messageLoc ?? node.location), node, span);
    const body = decl.body;
    if (attributes?.t === 'hash') {
      const uncertain = !this.canMutate(body);
      for (const [id, entry] of attributes.entries) {
        if (uncertain) this.setEntry(body, entry.key, entry.keySpan, entry.value);
        else body.entries.set(id, entry);
      }
      if (attributes.open || args.open) body.open = true;
    } else if (attributes !== undefined || args.open) {
      body.open = true;
    }
    const reference: RResource = {
      t: 'resource',
      type: name,
      name: decl.name,
      nameText: decl.address.slice(name.length + 1),
      attributes: attributes?.t === 'hash' ? attributes : undefined,
      span,
    };
    return reference;
  }

  private declare(kind: 'typed' | 'raw', type: string, nameValue: RValue, nameNode: N.Node, typeSpan: Span, node: N.CallNode, span: Span): ResourceDecl {
    const template = this.template!;
    let name: string | undefined;
    let namePattern: RegExp | undefined;
    let nameText: string;
    if (nameValue.t === 'sym' || nameValue.t === 'str') {
      name = nameValue.v;
      nameText = name;
    } else {
      nameText = this.text(nameNode.location, 80).replace(/^:?"?|"?$/g, '');
      namePattern = nameValue.t === 'tmpl' ? patternOf(nameValue) : /^.*$/;
    }
    const address = `${type}.${nameText}`;
    const existing = template.resources.get(address);
    if (existing) return existing;
    const decl: ResourceDecl = {
      kind,
      typeWritten: type,
      nested: lookupNestedSettingsName(type),
      name,
      address,
      namePattern,
      body: this.newHash(span),
      span,
      nameSpan: this.span(nameNode.location),
      typeSpan,
      startByte: node.location.startOffset,
      endByte: node.location.startOffset + node.location.length,
    };
    // A resource declared only in a branch that may not run is kept: its code is still checked.
    template.resources.set(address, decl);
    return decl;
  }
}

let epochCounter = 0;
function nextEpoch(): number {
  return ++epochCounter;
}

function targetName(node: N.Node): string {
  return node instanceof N.RequiredParameterNode ? node.name : 'argument';
}

function describeKey(key: HashEntry['key']): string {
  return key.t === 'sym' ? `:${key.v}` : key.t === 'str' ? JSON.stringify(key.v) : String(key.t === 'num' ? key.v : key.t);
}

function at<T extends RValue>(value: T, span: Span): T {
  return { ...value, span };
}

/** The regular expression of names an interpolated name may stand for (`in_#{r}` → `^in_.*$`). */
function patternOf(value: RTmpl): RegExp {
  let source = '^';
  for (const part of value.parts) source += typeof part === 'string' ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '.*';
  return new RegExp(`${source}$`);
}

/** Joins interpolated pieces: a string when all are known, else a partially known string. */
export function makeString(pieces: RTmpl['parts'], span: Span, isSymbol: boolean): RValue {
  const parts: RTmpl['parts'] = [];
  for (const piece of pieces) {
    const last = parts[parts.length - 1];
    if (typeof piece === 'string' && typeof last === 'string') parts[parts.length - 1] = last + piece;
    else if (typeof piece !== 'string' || piece.length > 0) parts.push(piece);
  }
  if (parts.every((part) => typeof part === 'string')) {
    const text = (parts as string[]).join('');
    return isSymbol ? sym(text, span) : str(text, span);
  }
  return { t: 'tmpl', parts, sym: isSymbol, span };
}

/** `===` of a `when` clause against the case subject: equality, range membership. */
function caseEquals(pattern: RValue, subject: RValue): boolean | undefined {
  if (pattern.t === 'range') {
    if (subject.t !== 'num') return subject.t === 'unknown' ? undefined : false;
    return subject.v >= pattern.from && (pattern.exclusive ? subject.v < pattern.to : subject.v <= pattern.to);
  }
  return rubyEquals(pattern, subject);
}

/** `format("%s-%d", a, b)` for `%s`, `%d`, `%i` and `%%`; anything else is unknown. */
function formatString(args: RValue[], span: Span): RValue {
  const [template, ...values] = args;
  if (template?.t !== 'str') return unknown('unsupported', 'format with a format string media-lint cannot resolve', span);
  let index = 0;
  let failed = false;
  const text = template.v.replace(/%(0?\d*)([sdi%])/g, (_match, width: string, kind: string) => {
    if (kind === '%') return '%';
    const value = values[index++];
    if (value === undefined) {
      failed = true;
      return '';
    }
    let rendered: string | undefined;
    if (kind === 's') rendered = value.t === 'str' || value.t === 'sym' ? value.v : value.t === 'num' ? String(value.v) : undefined;
    else rendered = value.t === 'num' && Number.isFinite(value.v) ? String(Math.trunc(value.v)) : undefined;
    if (rendered === undefined) {
      failed = true;
      return '';
    }
    const size = Number.parseInt(width || '0', 10);
    return rendered.padStart(size, width.startsWith('0') ? '0' : ' ');
  });
  if (failed || /%[^%sdi]/.test(template.v.replace(/%%/g, ''))) return unknown('unsupported', 'format directives media-lint does not evaluate', span);
  return str(text, span);
}

