import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import type { SpecDatabase } from '@aws-cdk/service-spec-types';
import { H264GopSizeUnits } from '@aws-sdk/client-medialive';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedDir, generateSpecsWithStats, serialize } from '../../scripts/generate-specs.js';
import { toCanonicalName } from '../../src/graph/names.js';
import { resourceTypes } from '../../src/graph/type-registry.js';
import type { MemberSpec, ResourceSpec, ServiceSpecFile, TypeRef } from '../../src/specs/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const services = ['medialive', 'mediapackage', 'mediapackagev2', 'mediaconvert', 'kinesisvideo'] as const;

let db: SpecDatabase;
let files: Record<string, ServiceSpecFile>;

beforeAll(async () => {
  db = await loadAwsServiceSpec();
  files = (await generateSpecsWithStats(db)).files;
});

function resource(type: string): ResourceSpec {
  const info = resourceTypes.find((entry) => entry.canonical === type);
  const spec = info ? files[info.service]?.resources[type] : undefined;
  if (!spec) throw new Error(`no spec for ${type}`);
  return spec;
}

function memberOf(spec: ResourceSpec, shape: string | undefined, key: string): MemberSpec {
  const members = shape === undefined ? spec.properties : spec.shapes[shape]?.members;
  const found = members?.[key];
  if (!found) throw new Error(`${spec.type}: no member ${shape ?? '(resource)'}.${key}`);
  return found;
}

function enumValues(type: string, member: MemberSpec): string[] {
  const info = resourceTypes.find((entry) => entry.canonical === type)!;
  expect(member.enum, `${type} ${member.name} has an enum`).toBeDefined();
  return files[info.service]!.enums[member.enum!]!;
}

function shapeRefs(type: TypeRef): string[] {
  if (typeof type === 'string') return [];
  if ('shape' in type) return [type.shape];
  if ('list' in type) return shapeRefs(type.list);
  return shapeRefs(type.map);
}

function installedVersion(packageName: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', packageName, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

describe('generated service specs are up to date', () => {
  it.each(services)('src/specs/generated/%s.json matches the generator output', (service) => {
    const path = join(generatedDir, `${service}.json`);
    let committed: string;
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      expect.fail(`src/specs/generated/${service}.json is missing: run \`npm run specs\` and commit the result.`);
    }
    const expected = serialize(files[service]!);
    if (committed === expected) return;
    const committedLines = committed.split('\n');
    const expectedLines = expected.split('\n');
    const line = expectedLines.findIndex((text, index) => committedLines[index] !== text);
    expect.fail(
      `src/specs/generated/${service}.json is stale (the inputs or the generator changed): run \`npm run specs\` and commit the result.\n` +
        `First difference at line ${line + 1}:\n  committed: ${committedLines[line] ?? '<end of file>'}\n  generated: ${expectedLines[line] ?? '<end of file>'}`,
    );
  });

  it.each(services)('%s.json records the installed input versions', (service) => {
    const file = JSON.parse(readFileSync(join(generatedDir, `${service}.json`), 'utf8')) as ServiceSpecFile;
    const expectedPackages = new Set(['@aws-cdk/aws-service-spec']);
    for (const spec of Object.values(file.resources)) if (spec.sdkPackage) expectedPackages.add(spec.sdkPackage);
    expect(Object.keys(file.inputs).sort()).toEqual([...expectedPackages].sort());
    for (const [name, version] of Object.entries(file.inputs)) {
      expect(version, `${name} version in ${service}.json; run \`npm run specs\``).toBe(installedVersion(name));
    }
    expect(file.generator).toBe('scripts/generate-specs.ts');
    expect(file.$comment).toContain('npm run specs');
    expect(file.service).toBe(service);
  });
});

