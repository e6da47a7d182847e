import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ResourceGraph } from '../graph/graph.js';
import type { Scope } from '../graph/resource.js';
import { SourceText, type Span } from '../graph/source.js';
import { frontEnds } from '../parsers/index.js';
import type { FrontEnd, InputFile, LoadDiagnostic, Suppression } from '../parsers/types.js';
import { allRules } from '../rules/index.js';
import { defaultSpecRegistry } from '../specs/registry.js';
import type { Finding } from './finding.js';
import type { RuleOptionValue } from './rule.js';
import { runRule } from './run-rules.js';

/**
 * Parallel linting for large runs: the files are split into shards, and each shard is parsed and
 * checked by every rule in a worker thread (one shard stays on the main thread). The main thread
 * then merges the shards' findings rule by rule and applies configuration, suppressions and the
 * sort exactly as for a single graph, so the report is byte-identical to a run without workers.
 *
 * That holds because rules are local to a scope (a template, a Terraform module, a Pangea
 * template): a shard holds whole scopes. Files that a front-end reads together stay together (a
 * Terraform directory and the local modules it calls; a CDK assembly and its templates), and so do
 * the files of the one cross-scope relation rules draw, multiplex programs that name their
 * multiplex by a literal id. test/engine/parallel.test.ts compares sharded and single runs over
 * every example and fixture.
 *
 * Workers pay for their start (a V8 isolate, the parsers and rules loaded again), so they are used
 * only above `parallelThreshold` of weighted input (MEDIA_LINT_PARALLEL_THRESHOLD overrides it),
 * with at most one shard per available core (MEDIA_LINT_WORKERS sets the count; 1: no workers).
 */

export interface ShardFile {
  frontEnd: string;
  path: string;
  absolutePath: string;
  text: string;
  explicit: boolean;
}

export interface ShardRule {
  id: string;
  /** The distinct option sets the rule runs with (usually one), in the order the engine uses them. */
  groups: Array<Record<string, RuleOptionValue>>;
}

export interface ShardJob {
  cwd: string;
  varFiles?: readonly string[];
  vars?: readonly string[];
  files: ShardFile[];
  rules: ShardRule[];
}

type PlainSpan = Pick<Span, 'file' | 'start' | 'end'>;

export interface ShardResult {
  diagnostics: LoadDiagnostic[];
  suppressions: Suppression[];
  /** Sources the front-ends added or read from disk (cloud-assembly templates, module files). */
  sources: Array<[string, string]>;
  filesLinted: number;
  /** Media resources in the shard's graph. */
  resources: number;
  /** Per rule (index in the job), per group: the findings, in the order reported. */
  findings: Finding[][][];
  /** Per rule, per group: the failure message when the rule threw. */
  failures: Array<Array<string | undefined>>;
}

function plainSpan(span: Span): PlainSpan {
  return { file: span.file, start: { ...span.start }, end: { ...span.end } };
}

/** Parses and checks one shard: the work of one worker (or of the main thread). */
export async function runShard(job: ShardJob): Promise<ShardResult> {
  const scopes: Scope[] = [];
  const result: ShardResult = { diagnostics: [], suppressions: [], sources: [], filesLinted: 0, resources: 0, findings: [], failures: [] };
  const texts = new Map(job.files.map((file) => [file.path, file.text]));
  for (const frontEnd of frontEnds) {
    const files = job.files.filter((file) => file.frontEnd === frontEnd.id);
    if (files.length === 0) continue;
    const inputs: InputFile[] = files.map((file) => ({ path: file.path, absolutePath: file.absolutePath, source: new SourceText(file.path, file.text), explicit: file.explicit }));
    const loaded = await frontEnd.load(inputs, { cwd: job.cwd, varFiles: job.varFiles, vars: job.vars });
    scopes.push(...loaded.scopes);
    for (const diagnostic of loaded.diagnostics) result.diagnostics.push({ ...diagnostic, span: plainSpan(diagnostic.span) });
    for (const suppression of loaded.suppressions ?? []) result.suppressions.push({ ...suppression, span: plainSpan(suppression.span), lines: { ...suppression.lines } });
    for (const [path, source] of loaded.sources) if (texts.get(path) !== source.text) result.sources.push([path, source.text]);
    result.filesLinted += files.length - loaded.skipped.length;
  }
  const graph = new ResourceGraph(scopes);
  result.resources = graph.resources.filter((resource) => resource.isMediaType).length;
  const specs = defaultSpecRegistry();
  const registry = new Map(allRules.map((rule) => [rule.meta.id, rule]));
  for (const planned of job.rules) {
    const rule = registry.get(planned.id);
    const perGroup: Finding[][] = [];
    const failures: Array<string | undefined> = [];
    for (const options of planned.groups) {
      const findings: Finding[] = [];
      failures.push(rule ? runRule(rule, graph, specs, options, (finding) => findings.push(finding)) : `rule ${planned.id} is not known to the worker`);
      perGroup.push(findings);
    }
    result.findings.push(perGroup);
    result.failures.push(failures);
  }
  return result;
}

