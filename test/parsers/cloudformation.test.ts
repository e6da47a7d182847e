import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resource, Scope } from '../../src/graph/resource.js';
import { SourceText, type Span } from '../../src/graph/source.js';
import { getProperty, type Value } from '../../src/graph/value.js';
import { cloudFormationFrontEnd } from '../../src/parsers/cloudformation/index.js';
import { parseSubString } from '../../src/parsers/cloudformation/intrinsics.js';
import type { InputFile, LoadResult } from '../../src/parsers/types.js';

const cwd = process.cwd();
const CFN = 'fixtures/cloudformation/parser';
const CDK = 'fixtures/cdk/parser';

function input(path: string, text?: string): InputFile {
  return { path, absolutePath: resolve(cwd, path), source: new SourceText(path, text ?? readFileSync(resolve(cwd, path), "utf8")), explicit: true };
}

function load(...files: InputFile[]): LoadResult {
  return cloudFormationFrontEnd.load(files, { cwd }) as LoadResult;
}

function loadOne(path: string, text?: string): Scope {
  const result = load(input(path, text));
  expect(result.diagnostics).toEqual([]);
  expect(result.scopes).toHaveLength(1);
  return result.scopes[0]!;
}

/** `line:column-line:column`, for compact span assertions. */
function at(span: Span | undefined): string {
  if (!span) return 'none';
  return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}

