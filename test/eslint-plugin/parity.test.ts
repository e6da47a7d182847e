import { describe, expect, it } from 'vitest';
import { lintPaths } from '../support/lint.js';
import { codeFindings, parityKey } from './support.js';

/**
 * The CDK code front-end feeds the same graph as the CloudFormation one: a CDK app's source and the
 * CloudFormation template of the same configuration give the same rule ids on the same resources and
 * canonical property paths. Positions and spellings differ by nature (`gopSizeUnit`, `GopSizeUnit`).
 */
const pairs = [
  { code: 'fixtures/cdk-app/lib/live-channel-stack.ts', template: 'examples/cloudformation/live-channel.yaml' },
  { code: 'fixtures/cdk-code/vod-transcoding.ts', template: 'examples/cloudformation/vod-transcoding.yaml' },
  { code: 'fixtures/cdk-code/kinesis-video.ts', template: 'fixtures/cloudformation/schema/out-of-range/fail.yaml' },
];

describe('CDK code and CloudFormation twins', () => {
  it.each(pairs)('$code gives the findings of $template', async ({ code, template }) => {
    const { report } = await lintPaths([template]);
    const expected = report.findings.map(parityKey).sort();
    const actual = codeFindings(code).map(parityKey).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });
});
