import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
// The modules themselves, not ../config/index.js, which also exports the zod schema (see config/zod.ts).
import { ConfigError } from '../config/load.js';
import { DiscoveredConfigs, explicitConfig, type ConfigProvider } from '../config/resolve.js';
import { BaselineError, compareWithBaseline, createBaseline, formatBaseline, readBaseline, workingDirectoryOf } from '../engine/baseline.js';
import { changedLinesSince, GitError, type ChangedLines } from '../engine/changed-lines.js';
import { severityOrder, type Finding, type Severity } from '../engine/finding.js';
import { lint, type LintProgress } from '../engine/lint.js';
import { inputRules, loaderRules } from '../engine/loader-rules.js';
import { parseShard, type Shard } from '../engine/shard.js';
import type { LintReport } from '../engine/report.js';
import { docsUrl } from '../engine/rule.js';
import { tuneWasmCompilation } from '../parsers/wasm.js';
import { formatReport } from '../reporters/format.js';
import { allRules } from '../rules/index.js';
import { closestMatch } from '../rules/support/suggest.js';
import { toolVersion } from '../version.js';

export const exitCodes = {
  /** No finding at a failing level. */
  clean: 0,
  /** Findings at a failing level (any error, or more warnings than --max-warnings allows). */
  findings: 1,
  /** Usage error, an input that cannot be read or parsed, or an internal error. */
  trouble: 2,
} as const;

type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

interface CliOptions {
  format: OutputFormat;
  output?: string;
  rule: string[];
  disableRule: string[];
  severityThreshold: Severity;
  maxWarnings: number;
  listRules?: boolean;
  color?: boolean;
  config?: string;
  quiet?: boolean;
  explain?: string;
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
  shard?: Shard;
  varFile: string[];
  var: string[];
}

class UsageError extends Error {}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

/** Repeatable options whose values may hold commas (file names, `name=value`). */
function append(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InvalidArgumentError(`${shard}.`);
  return shard;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < -1) throw new InvalidArgumentError('expected a whole number (or -1 for no limit).');
  return count;
}

