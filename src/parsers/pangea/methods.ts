import type { Span } from '../../graph/source.js';
import type { Limits } from './limits.js';
import {
  hashKey,
  isHashKey,
  nil,
  num,
  str,
  sym,
  truthy,
  unknown,
  type Callable,
  type HashEntry,
  type RArray,
  type REnum,
  type RHash,
  type RTmpl,
  type RValue,
  type SymbolProc,
  type Text,
} from './ruby-values.js';

/** What the method implementations need from the interpreter. */
export interface Runtime {
  readonly limits: Limits;
  step(count?: number): void;
  newArray(items: RValue[], span: Span, open?: boolean): RArray;
  newHash(span: Span, open?: boolean): RHash;
  canMutate(target: { epoch?: number }): boolean;
  setEntry(target: RHash, key: HashEntry['key'], keySpan: Span, value: RValue): void;
  pushItems(target: RArray, items: RValue[]): void;
  speculateBlock(block: Callable | SymbolProc, span: Span): void;
  callBlock(block: Callable | SymbolProc, args: RValue[]): RValue;
  callMethod(receiver: RValue, name: string, args: RValue[], block: Callable | SymbolProc | undefined, span: Span, expression: Text): RValue;
  loopOver<T>(items: readonly T[], body: (item: T, index: number) => void): { broken: RValue } | undefined;
}

type Block = Callable | SymbolProc | undefined;

/** Methods that build a list from a loop: over an unknown collection they give an open list. */
const LIST_BUILDERS = new Set(['map', 'collect', 'flat_map', 'collect_concat', 'select', 'filter', 'reject', 'filter_map', 'to_a', 'entries', 'sort_by', 'uniq', 'compact']);

function unsupported(expression: Text, span: Span): RValue {
  return unknown('unsupported', `${expression} is not evaluated`, span);
}

/** The pieces `"#{value}"` contributes to a string (`to_s`). */
export function interpolate(value: RValue, span: Span): RTmpl['parts'] {
  switch (value.t) {
    case 'nil':
      return [''];
    case 'bool':
      return [String(value.v)];
    case 'num':
      return [numberToString(value.v, value.float)];
    case 'str':
    case 'sym':
      return [value.v];
    case 'tmpl':
      return value.parts;
    case 'ref':
      return [value];
    case 'unknown':
      return [value];
    case 'range':
      return [`${value.from}${value.exclusive ? '...' : '..'}${value.to}`];
    default:
      return [unknown('unsupported', `a ${describeKind(value)} rendered as text`, span)];
  }
}

function describeKind(value: RValue): string {
  switch (value.t) {
    case 'array':
      return 'list';
    case 'hash':
      return 'hash';
    case 'resource':
      return 'resource reference';
    default:
      return value.t;
  }
}

/** Ruby's `Float#to_s` for the common cases (`1.0`, `2.5`); integers print as they are. */
export function numberToString(value: number, float: boolean): string {
  if (!float) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value);
}

/** Ruby `==` on values; undefined when it cannot be known. */
export function rubyEquals(a: RValue, b: RValue, budget = { steps: 10_000 }): boolean | undefined {
  if (--budget.steps < 0) return undefined;
  if (a.t === 'unknown' || b.t === 'unknown' || a.t === 'ref' || b.t === 'ref' || a.t === 'tmpl' || b.t === 'tmpl') return undefined;
  if (a.t === 'num' && b.t === 'num') return a.v === b.v;
  if (a.t !== b.t) return a.t === 'resource' || b.t === 'resource' || a.t === 'proc' || b.t === 'proc' || a.t === 'enum' || b.t === 'enum' ? undefined : false;
  switch (a.t) {
    case 'nil':
      return true;
    case 'bool':
    case 'str':
    case 'sym':
      return a.v === (b as typeof a).v;
    case 'range': {
      const other = b as typeof a;
      return a.from === other.from && a.to === other.to && a.exclusive === other.exclusive;
    }
    case 'array': {
      const other = b as RArray;
      if (a.open || other.open) return undefined;
      if (a.items.length !== other.items.length) return false;
      let result: boolean | undefined = true;
      for (let index = 0; index < a.items.length; index++) {
        const equal = rubyEquals(a.items[index]!, other.items[index]!, budget);
        if (equal === false) return false;
        if (equal === undefined) result = undefined;
      }
      return result;
    }
    case 'hash': {
      const other = b as RHash;
      if (a.open || other.open) return undefined;
      if (a.entries.size !== other.entries.size) return false;
      let result: boolean | undefined = true;
      for (const [id, entry] of a.entries) {
        const match = other.entries.get(id);
        if (!match) return false;
        const equal = rubyEquals(entry.value, match.value, budget);
        if (equal === false) return false;
        if (equal === undefined) result = undefined;
      }
      return result;
    }
    default:
      return undefined;
  }
}

function bool(value: boolean | undefined, span: Span, detail: string): RValue {
  return value === undefined ? unknown('unsupported', detail, span) : { t: 'bool', v: value, span };
}

/** Calls a method on a value of the interpreter. Anything not modelled is an unknown value. */
export function callValueMethod(rt: Runtime, receiver: RValue, name: string, args: RValue[], block: Block, span: Span, expression: Text): RValue {
  rt.step();
  switch (name) {
    case 'freeze':
    case 'itself':
    case '+@':
      if (name !== '+@' || receiver.t === 'num') return receiver;
      break;
    case 'dup':
    case 'clone':
      if (receiver.t === 'array') return rt.newArray([...receiver.items], span, receiver.open);
      if (receiver.t === 'hash') return copyHash(rt, receiver, span);
      return receiver;
    case 'tap':
      if (block) rt.callBlock(block, [receiver]);
      return receiver;
    case 'then':
    case 'yield_self':
      return block ? rt.callBlock(block, [receiver]) : unsupported(expression, span);
    case 'nil?':
      return receiver.t === 'unknown' ? unknown(receiver.reason, receiver.detail, span) : { t: 'bool', v: receiver.t === 'nil', span };
    case '==':
    case 'eql?':
      return bool(args[0] ? rubyEquals(receiver, args[0]) : undefined, span, `${expression} cannot be decided`);
    case '!=': {
      const equal = args[0] ? rubyEquals(receiver, args[0]) : undefined;
      return bool(equal === undefined ? undefined : !equal, span, `${expression} cannot be decided`);
    }
    case '!': {
      const value = truthy(receiver);
      return bool(value === undefined ? undefined : !value, span, `${expression} cannot be decided`);
    }
    case 'to_json':
    case 'to_yaml':
    case 'inspect':
    case 'hash':
    case 'object_id':
    case 'class':
    case 'frozen?':
    case 'respond_to?':
    case 'send':
    case 'public_send':
    case 'instance_variable_get':
    case 'method':
    case 'instance_eval':
    case 'instance_exec':
      return unsupported(expression, span);
    default:
      break;
  }
  switch (receiver.t) {
    case 'unknown':
      if (block) rt.speculateBlock(block, span);
      if (block && LIST_BUILDERS.has(name)) return rt.newArray([], span, true);
      return unknown(receiver.reason, receiver.detail, span);
    case 'nil':
      return nilMethod(rt, name, span, expression);
    case 'bool':
      return boolMethod(receiver.v, name, args, span, expression);
    case 'num':
      return numberMethod(rt, receiver.v, receiver.float, name, args, block, span, expression);
    case 'str':
      return stringMethod(rt, receiver.v, name, args, block, span, expression, receiver);
    case 'sym':
      return symbolMethod(rt, receiver.v, name, args, block, span, expression);
    case 'tmpl':
    case 'ref':
      return partialStringMethod(receiver, name, args, span, expression);
    case 'array':
      return arrayMethod(rt, receiver, name, args, block, span, expression);
    case 'hash':
      return hashMethod(rt, receiver, name, args, block, span, expression);
    case 'range':
      return rangeMethod(rt, receiver, name, args, block, span, expression);
    case 'enum':
      return enumMethod(rt, receiver, name, args, block, span, expression);
    default:
      return unsupported(expression, span);
  }
}

