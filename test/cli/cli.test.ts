import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colorFromEnvironment, main } from '../../src/cli/main.js';
import { allRules } from '../../src/rules/index.js';
import { toolVersion } from '../../src/version.js';
import { GitRepo, streamsTemplate } from '../support/git-repo.js';
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

const badStream = 'Resources:\n  Recording:\n    Type: AWS::KinesisVideo::Stream\n    Properties:\n      DataRetentionInHours: 100000\n      KmsKeyId: alias/recordings\n';
const goodStream = 'Resources:\n  Recording:\n    Type: AWS::KinesisVideo::Stream\n    Properties:\n      DataRetentionInHours: 24\n      KmsKeyId: alias/recordings\n';

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
      'examples/cloudformation/live-channel.yaml:32 security/access-logs-off',
      'examples/cloudformation/live-channel.yaml:38 security/logging-unset',
      'examples/cloudformation/live-channel.yaml:71 packaging/mediapackage-group-video',
      'examples/cloudformation/live-channel.yaml:87 schema/invalid-enum',
      'examples/cloudformation/live-channel.yaml:94 schema/unknown-property',
      'examples/cloudformation/live-channel.yaml:100 reference/destination-ref-id',
      'examples/cloudformation/live-channel.yaml:108 reference/description-name',
      'examples/cloudformation/live-channel.yaml:123 security/origin-unprotected',
      'examples/cloudformation/recording.json:10 schema/out-of-range',
      'examples/cloudformation/vod-transcoding.yaml:47 schema/out-of-range',
      'examples/cloudformation/vod-transcoding.yaml:60 security/mediaconvert-unencrypted-output',
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
      'security/access-logs-off',
      'security/logging-unset',
      'packaging/mediapackage-group-video',
      'reference/destination-ref-id',
      'reference/description-name',
      'security/origin-unprotected',
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

  it('stops quietly when the reader of its output goes away (`| head`)', () => {
    for (const args of ['--help', '--list-rules', 'fixtures']) {
      // The reader closes at once: the first write meets a closed pipe.
      const result = spawnSync('sh', ['-c', `node bin/media-lint.js ${args} | true`], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(result.stderr, args).toBe('');
    }
  });
});

