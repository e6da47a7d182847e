/**
 * Fuzzing harness shared by the short runs in `npm test` (test/fuzz/*.test.ts) and the long run
 * (`npm run fuzz`, scripts/fuzz.ts).
 *
 * For each parser (CloudFormation JSON, CloudFormation YAML, Terraform, Pangea) the inputs are
 * - real files from fixtures/, mutated at the byte
 *   level: truncation, byte flips, deletion and duplication of tokens, insertion of structural
 *   characters;
 * - generated structures: random templates, modules and Ruby programs built from the format's
 *   grammar, with media resource types and property names the rules look at, deep nesting and
 *   intrinsic functions, references, loops and interpolation.
 *
 * The property: the full `lint()` over the input written to a temporary file returns findings or
 * located diagnostics (every finding names the file and a position from 1:1 on), no rule fails
 * (`internalErrors` is empty), and it returns promptly. It never throws.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { lint } from '../../src/engine/lint.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export type FuzzTarget = 'json' | 'yaml' | 'terraform' | 'pangea';
export const fuzzTargets: readonly FuzzTarget[] = ['json', 'yaml', 'terraform', 'pangea'];

const extensions: Record<FuzzTarget, string> = { json: 'json', yaml: 'yaml', terraform: 'tf', pangea: 'rb' };

// ---------------------------------------------------------------------------------------------
// Seeds: real fixtures.

function filesUnder(directory: string, accept: (name: string) => boolean): string[] {
  const result: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (accept(entry.name)) result.push(path);
    }
  };
  walk(directory);
  return result;
}

const seedCache = new Map<FuzzTarget, Uint8Array[]>();

/** The fixture files of a target's format, as bytes (at most 64 KiB each). */
export function seeds(target: FuzzTarget): Uint8Array[] {
  let cached = seedCache.get(target);
  if (cached) return cached;
  const root = join(repoRoot, 'fixtures');
  const paths =
    target === 'json'
      ? filesUnder(join(root, 'cloudformation'), (name) => name.endsWith('.json')).concat(filesUnder(join(root, 'cdk'), (name) => name.endsWith('.template.json')))
      : target === 'yaml'
        ? filesUnder(join(root, 'cloudformation'), (name) => name.endsWith('.yaml') || name.endsWith('.yml'))
        : target === 'terraform'
          ? filesUnder(join(root, 'terraform'), (name) => name.endsWith('.tf'))
          : filesUnder(join(root, 'pangea'), (name) => name.endsWith('.rb'));
  cached = paths.map((path) => new Uint8Array(readFileSync(path))).filter((bytes) => bytes.length > 0 && bytes.length <= 65_536);
  seedCache.set(target, cached);
  return cached;
}

// ---------------------------------------------------------------------------------------------
// Mutations.

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'delete-token'; at: number }
  | { kind: 'duplicate-token'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap-lines'; at: number; other: number };

/** Characters that matter to one of the grammars. */
const structural = ['{', '}', '[', ']', '(', ')', '"', "'", ':', ',', '=', '#', '!', '&', '*', '|', '>', '-', '$', '%', '\\', '\n', '\t', ' ', '${', '#{', 'do', 'end', '!Ref ', '<<EOF\n', '\u00e9', '\ud83d\ude00', '\u0000', '\r\n'];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete-token' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('duplicate-token' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...structural), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), other: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

const encoder = new TextEncoder();

/** Token boundaries: runs of word characters, runs of spaces, and single other bytes. */
function tokens(bytes: Uint8Array): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  const isWord = (byte: number) => (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte === 95 || byte >= 128;
  let index = 0;
  while (index < bytes.length) {
    const start = index;
    const byte = bytes[index]!;
    if (isWord(byte)) while (index < bytes.length && isWord(bytes[index]!)) index++;
    else if (byte === 32) while (index < bytes.length && bytes[index] === 32) index++;
    else index++;
    result.push([start, index]);
  }
  return result;
}

function lines(bytes: Uint8Array): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let start = 0;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 10) {
      result.push([start, index + 1]);
      start = index + 1;
    }
  }
  if (start < bytes.length) result.push([start, bytes.length]);
  return result;
}

