import { resolve } from 'node:path';
import type { ConfigProvider, ResolvedConfig } from '../config/resolve.js';
import { ResourceGraph } from '../graph/graph.js';
import type { Scope } from '../graph/resource.js';
import { fileStartSpan, SourceText } from '../graph/source.js';
import { frontEnds as defaultFrontEnds } from '../parsers/index.js';
import type { FrontEnd, InputFile, LoadDiagnostic, Suppression } from '../parsers/types.js';
import { allRules } from '../rules/index.js';
import { defaultSpecRegistry, type SpecRegistry } from '../specs/registry.js';
import { toolVersion } from '../version.js';
import { discoverFiles, displayPath } from './discover.js';
import type { Finding, Severity } from './finding.js';
import { compareFindings, dedupeFindings, findingFromDiagnostic } from './findings.js';
import { loaderRules } from './loader-rules.js';
import { isDefaultFrontEnd, lintInShards, planShards, shardCount, type ShardedLint } from './parallel.js';
import { readInputFile } from './read.js';
import type { LintReport } from './report.js';
import { defaultOptions, type Rule, type RuleMeta, type RuleOptionValue } from './rule.js';
import { runRule } from './run-rules.js';
import { selectShard, type Shard } from './shard.js';
import { applySuppressions, todayUtc } from './suppressions.js';

export interface LintOptions {
  /** Files, directories and globs. */
  paths: readonly string[];
  cwd: string;
  /** Run only these rule ids. */
  onlyRules?: readonly string[];
  /** Do not run these rule ids. */
  disabledRules?: readonly string[];
  /** Severity per rule id, overriding the default and the configuration. */
  severities?: ReadonlyMap<string, Severity>;
  /** Options per rule id, overriding the defaults in the rule's metadata and the configuration. */
  ruleOptions?: ReadonlyMap<string, Readonly<Record<string, RuleOptionValue>>>;
  /** Each file's configuration (preset, severities, options, ignore patterns, overrides; see
   * src/config/). Without it every rule runs at its default severity (the `all` preset). Looking a
   * configuration up may throw `ConfigError`. With `onlyRules`, the named rules run even where the
   * configuration turns them off (at their default severity there). */
  config?: ConfigProvider;
  /** Lint only one shard of the discovered files (`--shard I/N`, see shard.ts). */
  shard?: Shard;
  /** `YYYY-MM-DD` against which suppression `until` dates are compared; default: today in UTC. */
  today?: string;
  /** Called while files are read and rules run (the CLI draws a progress line on a terminal). */
  onProgress?: (progress: LintProgress) => void;
  /** Called once the files are read, before any is parsed, with the size of each front-end's input
   * (the CLI tunes WebAssembly compilation with it; see parsers/wasm.ts). */
  beforeParse?: (bytesByFrontEnd: ReadonlyMap<string, number>) => void;
  /** Terraform variable values: `--var-file` files and `--var name=value` (see `LoadOptions`). */
  varFiles?: readonly string[];
  vars?: readonly string[];
  frontEnds?: readonly FrontEnd[];
  rules?: readonly Rule[];
  specs?: SpecRegistry;
  /** Parse and check large inputs in worker threads: `auto` (one shard per core, the CLI's choice)
   * or a number of shards; 1 or unset: on this thread. Used only with the default front-ends,
   * rules and specs, above a size where it pays (see parallel.ts). The report is the same either
   * way; `graph` is then empty (each worker had its own). */
  workers?: number | 'auto';
  /** The weighted input size above which workers are used (parallel.ts's `parallelThreshold`);
   * lowered by tests to shard small inputs. */
  parallelThreshold?: number;
}

export interface LintProgress {
  phase: 'read' | 'parse' | 'rules';
  done: number;
  total: number;
}

export interface LintResult {
  report: LintReport;
  graph: ResourceGraph;
  /** One-line notes for stderr: files skipped because they are empty or binary. */
  notices: string[];
  /** Rules that threw: a bug in media-lint, reported without a stack trace. */
  internalErrors: string[];
  /** Findings that inline suppressions removed. */
  suppressed: number;
}

