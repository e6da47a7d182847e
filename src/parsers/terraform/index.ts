import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readTextFileSafely } from '../../engine/read.js';
import type { Scope } from '../../graph/resource.js';
import { fileStartSpan, SourceText, type Span } from '../../graph/source.js';
import type { Value } from '../../graph/value.js';
import { claimsTerraform, isTerraformConfigurationFile, isTerraformPlanText } from '../claims.js';
import { emptyLoadResult, type FrontEnd, type Suppression, type InputFile, type LoadDiagnostic, type LoadOptions, type LoadResult } from '../types.js';
import { convertHclFile } from './hcl.js';
import { parseCliVariable, readTfvars } from './inputs.js';
import { convertJsonFile } from './json.js';
import { definitionOf, ModuleInstance, type ModuleSession, type ModuleSource } from './module.js';
import { readPlan } from './plan.js';
import { collectSuppressions } from './suppressions.js';
import type { ParsedFile, SyntaxProblem } from './syntax.js';
import { loadTerraformParser, type TerraformParser } from './tree-sitter.js';

/**
 * The Terraform front-end. Reads `.tf` (HCL, parsed with tree-sitter) and `.tf.json` files the way
 * Terraform does: all configuration files of one directory form one module, evaluated with its
 * variables (defaults, `terraform.tfvars`, `*.auto.tfvars`, `--var-file`, `--var`), locals,
 * `count` / `for_each` instances, dynamic blocks and local module calls. `terraform show -json`
 * output (plans, state) is read too: files named `*.tfplan.json`, and any `.json` file whose first
 * keys are `format_version` and `terraform_version` (the CloudFormation front-end leaves those to
 * this one). `.tfvars` files are not inputs of their own: they are read for the module in their
 * directory.
 *
 * Only the files handed to the front-end make up a module: linting a directory reads all its
 * `.tf` files, naming one file reads that file alone (with the directory's tfvars). A directory
 * that another linted directory calls as a local module is linted through that call, with the
 * caller's arguments, rather than on its own.
 */

/** Instances (resources and module calls) one load creates at most, across all modules. */
const INSTANCE_BUDGET = 100_000;


export const terraformFrontEnd: FrontEnd = {
  id: 'terraform',
  claims: claimsTerraform,
  async load(files: InputFile[], options: LoadOptions): Promise<LoadResult> {
    const loader = new Loader(files, options);
    try {
      return await loader.run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      loader.result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: `Terraform front-end failed: ${message}`, span: fileStartSpan(files[0]?.path ?? '') });
      return loader.result;
    }
  },
};