export function buildProgram(): Command {
  return new Command()
    .name('media-lint')
    .description(
      'Find mistakes in infrastructure as code for AWS media services (MediaLive, MediaPackage, MediaConvert, Kinesis Video Streams) before deployment.\n' +
        'Reads CloudFormation templates (JSON and YAML), CDK output (cdk.out), Terraform (.tf, .tf.json, `terraform show -json` plans)' +
        ' and Pangea templates (.rb; Ruby is parsed, never run).',
    )
    .version(toolVersion, '-v, --version', 'print the version and exit')
    .argument('[paths...]', 'files, directories or glob patterns to lint (directories are walked, respecting .gitignore)', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format (github: workflow-command annotations)').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--rule <id>', 'run only this rule (repeatable, or comma-separated)', collect, [])
    .option('--disable-rule <id>', 'do not run this rule (repeatable, or comma-separated)', collect, [])
    .addOption(new Option('--severity-threshold <level>', 'report only findings at this severity or above').choices(['info', 'warning', 'error']).default('info'))
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings (-1: no limit)', parseCount, -1)
    .option('-c, --config <file>', 'use this configuration file for every input (default: the nearest media-lint.config.json|yaml|yml or package.json "media-lint" key above each file)')
    .option('--quiet', 'report errors only (warnings and infos are neither shown nor counted)')
    .option('--baseline <file>', 'report only findings that this baseline file does not record')
    .option('--write-baseline <file>', 'record every current finding in a baseline file and exit')
    .option('--changed-since <ref>', 'report only findings on lines changed since this git revision (from its merge base with HEAD, including uncommitted and untracked files)')
    .option('--shard <i/n>', 'lint only the i-th of n parts of the files, split deterministically by directory (for CI matrices)', parseShardOption)
    .option('--var-file <file>', 'Terraform: read root module variable values from this tfvars file (repeatable; a later file wins)', append, [])
    .option('--var <name=value>', 'Terraform: set a root module variable (repeatable; wins over tfvars files)', append, [])
    .option('--explain <rule>', "print a rule's documentation and exit")
    .option('--list-rules', 'list the rules (as a table, or JSON with --format json) and exit')
    .option('--color', 'force coloured text output')
    .option('--no-color', 'disable coloured text output (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Exit codes:
  0  no errors (and no more warnings than --max-warnings allows)
  1  findings at a failing level
  2  usage error, or a file that cannot be read or parsed

Examples:
  media-lint infra/                       lint every template under infra/
  media-lint cdk.out                      lint a synthesized CDK app
  media-lint --format sarif -o media-lint.sarif .
  media-lint --rule schema/invalid-enum template.yaml
  media-lint --changed-since origin/main --format github
  media-lint --write-baseline .media-lint-baseline.json && media-lint --baseline .media-lint-baseline.json
  media-lint --explain schema/invalid-enum
  media-lint --list-rules

Configuration: media-lint.config.json|yaml|yml (schema/media-lint.config.schema.json): preset, rules, ignore, overrides.
Suppress a finding with a comment on the line above: # media-lint-ignore <rule-id>: <reason> [until YYYY-MM-DD]

Rule documentation: ${docsUrl('<rule-id>')}`,
    )
    .showSuggestionAfterError(true)
    .exitOverride();
}

/** Runs the command line; returns the process exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo = defaultIo, cwd = process.cwd()): Promise<number> {
  const program = buildProgram();
  program.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    program.parse(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.clean;
      return exitCodes.trouble;
    }
    throw error;
  }
  const options = program.opts<CliOptions>();
  const paths = program.processedArgs[0] as string[];
  try {
    return await run(paths, options, io, cwd);
  } catch (error) {
    if (error instanceof UsageError || error instanceof BaselineError || error instanceof GitError) {
      io.stderr(`media-lint: ${error.message}\n`);
      return exitCodes.trouble;
    }
    if (error instanceof ConfigError) {
      for (const problem of error.problems) io.stderr(`media-lint: ${problem}\n`);
      return exitCodes.trouble;
    }
    io.stderr(`media-lint: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in media-lint; please report it with the input that caused it.\n`);
    return exitCodes.trouble;
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Environment for colours and GitHub paths (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Whether standard output / standard error are terminals (default: false). */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

const defaultIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
};

/**
 * Whether to colour text output when neither --color nor --no-color is given: `NO_COLOR` (non-empty)
 * disables; `FORCE_COLOR` (non-empty) forces, except `0` and `false`, which disable (as in Node.js);
 * otherwise a terminal that is not `TERM=dumb`, or a CI service (`CI`), whose logs show colours.
 * This is picocolors' rule, plus the `FORCE_COLOR=0` convention picocolors does not follow.
 */
export function colorFromEnvironment(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return (isTTY && env.TERM !== 'dumb') || Boolean(env.CI);
}

async function run(paths: string[], options: CliOptions, io: CliIo, cwd: string): Promise<number> {
  const env = io.env ?? process.env;
  if (options.explain !== undefined) {
    io.stdout(explainRule(options.explain));
    return exitCodes.clean;
  }
  const knownIds = [...allRules.map((rule) => rule.meta.id)];
  for (const id of [...options.rule, ...options.disableRule]) {
    if (!knownIds.includes(id)) {
      const suggestion = closestMatch(id, knownIds);
      throw new UsageError(`unknown rule '${id}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (see --list-rules)`);
    }
  }

  if (options.listRules) {
    emit(listRules(options.format), options, io, cwd);
    return exitCodes.clean;
  }

  if (options.baseline !== undefined && options.writeBaseline !== undefined) {
    throw new UsageError('--baseline and --write-baseline cannot be combined: write the baseline on its own, then use it');
  }
  const config: ConfigProvider = options.config !== undefined ? explicitConfig(options.config, cwd) : new DiscoveredConfigs(cwd);
  const baselinePath = options.baseline === undefined ? undefined : resolve(cwd, options.baseline);
  const baseline = baselinePath === undefined ? undefined : readBaseline(baselinePath, options.baseline);
  let changes: ChangedLines | undefined;
  if (options.changedSince !== undefined) changes = changedLinesSince(options.changedSince, cwd);

  const progress = progressLine(io);
  const result = await lint({
    paths,
    cwd,
    onlyRules: options.rule,
    disabledRules: options.disableRule,
    config,
    ...(options.shard ? { shard: options.shard } : {}),
    varFiles: options.varFile,
    vars: options.var,
    onProgress: progress.update,
    workers: workersFromEnvironment(env),
    beforeParse: tuneWasmCompilation,
    ...parallelThresholdFromEnvironment(env),
  });
  progress.clear();
  for (const notice of result.notices) io.stderr(`media-lint: ${notice}\n`);
  for (const problem of result.internalErrors) io.stderr(`media-lint: internal error: ${problem}\n`);

  let findings = result.report.findings;
  if (options.writeBaseline !== undefined) {
    const target = resolve(cwd, options.writeBaseline);
    writeFileSync(target, formatBaseline(createBaseline(findings, toolVersion, target, cwd)));
    io.stderr(`media-lint: wrote ${findings.length} finding${findings.length === 1 ? '' : 's'} to the baseline ${options.writeBaseline}\n`);
    return hasInputTrouble(findings) || result.internalErrors.length > 0 ? exitCodes.trouble : exitCodes.clean;
  }
  if (baseline && baselinePath !== undefined) {
    const here = workingDirectoryOf(baselinePath, cwd);
    if (baseline.workingDirectory !== here) {
      io.stderr(
        `media-lint: the baseline ${options.baseline} was written from ${baseline.workingDirectory} (relative to it), this run is in ${here}: fingerprints include paths relative to the working directory, so run from there\n`,
      );
    }
    const comparison = compareWithBaseline(findings, baseline);
    findings = comparison.newFindings;
    if (comparison.gone > 0) {
      const gone = comparison.gone === 1 ? '1 finding of the baseline no longer occurs' : `${comparison.gone} findings of the baseline no longer occur`;
      io.stderr(`media-lint: ${gone}; update it with --write-baseline\n`);
    }
  }
  if (changes) findings = findings.filter((finding) => changes.touches(finding, cwd));

  const threshold = severityOrder[options.quiet ? 'error' : options.severityThreshold];
  findings = findings.filter((finding) => severityOrder[finding.severity] >= threshold);
  const report: LintReport = { ...result.report, findings };
  const color = options.output === undefined && (options.color ?? colorFromEnvironment(env, io.stdoutIsTTY === true));
  emit(formatReport(report, options.format, { color, root: githubRoot(env, cwd) }), options, io, cwd);
  return exitCode(findings, options.maxWarnings, result.internalErrors.length > 0);
}

