import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as core from '@actions/core';
import { ConfigError, DiscoveredConfigs, explicitConfig } from '../config/index.js';
import { changedLinesSince, GitError } from '../engine/changed-lines.js';
import type { Finding, Severity } from '../engine/finding.js';
import { severityOrder } from '../engine/finding.js';
import { lint } from '../engine/lint.js';
import { annotationCommand } from '../reporters/github.js';
import { formatSarif } from '../reporters/sarif.js';
import { countSeverities } from '../reporters/summary.js';
import { formatText } from '../reporters/text.js';
import { selectAnnotations } from './annotations.js';
import { renderSummary } from './summary.js';

/**
 * The GitHub Action (`action.yml`): lints, writes annotations as workflow commands, a SARIF file
 * for `github/codeql-action/upload-sarif`, a Markdown job summary and step outputs, and fails the
 * step according to `fail-on`.
 *
 * With `only-changed` on a pull request, the annotations, summary, outputs and failure count only
 * findings on lines the pull request changes (from the merge base with the base commit of the event
 * payload). The SARIF file keeps every finding: code scanning compares a pull request's results with
 * those of its base branch itself, and a partial file would make the other alerts look fixed.
 */
export interface ActionInputs {
  paths: string[];
  config: string;
  failOn: Severity | 'none';
  annotations: boolean;
  sarifFile: string;
  onlyChanged: boolean;
  summary: boolean;
}

const failOnValues = ['error', 'warning', 'info', 'none'] as const;

export function readInputs(): ActionInputs {
  const paths = core
    .getInput('paths')
    .split(/\r?\n/)
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((path) => path.length > 0);
  const failOn = (core.getInput('fail-on') || 'error').toLowerCase();
  if (!(failOnValues as readonly string[]).includes(failOn)) {
    throw new InputError(`input fail-on must be one of ${failOnValues.join(', ')}; got "${failOn}"`);
  }
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: core.getInput('config'),
    failOn: failOn as ActionInputs['failOn'],
    annotations: booleanInput('annotations', true),
    sarifFile: core.getInput('sarif-file'),
    onlyChanged: booleanInput('only-changed', false),
    summary: booleanInput('summary', true),
  };
}

class InputError extends Error {}

function booleanInput(name: string, fallback: boolean): boolean {
  if (core.getInput(name) === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new InputError(`input ${name} must be true or false; got "${core.getInput(name)}"`);
  }
}

/** Runs the Action; failures are reported with `core.setFailed`, never thrown. */
export async function runAction(): Promise<void> {
  try {
    await lintAndReport(readInputs());
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) core.error(problem);
      core.setFailed(`media-lint: the configuration ${error.file} is invalid`);
    } else if (error instanceof InputError || error instanceof GitError) {
      core.setFailed(`media-lint: ${error.message}`);
    } else {
      core.setFailed(`media-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

async function lintAndReport(inputs: ActionInputs): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const config = inputs.config ? explicitConfig(inputs.config, workspace) : new DiscoveredConfigs(workspace);
  const result = await lint({ paths: inputs.paths, cwd: workspace, config });
  for (const notice of result.notices) core.info(`media-lint: ${notice}`);
  for (const problem of result.internalErrors) core.error(`media-lint: internal error: ${problem}`);
  const all = result.report.findings;

  let findings = all;
  let changedSince: string | undefined;
  if (inputs.onlyChanged) {
    const base = pullRequestBase();
    if (base === undefined) {
      core.info('media-lint: only-changed applies to pull requests; this run reports every finding.');
    } else {
      ensureCommit(base, workspace);
      const changes = changedLinesSince(base, workspace);
      findings = all.filter((finding) => changes.touches(finding, workspace));
      changedSince = changes.base;
    }
  }
  const report = { ...result.report, findings };

  // The whole report in the log, so that nothing GitHub's annotation limits drop is lost.
  core.info(formatText(report, { color: true }).trimEnd());

  let hidden = 0;
  if (inputs.annotations) {
    const selection = selectAnnotations(findings);
    hidden = selection.hidden;
    for (const finding of selection.shown) process.stdout.write(`${annotationCommand(finding, workspace, workspace)}\n`);
  }

  let sarifFile: string | undefined;
  if (inputs.sarifFile) {
    const target = resolve(workspace, inputs.sarifFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, formatSarif(result.report));
    sarifFile = inputs.sarifFile;
  }

  if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
    const server = process.env.GITHUB_SERVER_URL;
    const repository = process.env.GITHUB_REPOSITORY;
    const sha = process.env.GITHUB_SHA;
    const summary = renderSummary({
      findings,
      filesLinted: result.report.filesLinted,
      resourcesLinted: result.report.resourcesLinted,
      hiddenAnnotations: hidden,
      ...(changedSince === undefined ? {} : { changedSince, outsideChanges: all.length - findings.length }),
      ...(sarifFile === undefined ? {} : { sarifFile }),
      ...(server && repository && sha ? { blobUrl: `${server}/${repository}/blob/${sha}` } : {}),
      cwd: workspace,
      root: workspace,
    });
    await core.summary.addRaw(summary).write();
  }

  const counts = countSeverities(findings);
  core.setOutput('findings', findings.length);
  core.setOutput('errors', counts.errors);
  core.setOutput('warnings', counts.warnings);
  core.setOutput('sarif-file', sarifFile ?? '');

  const failing = failingFindings(findings, inputs.failOn);
  if (failing.length > 0) {
    const failingCounts = countSeverities(failing);
    const parts = [
      failingCounts.errors > 0 ? plural(failingCounts.errors, 'error') : '',
      failingCounts.warnings > 0 ? plural(failingCounts.warnings, 'warning') : '',
      failingCounts.infos > 0 ? plural(failingCounts.infos, 'info') : '',
    ].filter(Boolean);
    core.setFailed(`media-lint found ${parts.join(', ')} (fail-on: ${inputs.failOn})`);
  } else if (result.internalErrors.length > 0) {
    core.setFailed('media-lint: internal error (see the log)');
  }
}

function failingFindings(findings: readonly Finding[], failOn: ActionInputs['failOn']): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter((finding) => severityOrder[finding.severity] >= severityOrder[failOn]);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The base commit of the pull request that triggered the run, from the event payload. */
function pullRequestBase(): string | undefined {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  try {
    const payload = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { base?: { sha?: unknown } } };
    const sha = payload.pull_request?.base?.sha;
    return typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** A shallow checkout (`actions/checkout` fetches one commit) lacks the base commit: fetch it. */
function ensureCommit(sha: string, cwd: string): void {
  const run = (args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  try {
    run(['cat-file', '-e', `${sha}^{commit}`]);
    return;
  } catch {
    // not present: fetch below
  }
  try {
    run(['fetch', '--no-tags', '--depth=1', 'origin', sha]);
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? '';
    throw new GitError(`the base commit ${sha} of the pull request is not in the checkout and cannot be fetched (${detail}); use actions/checkout with fetch-depth: 0`);
  }
}
