import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/reporters/json-schema.js';
import { allRules } from '../../src/rules/index.js';
import { lintPaths, repoRoot } from '../support/lint.js';
import { codeFindings, parityKey } from './support.js';

const run = promisify(execFile);

/**
 * fixtures/cdk-app is the CDK twin of examples/cloudformation/live-channel.yaml. It is synthesized
 * the way `cdk synth` runs an app (the app reads CDK_OUTDIR), then `media-lint <tmp>/cdk.out`
 * lints the templates: every finding names the construct path and, from the construct's creation
 * stack trace in the cloud assembly, the TypeScript file and line of the construct.
 */
const app = join(repoRoot, 'fixtures/cdk-app');
const stackFile = 'fixtures/cdk-app/lib/live-channel-stack.ts';
let directory: string;
let report: JsonReport;

/** The line and column of `new …(this, 'Id'` in the stack file. */
function constructLocation(id: string): { line: number; column: number } {
  const lines = readFileSync(join(repoRoot, stackFile), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(`(this, '${id}'`));
  return { line: line + 1, column: lines[line]!.indexOf('new ') + 1 };
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'media-lint-cdk-'));
  await run(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'bin/app.ts'], {
    cwd: app,
    // CDK_DEBUG: record creation stack traces whatever the app's context says; CDK_VALIDATION:
    // skip the built-in CloudFormation validation plugin, which is slow and not under test here.
    env: { ...process.env, CDK_OUTDIR: join(directory, 'cdk.out'), CDK_DEBUG: 'true', CDK_VALIDATION: 'false' },
  });
  const bin = join(repoRoot, 'bin/media-lint.js');
  const lintRun = await run(process.execPath, [bin, join(directory, 'cdk.out'), '--format', 'json'], { cwd: repoRoot }).catch((error: { stdout?: string; code?: number }) => {
    // Exit code 1: findings at the error level, which the app has on purpose.
    if (error.code !== 1 || error.stdout === undefined) throw error;
    return { stdout: error.stdout };
  });
  report = JSON.parse(lintRun.stdout) as JsonReport;
});

afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('media-lint on a synthesized CDK app', () => {
  it('lints the stack template and reports the planted mistakes', () => {
    expect(report.findings.map((finding) => finding.ruleId).sort()).toEqual([
      'packaging/mediapackage-group-video',
      'reference/description-name',
      'reference/destination-ref-id',
      'schema/invalid-enum',
      'security/access-logs-off',
      'security/logging-unset',
      'security/origin-unprotected',
    ]);
    expect(report.findings.every((finding) => finding.file.endsWith('cdk.out/LiveChannelStack.template.json'))).toBe(true);
  });

  it('names the construct path and the TypeScript file and line of each construct', () => {
    const located = report.findings.map((finding) => ({ ruleId: finding.ruleId, constructPath: finding.constructPath, constructSource: finding.constructSource }));
    const at = (id: string) => ({ file: stackFile, ...constructLocation(id) });
    expect(located).toEqual(
      expect.arrayContaining([
        { ruleId: 'security/access-logs-off', constructPath: 'LiveChannelStack/PackagingChannel', constructSource: at('PackagingChannel') },
        { ruleId: 'schema/invalid-enum', constructPath: 'LiveChannelStack/EventChannel', constructSource: at('EventChannel') },
        { ruleId: 'reference/destination-ref-id', constructPath: 'LiveChannelStack/EventChannel', constructSource: at('EventChannel') },
        { ruleId: 'security/origin-unprotected', constructPath: 'LiveChannelStack/HlsEndpoint', constructSource: at('HlsEndpoint') },
      ]),
    );
    expect(report.findings.every((finding) => finding.constructPath !== undefined && finding.constructSource?.file === stackFile)).toBe(true);
  });

  it('finds what the CloudFormation twin and the CDK source give, except what synthesis drops', async () => {
    const keys = (findings: Array<{ ruleId: string; resource?: { address: string }; propertyPath?: string }>) =>
      findings.map((finding) => parityKey(finding as Parameters<typeof parityKey>[0]));
    // The command line runs the recommended preset when no configuration is found.
    const opinionated = new Set(allRules.filter((rule) => rule.meta.recommended === false).map((rule) => rule.meta.id));
    const recommended = (key: string) => !opinionated.has(key.split(' ')[0]!);
    // CDK drops a property its L1 props do not declare (TypeScript reports it in the editor, and so does the plugin).
    const synthesized = (key: string) => !key.startsWith('schema/unknown-property');
    const synth = keys(report.findings).sort();
    const template = keys((await lintPaths(['examples/cloudformation/live-channel.yaml'])).report.findings).filter(recommended).filter(synthesized).sort();
    const code = keys(codeFindings(stackFile)).filter(recommended).sort();
    expect(synth).toEqual(template);
    expect(code.filter(synthesized)).toEqual(synth);
    expect(code.filter((key) => !synthesized(key))).toEqual([
      'schema/unknown-property EventChannel encoder_settings.video_descriptions[1].codec_settings.h264_settings.gop_size_unit',
    ]);
  });
});

describe('cloud assemblies with an additional metadata file', () => {
  const write = (files: Record<string, unknown>) => {
    const assembly = mkdtempSync(join(tmpdir(), 'media-lint-assembly-'));
    mkdirSync(join(assembly, 'cdk.out'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(assembly, 'cdk.out', name), typeof content === 'string' ? content : JSON.stringify(content));
    return assembly;
  };
  const files = (metadata: unknown) => ({
    'manifest.json': { version: '55.0.0', artifacts: { Edge: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Edge.template.json' }, additionalMetadataFile: 'Edge.metadata.json', displayName: 'Edge' } } },
    'Edge.template.json': { Resources: { Camera: { Type: 'AWS::KinesisVideo::Stream', Properties: { Name: 'front door' } } } },
    'Edge.metadata.json': metadata,
  });

  it('reads construct paths and creation stacks from it', async () => {
    const assembly = write(
      files({
        '/Edge/Camera': [
          { type: 'aws:cdk:logicalId', data: 'Camera' },
          { type: 'aws:cdk:creationStack', data: ['new EdgeStack (/home/dev/app/lib/edge.ts:14:5)', '...node internals...'] },
        ],
      }),
    );
    try {
      const { report } = await lintPaths([join(assembly, 'cdk.out')], { onlyRules: ['kinesis-video/name-pattern'], cwd: '/home/dev/app' });
      expect(report.findings.map((finding) => [finding.ruleId, finding.constructPath, finding.constructSource])).toEqual([
        ['kinesis-video/name-pattern', 'Edge/Camera', { file: 'lib/edge.ts', line: 14, column: 5 }],
      ]);
    } finally {
      rmSync(assembly, { recursive: true, force: true });
    }
  });

  it('still lints the templates when the metadata file is broken', async () => {
    const assembly = write(files('{ not json'));
    try {
      const { report } = await lintPaths([join(assembly, 'cdk.out')], { onlyRules: ['kinesis-video/name-pattern'] });
      expect(report.findings.map((finding) => [finding.ruleId, finding.constructPath])).toEqual([['kinesis-video/name-pattern', undefined]]);
    } finally {
      rmSync(assembly, { recursive: true, force: true });
    }
  });
});