function resource(scope: Scope, address: string): Resource {
  const found = scope.resources.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no resource ${address}`);
  return found;
}

/** The value at a canonical path (names and list indexes) from a resource's properties. */
function valueAt(target: Resource | Value, ...path: Array<string | number>): Value | undefined {
  let value: Value | undefined = 'properties' in target && 'address' in target ? target.properties : (target as Value);
  for (const segment of path) {
    if (value === undefined) return undefined;
    if (typeof segment === 'number') value = value.kind === 'list' ? value.items[segment] : undefined;
    else value = value.kind === 'object' ? getProperty(value, segment)?.value : undefined;
  }
  return value;
}

function property(target: Resource, ...path: Array<string | number>) {
  const last = path[path.length - 1] as string;
  const parent = valueAt(target, ...path.slice(0, -1));
  return parent?.kind === 'object' ? getProperty(parent, last) : undefined;
}

describe('claims', () => {
  it('claims JSON, YAML and .template files', () => {
    for (const path of ['a.json', 'b.yaml', 'c.YML', 'd.template', 'cdk.out/manifest.json', 'x.template.json']) {
      expect(cloudFormationFrontEnd.claims(path)).toBe(true);
    }
    for (const path of ['main.tf', 'app.ts', 'live.rb', 'README.md', 'json', 'template.txt']) {
      expect(cloudFormationFrontEnd.claims(path)).toBe(false);
    }
  });
});

describe('YAML templates with short-form tags', () => {
  const path = `${CFN}/live-channel.yaml`;
  const scope = loadOne(path);

  it('builds one scope with every resource', () => {
    expect(scope).toMatchObject({ id: path, kind: 'cloudformation-stack', format: 'cloudformation', file: path });
    expect(scope.resources.map((r) => [r.address, r.type, r.isMediaType])).toEqual([
      ['InputSecurityGroup', 'AWS::MediaLive::InputSecurityGroup', true],
      ['Input', 'AWS::MediaLive::Input', true],
      ['Channel', 'AWS::MediaLive::Channel', true],
      ['PackageChannel', 'AWS::MediaPackage::Channel', true],
      ['Stream', 'AWS::KinesisVideo::Stream', true],
      ['Conditional', 'AWS::KinesisVideo::Stream', true],
      ['NoProperties', 'Custom::Thing', false],
      ['Probe', 'Custom::IntrinsicProbe', false],
    ]);
    const channel = resource(scope, 'Channel');
    expect(channel).toMatchObject({
      id: `${path}#Channel`,
      logicalName: 'Channel',
      sourceType: 'AWS::MediaLive::Channel',
      format: 'cloudformation',
      file: path,
    });
    expect(channel.source?.file).toBe(path);
    expect(channel.constructPath).toBeUndefined();
  });

  it('records exact spans of resources, keys and values', () => {
    const channel = resource(scope, 'Channel');
    expect(at(channel.nameSpan)).toBe('44:3-44:10');
    expect(at(channel.span)).toBe('44:3-66:54');
    const channelClass = property(channel, 'channel_class')!;
    expect(channelClass.sourceName).toBe('ChannelClass');
    expect(at(channelClass.keySpan)).toBe('49:7-49:19');
    expect(channelClass.value).toMatchObject({ kind: 'known', value: 'SINGLE_PIPELINE' });
    expect(at(channelClass.value.span)).toBe('49:21-49:36');
    const gop = property(channel, 'encoder_settings', 'video_descriptions', 0, 'codec_settings', 'h264_settings', 'gop_size_units')!;
    expect(gop.sourceName).toBe('GopSizeUnits');
    expect(at(gop.keySpan)).toBe('65:17-65:29');
    expect(at(gop.value.span)).toBe('65:31-65:37');
    // A number keeps its type.
    const retention = valueAt(resource(scope, 'Stream'), 'data_retention_in_hours');
    expect(retention).toMatchObject({ kind: 'known', value: 24 });
    expect(at(retention?.span)).toBe('78:29-78:31');
  });

  it('makes every key canonical and keeps its source spelling', () => {
    const channel = resource(scope, 'Channel');
    expect(channel.properties.properties.map((p) => [p.name, p.sourceName])).toEqual([
      ['name', 'Name'],
      ['role_arn', 'RoleArn'],
      ['channel_class', 'ChannelClass'],
      ['input_attachments', 'InputAttachments'],
      ['destinations', 'Destinations'],
      ['encoder_settings', 'EncoderSettings'],
    ]);
    expect(property(channel, 'encoder_settings', 'video_descriptions', 0, 'codec_settings', 'h264_settings')?.sourceName).toBe('H264Settings');
    expect(property(channel, 'destinations', 0, 'media_package_settings')?.sourceName).toBe('MediaPackageSettings');
  });

  it('resolves Ref to a parameter default, with the default as span and the Ref as via', () => {
    const channel = resource(scope, 'Channel');
    const name = valueAt(channel, 'name')!;
    expect(name).toMatchObject({ kind: 'known', value: 'live-main' });
    expect(at(name.span)).toBe('9:14-9:23');
    expect(name.via?.map(at)).toEqual(['47:13-47:29']);
    // Type: Number defaults become numbers (the default is the quoted string "5000000").
    const bitrate = valueAt(channel, 'encoder_settings', 'video_descriptions', 0, 'codec_settings', 'h264_settings', 'bitrate')!;
    expect(bitrate).toMatchObject({ kind: 'known', value: 5_000_000 });
    expect(at(bitrate.span)).toBe('6:14-6:23');
    expect(bitrate.via?.map(at)).toEqual(['64:26-64:38']);
    // Each use gets its own copy.
    expect(name).not.toBe(valueAt(resource(scope, 'PackageChannel'), 'id'));
  });

  it('resolves CommaDelimitedList defaults and Fn::Select over them', () => {
    const group = resource(scope, 'InputSecurityGroup');
    const first = valueAt(group, 'whitelist_rules', 0, 'cidr')!;
    const second = valueAt(group, 'whitelist_rules', 1, 'cidr')!;
    expect(first).toMatchObject({ kind: 'known', value: '10.0.0.0/16' });
    expect(second).toMatchObject({ kind: 'known', value: '192.168.0.0/24' });
    expect(at(first.span)).toBe('12:14-12:43');
    expect(first.via?.map(at)).toEqual(['31:29-31:44']);
  });

  it('makes parameters without default, SSM parameters and pseudo parameters unknown', () => {
    const probe = resource(scope, 'Probe');
    expect(valueAt(probe, 'no_default')).toMatchObject({ kind: 'unknown', reason: 'parameter', detail: 'parameter StreamKey has no default' });
    expect(valueAt(probe, 'from_ssm')).toMatchObject({ kind: 'unknown', reason: 'parameter' });
    expect(valueAt(probe, 'region')).toMatchObject({ kind: 'unknown', reason: 'pseudo-parameter', detail: 'pseudo parameter AWS::Region' });
    expect(at(valueAt(probe, 'region')?.span)).toBe('94:15-94:31');
  });

  it('turns Ref to a resource (or to nothing) and Fn::GetAtt into references', () => {
    const channel = resource(scope, 'Channel');
    const inputId = valueAt(channel, 'input_attachments', 0, 'input_id');
    expect(inputId).toEqual({ kind: 'reference', target: 'Input', expression: '!Ref Input', span: expect.anything() });
    expect(at(inputId?.span)).toBe('51:20-51:30');
    expect(valueAt(channel, 'role_arn')).toMatchObject({ kind: 'reference', target: 'ChannelRole', attribute: 'Arn', expression: '!GetAtt ChannelRole.Arn' });
    expect(valueAt(channel, 'destinations', 0, 'media_package_settings', 0, 'channel_id')).toMatchObject({
      kind: 'reference',
      target: 'PackageChannel',
      attribute: 'Id',
      expression: '!GetAtt [PackageChannel, Id]',
    });
    expect(scope.outputs.map((o) => [o.name, o.sourceName, o.value.kind, (o.value as { target?: string }).target])).toEqual([
      ['channel_arn', 'ChannelArn', 'reference', 'Channel'],
      ['dangling', 'Dangling', 'reference', 'DoesNotExist'],
    ]);
  });

  it('removes properties and list items that are Ref AWS::NoValue', () => {
    const channel = resource(scope, 'Channel');
    const h264 = valueAt(channel, 'encoder_settings', 'video_descriptions', 0, 'codec_settings', 'h264_settings');
    expect(h264?.kind === 'object' && h264.properties.map((p) => p.name)).toEqual(['bitrate', 'gop_size_units']);
    const destinations = valueAt(resource(scope, 'Input'), 'destinations');
    expect(destinations?.kind === 'list' && destinations.items.map((item) => item.kind === 'object' && item.properties.length)).toEqual([1, 0]);
  });

  it('evaluates Fn::Sub with parameters, explicit variables, references and ${!Literal}', () => {
    const input = resource(scope, 'Input');
    const name = valueAt(input, 'name')!;
    expect(name).toEqual({ kind: 'known', value: 'live-main-input', span: expect.anything() });
    expect(at(name.span)).toBe('36:13-36:40');
    expect(valueAt(resource(scope, 'PackageChannel'), 'id')).toMatchObject({ kind: 'known', value: 'live-main-pkg-v1' });

    const partial = valueAt(input, 'destinations', 0, 'stream_name');
    expect(partial?.kind).toBe('template');
    if (partial?.kind !== 'template') return;
    expect(partial.parts[0]).toBe('live/');
    expect(partial.parts[1]).toMatchObject({ kind: 'unknown', reason: 'parameter' });

    const mixed = valueAt(resource(scope, 'Probe'), 'mixed');
    if (mixed?.kind !== 'template') throw new Error('expected a template');
    expect(mixed.parts.map((part) => (typeof part === 'string' ? part : part.kind === 'reference' ? `ref:${part.target}.${part.attribute ?? ''}` : part.kind))).toEqual([
      'unknown',
      '/',
      'ref:Input.Arn',
      '/${Literal}/',
      'ref:Missing.',
    ]);
    expect(mixed.parts[2]).toMatchObject({ expression: '${Input.Arn}' });
  });

  it('evaluates Fn::Join, Fn::Split and Fn::FindInMap', () => {
    const channel = resource(scope, 'Channel');
    expect(valueAt(channel, 'input_attachments', 0, 'input_attachment_name')).toMatchObject({ kind: 'known', value: 'live-main-attachment' });
    const width = valueAt(channel, 'encoder_settings', 'video_descriptions', 0, 'width')!;
    expect(width).toMatchObject({ kind: 'known', value: 1920 });
    expect(at(width.span)).toBe('21:14-21:18');
    expect(width.via?.map(at)).toEqual(['60:20-60:55']);

    const probe = resource(scope, 'Probe');
    const codecs = valueAt(probe, 'codecs');
    expect(codecs?.kind === 'list' && codecs.items.map((item) => item.kind === 'known' && item.value)).toEqual(['H264', 'H265']);
    expect(at(codecs?.span)).toBe('23:15-23:27');
    const parts = valueAt(probe, 'parts');
    expect(parts?.kind === 'list' && parts.items.map((item) => item.kind === 'known' && item.value)).toEqual(['a', 'b', 'c']);
    const join = valueAt(probe, 'join_partial');
    expect(join?.kind).toBe('template');
    if (join?.kind === 'template') {
      expect(join.parts.map((part) => (typeof part === 'string' ? part : part.kind === 'known' ? part.value : part.kind))).toEqual(['arn', ':', 'unknown', ':', 'medialive']);
    }
    expect(valueAt(probe, 'missing_map')).toMatchObject({ kind: 'unknown', reason: 'intrinsic', detail: 'Fn::FindInMap: Mappings has no entry Resolutions.uhd.Width' });
  });

  it('makes conditions, imports and unevaluated functions unknown', () => {
    expect(valueAt(resource(scope, 'Input'), 'tags')).toMatchObject({ kind: 'unknown', reason: 'condition', detail: 'Fn::If depends on condition IsProd' });
    const probe = resource(scope, 'Probe');
    expect(valueAt(probe, 'imported')).toMatchObject({ kind: 'unknown', reason: 'import' });
    expect(valueAt(probe, 'encoded')).toMatchObject({ kind: 'unknown', reason: 'intrinsic', detail: 'Fn::Base64 is not evaluated' });
    expect(valueAt(probe, 'select_unknown')).toMatchObject({ kind: 'unknown', reason: 'intrinsic' });
    expect(at(valueAt(probe, 'select_unknown')?.span)).toBe('96:22-96:45');
  });

  it('reads absent and intrinsic Properties as closed and open empty objects', () => {
    const none = resource(scope, 'NoProperties').properties;
    expect(none.properties).toEqual([]);
    expect(none.open).toBeUndefined();
    const conditional = resource(scope, 'Conditional').properties;
    expect(conditional).toMatchObject({ kind: 'object', properties: [], open: true });
    expect(at(conditional.span)).toBe('81:17-81:64');
  });

  it('resolves aliases to the anchored node, with the alias as via', () => {
    const probe = resource(scope, 'Probe');
    const aliased = valueAt(probe, 'aliased')!;
    expect(valueAt(aliased, 'mode')).toMatchObject({ kind: 'known', value: 'CBR' });
    expect(at(aliased.span)).toBe('99:9-99:18');
    expect(aliased.via?.map(at)).toEqual(['100:16-100:25']);
  });

  it('lists the parameters with their defaults', () => {
    expect([...scope.parameters.keys()]).toEqual(['Bitrate', 'ChannelName', 'InputCidrs', 'StreamKey', 'LatestAmi']);
    expect(at(scope.parameters.get('Bitrate')?.span)).toBe('4:3-4:10');
    expect(scope.parameters.get('Bitrate')?.defaultValue).toMatchObject({ kind: 'known', value: 5_000_000 });
    expect(scope.parameters.get('InputCidrs')?.defaultValue).toMatchObject({ kind: 'known', value: '10.0.0.0/16, 192.168.0.0/24' });
    expect(scope.parameters.get('StreamKey')?.defaultValue).toBeUndefined();
    expect(scope.parameters.get('LatestAmi')?.defaultValue).toMatchObject({ kind: 'unknown', reason: 'parameter' });
  });

  it('gives the same positions with CRLF line endings', () => {
    const crlf = loadOne(path, readFileSync(resolve(cwd, path), 'utf8').replace(/\n/g, '\r\n'));
    const channel = resource(crlf, 'Channel');
    expect(at(channel.nameSpan)).toBe('44:3-44:10');
    expect(at(channel.span)).toBe('44:3-66:54');
    expect(at(property(channel, 'channel_class')?.keySpan)).toBe('49:7-49:19');
    expect(at(valueAt(channel, 'channel_class')?.span)).toBe('49:21-49:36');
    expect(at(valueAt(channel, 'name')?.span)).toBe('9:14-9:23');
    expect(valueAt(resource(crlf, 'Input'), 'name')).toMatchObject({ kind: 'known', value: 'live-main-input' });
  });

  it('counts columns in UTF-16 units', () => {
    const text = 'Resources:\n  Stream:\n    Type: AWS::KinesisVideo::Stream\n    Properties: {Name: "caméra-🎥", MediaType: video/h264}\n';
    const stream = loadOne('utf16.yaml', text).resources[0]!;
    // "caméra-🎥" is 9 UTF-16 units (the emoji is a surrogate pair) plus 2 quotes, from column 24.
    expect(at(valueAt(stream, 'name')?.span)).toBe('4:24-4:35');
    expect(at(property(stream, 'media_type')?.keySpan)).toBe('4:37-4:46');
  });
});