/** Relative cost of a byte of each format (parse, evaluation and rules), measured on the benchmark corpora. */
const costPerByte: Record<string, (path: string) => number> = {
  terraform: () => 4.5,
  cloudformation: (path) => (path.toLowerCase().endsWith('.json') ? 1 : 3),
  pangea: () => 2,
};

/** Below this weighted size (about a thousand resources of YAML), workers cost more than they save. */
export const parallelThreshold = 3_000_000;

/** Files whose scopes rules relate across scopes: multiplex programs that name their multiplex by
 * a literal id are grouped with every program naming the same id (support/multiplex.ts). */
const crossScope = /multiplex_?program|Multiplexprogram/i;

interface Unit {
  files: ShardFile[];
  cost: number;
}

/** A local module call in Terraform (`source = "./modules/x"`, or `"source": "../x"` in .tf.json). */
const localModuleSource = /["']?\bsource["']?\s*[=:]\s*"(\.\.?(?:[/\\][^"]*)?)"/g;

/** The directory of a path, for `/` and `\` separators alike. */
function directoryOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '.' : file.slice(0, cut) || '/';
}

/** Joins `.`/`..` segments of a relative module source onto a directory (posix or Windows separators). */
function joinDirectory(directory: string, relative: string): string {
  const separator = directory.includes('\\') && !directory.includes('/') ? '\\' : '/';
  const parts = directory.split(/[/\\]/);
  for (const segment of relative.split(/[/\\]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') parts.push(segment);
    else if (parts.length > 1) parts.pop();
  }
  return parts.join(separator);
}

/**
 * The units of work that must stay in one shard, as groups of files: a Terraform module directory
 * with every directory it calls or is called from by a local `source` (a called module is read
 * through its caller, not as a root of its own), a CDK assembly with its templates, the files that
 * relate across scopes (multiplex programs by literal id, with their whole Terraform directory);
 * every other template and Pangea file on its own. Deterministic, in input order.
 */
export function planUnits(files: readonly ShardFile[]): ShardFile[][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    if (!parent.has(key)) {
      parent.set(key, key);
      return key;
    }
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = key; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent.set(rootB, rootA);
  };
  const assemblies = files.some((file) => file.frontEnd === 'cloudformation' && /(^|[/\\])manifest\.json$/i.test(file.path));
  const keys = files.map((file, index) => {
    let key: string;
    if (file.frontEnd === 'terraform') {
      const directory = directoryOf(file.absolutePath);
      key = `terraform:${directory}`;
      for (const match of file.text.matchAll(localModuleSource)) union(key, `terraform:${joinDirectory(directory, match[1]!)}`);
    } else if (file.frontEnd === 'pangea' || (file.frontEnd === 'cloudformation' && !assemblies)) key = `file:${index}`;
    else key = `front-end:${file.frontEnd}`;
    if (crossScope.test(file.text)) union('cross-scope', key);
    return key;
  });
  const groups = new Map<string, ShardFile[]>();
  files.forEach((file, index) => {
    const root = find(keys[index]!);
    const group = groups.get(root);
    if (group) group.push(file);
    else groups.set(root, [file]);
  });
  return [...groups.values()];
}

/**
 * Splits the files into at most `count` shards of whole units (see planUnits), or returns undefined
 * when the run is too small to gain from workers. Deterministic: the same files give the same shards.
 */
