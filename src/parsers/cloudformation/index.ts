import * as path from 'node:path';
import { readTextFileSafely } from '../../engine/read.js';
import { fileStartSpan, SourceText, type Span } from '../../graph/source.js';
import { baseName, claimsCloudFormation, isKnownNonTemplate, isTerraformPlanText } from '../claims.js';
import { emptyLoadResult, type FrontEnd, type InputFile, type LoadOptions, type LoadResult } from '../types.js';
import { readCloudAssembly, type AssemblyStack } from './cloud-assembly.js';
import { parseJsonTemplate } from './json.js';
import type { SyntaxOutcome } from './raw.js';
import { collectSuppressions } from './suppressions.js';
import { buildScope, type TemplateOptions } from './template.js';
import { parseYamlTemplate } from './yaml.js';

function isJsonFile(file: string, text: string): boolean {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return true;
  if (!lower.endsWith('.template')) return false;
  const first = /\S/.exec(text);
  return first?.[0] === '{';
}

function parseFile(source: SourceText): SyntaxOutcome & { yaml: boolean } {
  if (!isJsonFile(source.file, source.text)) return { ...parseYamlTemplate(source), yaml: true };
  const outcome = parseJsonTemplate(source);
  // A `.template` file that starts with `{` may still be YAML written in flow style.
  if (outcome.status === 'error' && !source.file.toLowerCase().endsWith('.json')) {
    const yaml = parseYamlTemplate(source);
    if (yaml.status === 'template') return { ...yaml, yaml: true };
  }
  return { ...outcome, yaml: false };
}

/** Whether a file that failed to parse was probably meant to be a CloudFormation template. */
export function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?(AWS|Custom)::[A-Za-z0-9]+::/.test(text);
}

function reportedPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolutePath;
}

/** A file a cloud assembly names, read only if it is a regular file of a sane size. */
function readTextFile(absolutePath: string): string | undefined {
  const text = readTextFileSafely(absolutePath);
  return text !== undefined && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

class Loader {
  readonly result: LoadResult = { ...emptyLoadResult(), suppressions: [] };
  private readonly byAbsolutePath = new Map<string, InputFile>();
  /** Files already read through a cloud assembly (or as one of its manifests). */
  private readonly handled = new Set<string>();
  private readonly manifestsRead = new Set<string>();

  constructor(
    private readonly files: InputFile[],
    private readonly options: LoadOptions,
  ) {
    for (const file of files) this.byAbsolutePath.set(file.absolutePath, file);
  }

  run(): LoadResult {
    for (const file of this.files) {
      if (baseName(file.path) === 'manifest.json' && !this.manifestsRead.has(file.absolutePath)) this.guard(file.source, () => this.assembly(file));
    }
    for (const file of this.files) {
      if (this.handled.has(file.absolutePath)) continue;
      if (isKnownNonTemplate(file.path)) {
        this.result.skipped.push(file.path);
        continue;
      }
      this.guard(file.source, () => this.template(file.source, undefined, file.explicit));
    }
    return this.result;
  }

  /** Never throw: an unexpected failure on one file becomes a diagnostic on that file. */
  private guard(source: SourceText, action: () => void): void {
    try {
      action();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.diagnostic('parse-error', `Cannot read the file: ${message.split('\n')[0]}`, fileStartSpan(source.file), source);
    }
  }

  private assembly(file: InputFile): void {
    const assembly = readCloudAssembly(
      file.absolutePath,
      file.source.text,
      (absolutePath) => this.byAbsolutePath.get(absolutePath)?.source.text ?? readTextFile(absolutePath),
      this.options.cwd,
      this.manifestsRead,
    );
    if (!assembly) return;
    for (const manifest of assembly.manifests) this.handled.add(manifest);
    for (const problem of assembly.problems) {
      const source = this.sourceOf(problem.manifestPath);
      const span = source && problem.range ? source.span(problem.range.start, problem.range.end) : fileStartSpan(reportedPath(problem.manifestPath, this.options.cwd));
      this.diagnostic('file-error', problem.message, span, source);
    }
    for (const stack of assembly.stacks) this.assemblyStack(stack);
  }

  private assemblyStack(stack: AssemblyStack): void {
    if (this.handled.has(stack.templatePath)) return;
    this.handled.add(stack.templatePath);
    const source = this.sourceOf(stack.templatePath);
    if (!source) {
      const manifest = this.sourceOf(stack.manifestPath);
      const span =
        manifest && stack.templateFileRange
          ? manifest.span(stack.templateFileRange.start, stack.templateFileRange.end)
          : fileStartSpan(reportedPath(stack.manifestPath, this.options.cwd));
      this.diagnostic('file-error', `The template of stack ${stack.stackName} (${stack.templatePath}) cannot be read`, span, manifest);
      return;
    }
    this.guard(source, () => this.template(source, { cdk: { stackName: stack.stackName, constructs: stack.constructs } }));
  }

  /** The text of a file: the input file when given, else read from disk (cloud-assembly members). */
  private readonly diskSources = new Map<string, SourceText | undefined>();
  private sourceOf(absolutePath: string): SourceText | undefined {
    const given = this.byAbsolutePath.get(absolutePath);
    if (given) return given.source;
    if (!this.diskSources.has(absolutePath)) {
      const text = readTextFile(absolutePath);
      this.diskSources.set(absolutePath, text === undefined ? undefined : new SourceText(reportedPath(absolutePath, this.options.cwd), text));
    }
    return this.diskSources.get(absolutePath);
  }

  private template(source: SourceText, options?: TemplateOptions, explicit = true): void {
    // `terraform show -json` output: the Terraform front-end reads it (it claims such files first).
    if (isTerraformPlanText(source.text)) {
      this.result.skipped.push(source.file);
      return;
    }
    const outcome = parseFile(source);
    if (outcome.status === 'not-template') {
      this.result.skipped.push(source.file);
    } else if (outcome.status === 'error' && !explicit && !looksLikeTemplate(source.text)) {
      // Found while walking a directory, unparseable, and nothing suggests a template (a Helm
      // chart, a JSON file with comments): not ours to report.
      this.result.skipped.push(source.file);
    } else if (outcome.status === 'error') {
      this.diagnostic('parse-error', outcome.message, source.span(outcome.start, outcome.end), source);
    } else {
      this.result.scopes.push(buildScope(outcome.root, source, options));
      this.result.sources.set(source.file, source);
      this.result.suppressions!.push(...collectSuppressions(outcome.root, source, outcome.yaml));
    }
  }

  private diagnostic(ruleId: 'parse-error' | 'file-error', message: string, span: Span, source: SourceText | undefined): void {
    this.result.diagnostics.push({ ruleId, severity: 'error', message, span });
    if (source) this.result.sources.set(source.file, source);
  }
}

/**
 * The CloudFormation front-end: JSON and YAML templates (with short-form tags) and the templates of
 * CDK cloud assemblies (`cdk.out/manifest.json`).
 */
export const cloudFormationFrontEnd: FrontEnd = {
  id: 'cloudformation',
  claims: claimsCloudFormation,
  load(files: InputFile[], options: LoadOptions): LoadResult {
    try {
      return new Loader(files, options).run();
    } catch (error) {
      const result = emptyLoadResult();
      const message = error instanceof Error ? error.message : String(error);
      const file = files[0]?.path ?? '';
      result.diagnostics.push({ ruleId: 'parse-error', severity: 'error', message: `CloudFormation front-end failed: ${message}`, span: fileStartSpan(file) });
      return result;
    }
  },
};