describe('JSON templates', () => {
  const path = `${CFN}/packaging.json`;
  const scope = loadOne(path);

  it('reads resources, keys and spans', () => {
    expect(scope.resources.map((r) => r.address)).toEqual(['PackageChannel', 'HlsEndpoint', 'Camera']);
    const endpoint = resource(scope, 'HlsEndpoint');
    expect(endpoint.type).toBe('AWS::MediaPackage::OriginEndpoint');
    expect(at(endpoint.nameSpan)).toBe('15:5-15:18');
    expect(at(endpoint.span)).toBe('15:5-29:6');
    const window = property(endpoint, 'hls_package', 'playlist_window_seconds')!;
    expect(window.sourceName).toBe('PlaylistWindowSeconds');
    expect(at(window.keySpan)).toBe('23:11-23:34');
    expect(window.value).toMatchObject({ kind: 'known', value: 60 });
    expect(at(window.value.span)).toBe('23:36-23:38');
    expect(property(endpoint, 'hls_package', 'include_i_frame_playlist')?.value).toMatchObject({ kind: 'known', value: true });
  });

  it('evaluates long-form intrinsics', () => {
    const endpoint = resource(scope, 'HlsEndpoint');
    expect(valueAt(endpoint, 'channel_id')).toMatchObject({ kind: 'reference', target: 'PackageChannel', expression: '{"Ref": "PackageChannel"}' });
    expect(valueAt(endpoint, 'channel_id')).not.toHaveProperty('attribute');
    const id = valueAt(endpoint, 'id');
    expect(id?.kind === 'template' && id.parts.map((p) => (typeof p === 'string' ? p : p.kind))).toEqual(['reference', '-', 'known']);
    const segment = valueAt(endpoint, 'hls_package', 'segment_duration_seconds')!;
    expect(segment).toMatchObject({ kind: 'known', value: 6 });
    expect(at(segment.span)).toBe('4:54-4:55');
    expect(segment.via?.map(at)).toEqual(['22:37-22:64']);
    expect(valueAt(endpoint, 'hls_package', 'ad_markers')).toBeUndefined();
    const whitelist = valueAt(endpoint, 'whitelist');
    expect(whitelist?.kind === 'list' && whitelist.items.map((item) => item.kind)).toEqual(['reference', 'known']);
    expect(valueAt(endpoint, 'whitelist', 0)).toMatchObject({ target: 'PackageChannel', attribute: 'Arn', expression: '{"Fn::GetAtt": ["PackageChannel", "Arn"]}' });

    // Fn::Sub with a variable map whose value is Fn::Select over a List<String> default.
    const description = valueAt(endpoint, 'description');
    if (description?.kind !== 'template') throw new Error('expected a template');
    expect(description.parts[0]).toBe('Origin for ');
    expect(description.parts[1]).toMatchObject({ kind: 'known', value: 'cdn-b' });
    expect(description.parts[2]).toBe(' in ');
    expect(description.parts[3]).toMatchObject({ kind: 'unknown', reason: 'pseudo-parameter' });

    const camera = resource(scope, 'Camera');
    const retention = valueAt(camera, 'data_retention_in_hours')!;
    expect(retention).toMatchObject({ kind: 'known', value: 48 });
    expect(at(retention.span)).toBe('8:39-8:41');
    expect(retention.via?.map(at)).toEqual(['34:33-34:84']);
    expect(valueAt(camera, 'kms_key_id')).toMatchObject({ kind: 'reference', target: 'Key', attribute: 'Arn' });
    expect(valueAt(camera, 'name')).toMatchObject({ kind: 'template', parts: ['camera-', { kind: 'unknown', reason: 'pseudo-parameter' }] });
    expect(valueAt(camera, 'device_name')).toMatchObject({ kind: 'unknown', reason: 'intrinsic' });
  });

  it('gives the same positions with CRLF line endings', () => {
    const crlf = loadOne(path, readFileSync(resolve(cwd, path), 'utf8').replace(/\n/g, '\r\n'));
    const endpoint = resource(crlf, 'HlsEndpoint');
    expect(at(endpoint.span)).toBe('15:5-29:6');
    expect(at(property(endpoint, 'hls_package', 'playlist_window_seconds')?.keySpan)).toBe('23:11-23:34');
  });

  it('reads .template files as JSON or YAML by content', () => {
    const json = loadOne('stack.template', '{"Resources": {"S": {"Type": "AWS::KinesisVideo::Stream", "Properties": {"Name": "a"}}}}');
    expect(valueAt(json.resources[0]!, 'name')).toMatchObject({ kind: 'known', value: 'a' });
    const yaml = loadOne('stack2.template', 'Resources:\n  S:\n    Type: AWS::KinesisVideo::Stream\n    Properties: {Name: !Ref AWS::StackName}\n');
    expect(valueAt(yaml.resources[0]!, 'name')).toMatchObject({ kind: 'unknown', reason: 'pseudo-parameter' });
    const flow = loadOne('stack3.template', '{Resources: {S: {Type: AWS::KinesisVideo::Stream, Properties: {Name: cam}}}}');
    expect(valueAt(flow.resources[0]!, 'name')).toMatchObject({ kind: 'known', value: 'cam' });
    expect(load(input('broken.template', '{"Resources": {')).diagnostics[0]?.message).toMatch(/CloseBraceExpected/);
  });
});