/** Input problems: a file that cannot be read or parsed. Findings about suppressions are not. */
function hasInputTrouble(findings: readonly Finding[]): boolean {
  return findings.some(
    (finding) =>
      finding.severity === 'error' && inputRules.some((rule) => rule.id === finding.ruleId),
  );
}

/** Worker threads for large runs (see engine/parallel.ts): `auto` unless MEDIA_LINT_WORKERS sets a
 * number of shards (1: none). The report does not depend on it. */
export function workersFromEnvironment(env: NodeJS.ProcessEnv): number | 'auto' {
  const value = env.MEDIA_LINT_WORKERS;
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  const count = Number(value);
  return Number.isInteger(count) && count >= 0 ? Math.max(1, count) : 'auto';
}

/** MEDIA_LINT_PARALLEL_THRESHOLD: the weighted input size (bytes; see engine/parallel.ts) above
 * which workers are used. For tests and experiments; the default suits a 2-to-4-core machine. */
export function parallelThresholdFromEnvironment(env: NodeJS.ProcessEnv): { parallelThreshold?: number } {
  const count = Number(env.MEDIA_LINT_PARALLEL_THRESHOLD ?? '');
  return env.MEDIA_LINT_PARALLEL_THRESHOLD && Number.isFinite(count) && count >= 0 ? { parallelThreshold: count } : {};
}

