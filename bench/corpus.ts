/**
 * Deterministic benchmark corpora: realistic media stacks (MediaLive inputs, input security groups
 * and channels with encoding ladders; MediaPackage v1 channels and origin endpoints; MediaPackage v2
 * channel groups, channels and origin endpoints; MediaConvert queues, presets and job templates;
 * Kinesis Video streams and signaling channels with varied settings), with defects of known kinds
 * planted at known places, written as CloudFormation JSON, CloudFormation YAML, Terraform HCL and
 * Pangea Ruby.
 *
 * Every stack is first built as a CloudFormation template (a plain value tree with `Ref`, `GetAtt`
 * and `Sub` markers), written as JSON and YAML by the emitters below, and translated to Terraform
 * and Pangea by the same translators that write the rule fixtures' twins
 * (test/parsers/terraform-translate.ts, test/parsers/pangea-translate.ts), whose output the parity
 * tests check: so the four corpora describe the same resources, and a planted defect stays a defect
 * in every format.
 *
 * Everything depends only on the seed: the same seed and size give byte-identical files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { translateTemplate } from '../test/parsers/pangea-translate.js';
import { translate as translateTerraform } from '../test/parsers/terraform-translate.js';

export type CorpusFormat = 'json' | 'yaml' | 'terraform' | 'pangea';
export const corpusFormats: readonly CorpusFormat[] = ['json', 'yaml', 'terraform', 'pangea'];

// ---------------------------------------------------------------------------------------------
// Seeded pseudo-random numbers (sfc32, seeded through splitmix32).

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let index = 0; index < 12; index++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

// ---------------------------------------------------------------------------------------------
// The template model: plain values plus intrinsic-function markers.

class Ref {
  constructor(readonly target: string) {}
}
class GetAtt {
  constructor(
    readonly target: string,
    readonly attribute: string,
  ) {}
}
class Sub {
  constructor(readonly template: string) {}
}

type Value = string | number | boolean | null | Ref | GetAtt | Sub | Value[] | { [key: string]: Value };
type Properties = { [key: string]: Value };

interface Resource {
  id: string;
  type: string;
  properties: Properties;
}

/** A defect planted in a resource: the rule expected to report it and where. */
export interface PlantedDefect {
  /** Short name of the defect kind (`misspelt-property`). */
  kind: string;
  /** The media-lint rule that should report it. */
  rule: string;
  /** CloudFormation logical id of the resource. */
  logicalId: string;
  /** CloudFormation property path (`Properties.EncoderSettings.…`), for matching other tools. */
  path: string;
}

interface Stack {
  name: string;
  resources: Resource[];
  defects: PlantedDefect[];
}

// ---------------------------------------------------------------------------------------------
// Stacks.

interface Rung {
  width: number;
  height: number;
  bitrate: number;
}

const LADDER: readonly Rung[] = [
  { width: 1920, height: 1080, bitrate: 6_000_000 },
  { width: 1280, height: 720, bitrate: 3_500_000 },
  { width: 960, height: 540, bitrate: 2_000_000 },
  { width: 640, height: 360, bitrate: 800_000 },
  { width: 416, height: 234, bitrate: 365_000 },
];

/** Defects of known kinds; each applies to one kind of resource. */
type DefectKind =
  | 'invalid-enum'
  | 'misspelt-property'
  | 'out-of-range'
  | 'invalid-type'
  | 'missing-required'
  | 'destination-ref'
  | 'description-name'
  | 'open-security-group'
  | 'media-type'
  | 'short-window';

const DEFECT_RULES: Record<DefectKind, string> = {
  'invalid-enum': 'schema/invalid-enum',
  'misspelt-property': 'schema/unknown-property',
  'out-of-range': 'schema/out-of-range',
  'invalid-type': 'schema/invalid-type',
  'missing-required': 'schema/missing-required',
  'destination-ref': 'reference/destination-ref-id',
  'description-name': 'reference/description-name',
  'open-security-group': 'security/input-security-group-open',
  'media-type': 'kinesis-video/media-type',
  'short-window': 'packaging/window-segments',
};

class StackBuilder {
  readonly resources: Resource[] = [];
  readonly defects: PlantedDefect[] = [];

  constructor(
    private readonly random: Random,
    /** Probability that a resource able to carry a defect of some kind gets one. */
    private readonly defectRate: number,
  ) {}

