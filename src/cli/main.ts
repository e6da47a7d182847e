import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { severityOrder, type Finding, type Severity } from '../engine/finding.js';
import { lint } from '../engine/lint.js';
import { loaderRules } from '../engine/loader-rules.js';
import type { LintReport } from '../engine/report.js';
import { docsUrl } from '../engine/rule.js';
import { formatReport } from '../reporters/index.js';
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

type OutputFormat = 'text' | 'json' | 'sarif';

interface CliOptions {
  format: OutputFormat;
  output?: string;
  rule: string[];
  disableRule: string[];
  severityThreshold: Severity;
  maxWarnings: number;
  listRules?: boolean;
  color?: boolean;
}

class UsageError extends Error {}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
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
        'Reads CloudFormation templates (JSON and YAML) and CDK output (cdk.out).',
    )
    .version(toolVersion, '-v, --version', 'print the version and exit')
    .argument('[paths...]', 'files, directories or glob patterns to lint (directories are walked, respecting .gitignore)', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--rule <id>', 'run only this rule (repeatable, or comma-separated)', collect, [])
    .option('--disable-rule <id>', 'do not run this rule (repeatable, or comma-separated)', collect, [])
    .addOption(new Option('--severity-threshold <level>', 'report only findings at this severity or above').choices(['info', 'warning', 'error']).default('info'))
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings (-1: no limit)', parseCount, -1)
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
  media-lint --list-rules

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
    if (error instanceof UsageError) {
      io.stderr(`media-lint: ${error.message}\n`);
      return exitCodes.trouble;
    }
    io.stderr(`media-lint: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in media-lint; please report it with the input that caused it.\n`);
    return exitCodes.trouble;
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

async function run(paths: string[], options: CliOptions, io: CliIo, cwd: string): Promise<number> {
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

  const result = await lint({ paths, cwd, onlyRules: options.rule, disabledRules: options.disableRule });
  for (const notice of result.notices) io.stderr(`media-lint: ${notice}\n`);
  for (const problem of result.internalErrors) io.stderr(`media-lint: internal error: ${problem}\n`);

  const threshold = severityOrder[options.severityThreshold];
  const findings = result.report.findings.filter((finding) => severityOrder[finding.severity] >= threshold);
  const report: LintReport = { ...result.report, findings };
  const color = options.output === undefined && (options.color ?? pc.isColorSupported);
  emit(formatReport(report, options.format, { color }), options, io, cwd);
  return exitCode(findings, options.maxWarnings, result.internalErrors.length > 0);
}

function exitCode(findings: readonly Finding[], maxWarnings: number, internalError: boolean): number {
  const loaderTrouble = findings.some((finding) => loaderRules.some((rule) => rule.id === finding.ruleId) && finding.severity === 'error');
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
