import { rules } from '../../src/eslint-plugin/index.js';
import { ruleTester } from './support.js';

/**
 * RuleTester tables for the plugin's rules, one family at a time: the rule's message (message id and
 * data), line and column on the exact property, and the suggestion's output. Each code sample is a
 * CDK source file; `stack` stands for a Stack.
 */
const tester = ruleTester();
// @typescript-eslint/rule-tester has its own copy of @typescript-eslint/utils, whose rule types are
// nominally different from the plugin's (same shape at run time).
type TesterRule = Parameters<typeof tester.run>[1];
const rule = (id: string): TesterRule => {
  const found = rules[id];
  if (!found) throw new Error(`no ESLint rule for ${id}`);
  return found as unknown as TesterRule;
};
/** RuleTester registers the rule in a scoped plugin (`@rule-tester/<name>`), whose rule names
 * ESLint splits at the last slash: the run is named `schema:invalid-enum`. Users register the plugin
 * as `media-lint`, whose rule ids ESLint splits at the first slash (`media-lint/schema/invalid-enum`). */
const runName = (id: string) => id.replace('/', ':');
const lines = (...text: string[]) => text.join('\n');
const ML = "import * as medialive from 'aws-cdk-lib/aws-medialive';";
const STACK = 'declare const stack: any;';

tester.run(runName('schema/invalid-enum'), rule('schema/invalid-enum'), {
  valid: [
    lines(ML, STACK, "new medialive.CfnChannel(stack, 'Channel', { channelClass: 'STANDARD' });"),
    // Not a media construct: no import of a media module.
    lines(STACK, "declare class CfnChannel { constructor(...args: unknown[]) }", "new CfnChannel(stack, 'Channel', { channelClass: 'STANDRD' });"),
    // A type-only import denotes no class.
    lines("import type { CfnChannel } from 'aws-cdk-lib/aws-medialive';", STACK, "declare const Channel: typeof CfnChannel;", "new Channel(stack, 'Channel', { channelClass: 'STANDRD' });"),
    // Values the front-end cannot know are never reported.
    lines(ML, STACK, "declare function channelClass(): string;", "new medialive.CfnChannel(stack, 'Channel', { channelClass: channelClass() });"),
    lines(ML, STACK, "export function make(channelClass: string) {", "  return new medialive.CfnChannel(stack, 'Channel', { channelClass });", '}'),
    lines(ML, STACK, "let channelClass = 'STANDRD';", "channelClass = 'STANDARD';", "new medialive.CfnChannel(stack, 'Channel', { channelClass });"),
    lines(ML, STACK, "declare const base: object;", "new medialive.CfnChannel(stack, 'Channel', { channelClass: 'STANDRD', ...base });"),
  ],
  invalid: [
    {
      code: lines(ML, STACK, "new medialive.CfnChannel(stack, 'Channel', { channelClass: 'STANDRD' });"),
      errors: [
        {
          messageId: 'invalidEnum',
          data: { value: 'STANDRD', property: 'channelClass', shape: 'AWS::MediaLive::Channel', suggestion: 'STANDARD' },
          line: 3,
          column: 60,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'suggestReplacement',
              data: { value: "'STANDRD'", replacement: "'STANDARD'" },
              output: lines(ML, STACK, "new medialive.CfnChannel(stack, 'Channel', { channelClass: 'STANDARD' });"),
            },
          ],
        },
      ],
    },
    {
      // Named import with an alias, double quotes, a nested setting: the suggestion keeps the quotes.
      code: lines(
        'import { CfnChannel as Channel } from "aws-cdk-lib/aws-medialive";',
        STACK,
        'new Channel(stack, "Live", {',
        '  encoderSettings: { videoDescriptions: [{ name: "v", codecSettings: { h264Settings: { profile: "HIHG" } } }] },',
        '} as any);',
      ),
      errors: [
        {
          messageId: 'invalidEnum',
          data: { value: 'HIHG', property: 'profile', shape: 'H264Settings', suggestion: 'HIGH' },
          line: 4,
          column: 97,
          suggestions: [
            {
              messageId: 'suggestReplacement',
              data: { value: '"HIHG"', replacement: '"HIGH"' },
              output: lines(
                'import { CfnChannel as Channel } from "aws-cdk-lib/aws-medialive";',
                STACK,
                'new Channel(stack, "Live", {',
                '  encoderSettings: { videoDescriptions: [{ name: "v", codecSettings: { h264Settings: { profile: "HIGH" } } }] },',
                '} as any);',
              ),
            },
          ],
        },
      ],
    },
    {
      // A value reached through a const is reported where it is used, without a suggestion: the
      // const may serve other settings.
      code: lines("import { aws_medialive as ml } from 'aws-cdk-lib';", STACK, "const inputType = 'RTMP_PUSHH';", "new ml.CfnInput(stack, 'Input', { type: inputType });"),
      errors: [{ messageId: 'invalidEnum', data: { value: 'RTMP_PUSHH', property: 'type', shape: 'AWS::MediaLive::Input', suggestion: 'RTMP_PUSH' }, line: 4, column: 41, suggestions: [] }],
    },
    {
      // The aws-cdk-lib barrel, a template literal of known parts (no suggestion: not a plain literal).
      code: lines("import * as cdk from 'aws-cdk-lib';", STACK, "const role = 'MASTR';", "new cdk.aws_kinesisvideo.CfnSignalingChannel(stack, 'Signaling', { type: `SINGLE_${role}` });"),
      errors: [{ messageId: 'invalidEnum', data: { value: 'SINGLE_MASTR', property: 'type', shape: 'AWS::KinesisVideo::SignalingChannel', suggestion: 'SINGLE_MASTER' }, line: 4, column: 74, suggestions: [] }],
    },
    {
      // CommonJS require, and a value without a close match.
      code: lines("const { CfnQueue } = require('aws-cdk-lib/aws-mediaconvert');", STACK, "new CfnQueue(stack, 'Queue', { status: 'RUNNING' });"),
      errors: [{ messageId: 'invalidEnumNoSuggestion', data: { value: 'RUNNING', property: 'status', shape: 'AWS::MediaConvert::Queue', values: 'ACTIVE, PAUSED' }, line: 3, column: 40 }],
    },
  ],
});