  private plant(kind: DefectKind, logicalId: string, path: string): void {
    this.defects.push({ kind, rule: DEFECT_RULES[kind], logicalId, path });
  }

  /** Whether to plant a defect of this kind here (consumes one random number either way). */
  private defect(): boolean {
    return this.random.chance(this.defectRate);
  }

  add(id: string, type: string, properties: Properties): void {
    this.resources.push({ id, type, properties });
  }

  /** MediaLive contribution: security group, input(s) and a channel with a ladder; MediaPackage v1. */
  liveV1(unit: string): void {
    const random = this.random;
    const isg = `${unit}Security`;
    const rules: Value[] = [];
    for (let index = random.int(1, 3); index > 0; index--) rules.push({ Cidr: `10.${random.int(0, 255)}.${random.int(0, 255)}.0/24` });
    if (this.defect()) {
      rules.push({ Cidr: '0.0.0.0/0' });
      this.plant('open-security-group', isg, `Properties.WhitelistRules[${rules.length - 1}].Cidr`);
    }
    this.add(isg, 'AWS::MediaLive::InputSecurityGroup', { WhitelistRules: rules, Tags: { Team: 'video', Unit: unit } });

    const input = `${unit}Input`;
    const inputType = random.pick(['RTMP_PUSH', 'RTP_PUSH']);
    const inputProperties: Properties = {
      Name: new Sub(`\${Environment}-${unit.toLowerCase()}-input`),
      Type: inputType,
      InputSecurityGroups: [new Ref(isg)],
    };
    if (inputType === 'RTMP_PUSH') inputProperties.Destinations = [{ StreamName: `live/${unit.toLowerCase()}/a` }, { StreamName: `live/${unit.toLowerCase()}/b` }];
    if (this.defect()) {
      inputProperties.Type = 'RTMP_PUSHH';
      this.plant('invalid-enum', input, 'Properties.Type');
    }
    this.add(input, 'AWS::MediaLive::Input', inputProperties);

    const packaging = `${unit}Packaging`;
    this.add(packaging, 'AWS::MediaPackage::Channel', {
      Id: `${unit.toLowerCase()}-packaging`,
      Description: `Packaging for ${unit}`,
      IngressAccessLogs: { LogGroupName: '/aws/MediaPackage/IngressAccessLogs' },
      EgressAccessLogs: { LogGroupName: '/aws/MediaPackage/EgressAccessLogs' },
    });

    const channel = `${unit}Channel`;
    const rungs = LADDER.slice(random.int(0, 1), random.int(3, 5));
    const frameRate = random.pick([25, 30, 50, 60]);
    const videoDescriptions: Value[] = rungs.map((rung) => ({
      Name: `video_${rung.height}p`,
      Width: rung.width,
      Height: rung.height,
      CodecSettings: {
        H264Settings: {
          Bitrate: rung.bitrate,
          RateControlMode: 'CBR',
          Profile: rung.height >= 720 ? 'HIGH' : 'MAIN',
          FramerateControl: 'SPECIFIED',
          FramerateNumerator: frameRate,
          FramerateDenominator: 1,
          GopSize: 2,
          GopSizeUnits: 'SECONDS',
          AdaptiveQuantization: random.pick(['AUTO', 'MEDIUM', 'HIGH']),
        },
      },
    }));
    const outputs: Value[] = rungs.map((rung) => ({
      OutputName: `out_${rung.height}p`,
      VideoDescriptionName: `video_${rung.height}p`,
      AudioDescriptionNames: ['audio_stereo'],
      OutputSettings: { MediaPackageOutputSettings: {} },
    }));
    let destinationRef = 'packaging';
    const videoPath = 'Properties.EncoderSettings.VideoDescriptions[0].CodecSettings.H264Settings';
    const first = (videoDescriptions[0] as { CodecSettings: { H264Settings: Properties } }).CodecSettings.H264Settings;
    switch (this.defect() ? random.int(0, 3) : -1) {
      case 0:
        first.Bitrat = first.Bitrate!;
        delete first.Bitrate;
        this.plant('misspelt-property', channel, `${videoPath}.Bitrat`);
        break;
      case 1:
        first.Bitrate = 'six megabits';
        this.plant('invalid-type', channel, `${videoPath}.Bitrate`);
        break;
      case 2:
        destinationRef = 'packageing';
        this.plant('destination-ref', channel, 'Properties.EncoderSettings.OutputGroups[0].OutputGroupSettings.MediaPackageGroupSettings.Destination.DestinationRefId');
        break;
      case 3:
        (outputs[outputs.length - 1] as Properties).VideoDescriptionName = 'video_4k';
        this.plant('description-name', channel, `Properties.EncoderSettings.OutputGroups[0].Outputs[${outputs.length - 1}].VideoDescriptionName`);
        break;
      default:
    }
    this.add(channel, 'AWS::MediaLive::Channel', {
      Name: new Sub(`\${Environment}-${unit.toLowerCase()}`),
      ChannelClass: 'SINGLE_PIPELINE',
      RoleArn: new Sub('arn:aws:iam::${AWS::AccountId}:role/MediaLiveAccessRole'),
      LogLevel: random.pick(['ERROR', 'WARNING', 'INFO']),
      InputAttachments: [{ InputAttachmentName: 'primary', InputId: new Ref(input) }],
      Destinations: [{ Id: 'packaging', MediaPackageSettings: [{ ChannelId: new Ref(packaging) }] }],
      EncoderSettings: {
        TimecodeConfig: { Source: random.pick(['SYSTEMCLOCK', 'EMBEDDED']) },
        VideoDescriptions: videoDescriptions,
        AudioDescriptions: [
          {
            Name: 'audio_stereo',
            AudioSelectorName: 'default',
            CodecSettings: { AacSettings: { Bitrate: random.pick([96000, 128000]), CodingMode: 'CODING_MODE_2_0', SampleRate: 48000 } },
          },
        ],
        OutputGroups: [
          {
            Name: 'packaging',
            OutputGroupSettings: { MediaPackageGroupSettings: { Destination: { DestinationRefId: destinationRef } } },
            Outputs: outputs,
          },
        ],
      },
      Tags: { Team: 'video', Unit: unit },
    });

    const hls = `${unit}Hls`;
    const window = random.pick([60, 120, 300]);
    const hlsPackage: Properties = {
      SegmentDurationSeconds: 6,
      PlaylistWindowSeconds: window,
      AdMarkers: random.pick(['NONE', 'SCTE35_ENHANCED', 'PASSTHROUGH']),
      IncludeIframeOnlyStream: random.chance(0.5),
      StreamSelection: { StreamOrder: 'VIDEO_BITRATE_DESCENDING' },
    };
    if (this.defect()) {
      hlsPackage.PlaylistWindowSeconds = 24;
      this.plant('short-window', hls, 'Properties.HlsPackage.PlaylistWindowSeconds');
    }
    this.add(hls, 'AWS::MediaPackage::OriginEndpoint', {
      Id: `${unit.toLowerCase()}-hls`,
      ChannelId: new Ref(packaging),
      StartoverWindowSeconds: 3600,
      Whitelist: ['198.51.100.0/24'],
      HlsPackage: hlsPackage,
    });
    if (random.chance(0.6)) {
      const dash = `${unit}Dash`;
      const dashProperties: Properties = {
        Id: `${unit.toLowerCase()}-dash`,
        ChannelId: new Ref(packaging),
        Whitelist: ['198.51.100.0/24'],
        DashPackage: {
          SegmentDurationSeconds: 6,
          ManifestWindowSeconds: window,
          MinBufferTimeSeconds: 30,
          Profile: 'NONE',
          SegmentTemplateFormat: 'NUMBER_WITH_TIMELINE',
        },
      };
      if (this.defect()) {
        delete dashProperties.ChannelId;
        this.plant('missing-required', dash, 'Properties.ChannelId');
      }
      this.add(dash, 'AWS::MediaPackage::OriginEndpoint', dashProperties);
    }
  }

