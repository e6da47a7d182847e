/**
 * `npm run bench`: media-lint's performance benchmark.
 *
 *   npm run build && npm run bench -- [--sizes 1000,10000] [--formats json,yaml,terraform,pangea]
 *                                     [--repeat 3] [--seed 8] [--no-validate] [--no-mixed] [--no-small]
 *                                     [--no-eslint] [--quick]
 *
 * 1. Writes deterministic corpora (bench/corpus.ts; seeded, with planted defects) to bench/corpus/
 *    (git-ignored), once: a corpus is rewritten only when the generator, the seed or the size change.
 * 2. For each corpus, runs the built CLI (`node bin/media-lint.js --format json`) in a child process
 *    and reports wall time from process start, resources per second and peak RSS
 *    (`process.resourceUsage().maxRSS`, through bench/stats.mjs), the median of `--repeat` runs;
 *    the floor (bench/floor.mjs: the same parser libraries over the same files, no graph); the
 *    1k→10k scaling; which planted defects were reported.
 * 3. On the CloudFormation corpora, runs AWS's @aws/cloudformation-validate side by side
 *    (bench/cfn-validate.mjs): both times, both memory peaks, the ratio, the defects each caught.
 * 4. A mixed-format corpus (the stacks dealt to the four formats) and a single small file
 *    (`node bin/media-lint.js examples/cloudformation/live-channel.yaml`, 10 runs, median).
 * 5. The ESLint plugin's benchmark, bench/eslint-plugin.ts (skipped with --no-eslint).
 *
 * Each figure is printed with the load average, since the machine may be shared. Results are also
 * written to bench/corpus/results.json.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFormats, writeCorpus, type CorpusFormat, type CorpusManifest } from './corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = join(root, 'bench/corpus');

// ---------------------------------------------------------------------------------------------
// Options.

interface Options {
  sizes: number[];
  formats: CorpusFormat[];
  repeat: number;
  seed: number;
  validate: boolean;
  mixed: boolean;
  small: boolean;
  eslint: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [1000, 10_000], formats: [...corpusFormats], repeat: 3, seed: 8, validate: true, mixed: true, small: true, eslint: true };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      return next;
    };
    if (argument === '--sizes') options.sizes = value().split(',').map(Number);
    else if (argument === '--formats') options.formats = value().split(',') as CorpusFormat[];
    else if (argument === '--repeat') options.repeat = Number(value());
    else if (argument === '--seed') options.seed = Number(value());
    else if (argument === '--no-validate') options.validate = false;
    else if (argument === '--no-mixed') options.mixed = false;
    else if (argument === '--no-small') options.small = false;
    else if (argument === '--no-eslint') options.eslint = false;
    else if (argument === '--quick') {
      options.sizes = [1000];
      options.repeat = 1;
    } else throw new Error(`unknown option ${argument}`);
  }
  for (const format of options.formats) if (!corpusFormats.includes(format)) throw new Error(`unknown format ${format}`);
  return options;
}

// ---------------------------------------------------------------------------------------------
// Corpora.

function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of ['bench/corpus.ts', 'test/parsers/terraform-translate.ts', 'test/parsers/pangea-translate.ts']) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

function corpus(format: CorpusFormat | 'mixed', resources: number, seed: number): { directory: string; manifest: CorpusManifest } {
  const directory = join(corpusRoot, `${format}-${resources}`);
  const manifestPath = join(corpusRoot, `${format}-${resources}.manifest.json`);
  const key = `${generatorHash()}:${seed}`;
  if (existsSync(manifestPath) && existsSync(directory)) {
    const stored = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest & { key: string };
    if (stored.key === key) return { directory, manifest: stored };
  }
  const started = performance.now();
  const manifest = writeCorpus(directory, format, resources, seed);
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key }));
  console.log(`  wrote ${relative(root, directory)}: ${manifest.files.length} files, ${mib(manifest.bytes)}, ${manifest.defects.length} planted defects (${ms(performance.now() - started)})`);
  return { directory, manifest };
}

// ---------------------------------------------------------------------------------------------
// Measurement.

interface ProcessRun {
  wallMs: number;
  maxRssKb: number;
  cpuMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node [--import stats.mjs] args…` and measures it. */