function splice(bytes: Uint8Array, start: number, end: number, insert: Uint8Array = new Uint8Array()): Uint8Array {
  const result = new Uint8Array(bytes.length - (end - start) + insert.length);
  result.set(bytes.subarray(0, start), 0);
  result.set(insert, start);
  result.set(bytes.subarray(end), start + insert.length);
  return result;
}

function pickIndex(fraction: number, length: number): number {
  return Math.min(length - 1, Math.max(0, Math.floor(fraction * length)));
}

export function applyMutation(bytes: Uint8Array, mutation: Mutation): Uint8Array {
  if (bytes.length === 0) return mutation.kind === 'insert' ? encoder.encode(mutation.text) : bytes;
  switch (mutation.kind) {
    case 'truncate':
      return bytes.subarray(0, Math.floor(mutation.at * bytes.length));
    case 'flip': {
      const copy = new Uint8Array(bytes);
      copy[pickIndex(mutation.at, copy.length)] = mutation.byte;
      return copy;
    }
    case 'delete-token':
    case 'duplicate-token': {
      const list = tokens(bytes);
      const [start, end] = list[pickIndex(mutation.at, list.length)]!;
      return mutation.kind === 'delete-token' ? splice(bytes, start, end) : splice(bytes, end, end, bytes.slice(start, end));
    }
    case 'duplicate-line':
    case 'delete-line': {
      const list = lines(bytes);
      const [start, end] = list[pickIndex(mutation.at, list.length)]!;
      return mutation.kind === 'delete-line' ? splice(bytes, start, end) : splice(bytes, end, end, bytes.slice(start, end));
    }
    case 'swap-lines': {
      const list = lines(bytes);
      const a = list[pickIndex(mutation.at, list.length)]!;
      const b = list[pickIndex(mutation.other, list.length)]!;
      if (a[0] === b[0]) return bytes;
      const [first, second] = a[0] < b[0] ? [a, b] : [b, a];
      const parts = [bytes.subarray(0, first[0]), bytes.subarray(second[0], second[1]), bytes.subarray(first[1], second[0]), bytes.subarray(first[0], first[1]), bytes.subarray(second[1])];
      const result = new Uint8Array(bytes.length);
      let offset = 0;
      for (const part of parts) {
        result.set(part, offset);
        offset += part.length;
      }
      return result;
    }
    case 'insert': {
      const at = Math.floor(mutation.at * bytes.length);
      return splice(bytes, at, at, encoder.encode(mutation.text));
    }
  }
}

/** A fixture of the target's format with one to four mutations applied. */
export function mutatedInput(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  const files = seeds(target);
  return fc
    .record({ seed: fc.integer({ min: 0, max: files.length - 1 }), mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }) })
    .map(({ seed, mutations }) => mutations.reduce((bytes, mutation) => applyMutation(bytes, mutation), files[seed]!));
}

// ---------------------------------------------------------------------------------------------
// Generated structures.

const resourceTypes = [
  'AWS::MediaLive::Channel',
  'AWS::MediaLive::Input',
  'AWS::MediaLive::InputSecurityGroup',
  'AWS::MediaLive::Multiplex',
  'AWS::MediaLive::Multiplexprogram',
  'AWS::MediaPackage::Channel',
  'AWS::MediaPackage::OriginEndpoint',
  'AWS::MediaPackage::PackagingConfiguration',
  'AWS::MediaPackage::PackagingGroup',
  'AWS::MediaPackageV2::ChannelGroup',
  'AWS::MediaPackageV2::Channel',
  'AWS::MediaPackageV2::OriginEndpoint',
  'AWS::MediaPackageV2::OriginEndpointPolicy',
  'AWS::MediaConvert::Queue',
  'AWS::MediaConvert::Preset',
  'AWS::MediaConvert::JobTemplate',
  'AWS::KinesisVideo::Stream',
  'AWS::KinesisVideo::SignalingChannel',
  'AWS::IAM::Role',
  'AWS::MediaLive::Nonexistent',
];

