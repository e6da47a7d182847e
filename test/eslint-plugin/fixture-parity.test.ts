import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/run-rules.js';
import { ResourceGraph } from '../../src/graph/graph.js';
import { allRules } from '../../src/rules/index.js';
import { lintPaths, repoRoot } from '../support/lint.js';
import { translateTemplate } from './cloudformation-to-cdk.js';
import { parityKey, readCode } from './support.js';

/**
 * Every CloudFormation rule fixture (`fixtures/cloudformation/<rule>/{fail,pass}.*`), written as the
 * CDK app that creates it (`cloudformation-to-cdk.ts`) and read by the CDK code front-end, gives its
 * rule's findings on the same resources and canonical property paths. This is the evidence that the
 * plugin runs the same rules on the same graph; the hand-written twins are in parity.test.ts.
 */
const root = join(repoRoot, 'fixtures/cloudformation');

function fixtures(): Array<{ rule: string; kind: string; path: string }> {
  const found: Array<{ rule: string; kind: string; path: string }> = [];
  for (const category of readdirSync(root)) {
    const categoryPath = join(root, category);
    if (!statSync(categoryPath).isDirectory()) continue;
    for (const name of readdirSync(categoryPath)) {
      const rule = `${category}/${name}`;
      if (!allRules.some((candidate) => candidate.meta.id === rule)) continue;
      for (const kind of ['fail', 'pass']) {
        const path = ['yaml', 'json'].map((extension) => join(categoryPath, name, `${kind}.${extension}`)).find((candidate) => existsSync(candidate));
        if (path) found.push({ rule, kind, path: relative(repoRoot, path) });
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Fixtures whose findings differ by nature, with the reason. The test asserts they still differ, so
 * an entry is removed when the reason goes away.
 */
const danglingReference =
  'The template refers to a resource it does not define (a misspelt logical id). In CDK code that is a variable that is not declared: TypeScript reports it, and the value is unknown to the plugin.';
const knownDifferences: Record<string, string> = {
  'reference/unresolved fail': danglingReference,
  'reference/input-attachment fail': danglingReference,
  'reference/multiplex-program fail': danglingReference,
  'schema/unknown-resource-type fail':
    'A misspelt type (AWS::MediaLive::Chanel) is a class the module does not export (medialive.CfnChanel): TypeScript reports it, and the plugin records only classes it can name.',
  'mediaconvert/job-role fail': 'MediaConvert jobs are submitted, not deployed: aws-cdk-lib has no CfnJob, so the CDK app cannot declare the jobs this template does.',
};

async function keys(rule: string, path: string): Promise<{ template: string[]; code: string[] }> {
  const { report } = await lintPaths([path], { onlyRules: [rule] });
  const template = report.findings.filter((finding) => finding.ruleId === rule).map(parityKey).sort();
  const source = translateTemplate(join(repoRoot, path));
  const result = source === undefined ? undefined : readCode(source, path.replace(/\.(yaml|json)$/, '.ts'));
  const ruleObject = allRules.find((candidate) => candidate.meta.id === rule)!;
  const code = result ? runRules(new ResourceGraph([result.scope]), [ruleObject]).findings.map(parityKey).sort() : [];
  return { template, code };
}

const cases = fixtures();

describe('CloudFormation rule fixtures written as CDK code', () => {
  it('covers the rule fixtures', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)('$path', async ({ rule, kind, path }) => {
    const { template, code } = await keys(rule, path);
    const difference = knownDifferences[`${rule} ${kind}`];
    if (difference) expect(code, difference).not.toEqual(template);
    else expect(code).toEqual(template);
  });
});