function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** A module file or variables file found on disk, read only if it is a regular file of a sane size. */
function readText(absolutePath: string): string | undefined {
  const text = readTextFileSafely(absolutePath);
  return text !== undefined && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

class Loader implements ModuleSession {
  readonly result: LoadResult = emptyLoadResult();
  private readonly suppressions: Suppression[] = [];
  private parser: TerraformParser | undefined;
  private parserError: string | undefined;
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly modules = new Map<string, ModuleSource | undefined>();
  /** Module files handed to the front-end, by absolute directory. */
  private readonly handed = new Map<string, InputFile[]>();
  instanceBudget = INSTANCE_BUDGET;

  constructor(
    private readonly files: InputFile[],
    private readonly options: LoadOptions,
  ) {}

  async run(): Promise<LoadResult> {
    const plans: InputFile[] = [];
    for (const file of this.files) {
      const lower = file.path.toLowerCase();
      if (lower.endsWith('.json') && isTerraformPlanText(file.source.text)) plans.push(file);
      else if (isTerraformConfigurationFile(file.path)) {
        const directory = path.dirname(file.absolutePath);
        const list = this.handed.get(directory);
        if (list) list.push(file);
        else this.handed.set(directory, [file]);
      } else if (lower.endsWith('.tfplan.json')) {
        this.problem(file.source, { start: 0, end: 0, message: 'This file is named like a Terraform plan but is not `terraform show -json` output (no format_version and terraform_version).' });
      } else {
        this.result.skipped.push(file.path);
      }
    }
    if (this.handed.size > 0) {
      try {
        this.parser = await loadTerraformParser();
      } catch (error) {
        this.parserError = error instanceof Error ? error.message : String(error);
      }
    }
    for (const directory of this.rootDirectories()) this.guard(directory, () => this.root(directory));
    for (const plan of plans) {
      this.guard(plan.path, () => {
        const outcome = readPlan(plan.source);
        for (const problem of outcome.problems) this.problem(plan.source, problem);
        this.result.scopes.push(...outcome.scopes);
        this.result.sources.set(plan.source.file, plan.source);
      });
    }
    if (this.suppressions.length > 0) this.result.suppressions = this.suppressions;
    return this.result;
  }

  /** Never throw: an unexpected failure on one module becomes a diagnostic on it. */
  private guard(where: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: `Cannot read the Terraform configuration: ${message.split('\n')[0]}`, span: fileStartSpan(where) });
    }
  }

  diagnostic(diagnostic: LoadDiagnostic): void {
    this.result.diagnostics.push(diagnostic);
  }

  private problem(source: SourceText, problem: SyntaxProblem): void {
    this.result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: problem.message, span: source.span(problem.start, problem.end) });
    this.result.sources.set(source.file, source);
  }

  /** Parses a configuration file once, reporting its syntax errors and collecting its
   * suppression comments. */
  private parse(source: SourceText, absolutePath: string): ParsedFile {
    const cached = this.parsed.get(absolutePath);
    if (cached) return cached;
    let parsed: ParsedFile;
    const unreadable = (message: string): ParsedFile => ({ src: source, body: { src: source, start: 0, end: 0, items: [], error: true }, problems: [{ start: 0, end: 0, message }], directives: [] });
    try {
      if (absolutePath.toLowerCase().endsWith('.json')) {
        parsed = convertJsonFile(source, this.parser);
      } else if (this.parser) {
        parsed = convertHclFile(source, this.parser.parse(source.text));
      } else {
        parsed = unreadable(`Cannot load the HCL parser: ${this.parserError ?? 'unknown error'}`);
      }
    } catch (error) {
      // One unreadable file (nested beyond the stack, say) is reported on its own; the other files
      // of its module and the other modules are still read.
      const message = error instanceof Error ? error.message : String(error);
      parsed = unreadable(error instanceof RangeError ? 'Nesting too deep to read' : `Cannot read the file: ${message.split('\n')[0]}`);
    }
    this.parsed.set(absolutePath, parsed);
    this.result.sources.set(source.file, source);
    for (const problem of parsed.problems) this.problem(source, problem);
    if (parsed.directives.length > 0) this.suppressions.push(...collectSuppressions(parsed));
    return parsed;
  }

  module(directory: string): ModuleSource | undefined {
    if (this.modules.has(directory)) return this.modules.get(directory);
    let files: ParsedFile[];
    const given = this.handed.get(directory);
    if (given) {
      files = given.map((file) => this.parse(file.source, file.absolutePath));
    } else {
      let names: string[];
      try {
        names = statSync(directory).isDirectory() ? readdirSync(directory).filter(isTerraformConfigurationFile).sort() : [];
      } catch {
        names = [];
      }
      files = [];
      for (const name of names) {
        const absolutePath = path.join(directory, name);
        const text = readText(absolutePath);
        if (text === undefined) continue;
        files.push(this.parse(new SourceText(displayPath(absolutePath, this.options.cwd), text), absolutePath));
      }
    }
    const source = files.length > 0 ? { dir: directory, displayDir: displayPath(directory, this.options.cwd), files } : undefined;
    this.modules.set(directory, source);
    return source;
  }

  /** Handed directories that no other handed directory calls as a local module (those are read
   * through their callers), plus any that only a call cycle reaches. */
  private rootDirectories(): string[] {
    const directories = [...this.handed.keys()];
    const calls = new Map<string, string[]>();
    for (const directory of directories) {
      const source = this.module(directory);
      const targets: string[] = [];
      for (const call of source ? definitionOf(source).moduleCalls.values() : []) {
        for (const item of call.body.items) {
          if (item.kind !== 'attribute' || item.name !== 'source' || item.expr.kind !== 'literal' || typeof item.expr.value !== 'string') continue;
          if (!/^\.\.?([/\\]|$)/.test(item.expr.value)) continue;
          const target = path.resolve(directory, item.expr.value);
          if (target !== directory && this.handed.has(target)) targets.push(target);
        }
      }
      calls.set(directory, targets);
    }
    const called = new Set([...calls.values()].flat());
    const roots = directories.filter((directory) => !called.has(directory));
    const reached = new Set<string>();
    const reach = (directory: string) => {
      if (reached.has(directory)) return;
      reached.add(directory);
      for (const target of calls.get(directory) ?? []) reach(target);
    };
    roots.forEach(reach);
    for (const directory of directories) {
      if (reached.has(directory)) continue;
      roots.push(directory);
      reach(directory);
    }
    return roots;
  }

  private root(directory: string): void {
    const source = this.module(directory);
    if (!source) return;
    const instance = new ModuleInstance(definitionOf(source), this, {
      scopeId: source.displayDir,
      addressPrefix: '',
      inputs: this.rootInputs(directory),
      stack: [realPath(directory)],
    });
    const scopes: Scope[] = instance.build();
    this.result.scopes.push(...scopes);
  }

  /** Root variable values: tfvars files of the directory, `--var-file`, `--var`. */
  private rootInputs(directory: string): { values: Map<string, Value>; placeless: Set<string> } {
    const values = new Map<string, Value>();
    const placeless = new Set<string>();
    let names: string[] = [];
    try {
      names = readdirSync(directory);
    } catch {
      // a module read from the files given: no tfvars
    }
    const automatic = [
      ...['terraform.tfvars', 'terraform.tfvars.json'].filter((name) => names.includes(name)),
      ...names.filter((name) => name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')).sort(),
    ];
    for (const name of automatic) this.readVariableFile(path.join(directory, name), values, undefined);
    for (const file of this.options.varFiles ?? []) this.readVariableFile(path.resolve(this.options.cwd, file), values, file);
    const place: Span = fileStartSpan('<command line>');
    for (const assignment of this.options.vars ?? []) {
      const parsed = parseCliVariable(assignment, this.parser, place);
      if (!parsed) continue;
      values.set(parsed.name, parsed.value);
      placeless.add(parsed.name);
    }
    return { values, placeless };
  }

  private readonly variableFiles = new Map<string, Map<string, Value> | undefined>();

  private readVariableFile(absolutePath: string, into: Map<string, Value>, given: string | undefined): void {
    if (!this.variableFiles.has(absolutePath)) {
      const text = readText(absolutePath);
      if (text === undefined) {
        this.variableFiles.set(absolutePath, undefined);
        if (given !== undefined) {
          this.result.diagnostics.push({ ruleId: 'file-error', severity: 'error', message: `${given} (--var-file) cannot be read`, span: fileStartSpan(given) });
        }
      } else {
        const source = new SourceText(displayPath(absolutePath, this.options.cwd), text);
        const file = readTfvars(source, this.parser);
        this.result.sources.set(source.file, source);
        for (const problem of file.problems) this.problem(source, problem);
        this.variableFiles.set(absolutePath, file.values);
      }
    }
    for (const [name, value] of this.variableFiles.get(absolutePath) ?? []) into.set(name, value);
  }
}