function runNode(args: readonly string[], options: { cwd?: string; stats?: boolean } = {}): ProcessRun {
  const statsFile = join(corpusRoot, `.stats-${process.pid}.json`);
  rmSync(statsFile, { force: true });
  const nodeArgs = options.stats === false ? [...args] : ['--import', join(root, 'bench/stats.mjs'), ...args];
  const started = performance.now();
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: options.cwd ?? root,
    env: { ...process.env, MEDIA_LINT_BENCH_STATS: statsFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const stats = existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as { maxRssKb: number; cpuMs: number }) : { maxRssKb: NaN, cpuMs: NaN };
  rmSync(statsFile, { force: true });
  return { wallMs, maxRssKb: stats.maxRssKb, cpuMs: stats.cpuMs, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Measured {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  runs: number;
}

function measure(repeat: number, run: () => ProcessRun): { measured: Measured; last: ProcessRun } {
  const runs: ProcessRun[] = [];
  for (let index = 0; index < repeat; index++) runs.push(run());
  return {
    measured: {
      wallMs: median(runs.map((entry) => entry.wallMs)),
      cpuMs: median(runs.map((entry) => entry.cpuMs)),
      maxRssMb: Math.max(...runs.map((entry) => entry.maxRssKb)) / 1024,
      runs: repeat,
    },
    last: runs[runs.length - 1]!,
  };
}

const ms = (value: number) => `${value >= 10_000 ? (value / 1000).toFixed(1) + ' s' : value.toFixed(0) + ' ms'}`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

// ---------------------------------------------------------------------------------------------
// Findings and planted defects.

interface JsonFinding {
  ruleId: string;
  file: string;
  resource?: { address: string };
}

/** `U00012Channel`, `aws_medialive_channel.u00012_channel`, `:u00012_channel` → `u00012channel`. */
function resourceKey(address: string): string {
  const last = address.split('.').pop() ?? address;
  return last.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function caughtByMediaLint(manifest: CorpusManifest, findings: readonly JsonFinding[]): { caught: number; missed: string[] } {
  const index = new Set(findings.map((finding) => `${finding.file}\u0000${finding.ruleId}\u0000${finding.resource ? resourceKey(finding.resource.address) : ''}`));
  const missed: string[] = [];
  for (const defect of manifest.defects) {
    if (!index.has(`${defect.file}\u0000${defect.rule}\u0000${resourceKey(defect.logicalId)}`)) missed.push(`${defect.file} ${defect.logicalId} ${defect.kind}`);
  }
  return { caught: manifest.defects.length - missed.length, missed };
}

interface ValidateDiagnostic {
  file: string;
  ruleId: string;
  severity: string;
  logicalId?: string;
  propertyPath?: string;
  message: string;
}

/** A diagnostic of @aws/cloudformation-validate at the planted defect: same resource, and a property
 * path that is the defect's path, contains it or lies inside it (a required property is reported on
 * its parent, naming it). Informational rules (`I…`, such as "create-only property" or "no tags",
 * which fire on every resource) do not count. */
function caughtByValidate(manifest: CorpusManifest, diagnostics: readonly ValidateDiagnostic[]): { caught: number; byKind: Map<string, [number, number]> } {
  const strip = (path: string) => path.replace(/^Properties\.?/, '').replace(/\[\d+\]/g, '');
  const byResource = new Map<string, ValidateDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.ruleId.startsWith('I')) continue;
    const key = `${diagnostic.file}\u0000${diagnostic.logicalId}`;
    const list = byResource.get(key);
    if (list) list.push(diagnostic);
    else byResource.set(key, [diagnostic]);
  }
  let caught = 0;
  const byKind = new Map<string, [number, number]>();
  for (const defect of manifest.defects) {
    const path = strip(defect.path);
    const hit = (byResource.get(`${defect.file}\u0000${defect.logicalId}`) ?? []).some((diagnostic) => {
      const other = strip(diagnostic.propertyPath ?? '');
      if (other === '') return diagnostic.message.includes(`'${path.split('.').pop()}'`); // "'ChannelId' is a required property"
      return other === path || path.startsWith(`${other}.`) || other.startsWith(`${path}.`);
    });
    const entry = byKind.get(defect.kind) ?? [0, 0];
    entry[1]++;
    if (hit) {
      caught++;
      entry[0]++;
    }
    byKind.set(defect.kind, entry);
  }
  return { caught, byKind };
}

// ---------------------------------------------------------------------------------------------
// The runs.

interface CorpusResult {
  corpus: string;
  format: string;
  resources: number;
  files: number;
  bytes: number;
  load: string;
  lint: Measured;
  findings: number;
  resourcesInReport: number;
  floor: Measured & { parseMs: number; mode: string };
  defects: { planted: number; caught: number; missed: string[] };
  validate?: Measured & { diagnostics: number; caught: number; byKind: Record<string, [number, number]> };
}

const floorModes: Record<CorpusFormat | 'mixed', string> = { json: 'json', yaml: 'yaml-cst', terraform: 'terraform', pangea: 'pangea', mixed: 'mixed' };

function benchCorpus(format: CorpusFormat | 'mixed', size: number, options: Options): CorpusResult {
  const { directory, manifest } = corpus(format, size, options.seed);
  const output = join(corpusRoot, `.out-${process.pid}.json`);
  const loadBefore = load();
  const lint = measure(options.repeat, () => runNode([join(root, 'bin/media-lint.js'), '--format', 'json', '--no-color', '-o', output, '.'], { cwd: directory }));
  if (lint.last.status !== 0 && lint.last.status !== 1) throw new Error(`media-lint exited with ${lint.last.status} on ${directory}:\n${lint.last.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as { findings: JsonFinding[]; summary: { resources: number } };
  rmSync(output, { force: true });
  const floorRuns: number[] = [];
  const floor = measure(options.repeat, () => {
    const run = runNode([join(root, 'bench/floor.mjs'), floorModes[format], directory]);
    if (run.status !== 0) throw new Error(`floor failed: ${run.stderr}`);
    floorRuns.push((JSON.parse(run.stdout) as { parseMs: number }).parseMs);
    return run;
  });
  const defects = caughtByMediaLint(manifest, report.findings);
  const result: CorpusResult = {
    corpus: relative(root, directory),
    format,
    resources: manifest.resources,
    files: manifest.files.length,
    bytes: manifest.bytes,
    load: loadBefore,
    lint: lint.measured,
    findings: report.findings.length,
    resourcesInReport: report.summary.resources,
    floor: { ...floor.measured, parseMs: median(floorRuns), mode: floorModes[format] },
    defects: { planted: manifest.defects.length, caught: defects.caught, missed: defects.missed },
  };
  if (format === 'yaml') {
    // The YAML floor is the CST; the composed documents (what the front-end used to build on) are
    // shown for reference.
    const documents: number[] = [];
    const composed = measure(options.repeat, () => {
      const run = runNode([join(root, 'bench/floor.mjs'), 'yaml-documents', directory]);
      documents.push((JSON.parse(run.stdout) as { parseMs: number }).parseMs);
      return run;
    });
    console.log(`    (yaml parseAllDocuments over the same files: ${ms(composed.measured.wallMs)} wall, ${ms(median(documents))} parsing)`);
  }
  if (options.validate && (format === 'json' || format === 'yaml')) {
    const validateOutput = join(corpusRoot, `.validate-${process.pid}.json`);
    const validate = measure(1, () => runNode([join(root, 'bench/cfn-validate.mjs'), directory, validateOutput]));
    if (validate.last.status !== 0) throw new Error(`cloudformation-validate failed: ${validate.last.stderr}`);
    const data = JSON.parse(readFileSync(validateOutput, 'utf8')) as { diagnostics: ValidateDiagnostic[] };
    rmSync(validateOutput, { force: true });
    const caught = caughtByValidate(manifest, data.diagnostics);
    result.validate = { ...validate.measured, diagnostics: data.diagnostics.length, caught: caught.caught, byKind: Object.fromEntries(caught.byKind) };
  }
  printCorpus(result);
  return result;
}

function printCorpus(result: CorpusResult): void {
  const perSecond = result.resources / (result.lint.wallMs / 1000);
  console.log(
    `  ${result.format.padEnd(9)} ${String(result.resources).padStart(6)} resources, ${String(result.files).padStart(4)} files, ${mib(result.bytes).padStart(9)}` +
      ` | lint ${ms(result.lint.wallMs).padStart(7)} wall (${ms(result.lint.cpuMs)} CPU), ${Math.round(perSecond).toLocaleString('en-US').padStart(6)} res/s, peak RSS ${result.lint.maxRssMb.toFixed(0)} MB` +
      ` | floor (${result.floor.mode}) ${ms(result.floor.wallMs)} wall, ${ms(result.floor.parseMs)} parsing, ${result.floor.maxRssMb.toFixed(0)} MB` +
      ` | ratio ${(result.lint.wallMs / result.floor.wallMs).toFixed(2)}x` +
      ` | load ${result.load}`,
  );
  console.log(`    ${result.findings} findings, ${result.resourcesInReport} resources in the report; planted defects reported: ${result.defects.caught}/${result.defects.planted}`);
  for (const missed of result.defects.missed.slice(0, 5)) console.log(`    missed: ${missed}`);
  if (result.validate) {
    const validate = result.validate;
    const kinds = Object.entries(validate.byKind)
      .map(([kind, [caught, planted]]) => `${kind} ${caught}/${planted}`)
      .join(', ');
    console.log(
      `    @aws/cloudformation-validate: ${ms(validate.wallMs)} wall, peak RSS ${validate.maxRssMb.toFixed(0)} MB, ${validate.diagnostics} diagnostics; ` +
        `media-lint is ${(validate.wallMs / result.lint.wallMs).toFixed(1)}x faster, uses ${(validate.maxRssMb / result.lint.maxRssMb).toFixed(1)}x less memory; ` +
        `planted defects caught: media-lint ${result.defects.caught}/${result.defects.planted}, cloudformation-validate ${validate.caught}/${result.defects.planted} (${kinds})`,
    );
  }
}

function benchSmallFile(): { wallMs: number; maxRssMb: number; load: string } {
  const file = 'examples/cloudformation/live-channel.yaml';
  const loadBefore = load();
  const runs: number[] = [];
  let rss = 0;
  runNode([join(root, 'bin/media-lint.js'), '--no-color', file], { stats: false }); // warm the file cache
  for (let index = 0; index < 10; index++) {
    const run = runNode([join(root, 'bin/media-lint.js'), '--no-color', file], { stats: index > 0 ? false : true });
    if (index === 0) rss = run.maxRssKb / 1024;
    else runs.push(run.wallMs);
  }
  const wallMs = median(runs);
  const bare = median(Array.from({ length: 5 }, () => runNode(['-e', ''], { stats: false }).wallMs));
  console.log(`  single small file (${file}): ${ms(wallMs)} wall from process start (median of ${runs.length}; bare \`node -e ''\`: ${ms(bare)}), peak RSS ${rss.toFixed(0)} MB | load ${loadBefore}`);
  return { wallMs, maxRssMb: rss, load: loadBefore };
}

function checkBuild(): void {
  const main = join(root, 'dist/cli/main.js');
  if (!existsSync(main)) throw new Error('dist/ is missing: run `npm run build` first');
  const built = statSync(main).mtimeMs;
  const newer = ['src/engine/lint.ts', 'src/cli/main.ts'].filter((file) => statSync(join(root, file)).mtimeMs > built);
  if (newer.length > 0) console.log(`  note: ${newer.join(', ')} changed after the last build; run \`npm run build\` to measure the current code`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(corpusRoot, { recursive: true });
  checkBuild();
  console.log(`media-lint benchmark: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), seed ${options.seed}, median of ${options.repeat} runs`);
  const results: CorpusResult[] = [];
  for (const format of options.formats) {
    for (const size of options.sizes) results.push(benchCorpus(format, size, options));
    const [small, large] = [results.find((r) => r.format === format && r.resources === options.sizes[0]), results.find((r) => r.format === format && r.resources === options.sizes[1])];
    if (small && large) {
      const factor = large.resources / small.resources;
      console.log(
        `    scaling ${small.resources}→${large.resources} (${factor}x resources): ${(large.lint.wallMs / small.lint.wallMs).toFixed(2)}x wall, ` +
          `${(large.lint.cpuMs / small.lint.cpuMs).toFixed(2)}x CPU (target: within ${(factor * 1.1).toFixed(0)}x)`,
      );
    }
  }
  if (options.mixed) results.push(benchCorpus('mixed', options.sizes[options.sizes.length - 1]!, options));
  const small = options.small ? benchSmallFile() : undefined;
  writeFileSync(join(corpusRoot, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, options, results, small }, null, 2)}\n`);
  console.log(`  results: ${relative(root, join(corpusRoot, 'results.json'))}`);
  // 5. The ESLint plugin's benchmark (its own figures; see bench/eslint-plugin.ts).
  if (options.eslint) spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/eslint-plugin.ts')], { cwd: root, stdio: 'inherit' });
}

await main();