  /** MediaPackage v2: channel group, channel and CMAF origin endpoints with HLS/DASH manifests. */
  liveV2(unit: string): void {
    const random = this.random;
    const group = `${unit}Group`;
    const groupName = `${unit.toLowerCase()}-group`;
    this.add(group, 'AWS::MediaPackageV2::ChannelGroup', { ChannelGroupName: groupName, Description: `Channel group of ${unit}` });
    const channel = `${unit}V2Channel`;
    this.add(channel, 'AWS::MediaPackageV2::Channel', {
      ChannelGroupName: groupName,
      ChannelName: `${unit.toLowerCase()}-channel`,
      InputType: random.pick(['HLS', 'CMAF']),
    });
    const endpoint = `${unit}Endpoint`;
    const window = random.pick([60, 120, 300, 900]);
    const segment: Properties = { SegmentDurationSeconds: random.pick([2, 4, 6]), SegmentName: 'segment', IncludeIframeOnlyStreams: false };
    const properties: Properties = {
      ChannelGroupName: groupName,
      ChannelName: `${unit.toLowerCase()}-channel`,
      OriginEndpointName: `${unit.toLowerCase()}-cmaf`,
      ContainerType: 'CMAF',
      StartoverWindowSeconds: random.pick([300, 3600, 86400]),
      Segment: segment,
      HlsManifests: [{ ManifestName: 'index', ManifestWindowSeconds: window, ProgramDateTimeIntervalSeconds: 60 }],
    };
    if (this.defect()) {
      if (random.chance(0.5)) {
        segment.SegmentDurationSeconds = 45;
        this.plant('out-of-range', endpoint, 'Properties.Segment.SegmentDurationSeconds');
      } else {
        properties.ContainerType = 'CMAF_TS';
        this.plant('invalid-enum', endpoint, 'Properties.ContainerType');
      }
    }
    if (random.chance(0.5)) properties.DashManifests = [{ ManifestName: 'dash', ManifestWindowSeconds: window, MinUpdatePeriodSeconds: 2, MinBufferTimeSeconds: 10 }];
    this.add(endpoint, 'AWS::MediaPackageV2::OriginEndpoint', properties);
  }

