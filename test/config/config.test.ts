import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchemaPath, generateConfigSchema } from '../../scripts/generate-config-schema.js';
import { ConfigError, DiscoveredConfigs, explicitConfig, fixedConfig, loadConfigFile, ResolvedConfig } from '../../src/config/index.js';
import { lint } from '../../src/engine/lint.js';
import { defineRule, type Rule, type RuleMeta } from '../../src/engine/rule.js';
import { allRules } from '../../src/rules/index.js';
import { streamsTemplate } from '../support/git-repo.js';

const scratch = mkdtempSync(join(tmpdir(), 'media-lint-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A fresh directory (a git repository root unless `git: false`) with the given files. */
function project(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const root = join(scratch, `project-${++counter}`);
  mkdirSync(root, { recursive: true });
  if (options.git !== false) mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const badStream = streamsTemplate([['Recording', 100000]]);

describe('configuration errors are located: file, line, column and key', () => {
  it('in YAML', () => {
    const root = project({
      'media-lint.config.yaml': [
        'preset: strictt',
        'rules:',
        '  schema/invalid-enums: warning',
        '  schema/out-of-range:',
        '    severity: warn',
        '  reference/unresolved: { sevrity: error }',
        'ignore: legacy/',
        'overrides:',
        '  - files: []',
        '    rules:',
        '      schema/out-of-range: { options: {} }',
        'parse-error: off',
        '',
      ].join('\n'),
    });
    expect(problemsOf(() => loadConfigFile(join(root, 'media-lint.config.yaml'), 'media-lint.config.yaml'))).toEqual([
      'media-lint.config.yaml:1:9: preset: expected "recommended", "strict" or "all", got "strictt"; did you mean "strict"?',
      'media-lint.config.yaml:3:3: rules["schema/invalid-enums"]: unknown rule; did you mean "schema/invalid-enum"?',
      'media-lint.config.yaml:5:15: rules["schema/out-of-range"].severity: expected "off", "info", "warning" or "error", got "warn"; did you mean "warning"?',
      'media-lint.config.yaml:6:27: rules["reference/unresolved"].sevrity: unknown key; did you mean "severity"? (expected "severity")',
      'media-lint.config.yaml:7:9: ignore: expected a list, got "legacy/"',
      'media-lint.config.yaml:9:12: overrides[0].files: must list at least one pattern',
      'media-lint.config.yaml:11:30: overrides[0].rules["schema/out-of-range"].options: options cannot be set per path; set them in the top-level "rules"',
      'media-lint.config.yaml:12:1: ["parse-error"]: unknown key (expected "$schema", "preset", "extends", "rules", "ignore" or "overrides")',
    ]);
  });

  it('in JSON (comments and trailing commas allowed) and in package.json', () => {
    const root = project({
      'media-lint.config.json': '{\n  // team defaults\n  "rules": {\n    "schema/out-of-range": "of",\n  },\n}\n',
      'package.json': '{\n  "name": "infra",\n  "media-lint": {\n    "preset": "all",\n    "rules": { "reference/unresolve": "off" }\n  }\n}\n',
    });
    expect(problemsOf(() => loadConfigFile(join(root, 'media-lint.config.json'), 'media-lint.config.json'))).toEqual([
      'media-lint.config.json:4:28: rules["schema/out-of-range"]: expected "off", "info", "warning" or "error", got "of"; did you mean "off"?',
    ]);
    expect(problemsOf(() => loadConfigFile(join(root, 'package.json'), 'package.json'))).toEqual([
      'package.json:5:16: rules["reference/unresolve"]: unknown rule; did you mean "reference/unresolved"?',
    ]);
  });

  it('reports syntax errors where the parser stopped', () => {
    const root = project({ 'a.yaml': 'rules:\n  - [unclosed\n', 'b.json': '{\n  "rules": {}\n  "ignore": []\n}\n' });
    expect(problemsOf(() => loadConfigFile(join(root, 'a.yaml'), 'a.yaml'))[0]).toMatch(/^a\.yaml:3:1: /);
    expect(problemsOf(() => loadConfigFile(join(root, 'b.json'), 'b.json'))).toEqual(['b.json:3:3: invalid JSON: comma expected']);
  });

  it('validates rule options against the metadata: names and value types', () => {
    const metas = [withOptions];
    const root = project({
      'media-lint.config.yaml': 'rules:\n  ladder/step-ratio:\n    options:\n      maxStepRatio: "2"\n      maxStepRaito: 2\n',
    });
    expect(problemsOf(() => loadConfigFile(join(root, 'media-lint.config.yaml'), 'c.yaml', metas))).toEqual([
      'c.yaml:4:21: rules["ladder/step-ratio"].options.maxStepRatio: expected a number, got "2"',
      'c.yaml:5:7: rules["ladder/step-ratio"].options.maxStepRaito: unknown option; did you mean "maxStepRatio"? (ladder/step-ratio has "maxStepRatio" or "premiumRequiresDrm")',
    ]);
  });

  it('is rejected by the CLI-facing providers with the file named', () => {
    const root = project({ 'media-lint.config.yml': 'rules: []\n', 'infra/t.yaml': badStream });
    expect(problemsOf(() => new DiscoveredConfigs(root).forFile(join(root, 'infra/t.yaml')))).toEqual([
      'media-lint.config.yml:1:8: rules: expected an object, got a list',
    ]);
    expect(problemsOf(() => explicitConfig('missing.yaml', root))).toEqual(['missing.yaml: cannot be read (no such file)']);
  });
});

/** A rule with options and an opinionated rule, to test presets and options without the registry. */
const withOptions: RuleMeta = {
  id: 'ladder/step-ratio',
  category: 'ladder',
  severity: 'info',
  description: 'Adjacent renditions of a ladder are too far apart.',
  details: 'x'.repeat(50),
  rationale: 'x'.repeat(50),
  messages: { step: 'options {{options}}' },
  appliesTo: '*',
  references: [],
  options: {
    maxStepRatio: { description: 'Largest bitrate ratio between neighbours.', default: 2.5 },
    premiumRequiresDrm: { description: 'Premium content must be encrypted.', default: false },
  },
};
const opinionated: RuleMeta = { ...withOptions, id: 'ladder/opinionated', options: undefined, severity: 'warning', recommended: false };

/** Test rules that report once per resource, saying which options they saw. */
function reportingRule(meta: RuleMeta): Rule {
  return defineRule({
    meta,
    check(context) {
      for (const resource of context.graph.resources) {
        context.report({ scope: resource.scope, span: resource.nameSpan, messageId: 'step', data: { options: JSON.stringify(context.options) } });
      }
    },
  });
}

const testRules = [reportingRule(withOptions), reportingRule(opinionated)];

async function severities(root: string, configFile: string | undefined, paths = ['.']): Promise<string[]> {
  const config = configFile ? fixedConfig(new ResolvedConfig(loadConfigFile(join(root, configFile), configFile, [withOptions, opinionated]))) : fixedConfig(new ResolvedConfig(undefined));
  const result = await lint({ paths, cwd: root, rules: testRules, config });
  return result.report.findings.map((finding) => `${finding.file} ${finding.ruleId} ${finding.severity} ${finding.message}`);
}

describe('presets, rules and overrides', () => {
  it('recommended (the default) leaves opinionated rules out; strict raises info to warning; all keeps defaults', async () => {
    const root = project({ 't.yaml': badStream, 'strict.yaml': 'preset: strict\n', 'all.yaml': 'extends: all\n' });
    expect(await severities(root, undefined)).toEqual(['t.yaml ladder/step-ratio info options {"maxStepRatio":2.5,"premiumRequiresDrm":false}']);
    expect(await severities(root, 'strict.yaml')).toEqual(['t.yaml ladder/opinionated warning options {}', 't.yaml ladder/step-ratio warning options {"maxStepRatio":2.5,"premiumRequiresDrm":false}']);
    expect(await severities(root, 'all.yaml')).toEqual(['t.yaml ladder/opinionated warning options {}', 't.yaml ladder/step-ratio info options {"maxStepRatio":2.5,"premiumRequiresDrm":false}']);
  });

  it('applies rule severities, options, and per-path overrides (later entries win)', async () => {
    const root = project({
      'live/a.yaml': badStream,
      'vod/b.yaml': badStream,
      'vod/legacy/c.yaml': badStream,
      'config.yaml': [
        'rules:',
        '  ladder/step-ratio: { severity: error, options: { maxStepRatio: 1.5, premiumRequiresDrm: true } }',
        '  ladder/opinionated: warning',
        'overrides:',
        '  - files: [vod/]',
        '    rules: { ladder/step-ratio: warning }',
        '  - files: ["**/legacy/*.yaml"]',
        '    rules: { ladder/step-ratio: "off", ladder/opinionated: info }',
        '',
      ].join('\n'),
    });
    expect(await severities(root, 'config.yaml')).toEqual([
      'live/a.yaml ladder/opinionated warning options {}',
      'live/a.yaml ladder/step-ratio error options {"maxStepRatio":1.5,"premiumRequiresDrm":true}',
      'vod/b.yaml ladder/opinionated warning options {}',
      'vod/b.yaml ladder/step-ratio warning options {"maxStepRatio":1.5,"premiumRequiresDrm":true}',
      'vod/legacy/c.yaml ladder/opinionated info options {}',
    ]);
  });

  it('skips ignored files, and says so for a file named on the command line', async () => {
    const root = project({ 'a.yaml': badStream, 'generated/b.yaml': badStream, 'config.yaml': 'ignore: [generated/]\n' });
    const config = fixedConfig(new ResolvedConfig(loadConfigFile(join(root, 'config.yaml'), 'config.yaml', [withOptions, opinionated])));
    const walked = await lint({ paths: ['.'], cwd: root, rules: testRules, config });
    expect(walked.report.findings.map((finding) => finding.file)).toEqual(['a.yaml']);
    const named = await lint({ paths: ['generated/b.yaml'], cwd: root, rules: testRules, config });
    expect(named.notices).toEqual(['generated/b.yaml: skipped, ignored by config.yaml']);
    expect(named.report.filesLinted).toBe(0);
  });

  it('runs a rule once per distinct set of options, each run keeping the findings in its own files', async () => {
    const root = project({
      'a/config.yaml': 'rules:\n  ladder/step-ratio: { options: { maxStepRatio: 3 } }\n',
      'a/t.yaml': badStream,
      'b/config.yaml': 'rules:\n  ladder/step-ratio: { severity: warning, options: { premiumRequiresDrm: true } }\n',
      'b/t.yaml': badStream,
      'c/t.yaml': badStream,
    });
    const load = (path: string) => new ResolvedConfig(loadConfigFile(join(root, path), path, [withOptions, opinionated]));
    const [a, b, none] = [load('a/config.yaml'), load('b/config.yaml'), new ResolvedConfig(undefined)];
    const config = { forFile: (file: string) => (file.includes('/a/') ? a : file.includes('/b/') ? b : none) };
    let runs = 0;
    const counting = { ...testRules[0]!, check: (context: Parameters<Rule['check']>[0]) => (runs++, testRules[0]!.check(context)) };
    const result = await lint({ paths: ['.'], cwd: root, rules: [counting], config });
    expect(runs).toBe(3);
    expect(result.report.findings.map((finding) => `${finding.file} ${finding.severity} ${finding.message}`)).toEqual([
      'a/t.yaml info options {"maxStepRatio":3,"premiumRequiresDrm":false}',
      'b/t.yaml warning options {"maxStepRatio":2.5,"premiumRequiresDrm":true}',
      'c/t.yaml info options {"maxStepRatio":2.5,"premiumRequiresDrm":false}',
    ]);
  });

  it('keeps a finding in a file read through another (a called Terraform module) whose configuration has options no run used', async () => {
    const stream = (name: string) => `resource "aws_kinesis_video_stream" "${name}" {\n  name = "${name}"\n}\n`;
    const root = project({
      'a/config.yaml': 'rules:\n  ladder/step-ratio: { options: { maxStepRatio: 3 } }\n',
      'a/main.tf': `module "shared" {\n  source = "../modules/shared"\n}\n${stream('a')}`,
      'b/config.yaml': 'rules:\n  ladder/step-ratio: { options: { maxStepRatio: 4 } }\n',
      'b/main.tf': stream('b'),
      'modules/config.yaml': 'rules:\n  ladder/step-ratio: { options: { maxStepRatio: 5 } }\n',
      'modules/shared/main.tf': stream('shared'),
    });
    const load = (path: string) => new ResolvedConfig(loadConfigFile(join(root, path), path, [withOptions, opinionated]));
    const [a, b, modules] = [load('a/config.yaml'), load('b/config.yaml'), load('modules/config.yaml')];
    const config = { forFile: (file: string) => (file.includes('/a/') ? a : file.includes('/b/') ? b : modules) };
    const result = await lint({ paths: ['a', 'b'], cwd: root, rules: [testRules[0]!], config });
    // Two runs (the options of a/ and of b/); the module's own options were used by neither, so
    // its finding is kept once, by the first run.
    expect(result.report.findings.map((finding) => `${finding.file} ${finding.message}`)).toEqual([
      'a/main.tf options {"maxStepRatio":3,"premiumRequiresDrm":false}',
      'b/main.tf options {"maxStepRatio":4,"premiumRequiresDrm":false}',
      'modules/shared/main.tf options {"maxStepRatio":3,"premiumRequiresDrm":false}',
    ]);
  });

  it('turns registry rules off per directory', async () => {
    const root = project({
      'a/media-lint.config.yaml': 'preset: all\nrules:\n  schema/out-of-range: off\n',
      'a/t.yaml': badStream,
      'b/media-lint.config.yaml': 'preset: all\n',
      'b/t.yaml': badStream,
    });
    const result = await lint({ paths: ['.'], cwd: root, config: new DiscoveredConfigs(root) });
    expect(result.report.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual(['b/t.yaml schema/out-of-range']);
  });
});

describe('finding the configuration', () => {
  it('uses the nearest configuration above each file', async () => {
    const root = project({
      'media-lint.config.yaml': 'rules:\n  schema/out-of-range: warning\n',
      'team/media-lint.config.json': '{ "rules": { "schema/out-of-range": "info" } }',
      'team/deep/t.yaml': badStream,
      'other/t.yaml': badStream,
    });
    const result = await lint({ paths: ['.'], cwd: root, config: new DiscoveredConfigs(root) });
    expect(result.report.findings.map((finding) => `${finding.file} ${finding.severity}`)).toEqual(['other/t.yaml warning', 'team/deep/t.yaml info']);
  });

  it('reads the "media-lint" key of package.json, and skips a package.json without one', () => {
    const root = project({
      'package.json': JSON.stringify({ name: 'infra', 'media-lint': { rules: { 'schema/out-of-range': 'info' } } }),
      'app/package.json': JSON.stringify({ name: 'app' }),
      'app/t.yaml': badStream,
    });
    const config = new DiscoveredConfigs(root).forFile(join(root, 'app/t.yaml'));
    expect(config.file).toBe(join(root, 'package.json'));
    expect(config.severity(allRules.find((rule) => rule.meta.id === 'schema/out-of-range')!.meta, join(root, 'app/t.yaml'))).toBe('info');
  });

  it('stops at the repository root', () => {
    const outer = project({ 'media-lint.config.yaml': 'preset: strict\n' }, { git: false });
    const inner = join(outer, 'repo');
    mkdirSync(join(inner, '.git'), { recursive: true });
    mkdirSync(join(inner, 'infra'), { recursive: true });
    expect(new DiscoveredConfigs(inner).forFile(join(inner, 'infra/t.yaml')).file).toBeUndefined();
    // Outside any repository the search goes up to the filesystem root.
    mkdirSync(join(outer, 'loose'), { recursive: true });
    expect(new DiscoveredConfigs(outer).forFile(join(outer, 'loose/t.yaml')).file).toBe(join(outer, 'media-lint.config.yaml'));
  });

  it('refuses two configurations in one directory', () => {
    const root = project({ 'media-lint.config.yaml': '{}\n', 'media-lint.config.json': '{}' });
    expect(problemsOf(() => new DiscoveredConfigs(root).forFile(join(root, 't.yaml')))).toEqual([
      '.: more than one configuration (media-lint.config.json, media-lint.config.yaml); keep one',
    ]);
  });
});

describe('the JSON Schema', () => {
  it('is generated from the zod schema and checked in (run `npm run schema:config`)', () => {
    expect(readFileSync(configSchemaPath, 'utf8'), 'schema/media-lint.config.schema.json is stale: run `npm run schema:config`').toBe(generateConfigSchema());
  });

  it('lists every rule id', () => {
    const schema = JSON.parse(generateConfigSchema()) as { properties: { rules: { properties: Record<string, unknown>; additionalProperties: boolean } } };
    expect(Object.keys(schema.properties.rules.properties)).toEqual(expect.arrayContaining([...allRules.map((rule) => rule.meta.id), 'suppression/unused']));
    expect(schema.properties.rules.additionalProperties).toBe(false);
  });
});