function nilMethod(rt: Runtime, name: string, span: Span, expression: Text): RValue {
  switch (name) {
    case 'to_s':
      return str('', span);
    case 'to_a':
      return rt.newArray([], span);
    case 'to_h':
      return rt.newHash(span);
    case 'to_i':
      return num(0, span);
    case 'to_f':
      return num(0, span, true);
    case '&':
      return { t: 'bool', v: false, span };
    default:
      return unknown('unsupported', `${expression} calls ${name} on nil`, span);
  }
}

function boolMethod(value: boolean, name: string, args: RValue[], span: Span, expression: Text): RValue {
  const other = args[0] ? truthy(args[0]) : undefined;
  switch (name) {
    case 'to_s':
      return str(String(value), span);
    case '&':
      return bool(value ? other : false, span, `${expression} cannot be decided`);
    case '|':
      return bool(value ? true : other, span, `${expression} cannot be decided`);
    case '^':
      return bool(other === undefined ? undefined : value !== other, span, `${expression} cannot be decided`);
    default:
      return unsupported(expression, span);
  }
}

function integerResult(value: number, float: boolean, span: Span): RValue {
  if (!Number.isFinite(value)) return unknown('limit', 'the number is out of range', span);
  if (!float && !Number.isSafeInteger(value)) return unknown('limit', 'the integer is too large to be represented exactly', span);
  return num(value, span, float);
}

function numberMethod(rt: Runtime, value: number, float: boolean, name: string, args: RValue[], block: Block, span: Span, expression: Text): RValue {
  const arg = args[0];
  const other = arg?.t === 'num' ? arg : undefined;
  const isFloat = float || (other?.float ?? false);
  switch (name) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case 'modulo':
    case '**':
    case 'pow':
    case 'fdiv':
    case 'div': {
      if (!other) return arg?.t === 'unknown' ? unknown(arg.reason, arg.detail, span) : unsupported(expression, span);
      const b = other.v;
      switch (name) {
        case '+':
          return integerResult(value + b, isFloat, span);
        case '-':
          return integerResult(value - b, isFloat, span);
        case '*':
          return integerResult(value * b, isFloat, span);
        case 'fdiv':
          return b === 0 ? unsupported(expression, span) : integerResult(value / b, true, span);
        case '/':
        case 'div':
          if (b === 0) return unknown('unsupported', `${expression} divides by zero`, span);
          return isFloat && name === '/' ? integerResult(value / b, true, span) : integerResult(Math.floor(value / b), false, span);
        case '%':
        case 'modulo':
          if (b === 0) return unknown('unsupported', `${expression} divides by zero`, span);
          return integerResult(((value % b) + b) % b, isFloat, span);
        default:
          if (!isFloat && b < 0) return unsupported(expression, span);
          return integerResult(value ** b, isFloat, span);
      }
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '<=>': {
      if (!other) return unsupported(expression, span);
      if (name === '<=>') return num(Math.sign(value - other.v), span);
      const result = name === '<' ? value < other.v : name === '<=' ? value <= other.v : name === '>' ? value > other.v : value >= other.v;
      return { t: 'bool', v: result, span };
    }
    case '-@':
      return num(-value, span, float);
    case 'abs':
    case 'magnitude':
      return num(Math.abs(value), span, float);
    case 'to_s':
      return args.length === 0 ? str(numberToString(value, float), span) : unsupported(expression, span);
    case 'to_i':
    case 'to_int':
    case 'truncate':
      return integerResult(Math.trunc(value), false, span);
    case 'to_f':
      return num(value, span, true);
    case 'round':
    case 'floor':
    case 'ceil': {
      if (args.length > 0) return unsupported(expression, span);
      const fn = name === 'round' ? (v: number) => (v < 0 ? -Math.round(-v) : Math.round(v)) : name === 'floor' ? Math.floor : Math.ceil;
      return integerResult(fn(value), false, span);
    }
    case 'zero?':
      return { t: 'bool', v: value === 0, span };
    case 'positive?':
      return { t: 'bool', v: value > 0, span };
    case 'negative?':
      return { t: 'bool', v: value < 0, span };
    case 'even?':
    case 'odd?':
      return float ? unsupported(expression, span) : { t: 'bool', v: (Math.abs(value) % 2 === 0) === (name === 'even?'), span };
    case 'integer?':
      return { t: 'bool', v: !float, span };
    case 'succ':
    case 'next':
      return integerResult(value + 1, float, span);
    case 'pred':
      return integerResult(value - 1, float, span);
    case 'between?': {
      const [low, high] = args;
      if (low?.t !== 'num' || high?.t !== 'num') return unsupported(expression, span);
      return { t: 'bool', v: value >= low.v && value <= high.v, span };
    }
    case 'clamp': {
      const [low, high] = args;
      if (low?.t !== 'num' || high?.t !== 'num') return unsupported(expression, span);
      return num(Math.min(Math.max(value, low.v), high.v), span, float || low.float || high.float);
    }
    case 'times':
    case 'upto':
    case 'downto': {
      if (float) return unsupported(expression, span);
      let items: number[] | undefined;
      if (name === 'times') items = value <= rt.limits.loopIterations ? range(0, value - 1) : undefined;
      else {
        if (other === undefined || other.float) return unsupported(expression, span);
        const count = Math.abs(other.v - value) + 1;
        if (count <= rt.limits.loopIterations) items = name === 'upto' ? range(value, other.v) : range(other.v, value).reverse();
      }
      const values = items?.map((item) => num(item, span));
      if (!block) return values ? enumerator(rt, 'each', values, false, span) : enumerator(rt, 'each', [], true, span);
      if (!values) {
        rt.speculateBlock(block, span);
        return num(value, span);
      }
      const broken = rt.loopOver(values, (item) => void rt.callBlock(block, [item]));
      return broken ? broken.broken : num(value, span);
    }
    default:
      return unsupported(expression, span);
  }
}

