import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudFormationFrontEnd } from '../../src/parsers/cloudformation/index.js';
import type { FrontEnd } from '../../src/parsers/types.js';
import { allRules } from '../../src/rules/index.js';
import { fixtureFindings, lintPaths, summarize } from '../support/lint.js';

/** The findings of every rule of a category for one fixture. */
async function categoryFindings(fixture: string, category: string) {
  const onlyRules = allRules.filter((rule) => rule.meta.category === category).map((rule) => rule.meta.id);
  const { report } = await lintPaths([`fixtures/${fixture}`], { onlyRules });
  return report.findings.filter((finding) => finding.ruleId.startsWith(`${category}/`)).map(summarize);
}

describe('mediaconvert/queue-pricing-plan', () => {
  it('reports reservation settings on an on-demand queue and a RESERVED queue in CloudFormation', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/queue-pricing-plan/fail.yaml', 'mediaconvert/queue-pricing-plan')).toEqual([
      { ruleId: 'mediaconvert/queue-pricing-plan', line: 9, column: 7, message: "ReservationPlanSettings is set on an on-demand queue (PricingPlan ON_DEMAND), where the API does not accept it; remove it, or make the queue RESERVED if you have bought reserved transcoding slots." },
      { ruleId: 'mediaconvert/queue-pricing-plan', line: 17, column: 20, message: "PricingPlan is RESERVED, but CloudFormation can create only on-demand queues; set ON_DEMAND, and buy reserved transcode slots in the MediaConvert console (a 12-month commitment), referencing that queue by ARN." },
    ]);
  });

  it('accepts on-demand queues', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/queue-pricing-plan/pass.yaml', 'mediaconvert/queue-pricing-plan')).toEqual([]);
  });
});

describe('mediaconvert/queue-pricing-plan outside CloudFormation', () => {
  /** Reads CloudFormation YAML but labels the resources as Terraform, whose queues may be RESERVED:
   * the rule's checks of reservation settings run on the graph, whatever the input format. */
  const asTerraform: FrontEnd = {
    id: 'cloudformation-as-terraform',
    claims: (path) => cloudFormationFrontEnd.claims(path),
    async load(files, options) {
      const result = await cloudFormationFrontEnd.load(files, options);
      for (const scope of result.scopes) {
        scope.format = 'terraform';
        for (const resource of scope.resources) resource.format = 'terraform';
      }
      return result;
    },
  };

  it('reports a RESERVED queue without reservation settings and one with no reserved slots', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'media-lint-queues-'));
    const file = join(directory, 'queues.yaml');
    writeFileSync(
      file,
      [
        'Resources:',
        '  PremiumQueue:',
        '    Type: AWS::MediaConvert::Queue',
        '    Properties:',
        '      Name: premium',
        '      PricingPlan: RESERVED',
        '  NightlyQueue:',
        '    Type: AWS::MediaConvert::Queue',
        '    Properties:',
        '      Name: nightly',
        '      PricingPlan: RESERVED',
        '      ReservationPlanSettings:',
        '        Commitment: ONE_YEAR',
        '        RenewalType: EXPIRE',
        '        ReservedSlots: 0',
        '',
      ].join('\n'),
    );
    const { report } = await lintPaths([file], { onlyRules: ['mediaconvert/queue-pricing-plan'], frontEnds: [asTerraform] });
    expect(report.findings.map(summarize)).toEqual([
      {
        ruleId: 'mediaconvert/queue-pricing-plan',
        line: 6,
        column: 20,
        message: 'PricingPlan is RESERVED but the queue has no reservation_plan_settings; add them with the one-year commitment, the renewal type and the number of reserved slots you are buying.',
      },
      { ruleId: 'mediaconvert/queue-pricing-plan', line: 15, column: 24, message: 'ReservedSlots is 0; a reserved queue needs at least 1 reserved transcode slot.' },
    ]);
  });
});

describe('mediaconvert/codec-settings', () => {
  it("reports another codec's settings, an extra settings object and missing settings", async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/codec-settings/fail.yaml', 'mediaconvert/codec-settings')).toEqual([
      { ruleId: 'mediaconvert/codec-settings', line: 14, column: 20, message: "Codec is H_265 but the settings are H264Settings; rename them to H265Settings (and check that each member exists for H_265), or set Codec to H_264." },
      { ruleId: 'mediaconvert/codec-settings', line: 33, column: 15, message: "Mp3Settings belongs to codec MP3, but Codec is AAC, so these settings are not used; remove them." },
      { ruleId: 'mediaconvert/codec-settings', line: 36, column: 22, message: "Codec is EAC3, which needs Eac3Settings; add Eac3Settings with the encoding settings." },
    ]);
  });

  it('accepts each codec with its settings', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/codec-settings/pass.yaml', 'mediaconvert/codec-settings')).toEqual([]);
  });
});

