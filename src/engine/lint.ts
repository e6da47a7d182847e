import { ResourceGraph } from '../graph/graph.js';
import type { Scope } from '../graph/resource.js';
import { fileStartSpan, type SourceText } from '../graph/source.js';
import { frontEnds as defaultFrontEnds } from '../parsers/index.js';
import type { FrontEnd, InputFile, LoadDiagnostic } from '../parsers/types.js';
import { allRules } from '../rules/index.js';
import { defaultSpecRegistry, type SpecRegistry } from '../specs/registry.js';
import { toolVersion } from '../version.js';
import { discoverFiles, displayPath } from './discover.js';
import type { Finding, Severity } from './finding.js';
import { compareFindings, dedupeFindings, findingFromDiagnostic, findingFromReport } from './findings.js';
import { loaderRules } from './loader-rules.js';
import { readInputFile } from './read.js';
import type { LintReport } from './report.js';
import { defaultOptions, type Rule, type RuleContext, type RuleOptionValue } from './rule.js';

export interface LintOptions {
  /** Files, directories and globs. */
  paths: readonly string[];
  cwd: string;
  /** Run only these rule ids. */
  onlyRules?: readonly string[];
  /** Do not run these rule ids. */
  disabledRules?: readonly string[];
  /** Severity per rule id, overriding the default. */
  severities?: ReadonlyMap<string, Severity>;
  /** Options per rule id, overriding the defaults in the rule's metadata. */
  ruleOptions?: ReadonlyMap<string, Readonly<Record<string, RuleOptionValue>>>;
  frontEnds?: readonly FrontEnd[];
  rules?: readonly Rule[];
  specs?: SpecRegistry;
}

export interface LintResult {
  report: LintReport;
  graph: ResourceGraph;
  /** One-line notes for stderr: files skipped because they are empty or binary. */
  notices: string[];
  /** Rules that threw: a bug in media-lint, reported without a stack trace. */
  internalErrors: string[];
}

/** Files → front-ends → graph → rules → sorted findings. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const frontEnds = options.frontEnds ?? defaultFrontEnds;
  const claimant = (path: string) => frontEnds.find((frontEnd) => frontEnd.claims(path));
  const discovery = discoverFiles(options.paths, options.cwd, (path) => claimant(path) !== undefined);

  const diagnostics: LoadDiagnostic[] = [];
  const notices: string[] = [];
  const sources = new Map<string, SourceText>();
  for (const problem of discovery.problems) {
    diagnostics.push({ ruleId: 'file-error', severity: 'error', message: `${problem.path} ${problem.message}`, span: fileStartSpan(problem.path) });
  }

  const filesByFrontEnd = new Map<FrontEnd, InputFile[]>();
  for (const discovered of discovery.files) {
    const path = displayPath(discovered.absolutePath, options.cwd);
    const frontEnd = claimant(discovered.absolutePath);
    if (!frontEnd) {
      if (discovered.explicit) notices.push(`${path}: skipped, media-lint does not read this kind of file`);
      continue;
    }
    const outcome = readInputFile(discovered.absolutePath, path);
    if (outcome.kind === 'skip') {
      if (discovered.explicit) notices.push(`${path}: skipped, ${outcome.reason}`);
      continue;
    }
    if (outcome.kind === 'error') {
      const span = fileStartSpan(path);
      if (outcome.line !== undefined) span.start = span.end = { line: outcome.line, column: outcome.column ?? 1, offset: 0 };
      diagnostics.push({ ruleId: 'file-error', severity: 'error', message: `${path} ${outcome.message}`, span });
      continue;
    }
    sources.set(path, outcome.source);
    const list = filesByFrontEnd.get(frontEnd);
    const input: InputFile = { path, absolutePath: discovered.absolutePath, source: outcome.source, explicit: discovered.explicit };
    if (list) list.push(input);
    else filesByFrontEnd.set(frontEnd, [input]);
  }

  const scopes: Scope[] = [];
  let filesLinted = 0;
  for (const [frontEnd, files] of filesByFrontEnd) {
    const result = await frontEnd.load(files, { cwd: options.cwd });
    scopes.push(...result.scopes);
    diagnostics.push(...result.diagnostics);
    for (const [path, source] of result.sources) sources.set(path, source);
    filesLinted += files.length - result.skipped.length;
  }

  const graph = new ResourceGraph(scopes);
  const specs = options.specs ?? defaultSpecRegistry();
  const rules = selectRules(options.rules ?? allRules, options);
  const findings: Finding[] = diagnostics.map(findingFromDiagnostic);
  const internalErrors: string[] = [];

  for (const rule of rules) {
    const severity = options.severities?.get(rule.meta.id) ?? rule.meta.severity;
    const context: RuleContext = {
      graph,
      specs,
      options: { ...defaultOptions(rule.meta), ...options.ruleOptions?.get(rule.meta.id) },
      resources: (type) => graph.ofType(type),
      resolve: (reference, from) => graph.resolve(reference, from.scope),
      report: (descriptor) => findings.push(findingFromReport(rule.meta, descriptor, severity)),
    };
    try {
      rule.check(context);
    } catch (error) {
      internalErrors.push(`rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const sorted = dedupeFindings(findings).sort(compareFindings);
  const report: LintReport = {
    findings: sorted,
    rules: [...loaderRules, ...rules.map((rule) => rule.meta)],
    sources,
    filesLinted,
    resourcesLinted: graph.resources.filter((resource) => resource.isMediaType).length,
    toolVersion,
    cwd: options.cwd,
  };
  return { report, graph, notices, internalErrors };
}

function selectRules(rules: readonly Rule[], options: LintOptions): Rule[] {
  const only = options.onlyRules && options.onlyRules.length > 0 ? new Set(options.onlyRules) : undefined;
  const disabled = new Set(options.disabledRules ?? []);
  return rules.filter((rule) => (!only || only.has(rule.meta.id)) && !disabled.has(rule.meta.id));
}