/** Files → front-ends → graph → rules → sorted findings. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const frontEnds = options.frontEnds ?? defaultFrontEnds;
  // Asked twice per file (discovery, then reading); a front-end may look into a `.json` file to decide.
  const claims = new Map<string, FrontEnd | undefined>();
  const claimant = (path: string) => {
    if (!claims.has(path)) claims.set(path, frontEnds.find((frontEnd) => frontEnd.claims(path)));
    return claims.get(path);
  };
  const discovery = discoverFiles(options.paths, options.cwd, (path) => claimant(path) !== undefined);
  const configs = new Map<string, ResolvedConfig | undefined>();
  /** The configuration of a file, by its reported path (relative to cwd, or absolute). */
  const configOf = (path: string): ResolvedConfig | undefined => {
    if (!options.config) return undefined;
    if (!configs.has(path)) configs.set(path, options.config.forFile(resolve(options.cwd, path)));
    return configs.get(path);
  };

  const diagnostics: LoadDiagnostic[] = [];
  const notices: string[] = [];
  const sources = new Map<string, SourceText>();
  for (const problem of discovery.problems) {
    diagnostics.push({ ruleId: 'file-error', severity: 'error', message: `${problem.path} ${problem.message}`, span: fileStartSpan(problem.path) });
  }

  const filesByFrontEnd = new Map<FrontEnd, InputFile[]>();
  const lintedPaths: string[] = [];
  let candidates = discovery.files.filter((discovered) => {
    const path = displayPath(discovered.absolutePath, options.cwd);
    const config = configOf(path);
    if (!config?.ignores(discovered.absolutePath)) return true;
    if (discovered.explicit) notices.push(`${path}: skipped, ignored by ${displayPath(config.file!, options.cwd)}`);
    return false;
  });
  if (options.shard) candidates = selectShard(candidates, options.shard, options.cwd);
  let filesRead = 0;
  for (const discovered of candidates) {
    options.onProgress?.({ phase: 'read', done: filesRead++, total: candidates.length });
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
    lintedPaths.push(path);
    const list = filesByFrontEnd.get(frontEnd);
    const input: InputFile = { path, absolutePath: discovered.absolutePath, source: outcome.source, explicit: discovered.explicit };
    if (list) list.push(input);
    else filesByFrontEnd.set(frontEnd, [input]);
  }

  const registry = options.rules ?? allRules;
  const explicitRules = options.onlyRules !== undefined && options.onlyRules.length > 0;
  /** A rule's severity in a file: the configuration's, unless `--rule` asked for a rule it turns off. */
  const severityIn = (meta: RuleMeta, path: string): Severity | 'off' => {
    const forced = options.severities?.get(meta.id);
    if (forced) return forced;
    const configured = configOf(path)?.severity(meta, resolve(options.cwd, path)) ?? meta.severity;
    return configured === 'off' && explicitRules && !loaderRules.includes(meta) ? meta.severity : configured;
  };
  const rules = selectRules(registry, options).filter((rule) => lintedPaths.length === 0 || lintedPaths.some((path) => severityIn(rule.meta, path) !== 'off'));
  const configsInUse = new Set(lintedPaths.length > 0 ? lintedPaths.map(configOf) : [undefined]);
  /** The distinct option sets a rule runs with, by key: one run over the graph per set, each
   * keeping the findings in the files whose configuration has those options. Usually one. */
  const groupsOf = (rule: Rule) => {
    const optionsOf = (config: ResolvedConfig | undefined) => ({ ...defaultOptions(rule.meta), ...config?.options(rule.meta.id), ...options.ruleOptions?.get(rule.meta.id) });
    const groups = new Map<string, Record<string, RuleOptionValue>>();
    for (const config of configsInUse) {
      const ruleOptions = optionsOf(config);
      groups.set(stableKey(ruleOptions), ruleOptions);
    }
    return { groups, optionsOf };
  };

  const scopes: Scope[] = [];
  const suppressions: Suppression[] = [];
  let filesLinted = 0;
  let filesParsed = 0;
  if (options.beforeParse) {
    const bytes = new Map<string, number>();
    for (const [frontEnd, files] of filesByFrontEnd) bytes.set(frontEnd.id, files.reduce((sum, file) => sum + file.source.text.length, 0));
    options.beforeParse(bytes);
  }
  // Large runs are parsed and checked in worker threads (parallel.ts), with the same report.
  const sharded = await inWorkers(options, filesByFrontEnd, rules, groupsOf);
  if (sharded) {
    diagnostics.push(...sharded.diagnostics);
    for (const failure of sharded.workerFailures) notices.push(`a worker thread failed (${failure.split('\n')[0]}); its files were linted on the main thread`);
    suppressions.push(...sharded.suppressions);
    for (const [path, text] of sharded.sources) sources.set(path, new SourceText(path, text));
    filesLinted = sharded.filesLinted;
  }
  for (const [frontEnd, files] of sharded ? [] : filesByFrontEnd) {
    options.onProgress?.({ phase: 'parse', done: filesParsed, total: lintedPaths.length });
    const result = await frontEnd.load(files, { cwd: options.cwd, varFiles: options.varFiles, vars: options.vars });
    filesParsed += files.length;
    scopes.push(...result.scopes);
    diagnostics.push(...result.diagnostics);
    suppressions.push(...(result.suppressions ?? []));
    for (const [path, source] of result.sources) sources.set(path, source);
    filesLinted += files.length - result.skipped.length;
  }

  const graph = new ResourceGraph(scopes);
  const specs = options.specs ?? defaultSpecRegistry();
  const findings: Finding[] = diagnostics.map(findingFromDiagnostic);
  const internalErrors: string[] = [];

  let rulesRun = 0;
  for (const rule of rules) {
    options.onProgress?.({ phase: 'rules', done: rulesRun++, total: rules.length });
    const { groups, optionsOf } = groupsOf(rule);
    let groupIndex = 0;
    // A finding is kept by the run whose options its file's configuration has; one in a file that
    // was read without being linted directly (a called Terraform module, an assembly's template),
    // whose configuration may have options no run used, is kept by the first run.
    const [firstKey] = groups.keys();
    const groupOf = (finding: Finding) => {
      const key = stableKey(optionsOf(configOf(finding.file)));
      return groups.has(key) ? key : firstKey;
    };
    for (const [key, ruleOptions] of groups) {
      const keep = groups.size === 1 ? () => true : (finding: Finding) => groupOf(finding) === key;
      const sink = (finding: Finding) => {
        const severity = severityIn(rule.meta, finding.file);
        if (severity === 'off' || !keep(finding)) return;
        finding.severity = severity;
        findings.push(finding);
      };
      const failure = sharded ? sharded.replay(rulesRun - 1, groupIndex++, sink) : runRule(rule, graph, specs, ruleOptions, sink);
      if (failure !== undefined) internalErrors.push(failure);
    }
  }

  const ran = new Set(rules.map((rule) => rule.meta.id));
  const suppression = applySuppressions(findings, suppressions, {
    knownRuleIds: registry.map((rule) => rule.meta.id),
    ranOn: (ruleId, file) => {
      const rule = ran.has(ruleId) ? registry.find((candidate) => candidate.meta.id === ruleId) : undefined;
      return rule !== undefined && severityIn(rule.meta, file) !== 'off';
    },
    severityOf: severityIn,
    today: options.today ?? todayUtc(),
  });

  const sorted = dedupeFindings(suppression.findings).sort(compareFindings);
  const report: LintReport = {
    findings: sorted,
    rules: [...loaderRules, ...rules.map((rule) => rule.meta)],
    sources,
    filesLinted,
    resourcesLinted: sharded ? sharded.resources : graph.resources.filter((resource) => resource.isMediaType).length,
    toolVersion,
    cwd: options.cwd,
  };
  return { report, graph, notices, internalErrors, suppressed: suppression.suppressed };
}

