import { parseTree, type ParseError } from 'jsonc-parser';
import { SourceText, type Span } from '../../graph/source.js';
import type { Value } from '../../graph/value.js';
import { describeJsonError } from '../cloudformation/json.js';
import { Env, Evaluator, type EvalHost } from './evaluate.js';
import { convertHclFile } from './hcl.js';
import { entriesOf, jsonValue } from './json.js';
import type { SyntaxProblem } from './syntax.js';
import type { TerraformParser } from './tree-sitter.js';
import { known, unknown } from './values.js';

/**
 * Values for root module variables: `terraform.tfvars`, `*.auto.tfvars` and `--var-file` files
 * (HCL or JSON), and `--var name=value` from the command line. A value keeps the span of its
 * literal in the tfvars file; `--var` values have no file and take the span of their use.
 */

/** tfvars files may only hold literal values: anything else is unknown. */
const literalHost: EvalHost = {
  variable: (name, use) => unknown('unsupported', `a tfvars file cannot refer to var.${name}`, use),
  local: (name, use) => unknown('unsupported', `a tfvars file cannot refer to local.${name}`, use),
  resource: (type, name, use) => unknown('unsupported', `a tfvars file cannot refer to ${type}.${name}`, use),
  module: (name, use) => unknown('unsupported', `a tfvars file cannot refer to module.${name}`, use),
  charge: () => true,
};

const literalEvaluator = new Evaluator(literalHost);

export interface TfvarsFile {
  values: Map<string, Value>;
  problems: SyntaxProblem[];
}

export function readTfvars(src: SourceText, parser: TerraformParser | undefined): TfvarsFile {
  const values = new Map<string, Value>();
  if (src.file.toLowerCase().endsWith('.json')) {
    const errors: ParseError[] = [];
    const root = parseTree(src.text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first) return { values, problems: [{ start: first.offset, end: first.offset + first.length, message: describeJsonError(first, src.text) }] };
    for (const [key, , value] of entriesOf(root)) values.set(key, jsonValue(value, src));
    return { values, problems: [] };
  }
  if (!parser) return { values, problems: [{ start: 0, end: 0, message: 'The HCL parser is not available to read this file.' }] };
  const parsed = convertHclFile(src, parser.parse(src.text));
  for (const item of parsed.body.items) {
    if (item.kind === 'attribute') values.set(item.name, literalEvaluator.evaluate(item.expr, Env.empty));
  }
  return { values, problems: parsed.problems };
}

/** Parses `--var name=value`: a value that looks like a list or object is read as HCL, anything
 * else is the string itself (Terraform converts it to the variable's type). */
export function parseCliVariable(assignment: string, parser: TerraformParser | undefined, place: Span): { name: string; value: Value } | undefined {
  const equals = assignment.indexOf('=');
  if (equals <= 0) return undefined;
  const name = assignment.slice(0, equals).trim();
  const raw = assignment.slice(equals + 1);
  const trimmed = raw.trim();
  if (parser && (trimmed.startsWith('[') || trimmed.startsWith('{'))) {
    const file = readTfvarsText(`value = ${trimmed}\n`, parser);
    const value = file.get('value');
    if (value) return { name, value };
  }
  return { name, value: known(raw, place) };
}

function readTfvarsText(text: string, parser: TerraformParser): Map<string, Value> {
  const values = new Map<string, Value>();
  const source = new SourceText('<command line>', text);
  const parsed = convertHclFile(source, parser.parse(text));
  if (parsed.problems.length > 0) return values;
  for (const item of parsed.body.items) if (item.kind === 'attribute') values.set(item.name, literalEvaluator.evaluate(item.expr, Env.empty));
  return values;
}
