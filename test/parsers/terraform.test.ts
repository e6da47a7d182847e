import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Resource, Scope } from '../../src/graph/resource.js';
import { SourceText, type Span } from '../../src/graph/source.js';
import { getProperty, type Value } from '../../src/graph/value.js';
import { terraformFrontEnd } from '../../src/parsers/terraform/index.js';
import type { InputFile, LoadResult } from '../../src/parsers/types.js';
import { fixtureFindings, lintPaths, repoRoot, summarize } from '../support/lint.js';

const EVALUATION = 'fixtures/terraform/evaluation';

function input(path: string, text?: string): InputFile {
  return { path, absolutePath: resolve(repoRoot, path), source: new SourceText(path, text ?? readFileSync(resolve(repoRoot, path), 'utf8')), explicit: true };
}

async function load(files: InputFile[], options: { varFiles?: string[]; vars?: string[] } = {}): Promise<LoadResult> {
  return terraformFrontEnd.load(files, { cwd: repoRoot, ...options });
}

/** Loads the configuration files of a fixture directory (not its subdirectories). */
async function loadDirectory(directory: string, options: { varFiles?: string[]; vars?: string[] } = {}): Promise<LoadResult> {
  const files = readdirSync(resolve(repoRoot, directory))
    .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
    .map((name) => input(`${directory}/${name}`));
  return load(files, options);
}

/** A module from source text, in a throw-away path under the evaluation fixtures. */
async function loadText(text: string, name = 'inline.tf'): Promise<LoadResult> {
  return load([input(`${EVALUATION}/inline/${name}`, text)]);
}

function at(span: Span | undefined): string {
  if (!span) return 'none';
  return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}

