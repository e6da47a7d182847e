import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planShards, planUnits, type ShardFile } from '../../src/engine/parallel.js';
import { repoRoot } from '../support/lint.js';

const file = (frontEnd: string, absolutePath: string, text = ''): ShardFile => ({ frontEnd, path: absolutePath.slice(1), absolutePath, text, explicit: false });
const paths = (groups: ShardFile[][]) => groups.map((group) => group.map((entry) => entry.absolutePath));

describe('planUnits', () => {
  it('keeps a Terraform directory together, and separate directories apart', () => {
    const files = [file('terraform', '/r/a/main.tf'), file('terraform', '/r/b/main.tf'), file('terraform', '/r/a/variables.tf'), file('terraform', '/r/a/prod.tfplan.json')];
    expect(paths(planUnits(files))).toEqual([['/r/a/main.tf', '/r/a/variables.tf', '/r/a/prod.tfplan.json'], ['/r/b/main.tf']]);
  });

  it('joins a Terraform directory with the local modules it calls, transitively and from .tf.json', () => {
    const files = [
      file('terraform', '/r/live/main.tf', 'module "ch" {\n  source = "../modules/channel"\n}'),
      file('terraform', '/r/modules/channel/main.tf', 'module "in" {\n  source = "./input"\n}'),
      file('terraform', '/r/modules/channel/input/main.tf.json', '{}'),
      file('terraform', '/r/other/main.tf.json', '{"module": {"x": {"source": "../modules/channel/input"}}}'),
      file('terraform', '/r/alone/main.tf', 'module "r" {\n  source = "terraform-aws-modules/x/aws"\n}'),
    ];
    expect(paths(planUnits(files))).toEqual([
      ['/r/live/main.tf', '/r/modules/channel/main.tf', '/r/modules/channel/input/main.tf.json', '/r/other/main.tf.json'],
      ['/r/alone/main.tf'],
    ]);
  });

  it('puts templates and Pangea files on their own, a CDK assembly together, and cross-scope files with their Terraform directory', () => {
    const files = [
      file('cloudformation', '/r/a.yaml'),
      file('pangea', '/r/p.rb'),
      file('cloudformation', '/r/b.json', 'AWS::MediaLive::Multiplexprogram'),
      file('terraform', '/r/t/program.tf', 'resource "aws_medialive_multiplex_program" "p" {}'),
      file('terraform', '/r/t/main.tf'),
      file('terraform', '/r/u/main.tf'),
    ];
    expect(paths(planUnits(files))).toEqual([['/r/a.yaml'], ['/r/p.rb'], ['/r/b.json', '/r/t/program.tf', '/r/t/main.tf'], ['/r/u/main.tf']]);
    const assembly = [file('cloudformation', '/r/cdk.out/manifest.json'), file('cloudformation', '/r/cdk.out/Stack.template.json'), file('pangea', '/r/p.rb')];
    expect(paths(planUnits(assembly))).toEqual([['/r/cdk.out/manifest.json', '/r/cdk.out/Stack.template.json'], ['/r/p.rb']]);
  });
});

describe('planShards', () => {
  it('does not shard below the threshold or for one core, and balances whole units otherwise', () => {
    const files = [file('cloudformation', '/r/a.json', 'x'.repeat(300)), file('cloudformation', '/r/b.json', 'x'.repeat(200)), file('cloudformation', '/r/c.json', 'x'.repeat(100))];
    expect(planShards(files, 2, 10_000)).toBeUndefined();
    expect(planShards(files, 1, 0)).toBeUndefined();
    expect(paths(planShards(files, 2, 0)!)).toEqual([['/r/a.json'], ['/r/b.json', '/r/c.json']]);
  });
});

describe('parallel linting', () => {
  it('gives byte-identical JSON, SARIF and text (code frames included) with and without worker threads over every example and fixture', () => {
    const run = (format: string, env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/media-lint.js'), '--format', format, 'examples', 'fixtures'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
        maxBuffer: 256 * 1024 * 1024,
      });
    // The CLI runs from the bundle, whose worker script must be there, or nothing is sharded; a
    // worker that fails is reported on stderr (its shard is then linted on the main thread), which
    // the stderr comparison below catches.
    expect(existsSync(join(repoRoot, 'dist/bundle/lint-worker.js'))).toBe(true);
    for (const format of ['json', 'sarif', 'text']) {
      const single = run(format, { MEDIA_LINT_WORKERS: '1' });
      const sharded = run(format, { MEDIA_LINT_WORKERS: '3', MEDIA_LINT_PARALLEL_THRESHOLD: '0' });
      expect(single.status).toBe(2); // findings, and the fixtures' parse errors
      expect(single.stdout.length).toBeGreaterThan(100_000);
      expect(sharded.stderr).toBe(single.stderr);
      expect(sharded.status).toBe(single.status);
      expect(sharded.stdout).toBe(single.stdout);
    }
  }, 180_000);
});