function range(from: number, to: number): number[] {
  const result: number[] = [];
  for (let value = from; value <= to; value++) result.push(value);
  return result;
}

function stringArg(value: RValue | undefined): string | undefined {
  return value?.t === 'str' ? value.v : undefined;
}

/** Ruby's `String#to_i`: the leading integer (with `_` separators), else 0. */
function leadingInteger(text: string): number {
  const match = /^\s*([-+]?\d[\d_]*)/.exec(text);
  return match ? Number(match[1]!.replace(/_/g, '')) : 0;
}

function leadingFloat(text: string): number {
  const match = /^\s*([-+]?\d[\d_]*(\.\d[\d_]*)?([eE][-+]?\d+)?)/.exec(text);
  return match ? Number(match[1]!.replace(/_/g, '')) : 0;
}

/** `tr` character sets with `a-z` ranges; undefined for negated sets. */
function expandSet(set: string): string[] | undefined {
  if (set.startsWith('^') && set.length > 1) return undefined;
  const chars: string[] = [];
  for (let index = 0; index < set.length; index++) {
    const char = set[index]!;
    if (set[index + 1] === '-' && index + 2 < set.length) {
      const end = set.charCodeAt(index + 2);
      for (let code = char.charCodeAt(0); code <= end && chars.length < 1024; code++) chars.push(String.fromCharCode(code));
      index += 2;
    } else chars.push(char);
  }
  return chars;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1).toLowerCase();
}

function stringMethod(rt: Runtime, value: string, name: string, args: RValue[], block: Block, span: Span, expression: Text, self: RValue): RValue {
  const arg = args[0];
  const limit = rt.limits.stringLength;
  const result = (text: string): RValue => (text.length > limit ? unknown('limit', 'the string is too long', span) : str(text, span));
  switch (name) {
    case 'to_s':
    case 'to_str':
    case 'strip_heredoc':
      return self;
    case 'to_sym':
    case 'intern':
      return sym(value, span);
    case 'to_i':
      return integerResult(leadingInteger(value), false, span);
    case 'to_f':
      return num(leadingFloat(value), span, true);
    case '+':
      if (arg?.t === 'str') return result(value + arg.v);
      if (arg?.t === 'tmpl' || arg?.t === 'ref' || arg?.t === 'unknown') return joinParts([value, ...interpolate(arg, span)], span);
      return unsupported(expression, span);
    case '*':
      if (arg?.t !== 'num' || arg.v < 0) return unsupported(expression, span);
      return value.length * arg.v > limit ? unknown('limit', 'the string is too long', span) : str(value.repeat(arg.v), span);
    case 'upcase':
      return str(value.toUpperCase(), span);
    case 'downcase':
      return str(value.toLowerCase(), span);
    case 'capitalize':
      return str(capitalize(value), span);
    case 'swapcase':
      return str([...value].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''), span);
    case 'strip':
      return str(value.trim(), span);
    case 'lstrip':
      return str(value.trimStart(), span);
    case 'rstrip':
      return str(value.trimEnd(), span);
    case 'chomp':
      return str(value.replace(/\r?\n$/, ''), span);
    case 'reverse':
      return str([...value].reverse().join(''), span);
    case 'length':
    case 'size':
      return num(value.length, span);
    case 'empty?':
      return { t: 'bool', v: value.length === 0, span };
    case 'include?':
      return stringArg(arg) === undefined ? unsupported(expression, span) : { t: 'bool', v: value.includes(stringArg(arg)!), span };
    case 'start_with?':
    case 'end_with?': {
      const prefixes = args.map(stringArg);
      if (prefixes.length === 0 || prefixes.some((prefix) => prefix === undefined)) return unsupported(expression, span);
      return { t: 'bool', v: prefixes.some((prefix) => (name === 'start_with?' ? value.startsWith(prefix!) : value.endsWith(prefix!))), span };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const other = stringArg(arg);
      if (other === undefined) return unsupported(expression, span);
      return { t: 'bool', v: name === '<' ? value < other : name === '<=' ? value <= other : name === '>' ? value > other : value >= other, span };
    }
    case 'split': {
      if (args.length > 1) return unsupported(expression, span);
      let parts: string[];
      if (args.length === 0 || (arg?.t === 'str' && arg.v === ' ')) parts = value.trim().length === 0 ? [] : value.trim().split(/\s+/);
      else if (arg?.t === 'str') {
        parts = arg.v === '' ? [...value] : value.split(arg.v);
        while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
      } else return unsupported(expression, span);
      if (parts.length > rt.limits.collectionSize) return unknown('limit', 'too many parts', span);
      return rt.newArray(parts.map((part) => str(part, span)), span);
    }
    case 'chars':
    case 'each_char': {
      const chars = [...value];
      if (chars.length > rt.limits.collectionSize) return unknown('limit', 'too many characters', span);
      const array = rt.newArray(chars.map((char) => str(char, span)), span);
      return name === 'chars' || !block ? array : arrayMethod(rt, array, 'each', [], block, span, expression);
    }
    case 'tr':
    case 'delete': {
      const from = expandSet(stringArg(arg) ?? '^');
      if (!from || (name === 'tr' && stringArg(args[1]) === undefined)) return unsupported(expression, span);
      if (name === 'delete') return str([...value].filter((char) => !from.includes(char)).join(''), span);
      const to = expandSet(stringArg(args[1])!);
      if (!to) return unsupported(expression, span);
      return str([...value].map((char) => {
        const index = from.indexOf(char);
        if (index < 0) return char;
        return to.length === 0 ? '' : (to[index] ?? to[to.length - 1]!);
      }).join(''), span);
    }
    case 'gsub':
    case 'sub': {
      const pattern = stringArg(arg);
      const replacement = stringArg(args[1]);
      if (block || pattern === undefined || replacement === undefined || replacement.includes('\\')) return unsupported(expression, span);
      if (pattern === '') return unsupported(expression, span);
      return result(name === 'gsub' ? value.split(pattern).join(replacement) : value.replace(pattern, () => replacement));
    }
    case 'ljust':
    case 'rjust':
    case 'center': {
      const width = arg?.t === 'num' ? arg.v : undefined;
      const pad = args[1] === undefined ? ' ' : stringArg(args[1]);
      if (width === undefined || pad === undefined || pad === '' || width > limit) return unsupported(expression, span);
      if (name === 'ljust') return str(value.padEnd(width, pad), span);
      if (name === 'rjust') return str(value.padStart(width, pad), span);
      const total = Math.max(0, width - value.length);
      const left = Math.floor(total / 2);
      return str(''.padStart(left, pad) + value + ''.padEnd(total - left, pad), span);
    }
    case '[]':
    case 'slice': {
      const chars = [...value];
      if (arg?.t === 'num' && args.length === 1) {
        const index = arg.v < 0 ? chars.length + arg.v : arg.v;
        const char = chars[index];
        return char === undefined ? nil(span) : str(char, span);
      }
      if (arg?.t === 'num' && args[1]?.t === 'num') {
        const start = arg.v < 0 ? chars.length + arg.v : arg.v;
        if (start < 0 || start > chars.length) return nil(span);
        return str(chars.slice(start, start + Math.max(0, args[1].v)).join(''), span);
      }
      if (arg?.t === 'range') {
        const start = arg.from < 0 ? chars.length + arg.from : arg.from;
        let end = arg.to < 0 ? chars.length + arg.to : arg.to;
        if (!arg.exclusive) end += 1;
        if (start < 0 || start > chars.length) return nil(span);
        return str(chars.slice(start, Math.max(start, end)).join(''), span);
      }
      if (arg?.t === 'str') return value.includes(arg.v) ? str(arg.v, span) : nil(span);
      return unsupported(expression, span);
    }
    case 'casecmp?': {
      const other = stringArg(arg);
      return other === undefined ? unsupported(expression, span) : { t: 'bool', v: other.toLowerCase() === value.toLowerCase(), span };
    }
    default:
      return unsupported(expression, span);
  }
}

