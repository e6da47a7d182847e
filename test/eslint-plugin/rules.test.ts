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

const ODD_SIZE = (width: number, height: number) =>
  lines(
    ML,
    STACK,
    "new medialive.CfnChannel(stack, 'Channel', {",
    `  encoderSettings: { videoDescriptions: [{ name: 'video_preview', width: ${width}, height: ${height} }] },`,
    '} as any);',
  );
const MC_PRESET = (width: number) =>
  lines(
    "import * as mediaconvert from 'aws-cdk-lib/aws-mediaconvert';",
    STACK,
    "new mediaconvert.CfnPreset(stack, 'Preset', {",
    `  settingsJson: { VideoDescription: { Width: ${width}, Height: 480, CodecSettings: { Codec: 'H_264', H264Settings: {} } } },`,
    '});',
  );

tester.run(runName('ladder/odd-dimensions'), rule('ladder/odd-dimensions'), {
  valid: [ODD_SIZE(400, 224), MC_PRESET(854)],
  invalid: [
    {
      // 400×225: 16:9 computed without rounding.
      code: ODD_SIZE(400, 225),
      errors: [{ messageId: 'oddMediaLive', data: { property: 'height', value: 225, lower: 224, upper: 226 }, line: 4, column: 87, endColumn: 90 }],
    },
    {
      // settingsJson is passed through as written: the message names the JSON key.
      code: MC_PRESET(853),
      errors: [{ messageId: 'oddSubsampled', data: { property: 'Width', value: 853, lower: 852, upper: 854, codec: 'H.264' }, line: 4, column: 46, endColumn: 49 }],
    },
  ],
});

const GOP = (settings: string) =>
  lines(
    ML,
    STACK,
    "new medialive.CfnChannel(stack, 'Channel', {",
    `  encoderSettings: { videoDescriptions: [{ name: 'video', codecSettings: { h264Settings: { ${settings} } } }] },`,
    '} as any);',
  );

tester.run(runName('gop/gop-units-value'), rule('gop/gop-units-value'), {
  valid: [GOP("gopSize: 2.5, gopSizeUnits: 'SECONDS'"), GOP('gopSize: 60'), GOP("gopSize: 60, gopSizeUnits: 'FRAMES'")],
  invalid: [
    {
      // Seconds written while the units are left to the FRAMES default.
      code: GOP('gopSize: 2.5'),
      errors: [
        {
          messageId: 'framesNotWhole',
          data: { property: 'gopSize', size: 2.5, unitsNote: 'gopSizeUnits is not set, so it is FRAMES', unitsProperty: 'gopSizeUnits' },
          line: 4,
          column: 101,
          endColumn: 104,
        },
      ],
    },
    {
      code: GOP("gopSize: 0.5, gopSizeUnits: 'FRAMES'"),
      errors: [{ messageId: 'framesBelowOne', data: { property: 'gopSize', size: 0.5, unitsNote: 'gopSizeUnits is FRAMES' }, line: 4, column: 101, endColumn: 104 }],
    },
    {
      code: GOP("gopSize: 0, gopSizeUnits: 'SECONDS'"),
      errors: [{ messageId: 'secondsNotPositive', data: { property: 'gopSize', size: 0, unitsProperty: 'gopSizeUnits' }, line: 4, column: 101, endColumn: 102 }],
    },
  ],
});

const AAC = (aacSettings: string, groupSettings = "hlsGroupSettings: { destination: { destinationRefId: 'origin' } }") =>
  lines(
    ML,
    STACK,
    "new medialive.CfnChannel(stack, 'Channel', {",
    '  encoderSettings: {',
    `    audioDescriptions: [{ name: 'audio', audioSelectorName: 'default', codecSettings: { aacSettings: { ${aacSettings} } } }],`,
    '    outputGroups: [{',
    `      outputGroupSettings: { ${groupSettings} },`,
    "      outputs: [{ audioDescriptionNames: ['audio'], outputSettings: {} }],",
    '    }],',
    '  },',
    '} as any);',
  );