  /** MediaConvert: a queue, presets for a ladder, and a job template writing HLS. */
  vod(unit: string): void {
    const random = this.random;
    const queue = `${unit}Queue`;
    this.add(queue, 'AWS::MediaConvert::Queue', {
      Name: `${unit.toLowerCase()}-queue`,
      Description: `Transcoding queue for ${unit}`,
      PricingPlan: 'ON_DEMAND',
      Status: random.pick(['ACTIVE', 'PAUSED']),
    });
    const rungs = LADDER.slice(0, random.int(2, 3));
    const codec = random.pick(['H_264', 'H_265']);
    rungs.forEach((rung, index) => {
      const id = `${unit}Preset${rung.height}`;
      const codecSettings: Properties =
        codec === 'H_264'
          ? { Codec: 'H_264', H264Settings: { Bitrate: rung.bitrate, CodecProfile: 'HIGH', RateControlMode: 'CBR', FramerateControl: 'INITIALIZE_FROM_SOURCE', GopSize: 2, GopSizeUnits: 'SECONDS' } }
          : { Codec: 'H_265', H265Settings: { Bitrate: Math.round(rung.bitrate * 0.7), CodecProfile: 'MAIN_MAIN', RateControlMode: 'CBR', FramerateControl: 'INITIALIZE_FROM_SOURCE', GopSize: 2, GopSizeUnits: 'SECONDS' } };
      const settings: Properties = {
        VideoDescription: { Width: rung.width, Height: rung.height, CodecSettings: codecSettings },
        AudioDescriptions: [{ CodecSettings: { Codec: 'AAC', AacSettings: { Bitrate: 128000, CodingMode: 'CODING_MODE_2_0', SampleRate: 48000 } } }],
        ContainerSettings: { Container: 'M3U8' },
      };
      if (index === 0 && this.defect()) {
        (settings.ContainerSettings as Properties).Container = 'MP5';
        this.plant('invalid-enum', id, 'Properties.SettingsJson.ContainerSettings.Container');
      }
      this.add(id, 'AWS::MediaConvert::Preset', { Name: `${unit.toLowerCase()}-${rung.height}p`, Category: 'hls', Description: `${rung.height}p rendition`, SettingsJson: settings });
    });
    const template = `${unit}Template`;
    this.add(template, 'AWS::MediaConvert::JobTemplate', {
      Name: `${unit.toLowerCase()}-hls`,
      Category: 'VOD',
      Queue: new GetAtt(queue, 'Arn'),
      Priority: random.int(0, 10),
      SettingsJson: {
        TimecodeConfig: { Source: 'ZEROBASED' },
        Inputs: [{ TimecodeSource: 'ZEROBASED', VideoSelector: { ColorSpace: 'FOLLOW' }, AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } } }],
        OutputGroups: [
          {
            Name: 'HLS',
            OutputGroupSettings: {
              Type: 'HLS_GROUP_SETTINGS',
              HlsGroupSettings: {
                Destination: `s3://vod-output-${unit.toLowerCase()}/hls/`,
                SegmentLength: 6,
                MinSegmentLength: 0,
                DestinationSettings: { S3Settings: { Encryption: { EncryptionType: 'SERVER_SIDE_ENCRYPTION_S3' } } },
              },
            },
            Outputs: rungs.map((rung) => ({ Preset: new Ref(`${unit}Preset${rung.height}`), NameModifier: `_${rung.height}p` })),
          },
        ],
      },
    });
  }

  /** Kinesis Video Streams: cameras with varied retention, media types and keys; a signaling channel. */
  kvs(unit: string): void {
    const random = this.random;
    for (let index = 0, count = random.int(1, 3); index < count; index++) {
      const id = `${unit}Camera${index}`;
      const properties: Properties = {
        Name: `${unit.toLowerCase()}-camera-${index}`,
        DataRetentionInHours: random.pick([24, 48, 168, 720, 8760]),
        MediaType: random.pick(['video/h264', 'video/h265', 'video/h264,audio/aac']),
        Tags: [{ Key: 'Site', Value: unit }],
      };
      if (random.chance(0.7)) properties.KmsKeyId = `alias/${unit.toLowerCase()}-cameras`;
      if (random.chance(0.3)) properties.DeviceName = `${unit.toLowerCase()}-device-${index}`;
      if (this.defect()) {
        switch (random.int(0, 2)) {
          case 0:
            properties.DataRetentionInHours = 100_000;
            this.plant('out-of-range', id, 'Properties.DataRetentionInHours');
            break;
          case 1:
            properties.MediaType = 'H.264';
            this.plant('media-type', id, 'Properties.MediaType');
            break;
          default:
            properties.DataRetentionInHours = 'one week';
            this.plant('invalid-type', id, 'Properties.DataRetentionInHours');
        }
      }
      this.add(id, 'AWS::KinesisVideo::Stream', properties);
    }
    if (random.chance(0.5)) {
      this.add(`${unit}Signaling`, 'AWS::KinesisVideo::SignalingChannel', { Name: `${unit.toLowerCase()}-signaling`, Type: 'SINGLE_MASTER', MessageTtlSeconds: random.pick([60, 120, 300]) });
    }
  }
}

