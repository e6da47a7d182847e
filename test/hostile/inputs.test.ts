/**
 * Hostile inputs: each gives a clear diagnostic (or a notice that the file was skipped) within
 * bounded time and memory, and the rest of the run goes on: a good template linted in the same run
 * keeps its findings.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe as group, expect, it } from 'vitest';
import { maxSourceBytes } from '../../src/engine/read.js';
import { repoRoot } from '../support/lint.js';
import { describe, goodFindings, loaderFindings, timedLint, workspace } from './support.js';

let good: string[];
beforeAll(async () => {
  good = await goodFindings();
  expect(good.length).toBeGreaterThan(0);
});

let current: ReturnType<typeof workspace> | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

function space(): string {
  current = workspace();
  return current.directory;
}

/** Lints the good template and the given paths; checks the good template kept its findings. */
async function lintWithGood(directory: string, paths: string[], options: { maxMs?: number; onProgress?: Parameters<typeof timedLint>[0]['onProgress'] } = {}) {
  const timed = await timedLint({ paths: ['good', ...paths], cwd: directory, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const findings = timed.result.report.findings.map(describe);
  for (const expected of good) expect(findings).toContain(expected);
  expect(timed.milliseconds).toBeLessThan(options.maxMs ?? 5000);
  expect(timed.result.internalErrors).toEqual([]);
  return timed;
}

const canMakeFifo = process.platform !== 'win32';
function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

const template = readFileSync(join(repoRoot, 'examples/cloudformation/live-channel.yaml'), 'utf8');

group('empty, binary and badly encoded files', () => {
  it('skips an empty or blank file with a notice when it is named, silently when found', async () => {
    const directory = space();
    writeFileSync(join(directory, 'empty.yaml'), '');
    writeFileSync(join(directory, 'blank.tf'), '  \n\n\t\n');
    const named = await lintWithGood(directory, ['empty.yaml', 'blank.tf']);
    expect(named.result.notices).toEqual(['empty.yaml: skipped, the file is empty', 'blank.tf: skipped, the file is empty']);
    expect(loaderFindings(named.result)).toEqual([]);
    const walked = await lintWithGood(directory, ['.']);
    expect(walked.result.notices).toEqual([]);
  });

  it('skips a binary file with a notice', async () => {
    const directory = space();
    const bytes = Buffer.alloc(4096);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 37) % 256;
    writeFileSync(join(directory, 'image.yaml'), bytes);
    writeFileSync(join(directory, 'image.rb'), bytes);
    const timed = await lintWithGood(directory, ['image.yaml', 'image.rb']);
    expect(timed.result.notices).toEqual(['image.yaml: skipped, the file is binary', 'image.rb: skipped, the file is binary']);
  });

  it('reports invalid UTF-8 at the first bad byte', async () => {
    const directory = space();
    const head = Buffer.from('AWSTemplateFormatVersion: "2010-09-09"\nDescription: caf');
    writeFileSync(join(directory, 'latin1.yaml'), Buffer.concat([head, Buffer.from([0xe9, 0x0a]), Buffer.from('Resources: {}\n')]));
    writeFileSync(join(directory, 'overlong.tf'), Buffer.from([0x23, 0x20, 0xc0, 0xaf, 0x0a]));
    const timed = await lintWithGood(directory, ['latin1.yaml', 'overlong.tf']);
    expect(loaderFindings(timed.result)).toEqual([
      'latin1.yaml:2:17 file-error latin1.yaml is not valid UTF-8 (invalid byte 0xe9 at byte 55)',
      'overlong.tf:1:3 file-error overlong.tf is not valid UTF-8 (invalid byte 0xc0 at byte 2)',
    ]);
  });
});

group('byte-order marks and CRLF line endings', () => {
  const variants = (text: string) => ({ plain: text, bom: `\ufeff${text}`, crlf: text.replace(/\n/g, '\r\n'), both: `\ufeff${text.replace(/\n/g, '\r\n')}` });
  const sources: Record<string, string> = {
    'template.yaml': template,
    'template.json': readFileSync(join(repoRoot, 'examples/cloudformation/recording.json'), 'utf8'),
    'main.tf': readFileSync(join(repoRoot, 'fixtures/terraform/seed/live-streaming-platform/main.tf'), 'utf8'),
    'seed.rb': readFileSync(join(repoRoot, 'fixtures/pangea/seed/live-streaming-platform.rb'), 'utf8'),
  };
  for (const [name, text] of Object.entries(sources)) {
    it(`gives ${name} the same findings, at the same lines and columns, with a BOM and with CRLF`, async () => {
      const directory = space();
      const results: Record<string, string[]> = {};
      for (const [variant, content] of Object.entries(variants(text))) {
        mkdirSync(join(directory, variant));
        writeFileSync(join(directory, variant, name), content);
        const timed = await timedLint({ paths: [variant], cwd: directory });
        results[variant] = timed.result.report.findings.map((finding) => `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId} ${finding.message}`);
      }
      expect(results.plain!.length).toBeGreaterThan(0);
      expect(results.bom).toEqual(results.plain);
      expect(results.crlf).toEqual(results.plain);
      expect(results.both).toEqual(results.plain);
    });
  }
});

group('huge and deeply nested inputs', () => {
  it('does not read a 50 MB template, and says why', async () => {
    const directory = space();
    const resource = JSON.stringify({ Type: 'AWS::KinesisVideo::Stream', Properties: { Name: 'camera', DataRetentionInHours: 24, MediaType: 'video/h264' } });
    const entries: string[] = [];
    let size = 0;
    for (let index = 0; size < 50 * 1024 * 1024; index++) {
      const entry = `"Camera${index}":${resource}`;
      entries.push(entry);
      size += entry.length + 1;
    }
    writeFileSync(join(directory, 'huge.json'), `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{${entries.join(',')}}}`);
    entries.length = 0;
    const timed = await lintWithGood(directory, ['huge.json'], { maxMs: 3000 });
    expect(loaderFindings(timed.result)).toEqual([`huge.json:1:1 file-error huge.json is larger than ${maxSourceBytes / (1024 * 1024)} MB and was not read`]);
    // Reading the file would hold its 50 MB in a Buffer (counted here) and again as a string.
    expect(timed.heapGrowthMb).toBeLessThan(20);
  });

  const depth = 10_000;
  const nested: Record<string, string> = {
    'list.json': `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"A":{"Type":"AWS::MediaLive::Channel","Properties":{"X":${'['.repeat(depth)}${']'.repeat(depth)}}}}}`,
    'object.json': `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"A":{"Type":"AWS::MediaLive::Channel","Properties":{"X":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}}}`,
    'flow.yaml': `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::MediaLive::Channel\n    Properties:\n      X: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
    // Compact block sequences: `- - - 1` nests a sequence in a sequence on one line.
    'block.yaml': `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::MediaLive::Channel\n    Properties:\n      X:\n        ${'- '.repeat(depth)}1\n`,
    'nested.tf': `resource "aws_medialive_channel" "a" {\n  x = ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n`,
    'blocks.tf': `resource "aws_medialive_channel" "a" {\n${'b {\n'.repeat(depth)}${'}\n'.repeat(depth)}}\n`,
    'nested.rb': `template :t do\n  aws_medialive_channel(:a, ${'{a: '.repeat(depth)}1${'}'.repeat(depth)})\nend\n`,
  };
  for (const [name, text] of Object.entries(nested)) {
    it(`reports ${depth} levels of nesting in ${name} as too deep`, async () => {
      const directory = space();
      writeFileSync(join(directory, name), text);
      const timed = await lintWithGood(directory, [name]);
      const loader = loaderFindings(timed.result);
      expect(loader).toHaveLength(1);
      expect(loader[0]).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+ parse-error .*(nest|deep)`, 'i'));
    });
  }

  it('stops a YAML billion-laughs alias bomb', async () => {
    const directory = space();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 12; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    writeFileSync(join(directory, 'laughs.yaml'), `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bomb:\n    Type: AWS::MediaLive::Channel\n    Properties:\n${levels.map((line) => `      ${line}`).join('\n')}\n`);
    const timed = await lintWithGood(directory, ['laughs.yaml'], { maxMs: 3000 });
    const loader = loaderFindings(timed.result);
    expect(loader).toHaveLength(1);
    expect(loader[0]).toMatch(/^laughs\.yaml:\d+:\d+ parse-error Too many alias expansions/);
    expect(timed.heapGrowthMb).toBeLessThan(200);
  });
});