describe('mediaconvert/rate-control', () => {
  it('reports missing Bitrate and MaxBitrate, unused QVBR settings and MaxAverageBitrate without multi-pass', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/rate-control/fail.yaml', 'mediaconvert/rate-control')).toEqual([
      { ruleId: 'mediaconvert/rate-control', line: 15, column: 32, message: "RateControlMode is CBR, which needs Bitrate; set the target bitrate in bits per second (for example 5000000)." },
      { ruleId: 'mediaconvert/rate-control', line: 16, column: 15, message: "QvbrSettings is set but RateControlMode is CBR, so the QVBR quality level is not used; remove QvbrSettings or switch RateControlMode to QVBR." },
      { ruleId: 'mediaconvert/rate-control', line: 31, column: 32, message: "RateControlMode is QVBR, which needs MaxBitrate (the peak the quality target may use); set it, for example 6000000 for 1080p." },
      { ruleId: 'mediaconvert/rate-control', line: 51, column: 17, message: "MaxAverageBitrate is set but QualityTuningLevel is not set (single pass); MediaConvert applies a maximum average bitrate only with MULTI_PASS_HQ, so set QualityTuningLevel: MULTI_PASS_HQ or remove MaxAverageBitrate." },
    ]);
  });

  it('accepts complete rate control settings', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/rate-control/pass.yaml', 'mediaconvert/rate-control')).toEqual([]);
  });
});

describe('mediaconvert/job-role', () => {
  it('reports a role name, a Ref to a role and a role that does not trust MediaConvert', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/job-role/fail.yaml', 'mediaconvert/job-role')).toEqual([
      { ruleId: 'mediaconvert/job-role', line: 31, column: 13, message: "Role 'MediaConvertTranscode' is not an IAM role ARN; MediaConvert needs the role's full ARN (arn:aws:iam::<account>:role/<name>)." },
      { ruleId: 'mediaconvert/job-role', line: 39, column: 13, message: "Role !Ref TranscodeRole gives the role's name, not its ARN; use the role's ARN (!GetAtt TranscodeRole.Arn)." },
      { ruleId: 'mediaconvert/job-role', line: 47, column: 13, message: "Role refers to role 'IngestLambdaRole', whose trust policy does not allow mediaconvert.amazonaws.com to assume it; add a statement allowing the service principal mediaconvert.amazonaws.com the action sts:AssumeRole." },
    ]);
  });

  it('accepts the ARN of a role MediaConvert may assume', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/job-role/pass.yaml', 'mediaconvert/job-role')).toEqual([]);
  });
});

describe('mediaconvert/template-references', () => {
  it('reports logical names and unknown names of queues and presets defined alongside', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/template-references/fail.yaml', 'mediaconvert/template-references')).toEqual([
      { ruleId: 'mediaconvert/template-references', line: 30, column: 14, message: "Queue 'vod_processing' is the logical name of queue 'VodProcessing', not its Name; MediaConvert looks queues up by name or ARN, so use 'VOD Processing Queue' or the queue's ARN (in Pangea, `.name` of a resource reference returns the logical name)." },
      { ruleId: 'mediaconvert/template-references', line: 46, column: 25, message: "Preset 'h264_high_quality' is the logical name of preset 'H264HighQuality', not its Name; MediaConvert looks presets up by name or ARN, so use 'H264 High Quality Preset' or the preset's ARN (in Pangea, `.name` of a resource reference returns the logical name)." },
      { ruleId: 'mediaconvert/template-references', line: 48, column: 25, message: "Preset 'H264 High Quality' is neither an ARN nor the Name of a preset defined in this template (defined: 'H264 High Quality Preset'); use one of those names or an ARN." },
    ]);
  });

  it('accepts names, references, ARNs, the Default queue and system presets', async () => {
    expect(await fixtureFindings('cloudformation/mediaconvert/template-references/pass.yaml', 'mediaconvert/template-references')).toEqual([]);
  });
});

describe('mediaconvert rules and unresolved values', () => {
  it('report nothing when the values come from parameters without defaults, imports or conditions', async () => {
    expect(await categoryFindings('cloudformation/unknown/mediaconvert.yaml', 'mediaconvert')).toEqual([]);
  });
});