export function planShards(files: readonly ShardFile[], count: number, threshold = parallelThreshold): ShardFile[][] | undefined {
  if (count < 2) return undefined;
  const cost = (file: ShardFile) => file.text.length * (costPerByte[file.frontEnd]?.(file.path) ?? 3);
  const total = files.reduce((sum, file) => sum + cost(file), 0);
  if (total < threshold) return undefined;
  const units: Unit[] = planUnits(files).map((group) => ({ files: group, cost: group.reduce((sum, file) => sum + cost(file), 0) }));
  if (units.length < 2) return undefined;
  // Largest first onto the lightest shard; ties by input order.
  const order = units.map((unit, index) => ({ unit, index })).sort((a, b) => b.unit.cost - a.unit.cost || a.index - b.index);
  const shards = Array.from({ length: Math.min(count, units.length) }, () => ({ units: [] as Array<{ unit: Unit; index: number }>, cost: 0 }));
  for (const entry of order) {
    let lightest = shards[0]!;
    for (const shard of shards) if (shard.cost < lightest.cost) lightest = shard;
    lightest.units.push(entry);
    lightest.cost += entry.unit.cost;
  }
  // Within a shard, files keep their input order.
  return shards.map((shard) => shard.units.sort((a, b) => a.index - b.index).flatMap((entry) => entry.unit.files)).filter((shard) => shard.length > 0);
}

/** The worker script next to this module: dist/engine/ or the CLI bundle (absent under tsx and
 * vitest, which run the TypeScript sources: then there are no workers). */
function workerScript(): URL | undefined {
  const url = new URL('./lint-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** How many shards a run may use: `workers` as asked, `auto` one per available core (at most four). */
export function shardCount(workers: number | 'auto'): number {
  if (workers === 'auto') return Math.min(4, availableParallelism());
  return Math.max(1, Math.floor(workers));
}

export interface ShardedLint {
  diagnostics: LoadDiagnostic[];
  suppressions: Suppression[];
  sources: Array<[string, string]>;
  filesLinted: number;
  resources: number;
  /** Workers that failed, whose shards were then linted on this thread (the report is the same;
   * the notice says the run was slower than it should have been, and why). */
  workerFailures: string[];
  /** The findings of a rule (by its index in the plan) for one option group, in shard order, and
   * the rule's failure message if it threw in some shard. */
  replay(ruleIndex: number, groupIndex: number, sink: (finding: Finding) => void): string | undefined;
}

/**
 * Runs the shards (the first on this thread, the others in workers) and combines them. Returns
 * undefined when there are no workers to use (then the caller lints on its own thread).
 */
export async function lintInShards(shards: ShardFile[][], job: Omit<ShardJob, 'files'>): Promise<ShardedLint | undefined> {
  const script = workerScript();
  if (!script || shards.length < 2) return undefined;
  const workerFailures: string[] = [];
  const inWorker = (files: ShardFile[]): Promise<ShardResult> =>
    new Promise<ShardResult>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { ...job, files } satisfies ShardJob });
      worker.once('message', (result: ShardResult) => resolve(result));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a lint worker stopped with code ${code}`)));
    }).catch((error: unknown) => {
      // A worker that fails: do its shard here instead.
      workerFailures.push(error instanceof Error ? error.message : String(error));
      return runShard({ ...job, files });
    });
  const pending = shards.slice(1).map(inWorker);
  const results = [await runShard({ ...job, files: shards[0]! }), ...(await Promise.all(pending))];
  return {
    diagnostics: results.flatMap((result) => result.diagnostics),
    suppressions: results.flatMap((result) => result.suppressions),
    sources: results.flatMap((result) => result.sources),
    filesLinted: results.reduce((sum, result) => sum + result.filesLinted, 0),
    resources: results.reduce((sum, result) => sum + result.resources, 0),
    workerFailures,
    replay(ruleIndex, groupIndex, sink) {
      let failure: string | undefined;
      for (const result of results) {
        for (const finding of result.findings[ruleIndex]?.[groupIndex] ?? []) sink(finding);
        failure ??= result.failures[ruleIndex]?.[groupIndex];
      }
      return failure;
    },
  };
}

/** Whether a front-end is one of the defaults, which a worker can run (custom ones cannot cross threads). */
export function isDefaultFrontEnd(frontEnd: FrontEnd): boolean {
  return frontEnds.includes(frontEnd);
}