function symbolMethod(rt: Runtime, value: string, name: string, args: RValue[], block: Block, span: Span, expression: Text): RValue {
  switch (name) {
    case 'to_s':
    case 'id2name':
    case 'name':
      return str(value, span);
    case 'to_sym':
      return sym(value, span);
    case 'to_proc':
      return { t: 'proc', callable: { kind: 'symbol', name: value }, span };
    case 'length':
    case 'size':
    case 'empty?':
    case 'start_with?':
    case 'end_with?':
    case '<':
    case '>':
    case '<=':
    case '>=':
      return stringMethod(rt, value, name, args.map((arg) => (arg.t === 'sym' ? str(arg.v, arg.span) : arg)), block, span, expression, str(value, span));
    case 'upcase':
    case 'downcase':
    case 'capitalize':
    case 'swapcase': {
      const result = stringMethod(rt, value, name, args, block, span, expression, str(value, span));
      return result.t === 'str' ? sym(result.v, span) : result;
    }
    default:
      return unsupported(expression, span);
  }
}

/** A reference or partially known string: only what keeps it a string is modelled. */
function partialStringMethod(receiver: RValue & { t: 'tmpl' | 'ref' }, name: string, args: RValue[], span: Span, expression: Text): RValue {
  switch (name) {
    case 'to_s':
    case 'to_str':
      return receiver;
    case 'to_sym':
    case 'intern':
      return receiver.t === 'tmpl' ? { ...receiver, sym: true, span } : { t: 'tmpl', parts: [receiver], sym: true, span };
    case '+': {
      const arg = args[0];
      if (!arg || (arg.t !== 'str' && arg.t !== 'tmpl' && arg.t !== 'ref' && arg.t !== 'unknown')) return unsupported(expression, span);
      return joinParts([...interpolate(receiver, span), ...interpolate(arg, span)], span);
    }
    default:
      return unknown('unsupported', `${expression} operates on a value known only when Terraform runs`, span);
  }
}

function joinParts(parts: RTmpl['parts'], span: Span): RValue {
  const merged: RTmpl['parts'] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else merged.push(part);
  }
  if (merged.every((part) => typeof part === 'string')) return str((merged as string[]).join(''), span);
  return { t: 'tmpl', parts: merged, sym: false, span };
}

function copyHash(rt: Runtime, source: RHash, span: Span): RHash {
  const copy = rt.newHash(span, source.open);
  for (const [id, entry] of source.entries) copy.entries.set(id, entry);
  return copy;
}

function enumerator(rt: Runtime, method: string, items: RValue[], open: boolean, span: Span, fromHash = false): REnum {
  rt.step();
  return { t: 'enum', method, items, open, fromHash, span };
}

/** Items of an array in iteration order, with whether there may be more. */
function arrayItems(array: RArray, rt: Runtime): { items: RValue[]; more: boolean } {
  if (array.items.length > rt.limits.loopIterations) return { items: [], more: true };
  return { items: [...array.items], more: array.open };
}