describe('intrinsic edge cases', () => {
  const template = (properties: string, extra = '') =>
    loadOne('edge.yaml', `AWSTemplateFormatVersion: "2010-09-09"\n${extra}Resources:\n  R:\n    Type: Custom::R\n    Properties:\n${properties}`).resources[0]!;

  it('parses Fn::Sub strings', () => {
    expect(parseSubString('a-${B}-${!C}-${D.E}')).toEqual(['a-', { variable: 'B', start: 2, end: 6 }, '-${C}-', { variable: 'D.E', start: 13, end: 19 }]);
    expect(parseSubString('no vars')).toEqual(['no vars']);
    expect(parseSubString('open ${ end')).toEqual(['open ${ end']);
  });

  it('treats a one-key Fn:: or Ref mapping as an intrinsic and anything else as an object', () => {
    const r = template('      A: {"Fn::GetAtt": "X.Y.Z"}\n      B: {Condition: IsProd}\n      C: {Ref: X, Other: 1}\n      D: {"Fn::NewThing": 1}\n');
    expect(valueAt(r, 'a')).toMatchObject({ kind: 'reference', target: 'X', attribute: 'Y.Z' });
    expect(valueAt(r, 'b')).toMatchObject({ kind: 'object' });
    expect(valueAt(r, 'c')?.kind).toBe('object');
    expect(valueAt(r, 'd')).toMatchObject({ kind: 'unknown', reason: 'intrinsic', detail: 'unsupported intrinsic function Fn::NewThing' });
  });

  it('covers every short-form tag', () => {
    const r = template(
      [
        '      GetAZs: !GetAZs ""',
        '      Cidr: !Cidr ["10.0.0.0/16", 4, 8]',
        '      Length: !Length [1, 2]',
        '      Json: !ToJsonString {a: 1}',
        '      Transform: !Transform {Name: AWS::Include}',
        '      Equals: !Equals [a, b]',
        '      And: !And [!Condition A, !Condition B]',
        '      Or: !Or [!Condition A, !Condition B]',
        '      Not: !Not [!Condition A]',
        '      Cond: !Condition A',
        '      Select: !Select ["1", [a, b, c]]',
        '      OutOfRange: !Select [5, [a]]',
        '      Sub2: !Sub ["${A}-${B}", {A: !Ref AWS::Region}]',
        '',
      ].join('\n'),
    );
    for (const name of ['get_a_zs', 'cidr', 'length', 'json', 'transform']) expect(valueAt(r, name), name).toMatchObject({ kind: 'unknown', reason: 'intrinsic' });
    for (const name of ['equals', 'and', 'or', 'not', 'cond']) expect(valueAt(r, name), name).toMatchObject({ kind: 'unknown', reason: 'condition' });
    expect(valueAt(r, 'select')).toMatchObject({ kind: 'known', value: 'b' });
    expect(valueAt(r, 'out_of_range')).toMatchObject({ kind: 'unknown', reason: 'intrinsic' });
    const sub = valueAt(r, 'sub2');
    expect(sub?.kind === 'template' && sub.parts.map((p) => (typeof p === 'string' ? p : `${p.kind}`))).toEqual(['unknown', '-', 'reference']);
  });

  it('reads a resource and its Properties written as aliases', () => {
    const scope = loadOne(
      'alias.yaml',
      'Resources:\n  A:\n    Type: AWS::KinesisVideo::Stream\n    Properties: &props\n      Name: cam\n  B: &b\n    Type: AWS::KinesisVideo::Stream\n    Properties: *props\n  C: *b\n',
    );
    const b = resource(scope, 'B');
    expect(valueAt(b, 'name')).toMatchObject({ kind: 'known', value: 'cam' });
    expect(b.properties.via?.map(at)).toEqual(['8:17-8:23']);
    const c = resource(scope, 'C');
    expect(at(c.span)).toBe('9:3-9:8');
    expect(valueAt(c, 'name')).toMatchObject({ kind: 'known', value: 'cam' });
  });

  it('uses the FindInMap DefaultValue when the entry is missing', () => {
    const r = template('      A: !FindInMap [M, x, y, {DefaultValue: fallback}]\n      B: !FindInMap [M, k, v]\n', 'Mappings:\n  M:\n    k: {v: [1, 2]}\n');
    expect(valueAt(r, 'a')).toMatchObject({ kind: 'known', value: 'fallback' });
    const b = valueAt(r, 'b');
    expect(b?.kind === 'list' && b.items.map((item) => item.kind === 'known' && item.value)).toEqual([1, 2]);
    expect(b?.kind === 'list' && b.items[0]!.via?.length).toBe(1);
  });

  it('keeps strings as written for String parameters and marks cdk format from aws:cdk:path', () => {
    const scope = loadOne(
      'cdk.out/Edge.template.json',
      JSON.stringify({
        Parameters: { P: { Type: 'String', Default: 5 } },
        Resources: { S: { Type: 'AWS::KinesisVideo::Stream', Properties: { Name: { Ref: 'P' } }, Metadata: { 'aws:cdk:path': 'Edge/S/Resource' } } },
      }),
    );
    expect(valueAt(scope.resources[0]!, 'name')).toMatchObject({ kind: 'known', value: '5' });
    expect(scope.format).toBe('cdk');
    expect(scope.stackName).toBe('Edge');
    expect(scope.resources[0]).toMatchObject({ format: 'cdk', constructPath: 'Edge/S/Resource' });
  });
});