function resource(scope: Scope | LoadResult, address: string): Resource {
  const resources = 'resources' in scope ? scope.resources : scope.scopes.flatMap((candidate) => candidate.resources);
  const found = resources.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no resource ${address}; have ${resources.map((candidate) => candidate.address).join(', ')}`);
  return found;
}

function valueAt(target: Resource | Value, ...path: Array<string | number>): Value | undefined {
  let value: Value | undefined = 'address' in target ? target.properties : target;
  for (const segment of path) {
    if (value === undefined) return undefined;
    if (typeof segment === 'number') value = value.kind === 'list' ? value.items[segment] : undefined;
    else value = value.kind === 'object' ? getProperty(value, segment)?.value : undefined;
  }
  return value;
}

/** A value tree as plain data: known values, `{unknown: reason}`, `{ref: target.attribute}`. */
function plain(value: Value | undefined): unknown {
  if (value === undefined) return undefined;
  switch (value.kind) {
    case 'known':
      return value.value;
    case 'list':
      return value.open ? { open: value.items.map(plain) } : value.items.map(plain);
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const entry of value.properties) result[entry.name] = plain(entry.value);
      if (value.open) result['(open)'] = true;
      return result;
    }
    case 'unknown':
      return { unknown: value.reason };
    case 'reference':
      return { ref: value.attribute === undefined ? value.target : `${value.target}.${value.attribute}` };
    case 'template':
      return { template: value.parts.map((part) => (typeof part === 'string' ? part : plain(part))) };
  }
}

describe('claims', () => {
  it('claims .tf, .tf.json and plan files, not tfvars', () => {
    expect(terraformFrontEnd.claims('main.tf')).toBe(true);
    expect(terraformFrontEnd.claims('infra/main.TF')).toBe(true);
    expect(terraformFrontEnd.claims('main.tf.json')).toBe(true);
    expect(terraformFrontEnd.claims('plan.tfplan.json')).toBe(true);
    expect(terraformFrontEnd.claims('terraform.tfvars')).toBe(false);
    expect(terraformFrontEnd.claims('prod.auto.tfvars.json')).toBe(false);
    expect(terraformFrontEnd.claims(resolve(repoRoot, 'fixtures/cloudformation/schema/invalid-enum/fail.yaml'))).toBe(false);
    expect(terraformFrontEnd.claims(resolve(repoRoot, 'fixtures/cloudformation/parser/packaging.json'))).toBe(false);
    expect(terraformFrontEnd.claims(resolve(repoRoot, 'package.json'))).toBe(false);
  });
});

/**
 * Differential test: the tree-sitter parse, converted the way hcl2json (behind `hcl2-parser`)
 * represents HCL, equals hcl2-parser's output for every `.tf` fixture. Representation differences
 * that are normalised away: hcl2json wraps every block body in an array and nests labels as
 * objects; it writes any expression that is not a literal, tuple, object or template as
 * `"${<source text>}"` and a template's interpolations as `${<source text>}`; it folds `-1`; and
 * JSON object keys are compared sorted.
 */
describe('differential test against hcl2-parser', async () => {
  const hcl2 = (await import('hcl2-parser')) as unknown as { parseToObject(text: string): [unknown, unknown] };
  const { convertHclFile } = await import('../../src/parsers/terraform/hcl.js');
  const { loadTerraformParser } = await import('../../src/parsers/terraform/tree-sitter.js');
  const { textOf } = await import('../../src/parsers/terraform/syntax.js');
  type Syntax = typeof import('../../src/parsers/terraform/syntax.js');
  type Body = import('../../src/parsers/terraform/syntax.js').Body;
  type Expr = import('../../src/parsers/terraform/syntax.js').Expr;
  void (undefined as unknown as Syntax);
  const parser = await loadTerraformParser();

  const expression = (expr: Expr): unknown => {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'unary':
        if (expr.operator === '-' && expr.operand.kind === 'literal' && typeof expr.operand.value === 'number') return -expr.operand.value;
        return `\${${textOf(expr)}}`;
      case 'tuple':
        return expr.items.map(expression);
      case 'object':
        return Object.fromEntries(
          expr.items.map((item) => {
            const key = item.keyIsName && item.key.kind === 'variable' ? item.key.name : item.key.kind === 'literal' ? String(item.key.value) : `\${${textOf(item.key)}}`;
            return [key, expression(item.value)];
          }),
        );
      case 'template':
        return expr.parts.map((part) => (part.kind === 'text' ? part.value : part.kind === 'interpolation' ? `\${${textOf(part.expr)}}` : '%{…}')).join('');
      default:
        return `\${${textOf(expr)}}`;
    }
  };

  const body = (node: Body): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const item of node.items) {
      if (item.kind === 'attribute') {
        result[item.name] = expression(item.expr);
        continue;
      }
      let container = result;
      const keys = [item.type, ...item.labels.map((label) => label.value)];
      keys.slice(0, -1).forEach((key) => {
        container[key] ??= {};
        container = container[key] as Record<string, unknown>;
      });
      const last = keys[keys.length - 1]!;
      container[last] ??= [];
      (container[last] as unknown[]).push(body(item.body));
    }
    return result;
  };

  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, item]) => [key, sorted(item)]),
      );
    }
    return value;
  };

  const files: string[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.tf') || name.endsWith('.tfvars')) files.push(relative(repoRoot, path));
    }
  };
  walk(join(repoRoot, 'fixtures/terraform'));

  it('has fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s', (file) => {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(repoRoot, file)));
    } catch {
      return; // file-error fixture: not UTF-8
    }
    const parsed = convertHclFile(new SourceText(file, text), parser.parse(text));
    const [reference, error] = hcl2.parseToObject(text);
    if (parsed.problems.length > 0) {
      // Both parsers reject the file.
      expect(reference === null || error !== null).toBe(true);
      return;
    }
    expect(sorted(body(parsed.body))).toEqual(sorted(reference));
  });
});

describe('module evaluation: a defect is found at the literal that holds it', () => {
  it('through a variable default, with the use as related location', async () => {
    const { report } = await lintPaths([`${EVALUATION}/variable-default`], { onlyRules: ['schema/invalid-enum'] });
    expect(report.findings.map(summarize)).toEqual([
      { ruleId: 'schema/invalid-enum', line: 4, column: 13, message: '"rtmp_push" is not a valid value for type in AWS::MediaLive::Input; did you mean "RTMP_PUSH"?' },
    ]);
    expect(report.findings[0]!.related).toEqual([{ message: 'value used here', file: `${EVALUATION}/variable-default/main.tf`, line: 9, column: 10, endLine: 9, endColumn: 24 }]);
  });

  it('through tfvars files, the later *.auto.tfvars winning over terraform.tfvars', async () => {
    expect(await fixtureFindings('terraform/evaluation/tfvars', 'schema/out-of-range')).toEqual([
      {
        ruleId: 'schema/out-of-range',
        line: 2,
        column: 19,
        message: 'data_retention_in_hours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).',
      },
    ]);
    const { report } = await lintPaths([`${EVALUATION}/tfvars`], { onlyRules: ['schema/out-of-range'] });
    expect(report.findings[0]!.file).toBe(`${EVALUATION}/tfvars/prod.auto.tfvars`);
  });

  it('through a local', async () => {
    expect(await fixtureFindings('terraform/evaluation/local', 'schema/out-of-range')).toEqual([
      {
        ruleId: 'schema/out-of-range',
        line: 5,
        column: 17,
        message: 'data_retention_in_hours 200000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).',
      },
    ]);
  });

  it('through a for_each map', async () => {
    expect(await fixtureFindings('terraform/evaluation/for-each', 'schema/invalid-enum')).toEqual([
      { ruleId: 'schema/invalid-enum', line: 4, column: 15, message: '"RTMP_PULLL" is not a valid value for type in AWS::MediaLive::Input; did you mean "RTMP_PULL"?' },
    ]);
  });

  it('through a dynamic block', async () => {
    expect(await fixtureFindings('terraform/evaluation/dynamic', 'schema/out-of-range')).toEqual([
      {
        ruleId: 'schema/out-of-range',
        line: 8,
        column: 31,
        message: 'program_number 70000 is out of range for MultiplexProgramSettings: it must be between 0 and 65535 (MediaLive API model [ML-API]).',
      },
    ]);
  });

  it('through a local module: its arguments and its own files', async () => {
    const { report } = await lintPaths([`${EVALUATION}/module`], { onlyRules: ['schema/out-of-range', 'schema/invalid-enum'] });
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.column, finding.ruleId, finding.resource?.address])).toEqual([
      [`${EVALUATION}/module/main.tf`, 4, 15, 'schema/out-of-range', 'module.recording.aws_kinesis_video_stream.this'],
      [`${EVALUATION}/module/modules/stream/main.tf`, 18, 18, 'schema/invalid-enum', 'module.archive.aws_media_convert_queue.this'],
      [`${EVALUATION}/module/modules/stream/main.tf`, 18, 18, 'schema/invalid-enum', 'module.recording.aws_media_convert_queue.this'],
    ]);
  });

  it('through count, with references to instances', async () => {
    const { report } = await lintPaths([`${EVALUATION}/count`], { onlyRules: ['schema/out-of-range', 'reference/input-attachment'] });
    expect(report.findings.map(summarize)).toEqual([
      {
        ruleId: 'schema/out-of-range',
        line: 2,
        column: 18,
        message: 'data_retention_in_hours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).',
      },
      {
        ruleId: 'reference/input-attachment',
        line: 35,
        column: 29,
        message: "input_id aws_medialive_input.contribution[2].id refers to 'aws_medialive_input.contribution[2]', which is not defined in this module; did you mean 'aws_medialive_input.contribution[0]'?",
      },
    ]);
  });

  it('in JSON syntax (.tf.json), at positions in the JSON', async () => {
    const { report } = await lintPaths([`${EVALUATION}/json`], { onlyRules: ['schema/out-of-range', 'schema/invalid-enum', 'schema/invalid-type'] });
    expect(report.findings.map(summarize)).toEqual([
      { ruleId: 'schema/invalid-enum', line: 4, column: 18, message: '"ONDEMAND" is not a valid value for pricing_plan in AWS::MediaConvert::Queue; did you mean "ON_DEMAND"?' },
      {
        ruleId: 'schema/out-of-range',
        line: 31,
        column: 41,
        message: 'transport_stream_bitrate 500000 is out of range for MultiplexSettings: it must be between 1000000 and 100000000 (MediaLive API model [ML-API]).',
      },
    ]);
  });

  it('in a `terraform show -json` plan, at positions in the plan', async () => {
    const { report } = await lintPaths([`${EVALUATION}/plan/live.tfplan.json`]);
    expect(report.findings.filter((finding) => finding.ruleId.startsWith('schema/')).map((finding) => [finding.line, finding.column, finding.ruleId, finding.resource?.address])).toEqual([
      [15, 40, 'schema/out-of-range', 'aws_kinesis_video_stream.recording'],
      [41, 21, 'schema/invalid-enum', 'aws_medialive_input.contribution["backup"]'],
      [68, 33, 'schema/invalid-enum', 'module.archive.aws_media_convert_queue.this'],
    ]);
  });

  it('in `terraform show -json` output saved as plain .json (state), which CloudFormation leaves alone', async () => {
    const path = `${EVALUATION}/plan/state.json`;
    expect(terraformFrontEnd.claims(resolve(repoRoot, path))).toBe(true);
    const { cloudFormationFrontEnd } = await import('../../src/parsers/cloudformation/index.js');
    const skipped = (await cloudFormationFrontEnd.load([input(path)], { cwd: repoRoot })).skipped;
    expect(skipped).toEqual([path]);
    const { report } = await lintPaths([path], { onlyRules: ['schema/out-of-range', 'schema/unknown-property'] });
    expect(report.findings.map(summarize)).toEqual([
      {
        ruleId: 'schema/out-of-range',
        line: 16,
        column: 36,
        message: 'message_ttl_seconds 300 is out of range for AWS::KinesisVideo::SignalingChannel: it must be between 5 and 120 (Kinesis Video Streams API model [KVS-API]).',
      },
    ]);
  });

  it('with --var-file (later wins) and --var (wins over files)', async () => {
    const run = async (options: { varFiles?: string[]; vars?: string[] }) => {
      const { report } = await lintPaths([`${EVALUATION}/cli-vars`], { onlyRules: ['schema/out-of-range', 'schema/invalid-enum'], ...options });
      return report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);
    };
    expect(await run({})).toEqual([]);
    expect(await run({ varFiles: [`${EVALUATION}/cli-vars/env/prod.tfvars`] })).toEqual([`${EVALUATION}/cli-vars/env/prod.tfvars:1:16 schema/invalid-enum`]);
    expect(await run({ varFiles: [`${EVALUATION}/cli-vars/env/prod.tfvars`, `${EVALUATION}/cli-vars/env/staging.tfvars`] })).toEqual([
      `${EVALUATION}/cli-vars/env/prod.tfvars:1:16 schema/invalid-enum`,
      `${EVALUATION}/cli-vars/env/staging.tfvars:1:13 schema/out-of-range`,
    ]);
    // A --var value has no file: the finding points at its use.
    expect(await run({ varFiles: [`${EVALUATION}/cli-vars/env/prod.tfvars`], vars: ['pricing_plan=ON_DEMAND', 'retention=90000'] })).toEqual([
      `${EVALUATION}/cli-vars/main.tf:17:29 schema/out-of-range`,
    ]);
  });

  it('takes --var and --var-file from the command line', async () => {
    const run = async (...options: string[]) => {
      let output = '';
      const io = { stdout: (text: string) => void (output += text), stderr: () => undefined };
      const code = await main(['node', 'media-lint', '--format', 'json', '--rule', 'schema/out-of-range', ...options, `${EVALUATION}/cli-vars`], io, repoRoot);
      const findings = (JSON.parse(output) as { findings: Array<{ file: string; line: number }> }).findings;
      return { code, findings: findings.map((finding) => `${finding.file}:${finding.line}`) };
    };
    expect(await run()).toEqual({ code: 0, findings: [] });
    expect(await run('--var-file', `${EVALUATION}/cli-vars/env/staging.tfvars`)).toEqual({ code: 1, findings: [`${EVALUATION}/cli-vars/env/staging.tfvars:1`] });
    expect(await run('--var-file', `${EVALUATION}/cli-vars/env/staging.tfvars`, '--var', 'retention=24')).toEqual({ code: 0, findings: [] });
  });

  it('reports a --var-file that cannot be read', async () => {
    const { report } = await lintPaths([`${EVALUATION}/cli-vars`], { varFiles: ['missing.tfvars'] });
    expect(report.findings.filter((finding) => finding.ruleId === 'file-error').map(summarize)).toEqual([
      { ruleId: 'file-error', line: 1, column: 1, message: 'missing.tfvars (--var-file) cannot be read' },
    ]);
  });
});

describe('unknown values', () => {
  it('never produce a finding: variables without a value, data sources, functions not evaluated, unknown count', async () => {
    expect(await fixtureFindings('terraform/evaluation/unknown')).toEqual([]);
  });

  it('carry the reason they are unknown', async () => {
    const result = await loadDirectory(`${EVALUATION}/unknown`);
    const scope = result.scopes[0]!;
    expect(plain(valueAt(resource(scope, 'aws_medialive_input.contribution'), 'type'))).toEqual({ unknown: 'variable' });
    expect(plain(valueAt(resource(scope, 'aws_media_convert_queue.transcode'), 'pricing_plan'))).toEqual({ unknown: 'data-source' });
    expect(plain(valueAt(resource(scope, 'aws_media_convert_queue.transcode'), 'status'))).toEqual({ unknown: 'unsupported' });
    expect(plain(valueAt(resource(scope, 'aws_kinesis_video_stream.recording'), 'name'))).toEqual({ template: ['recording-', { unknown: 'unsupported' }] });
    // count over a variable without value: one resource, its count.index unknown.
    const multiplex = resource(scope, 'aws_medialive_multiplex.broadcast');
    expect(plain(valueAt(multiplex, 'multiplex_settings', 'transport_stream_id'))).toEqual({ unknown: 'variable' });
    // A dynamic block over a collection that is not known: the list is open, without items.
    expect(plain(valueAt(resource(scope, 'aws_medialive_input_security_group.contribution'), 'whitelist_rules'))).toEqual({ open: [] });
  });
});

describe('the resource graph', () => {
  it('gives resources their address, names, spans and canonical type', async () => {
    const result = await load([input('fixtures/terraform/reference/input-attachment/pass.tf')]);
    expect(result.diagnostics).toEqual([]);
    const scope = result.scopes[0]!;
    expect(scope).toMatchObject({ id: 'fixtures/terraform/reference/input-attachment', kind: 'terraform-module', format: 'terraform', file: 'fixtures/terraform/reference/input-attachment' });
    const channel = resource(scope, 'aws_medialive_channel.live');
    expect(channel).toMatchObject({ logicalName: 'live', type: 'AWS::MediaLive::Channel', sourceType: 'aws_medialive_channel', isMediaType: true, format: 'terraform' });
    expect(at(channel.nameSpan)).toBe('21:35-21:39');
    expect(at(channel.typeSpan)).toBe('21:11-21:32');
    expect(at(channel.span)).toBe('21:1-83:2');
    expect(valueAt(channel, 'input_attachments', 0, 'input_id')).toMatchObject({
      kind: 'reference',
      target: 'aws_medialive_input.contribution',
      attribute: 'id',
      expression: 'aws_medialive_input.contribution.id',
    });
  });

  it('maps repeated blocks to lists and single blocks to objects as the spec says', async () => {
    const result = await load([input('fixtures/terraform/reference/input-attachment/pass.tf')]);
    const channel = resource(result.scopes[0]!, 'aws_medialive_channel.live');
    expect(valueAt(channel, 'destinations')?.kind).toBe('list');
    expect(valueAt(channel, 'destinations', 0, 'media_package_settings')?.kind).toBe('list');
    expect(valueAt(channel, 'encoder_settings')?.kind).toBe('object');
    expect(valueAt(channel, 'encoder_settings', 'timecode_config')?.kind).toBe('object');
    expect(valueAt(channel, 'encoder_settings', 'video_descriptions')?.kind).toBe('list');
    expect(plain(valueAt(channel, 'encoder_settings', 'output_groups', 0, 'outputs', 0, 'output_settings'))).toEqual({ media_package_output_settings: {} });
  });

  it('keeps blocks the spec does not know as written, drops meta-arguments and provider-only arguments', async () => {
    const result = await loadText(`
resource "aws_medialive_channel" "live" {
  count         = 1
  provider      = aws.west
  depends_on    = [aws_iam_role.medialive]
  name          = "live"
  start_channel = true
  region        = "us-west-2"
  tags_all      = {}
  lifecycle {
    ignore_changes = [tags]
  }
  timeouts {
    create = "30m"
  }
  provider_extra {
    a = 1
  }
  provider_extra_list {
    a = 1
  }
  provider_extra_list {
    a = 2
  }
}
`);
    const channel = resource(result, 'aws_medialive_channel.live[0]');
    expect(plain(channel.properties)).toEqual({ name: 'live', provider_extra: { a: 1 }, provider_extra_list: [{ a: 1 }, { a: 2 }] });
  });

  it('applies the Terraform property aliases', async () => {
    const result = await loadText(`
resource "aws_media_package_channel" "packaging" {
  channel_id = "live"
}
resource "aws_media_packagev2_channel_group" "group" {
  name = "live-group"
}
resource "aws_medialive_channel" "live" {
  input_specification {
    codec            = "AVC"
    input_resolution = "HD"
    maximum_bitrate  = "MAX_10_MBPS"
  }
}
`);
    expect(plain(resource(result, 'aws_media_package_channel.packaging').properties)).toEqual({ id: 'live' });
    expect(plain(resource(result, 'aws_media_packagev2_channel_group.group').properties)).toEqual({ channel_group_name: 'live-group' });
    const specification = valueAt(resource(result, 'aws_medialive_channel.live'), 'input_specification');
    expect(plain(specification)).toEqual({ codec: 'AVC', resolution: 'HD', maximum_bitrate: 'MAX_10_MBPS' });
    expect(specification?.kind === 'object' && specification.properties[1]!.sourceName).toBe('input_resolution');
  });

  it('matches awscc member names that differ from the canonical spelling only by underscores', async () => {
    const result = await loadText(`
resource "awscc_mediapackage_origin_endpoint" "hls" {
  id         = "hls"
  channel_id = "live"
  hls_package = {
    include_i_frame_only_stream = true
  }
}
`);
    const endpoint = resource(result, 'awscc_mediapackage_origin_endpoint.hls');
    expect(plain(endpoint.properties)).toEqual({ id: 'hls', channel_id: 'live', hls_package: { include_iframe_only_stream: true } });
    const hls = valueAt(endpoint, 'hls_package');
    expect(hls?.kind === 'object' && hls.properties[0]!.sourceName).toBe('include_i_frame_only_stream');
  });

  it('keeps non-media resources so that references to them resolve, and records variables and locals', async () => {
    const result = await loadDirectory(`${EVALUATION}/local`);
    const scope = result.scopes[0]!;
    expect([...scope.parameters.keys()]).toEqual(['local.environment', 'local.stream']);
    const other = await loadText('variable "a" {\n  default = 5\n}\nresource "aws_iam_role" "r" {\n  name = "r"\n}\n');
    expect(resource(other, 'aws_iam_role.r')).toMatchObject({ isMediaType: false, type: 'aws_iam_role' });
    expect(other.scopes[0]!.parameters.get('var.a')).toMatchObject({ name: 'var.a', defaultValue: { kind: 'known', value: 5 } });
  });

  it('gives child module scopes and addresses their module path', async () => {
    const result = await loadDirectory(`${EVALUATION}/module`);
    expect(result.scopes.map((scope) => scope.id)).toEqual([`${EVALUATION}/module`, `${EVALUATION}/module::module.recording`, `${EVALUATION}/module::module.archive`]);
    const stream = resource(result, 'module.archive.aws_kinesis_video_stream.this');
    expect(stream.file).toBe(`${EVALUATION}/module/modules/stream/main.tf`);
    expect(plain(stream.properties)).toEqual({ name: 'archive', data_retention_in_hours: 24, media_type: 'video/h264' });
  });

  it('records suppression comments with the lines they cover', async () => {
    const result = await loadText(`# media-lint-ignore schema/out-of-range: lab stream, kept for a year until 2099-12-31
resource "aws_kinesis_video_stream" "lab" {
  name                    = "lab"
  data_retention_in_hours = 100000 # media-lint-ignore schema/invalid-type: trailing
}
`);
    expect(result.suppressions?.map((suppression) => ({ ruleIds: suppression.ruleIds, reason: suppression.reason, until: suppression.until, lines: suppression.lines, at: at(suppression.span) }))).toEqual([
      { ruleIds: ['schema/out-of-range'], reason: 'lab stream, kept for a year', until: '2099-12-31', lines: { start: 2, end: 5 }, at: '1:1-1:86' },
      { ruleIds: ['schema/invalid-type'], reason: 'trailing', until: undefined, lines: { start: 4, end: 4 }, at: '4:36-4:85' },
    ]);
  });
});

describe('expressions', () => {
  const evaluate = async (expression: string, prelude = ''): Promise<unknown> => {
    const result = await loadText(`${prelude}\nresource "aws_iam_role" "probe" {\n  value = ${expression}\n}\n`);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
    return plain(valueAt(resource(result, 'aws_iam_role.probe'), 'value'));
  };

  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-5 % 3', -2],
    ['10 / 4', 2.5],
    ['"5" + 1', 6],
    ['3 > 2 && !false', true],
    ['1 == "1"', false],
    ['[1, "a"] == [1, "a"]', true],
    ['true ? "yes" : "no"', 'yes'],
    ['"a-${1 + 1}-${true}"', 'a-2-true'],
    ['"\\u00e9\\t$${literal}"', 'é\t${literal}'],
    ['"%{if true}on%{else}off%{endif}"', 'on'],
    ['"%{for x in ["a", "b"]}${x};%{endfor}"', 'a;b;'],
    ['[for v in [1, 2, 3] : v * 2 if v > 1]', [4, 6]],
    ['{for k, v in { b = 1, a = 2 } : upper(k) => v}', { a: 2, b: 1 }],
    ['{for v in ["x", "y", "x"] : v => v...}', { x: ['x', 'x'], y: ['y'] }],
    ['[{ n = 1 }, { n = 2 }][*].n', [1, 2]],
    ['{ a = [10, 20] }.a[1]', 20],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ['merge({ a = 1, b = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['lookup({ a = 1 }, "b", 3)', 3],
    ['element(["a", "b"], 3)', 'b'],
    ['length("héllo")', 5],
    ['format("%s-%03d-%.1f-%q", "x", 7, 2.75, "q")', 'x-007-2.8-"q"'],
    ['join(",", split("/", "a/b/c"))', 'a,b,c'],
    ['lower("AbC")', 'abc'],
    ['min(3, 1, 2) + max([4, 5]...)', 6],
    ['coalesce("", null, "z")', 'z'],
    ['tostring(5)', '5'],
    ['tonumber("2.5")', 2.5],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['try({}.missing, "fallback")', 'fallback'],
    ['can({}.missing)', false],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['flatten([[1], [2, [3]]])', [1, 2, 3]],
    ['range(3)', [0, 1, 2]],
    ['jsonencode({ Key = "v" })', { key: 'v' }],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['<<-EOT\n    one\n      two\n    EOT', 'one\n  two\n'],
    ['<<EOT\n  kept ${1}\nEOT', '  kept 1\n'],
  ])('%s', async (expression, expected) => {
    expect(await evaluate(expression)).toEqual(expected);
  });

  it('resolves variables, locals and references', async () => {
    const prelude = 'variable "v" {\n  default = { x = 1 }\n}\nlocals {\n  l = var.v.x + 1\n}\nresource "aws_iam_role" "other" {\n  count = 2\n}\n';
    expect(await evaluate('local.l', prelude)).toBe(2);
    // Values that the copy reads from the text (see SimpleAttribute) evaluate like any other.
    expect(await evaluate('"x-${local.l}-${var.v.x}"', prelude)).toBe('x-2-1');
    expect(await evaluate('["a", 1.5, true, null, local.l]', prelude)).toEqual(['a', 1.5, true, null, 2]);
    expect(await evaluate('"$${local.l} 100% $5"', prelude)).toBe('${local.l} 100% $5');
    expect(await evaluate('[]', prelude)).toEqual([]);
    expect(await evaluate('aws_iam_role.other[1].arn', prelude)).toEqual({ ref: 'aws_iam_role.other[1].arn' });
    expect(await evaluate('aws_iam_role.other[*].arn', prelude)).toEqual([{ ref: 'aws_iam_role.other[0].arn' }, { ref: 'aws_iam_role.other[1].arn' }]);
    expect(await evaluate('"${aws_iam_role.other[0].name}-x"', prelude)).toEqual({ template: [{ ref: 'aws_iam_role.other[0].name' }, '-x'] });
    // Undeclared names stay references, which reference/unresolved reports.
    expect(await evaluate('var.undeclared', prelude)).toEqual({ ref: 'var.undeclared' });
    expect(await evaluate('local.undeclared', prelude)).toEqual({ ref: 'local.undeclared' });
    expect(await evaluate('aws_s3_bucket.missing.arn', prelude)).toEqual({ ref: 'aws_s3_bucket.missing.arn' });
    expect(await evaluate('path.module', prelude)).toEqual({ unknown: 'unsupported' });
    expect(await evaluate('count.index', prelude)).toEqual({ unknown: 'unsupported' });
    expect(await evaluate('timestamp()', prelude)).toEqual({ unknown: 'unsupported' });
    expect(await evaluate('data.aws_region.current.name', prelude)).toEqual({ unknown: 'data-source' });
  });
});

describe('bad input', () => {
  it('reports a syntax error at its line and column and still lints the rest of the module', async () => {
    const { report } = await lintPaths([`${EVALUATION}/syntax-recovery`]);
    expect(report.findings.filter((finding) => finding.ruleId === 'parse-error' || finding.ruleId.startsWith('schema/')).map(summarize)).toEqual([
      { ruleId: 'parse-error', line: 3, column: 32, message: "Syntax error: unexpected '+'." },
      { ruleId: 'schema/invalid-enum', line: 8, column: 18, message: '"ONDEMAND" is not a valid value for pricing_plan in AWS::MediaConvert::Queue; did you mean "ON_DEMAND"?' },
    ]);
  });

  it('reports cyclic locals once and leaves their values unknown', async () => {
    const { report } = await lintPaths([`${EVALUATION}/cyclic-locals`]);
    expect(report.findings.filter((finding) => finding.ruleId === 'not-followed' || finding.ruleId.startsWith('schema/')).map((finding) => ({ ...summarize(finding), severity: finding.severity }))).toEqual([
      { ruleId: 'not-followed', line: 2, column: 3, message: 'local.a → local.b → local.c → local.a refer to each other in a cycle (Terraform rejects this); their values are not evaluated.', severity: 'warning' },
    ]);
  });

  it('does not follow a module that sources itself', async () => {
    expect(await fixtureFindings('terraform/evaluation/self-module', 'not-followed')).toEqual([
      { ruleId: 'not-followed', line: 2, column: 12, message: 'Module \'again\' is not followed: its source "./" is a module that is already being evaluated (a module cannot call itself).' },
    ]);
  });

  it('bounds a count of 100000: one resource, a note, no hang', async () => {
    const started = performance.now();
    const { report, graph } = await lintPaths([`${EVALUATION}/big-count`]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(graph.resources.map((entry) => entry.address)).toEqual(['aws_kinesis_video_stream.recording']);
    expect(report.findings.filter((finding) => finding.ruleId === 'not-followed' || finding.ruleId === 'schema/out-of-range').map(summarize)).toEqual([
      {
        ruleId: 'not-followed',
        line: 2,
        column: 3,
        message: 'count expands aws_kinesis_video_stream.recording into 100000 instances, more than media-lint evaluates (1000); it is checked once, with count.index unknown.',
      },
      {
        ruleId: 'schema/out-of-range',
        line: 4,
        column: 29,
        message: 'data_retention_in_hours 100000 is out of range for AWS::KinesisVideo::Stream: it must be between 0 and 87600 (Kinesis Video Streams API model [KVS-API]).',
      },
    ]);
  });

  it('bounds evaluation: a huge for expression ends with an unknown value', async () => {
    const result = await loadText('locals {\n  big = [for a in range(5000) : [for b in range(5000) : a * b]]\n}\nresource "aws_iam_role" "r" {\n  value = length(local.big)\n}\n');
    expect(plain(valueAt(resource(result, 'aws_iam_role.r'), 'value'))).toEqual({ unknown: 'limit' });
  });

  it('notes a registry module at info severity, without changing the exit code', async () => {
    expect(await fixtureFindings('terraform/evaluation/registry-module', 'not-followed')).toEqual([
      {
        ruleId: 'not-followed',
        line: 2,
        column: 13,
        message: 'Module \'vpc\' is not followed: its source "terraform-aws-modules/vpc/aws" is not a local path (only ./ and ../ modules are read); values from it are unknown.',
      },
    ]);
    let output = '';
    const io = { stdout: (text: string) => void (output += text), stderr: () => undefined };
    const code = await main(['node', 'media-lint', '--format', 'json', '--rule', 'schema/invalid-enum', `${EVALUATION}/registry-module`], io, repoRoot);
    expect(code).toBe(0);
    expect(output).toContain('not-followed');
  });

  it('reports a module directory that does not exist', async () => {
    const result = await loadText('module "m" {\n  source = "./nowhere"\n}\n');
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${at(diagnostic.span)} ${diagnostic.message}`)).toEqual([
      'file-error 2:12-2:23 Module \'m\': the directory "./nowhere" does not exist or holds no .tf files.',
    ]);
  });

  it('reports JSON syntax errors in .tf.json files and plans', async () => {
    const result = await load([input(`${EVALUATION}/inline/broken.tf.json`, '{"resource": {,}}'), input(`${EVALUATION}/inline/broken.tfplan.json`, '{"format_version": "1.2", "terraform_version": "1.9.0", }')]);
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.span.file} ${at(diagnostic.span)} ${diagnostic.message}`)).toEqual([
      `parse-error ${EVALUATION}/inline/broken.tf.json 1:15-1:16 Expected a value (ValueExpected)`,
      `parse-error ${EVALUATION}/inline/broken.tfplan.json 1:57-1:58 Trailing comma: expected a property name (PropertyNameExpected)`,
    ]);
  });
});
