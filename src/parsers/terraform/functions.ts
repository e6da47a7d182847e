import type { Span } from '../../graph/source.js';
import type { ListValue, Property, Value } from '../../graph/value.js';
import {
  boolOf,
  errorValue,
  fromPlain,
  isSet,
  isWhollyKnown,
  known,
  list,
  markSet,
  member,
  numberOf,
  object,
  plainOf,
  property,
  sameValue,
  stringOf,
  unknown,
  unknownFrom,
} from './values.js';

/**
 * Terraform's built-in functions that configurations use to compute settings. Each takes its
 * evaluated arguments and returns a value; a function whose result depends on something not
 * known returns an unknown value, never a guess. Values picked out of arguments (`lookup`,
 * `element`, `coalesce`, `merge`, `concat`) keep their own spans, so a finding still points at the
 * literal. Functions not in the table (`file`, `templatefile`, `timestamp`, …) evaluate to an
 * unknown value.
 *
 * `jsonencode(x)` deliberately returns `x` itself rather than a JSON string: the settings the
 * AWS API receives as a JSON document (`settings_json` of the awscc MediaConvert resources) are
 * then checked member by member, as they are from CloudFormation.
 */
type Impl = (args: Value[], span: Span) => Value;

/** Largest list a function builds (`range`): beyond it the result is unknown. */
const MAX_ITEMS = 10_000;

function arity(args: Value[], min: number, max: number, name: string, span: Span): Value | undefined {
  if (args.length < min || args.length > max) return errorValue(`${name}() takes ${min === max ? min : `${min} to ${max === Infinity ? 'any number of' : max}`} arguments`, span);
  return undefined;
}

/** The arguments when all are wholly known, else the unknown result. */
function allKnown(args: Value[], span: Span, name: string): Value | undefined {
  if (args.every(isWhollyKnown)) return undefined;
  return unknownFrom(args, `${name}() of a value that is not known`, span);
}

function str(value: Value, name: string, span: Span): string | Value {
  const text = stringOf(value);
  if (text !== undefined) return text;
  if (value.kind === 'known') return errorValue(`${name}() needs a string`, span);
  return unknownFrom([value], `${name}() of a value that is not known`, span);
}

function num(value: Value, name: string, span: Span): number | Value {
  const number = numberOf(value);
  if (number !== undefined) return number;
  if (value.kind === 'known') return errorValue(`${name}() needs a number`, span);
  return unknownFrom([value], `${name}() of a value that is not known`, span);
}

function closedList(value: Value, name: string, span: Span): ListValue | Value {
  if (value.kind === 'list' && !value.open) return value;
  if (value.kind === 'known' || value.kind === 'object') return errorValue(`${name}() needs a list`, span);
  return unknownFrom([value], `${name}() of a list that is not known`, span);
}

const isValue = (candidate: unknown): candidate is Value => typeof candidate === 'object' && candidate !== null && 'kind' in candidate;

function stringFunction(name: string, transform: (text: string, ...rest: string[]) => string, count = 1): Impl {
  return (args, span) => {
    const problem = arity(args, count, count, name, span);
    if (problem) return problem;
    const texts: string[] = [];
    for (const argument of args) {
      const text = str(argument, name, span);
      if (isValue(text)) return text;
      texts.push(text);
    }
    return known(transform(texts[0]!, ...texts.slice(1)), span);
  };
}

function numberFunction(name: string, transform: (...numbers: number[]) => number, count = 1): Impl {
  return (args, span) => {
    const problem = arity(args, count, count, name, span);
    if (problem) return problem;
    const numbers: number[] = [];
    for (const argument of args) {
      const number = num(argument, name, span);
      if (isValue(number)) return number;
      numbers.push(number);
    }
    return known(transform(...numbers), span);
  };
}

function sortedKeys(properties: readonly Property[]): Property[] {
  return [...properties].sort((a, b) => (a.sourceName < b.sourceName ? -1 : a.sourceName > b.sourceName ? 1 : 0));
}