describe('files that are not templates', () => {
  it('skips them silently', () => {
    const directory = `${CFN}/not-templates`;
    const files = readdirSync(resolve(cwd, directory)).map((name) => input(join(directory, name)));
    expect(files.length).toBeGreaterThanOrEqual(12);
    const result = load(...files);
    expect(result.diagnostics).toEqual([]);
    expect(result.scopes).toEqual([]);
    expect(result.skipped.sort()).toEqual(files.map((file) => file.path).sort());
  });
});

describe('parse errors', () => {
  function diagnosticOf(path: string, text?: string) {
    const result = load(input(path, text));
    expect(result.scopes).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0]!;
    expect(diagnostic.ruleId).toBe('parse-error');
    expect(diagnostic.severity).toBe('error');
    expect(result.sources.get(path)).toBeDefined();
    return { message: diagnostic.message, at: at(diagnostic.span), file: diagnostic.span.file };
  }

  it('reports malformed JSON at the exact position', () => {
    expect(diagnosticOf(`${CFN}/malformed.json`)).toEqual({ message: 'Expected a comma (CommaExpected)', at: '6:7-6:19', file: `${CFN}/malformed.json` });
    expect(diagnosticOf(`${CFN}/trailing-comma.json`)).toMatchObject({ message: 'Trailing comma: expected a property name (PropertyNameExpected)', at: '3:54-3:55' });
    expect(diagnosticOf('comment.json', '{\n  // no comments in JSON\n  "Resources": {}\n}')).toMatchObject({ message: 'Comments are not allowed in JSON (InvalidCommentToken)', at: '2:3-2:25' });
  });

  it('reports malformed YAML at the exact position with the first line of the message', () => {
    expect(diagnosticOf(`${CFN}/malformed.yaml`)).toMatchObject({ message: 'Missing closing "quote', at: '8:1-8:1' });
    const indented = 'Resources:\n  Channel:\n    Type: AWS::MediaLive::Channel\n    Properties:\n      Name: live\n     ChannelClass: STANDARD\n';
    expect(diagnosticOf('indent.yaml', indented)).toMatchObject({ message: 'All mapping items must start at the same column', at: '6:1-6:2' });
    const crlf = indented.replace(/\n/g, '\r\n');
    expect(diagnosticOf('indent-crlf.yaml', crlf)).toMatchObject({ at: '6:1-6:2' });
  });

  it('reports duplicate keys at the second key', () => {
    expect(diagnosticOf(`${CFN}/duplicate-keys.json`)).toMatchObject({ message: 'Duplicate key "Name" (first defined on line 6)', at: '8:9-8:15' });
    expect(diagnosticOf(`${CFN}/duplicate-keys.yaml`)).toMatchObject({ message: 'Duplicate key "Name" (first defined on line 5)', at: '6:7-6:11' });
  });

  it('stops an alias bomb quickly', () => {
    const started = performance.now();
    const diagnostic = diagnosticOf(`${CFN}/alias-bomb.yaml`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(diagnostic.message).toMatch(/^Too many alias expansions/);
  });

  it('reports undefined and self-referencing aliases', () => {
    const head = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: Custom::A\n    Properties:\n';
    expect(diagnosticOf('a.yaml', `${head}      X: *nope\n`)).toMatchObject({ message: 'Unresolved alias *nope: no anchor &nope is defined before it', at: '6:10-6:15' });
    expect(diagnosticOf('b.yaml', `${head}      X: &x [1, *x]\n`)).toMatchObject({ message: 'Alias *x refers to a node that contains it', at: '6:17-6:19' });
  });

  it('reports a template split over several YAML documents', () => {
    expect(diagnosticOf('multi.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n---\nResources: {}\n')).toMatchObject({
      message: 'A CloudFormation template must be a single YAML document',
      at: '2:1-2:1',
    });
  });

  it('survives deep nesting', () => {
    const head = '{"Resources":{"A":{"Type":"AWS::S3::Bucket","Properties":{"X":';
    const tail = '}}}}';
    // Stopped at the 501st level, long before the parser's own recursion could overflow.
    expect(diagnosticOf('deep.json', `${head}${'['.repeat(100_000)}${']'.repeat(100_000)}${tail}`)).toMatchObject({ message: 'Nesting too deep (more than 500 levels)', at: '1:559-1:559' });
    expect(diagnosticOf('deep600.json', `${head}${'['.repeat(600)}${']'.repeat(600)}${tail}`)).toMatchObject({ message: 'Nesting too deep (more than 500 levels)' });
    const yamlHead = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ';
    expect(diagnosticOf('deep.yaml', `${yamlHead}${'['.repeat(20_000)}${']'.repeat(20_000)}\n`).message).toMatch(/^Nesting too deep/);
    expect(diagnosticOf('deep600.yaml', `${yamlHead}${'['.repeat(600)}${']'.repeat(600)}\n`)).toMatchObject({ message: 'Nesting too deep (more than 500 levels)' });
    // Moderate nesting is fine.
    expect(load(input('ok.json', `${head}${'['.repeat(100)}${']'.repeat(100)}${tail}`)).diagnostics).toEqual([]);
  });

  it('reports syntax errors even in files that may not be templates', () => {
    expect(diagnosticOf('broken.yaml', 'a: [1, 2\nb: 3\n')).toMatchObject({ at: '2:1-2:2' });
    expect(diagnosticOf('broken.json', '{\n  "name": "player",\n}\n')).toMatchObject({ message: 'Trailing comma: expected a property name (PropertyNameExpected)', at: '3:1-3:2' });
    // But duplicate keys alone do not make a non-template an error.
    expect(load(input('k8s.yaml', 'metadata:\n  name: a\n  name: b\n')).diagnostics).toEqual([]);
    expect(load(input('config.json', '{"name": "a", "name": "b"}')).diagnostics).toEqual([]);
  });
});