tester.run(runName('audio/he-aac-bitrate'), rule('audio/he-aac-bitrate'), {
  valid: [
    AAC("profile: 'HEV1', codingMode: 'CODING_MODE_2_0', bitrate: 64000"),
    AAC("profile: 'LC', codingMode: 'CODING_MODE_2_0', bitrate: 96000"),
    // Six channels of HE-AAC need more than 64 kbit/s.
    AAC("profile: 'HEV1', codingMode: 'CODING_MODE_5_1', bitrate: 192000"),
    // Not delivered as HLS.
    AAC("profile: 'HEV1', codingMode: 'CODING_MODE_2_0', bitrate: 96000", "archiveGroupSettings: { destination: { destinationRefId: 'archive' } }"),
  ],
  invalid: [
    {
      code: AAC("profile: 'HEV1', codingMode: 'CODING_MODE_2_0', bitrate: 96000"),
      errors: [
        {
          messageId: 'aboveLimit',
          data: { profileProperty: 'profile', bitrateProperty: 'bitrate', profile: 'HEV1', bitrate: '96 kbit/s', limit: '64 kbit/s' },
          line: 5,
          column: 161,
          endColumn: 166,
        },
      ],
    },
  ],
});

const MUX = "const mux = new medialive.CfnMultiplex(stack, 'Mux', { availabilityZones: ['us-east-1a', 'us-east-1b'], multiplexSettings: { transportStreamBitrate: 20000000, transportStreamId: 1 } });";
const PROGRAMS = (newsNumber: number) =>
  lines(
    ML,
    STACK,
    MUX,
    "new medialive.CfnMultiplexprogram(stack, 'Sports', { multiplexId: mux.ref, programName: 'sports', multiplexProgramSettings: { programNumber: 101 } });",
    `new medialive.CfnMultiplexprogram(stack, 'News', { multiplexId: mux.ref, programName: 'news', multiplexProgramSettings: { programNumber: ${newsNumber} } });`,
  );

tester.run(runName('multiplex/program-numbers'), rule('multiplex/program-numbers'), {
  valid: [PROGRAMS(102)],
  invalid: [
    {
      // The second program of the multiplex with number 101 is reported, naming the first.
      code: PROGRAMS(101),
      errors: [{ messageId: 'duplicateNumber', data: { property: 'programNumber', number: 101, other: "'sports'", multiplex: "'Mux'" }, line: 5, column: 138, endColumn: 141 }],
    },
  ],
});

const ZONES = (zones: string) => lines(ML, STACK, `new medialive.CfnMultiplex(stack, 'Mux', { availabilityZones: ${zones}, multiplexSettings: { transportStreamBitrate: 20000000, transportStreamId: 1 } });`);

tester.run(runName('multiplex/availability-zones'), rule('multiplex/availability-zones'), {
  valid: [ZONES("['us-east-1a', 'us-east-1b']")],
  invalid: [
    {
      code: ZONES("['us-east-1a']"),
      errors: [{ messageId: 'notTwoZones', data: { property: 'availabilityZones', count: 1, zones: 'zone' }, line: 3, column: 63, endColumn: 77 }],
    },
    {
      code: ZONES("['us-east-1a', 'us-east-1a']"),
      errors: [{ messageId: 'sameZoneTwice', data: { property: 'availabilityZones', zone: 'us-east-1a' }, line: 3, column: 78, endColumn: 90 }],
    },
  ],
});

const MP = "import * as mediapackage from 'aws-cdk-lib/aws-mediapackage';";
const ENDPOINT = (props: string) => lines(MP, STACK, `new mediapackage.CfnOriginEndpoint(stack, 'Endpoint', { id: 'live-hls', channelId: 'live', ${props} });`);

tester.run(runName('packaging/time-delay'), rule('packaging/time-delay'), {
  valid: [ENDPOINT('timeDelaySeconds: 10'), ENDPOINT('timeDelaySeconds: 0'), ENDPOINT('startoverWindowSeconds: 3600, timeDelaySeconds: 1800')],
  invalid: [
    {
      code: ENDPOINT('timeDelaySeconds: 3'),
      errors: [{ messageId: 'outOfRange', data: { property: 'timeDelaySeconds', delay: 3, minimum: 5, maximum: 86400 }, line: 3, column: 110, endColumn: 111 }],
    },
    {
      // A three-hour delay served out of a one-hour startover window.
      code: ENDPOINT('startoverWindowSeconds: 3600, timeDelaySeconds: 10800'),
      errors: [
        {
          messageId: 'notBelowStartover',
          data: { property: 'timeDelaySeconds', delay: 10800, startoverProperty: 'startoverWindowSeconds', startover: 3600 },
          line: 3,
          column: 140,
          endColumn: 145,
        },
      ],
    },
  ],
});

