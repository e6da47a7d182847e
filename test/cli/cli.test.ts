import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { allRules } from '../../src/rules/index.js';
import { toolVersion } from '../../src/version.js';
import { repoRoot } from '../support/lint.js';
import { expectValid } from '../support/sarif-validator.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd = repoRoot): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'media-lint', ...args], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) }, cwd);
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'media-lint-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeScratch(path: string, content: string | Buffer): string {
  const full = join(scratch, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

const badStream = 'Resources:\n  Recording:\n    Type: AWS::KinesisVideo::Stream\n    Properties:\n      DataRetentionInHours: 100000\n';
const goodStream = 'Resources:\n  Recording:\n    Type: AWS::KinesisVideo::Stream\n    Properties:\n      DataRetentionInHours: 24\n';

describe('media-lint CLI', () => {
  it('prints its version and help', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${toolVersion}\n`, stderr: '' });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('-f, --format <format>');
    expect(help.stdout).toContain('2  usage error, or a file that cannot be read or parsed');
  });

  it('lints the bundled examples: exit 1 and the planted mistakes', async () => {
    const result = await run(['examples/', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; constructPath?: string }> };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'examples/cdk.out/OttStack.template.json:31 schema/invalid-enum',
      'examples/cdk.out/OttStack.template.json:33 schema/out-of-range',
      'examples/cloudformation/live-channel.yaml:87 schema/invalid-enum',
      'examples/cloudformation/live-channel.yaml:94 schema/unknown-property',
      'examples/cloudformation/live-channel.yaml:100 reference/destination-ref-id',
      'examples/cloudformation/live-channel.yaml:108 reference/description-name',
      'examples/cloudformation/recording.json:10 schema/out-of-range',
      'examples/cloudformation/vod-transcoding.yaml:47 schema/out-of-range',
      'examples/cloudformation/vod-transcoding.yaml:65 schema/invalid-enum',
    ]);
    expect(report.findings[0]!.constructPath).toBe('OttStack/HlsEndpoint');
  });

  it('writes SARIF for the examples that passes the GitHub and SARIF validation', async () => {
    const output = join(scratch, 'examples.sarif');
    const result = await run(['examples/', '--format', 'sarif', '--output', output]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectValid('examples', readFileSync(output, 'utf8'));
  });

  it('gives byte-identical JSON and SARIF for the same input', async () => {
    for (const format of ['json', 'sarif']) {
      const first = await run(['examples/', '--format', format]);
      const second = await run(['examples/', '--format', format]);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  it('exits 0 on a clean file', async () => {
    const file = writeScratch('clean/stream.yaml', goodStream);
    const result = await run([file, '--no-color']);
    expect(result).toEqual({ code: 0, stdout: '✔ No problems found in 1 file (1 media resource)\n', stderr: '' });
  });

  it('reports an unparseable file with exit 2 and still lints the others', async () => {
    const broken = writeScratch('mixed/broken.yaml', 'Resources:\n  Recording: [\n    Type: AWS::KinesisVideo::Stream\n');
    writeScratch('mixed/stream.yaml', badStream);
    const result = await run([join(scratch, 'mixed'), '--format', 'json']);
    expect(result.code).toBe(2);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number }> }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([
      ['parse-error', 4, 1],
      ['schema/out-of-range', 5, 29],
    ]);
    expect(findings[0]!.file).toBe(broken);
  });

  it('runs only the rules asked for, and not the disabled ones', async () => {
    const only = await run(['examples/cloudformation/live-channel.yaml', '--rule', 'schema/unknown-property', '--format', 'json']);
    expect((JSON.parse(only.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['schema/unknown-property']);
    const disabled = await run(['examples/cloudformation/live-channel.yaml', '--disable-rule', 'schema/unknown-property,schema/invalid-enum', '--format', 'json']);
    expect((JSON.parse(disabled.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual([
      'reference/destination-ref-id',
      'reference/description-name',
    ]);
  });

  it('rejects an unknown rule id with a suggestion and exit 2', async () => {
    expect(await run(['--rule', 'schema/invalid-enums', 'examples/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "media-lint: unknown rule 'schema/invalid-enums'; did you mean 'schema/invalid-enum'? (see --list-rules)\n",
    });
  });

  it('rejects an unknown format with exit 2', async () => {
    const result = await run(['--format', 'xml', 'examples/']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '-f, --format <format>' argument 'xml' is invalid");
  });

  it('filters by severity threshold and fails on warnings only beyond --max-warnings', async () => {
    const file = writeScratch('threshold/stream.yaml', badStream);
    const errors = await run([file, '--severity-threshold', 'error', '--format', 'json']);
    expect(errors.code).toBe(1);
    expect((JSON.parse(errors.stdout) as { findings: unknown[] }).findings).toHaveLength(1);
    const invalid = await run([file, '--max-warnings', 'many']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('expected a whole number');
  });

  it('lists the rules as a table and as JSON', async () => {
    const table = await run(['--list-rules']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^RULE\s+SEVERITY {2}DESCRIPTION$/);
    expect(table.stdout).toContain('schema/invalid-enum');
    const json = JSON.parse((await run(['--list-rules', '--format', 'json'])).stdout) as Array<{ id: string; docsUrl: string }>;
    expect(json.map((rule) => rule.id)).toEqual(allRules.map((rule) => rule.meta.id));
    expect(json[0]!.docsUrl).toMatch(/rules-docs\/.+\.md$/);
  });

  it('expands glob patterns', async () => {
    const result = await run(['fixtures/cloudformation/schema/*/fail.yaml', '--rule', 'schema/out-of-range', '--format', 'json']);
    const files = new Set((JSON.parse(result.stdout) as { findings: Array<{ file: string }> }).findings.map((finding) => finding.file));
    expect([...files]).toEqual(['fixtures/cloudformation/schema/out-of-range/fail.yaml']);
  });

  it('respects .gitignore when walking, but lints an ignored directory named explicitly', async () => {
    writeScratch('repo/.gitignore', 'cdk.out/\n');
    writeScratch('repo/cdk.out/Stack.template.json', JSON.stringify({ Resources: { S: { Type: 'AWS::KinesisVideo::Stream', Properties: { DataRetentionInHours: 100000 } } } }));
    writeScratch('repo/infra/stream.yaml', goodStream);
    const walked = await run([join(scratch, 'repo'), '--no-color']);
    expect(walked.code).toBe(0);
    const explicit = await run([join(scratch, 'repo/cdk.out'), '--format', 'json']);
    expect(explicit.code).toBe(1);
  });

  it('skips JSON and YAML files that are not templates, silently', async () => {
    writeScratch('other/package.json', '{ "name": "x" }');
    writeScratch('other/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    writeScratch('other/chart/templates/service.yaml', 'metadata:\n  name: {{ .Release.Name }\n');
    expect(await run([join(scratch, 'other'), '--no-color'])).toEqual({ code: 0, stdout: '✔ No problems found in 0 files (0 media resources)\n', stderr: '' });
  });

  it('explains empty and binary files named on the command line in one line', async () => {
    const empty = writeScratch('odd/empty.yaml', '');
    const binary = writeScratch('odd/blob.json', Buffer.from([0x7b, 0x00, 0x01, 0x02]));
    const result = await run([empty, binary, '--no-color']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`media-lint: ${empty}: skipped, the file is empty\nmedia-lint: ${binary}: skipped, the file is binary\n`);
  });

  it('reports a missing path, a symlink loop and invalid UTF-8 as file errors with exit 2', async () => {
    symlinkSync(join(scratch, 'loop-b'), join(scratch, 'loop-a'));
    symlinkSync(join(scratch, 'loop-a'), join(scratch, 'loop-b'));
    const latin1 = writeScratch('latin1.yaml', Buffer.concat([Buffer.from('Resources:\n  R:\n    Type: AWS::KinesisVideo::Stream\n    Properties:\n      Name: caf'), Buffer.from([0xe9])]));
    const result = await run([join(scratch, 'missing.yaml'), join(scratch, 'loop-a'), latin1, '--format', 'json']);
    expect(result.code).toBe(2);
    const messages = (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; message: string }> }).findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    expect(messages).toEqual([
      `file-error: ${latin1} is not valid UTF-8 (invalid byte 0xe9 at byte 83)`,
      `file-error: ${join(scratch, 'loop-a')} too many levels of symbolic links`,
      `file-error: ${join(scratch, 'missing.yaml')} does not exist`,
    ]);
  });

  it('colours text output only when asked or on a terminal', async () => {
    const file = writeScratch('colour/stream.yaml', badStream);
    expect((await run([file, '--no-color'])).stdout).not.toMatch(/\u001b\[/);
    expect((await run([file, '--color'])).stdout).toMatch(/\u001b\[/);
  });
});

describe('the built command', () => {
  it('runs from bin/ like an installed package', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin/media-lint.js'), 'examples/cloudformation/recording.json', '--no-color'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('MessageTtlSeconds 300 is out of range for AWS::KinesisVideo::SignalingChannel');
    expect(result.stderr).toBe('');
  });
});