describe('generated service specs', () => {
  it('has one resource spec per registry type, in its service file', () => {
    for (const info of resourceTypes) {
      const spec = files[info.service]?.resources[info.canonical];
      expect(spec, info.canonical).toBeDefined();
      expect(spec!.type).toBe(info.canonical);
      expect(spec!.cloudFormation).toBe(info.cloudFormation);
    }
    const total = Object.values(files).reduce((sum, file) => sum + Object.keys(file.resources).length, 0);
    expect(total).toBe(resourceTypes.length);
  });

  it('keeps every file well under 5 MB', () => {
    for (const [service, file] of Object.entries(files)) {
      expect(Buffer.byteLength(serialize(file)), service).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('resolves every shape reference and every enum key, and uses canonical member keys', () => {
    for (const file of Object.values(files)) {
      for (const spec of Object.values(file.resources)) {
        const memberLists: Array<[string, Record<string, MemberSpec>]> = [
          ['(resource)', spec.properties],
          ...Object.entries(spec.shapes).map(([name, shape]): [string, Record<string, MemberSpec>] => [name, shape.members]),
        ];
        const referenced = new Set<string>();
        for (const [where, members] of memberLists) {
          for (const [key, member] of Object.entries(members)) {
            expect(key, `${spec.type} ${where}.${member.name}`).toBe(toCanonicalName(member.name));
            for (const shape of shapeRefs(member.type)) {
              expect(spec.shapes[shape], `${spec.type} ${where}.${key} → shape ${shape}`).toBeDefined();
              referenced.add(shape);
            }
            if (member.enum !== undefined) {
              const values = file.enums[member.enum];
              expect(values, `${spec.type} ${where}.${key} → enum ${member.enum}`).toBeDefined();
              expect(values!.length).toBeGreaterThan(0);
              expect(new Set(values).size).toBe(values!.length);
            }
          }
        }
        // No orphan shapes (legacy CloudFormation type definitions are left out).
        for (const shape of Object.keys(spec.shapes)) expect(referenced.has(shape), `${spec.type} shape ${shape} is referenced`).toBe(true);
        expect(spec.attributes).toEqual([...spec.attributes].sort());
      }
    }
  });

  it('leaves out request plumbing', () => {
    for (const file of Object.values(files)) {
      for (const spec of Object.values(file.resources)) {
        for (const key of ['request_id', 'client_token', 'client_request_token']) expect(spec.properties[key], `${spec.type} ${key}`).toBeUndefined();
      }
    }
  });

  it('takes MediaLive H.264 enums from the SDK', () => {
    const channel = resource('AWS::MediaLive::Channel');
    const member = memberOf(channel, 'H264Settings', 'gop_size_units');
    expect(member.origin).toBe('both');
    expect(member.enum).toBe('H264GopSizeUnits');
    expect(enumValues('AWS::MediaLive::Channel', member)).toEqual(Object.values(H264GopSizeUnits));
    expect(channel.shapes['H264Settings']?.sdkShape).toBe('H264Settings');
  });

  it('takes required members from CloudFormation at the top level and from both models below it', () => {
    const channel = db.lookup('resource', 'cloudFormationType', 'equals', 'AWS::MediaLive::Channel').only();
    const h265 = db.follow('usesType', channel).find((link) => link.entity.name === 'H265Settings')!.entity;
    // CloudFormation marks nothing required inside MediaLive settings; the API model requires the
    // H.265 frame rate, and the API is what rejects a channel without it.
    expect(h265.properties['FramerateNumerator']?.required).not.toBe(true);
    const member = memberOf(resource('AWS::MediaLive::Channel'), 'H265Settings', 'framerate_numerator');
    expect(member.required).toBe(true);
    expect(member.type).toBe('integer');
    expect(memberOf(resource('AWS::MediaLive::Channel'), 'H264Settings', 'framerate_numerator').required).toBeUndefined();
    expect(memberOf(resource('AWS::MediaLive::Channel'), 'AudioDescription', 'audio_selector_name').required).toBe(true);

    expect(memberOf(resource('AWS::MediaLive::Multiplex'), undefined, 'availability_zones').required).toBe(true);
    // The SDK requires StreamName, CloudFormation generates a name when none is given.
    expect(memberOf(resource('AWS::KinesisVideo::Stream'), undefined, 'name').required).toBeUndefined();
  });

  it('describes MediaConvert template and preset settings with the SDK structures', () => {
    const template = resource('AWS::MediaConvert::JobTemplate');
    const settings = memberOf(template, undefined, 'settings_json');
    expect(settings.type).toEqual({ shape: 'JobTemplateSettings' });
    expect(settings.required).toBe(true);
    expect(settings.origin).toBe('both');
    expect(template.shapes['JobTemplateSettings']?.members['output_groups']?.type).toEqual({ list: { shape: 'OutputGroup' } });
    expect(template.shapes['OutputGroup']).toBeDefined();

    const preset = resource('AWS::MediaConvert::Preset');
    expect(memberOf(preset, undefined, 'settings_json').type).toEqual({ shape: 'PresetSettings' });
    expect(preset.shapes['PresetSettings']?.members['video_description']).toBeDefined();
  });

  it('keeps SDK-only members', () => {
    const queue = resource('AWS::MediaConvert::Queue');
    const plan = memberOf(queue, undefined, 'reservation_plan_settings');
    expect(plan.origin).toBe('sdk');
    expect(plan.required).toBeUndefined();
    expect(plan.type).toEqual({ shape: 'ReservationPlanSettings' });
    expect(queue.shapes['ReservationPlanSettings']?.members['commitment']?.required).toBe(true);
  });

  it('builds the MediaConvert job from the SDK request alone', () => {
    const job = resource('AWS::MediaConvert::Job');
    expect(job.cloudFormation).toBe(false);
    expect(job.sdkShape).toBe('CreateJobRequest');
    expect(job.attributes).toEqual([]);
    expect(memberOf(job, undefined, 'settings')).toMatchObject({ type: { shape: 'JobSettings' }, required: true, origin: 'sdk' });
    expect(memberOf(job, undefined, 'role').required).toBe(true);
    expect(job.shapes['JobSettings']?.members['inputs']?.type).toEqual({ list: { shape: 'Input' } });
    for (const member of Object.values(job.properties)) expect(member.origin).toBe('sdk');
  });

  it('merges CloudFormation allowed values with SDK enums', () => {
    const type = memberOf(resource('AWS::KinesisVideo::SignalingChannel'), undefined, 'type');
    expect(type.origin).toBe('both');
    expect(enumValues('AWS::KinesisVideo::SignalingChannel', type)).toContain('SINGLE_MASTER');

    // CloudFormation-only values: keyed by resource, shape and member.
    const origination = memberOf(resource('AWS::MediaPackage::OriginEndpoint'), undefined, 'origination');
    expect(enumValues('AWS::MediaPackage::OriginEndpoint', origination)).toEqual(expect.arrayContaining(['ALLOW', 'DENY']));

    // Never narrower than either source.
    const cfn = db.lookup('resource', 'cloudFormationType', 'equals', 'AWS::MediaPackageV2::OriginEndpoint').only();
    const containerType = cfn.properties['ContainerType']!.type;
    const cfnValues = containerType.type === 'string' ? (containerType.allowedValues ?? []) : [];
    expect(cfnValues.length).toBeGreaterThan(0);
    const member = memberOf(resource('AWS::MediaPackageV2::OriginEndpoint'), undefined, 'container_type');
    expect(enumValues('AWS::MediaPackageV2::OriginEndpoint', member)).toEqual(expect.arrayContaining(cfnValues));
  });

  it('matches CloudFormation shapes with differently named SDK structures by walking both', () => {
    const endpoint = resource('AWS::MediaPackage::OriginEndpoint');
    expect(endpoint.shapes['CmafPackage']?.sdkShape).toBe('CmafPackageCreateOrUpdateParameters');
    // The same CloudFormation name means different structures in different resources.
    const packaging = resource('AWS::MediaPackage::PackagingConfiguration');
    expect(packaging.shapes['HlsPackage']?.members['hls_manifests']).toBeDefined();
    expect(endpoint.shapes['HlsPackage']?.members['segment_duration_seconds']).toBeDefined();
    expect(endpoint.shapes['HlsPackage']?.members).not.toEqual(packaging.shapes['HlsPackage']?.members);
  });
});