/** Property names the rules and the specs look at, in CloudFormation spelling. */
const propertyNames = [
  'Name', 'Type', 'Id', 'ChannelClass', 'EncoderSettings', 'VideoDescriptions', 'AudioDescriptions', 'OutputGroups', 'Outputs', 'OutputGroupSettings',
  'HlsGroupSettings', 'MediaPackageGroupSettings', 'Destination', 'DestinationRefId', 'Destinations', 'Settings', 'Url', 'StreamName', 'CodecSettings',
  'H264Settings', 'H265Settings', 'AacSettings', 'Bitrate', 'MaxBitrate', 'RateControlMode', 'Profile', 'Level', 'Width', 'Height', 'FramerateNumerator',
  'FramerateDenominator', 'FramerateControl', 'GopSize', 'GopSizeUnits', 'GopClosedCadence', 'SegmentLength', 'VideoDescriptionName', 'AudioDescriptionNames',
  'InputAttachments', 'InputId', 'InputSecurityGroups', 'WhitelistRules', 'Cidr', 'HlsPackage', 'DashPackage', 'SegmentDurationSeconds',
  'PlaylistWindowSeconds', 'ManifestWindowSeconds', 'Encryption', 'SpekeKeyProvider', 'SystemIds', 'DataRetentionInHours', 'MediaType', 'KmsKeyId',
  'SettingsJson', 'Queue', 'Preset', 'ContainerSettings', 'Container', 'CodingMode', 'SampleRate', 'LogLevel', 'Whitelist', 'Tags', 'Key', 'Value',
  'MultiplexSettings', 'MultiplexId', 'ProgramNumber', 'AvailabilityZones', 'PasswordParam', 'Username', 'Segment', 'HlsManifests', 'ChannelGroupName',
  'ChannelName', 'Policy', 'Statement', 'Effect', 'Action', 'Resource', 'Principal', 'PricingPlan', 'Status', 'Role', 'NumRefFrames', 'BufSize',
];

const scalarArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('HIGH', 'MAIN', 'CBR', 'QVBR', 'SECONDS', 'FRAMES', 'STANDARD', 'SINGLE_PIPELINE', 'RTMP_PUSH', 'H_264', 'AAC', 'video/h264', 'rtmp://user:pass@x/y', '0.0.0.0/0', 'H264_LEVEL_4_1', '', 'null', '-1', '1e309'),
  fc.integer({ min: -2, max: 100_000_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);

/** A CloudFormation-shaped value tree: objects with known property names, lists, intrinsics. */
const valueArbitrary: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArbitrary,
    fc.dictionary(fc.oneof(fc.constantFrom(...propertyNames), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.record({ Ref: fc.oneof(fc.constantFrom('Res0', 'Res1', 'Param', 'AWS::Region', 'AWS::NoValue'), fc.string({ maxLength: 5 })) }),
    fc.record({ 'Fn::GetAtt': fc.tuple(fc.constantFrom('Res0', 'Res1', 'Missing'), fc.constantFrom('Arn', 'Name', 'Nope')) }),
    fc.record({ 'Fn::Sub': fc.oneof(fc.constantFrom('${Res0}-${AWS::Region}', '${Param}', '${!Literal}', '${Res1.Arn}', '${'), fc.string({ maxLength: 8 })) }),
    fc.record({ 'Fn::If': fc.tuple(fc.constant('Cond'), tie('value'), tie('value')) }),
    fc.record({ 'Fn::Join': fc.tuple(fc.constantFrom('', ','), fc.array(tie('value'), { maxLength: 3 })) }),
    fc.record({ 'Fn::FindInMap': fc.tuple(fc.constant('Map'), fc.constantFrom('a', 'b'), fc.constantFrom('x', 'y')) }),
    fc.record({ 'Fn::Select': fc.tuple(fc.integer({ min: -1, max: 3 }), tie('value')) }),
  ),
})).value;

