/**
 * Safety: media-lint never runs code from the repository it lints (a JavaScript configuration,
 * Ruby, Terraform provisioners and external programs, a CDK app, packages in the repository's
 * node_modules), and never opens a network connection.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/lint.js';

const preload = join(repoRoot, 'test/determinism/no-network.mjs');

function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
  return spawnSync(process.execPath, [...nodeArgs, join(repoRoot, 'bin/media-lint.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'media-lint-safety-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('no network', () => {
  it('the guard works: a connection attempt is recorded and fails', () => {
    const log = join(scratch, 'sanity.log');
    const result = spawnSync(process.execPath, ['--import', preload, '-e', "require('node:net').connect(80, '127.0.0.1')"], { encoding: 'utf8', env: { ...process.env, MEDIA_LINT_NETWORK_LOG: log } });
    expect(result.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('net.connect');
  });

  it('lints every example and fixture (templates, CDK assemblies, Terraform with remote module sources, Pangea) without touching the network', () => {
    const log = join(scratch, 'network.log');
    const result = runCli(['--format', 'json', 'examples', 'fixtures'], repoRoot, { MEDIA_LINT_NETWORK_LOG: log }, ['--import', preload]);
    // Exit code 2: the fixtures include files that cannot be parsed, on purpose.
    expect(result.status).toBe(2);
    expect((JSON.parse(result.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(500);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  });
});

describe('no code from the linted repository runs', () => {
  it('ignores JavaScript configurations, Ruby, provisioners, external programs, CDK apps and local packages', () => {
    const repository = join(scratch, 'repository');
    const marker = (name: string) => join(scratch, `executed-${name}`);
    const touch = (name: string) => `require('node:fs').writeFileSync(${JSON.stringify(marker(name))}, 'ran');`;
    mkdirSync(join(repository, '.git'), { recursive: true });
    mkdirSync(join(repository, 'infra/modules/evil'), { recursive: true });
    // Configurations that would run code if loaded; the JSON one is the real configuration.
    writeFileSync(join(repository, 'media-lint.config.js'), `${touch('config-js')}\nmodule.exports = { rules: {} };\n`);
    writeFileSync(join(repository, 'media-lint.config.mjs'), `${touch('config-mjs')}\nexport default {};\n`);
    writeFileSync(join(repository, 'media-lint.config.cjs'), `${touch('config-cjs')}\n`);
    writeFileSync(join(repository, 'media-lint.config.json'), JSON.stringify({ rules: { 'kinesis-video/retention-zero': 'error' } }));
    writeFileSync(join(repository, 'package.json'), JSON.stringify({ name: 'victim', scripts: { postinstall: `node -e "${touch('npm-script').replace(/"/g, '\\"')}"` }, main: 'evil.js' }));
    writeFileSync(join(repository, 'evil.js'), touch('evil-js'));
    writeFileSync(join(repository, 'cdk.json'), JSON.stringify({ app: `node -e "${touch('cdk-app').replace(/"/g, '\\"')}"` }));
    // Packages media-lint uses, planted in the linted repository's node_modules.
    for (const name of ['zod', 'yaml', 'jsonc-parser', 'web-tree-sitter', 'commander']) {
      mkdirSync(join(repository, 'node_modules', name), { recursive: true });
      writeFileSync(join(repository, 'node_modules', name, 'package.json'), JSON.stringify({ name, main: 'index.js', exports: { '.': './index.js' } }));
      writeFileSync(join(repository, 'node_modules', name, 'index.js'), touch(`package-${name}`));
    }
    // Ruby that would run commands, write files, load other files.
    writeFileSync(join(repository, 'infra/evil.rb'), 'require_relative "./helper"\n');
    writeFileSync(
      join(repository, 'infra/live.rb'),
      [
        'require "./infra/helper"',
        'load "./infra/helper.rb"',
        `system("touch ${marker('ruby-system')}")`,
        `\`touch ${marker('ruby-backticks')}\``,
        `%x(touch ${marker('ruby-percent-x')})`,
        `File.write("${marker('ruby-file-write')}", "ran")`,
        `eval("File.write('${marker('ruby-eval')}', 'ran')")`,
        `IO.popen("touch ${marker('ruby-popen')}")`,
        `exec("touch ${marker('ruby-exec')}")`,
        'template :live do',
        `  name = \`touch ${marker('ruby-in-template')}\``,
        `  system("touch ${marker('ruby-system-in-template')}")`,
        '  aws_kinesis_video_stream(:camera, { name: "camera", data_retention_in_hours: 0 })',
        'end',
        '',
      ].join('\n'),
    );
    writeFileSync(join(repository, 'infra/helper.rb'), `File.write("${marker('ruby-helper')}", "ran")\n`);
    // Terraform that would run programs.
    writeFileSync(
      join(repository, 'infra/main.tf'),
      [
        'data "external" "evil" {',
        `  program = ["sh", "-c", "touch ${marker('terraform-external')}"]`,
        '}',
        'resource "aws_kinesis_video_stream" "camera" {',
        '  name = "camera"',
        '  data_retention_in_hours = 0',
        '  provisioner "local-exec" {',
        `    command = "touch ${marker('terraform-local-exec')}"`,
        '  }',
        '}',
        'module "evil" {',
        '  source = "./modules/evil"',
        '}',
        'locals {',
        `  value = file("${marker('terraform-file')}")`,
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(repository, 'infra/modules/evil/main.tf'), `resource "null_resource" "x" {\n  provisioner "local-exec" {\n    command = "touch ${marker('terraform-module')}"\n  }\n}\n`);
    writeFileSync(join(repository, 'infra/template.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Camera:\n    Type: AWS::KinesisVideo::Stream\n    Properties:\n      Name: camera\n');

    const result = runCli(['--format', 'json', '.'], repository);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string; severity: string }> }).findings;
    // The three formats were read (statically), and the JSON configuration applied.
    for (const file of ['infra/live.rb', 'infra/main.tf', 'infra/template.yaml']) {
      expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'kinesis-video/retention-zero', file, severity: 'error' }));
    }
    const ran = ['config-js', 'config-mjs', 'config-cjs', 'npm-script', 'evil-js', 'cdk-app', 'ruby-helper', 'terraform-external', 'terraform-local-exec', 'terraform-file', 'terraform-module']
      .concat(['zod', 'yaml', 'jsonc-parser', 'web-tree-sitter', 'commander'].map((name) => `package-${name}`))
      .concat(['system', 'backticks', 'percent-x', 'file-write', 'eval', 'popen', 'exec', 'in-template', 'system-in-template'].map((name) => `ruby-${name}`))
      .filter((name) => existsSync(marker(name)));
    expect(ran).toEqual([]);
  });
});
