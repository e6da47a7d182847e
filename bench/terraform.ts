/**
 * Terraform front-end benchmark: `npx tsx bench/terraform.ts [resources]` (add `--expose-gc`
 * before the script to collect the heap between measurements).
 *
 * Generates a corpus of 10,000 resources (Kinesis Video streams, MediaLive inputs and channels
 * with nested blocks, MediaConvert queues; variables, locals, templates and references) in a
 * temporary directory, then compares the bare tree-sitter parse of the same bytes with the full
 * load by the front-end (parse, syntax tree, module evaluation, resource graph). The target is a
 * full load within 2x of the bare parse.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceText } from '../src/graph/source.js';
import { terraformFrontEnd } from '../src/parsers/terraform/index.js';
import { loadTerraformParser } from '../src/parsers/terraform/tree-sitter.js';
import type { InputFile } from '../src/parsers/types.js';

const RESOURCES = Number(process.argv[2] ?? 10_000);
const PER_FILE = 250;

function resourceText(index: number): string {
  switch (index % 4) {
    case 0:
      return `resource "aws_kinesis_video_stream" "stream_${index}" {
  name                    = "\${local.prefix}-stream-${index}"
  data_retention_in_hours = var.retention_hours
  media_type              = "video/h264"
  tags = {
    Environment = var.environment
    Index       = "${index}"
  }
}
`;
    case 1:
      return `resource "aws_medialive_input" "input_${index}" {
  name                  = "\${local.prefix}-input-${index}"
  type                  = "RTMP_PUSH"
  input_security_groups = [aws_medialive_input_security_group.contribution.id]

  destinations {
    stream_name = "live/${index}/primary"
  }
  destinations {
    stream_name = "live/${index}/backup"
  }
}
`;
    case 2:
      return `resource "aws_medialive_channel" "channel_${index}" {
  name          = "\${local.prefix}-channel-${index}"
  channel_class = "STANDARD"
  role_arn      = "arn:aws:iam::111122223333:role/medialive"

  input_attachments {
    input_attachment_name = "primary"
    input_id              = aws_medialive_input.input_${index - 1}.id
  }

  destinations {
    id = "packaging"
    media_package_settings {
      channel_id = "live-${index}"
    }
  }

  encoder_settings {
    timecode_config {
      source = "SYSTEMCLOCK"
    }

    video_descriptions {
      name   = "video_720p"
      width  = 1280
      height = 720
      codec_settings {
        h264_settings {
          bitrate               = 3000000 + ${index % 7} * 100000
          framerate_control     = "SPECIFIED"
          framerate_numerator   = 30
          framerate_denominator = 1
          gop_size              = 2
          gop_size_units        = "SECONDS"
        }
      }
    }

    audio_descriptions {
      name                = "audio_stereo"
      audio_selector_name = "default"
    }

    output_groups {
      output_group_settings {
        media_package_group_settings {
          destination {
            destination_ref_id = "packaging"
          }
        }
      }
      outputs {
        output_name             = "out_720p"
        video_description_name  = "video_720p"
        audio_description_names = ["audio_stereo"]
        output_settings {
          media_package_output_settings {}
        }
      }
    }
  }
}
`;
    default:
      return `resource "aws_media_convert_queue" "queue_${index}" {
  name         = format("%s-queue-%05d", local.prefix, ${index})
  pricing_plan = local.pricing_plans[${index} % length(local.pricing_plans)]
  status       = "ACTIVE"
}
`;
  }
}

function writeCorpus(directory: string): string[] {
  const files: string[] = [];
  const header = `variable "retention_hours" {
  type    = number
  default = 24
}

variable "environment" {
  default = "prod"
}

locals {
  prefix        = "live-\${var.environment}"
  pricing_plans = ["ON_DEMAND", "RESERVED"]
}

resource "aws_medialive_input_security_group" "contribution" {
  whitelist_rules {
    cidr = "203.0.113.0/24"
  }
}
`;
  writeFileSync(join(directory, 'main.tf'), header);
  files.push(join(directory, 'main.tf'));
  for (let start = 0; start < RESOURCES; start += PER_FILE) {
    let text = '';
    for (let index = start; index < Math.min(RESOURCES, start + PER_FILE); index++) text += `${resourceText(index)}\n`;
    const file = join(directory, `resources_${String(start / PER_FILE).padStart(3, '0')}.tf`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const directory = mkdtempSync(join(tmpdir(), 'media-lint-terraform-bench-'));
try {
  const paths = writeCorpus(directory);
  const texts = paths.map((path) => readFileSync(path, 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const inputs: InputFile[] = paths.map((path, index) => ({ path, absolutePath: path, source: new SourceText(path, texts[index]!), explicit: false }));
  const parser = await loadTerraformParser();

  /** Wall-clock and CPU milliseconds (CPU time is steadier when other processes share the machine). */
  interface Timing {
    wall: number;
    cpu: number;
  }
  const time = async (action: () => unknown): Promise<Timing> => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    await action();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
  const bare = () =>
    time(() => {
      for (const text of texts) parser.parseOnly(text);
    });
  let resources = 0;
  const full = () =>
    time(async () => {
      const result = await terraformFrontEnd.load(inputs, { cwd: directory });
      resources = result.scopes.reduce((sum, scope) => sum + scope.resources.length, 0);
      if (result.diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${result.diagnostics[0]!.message}`);
    });

  // Each measurement starts from a collected heap (when node runs with --expose-gc), so neither
  // path pays for the other's garbage. Warm up both paths (JIT, wasm tiers), then take the median
  // of several interleaved rounds: the machine may be shared.
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  collect();
  await bare();
  collect();
  await full();
  const rounds = 5;
  const bareTimes: Timing[] = [];
  const fullTimes: Timing[] = [];
  for (let round = 0; round < rounds; round++) {
    collect();
    bareTimes.push(await bare());
    collect();
    fullTimes.push(await full());
  }
  const report = (label: string, timings: Timing[]) => {
    const wall = median(timings.map((timing) => timing.wall));
    const cpu = median(timings.map((timing) => timing.cpu));
    console.log(`${label}: ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU (median of ${rounds})`);
    return { wall, cpu };
  };
  console.log(`corpus: ${paths.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB, ${resources} resources in the graph`);
  const bareMedian = report('bare tree-sitter parse', bareTimes);
  const fullMedian = report('full front-end load   ', fullTimes);
  console.log(`ratio: ${(fullMedian.wall / bareMedian.wall).toFixed(2)}x wall, ${(fullMedian.cpu / bareMedian.cpu).toFixed(2)}x CPU (target: at most 2x)`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