const templateArbitrary = fc.record({
  AWSTemplateFormatVersion: fc.constant('2010-09-09'),
  Parameters: fc.constant({ Param: { Type: 'String', Default: 'prod' } }),
  Mappings: fc.constant({ Map: { a: { x: 1, y: 'two' } } }),
  Conditions: fc.constant({ Cond: { 'Fn::Equals': [{ Ref: 'Param' }, 'prod'] } }),
  Resources: fc.dictionary(
    fc.oneof(fc.constantFrom('Res0', 'Res1', 'Res2'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/)),
    fc.record(
      {
        Type: fc.oneof(fc.constantFrom(...resourceTypes), fc.string({ maxLength: 6 })),
        Properties: fc.dictionary(fc.constantFrom(...propertyNames), valueArbitrary, { maxKeys: 8 }),
        Metadata: fc.constant({ 'media-lint': { ignore: [{ rule: 'schema/invalid-enum', reason: 'fuzz' }] } }),
        Condition: fc.constant('Cond'),
        DependsOn: fc.constantFrom('Res0', ['Res1']),
      },
      { requiredKeys: ['Type'] },
    ),
    { minKeys: 1, maxKeys: 5 },
  ),
});

function yamlWithTags(template: unknown, useTags: boolean): string {
  // Short-form tags, as people write them: `Ref: X` (a one-key mapping) becomes `!Ref X`.
  let text = yamlStringify(template, { lineWidth: 0 });
  if (useTags) text = text.replace(/^(\s*)(-\s+|[^\s:]+:\s+)?Ref: (.+)$/gm, (_match, indent: string, head: string | undefined, target: string) => `${indent}${head ?? ''}!Ref ${target}`);
  return text;
}