group('links, pipes and directories where files belong', () => {
  it('walks a directory with a symbolic-link loop once, and reports a self-referencing link', async () => {
    const directory = space();
    mkdirSync(join(directory, 'tree/inner'), { recursive: true });
    writeFileSync(join(directory, 'tree/inner/live.yaml'), template);
    symlinkSync('..', join(directory, 'tree/inner/up'));
    symlinkSync('.', join(directory, 'tree/self'));
    symlinkSync('loop.yaml', join(directory, 'loop.yaml'));
    symlinkSync('nowhere.yaml', join(directory, 'tree/dangling.yaml'));
    const timed = await lintWithGood(directory, ['tree', 'loop.yaml']);
    const files = new Set(timed.result.report.findings.map((finding) => finding.file));
    expect([...files].filter((file) => file.endsWith('live.yaml'))).toEqual(['tree/inner/live.yaml']);
    expect(loaderFindings(timed.result)).toEqual(['loop.yaml:1:1 file-error loop.yaml too many levels of symbolic links']);
  });

  it.skipIf(!canMakeFifo)('never blocks on a pipe, found or named, or one posing as .gitignore, configuration or variables file', async () => {
    const directory = space();
    mkdirSync(join(directory, 'pipes/module'), { recursive: true });
    mkfifo(join(directory, 'pipes/stream.yaml'));
    mkfifo(join(directory, 'pipes/.gitignore'));
    mkfifo(join(directory, 'pipes/module/terraform.tfvars'));
    writeFileSync(join(directory, 'pipes/module/main.tf'), 'resource "aws_kinesis_video_stream" "camera" {\n  name = "camera"\n  data_retention_in_hours = 100000\n}\n');
    mkfifo(join(directory, 'named.json'));
    const timed = await lintWithGood(directory, ['pipes', 'named.json']);
    expect(loaderFindings(timed.result)).toEqual(['named.json:1:1 file-error named.json is neither a file nor a directory']);
    expect(timed.result.report.findings.some((finding) => finding.file === 'pipes/module/main.tf' && finding.ruleId === 'schema/out-of-range')).toBe(true);
  });

  it('walks a directory that is named like a template', async () => {
    const directory = space();
    mkdirSync(join(directory, 'stack.yaml'));
    writeFileSync(join(directory, 'stack.yaml/live.yaml'), template);
    const timed = await lintWithGood(directory, ['stack.yaml']);
    expect(timed.result.report.findings.some((finding) => finding.file === 'stack.yaml/live.yaml')).toBe(true);
    expect(loaderFindings(timed.result)).toEqual([]);
  });
});

