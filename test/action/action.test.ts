import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { actionDistDirectory, existingActionFiles, renderAction, writeAction } from '../../scripts/build-action.js';
import { selectAnnotations } from '../../src/action/annotations.js';
import { renderSummary } from '../../src/action/summary.js';
import type { Finding } from '../../src/engine/finding.js';
import { annotationCommand, escapeData, escapeProperty } from '../../src/reporters/github.js';
import { GitRepo, retentionLine, streamsTemplate } from '../support/git-repo.js';
import { repoRoot } from '../support/lint.js';

const require = createRequire(import.meta.url);
const { validateAction } = require('@action-validator/core') as typeof import('@action-validator/core');

const actionYaml = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
const action = parseYaml(actionYaml) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown>; runs: { using: string; main: string } };

let rendered: Map<string, Buffer>;
/** The bundle, copied outside the repository: no node_modules to fall back on, as on a runner. */
const scratch = mkdtempSync(join(tmpdir(), 'media-lint-action-'));
const bundle = join(scratch, 'action', 'dist', 'index.mjs');
let repo: GitRepo;
let baseSha: string;
let headSha: string;

beforeAll(async () => {
  rendered = await renderAction();
  writeAction(rendered, join(scratch, 'action', 'dist'));

  repo = new GitRepo('media-lint-action-repo-');
  repo.write('media/streams.yaml', streamsTemplate([['Archive', 100000], ['Live', 24]]));
  baseSha = repo.commit('base');
  // The pull request: Live's retention changes (line 15) and Backup is added (lines 16-22); Archive
  // (line 8) keeps its old finding. notes.yaml is new, with a suppression that suppresses nothing.
  repo.write('media/streams.yaml', streamsTemplate([['Archive', 100000], ['Live', 200000], ['Backup', 300000]]));
  repo.write('media/notes.yaml', streamsTemplate([['Notes', 48]]).replace('Resources:\n', 'Resources:\n  # media-lint-ignore schema/invalid-enum: codec list is pinned by the vendor\n'));
  headSha = repo.commit('head');
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  repo?.remove();
});

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  annotations: string[];
  summary: string;
  outputs: Record<string, string>;
}

/** Runs the bundled Action as the runner does: inputs (with action.yml defaults) in INPUT_*, file commands in GITHUB_*. */
function runAction(inputs: Record<string, string>, event: 'pull_request' | 'push' = 'pull_request'): ActionRun {
  const runner = mkdtempSync(join(scratch, 'runner-'));
  const summaryFile = join(runner, 'summary.md');
  const outputFile = join(runner, 'output.txt');
  const eventFile = join(runner, 'event.json');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const payload = event === 'pull_request' ? { pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } } } : { after: headSha };
  writeFileSync(eventFile, JSON.stringify(payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    NO_COLOR: '1',
    GITHUB_WORKSPACE: repo.root,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/broadcast',
    GITHUB_SHA: headSha,
  };
  for (const [name, input] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? input.default ?? '';
  const result = spawnSync(process.execPath, [bundle], { cwd: repo.root, env, encoding: 'utf8' });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    annotations: result.stdout.split(/\r?\n/).filter((line) => line.startsWith('::')),
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
  };
}