/** Stacks holding `total` resources in all (files of 10 to 40 resources). */
export function generateStacks(total: number, seed: number, defectRate = 0.08): Stack[] {
  const random = new Random(seed);
  const stacks: Stack[] = [];
  let made = 0;
  let unitNumber = 0;
  while (made < total) {
    const builder = new StackBuilder(random, defectRate);
    const size = Math.min(total - made, random.int(10, 40));
    while (builder.resources.length < size) {
      const unit = `U${String(unitNumber++).padStart(5, '0')}`;
      const kind = random.next();
      if (kind < 0.35) builder.liveV1(unit);
      else if (kind < 0.55) builder.liveV2(unit);
      else if (kind < 0.8) builder.vod(unit);
      else builder.kvs(unit);
    }
    // The last unit may overshoot the size: drop resources (and their defects) beyond it. A dropped
    // resource may be referenced by one kept: that stays a defect-free dangling reference only if
    // the target is gone, so trim only whole trailing resources nobody kept refers to.
    let keep = builder.resources.length;
    if (made + keep > total) keep = total - made;
    const resources = trimResources(builder.resources, keep);
    const kept = new Set(resources.map((resource) => resource.id));
    stacks.push({
      name: `stack_${String(stacks.length).padStart(4, '0')}`,
      resources,
      defects: builder.defects.filter((defect) => kept.has(defect.logicalId)),
    });
    made += resources.length;
  }
  return stacks;
}

/** The first `count` resources, minus those that would leave a reference dangling: then more are
 * dropped from the end until every reference resolves, and the count may be smaller. */
function trimResources(resources: Resource[], count: number): Resource[] {
  let kept = resources.slice(0, count);
  for (;;) {
    const ids = new Set(kept.map((resource) => resource.id));
    const dangling = kept.findIndex((resource) => references(resource.properties).some((target) => !ids.has(target)));
    if (dangling < 0) return kept;
    kept = kept.slice(0, dangling);
  }
}

function references(value: Value): string[] {
  if (value instanceof Ref || value instanceof GetAtt) return [value.target];
  if (value instanceof Sub) return [];
  if (Array.isArray(value)) return value.flatMap(references);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(references);
  return [];
}

// ---------------------------------------------------------------------------------------------
// Emitters.