describe('CDK cloud assemblies', () => {
  const dir = `${CDK}/app/cdk.out`;
  const files = [
    `${dir}/manifest.json`,
    `${dir}/LiveStack.template.json`,
    `${dir}/LiveStack.assets.json`,
    `${dir}/tree.json`,
    `${dir}/assembly-Prod/manifest.json`,
  ].map((path) => input(path));
  const result = load(...files);

  it('reads each stack of the assembly once, including nested assemblies', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.scopes.map((scope) => [scope.id, scope.format, scope.stackName])).toEqual([
      [`${dir}/LiveStack.template.json`, 'cdk', 'LiveStack'],
      // Not in the file list: read from disk, reported relative to the working directory.
      [`${dir}/assembly-Prod/ProdLiveStackA1B2C3D4.template.json`, 'cdk', 'Prod/LiveStack'],
    ]);
    expect(result.skipped.sort()).toEqual([`${dir}/LiveStack.assets.json`, `${dir}/tree.json`]);
    expect(result.sources.has(`${dir}/assembly-Prod/ProdLiveStackA1B2C3D4.template.json`)).toBe(true);
  });

  it('sets construct paths from aws:cdk:path or the manifest, and the construct source from the trace', () => {
    const live = result.scopes[0]!;
    const input = resource(live, 'InputD4C7F4A3');
    expect(input).toMatchObject({ format: 'cdk', constructPath: 'LiveStack/Input/Resource', constructSource: { file: '/work/app/lib/live-stack.ts', line: 12, column: 19 } });
    const channel = resource(live, 'Channel');
    expect(channel.constructPath).toBe('LiveStack/Channel');
    expect(channel.constructSource).toEqual({ file: '/work/app/lib/live-stack.ts', line: 20, column: 21 });
    expect(valueAt(channel, 'input_attachments', 0, 'input_id')).toMatchObject({ kind: 'reference', target: 'InputD4C7F4A3' });
    expect(resource(live, 'CDKMetadata').constructSource).toBeUndefined();
    expect(live.parameters.get('BootstrapVersion')?.defaultValue).toMatchObject({ kind: 'unknown', reason: 'parameter' });
    const prod = result.scopes[1]!;
    expect(prod.resources[0]).toMatchObject({ address: 'Stream0A1B2C3D', constructPath: 'Prod/LiveStack/Stream/Resource', type: 'AWS::KinesisVideo::Stream' });
  });

  it('reads the templates without the template files being given', () => {
    const onlyManifest = load(input(`${dir}/manifest.json`));
    expect(onlyManifest.diagnostics).toEqual([]);
    expect(onlyManifest.scopes.map((scope) => scope.stackName)).toEqual(['LiveStack', 'Prod/LiveStack']);
  });

  it('dedupes templates that are also given as files, whatever the order', () => {
    const reversed = load(...[...files].reverse());
    expect(reversed.scopes.map((scope) => scope.id).sort()).toEqual(result.scopes.map((scope) => scope.id).sort());
    expect(reversed.scopes.every((scope) => scope.format === 'cdk')).toBe(true);
  });

  it('reports a stack template that cannot be read', () => {
    const manifest = JSON.stringify({ version: '36.0.0', artifacts: { Gone: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Gone.template.json' } } } }, null, 2);
    const broken = load(input(`${CDK}/missing/cdk.out/manifest.json`, manifest));
    expect(broken.scopes).toEqual([]);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ ruleId: 'file-error' });
    expect(broken.diagnostics[0]!.message).toMatch(/^The template of stack Gone/);
    expect(at(broken.diagnostics[0]!.span)).toBe('7:25-7:45');
  });

  it('treats a manifest.json that is not a cloud assembly as an ordinary file', () => {
    const web = load(input('public/manifest.json', '{"name": "Player", "icons": []}'));
    expect(web).toMatchObject({ scopes: [], diagnostics: [], skipped: ['public/manifest.json'] });
  });

  it('reads a lone cdk.out template by its aws:cdk:path metadata', () => {
    const lone = load(input(`${CDK}/lone/cdk.out/Solo.template.json`));
    expect(lone.diagnostics).toEqual([]);
    expect(lone.scopes[0]).toMatchObject({ format: 'cdk', stackName: 'Solo' });
    expect(lone.scopes[0]!.resources[0]).toMatchObject({
      type: 'AWS::MediaPackageV2::OriginEndpoint',
      isMediaType: true,
      format: 'cdk',
      constructPath: 'Solo/Endpoint/Resource',
    });
  });
});