/** Runs the front-ends and rules in worker threads when asked and worth it; undefined otherwise. */
async function inWorkers(
  options: LintOptions,
  filesByFrontEnd: Map<FrontEnd, InputFile[]>,
  rules: readonly Rule[],
  groupsOf: (rule: Rule) => { groups: Map<string, Record<string, RuleOptionValue>> },
): Promise<ShardedLint | undefined> {
  if (options.workers === undefined || options.rules !== undefined || options.specs !== undefined) return undefined;
  if (![...filesByFrontEnd.keys()].every(isDefaultFrontEnd)) return undefined;
  const files = [...filesByFrontEnd].flatMap(([frontEnd, inputs]) =>
    inputs.map((input) => ({ frontEnd: frontEnd.id, path: input.path, absolutePath: input.absolutePath, text: input.source.text, explicit: input.explicit })),
  );
  const shards = planShards(files, shardCount(options.workers), options.parallelThreshold);
  if (!shards) return undefined;
  const plan = rules.map((rule) => ({ id: rule.meta.id, groups: [...groupsOf(rule).groups.values()] }));
  return lintInShards(shards, { cwd: options.cwd, ...(options.varFiles ? { varFiles: options.varFiles } : {}), ...(options.vars ? { vars: options.vars } : {}), rules: plan });
}

function stableKey(options: Record<string, RuleOptionValue>): string {
  return JSON.stringify(Object.keys(options).sort().map((name) => [name, options[name]]));
}

function selectRules(rules: readonly Rule[], options: LintOptions): Rule[] {
  const only = options.onlyRules && options.onlyRules.length > 0 ? new Set(options.onlyRules) : undefined;
  const disabled = new Set(options.disabledRules ?? []);
  return rules.filter((rule) => (!only || only.has(rule.meta.id)) && !disabled.has(rule.meta.id));
}