function templateObject(stack: Stack): Record<string, Value> {
  const resources: Record<string, Value> = {};
  for (const resource of stack.resources) resources[resource.id] = { Type: resource.type, Properties: resource.properties };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Media stack ${stack.name} (generated by bench/corpus.ts)`,
    Parameters: { Environment: { Type: 'String', Default: 'prod', AllowedValues: ['dev', 'staging', 'prod'] } },
    Resources: resources,
  };
}

export function toJson(stack: Stack): string {
  const replacer = (_key: string, value: unknown): unknown => {
    if (value instanceof Ref) return { Ref: value.target };
    if (value instanceof GetAtt) return { 'Fn::GetAtt': [value.target, value.attribute] };
    if (value instanceof Sub) return { 'Fn::Sub': value.template };
    return value;
  };
  return `${JSON.stringify(templateObject(stack), replacer, 2)}\n`;
}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_ ./:-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;

function yamlScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(': ') && !value.includes(' #')) return value;
  return JSON.stringify(value);
}

function yamlInline(value: Value): string | undefined {
  if (value instanceof Ref) return `!Ref ${value.target}`;
  if (value instanceof GetAtt) return `!GetAtt ${value.target}.${value.attribute}`;
  if (value instanceof Sub) return `!Sub ${JSON.stringify(value.template)}`;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : undefined;
  return yamlScalar(value);
}

function yamlLines(value: Value, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const inline = yamlInline(item);
      if (inline !== undefined) {
        out.push(`${indent}- ${inline}`);
        continue;
      }
      // A block item: its first line follows the dash.
      const inner: string[] = [];
      yamlLines(item, `${indent}  `, inner);
      out.push(`${indent}- ${inner[0]!.slice(indent.length + 2)}`, ...inner.slice(1));
    }
    return;
  }
  for (const [key, member] of Object.entries(value as Record<string, Value>)) {
    const inline = yamlInline(member);
    const name = yamlScalar(key);
    if (inline !== undefined) out.push(`${indent}${name}: ${inline}`);
    else {
      out.push(`${indent}${name}:`);
      yamlLines(member, `${indent}  `, out);
    }
  }
}

export function toYaml(stack: Stack): string {
  const out: string[] = [`# Media stack ${stack.name}: generated by bench/corpus.ts`];
  yamlLines(templateObject(stack), '', out);
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Corpora on disk.

export interface CorpusFile {
  /** Path relative to the corpus directory. */
  path: string;
  stack: string;
  resources: number;
}

export interface CorpusManifest {
  format: CorpusFormat | 'mixed';
  seed: number;
  resources: number;
  files: CorpusFile[];
  bytes: number;
  /** Planted defects with the file each is in. */
  defects: Array<PlantedDefect & { file: string }>;
}

function fileOf(format: CorpusFormat, stack: Stack): { path: string; text: string } {
  switch (format) {
    case 'json':
      return { path: `${stack.name}.json`, text: toJson(stack) };
    case 'yaml':
      return { path: `${stack.name}.yaml`, text: toYaml(stack) };
    case 'terraform': {
      const text = translateTerraform(toYaml(stack));
      if (text === undefined) throw new Error(`stack ${stack.name} has no Terraform twin`);
      // One module per directory, as Terraform projects are laid out.
      return { path: `${stack.name}/main.tf`, text };
    }
    case 'pangea':
      return { path: `${stack.name}.rb`, text: translateTemplate(toYaml(stack), stack.name) };
  }
}

/** Writes a corpus of one format (or `mixed`: the stacks dealt round-robin to the four formats). */
export function writeCorpus(directory: string, format: CorpusFormat | 'mixed', resources: number, seed: number): CorpusManifest {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const stacks = generateStacks(resources, seed);
  const manifest: CorpusManifest = { format, seed, resources: 0, files: [], bytes: 0, defects: [] };
  stacks.forEach((stack, index) => {
    const stackFormat = format === 'mixed' ? corpusFormats[index % corpusFormats.length]! : format;
    const file = fileOf(stackFormat, stack);
    const path = format === 'mixed' ? `${stackFormat}/${file.path}` : file.path;
    const absolute = join(directory, path);
    mkdirSync(join(absolute, '..'), { recursive: true });
    writeFileSync(absolute, file.text);
    manifest.files.push({ path, stack: stack.name, resources: stack.resources.length });
    manifest.resources += stack.resources.length;
    manifest.bytes += Buffer.byteLength(file.text);
    for (const defect of stack.defects) manifest.defects.push({ ...defect, file: path });
  });
  return manifest;
}