describe('performance', () => {
  function generated(count: number): object {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      resources[`Channel${i}`] = {
        Type: 'AWS::MediaLive::Channel',
        Properties: {
          Name: { 'Fn::Sub': `\${Prefix}-${i}` },
          InputAttachments: [{ InputId: { Ref: `Input${i}` } }],
          EncoderSettings: {
            VideoDescriptions: [{ Name: 'v', Width: 1920, Height: 1080, CodecSettings: { H264Settings: { Bitrate: { Ref: 'Bitrate' }, GopSizeUnits: 'FRAMES' } } }],
            OutputGroups: [{ OutputGroupSettings: { HlsGroupSettings: { Destination: { DestinationRefId: 'd' } } }, Outputs: [{ OutputName: 'o' }] }],
          },
        },
      };
    }
    return { AWSTemplateFormatVersion: '2010-09-09', Parameters: { Prefix: { Type: 'String', Default: 'p' }, Bitrate: { Type: 'Number', Default: 1 } }, Resources: resources };
  }

  // Speed is measured by `npm run bench`; this checks that a large template is read whole.
  it('reads a 1,000-resource template in JSON and YAML', async () => {
    const { stringify } = await import('yaml');
    const template = generated(1000);
    for (const [path, text] of [
      ['big.json', JSON.stringify(template, null, 2)],
      ['big.yaml', stringify(template)],
    ] as const) {
      const result = load(input(path, text));
      expect(result.scopes[0]!.resources, path).toHaveLength(1000);
      expect(valueAt(result.scopes[0]!.resources[999]!, 'name')).toMatchObject({ kind: 'known', value: 'p-999' });
    }
  });
});