/** Runs the iteration methods over a list of items (an array, a hash's pairs, a range, an enumerator). */
function iterate(rt: Runtime, method: string, items: RValue[], more: boolean, args: RValue[], block: Block, span: Span, expression: Text, receiver: RValue): RValue | undefined {
  const call = (item: RValue, ...extra: RValue[]) => rt.callBlock(block!, [item, ...extra]);
  const speculateRest = () => {
    if (more && block) rt.speculateBlock(block, span);
  };
  switch (method) {
    case 'each':
    case 'each_entry':
    case 'reverse_each': {
      if (!block) return enumerator(rt, 'each', items, more, span);
      const ordered = method === 'reverse_each' ? (more ? [] : [...items].reverse()) : items;
      const broken = rt.loopOver(ordered, (item) => void call(item));
      if (broken) return broken.broken;
      speculateRest();
      return receiver;
    }
    case 'each_with_index': {
      const pairs = items.map((item, index) => rt.newArray([item, num(index, span)], span));
      if (!block) return enumerator(rt, 'each', pairs, more, span);
      const broken = rt.loopOver(items, (item, index) => void call(item, num(index, span)));
      if (broken) return broken.broken;
      speculateRest();
      return receiver;
    }
    case 'map':
    case 'collect':
    case 'flat_map':
    case 'collect_concat':
    case 'filter_map': {
      if (!block) return enumerator(rt, method, items, more, span);
      const results: RValue[] = [];
      let open = more;
      const broken = rt.loopOver(items, (item) => {
        const value = call(item);
        if (method === 'filter_map') {
          const keep = truthy(value);
          if (keep === true) results.push(value);
          else if (keep === undefined) open = true;
        } else if (method === 'flat_map' || method === 'collect_concat') {
          if (value.t === 'array') {
            results.push(...value.items);
            if (value.open) open = true;
          } else results.push(value);
        } else results.push(value);
      });
      if (broken) return broken.broken;
      speculateRest();
      if (results.length > rt.limits.collectionSize) return unknown('limit', 'the list is too large', span);
      return rt.newArray(results, span, open);
    }
    case 'select':
    case 'filter':
    case 'reject':
    case 'find':
    case 'detect':
    case 'partition': {
      if (!block) return enumerator(rt, method, items, more, span);
      const kept: RValue[] = [];
      const dropped: RValue[] = [];
      let open = more;
      let found: RValue | undefined;
      let undecided = false;
      const broken = rt.loopOver(items, (item) => {
        if (found || undecided) return;
        const keep = truthy(call(item));
        if (keep === undefined) {
          open = true;
          if (method === 'find' || method === 'detect') undecided = true;
          return;
        }
        if (method === 'find' || method === 'detect') {
          if (keep) found = item;
          return;
        }
        if (keep === (method !== 'reject')) kept.push(item);
        else dropped.push(item);
      });
      if (broken) return broken.broken;
      if (method === 'find' || method === 'detect') {
        if (found) return found;
        speculateRest();
        return undecided || more ? unsupported(expression, span) : nil(span);
      }
      speculateRest();
      if (method === 'partition') return rt.newArray([rt.newArray(kept, span, open), rt.newArray(dropped, span, open)], span);
      return rt.newArray(kept, span, open);
    }
    case 'any?':
    case 'all?':
    case 'none?':
    case 'count': {
      if (!block) {
        if (method === 'count' && args.length === 0) return more ? unsupported(expression, span) : num(items.length, span);
        if (method === 'any?' && args.length === 0) {
          if (items.some((item) => truthy(item) === true)) return { t: 'bool', v: true, span };
          if (more || items.some((item) => truthy(item) === undefined)) return unsupported(expression, span);
          return { t: 'bool', v: false, span };
        }
        return unsupported(expression, span);
      }
      let count = 0;
      let undecided = more;
      const broken = rt.loopOver(items, (item) => {
        const value = truthy(call(item));
        if (value === undefined) undecided = true;
        else if (value) count++;
      });
      if (broken) return broken.broken;
      speculateRest();
      if (method === 'count') return undecided ? unsupported(expression, span) : num(count, span);
      if (method === 'any?') return count > 0 ? { t: 'bool', v: true, span } : undecided ? unsupported(expression, span) : { t: 'bool', v: false, span };
      if (method === 'none?') return count > 0 ? { t: 'bool', v: false, span } : undecided ? unsupported(expression, span) : { t: 'bool', v: true, span };
      return undecided ? unsupported(expression, span) : { t: 'bool', v: count === items.length, span };
    }
    case 'each_with_object': {
      const memo = args[0];
      if (!memo || !block) return unsupported(expression, span);
      const broken = rt.loopOver(items, (item) => void call(item, memo));
      if (broken) return broken.broken;
      if (more) {
        rt.speculateBlock(block, span);
      }
      return memo;
    }
    case 'inject':
    case 'reduce':
    case 'sum': {
      if (more) {
        if (block) rt.speculateBlock(block, span);
        return unsupported(expression, span);
      }
      let accumulator: RValue | undefined = method === 'sum' ? (args[0] ?? num(0, span)) : block ? args[0] : args.length === 2 ? args[0] : undefined;
      const operator = !block ? (args.length === 2 ? args[1] : method === 'sum' ? undefined : args[0]) : undefined;
      const operatorName = operator?.t === 'sym' || operator?.t === 'str' ? operator.v : method === 'sum' ? '+' : undefined;
      if (!block && operatorName === undefined) return unsupported(expression, span);
      const broken = rt.loopOver(items, (item) => {
        const value = method === 'sum' && block ? call(item) : item;
        if (accumulator === undefined) accumulator = value;
        else if (block && method !== 'sum') accumulator = call(accumulator, value);
        else accumulator = rt.callMethod(accumulator, operatorName ?? '+', [value], undefined, span, expression);
      });
      if (broken) return broken.broken;
      return accumulator ?? nil(span);
    }
    case 'to_a':
    case 'entries':
      return rt.newArray([...items], span, more);
    case 'sort_by':
    case 'min_by':
    case 'max_by': {
      if (!block || more) return unsupported(expression, span);
      const keyed: Array<{ item: RValue; key: number | string }> = [];
      let failed = false;
      const broken = rt.loopOver(items, (item) => {
        const key = call(item);
        if (key.t === 'num' || key.t === 'str' || key.t === 'sym') keyed.push({ item, key: key.v });
        else failed = true;
      });
      if (broken) return broken.broken;
      if (failed || !comparable(keyed.map((entry) => entry.key))) return unsupported(expression, span);
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      if (method === 'min_by') return keyed[0]?.item ?? nil(span);
      if (method === 'max_by') return keyed[keyed.length - 1]?.item ?? nil(span);
      return rt.newArray(keyed.map((entry) => entry.item), span);
    }
    case 'each_slice': {
      const size = args[0]?.t === 'num' ? args[0].v : 0;
      if (size <= 0 || more) {
        if (block) rt.speculateBlock(block, span);
        return block ? nil(span) : unsupported(expression, span);
      }
      const slices: RValue[] = [];
      for (let index = 0; index < items.length; index += size) slices.push(rt.newArray(items.slice(index, index + size), span));
      if (!block) return enumerator(rt, 'each', slices, false, span);
      const broken = rt.loopOver(slices, (slice) => void call(slice));
      return broken ? broken.broken : nil(span);
    }
    default:
      return undefined;
  }
}

function comparable(keys: Array<number | string>): boolean {
  return keys.every((key) => typeof key === 'number') || keys.every((key) => typeof key === 'string');
}

function index(length: number, value: number): number {
  return value < 0 ? length + value : value;
}