describe('configuration, suppressions, baselines and CI options', () => {
  const streams = (retentions: Array<[string, number]>) => streamsTemplate(retentions);

  async function runWith(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env };
    const code = await main(['node', 'media-lint', ...args], io, cwd);
    return { code, stdout, stderr };
  }

  it('--explain prints the rule documentation page of the package; an unknown id gets a suggestion', async () => {
    const explained = await run(['--explain', 'schema/invalid-enum']);
    expect(explained).toEqual({ code: 0, stdout: readFileSync(join(repoRoot, 'rules-docs/schema/invalid-enum.md'), 'utf8'), stderr: '' });
    expect((await run(['--explain', 'suppression/unused'])).stdout).toContain('# suppression/unused');
    expect(await run(['--explain', 'schema/invalid-enums'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "media-lint: unknown rule 'schema/invalid-enums'; did you mean 'schema/invalid-enum'? (see --list-rules)\n",
    });
  });

  it('--format github writes one workflow command per finding, errors first, paths from GITHUB_WORKSPACE, properties escaped', async () => {
    const file = writeScratch(
      'github/sub/odd,name:1.yaml',
      streams([['Archive', 100000], ['Live', 24]]).replace('  Live:\n', '  # media-lint-ignore schema/out-of-range: 50% of the archive\n  Live:\n'),
    );
    const result = await runWith([file, '--format', 'github', '--rule', 'schema/out-of-range'], join(scratch, 'github/sub'), { GITHUB_WORKSPACE: join(scratch, 'github') });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      '::error file=sub/odd%2Cname%3A1.yaml,line=8,col=29,endLine=8,endColumn=35,title=media-lint%3A schema/out-of-range::' +
        'DataRetentionInHours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).\n' +
        '::warning file=sub/odd%2Cname%3A1.yaml,line=9,col=3,endLine=9,endColumn=62,title=media-lint%3A suppression/unused::' +
        'This suppression of schema/out-of-range is unused: the rule reports nothing in the lines it covers; remove it.\n',
    );
    expect(result.stderr).toBe('');
  });

  it('--quiet reports errors only, and warnings no longer count for --max-warnings', async () => {
    const file = writeScratch('quiet/streams.yaml', streams([['Archive', 100000]]).replace('  Archive:\n', '  # media-lint-ignore schema/invalid-enum: none here\n  Archive:\n'));
    const loud = await run([file, '--rule', 'schema/out-of-range,schema/invalid-enum', '--format', 'json']);
    expect((JSON.parse(loud.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['suppression/unused', 'schema/out-of-range']);
    const quiet = await run([file, '--rule', 'schema/out-of-range,schema/invalid-enum', '--format', 'json', '--quiet']);
    expect((JSON.parse(quiet.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['schema/out-of-range']);
    const warningsOnly = writeScratch('quiet/warnings.yaml', streams([['Archive', 24]]).replace('  Archive:\n', '  # media-lint-ignore schema/invalid-enum: none here\n  Archive:\n'));
    expect((await run([warningsOnly, '--rule', 'schema/invalid-enum', '--max-warnings', '0', '--no-color'])).code).toBe(1);
    expect((await run([warningsOnly, '--rule', 'schema/invalid-enum', '--max-warnings', '0', '--quiet', '--no-color'])).code).toBe(0);
  });

  it('an invalid suppression is a finding (exit 1), not an input problem (exit 2)', async () => {
    const file = writeScratch('invalid-suppression/streams.yaml', streams([['Archive', 24]]).replace('  Archive:\n', '  # media-lint-ignore schema/invalid-enum\n  Archive:\n'));
    const result = await run([file, '--rule', 'schema/invalid-enum', '--format', 'json']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['suppression/invalid']);
  });

  it('applies the nearest configuration file, and stops with exit 2 at a broken one', async () => {
    writeScratch('configured/media-lint.config.yaml', 'rules:\n  schema/out-of-range: warning\n');
    const file = writeScratch('configured/infra/streams.yaml', streams([['Archive', 100000]]));
    const result = await run([file, '--rule', 'schema/out-of-range', '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { findings: Array<{ severity: string }> }).findings.map((finding) => finding.severity)).toEqual(['warning']);

    writeScratch('broken-config/media-lint.config.yaml', 'rules:\n  schema/out-of-rnage: warning\n');
    const broken = writeScratch('broken-config/streams.yaml', streams([['Archive', 100000]]));
    expect(await run([broken], join(scratch, 'broken-config'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'media-lint: media-lint.config.yaml:2:3: rules["schema/out-of-rnage"]: unknown rule; did you mean "schema/out-of-range"?\n',
    });
    const explicit = await run([broken, '--config', join(scratch, 'configured/media-lint.config.yaml'), '--rule', 'schema/out-of-range', '--no-color'], join(scratch, 'broken-config'));
    expect(explicit.code).toBe(0);
  });

  it('--write-baseline records the findings; --baseline reports only new ones, even after lines move', async () => {
    const directory = join(scratch, 'baseline');
    writeScratch('baseline/streams.yaml', streams([['Archive', 100000]]));
    const written = await run(['streams.yaml', '--rule', 'schema/out-of-range', '--write-baseline', 'media-lint-baseline.json'], directory);
    expect(written).toEqual({ code: 0, stdout: '', stderr: 'media-lint: wrote 1 finding to the baseline media-lint-baseline.json\n' });
    expect(JSON.parse(readFileSync(join(directory, 'media-lint-baseline.json'), 'utf8'))).toMatchObject({ format: 'media-lint-baseline', formatVersion: '1.0', toolVersion });

    writeScratch('baseline/streams.yaml', `Description: three lines\nMetadata: {}\n\n${streams([['Archive', 100000], ['Live', 200000]])}`);
    const later = await run(['streams.yaml', '--rule', 'schema/out-of-range', '--baseline', 'media-lint-baseline.json', '--format', 'json'], directory);
    expect(later.code).toBe(1);
    expect((JSON.parse(later.stdout) as { findings: Array<{ line: number; message: string }> }).findings.map((finding) => `${finding.line} ${finding.message.slice(0, 27)}`)).toEqual([
      '18 DataRetentionInHours 200000',
    ]);

    writeScratch('baseline/streams.yaml', streams([['Archive', 24]]));
    const fixed = await run(['streams.yaml', '--rule', 'schema/out-of-range', '--baseline', 'media-lint-baseline.json', '--no-color'], directory);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toBe('media-lint: 1 finding of the baseline no longer occurs; update it with --write-baseline\n');
  });

  it('rejects a baseline of another major format version with exit 2', async () => {
    const file = writeScratch('baseline-v2/b.json', JSON.stringify({ format: 'media-lint-baseline', formatVersion: '2.0', toolVersion: '9.0.0', findings: [] }));
    expect(await run(['examples/', '--baseline', file])).toEqual({
      code: 2,
      stdout: '',
      stderr: `media-lint: baseline ${file} was written by media-lint 9.0.0 in format 2.0; this media-lint reads format 1.x. Write a new one with --write-baseline\n`,
    });
    expect((await run(['examples/', '--baseline', file, '--write-baseline', file])).code).toBe(2);
  });

  it('--changed-since keeps only findings on changed lines, from any subdirectory of the repository', async () => {
    const repo = new GitRepo();
    try {
      repo.write('infra/live/streams.yaml', streams([['Archive', 100000], ['Live', 24]]));
      repo.commit('base');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('infra/live/streams.yaml', streams([['Archive', 100000], ['Live', 200000]]));
      repo.write('infra/new.yaml', streams([['Fresh', 300000]])); // untracked: every line is new
      const result = await run(['..', '--rule', 'schema/out-of-range', '--changed-since', 'main', '--format', 'json'], join(repo.root, 'infra/live'));
      expect(result.code).toBe(1);
      expect((JSON.parse(result.stdout) as { findings: Array<{ file: string; line: number }> }).findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual([
        `${repo.root}/infra/new.yaml:8`, // outside the working directory: reported with its absolute path
        'streams.yaml:15',
      ]);
      const unknown = await run(['.', '--changed-since', 'nope'], repo.root);
      expect(unknown).toEqual({ code: 2, stdout: '', stderr: "media-lint: unknown git revision 'nope'\n" });
    } finally {
      repo.remove();
    }
  });

  it('--shard I/N lints disjoint parts of the files that together are all of them', async () => {
    for (const name of ['a', 'b', 'c']) writeScratch(`sharded/${name}/streams.yaml`, streams([['Archive', 100000]]));
    const filesOf = async (shard: string) => {
      const result = await run(['sharded', '--rule', 'schema/out-of-range', '--shard', shard, '--format', 'json'], scratch);
      return (JSON.parse(result.stdout) as { findings: Array<{ file: string }> }).findings.map((finding) => finding.file);
    };
    const parts = [await filesOf('1/2'), await filesOf('2/2')];
    expect(parts.map((part) => part.length).sort()).toEqual([1, 2]);
    expect(parts.flat().sort()).toEqual(['sharded/a/streams.yaml', 'sharded/b/streams.yaml', 'sharded/c/streams.yaml']);
    expect(await filesOf('1/2')).toEqual(parts[0]);
    const invalid = await run(['sharded', '--shard', '3/2']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("option '--shard <i/n>' argument '3/2' is invalid. expected 1 ≤ I ≤ N, got 3/2.");
  });

  it('decides colours from NO_COLOR, FORCE_COLOR, the terminal and CI', () => {
    expect(colorFromEnvironment({}, false)).toBe(false);
    expect(colorFromEnvironment({}, true)).toBe(true);
    expect(colorFromEnvironment({ TERM: 'dumb' }, true)).toBe(false);
    expect(colorFromEnvironment({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(colorFromEnvironment({ NO_COLOR: '' }, true)).toBe(true);
    expect(colorFromEnvironment({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorFromEnvironment({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorFromEnvironment({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(colorFromEnvironment({ CI: 'true' }, false)).toBe(true);
  });

  it('draws a progress line on standard error for many files on a terminal, and clears it', async () => {
    for (let index = 0; index < 60; index++) writeScratch(`many/s${index}.yaml`, streams([['Archive', 24]]));
    let stderr = '';
    const io = { stdout: () => {}, stderr: (text: string) => void (stderr += text), env: {}, stderrIsTTY: true };
    expect(await main(['node', 'media-lint', join(scratch, 'many'), '--rule', 'schema/out-of-range'], io, repoRoot)).toBe(0);
    expect(stderr.startsWith('\r\u001b[2Kmedia-lint: reading files 0/60')).toBe(true);
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
    // Not on a pipe, and not for a few files.
    expect((await run([join(scratch, 'many'), '--rule', 'schema/out-of-range', '--no-color'])).stderr).toBe('');
  });

  it('documents the new options in --help', async () => {
    const help = (await run(['--help'])).stdout;
    for (const option of ['-c, --config <file>', '--quiet', '--baseline <file>', '--write-baseline <file>', '--changed-since <ref>', '--shard <i/n>', '--explain <rule>', 'github']) {
      expect(help).toContain(option);
    }
  });
});