/** Random HCL: blocks, attributes, expressions of every kind Terraform has. */
const hclExpression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('"HIGH"', '"CBR"', '1080', '3000000', 'true', 'null', '"0.0.0.0/0"', '"rtmp://u:p@h/x"', '"video/h264"', '2.5', '"${var.name}-x"', '"%{ if true }a%{ endif }"'),
    fc.constantFrom('var.name', 'var.missing', 'local.settings', 'aws_medialive_input.main.id', 'aws_medialive_channel.main.arn', 'each.value', 'count.index', 'module.m.out', 'data.aws_region.current.name'),
    fc.integer({ min: -5, max: 10_000_000 }).map(String),
    fc.string({ maxLength: 8 }).map((text) => JSON.stringify(text)),
    fc.array(tie('expr'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom('name', 'bitrate', 'width', 'height', 'profile', 'cidr', 'id'), tie('expr')), { maxLength: 4 }).map((pairs) => `{ ${pairs.map(([key, value]) => `${key} = ${value}`).join(', ')} }`),
    fc.tuple(fc.constantFrom('format', 'join', 'lookup', 'merge', 'concat', 'length', 'upper', 'element', 'try', 'coalesce', 'jsonencode', 'cidrsubnet', 'tostring', 'unknownfn'), fc.array(tie('expr'), { maxLength: 3 })).map(([name, args]) => `${name}(${args.join(', ')})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '==', '&&', '||', '>'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('expr').map((list) => `[for x in ${list} : x]`),
    tie('expr').map((map) => `{ for k, v in ${map} : k => v }`),
    tie('expr').map((value) => `${value}[0]`),
    tie('expr').map((value) => `${value}.*.id`),
  ),
})).expr;

const hclBody: fc.Arbitrary<string> = fc.letrec<{ body: string }>((tie) => ({
  body: fc
    .array(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.tuple(fc.constantFrom('name', 'type', 'bitrate', 'width', 'height', 'profile', 'channel_class', 'count', 'for_each', 'media_type', 'data_retention_in_hours', 'cidr', 'input_id', 'id', 'whitelist'), hclExpression).map(([key, value]) => `${key} = ${value}`),
        fc.tuple(fc.constantFrom('encoder_settings', 'video_descriptions', 'codec_settings', 'h264_settings', 'output_groups', 'outputs', 'destinations', 'settings', 'input_attachments', 'whitelist_rules', 'hls_package', 'dynamic "outputs"', 'content', 'lifecycle'), tie('body')).map(([name, body]) => `${name} {\n${body}\n}`),
      ),
      { maxLength: 5 },
    )
    .map((items) => items.join('\n')),
})).body;

const hclFile: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom('aws_medialive_channel', 'aws_medialive_input', 'aws_medialive_input_security_group', 'aws_media_package_channel', 'aws_media_convert_queue', 'aws_kinesis_video_stream', 'awscc_mediapackagev2_origin_endpoint', 'awscc_mediaconvert_preset', 'aws_nonexistent'), fc.constantFrom('main', 'backup', 'x'), hclBody).map(([type, name, body]) => `resource "${type}" "${name}" {\n${body}\n}`),
      hclBody.map((body) => `locals {\n${body}\n}`),
      fc.tuple(fc.constantFrom('name', 'missing', 'list'), hclExpression).map(([name, value]) => `variable "${name}" {\n  default = ${value}\n}`),
      hclBody.map((body) => `module "m" {\n  source = "./nowhere"\n${body}\n}`),
      fc.constant('# media-lint-ignore schema/invalid-enum: fuzzing'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((blocks) => `${blocks.join('\n\n')}\n`);

/** Random Ruby in the shape of a Pangea template. */
const rubyExpression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('"HIGH"', '"CBR"', '1080', '3_000_000', 'true', 'nil', ':symbol', '"0.0.0.0/0"', '"#{name}-x"', '"#{undefined_thing}"', 'ENV["X"]', '1.5', 'name', 'input.id', 'ref(:aws_medialive_input, :main, :id)', 'var(:missing)'),
    fc.integer({ min: -5, max: 10_000_000 }).map(String),
    fc.string({ maxLength: 8 }).map((text) => JSON.stringify(text)),
    fc.array(tie('expr'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom('name', 'bitrate', 'width', 'height', 'profile', 'cidr', 'type', 'encoder_settings', 'video_descriptions', 'codec_settings', 'h264_settings'), tie('expr')), { maxLength: 4 }).map((pairs) => `{ ${pairs.map(([key, value]) => `${key}: ${value}`).join(', ')} }`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '==', '&&', '||', '<<'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `(${a} ? ${b} : ${c})`),
    tie('expr').map((list) => `${list}.map { |x| x }`),
    tie('expr').map((value) => `${value}.merge({ a: 1 })`),
    tie('expr').map((value) => `${value}[0]`),
  ),
})).expr;

const rubyStatement: fc.Arbitrary<string> = fc.letrec<{ statement: string }>((tie) => ({
  statement: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('aws_medialive_channel', 'aws_medialive_input', 'aws_medialive_input_security_group', 'aws_mediapackage_channel', 'aws_mediaconvert_queue', 'aws_kinesis_video_stream', 'aws_nonexistent'), fc.constantFrom(':main', ':backup', 'name.to_sym'), rubyExpression).map(
      ([type, name, body]) => `${type}(${name}, ${body})`,
    ),
    fc.tuple(fc.constantFrom('name', 'input', 'settings', 'list'), rubyExpression).map(([name, value]) => `${name} = ${value}`),
    fc.tuple(rubyExpression, fc.array(tie('statement'), { maxLength: 3 })).map(([list, body]) => `${list}.each do |item|\n${body.join('\n')}\nend`),
    fc.tuple(rubyExpression, fc.array(tie('statement'), { maxLength: 3 }), fc.array(tie('statement'), { maxLength: 2 })).map(([condition, yes, no]) => `if ${condition}\n${yes.join('\n')}\nelse\n${no.join('\n')}\nend`),
    fc.tuple(fc.constantFrom('helper', 'build'), fc.array(tie('statement'), { maxLength: 3 })).map(([name, body]) => `def ${name}(x)\n${body.join('\n')}\nend`),
    fc.constantFrom('helper(1)', 'build(name)', 'CONSTANT = 5', 'resource :aws_medialive_input, :raw do\n  name "raw"\nend', '# media-lint-ignore schema/invalid-enum: fuzzing', 'loop do\nend', 'while true\nend'),
  ),
})).statement;

const rubyFile: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('live', 'vod', 'x'), fc.array(rubyStatement, { minLength: 1, maxLength: 6 }))
  .map(([name, statements]) => `template :${name} do\n${statements.join('\n')}\nend\n`);

/** A generated input of the target's format. */
export function generatedInput(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  switch (target) {
    case 'json':
      return fc.tuple(templateArbitrary, fc.boolean()).map(([template, pretty]) => encoder.encode(JSON.stringify(template, null, pretty ? 2 : undefined)));
    case 'yaml':
      return fc.tuple(templateArbitrary, fc.boolean()).map(([template, tags]) => encoder.encode(yamlWithTags(template, tags)));
    case 'terraform':
      return hclFile.map((text) => encoder.encode(text));
    case 'pangea':
      return rubyFile.map((text) => encoder.encode(text));
  }
}

/** Mutated fixtures, generated structures, and mutated generated structures. */
export function fuzzInput(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: mutatedInput(target), weight: 3 },
    { arbitrary: generatedInput(target), weight: 2 },
    {
      arbitrary: fc.tuple(generatedInput(target), fc.array(mutationArbitrary, { minLength: 1, maxLength: 2 })).map(([bytes, mutations]) => mutations.reduce(applyMutation, bytes)),
      weight: 1,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The property.

export interface CaseOutcome {
  findings: number;
  diagnostics: number;
  milliseconds: number;
}

/** A scratch directory for one fuzzing session; each case writes its file there. */
export function scratchDirectory(): { directory: string; dispose: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'media-lint-fuzz-'));
  return { directory, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}

/** Per case, far above what a small input takes: a case slower than this counts as a hang. */
export const caseTimeLimitMs = 10_000;

/**
 * Lints `bytes` as a file of the target's format and checks the property; throws (with the input
 * described) when it does not hold.
 */
export async function checkCase(target: FuzzTarget, bytes: Uint8Array, directory: string): Promise<CaseOutcome> {
  const caseDirectory = join(directory, 'case');
  rmSync(caseDirectory, { recursive: true, force: true });
  mkdirSync(caseDirectory, { recursive: true });
  const file = join(caseDirectory, `input.${extensions[target]}`);
  writeFileSync(file, bytes);
  const started = performance.now();
  let result;
  try {
    // Explicitly named, so that nothing is skipped as "not ours": every input reaches its parser.
    result = await lint({ paths: [file], cwd: caseDirectory });
  } catch (error) {
    throw new Error(`lint() threw on a ${target} input: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const milliseconds = performance.now() - started;
  if (milliseconds > caseTimeLimitMs) throw new Error(`lint() took ${Math.round(milliseconds)} ms on a ${bytes.length}-byte ${target} input`);
  if (result.internalErrors.length > 0) throw new Error(`a rule failed on a ${target} input: ${result.internalErrors.join('; ')}`);
  let diagnostics = 0;
  for (const finding of result.report.findings) {
    const where = `${finding.ruleId} at ${finding.file}:${finding.line}:${finding.column}`;
    if (relative(caseDirectory, join(caseDirectory, finding.file)).startsWith('..')) throw new Error(`finding outside the input: ${where}`);
    if (!(finding.line >= 1 && finding.column >= 1 && finding.endLine >= finding.line)) throw new Error(`finding without a valid position: ${where}`);
    if (!(typeof finding.message === 'string' && finding.message.length > 0)) throw new Error(`finding without a message: ${where}`);
    if (finding.ruleId === 'parse-error' || finding.ruleId === 'file-error') diagnostics++;
  }
  return { findings: result.report.findings.length, diagnostics, milliseconds };
}

/** Renders an input for a failure report: the first bytes, escaped. */
export function describeInput(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 600));
  return JSON.stringify(text) + (bytes.length > 600 ? ` … (${bytes.length} bytes)` : '');
}
