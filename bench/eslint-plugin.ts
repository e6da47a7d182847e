/**
 * ESLint plugin benchmark: `npx tsx bench/eslint-plugin.ts [files] [rounds]`.
 *
 * Generates a CDK project of 200 TypeScript files in a temporary directory: half are stacks with
 * media constructs (the live channel of fixtures/cdk-app, each with its own names and values: seven
 * L1 constructs, about 130 lines), half are stacks without any (S3 buckets, IAM roles, Lambda
 * functions). Lints them with ESLint's Node API and @typescript-eslint/parser, without the plugin
 * and with its `all` config (every rule on), and prints the time per file of each, for the media
 * files, the other files and the whole project: wall-clock time, and the process's CPU time, which
 * other processes on a busy machine disturb less (ESLint lints on one thread; the garbage collector's
 * helper threads count too). Rounds alternate between the two configurations and the median is kept.
 * On a shared machine those differences still swing by a few milliseconds, so the bench also reports
 * the plugin's own time as ESLint measures it (the `stats` option times each rule's `create` and
 * listeners, reports included): the sum over the media-lint rules, per file.
 *
 * Both configurations enable a few core rules, as a project's own configuration does: with no rule
 * at all ESLint skips its traversal and code-path analysis, which would be charged to the plugin.
 *
 * Targets: the plugin adds at most 3 ms per CDK file on average, and next to nothing to a file
 * without media constructs (it stops at one regular-expression test of the file's text).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../src/eslint-plugin/index.js';

const FILES = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 7);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const template = readFileSync(join(root, 'fixtures/cdk-app/lib/live-channel-stack.ts'), 'utf8');

function mediaStack(index: number): string {
  return template
    .replace("const eventName = 'spring-gala';", `const eventName = 'event-${index}';`)
    .replace('const topBitrate = 6_000_000;', `const topBitrate = ${5_000_000 + (index % 5) * 500_000};`)
    .replace('export class LiveChannelStack', `export class LiveChannelStack${index}`)
    .replace("cidr: '203.0.113.0/24'", `cidr: '203.0.113.${index % 250}/32'`);
}

function otherStack(index: number): string {
  return `import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

const prefix = 'service-${index}';

export class ServiceStack${index} extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const bucket = new s3.Bucket(this, 'Assets', {
      bucketName: \`\${prefix}-assets\`,
      encryption: s3.BucketEncryption.S3_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(${30 + index}) }],
    });
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    bucket.grantRead(role);
    for (const name of ['ingest', 'thumbnail', 'report']) {
      new lambda.Function(this, \`\${name}-fn\`, {
        runtime: lambda.Runtime.NODEJS_20_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
        timeout: Duration.seconds(${10 + (index % 20)}),
        role,
        environment: { BUCKET: bucket.bucketName, STAGE: prefix },
      });
    }
    new s3.CfnBucket(this, 'Logs', { bucketName: \`\${prefix}-logs\`, versioningConfiguration: { status: 'Enabled' } });
  }
}
`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const directory = mkdtempSync(join(tmpdir(), 'media-lint-eslint-bench-'));
try {
  mkdirSync(join(directory, 'media'));
  mkdirSync(join(directory, 'other'));
  const half = Math.ceil(FILES / 2);
  for (let index = 0; index < half; index++) writeFileSync(join(directory, 'media', `stack-${index}.ts`), mediaStack(index));
  for (let index = 0; index < FILES - half; index++) writeFileSync(join(directory, 'other', `stack-${index}.ts`), otherStack(index));

  // The project's own rules, in both configurations: with any rule on, ESLint traverses the tree and
  // analyses code paths, which a configuration without rules skips; that cost is not the plugin's.
  const projectRules: Linter.RulesRecord = { 'no-debugger': 'error', 'no-dupe-keys': 'error', 'no-var': 'error', 'prefer-const': 'error', eqeqeq: 'error' };
  const base: Linter.Config = { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, rules: projectRules };
  const configurations: Record<string, Linter.Config[]> = {
    without: [base],
    with: [base, { files: ['**/*.ts'], ...(plugin.configs.all as Linter.Config) }],
  };
  const lint = async (name: string, patterns: string[], stats = false) => {
    const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: configurations[name], stats });
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const results = await eslint.lintFiles(patterns);
    const cpu = process.cpuUsage(cpuStarted);
    const elapsed = performance.now() - started;
    const problems = results.reduce((sum, result) => sum + result.messages.length, 0);
    let pluginTime = 0;
    for (const result of results) {
      for (const pass of result.stats?.times.passes ?? []) {
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) if (ruleId.startsWith('media-lint/')) pluginTime += time.total;
      }
    }
    return { elapsed, cpu: (cpu.user + cpu.system) / 1000, pluginTime, files: results.length, problems };
  };

  const sets: Record<string, string[]> = { 'media files': ['media/*.ts'], 'other files': ['other/*.ts'], 'whole project': ['**/*.ts'] };
  // Warm-up: module loading, the TypeScript parser, the specs the rules read.
  await lint('with', ['**/*.ts']);
  await lint('without', ['**/*.ts']);

  console.log(`${FILES} files (${half} with media constructs), ${ROUNDS} rounds, median ms per file`);
  console.log('set              clock   without plugin   with plugin   added by plugin   problems');
  for (const [label, patterns] of Object.entries(sets)) {
    const times: Record<string, { wall: number[]; cpu: number[] }> = { without: { wall: [], cpu: [] }, with: { wall: [], cpu: [] } };
    let files = 0;
    let problems = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 === 0 ? ['without', 'with'] : ['with', 'without']) {
        const run = await lint(name, patterns);
        times[name]!.wall.push(run.elapsed / run.files);
        times[name]!.cpu.push(run.cpu / run.files);
        files = run.files;
        if (name === 'with') problems = run.problems;
      }
    }
    const pluginTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const run = await lint('with', patterns, true);
      pluginTimes.push(run.pluginTime / run.files);
    }
    console.log(`${label.padEnd(17)}media-lint rules (ESLint stats): ${median(pluginTimes).toFixed(2)}`);
    for (const clock of ['wall', 'cpu'] as const) {
      const without = median(times.without![clock]);
      const withPlugin = median(times.with![clock]);
      const row = `${''.padEnd(17)}${clock.padEnd(6)}${without.toFixed(2).padStart(15)}${withPlugin.toFixed(2).padStart(14)}${(withPlugin - without).toFixed(2).padStart(18)}`;
      console.log(clock === 'wall' ? `${row}${String(problems).padStart(11)}  (${files} files)` : row);
    }
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