group('files that change between discovery and reading', () => {
  type Change = (path: string) => void;
  const changes: Record<string, { change: Change; expected: RegExp | string | undefined; fifo?: boolean }> = {
    deleted: { change: (path) => unlinkSync(path), expected: 'changing.yaml does not exist' },
    truncated: { change: (path) => truncateSync(path, 0), expected: undefined },
    'replaced by a directory': {
      change: (path) => {
        unlinkSync(path);
        mkdirSync(path);
      },
      expected: 'changing.yaml is a directory',
    },
    'replaced by a pipe': {
      change: (path) => {
        unlinkSync(path);
        mkfifo(path);
      },
      expected: 'changing.yaml is not a regular file (a pipe, socket or device) and was not read',
      fifo: true,
    },
    'replaced by binary data': { change: (path) => writeFileSync(path, Buffer.from([0, 1, 2, 3, 0, 255])), expected: undefined },
    'grown past the size limit': { change: (path) => appendFileSync(path, Buffer.alloc(maxSourceBytes + 1, 32)), expected: `changing.yaml is larger than ${maxSourceBytes / (1024 * 1024)} MB and was not read` },
    'cut in the middle': { change: (path) => truncateSync(path, 200), expected: /^changing\.yaml:\d+:\d+ parse-error / },
  };
  for (const [name, { change, expected, fifo }] of Object.entries(changes)) {
    it.skipIf(fifo === true && !canMakeFifo)(`reports a template ${name} after discovery, and goes on`, async () => {
      const directory = space();
      const path = join(directory, 'changing.yaml');
      writeFileSync(path, template);
      let changed = false;
      const timed = await lintWithGood(directory, ['.'], {
        onProgress: (progress) => {
          // Discovery is over when the first file is about to be read.
          if (progress.phase === 'read' && !changed) {
            changed = true;
            change(path);
          }
        },
      });
      expect(changed).toBe(true);
      const loader = loaderFindings(timed.result);
      if (expected === undefined) expect(loader).toEqual([]);
      else if (typeof expected === 'string') expect(loader).toEqual([`changing.yaml:1:1 file-error ${expected}`]);
      else {
        expect(loader).toHaveLength(1);
        expect(loader[0]).toMatch(expected);
      }
      rmSync(path, { recursive: true, force: true });
    });
  }
});
