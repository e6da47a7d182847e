import type { Severity } from '../engine/finding.js';
import type { Scope } from '../graph/resource.js';
import type { SourceText, Span } from '../graph/source.js';

/**
 * A problem the loader found before any rule ran: a file that cannot be parsed (`parse-error`),
 * read or decoded (`file-error`), or a construct the front-end does not follow (`not-followed`).
 */
export interface LoadDiagnostic {
  ruleId: 'parse-error' | 'file-error' | 'not-followed';
  severity: Severity;
  message: string;
  span: Span;
}

/** One input file, read and decoded. */
export interface InputFile {
  /** Path as reported in findings (relative to the working directory when inside it). */
  path: string;
  /** Absolute path. */
  absolutePath: string;
  source: SourceText;
  /** True when the user named this file; false when it was found by walking a directory or a glob.
   * A front-end may skip a discovered file that fails to parse and does not look like its format
   * (a Helm chart's `templates/*.yaml`), but must report an explicitly named one. */
  explicit: boolean;
}

export interface LoadResult {
  scopes: Scope[];
  diagnostics: LoadDiagnostic[];
  /** Source texts by reported path, for code frames. */
  sources: Map<string, SourceText>;
  /** Files this front-end looked at and decided are not for it (package.json, Kubernetes
   * manifests): skipped silently. */
  skipped: string[];
  /** Inline suppressions found in the files (`# media-lint-ignore …` comments, CloudFormation
   * `Metadata: { media-lint: { ignore: […] } }`), each with the lines it covers. The front-end only
   * collects them; `src/engine/suppressions.ts` decides what they suppress and reports unused,
   * expired and invalid ones. `parseSuppressionComment` there reads the comment syntax. */
  suppressions?: Suppression[];
}

/** One inline suppression, as written: `# media-lint-ignore <rule-id>[, …]: <reason> [until YYYY-MM-DD]`. */
export interface Suppression {
  /** Rule ids as written (the engine reports unknown ones, with a suggestion). */
  ruleIds: string[];
  /** Why the findings are accepted. Required: missing or empty is reported as `suppression/invalid`. */
  reason?: string;
  /** Expiry as written (`YYYY-MM-DD`); after that day the suppression no longer applies. */
  until?: string;
  /** Where the directive is written (the comment, the Metadata entry): findings about it point here. */
  span: Span;
  /** The lines of `span.file` it covers, 1-based and inclusive: the next line, or the whole block
   * that line opens (a resource, a mapping, a Terraform block, a Ruby call). */
  lines: { start: number; end: number };
  /** What is wrong with how the directive is written, when it cannot be read fully. */
  problem?: string;
}

/**
 * A front-end turns the files of one input format into scopes of the common resource graph.
 * It never decides what is wrong; it reports only what stops it from reading the input.
 */
export interface FrontEnd {
  readonly id: string;
  /** Whether this front-end reads files with this name (by extension or name). */
  claims(path: string): boolean;
  load(files: InputFile[], options: LoadOptions): Promise<LoadResult> | LoadResult;
}

export interface LoadOptions {
  /** Working directory, for making paths relative. */
  cwd: string;
  /** Terraform: `--var-file` files (relative to `cwd`) in command-line order; a later file wins. */
  varFiles?: readonly string[];
  /** Terraform: `--var name=value` assignments in command-line order; they win over every file. */
  vars?: readonly string[];
}

export function emptyLoadResult(): LoadResult {
  return { scopes: [], diagnostics: [], sources: new Map(), skipped: [] };
}
