import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loaderRules } from '../../src/engine/loader-rules.js';
import { parityKey } from '../parsers/pangea-support.js';
import { lintPaths, repoRoot } from '../support/lint.js';

/**
 * Every Pangea rule fixture `fixtures/pangea/<rule>/{fail,pass}.rb` must give its rule's findings
 * on the same resources and members as its CloudFormation twin: the same multiset of
 * (rule, resource type, property path). Positions and spellings differ by nature; those are
 * asserted in `pangea.test.ts`.
 *
 * A resource type that is not a media type (a misspelt one) is compared as "not a media type":
 * the CloudFormation and Pangea spellings of a typo cannot be the same.
 */
const pangeaRoot = join(repoRoot, 'fixtures/pangea');

function fixturePairs(): Array<{ rule: string; kind: 'fail' | 'pass'; pangea: string; cloudFormation: string }> {
  const pairs: Array<{ rule: string; kind: 'fail' | 'pass'; pangea: string; cloudFormation: string }> = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const match = /^(fail|pass)\.rb$/.exec(entry);
      if (!match) continue;
      const rule = relative(pangeaRoot, directory).split('\\').join('/');
      const twin = ['yaml', 'json'].map((extension) => join(repoRoot, 'fixtures/cloudformation', rule, `${match[1]}.${extension}`)).find((candidate) => existsSync(candidate));
      if (twin) pairs.push({ rule, kind: match[1] as 'fail' | 'pass', pangea: relative(repoRoot, path), cloudFormation: relative(repoRoot, twin) });
    }
  };
  walk(pangeaRoot);
  return pairs.sort((a, b) => (a.pangea < b.pangea ? -1 : 1));
}

async function keysOf(path: string, rule: string): Promise<string[]> {
  // Loader rules (parse and file errors, suppression directives) are reported whatever rules run;
  // a directive is only "unused" when the rule it names ran, so they run with every rule.
  const loaderRule = loaderRules.some((meta) => meta.id === rule);
  const { report } = await lintPaths([path], loaderRule ? {} : { onlyRules: [rule] });
  return report.findings.filter((finding) => finding.ruleId === rule).map(parityKey).sort();
}

const pairs = fixturePairs();

/**
 * Twins whose findings differ for a reason outside the Pangea front-end, with that reason. The test
 * asserts they still differ, so that the entry is removed once the reason is gone.
 */
const knownDifferences: Record<string, string> = {
  'security/broad-channel-role fail':
    'The CloudFormation twin also runs two channels as AWS::IAM::Role resources whose policies grant SSM and S3 actions on every resource, which the rule reads; the Pangea twin declares the same roles and policies, but the rule reads IAM policies of the AWS::IAM::* types only. The MediaLiveAccessRole ARNs are reported in both.',
  'security/speke-role-wildcard fail':
    'The CloudFormation twin gives SPEKE and CDN authorization roles AWS::IAM::Role, AWS::IAM::Policy and AWS::IAM::ManagedPolicy resources whose policies allow execute-api or secret reads on every resource, which the rule reads; the Pangea twin declares the same roles and policies, but the rule reads IAM policies of the AWS::IAM::* types only, and it reports nothing else.',
  'security/origin-unprotected fail':
    'The CloudFormation twin also opens an endpoint through an AWS::MediaPackageV2::OriginEndpointPolicy, which the rule reads; the Pangea twin declares the same policy, but the rule reads policies of that CloudFormation type only.',
};

/**
 * Failing Pangea twins that give no finding at all, with the reason: the rule reports only what it
 * reads from IAM resources of the AWS::IAM::* types, so no case of it can be reported in Pangea.
 * Each must also be a known difference above, and the test asserts the twin is still silent.
 */
const withoutPangeaFindings: Record<string, string> = {
  'security/speke-role-wildcard fail': 'The rule judges only the policies of the role a RoleArn refers to, which it reads from AWS::IAM::* resources only; a literal role ARN says nothing about its policies.',
};

describe('Pangea and CloudFormation rule fixtures', () => {
  it('has a twin for every Pangea rule fixture', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(26);
  });

  it.each(pairs.map((pair) => [`${pair.rule} ${pair.kind}`, pair] as const))('%s gives the same findings as CloudFormation', async (_name, pair) => {
    const [pangea, cloudFormation] = await Promise.all([keysOf(pair.pangea, pair.rule), keysOf(pair.cloudFormation, pair.rule)]);
    const difference = knownDifferences[`${pair.rule} ${pair.kind}`];
    if (difference) expect(pangea, difference).not.toEqual(cloudFormation);
    else expect(pangea).toEqual(cloudFormation);
    const key = `${pair.rule} ${pair.kind}`;
    const silent = withoutPangeaFindings[key];
    if (silent !== undefined) {
      // Still silent: once the Pangea twin reports something, remove the entry.
      expect(difference, key).toBeDefined();
      expect(pangea, silent).toEqual([]);
    } else if (pair.kind === 'fail') expect(pangea.length).toBeGreaterThan(0);
  });
});