/** `name<<DELIMITER\nvalue\nDELIMITER` records, as @actions/core writes them. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\r?\n([\s\S]*?)\r?\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

const outOfRange = (hours: number) =>
  `DataRetentionInHours ${hours} is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).`;
const annotation = (line: number, hours: number) =>
  `::error file=media/streams.yaml,line=${line},col=29,endLine=${line},endColumn=${29 + String(hours).length},title=media-lint%3A schema/out-of-range::${outOfRange(hours)}`;
const unusedWarning =
  '::warning file=media/notes.yaml,line=2,col=3,endLine=2,endColumn=78,title=media-lint%3A suppression/unused::This suppression of schema/invalid-enum is unused: the rule reports nothing in the lines it covers; remove it.';
const docs = (id: string) => `https://github.com/media-lint/media-lint/blob/main/rules-docs/${id}.md`;
const blob = () => `https://github.com/acme/broadcast/blob/${headSha}`;

describe('the GitHub Action (bundled, on a simulated runner)', () => {
  it('annotates every finding, errors first, writes SARIF, the summary and the outputs, and fails on errors', () => {
    const run = runAction({});
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual([annotation(retentionLine(0), 100000), annotation(retentionLine(1), 200000), annotation(retentionLine(2), 300000), unusedWarning, '::error::media-lint found 3 errors (fail-on: error)']);
    expect(run.outputs).toEqual({ findings: '4', errors: '3', warnings: '1', 'sarif-file': 'media-lint.sarif' });
    expect(run.summary).toBe(
      [
        '## media-lint',
        '',
        '❌ **4 problems** in 2 files (4 media resources): 3 errors, 1 warning, 0 infos.',
        '',
        '| Severity | Location | Rule | Message |',
        '| --- | --- | --- | --- |',
        `| error | [media/streams.yaml:8](${blob()}/media/streams.yaml#L8) | [schema/out-of-range](${docs('schema/out-of-range')}) | ${outOfRange(100000)} |`,
        `| error | [media/streams.yaml:15](${blob()}/media/streams.yaml#L15) | [schema/out-of-range](${docs('schema/out-of-range')}) | ${outOfRange(200000)} |`,
        `| error | [media/streams.yaml:22](${blob()}/media/streams.yaml#L22) | [schema/out-of-range](${docs('schema/out-of-range')}) | ${outOfRange(300000)} |`,
        `| warning | [media/notes.yaml:2](${blob()}/media/notes.yaml#L2) | [suppression/unused](${docs('suppression/unused')}) | This suppression of schema/invalid-enum is unused: the rule reports nothing in the lines it covers; remove it. |`,
        '',
      ].join('\n'),
    );
    const sarif = JSON.parse(readFileSync(join(repo.root, 'media-lint.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(4);
    // The log has the whole report, so that findings GitHub does not annotate are still visible.
    expect(run.stdout).toContain('✖ 4 problems (3 errors, 1 warning, 0 infos)');
  });

  it('with only-changed, reports only findings on lines the pull request changes; the SARIF file keeps all', () => {
    const run = runAction({ 'only-changed': 'true', 'fail-on': 'warning', 'sarif-file': 'reports/pr.sarif' });
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual([annotation(retentionLine(1), 200000), annotation(retentionLine(2), 300000), unusedWarning, '::error::media-lint found 2 errors, 1 warning (fail-on: warning)']);
    expect(run.outputs).toEqual({ findings: '3', errors: '2', warnings: '1', 'sarif-file': 'reports/pr.sarif' });
    expect(run.summary.split('\n').slice(0, 5)).toEqual([
      '## media-lint',
      '',
      `❌ **3 problems** on lines changed since ${baseSha.slice(0, 12)} in 2 files (4 media resources): 2 errors, 1 warning, 0 infos.`,
      '',
      '1 other finding on lines this pull request does not change is not reported here.',
    ]);
    expect(run.summary).not.toContain('media/streams.yaml:8]');
    const sarif = JSON.parse(readFileSync(join(repo.root, 'reports/pr.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(4);
  });

  it('reports every finding outside pull requests, and passes with fail-on none and no annotations', () => {
    const run = runAction({ 'only-changed': 'true', 'fail-on': 'none', annotations: 'false', summary: 'false', 'sarif-file': '' }, 'push');
    expect(run.status).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.stdout).toContain('only-changed applies to pull requests; this run reports every finding.');
    expect(run.outputs).toEqual({ findings: '4', errors: '3', warnings: '1', 'sarif-file': '' });
    expect(run.summary).toBe('');
  });

  it('fails with the located message of a broken configuration', () => {
    const config = join(scratch, 'broken.config.yaml');
    writeFileSync(config, 'rules:\n  schema/out-of-rang: off\n');
    const run = runAction({ config });
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual([
      `::error::${config}:2:3: rules["schema/out-of-rang"]: unknown rule; did you mean "schema/out-of-range"?`,
      `::error::media-lint: the configuration ${config} is invalid`,
    ]);
  });

  // The Terraform and Pangea front-ends load WebAssembly parsers. The bundle ships them next to
  // itself; a front-end finds them there through src/parsers/wasm.ts (`locateWasm`). Until a
  // front-end uses it, it resolves its npm package, which does not exist next to the bundle.
  const usesLocator = (file: string) => readFileSync(join(repoRoot, file), 'utf8').includes('locateWasm(');
  it.skipIf(!usesLocator('src/parsers/terraform/tree-sitter.ts') || !usesLocator('src/parsers/pangea/prism.ts'))(
    'lints Terraform and Pangea files with the WebAssembly parsers shipped in the bundle',
    () => {
      repo.write('wasm/stream.tf', 'resource "aws_kinesis_video_stream" "archive" {\n  name                    = "archive"\n  data_retention_in_hours = 100000\n}\n');
      repo.write('wasm/stream.rb', 'template :archive do\n  aws_kinesis_video_stream(:archive, {\n    name: "archive",\n    data_retention_in_hours: 100_000\n  })\nend\n');
      const run = runAction({ paths: 'wasm/', 'fail-on': 'none', 'sarif-file': '' });
      const rules = run.annotations.map((line) => /title=media-lint%3A ([^:]+)::/.exec(line)?.[1]);
      expect(rules).toContain('schema/out-of-range');
      expect(rules).not.toContain('parse-error');
      rmSync(join(repo.root, 'wasm'), { recursive: true, force: true });
    },
  );

  it('rejects an unknown fail-on value', () => {
    const run = runAction({ 'fail-on': 'warnings' });
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual(['::error::media-lint: input fail-on must be one of error, warning, info, none; got "warnings"']);
  });
});

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('gives columns only for a single-line span, and adds the CDK construct to the message', () => {
    const finding: Finding = {
      ruleId: 'schema/invalid-enum',
      severity: 'info',
      message: 'Codec "X" is not valid',
      messageId: 'invalidEnum',
      file: 'cdk.out/Stack.template.json',
      line: 3,
      column: 5,
      endLine: 6,
      endColumn: 2,
      constructPath: 'Stack/Channel/Resource',
      fingerprint: 'f',
    };
    expect(annotationCommand(finding, '/repo', '/repo')).toBe(
      '::notice file=cdk.out/Stack.template.json,line=3,endLine=6,title=media-lint%3A schema/invalid-enum::Codec "X" is not valid%0Aconstruct: Stack/Channel/Resource',
    );
  });
});

describe('annotation limits', () => {
  const finding = (severity: Finding['severity'], line: number): Finding => ({
    ruleId: 'schema/out-of-range',
    severity,
    message: `problem on line ${line}`,
    messageId: 'outOfRange',
    file: 'a.yaml',
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    fingerprint: `${severity}${line}`,
  });

  it('annotates at most 10 errors, 10 warnings and 10 notices, errors first, and says how many were not shown', () => {
    const findings = [
      ...Array.from({ length: 14 }, (_, index) => finding('info', 100 + index)),
      ...Array.from({ length: 12 }, (_, index) => finding('error', 200 + index)),
      ...Array.from({ length: 3 }, (_, index) => finding('warning', 300 + index)),
    ];
    const selection = selectAnnotations(findings);
    expect(selection.shown.map((shown) => `${shown.severity}:${shown.line}`)).toEqual([
      ...Array.from({ length: 10 }, (_, index) => `error:${200 + index}`),
      ...Array.from({ length: 3 }, (_, index) => `warning:${300 + index}`),
      ...Array.from({ length: 10 }, (_, index) => `info:${100 + index}`),
    ]);
    expect(selection.hidden).toBe(6);
    const summary = renderSummary({ findings, filesLinted: 1, resourcesLinted: 1, hiddenAnnotations: selection.hidden, sarifFile: 'media-lint.sarif', cwd: '/w', root: '/w' });
    expect(summary).toContain(
      '> [!NOTE]\n> 6 findings are not shown as annotations: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step. Errors were annotated first; every finding is in the log of this step and in `media-lint.sarif`.',
    );
  });
});

describe('action.yml', () => {
  it('is a valid action definition', () => {
    // @action-validator/core 0.6.0 predates the node24 runtime (added to GitHub runners in 2025): its
    // schema knows node12/16/20 only. Everything else must validate, and the only complaint about
    // the file as written must be the runtime name.
    expect(action.runs.using).toBe('node24');
    expect(validateAction(actionYaml.replace('using: node24', 'using: node20')).errors).toEqual([]);
    const asWritten = validateAction(actionYaml).errors as Array<{ path?: string; states?: Array<{ errors: Array<{ path?: string; code: string }> }> }>;
    expect(asWritten).toHaveLength(1);
    expect(asWritten[0]!.path).toBe('/runs');
    expect(asWritten[0]!.states?.[0]?.errors).toEqual([{ code: 'enum', path: '/runs/using', title: 'Enum conditions are not met' }]);
  });

  it('declares the inputs and outputs the entry reads and writes, and points at the committed bundle', () => {
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'fail-on', 'annotations', 'sarif-file', 'only-changed', 'summary']);
    expect(Object.keys(action.outputs)).toEqual(['findings', 'errors', 'warnings', 'sarif-file']);
    expect(action.runs.main).toBe('action/dist/index.mjs');
  });
});

describe('the committed bundle', () => {
  it('is what `npm run build:action` produces from the current sources', () => {
    expect(existingActionFiles(), 'action/dist/ has stray or missing files: run `npm run build:action`').toEqual([...rendered.keys()].sort());
    for (const [path, contents] of rendered) {
      expect(readFileSync(join(actionDistDirectory, path)).equals(contents), `action/dist/${path} is stale: run \`npm run build:action\``).toBe(true);
    }
  });
});