function dedupe(items: readonly Value[]): Value[] {
  const result: Value[] = [];
  for (const item of items) if (!result.some((other) => sameValue(other, item))) result.push(item);
  return result;
}

/** Go-style `format` verbs: `%s %d %f %v %q %t %x %o %b %e %%` with flags, width and precision. */
function formatString(template: string, args: Value[], span: Span): Value {
  let index = 0;
  let failure: Value | undefined;
  const result = template.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_match, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const argument = args[index++];
    if (!argument) {
      failure ??= errorValue('format() has too few arguments', span);
      return '';
    }
    let text: string;
    const plain = plainOf(argument);
    switch (verb) {
      case 'd': {
        const number = numberOf(argument);
        if (number === undefined) {
          failure ??= errorValue('format() %d needs a number', span);
          return '';
        }
        text = Math.trunc(number).toString();
        if (flags.includes('+') && number >= 0) text = `+${text}`;
        break;
      }
      case 'f':
      case 'e': {
        const number = numberOf(argument);
        if (number === undefined) {
          failure ??= errorValue(`format() %${verb} needs a number`, span);
          return '';
        }
        const digits = precision === undefined ? 6 : Number(precision);
        text = verb === 'f' ? number.toFixed(digits) : number.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
        break;
      }
      case 'x':
      case 'X':
      case 'o':
      case 'b': {
        const number = numberOf(argument);
        if (number === undefined) {
          failure ??= errorValue(`format() %${verb} needs a number`, span);
          return '';
        }
        text = Math.trunc(number).toString(verb === 'o' ? 8 : verb === 'b' ? 2 : 16);
        if (verb === 'X') text = text.toUpperCase();
        break;
      }
      case 'q':
        text = JSON.stringify(stringOf(argument) ?? '');
        break;
      case 't':
        text = String(boolOf(argument) ?? '');
        break;
      case 's':
      case 'v':
        text = typeof plain === 'object' && plain !== null ? JSON.stringify(plain) : (stringOf(argument) ?? (verb === 'v' ? 'null' : ''));
        if (precision !== undefined && verb === 's') text = text.slice(0, Number(precision));
        break;
      default:
        failure ??= errorValue(`format() does not support %${verb}`, span);
        return '';
    }
    const size = width === undefined ? 0 : Number(width);
    if (text.length < size) text = flags.includes('-') ? text.padEnd(size) : text.padStart(size, flags.includes('0') ? '0' : ' ');
    return text;
  });
  return failure ?? known(result, span);
}