tester.run(runName('schema/unknown-property'), rule('schema/unknown-property'), {
  valid: [lines(ML, STACK, "new medialive.CfnInput(stack, 'Input', { type: 'RTMP_PUSH', inputSecurityGroups: ['1234567'] });")],
  invalid: [
    {
      code: lines(ML, STACK, "new medialive.CfnInput(stack, 'Input', { type: 'RTMP_PUSH', inputSecurityGroup: ['1234567'] } as any);"),
      errors: [{ messageId: 'unknownProperty', line: 3, column: 61, endColumn: 79 }],
    },
  ],
});

tester.run(runName('schema/out-of-range'), rule('schema/out-of-range'), {
  valid: [lines("import { CfnStream } from 'aws-cdk-lib/aws-kinesisvideo';", STACK, "new CfnStream(stack, 'Camera', { name: 'camera', dataRetentionInHours: 24 * 365 });")],
  invalid: [
    {
      // Arithmetic on known values is evaluated; the finding points at the whole expression.
      code: lines("import { CfnStream } from 'aws-cdk-lib/aws-kinesisvideo';", STACK, 'const years = 11;', "new CfnStream(stack, 'Camera', { name: 'camera', dataRetentionInHours: 24 * 365 * years });"),
      errors: [{ messageId: 'outOfRange', line: 4, column: 72, endColumn: 88 }],
    },
    {
      code: lines("import { CfnSignalingChannel } from 'aws-cdk-lib/aws-kinesisvideo';", STACK, "new CfnSignalingChannel(stack, 'Signaling', { messageTtlSeconds: -5 });"),
      errors: [{ messageId: 'outOfRange', line: 3, column: 66 }],
    },
  ],
});

const CHANNEL_BASE = [
  "const input = new medialive.CfnInput(stack, 'Input', { type: 'RTMP_PUSH' });",
  "const group = new medialive.CfnInputSecurityGroup(stack, 'Group', {});",
];

tester.run(runName('reference/input-attachment'), rule('reference/input-attachment'), {
  valid: [
    lines(ML, STACK, ...CHANNEL_BASE, "new medialive.CfnChannel(stack, 'Channel', { inputAttachments: [{ inputId: input.ref }] });"),
    // An input created elsewhere is not known: not reported.
    lines(ML, STACK, "import { sharedInput } from './inputs';", "new medialive.CfnChannel(stack, 'Channel', { inputAttachments: [{ inputId: sharedInput.ref }] });"),
  ],
  invalid: [
    {
      code: lines(ML, STACK, ...CHANNEL_BASE, "new medialive.CfnChannel(stack, 'Channel', { inputAttachments: [{ inputId: group.ref }] });"),
      errors: [{ messageId: 'wrongTargetType', data: { property: 'inputId', expression: 'group.ref', target: "'Group' (CfnInputSecurityGroup)", expected: 'a MediaLive input' }, line: 5, column: 76, endColumn: 85 }],
    },
  ],
});