const V2_ENDPOINT = (windowSeconds: number) =>
  lines(
    "import * as mediapackagev2 from 'aws-cdk-lib/aws-mediapackagev2';",
    STACK,
    "new mediapackagev2.CfnOriginEndpoint(stack, 'LowLatency', {",
    "  channelGroupName: 'live',",
    "  channelName: 'main',",
    "  originEndpointName: 'low-latency',",
    "  containerType: 'CMAF',",
    '  segment: { segmentDurationSeconds: 10 },',
    `  lowLatencyHlsManifests: [{ manifestName: 'index', manifestWindowSeconds: ${windowSeconds} }],`,
    '});',
  );

tester.run(runName('packaging/window-segments'), rule('packaging/window-segments'), {
  valid: [
    ENDPOINT('hlsPackage: { segmentDurationSeconds: 6, playlistWindowSeconds: 60 }'),
    // An EVENT playlist grows from the start of the event: not a sliding window.
    ENDPOINT("hlsPackage: { segmentDurationSeconds: 6, playlistWindowSeconds: 30, playlistType: 'EVENT' }"),
    V2_ENDPOINT(60),
  ],
  invalid: [
    {
      code: ENDPOINT('hlsPackage: { segmentDurationSeconds: 6, playlistWindowSeconds: 30 }'),
      errors: [{ messageId: 'tooFewSegments', data: { property: 'playlistWindowSeconds', window: 30, count: 5, segment: 6, minimum: 6, needed: 36 }, line: 3, column: 156, endColumn: 158 }],
    },
    {
      code: V2_ENDPOINT(40),
      errors: [{ messageId: 'tooFewSegments', data: { property: 'manifestWindowSeconds', window: 40, count: 4, segment: 10, minimum: 6, needed: 60 }, line: 9, column: 76, endColumn: 78 }],
    },
  ],
});

const DESTINATIONS = (channelClass: string, destination: string) =>
  lines(ML, STACK, "new medialive.CfnChannel(stack, 'Channel', {", `  channelClass: '${channelClass}',`, `  destinations: [${destination}],`, '});');
const CDN_A = "{ url: 'https://ingest-a.cdn.example.com/live' }";
const CDN_B = "{ url: 'https://ingest-b.cdn.example.com/live' }";

tester.run(runName('redundancy/destinations-per-class'), rule('redundancy/destinations-per-class'), {
  valid: [
    DESTINATIONS('STANDARD', `{ id: 'cdn', settings: [${CDN_A}, ${CDN_B}] }`),
    DESTINATIONS('SINGLE_PIPELINE', `{ id: 'cdn', settings: [${CDN_A}] }`),
    DESTINATIONS('STANDARD', "{ id: 'packaging', mediaPackageSettings: [{ channelId: 'live' }] }"),
  ],
  invalid: [
    {
      code: DESTINATIONS('STANDARD', `{ id: 'cdn', settings: [${CDN_A}] }`),
      errors: [{ messageId: 'secondPipelineMissing', data: { property: 'settings', destination: "destination 'cdn'" }, line: 5, column: 41, endColumn: 91 }],
    },
    {
      code: DESTINATIONS('SINGLE_PIPELINE', `{ id: 'cdn', settings: [${CDN_A}, ${CDN_B}] }`),
      errors: [
        {
          messageId: 'tooManyEntries',
          data: { property: 'settings', destination: "destination 'cdn'", count: 2, channelClass: 'SINGLE_PIPELINE', pipelines: 'one pipeline', expected: 1 },
          line: 5,
          column: 41,
          endColumn: 141,
        },
      ],
    },
    {
      // MediaPackage settings serve both pipelines, whatever the class.
      code: DESTINATIONS('STANDARD', "{ id: 'packaging', mediaPackageSettings: [{ channelId: 'live' }, { channelId: 'live' }] }"),
      errors: [{ messageId: 'mediaPackageNeedsOne', data: { property: 'mediaPackageSettings', destination: "destination 'packaging'", count: 2 }, line: 5, column: 59, endColumn: 105 }],
    },
  ],
});
