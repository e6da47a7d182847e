import type { Finding } from '../../src/engine/finding.js';
import { loaderRules } from '../../src/engine/loader-rules.js';
import type { LintReport } from '../../src/engine/report.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import { SourceText } from '../../src/graph/source.js';

export const cwd = '/work/project';

export const unknownProperty: RuleMeta = {
  id: 'schema/unknown-property',
  category: 'schema',
  severity: 'error',
  description: 'Properties must be defined by the resource type.',
  details: 'Reports a property that the resource specification does not define for the resource type.',
  rationale: 'CloudFormation rejects unknown properties at deploy time, after the change set was reviewed.',
  messages: { unknownProperty: 'Unknown property {{name}} on {{type}}' },
  appliesTo: '*',
  references: [{ title: 'AWS::MediaLive::Channel', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-medialive-channel.html' }],
};

export const ladderStep: RuleMeta = {
  id: 'ladder/resolution-step',
  category: 'ladder',
  severity: 'warning',
  description: 'Adjacent renditions of an ABR ladder should differ enough in bitrate',
  details: 'Compares neighbouring renditions of an adaptive bitrate ladder.',
  rationale: 'Players switch between renditions that look the same, which wastes bandwidth.',
  messages: { tooClose: 'Renditions {{a}} and {{b}} are only {{ratio}} apart' },
  appliesTo: ['AWS::MediaLive::Channel'],
  references: [],
};

export const unencryptedIngest: RuleMeta = {
  id: 'security/unencrypted-ingest',
  category: 'security',
  severity: 'error',
  description: 'Inputs should not accept unencrypted RTMP push.',
  details: 'Reports MediaLive inputs of type RTMP_PUSH (instead of RTMPS or SRT with encryption).',
  rationale: 'Stream keys and content travel in clear text over the internet.',
  messages: { rtmpPush: 'Input {{name}} accepts unencrypted RTMP push' },
  appliesTo: ['AWS::MediaLive::Input'],
  references: [],
  securitySeverity: 7.5,
};

export const closedGop: RuleMeta = {
  id: 'gop/closed-gop',
  category: 'gop',
  severity: 'info',
  description: 'Closed GOPs make segment boundaries independent.',
  details: 'Reports open GOP cadence settings on outputs that are segmented.',
  rationale: 'Open GOPs can reference frames of the previous segment.',
  messages: { openGop: 'GopClosedCadence is {{value}}' },
  appliesTo: ['AWS::MediaLive::Channel'],
  references: [],
};

export const rules: readonly RuleMeta[] = [unknownProperty, ladderStep, unencryptedIngest, closedGop, ...loaderRules];

const live = new SourceText(
  'templates/live.yaml',
  [
    'Resources:',
    '  Channel:',
    '    Type: AWS::MediaLive::Channel',
    '    Properties:',
    '      ChannelClass: STANDARD',
    '      Colour: blue',
    '      EncoderSettings:',
    '        VideoDescriptions:',
    '          - { Name: v1, Width: 1280, Height: 720 }',
    '          - { Name: v2, Width: 1280, Height: 720 }',
    '  Ingest:',
    '    Type: AWS::MediaLive::Input',
    '    Properties:',
    '      Type: RTMP_PUSH',
    '',
  ].join('\n'),
);

const cdkTemplate = new SourceText(
  'cdk.out/LiveStack.template.json',
  [
    '{',
    '  "Resources": {',
    '    "ChannelA1B2C3": {',
    '      "Type": "AWS::MediaLive::Channel",',
    '      "Properties": { "EncoderSettings": { "GopClosedCadence": 0 } }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n'),
);

const broken = new SourceText('templates/broken.yaml', 'Resources:\n  Channel: [\n    Type: x\n');

export const sources: ReadonlyMap<string, SourceText> = new Map([
  [live.file, live],
  [cdkTemplate.file, cdkTemplate],
  [broken.file, broken],
]);

const channel = { address: 'Channel', type: 'AWS::MediaLive::Channel', sourceType: 'AWS::MediaLive::Channel' };

export const findings: Finding[] = [
  {
    ruleId: 'gop/closed-gop',
    severity: 'info',
    message: 'GopClosedCadence is 0',
    messageId: 'openGop',
    file: 'cdk.out/LiveStack.template.json',
    line: 5,
    column: 64,
    endLine: 5,
    endColumn: 65,
    resource: { address: 'ChannelA1B2C3', type: 'AWS::MediaLive::Channel', sourceType: 'AWS::MediaLive::Channel' },
    propertyPath: 'encoder_settings.gop_closed_cadence',
    sourcePath: 'EncoderSettings.GopClosedCadence',
    constructPath: 'LiveStack/Channel/Resource',
    constructSource: { file: 'lib/live-stack.ts', line: 42, column: 5 },
    fingerprint: 'c0ffee0000000004',
  },
  {
    ruleId: 'parse-error',
    severity: 'error',
    message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
    messageId: 'parseError',
    file: 'templates/broken.yaml',
    line: 2,
    column: 12,
    endLine: 2,
    endColumn: 13,
    fingerprint: 'c0ffee0000000005',
  },
  {
    ruleId: 'schema/unknown-property',
    severity: 'error',
    message: 'Unknown property Colour on AWS::MediaLive::Channel',
    messageId: 'unknownProperty',
    file: 'templates/live.yaml',
    line: 6,
    column: 7,
    endLine: 6,
    endColumn: 13,
    resource: channel,
    propertyPath: 'colour',
    sourcePath: 'Colour',
    fingerprint: 'c0ffee0000000001',
  },
  {
    ruleId: 'ladder/resolution-step',
    severity: 'warning',
    message: 'Renditions v1 and v2 are only 0% apart',
    messageId: 'tooClose',
    file: 'templates/live.yaml',
    line: 9,
    column: 13,
    endLine: 10,
    endColumn: 51,
    resource: channel,
    propertyPath: 'encoder_settings.video_descriptions',
    sourcePath: 'EncoderSettings.VideoDescriptions',
    related: [{ message: 'Same size as v1', file: 'templates/live.yaml', line: 10, column: 13, endLine: 10, endColumn: 51 }],
    fingerprint: 'c0ffee0000000002',
  },
  {
    ruleId: 'security/unencrypted-ingest',
    severity: 'error',
    message: 'Input Ingest accepts unencrypted RTMP push',
    messageId: 'rtmpPush',
    file: 'templates/live.yaml',
    line: 14,
    column: 13,
    endLine: 14,
    endColumn: 22,
    resource: { address: 'Ingest', type: 'AWS::MediaLive::Input', sourceType: 'AWS::MediaLive::Input' },
    propertyPath: 'type',
    sourcePath: 'Type',
    fingerprint: 'c0ffee0000000003',
  },
];

export function fullReport(): LintReport {
  return {
    findings: findings.map((f) => structuredClone(f)),
    rules,
    sources,
    filesLinted: 3,
    resourcesLinted: 3,
    toolVersion: '0.1.0',
    cwd,
  };
}

export function cleanReport(): LintReport {
  return { findings: [], rules, sources: new Map(), filesLinted: 4, resourcesLinted: 7, toolVersion: '0.1.0', cwd };
}