const OUTPUT_GROUP = (destinationRefId: string, videoDescriptionName: string) =>
  lines(
    ML,
    STACK,
    "new medialive.CfnChannel(stack, 'Channel', {",
    "  destinations: [{ id: 'archive', settings: [{ url: 's3ssl://bucket/a' }, { url: 's3ssl://bucket/b' }] }],",
    '  encoderSettings: {',
    "    videoDescriptions: [{ name: 'video_720p' }],",
    '    outputGroups: [{',
    `      outputGroupSettings: { archiveGroupSettings: { destination: { destinationRefId: '${destinationRefId}' } } },`,
    `      outputs: [{ videoDescriptionName: '${videoDescriptionName}', outputSettings: {} }],`,
    '    }],',
    '  },',
    '} as any);',
  );

tester.run(runName('reference/destination-ref-id'), rule('reference/destination-ref-id'), {
  valid: [OUTPUT_GROUP('archive', 'video_720p')],
  invalid: [{ code: OUTPUT_GROUP('archvie', 'video_720p'), errors: [{ messageId: 'unknownDestination', line: 8, column: 87 }] }],
});

tester.run(runName('reference/description-name'), rule('reference/description-name'), {
  valid: [OUTPUT_GROUP('archive', 'video_720p')],
  invalid: [{ code: OUTPUT_GROUP('archive', 'video_720'), errors: [{ messageId: 'unknownName', line: 9, column: 41 }] }],
});

const H264 = (level: string, width: number, height: number) =>
  lines(
    ML,
    STACK,
    "new medialive.CfnChannel(stack, 'Channel', {",
    '  encoderSettings: {',
    '    videoDescriptions: [{',
    `      name: 'video', width: ${width}, height: ${height},`,
    `      codecSettings: { h264Settings: { profile: 'HIGH', level: '${level}', framerateControl: 'SPECIFIED', framerateNumerator: 30, framerateDenominator: 1 } },`,
    '    }],',
    '  },',
    '} as any);',
  );

tester.run(runName('codec/h264-level-frame-size'), rule('codec/h264-level-frame-size'), {
  valid: [H264('H264_LEVEL_4_1', 1920, 1080), H264('H264_LEVEL_AUTO', 1920, 1080)],
  invalid: [{ code: H264('H264_LEVEL_3_1', 1920, 1080), errors: [{ messageId: 'frameSize', line: 7, column: 64, endColumn: 80 }] }],
});

tester.run(runName('kinesis-video/name-pattern'), rule('kinesis-video/name-pattern'), {
  valid: [lines("import { CfnStream } from 'aws-cdk-lib/aws-kinesisvideo';", STACK, "new CfnStream(stack, 'Camera', { name: 'front-door_1' });")],
  invalid: [
    {
      code: lines("import { CfnStream } from 'aws-cdk-lib/aws-kinesisvideo';", STACK, "const site = 'front door';", "new CfnStream(stack, 'Camera', { name: `${site}/camera` });"),
      errors: [{ messageId: 'invalidCharacters', line: 4, column: 40 }],
    },
  ],
});

tester.run(runName('mediaconvert/queue-pricing-plan'), rule('mediaconvert/queue-pricing-plan'), {
  valid: [lines("import { CfnQueue } from 'aws-cdk-lib/aws-mediaconvert';", STACK, "new CfnQueue(stack, 'Queue', { pricingPlan: 'ON_DEMAND' });")],
  invalid: [
    {
      // CDK deploys through CloudFormation, which creates on-demand queues only.
      code: lines("import { CfnQueue } from 'aws-cdk-lib/aws-mediaconvert';", STACK, "new CfnQueue(stack, 'Queue', { pricingPlan: 'RESERVED' });"),
      errors: [{ messageId: 'cloudFormationReserved', data: { property: 'pricingPlan' }, line: 3, column: 45 }],
    },
  ],
});

tester.run(runName('security/push-input-without-security-group'), rule('security/push-input-without-security-group'), {
  valid: [lines(ML, STACK, ...CHANNEL_BASE.slice(1), "new medialive.CfnInput(stack, 'Input', { type: 'RTMP_PUSH', inputSecurityGroups: [group.ref] });")],
  invalid: [
    {
      code: lines(ML, STACK, "new medialive.CfnInput(stack, 'Input', { name: 'studio', type: 'RTMP_PUSH' });"),
      errors: [{ messageId: 'missingGroup', line: 3, column: 64 }],
    },
  ],
});