const functions: Record<string, Impl> = {
  concat(args, span) {
    const items: Value[] = [];
    let open = false;
    for (const argument of args) {
      if (argument.kind === 'list') {
        items.push(...argument.items);
        if (argument.open) open = true;
      } else if (argument.kind === 'known' || argument.kind === 'object') {
        return errorValue('concat() needs lists', span);
      } else {
        open = true;
      }
    }
    return list(items, span, open);
  },

  merge(args, span) {
    let properties: Property[] = [];
    let open = false;
    for (const argument of args) {
      if (argument.kind === 'known' && argument.value === null) continue;
      if (argument.kind === 'object') {
        for (const entry of argument.properties) {
          properties = properties.filter((other) => other.sourceName !== entry.sourceName);
          properties.push(entry);
        }
        if (argument.open) open = true;
      } else if (argument.kind === 'known' || argument.kind === 'list') {
        return errorValue('merge() needs maps or objects', span);
      } else {
        // Keys of an unknown map may replace any key before it.
        properties = [];
        open = true;
      }
    }
    return object(properties, span, open);
  },

  lookup(args, span) {
    const problem = arity(args, 2, 3, 'lookup', span);
    if (problem) return problem;
    const [map, keyValue, fallback] = args as [Value, Value, Value | undefined];
    const key = str(keyValue, 'lookup', span);
    if (isValue(key)) return key;
    if (map.kind !== 'object') {
      if (map.kind === 'known' || map.kind === 'list') return errorValue('lookup() needs a map', span);
      return unknownFrom([map], 'lookup() in a map that is not known', span);
    }
    const found = member(map, key);
    if (found) return found.value;
    if (map.open) return unknown('unsupported', `lookup() of key ${key} in a map with keys that are not known`, span);
    return fallback ?? errorValue(`lookup() found no key ${JSON.stringify(key)}`, span);
  },

  element(args, span) {
    const problem = arity(args, 2, 2, 'element', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'element', span);
    if (items.kind !== 'list') return items;
    const position = num(args[1]!, 'element', span);
    if (isValue(position)) return position;
    if (items.items.length === 0) return errorValue('element() of an empty list', span);
    return items.items[((Math.trunc(position) % items.items.length) + items.items.length) % items.items.length]!;
  },

  length(args, span) {
    const problem = arity(args, 1, 1, 'length', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind === 'list' && !value.open) return known(value.items.length, span);
    if (value.kind === 'object' && !value.open) return known(value.properties.length, span);
    if (value.kind === 'known' && typeof value.value === 'string') return known([...value.value].length, span);
    if (value.kind === 'known') return errorValue('length() needs a collection or a string', span);
    return unknownFrom([value], 'length() of a value that is not known', span);
  },

  format(args, span) {
    if (args.length === 0) return errorValue('format() needs a format string', span);
    const unknownResult = allKnown(args, span, 'format');
    if (unknownResult) return unknownResult;
    const template = stringOf(args[0]!);
    if (template === undefined) return errorValue('format() needs a format string', span);
    return formatString(template, args.slice(1), span);
  },

  join(args, span) {
    if (args.length < 2) return errorValue('join() needs a separator and lists', span);
    const unknownResult = allKnown(args, span, 'join');
    if (unknownResult) return unknownResult;
    const separator = stringOf(args[0]!);
    const parts: string[] = [];
    for (const argument of args.slice(1)) {
      if (argument.kind !== 'list') return errorValue('join() needs lists', span);
      for (const item of argument.items) {
        const text = stringOf(item);
        if (text === undefined) return errorValue('join() needs strings', span);
        parts.push(text);
      }
    }
    return separator === undefined ? errorValue('join() needs a separator', span) : known(parts.join(separator), span);
  },

  split(args, span) {
    const problem = arity(args, 2, 2, 'split', span);
    if (problem) return problem;
    const separator = str(args[0]!, 'split', span);
    if (isValue(separator)) return separator;
    const text = str(args[1]!, 'split', span);
    if (isValue(text)) return text;
    return list(
      text.split(separator).map((part) => known(part, span)),
      span,
    );
  },

  lower: stringFunction('lower', (text) => text.toLowerCase()),
  upper: stringFunction('upper', (text) => text.toUpperCase()),
  title: stringFunction('title', (text) => text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase())),
  trimspace: stringFunction('trimspace', (text) => text.trim()),
  chomp: stringFunction('chomp', (text) => text.replace(/(\r?\n)+$/, '')),
  trimprefix: stringFunction('trimprefix', (text, prefix) => (prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text), 2),
  trimsuffix: stringFunction('trimsuffix', (text, suffix) => (suffix && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text), 2),
  trim: stringFunction(
    'trim',
    (text, characters = '') => {
      const set = new Set([...characters]);
      const chars = [...text];
      let start = 0;
      let end = chars.length;
      while (start < end && set.has(chars[start]!)) start++;
      while (end > start && set.has(chars[end - 1]!)) end--;
      return chars.slice(start, end).join('');
    },
    2,
  ),
  replace: stringFunction(
    'replace',
    (text, search = '', replacement = '') => {
      if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
        try {
          return text.replace(new RegExp(search.slice(1, -1), 'g'), replacement.replace(/\$\{(\w+)\}/g, '$$<$1>'));
        } catch {
          return text;
        }
      }
      return text.split(search).join(replacement);
    },
    3,
  ),

  substr(args, span) {
    const problem = arity(args, 3, 3, 'substr', span);
    if (problem) return problem;
    const text = str(args[0]!, 'substr', span);
    if (isValue(text)) return text;
    const offset = num(args[1]!, 'substr', span);
    if (isValue(offset)) return offset;
    const length = num(args[2]!, 'substr', span);
    if (isValue(length)) return length;
    const chars = [...text];
    const start = offset < 0 ? Math.max(0, chars.length + offset) : offset;
    return known(chars.slice(start, length < 0 ? undefined : start + length).join(''), span);
  },

  startswith: stringPredicate('startswith', (text, prefix) => text.startsWith(prefix)),
  endswith: stringPredicate('endswith', (text, suffix) => text.endsWith(suffix)),
  strcontains: stringPredicate('strcontains', (text, part) => text.includes(part)),

  min: numbersFunction('min', (numbers) => Math.min(...numbers)),
  max: numbersFunction('max', (numbers) => Math.max(...numbers)),
  sum(args, span) {
    const problem = arity(args, 1, 1, 'sum', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'sum', span);
    if (items.kind !== 'list') return items;
    return numbersFunction('sum', (numbers) => numbers.reduce((a, b) => a + b, 0))(items.items, span);
  },
  abs: numberFunction('abs', Math.abs),
  ceil: numberFunction('ceil', Math.ceil),
  floor: numberFunction('floor', Math.floor),
  signum: numberFunction('signum', Math.sign),
  pow: numberFunction('pow', Math.pow, 2),

  coalesce(args, span) {
    for (const argument of args) {
      if (argument.kind === 'known') {
        if (argument.value === null || argument.value === '') continue;
        return argument;
      }
      if (argument.kind === 'template' || argument.kind === 'list' || argument.kind === 'object') return argument;
      return unknownFrom([argument], 'coalesce() of a value that is not known', span);
    }
    return errorValue('coalesce() found no non-null, non-empty argument', span);
  },

  coalescelist(args, span) {
    for (const argument of args) {
      if (argument.kind === 'list') {
        if (argument.items.length > 0) return argument;
        if (argument.open) return unknown('unsupported', 'coalescelist() of a list whose length is not known', span);
        continue;
      }
      return unknownFrom([argument], 'coalescelist() of a value that is not known', span);
    }
    return errorValue('coalescelist() found no non-empty list', span);
  },

  tostring(args, span) {
    const problem = arity(args, 1, 1, 'tostring', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind === 'known') return value.value === null ? value : known(stringOf(value)!, value.span);
    if (value.kind === 'list' || value.kind === 'object') return errorValue('tostring() of a collection', span);
    return value;
  },

  tonumber(args, span) {
    const problem = arity(args, 1, 1, 'tonumber', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind === 'known' && value.value === null) return value;
    const number = num(value, 'tonumber', span);
    return isValue(number) ? number : known(number, value.span);
  },

  tobool(args, span) {
    const problem = arity(args, 1, 1, 'tobool', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind === 'known' && value.value === null) return value;
    const bool = boolOf(value);
    if (bool !== undefined) return known(bool, value.span);
    return value.kind === 'known' ? errorValue('tobool() needs true or false', span) : unknownFrom([value], 'tobool() of a value that is not known', span);
  },

  toset(args, span) {
    const problem = arity(args, 1, 1, 'toset', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'toset', span);
    if (items.kind !== 'list') return items;
    if (!items.items.every(isWhollyKnown)) return unknownFrom(items.items, 'toset() of values that are not known', span);
    let unique = dedupe(items.items);
    if (unique.every((item) => item.kind === 'known' && typeof item.value === 'string')) {
      unique = [...unique].sort((a, b) => (stringOf(a)! < stringOf(b)! ? -1 : 1));
    }
    return markSet(list(unique, items.span));
  },

  tolist(args, span) {
    const problem = arity(args, 1, 1, 'tolist', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind === 'list') return isSet(value) ? list(value.items, value.span, value.open === true) : value;
    return value.kind === 'known' || value.kind === 'object' ? errorValue('tolist() needs a list or set', span) : value;
  },

  tomap(args, span) {
    const problem = arity(args, 1, 1, 'tomap', span);
    if (problem) return problem;
    const value = args[0]!;
    return value.kind === 'known' || value.kind === 'list' ? errorValue('tomap() needs an object', span) : value;
  },

  keys(args, span) {
    const problem = arity(args, 1, 1, 'keys', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind !== 'object' || value.open) return value.kind === 'known' || value.kind === 'list' ? errorValue('keys() needs a map', span) : unknownFrom([value], 'keys() of a map that is not known', span);
    return list(
      sortedKeys(value.properties).map((entry) => known(entry.sourceName, entry.keySpan)),
      span,
    );
  },

  values(args, span) {
    const problem = arity(args, 1, 1, 'values', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind !== 'object' || value.open) return value.kind === 'known' || value.kind === 'list' ? errorValue('values() needs a map', span) : unknownFrom([value], 'values() of a map that is not known', span);
    return list(
      sortedKeys(value.properties).map((entry) => entry.value),
      span,
    );
  },

  contains(args, span) {
    const problem = arity(args, 2, 2, 'contains', span);
    if (problem) return problem;
    const unknownResult = allKnown(args, span, 'contains');
    if (unknownResult) return unknownResult;
    const items = args[0]!;
    if (items.kind !== 'list') return errorValue('contains() needs a list', span);
    return known(
      items.items.some((item) => sameValue(item, args[1]!)),
      span,
    );
  },

  index(args, span) {
    const problem = arity(args, 2, 2, 'index', span);
    if (problem) return problem;
    const unknownResult = allKnown(args, span, 'index');
    if (unknownResult) return unknownResult;
    const items = args[0]!;
    if (items.kind !== 'list') return errorValue('index() needs a list', span);
    const position = items.items.findIndex((item) => sameValue(item, args[1]!));
    return position < 0 ? errorValue('index() found no such item', span) : known(position, span);
  },

  distinct(args, span) {
    const problem = arity(args, 1, 1, 'distinct', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'distinct', span);
    if (items.kind !== 'list') return items;
    if (!items.items.every(isWhollyKnown)) return unknownFrom(items.items, 'distinct() of values that are not known', span);
    return list(dedupe(items.items), span);
  },

  flatten(args, span) {
    const problem = arity(args, 1, 1, 'flatten', span);
    if (problem) return problem;
    const items: Value[] = [];
    let open = false;
    const visit = (value: Value): Value | undefined => {
      if (value.kind === 'list') {
        if (value.open) open = true;
        for (const item of value.items) {
          const failure = visit(item);
          if (failure) return failure;
        }
        return undefined;
      }
      if (value.kind === 'unknown') return unknownFrom([value], 'flatten() of a value that is not known', span);
      items.push(value);
      return undefined;
    };
    const top = args[0]!;
    if (top.kind !== 'list') return top.kind === 'known' || top.kind === 'object' ? errorValue('flatten() needs a list', span) : unknownFrom([top], 'flatten() of a value that is not known', span);
    const failure = visit(top);
    return failure ?? list(items, span, open);
  },

  compact(args, span) {
    const problem = arity(args, 1, 1, 'compact', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'compact', span);
    if (items.kind !== 'list') return items;
    if (!items.items.every((item) => item.kind === 'known')) return unknownFrom(items.items, 'compact() of values that are not known', span);
    return list(
      items.items.filter((item) => item.kind === 'known' && item.value !== null && item.value !== ''),
      span,
    );
  },

  reverse(args, span) {
    const problem = arity(args, 1, 1, 'reverse', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'reverse', span);
    return items.kind === 'list' ? list([...items.items].reverse(), span) : items;
  },

  sort(args, span) {
    const problem = arity(args, 1, 1, 'sort', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'sort', span);
    if (items.kind !== 'list') return items;
    if (!items.items.every((item) => stringOf(item) !== undefined)) return unknownFrom(items.items, 'sort() of values that are not known strings', span);
    return list(
      [...items.items].sort((a, b) => (stringOf(a)! < stringOf(b)! ? -1 : stringOf(a)! > stringOf(b)! ? 1 : 0)),
      span,
    );
  },

  slice(args, span) {
    const problem = arity(args, 3, 3, 'slice', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'slice', span);
    if (items.kind !== 'list') return items;
    const start = num(args[1]!, 'slice', span);
    if (isValue(start)) return start;
    const end = num(args[2]!, 'slice', span);
    if (isValue(end)) return end;
    if (start < 0 || end > items.items.length || start > end) return errorValue('slice() indexes are out of range', span);
    return list(items.items.slice(start, end), span);
  },

  one(args, span) {
    const problem = arity(args, 1, 1, 'one', span);
    if (problem) return problem;
    const items = closedList(args[0]!, 'one', span);
    if (items.kind !== 'list') return items;
    if (items.items.length === 0) return known(null, span);
    return items.items.length === 1 ? items.items[0]! : errorValue('one() of a list with more than one item', span);
  },

  range(args, span) {
    const problem = arity(args, 1, 3, 'range', span);
    if (problem) return problem;
    const numbers: number[] = [];
    for (const argument of args) {
      const number = num(argument, 'range', span);
      if (isValue(number)) return number;
      numbers.push(number);
    }
    const [start, limit, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? (numbers[1]! >= numbers[0]! ? 1 : -1)];
    if (step === 0) return errorValue('range() step must not be 0', span);
    const count = Math.ceil((limit - start) / step);
    if (count > MAX_ITEMS) return unknown('limit', `range() of ${count} items is larger than media-lint evaluates (${MAX_ITEMS})`, span);
    const items: Value[] = [];
    for (let index = 0; index < count; index++) items.push(known(start + index * step, span));
    return list(items, span);
  },

  zipmap(args, span) {
    const problem = arity(args, 2, 2, 'zipmap', span);
    if (problem) return problem;
    const keys = closedList(args[0]!, 'zipmap', span);
    if (keys.kind !== 'list') return keys;
    const values = closedList(args[1]!, 'zipmap', span);
    if (values.kind !== 'list') return values;
    const properties: Property[] = [];
    for (let index = 0; index < keys.items.length; index++) {
      const key = stringOf(keys.items[index]!);
      if (key === undefined) return unknownFrom([keys.items[index]!], 'zipmap() of keys that are not known', span);
      const value = values.items[index];
      if (!value) return errorValue('zipmap() needs as many values as keys', span);
      properties.push(property(key, keys.items[index]!.span, value));
    }
    return object(properties, span);
  },

  jsonencode(args, span) {
    const problem = arity(args, 1, 1, 'jsonencode', span);
    return problem ?? args[0]!;
  },

  jsondecode(args, span) {
    const problem = arity(args, 1, 1, 'jsondecode', span);
    if (problem) return problem;
    const value = args[0]!;
    if (value.kind === 'object' || value.kind === 'list') return value; // jsondecode(jsonencode(x))
    const text = str(value, 'jsondecode', span);
    if (isValue(text)) return text;
    try {
      return fromPlain(JSON.parse(text), span);
    } catch {
      return errorValue('jsondecode() of text that is not JSON', span);
    }
  },
};

function stringPredicate(name: string, test: (text: string, other: string) => boolean): Impl {
  return (args, span) => {
    const problem = arity(args, 2, 2, name, span);
    if (problem) return problem;
    const text = str(args[0]!, name, span);
    if (isValue(text)) return text;
    const other = str(args[1]!, name, span);
    if (isValue(other)) return other;
    return known(test(text, other), span);
  };
}

function numbersFunction(name: string, reduce: (numbers: number[]) => number): Impl {
  return (args, span) => {
    if (args.length === 0) return errorValue(`${name}() needs at least one number`, span);
    const numbers: number[] = [];
    for (const argument of args) {
      const number = num(argument, name, span);
      if (isValue(number)) return number;
      numbers.push(number);
    }
    return known(reduce(numbers), span);
  };
}

export function callFunction(name: string, args: Value[], span: Span): Value {
  const impl = Object.hasOwn(functions, name) ? functions[name] : undefined;
  if (!impl) return unknown('unsupported', `${name}() is not evaluated by media-lint`, span);
  return impl(args, span);
}