/** GitHub wants annotation paths relative to the repository root: `GITHUB_WORKSPACE` when the run is inside it. */
function githubRoot(env: NodeJS.ProcessEnv, cwd: string): string {
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) return cwd;
  const path = relative(workspace, cwd);
  return path.startsWith('..') || isAbsolute(path) ? cwd : workspace;
}

/** Files above which a terminal gets a progress line on standard error. */
const PROGRESS_MIN_FILES = 50;

function progressLine(io: CliIo): { update: (progress: LintProgress) => void; clear: () => void } {
  if (io.stderrIsTTY !== true) return { update: () => {}, clear: () => {} };
  let shown = false;
  let last = 0;
  let large = false;
  return {
    update: (progress) => {
      if (progress.phase !== 'rules') large = progress.total >= PROGRESS_MIN_FILES;
      if (!large) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const text =
        progress.phase === 'read'
          ? `reading files ${progress.done}/${progress.total}`
          : progress.phase === 'parse'
            ? `parsing files ${progress.done}/${progress.total}`
            : `running rules ${progress.done}/${progress.total}`;
      io.stderr(`\r\u001b[2Kmedia-lint: ${text}`);
      shown = true;
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[2K');
    },
  };
}

/** The rule's documentation page, from `rules-docs/` of the installed package. */
function explainRule(ruleId: string): string {
  const ids = [...loaderRules.map((meta) => meta.id), ...allRules.map((rule) => rule.meta.id)];
  if (!ids.includes(ruleId)) {
    const suggestion = closestMatch(ruleId, ids);
    throw new UsageError(`unknown rule '${ruleId}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (see --list-rules)`);
  }
  // src/cli/ and dist/cli/ are both two levels below the package root, which ships rules-docs/.
  const page = fileURLToPath(new URL(`../../rules-docs/${ruleId}.md`, import.meta.url));
  if (!existsSync(page)) throw new UsageError(`no documentation page for '${ruleId}' (expected ${page}); see ${docsUrl(ruleId)}`);
  return readFileSync(page, 'utf8');
}

function exitCode(findings: readonly Finding[], maxWarnings: number, internalError: boolean): number {
  const loaderTrouble = hasInputTrouble(findings);
  if (loaderTrouble || internalError) return exitCodes.trouble;
  if (findings.some((finding) => finding.severity === 'error')) return exitCodes.findings;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings >= 0 && warnings > maxWarnings) return exitCodes.findings;
  return exitCodes.clean;
}

function emit(text: string, options: CliOptions, io: CliIo, cwd: string): void {
  if (options.output) writeFileSync(resolve(cwd, options.output), text);
  else io.stdout(text);
}

function listRules(format: OutputFormat): string {
  const rules = allRules.map((rule) => rule.meta);
  if (format === 'json' || format === 'sarif') {
    const list = rules.map((meta) => ({ id: meta.id, category: meta.category, severity: meta.severity, description: meta.description, docsUrl: docsUrl(meta.id) }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const idWidth = Math.max(...rules.map((meta) => meta.id.length), 'RULE'.length);
  const lines = [`${'RULE'.padEnd(idWidth)}  SEVERITY  DESCRIPTION`];
  for (const meta of rules) lines.push(`${meta.id.padEnd(idWidth)}  ${meta.severity.padEnd(8)}  ${meta.description}`);
  lines.push('', `${rules.length} rules. Details: media-lint docs at ${docsUrl('<rule-id>')}`);
  return `${lines.join('\n')}\n`;
}