function arrayMethod(rt: Runtime, array: RArray, name: string, args: RValue[], block: Block, span: Span, expression: Text): RValue {
  const { items, more } = arrayItems(array, rt);
  const iterated = iterate(rt, name, items, more, args, block, span, expression, array);
  if (iterated !== undefined) return iterated;
  const arg = args[0];
  const maxItems = rt.limits.collectionSize;
  switch (name) {
    case 'length':
    case 'size':
      return array.open ? unsupported(expression, span) : num(array.items.length, span);
    case 'empty?':
      return array.items.length > 0 ? { t: 'bool', v: false, span } : array.open ? unsupported(expression, span) : { t: 'bool', v: true, span };
    case 'first':
    case 'last': {
      if (arg?.t === 'num') {
        if (array.open) return unsupported(expression, span);
        return rt.newArray(name === 'first' ? array.items.slice(0, arg.v) : array.items.slice(Math.max(0, array.items.length - arg.v)), span);
      }
      if (name === 'first') return array.items[0] ?? (array.open ? unsupported(expression, span) : nil(span));
      return array.open ? unsupported(expression, span) : (array.items[array.items.length - 1] ?? nil(span));
    }
    case '[]':
    case 'at':
    case 'slice':
    case 'fetch':
    case 'dig': {
      if (arg?.t === 'num' && (args.length === 1 || name === 'fetch' || name === 'dig')) {
        const position = index(array.items.length, arg.v);
        if (array.open && (arg.v < 0 || position >= array.items.length)) return unsupported(expression, span);
        const item = array.items[position];
        if (item === undefined) return name === 'fetch' ? (args[1] ?? unsupported(expression, span)) : nil(span);
        if (name === 'dig' && args.length > 1) return rt.callMethod(item, 'dig', args.slice(1), undefined, span, expression);
        return item;
      }
      if (array.open) return unsupported(expression, span);
      if (arg?.t === 'num' && args[1]?.t === 'num') {
        const start = index(array.items.length, arg.v);
        if (start < 0 || start > array.items.length) return nil(span);
        return rt.newArray(array.items.slice(start, start + Math.max(0, args[1].v)), span);
      }
      if (arg?.t === 'range') {
        const start = index(array.items.length, arg.from);
        let end = index(array.items.length, arg.to);
        if (!arg.exclusive) end += 1;
        if (start < 0 || start > array.items.length) return nil(span);
        return rt.newArray(array.items.slice(start, Math.max(start, end)), span);
      }
      return unsupported(expression, span);
    }
    case 'include?':
    case 'member?': {
      if (!arg) return unsupported(expression, span);
      let undecided = array.open;
      for (const item of array.items) {
        const equal = rubyEquals(item, arg);
        if (equal === true) return { t: 'bool', v: true, span };
        if (equal === undefined) undecided = true;
      }
      return undecided ? unsupported(expression, span) : { t: 'bool', v: false, span };
    }
    case 'join': {
      const separator = arg === undefined ? '' : stringArg(arg);
      if (separator === undefined || array.open) return unsupported(expression, span);
      const parts: RTmpl['parts'] = [];
      let length = 0;
      for (const [position, item] of array.items.entries()) {
        if (position > 0) parts.push(separator);
        const pieces = item.t === 'array' ? [unknown('unsupported', 'a nested list joined', span)] : interpolate(item, span);
        for (const piece of pieces) {
          parts.push(piece);
          if (typeof piece === 'string') length += piece.length;
        }
        if (length > rt.limits.stringLength) return unknown('limit', 'the string is too long', span);
      }
      return joinParts(parts, span);
    }
    case '+':
    case 'concat': {
      if (name === 'concat') {
        for (const other of args) {
          if (other.t === 'array') {
            rt.pushItems(array, other.items);
            if (other.open) array.open = true;
          } else array.open = true;
        }
        return array;
      }
      if (arg?.t !== 'array') return unsupported(expression, span);
      if (array.items.length + arg.items.length > maxItems) return unknown('limit', 'the list is too large', span);
      return rt.newArray([...array.items, ...arg.items], span, array.open || arg.open);
    }
    case '-':
    case '&':
    case '|': {
      if (arg?.t !== 'array' || array.open || arg.open) return unsupported(expression, span);
      const keys = (list: RValue[]) => list.map((item) => scalarKey(item));
      const mine = keys(array.items);
      const theirs = keys(arg.items);
      if (mine.includes(undefined) || theirs.includes(undefined)) return unsupported(expression, span);
      if (name === '-') return rt.newArray(array.items.filter((_, position) => !theirs.includes(mine[position])), span);
      if (name === '&') return rt.newArray(uniqueBy(array.items.filter((_, position) => theirs.includes(mine[position]))), span);
      return rt.newArray(uniqueBy([...array.items, ...arg.items]), span);
    }
    case '*': {
      if (arg?.t === 'str') return arrayMethod(rt, array, 'join', [arg], undefined, span, expression);
      if (arg?.t !== 'num' || arg.v < 0 || array.open) return unsupported(expression, span);
      if (array.items.length * arg.v > maxItems) return unknown('limit', 'the list is too large', span);
      const result: RValue[] = [];
      for (let count = 0; count < arg.v; count++) result.push(...array.items);
      return rt.newArray(result, span);
    }
    case '<<':
    case 'push':
    case 'append':
      rt.pushItems(array, name === '<<' ? args.slice(0, 1) : args);
      return array;
    case 'unshift':
    case 'prepend':
      if (!rt.canMutate(array) || array.items.length + args.length > maxItems) array.open = true;
      else array.items.unshift(...args);
      return array;
    case 'pop':
    case 'shift':
    case 'clear':
    case 'delete':
    case 'delete_at':
    case 'compact!':
    case 'uniq!':
    case 'flatten!':
    case 'reverse!':
    case 'sort!':
    case 'map!':
    case 'select!':
    case 'reject!':
    case 'insert':
    case 'fill':
    case 'replace': {
      if (!rt.canMutate(array)) {
        array.items.length = 0;
        array.open = true;
        return unsupported(expression, span);
      }
      if (name === 'pop') return array.open ? unsupported(expression, span) : (array.items.pop() ?? nil(span));
      if (name === 'shift') return array.items.shift() ?? (array.open ? unsupported(expression, span) : nil(span));
      if (name === 'clear') {
        array.items.length = 0;
        array.open = false;
        return array;
      }
      array.items.length = 0;
      array.open = true;
      return unsupported(expression, span);
    }
    case '[]=': {
      const [position, value] = args;
      if (position?.t !== 'num' || value === undefined || args.length !== 2) {
        array.open = true;
        return value ?? unsupported(expression, span);
      }
      const target = index(array.items.length, position.v);
      if (!rt.canMutate(array) || target < 0 || target > maxItems) {
        array.open = true;
        if (target >= 0 && target < array.items.length) array.items[target] = unknown('condition', 'set in a branch media-lint cannot decide', value.span);
        return value;
      }
      while (array.items.length < target) array.items.push(nil(span));
      array.items[target] = value;
      return value;
    }
    case 'compact':
      return rt.newArray(array.items.filter((item) => item.t !== 'nil'), span, array.open);
    case 'flatten': {
      const depth = arg?.t === 'num' ? arg.v : Infinity;
      const result: RValue[] = [];
      let open = array.open;
      let failed = false;
      const visit = (list: RValue[], level: number) => {
        for (const item of list) {
          if (failed) return;
          rt.step();
          if (item.t === 'array' && level < depth) {
            if (item.open) open = true;
            if (level > 32) {
              failed = true;
              return;
            }
            visit(item.items, level + 1);
          } else result.push(item);
          if (result.length > maxItems) failed = true;
        }
      };
      visit(array.items, 0);
      return failed ? unknown('limit', 'the list is too large or too deep', span) : rt.newArray(result, span, open);
    }
    case 'uniq': {
      if (block || array.open) return unsupported(expression, span);
      const keys = array.items.map((item) => scalarKey(item));
      if (keys.includes(undefined)) return unsupported(expression, span);
      return rt.newArray(uniqueBy(array.items), span);
    }
    case 'reverse':
      return array.open ? unsupported(expression, span) : rt.newArray([...array.items].reverse(), span);
    case 'sort':
    case 'min':
    case 'max': {
      if (block || array.open || args.length > 0) return unsupported(expression, span);
      const values = array.items.map((item) => (item.t === 'num' || item.t === 'str' ? item.v : undefined));
      if (values.includes(undefined) || !comparable(values as Array<number | string>)) return unsupported(expression, span);
      const sorted = array.items
        .map((item, position) => ({ item, key: values[position]! }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((entry) => entry.item);
      if (name === 'min') return sorted[0] ?? nil(span);
      if (name === 'max') return sorted[sorted.length - 1] ?? nil(span);
      return rt.newArray(sorted, span);
    }
    case 'take':
    case 'drop': {
      if (arg?.t !== 'num' || arg.v < 0) return unsupported(expression, span);
      if (name === 'take') return array.items.length >= arg.v ? rt.newArray(array.items.slice(0, arg.v), span) : array.open ? unsupported(expression, span) : rt.newArray([...array.items], span);
      return array.open ? unsupported(expression, span) : rt.newArray(array.items.slice(arg.v), span);
    }
    case 'zip': {
      if (array.open || args.some((other) => other.t !== 'array' || other.open)) return unsupported(expression, span);
      const others = args as RArray[];
      return rt.newArray(array.items.map((item, position) => rt.newArray([item, ...others.map((other) => other.items[position] ?? nil(span))], span)), span);
    }
    case 'to_h': {
      const result = rt.newHash(span, array.open);
      for (const item of array.items) {
        const pair = block ? rt.callBlock(block, [item]) : item;
        if (pair.t !== 'array' || pair.items.length !== 2 || pair.open || !isHashKey(pair.items[0]!)) {
          result.open = true;
          continue;
        }
        const key = pair.items[0] as HashEntry['key'];
        result.entries.set(hashKey(key)!, { key, keySpan: key.span, value: pair.items[1]! });
      }
      return result;
    }
    case 'to_a':
    case 'entries':
      return array;
    case 'sample':
    case 'shuffle':
      return unknown('unsupported', `${expression} is random`, span);
    default:
      return unsupported(expression, span);
  }
}

function scalarKey(value: RValue): string | undefined {
  switch (value.t) {
    case 'nil':
    case 'bool':
    case 'str':
    case 'sym':
      return hashKey(value);
    case 'num':
      return `#${value.v}`;
    default:
      return undefined;
  }
}

function uniqueBy(items: RValue[]): RValue[] {
  const seen = new Set<string>();
  const result: RValue[] = [];
  for (const item of items) {
    const key = scalarKey(item) ?? `?${result.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result;
}

function pairsOf(rt: Runtime, hash: RHash, span: Span): RValue[] {
  return [...hash.entries.values()].map((entry) => rt.newArray([entry.key, entry.value], span));
}

function lookup(hash: RHash, key: RValue | undefined, span: Span, expression: Text): RValue | undefined {
  if (!key || !isHashKey(key)) return undefined;
  const entry = hash.entries.get(hashKey(key)!);
  if (entry) return entry.value;
  if (hash.open) return unknown('unsupported', `${expression}: the key may be set where media-lint cannot see`, span);
  return undefined;
}

function hashMethod(rt: Runtime, hash: RHash, name: string, args: RValue[], block: Block, span: Span, expression: Text): RValue {
  const arg = args[0];
  if (hash.entries.size > rt.limits.loopIterations && ['each', 'each_pair', 'map', 'select', 'reject', 'each_with_object', 'filter_map', 'flat_map', 'transform_values', 'transform_keys'].includes(name)) {
    if (block) rt.speculateBlock(block, span);
    return unsupported(expression, span);
  }
  switch (name) {
    case '[]': {
      if (arg && arg.t === 'unknown') return unknown(arg.reason, arg.detail, span);
      const value = lookup(hash, arg, span, expression);
      return value ?? (arg && isHashKey(arg) ? nil(span) : unsupported(expression, span));
    }
    case 'fetch': {
      const value = lookup(hash, arg, span, expression);
      if (value) return value;
      if (args[1]) return args[1];
      if (block && arg) return rt.callBlock(block, [arg]);
      return unknown('unsupported', `${expression} raises KeyError`, span);
    }
    case 'dig': {
      const value = lookup(hash, arg, span, expression);
      if (!value) return arg && isHashKey(arg) ? nil(span) : unsupported(expression, span);
      if (args.length === 1 || value.t === 'nil') return value;
      return rt.callMethod(value, 'dig', args.slice(1), undefined, span, expression);
    }
    case 'key?':
    case 'has_key?':
    case 'include?':
    case 'member?': {
      if (!arg || !isHashKey(arg)) return unsupported(expression, span);
      if (hash.entries.has(hashKey(arg)!)) return { t: 'bool', v: true, span };
      return hash.open ? unsupported(expression, span) : { t: 'bool', v: false, span };
    }
    case 'keys':
      return rt.newArray([...hash.entries.values()].map((entry) => entry.key), span, hash.open);
    case 'values':
      return rt.newArray([...hash.entries.values()].map((entry) => entry.value), span, hash.open);
    case 'values_at':
      return rt.newArray(args.map((key) => lookup(hash, key, span, expression) ?? nil(span)), span);
    case 'size':
    case 'length':
      return hash.open ? unsupported(expression, span) : num(hash.entries.size, span);
    case 'count':
      if (!block) return hash.open ? unsupported(expression, span) : num(hash.entries.size, span);
      break;
    case 'empty?':
      return hash.entries.size > 0 ? { t: 'bool', v: false, span } : hash.open ? unsupported(expression, span) : { t: 'bool', v: true, span };
    case 'each':
    case 'each_pair':
      return iterate(rt, 'each', pairsOf(rt, hash, span), hash.open, args, block, span, expression, hash) ?? unsupported(expression, span);
    case 'each_key':
    case 'each_value': {
      const items = [...hash.entries.values()].map((entry) => (name === 'each_key' ? entry.key : entry.value));
      return iterate(rt, 'each', items, hash.open, args, block, span, expression, hash) ?? unsupported(expression, span);
    }
    case 'select':
    case 'filter':
    case 'reject':
    case 'filter_map': {
      if (!block) return enumerator(rt, name, pairsOf(rt, hash, span), hash.open, span, true);
      if (name === 'filter_map') break;
      const result = rt.newHash(span, hash.open);
      let open = hash.open;
      const broken = rt.loopOver([...hash.entries.values()], (entry) => {
        const keep = truthy(rt.callBlock(block, [entry.key, entry.value]));
        if (keep === undefined) open = true;
        else if (keep === (name !== 'reject')) result.entries.set(hashKey(entry.key)!, entry);
      });
      if (broken) return broken.broken;
      if (hash.open) rt.speculateBlock(block, span);
      result.open = open;
      return result;
    }
    case 'transform_values':
    case 'transform_keys': {
      if (!block) return unsupported(expression, span);
      const result = rt.newHash(span, hash.open);
      const broken = rt.loopOver([...hash.entries.values()], (entry) => {
        if (name === 'transform_values') {
          result.entries.set(hashKey(entry.key)!, { ...entry, value: rt.callBlock(block, [entry.value]) });
          return;
        }
        const key = rt.callBlock(block, [entry.key]);
        if (!isHashKey(key)) result.open = true;
        else result.entries.set(hashKey(key)!, { key, keySpan: entry.keySpan, value: entry.value });
      });
      if (broken) return broken.broken;
      if (hash.open) rt.speculateBlock(block, span);
      return result;
    }
    case 'merge':
    case 'merge!':
    case 'update': {
      const inPlace = name !== 'merge';
      const target = inPlace ? hash : copyHash(rt, hash, span);
      for (const other of args) {
        if (other.t === 'nil') continue;
        if (other.t !== 'hash') {
          target.open = true;
          continue;
        }
        for (const [id, entry] of other.entries) {
          const existing = target.entries.get(id);
          const value = existing && block ? rt.callBlock(block, [entry.key, existing.value, entry.value]) : entry.value;
          if (inPlace) rt.setEntry(target, entry.key, entry.keySpan, value);
          else target.entries.set(id, value === entry.value ? entry : { ...entry, value });
          if (target.entries.size > rt.limits.collectionSize) return unknown('limit', 'the hash is too large', span);
        }
        if (other.open) target.open = true;
      }
      return target;
    }
    case '[]=':
    case 'store': {
      const [key, value] = args;
      if (!key || value === undefined || !isHashKey(key)) {
        hash.open = true;
        return value ?? unsupported(expression, span);
      }
      rt.setEntry(hash, key, key.span, value);
      return value;
    }
    case 'delete': {
      if (!arg || !isHashKey(arg)) return unsupported(expression, span);
      const id = hashKey(arg)!;
      const existing = hash.entries.get(id);
      if (!rt.canMutate(hash)) {
        if (existing) hash.entries.set(id, { ...existing, value: unknown('condition', 'deleted in a branch media-lint cannot decide', existing.value.span) });
        return unsupported(expression, span);
      }
      hash.entries.delete(id);
      return existing?.value ?? (hash.open ? unsupported(expression, span) : nil(span));
    }
    case 'slice':
    case 'except': {
      const ids = new Set(args.filter(isHashKey).map((key) => hashKey(key)!));
      const result = rt.newHash(span, name === 'except' && hash.open);
      for (const [id, entry] of hash.entries) if (ids.has(id) === (name === 'slice')) result.entries.set(id, entry);
      if (name === 'slice' && hash.open && [...ids].some((id) => !hash.entries.has(id))) result.open = true;
      return result;
    }
    case 'compact': {
      const result = rt.newHash(span, hash.open);
      for (const [id, entry] of hash.entries) if (entry.value.t !== 'nil') result.entries.set(id, entry);
      return result;
    }
    case 'to_h':
      if (!block) return hash;
      break;
    case 'to_a':
      return rt.newArray(pairsOf(rt, hash, span), span, hash.open);
    case 'any?':
      if (!block && args.length === 0) return hash.entries.size > 0 ? { t: 'bool', v: true, span } : hash.open ? unsupported(expression, span) : { t: 'bool', v: false, span };
      break;
    default:
      break;
  }
  const iterated = iterate(rt, name, pairsOf(rt, hash, span), hash.open, args, block, span, expression, hash);
  if (iterated !== undefined) return iterated;
  if (name === 'to_h' && block) return arrayMethod(rt, rt.newArray(pairsOf(rt, hash, span), span, hash.open), 'to_h', args, block, span, expression);
  if (name === 'filter_map' && block) return iterate(rt, 'filter_map', pairsOf(rt, hash, span), hash.open, args, block, span, expression, hash) ?? unsupported(expression, span);
  return unsupported(expression, span);
}

function rangeMethod(rt: Runtime, value: RValue & { t: 'range' }, name: string, args: RValue[], block: Block, span: Span, expression: Text): RValue {
  const last = value.exclusive ? value.to - 1 : value.to;
  const count = Math.max(0, last - value.from + 1);
  switch (name) {
    case 'size':
    case 'count':
      if (name === 'count' && (block || args.length > 0)) break;
      return num(count, span);
    case 'first':
      if (args.length === 0) return count > 0 ? num(value.from, span) : nil(span);
      break;
    case 'last':
    case 'max':
      if (args.length === 0 && !block) return count > 0 ? num(last, span) : nil(span);
      break;
    case 'min':
      if (args.length === 0 && !block) return count > 0 ? num(value.from, span) : nil(span);
      break;
    case 'include?':
    case 'member?':
    case 'cover?':
    case '===': {
      const arg = args[0];
      if (arg?.t !== 'num') return unsupported(expression, span);
      return { t: 'bool', v: arg.v >= value.from && arg.v <= last, span };
    }
    case 'to_s':
      return str(`${value.from}${value.exclusive ? '...' : '..'}${value.to}`, span);
    case 'step': {
      const step = args[0]?.t === 'num' ? args[0].v : 0;
      if (step <= 0 || count / step > rt.limits.loopIterations) {
        if (block) rt.speculateBlock(block, span);
        return unsupported(expression, span);
      }
      const items: RValue[] = [];
      for (let item = value.from; item <= last; item += step) items.push(num(item, span));
      return iterate(rt, 'each', items, false, [], block, span, expression, value) ?? unsupported(expression, span);
    }
    default:
      break;
  }
  if (count > rt.limits.loopIterations) {
    if (block) rt.speculateBlock(block, span);
    if (block && LIST_BUILDERS.has(name)) return rt.newArray([], span, true);
    return unknown('limit', `${expression} iterates more than ${rt.limits.loopIterations} times`, span);
  }
  const items: RValue[] = [];
  for (let item = value.from; item <= last; item++) items.push(num(item, span));
  const array = rt.newArray(items, span);
  const result = arrayMethod(rt, array, name, args, block, span, expression);
  return name === 'each' && result === array ? value : result;
}

function enumMethod(rt: Runtime, value: REnum, name: string, args: RValue[], block: Block, span: Span, expression: Text): RValue {
  switch (name) {
    case 'with_index':
    case 'each_with_index': {
      const offset = name === 'with_index' && args[0]?.t === 'num' ? args[0].v : 0;
      const pairs = value.items.map((item, position) => rt.newArray([item, num(position + offset, span)], span));
      if (!block) return enumerator(rt, value.method, pairs, value.open, span);
      const result = iterate(rt, value.method, pairs, value.open, [], block, span, expression, value);
      // `each.with_index { }` and `each_with_index { }` return the collection itself.
      if (value.method === 'each' && result === value) return rt.newArray(value.items, span, value.open);
      return result ?? unsupported(expression, span);
    }
    case 'with_object':
      return iterate(rt, 'each_with_object', value.items, value.open, args, block, span, expression, value) ?? unsupported(expression, span);
    case 'to_a':
    case 'entries':
    case 'force':
      return rt.newArray([...value.items], span, value.open);
    case 'size':
    case 'count':
      if (!block && args.length === 0) return value.open ? unsupported(expression, span) : num(value.items.length, span);
      break;
    default:
      break;
  }
  return arrayMethod(rt, rt.newArray([...value.items], span, value.open), name, args, block, span, expression);
}
