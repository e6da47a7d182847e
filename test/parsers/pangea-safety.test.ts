import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Value } from '../../src/graph/value.js';
import { defaultLimits } from '../../src/parsers/pangea/limits.js';
import { lintPaths } from '../support/lint.js';
import { loadRuby, loadScope, plain, resourceAt, template, valueAt } from './pangea-support.js';

const sandbox = mkdtempSync(join(tmpdir(), 'media-lint-pangea-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('code is read, never run', () => {
  it('lints a template that shells out, writes files, requires and evals, without running any of it', async () => {
    const marker = (name: string) => JSON.stringify(join(sandbox, name));
    const text = [
      "require 'fileutils'",
      "require_relative 'evil'",
      `system("touch " + ${marker('system')})`,
      `File.write(${marker('file-write')}, "x")`,
      `eval("File.write(" + ${JSON.stringify(marker('eval'))} + ", 'x')")`,
      'template :hostile do',
      `  \`touch ${join(sandbox, 'backtick')}\``,
      `  %x(touch ${join(sandbox, 'percent-x')})`,
      `  system("touch", ${marker('system-args')})`,
      `  exec("touch " + ${marker('exec')})`,
      `  spawn("touch " + ${marker('spawn')})`,
      `  IO.popen("touch " + ${marker('popen')})`,
      `  Kernel.system("touch " + ${marker('kernel')})`,
      `  FileUtils.touch(${marker('fileutils')})`,
      `  open("|touch " + ${marker('open-pipe')})`,
      `  send(:system, "touch " + ${marker('send')})`,
      `  instance_eval { File.write(${marker('instance-eval')}, "x") }`,
      `  Dir.mkdir(${marker('dir')})`,
      `  at_exit { File.write(${marker('at-exit')}, "x") }`,
      "  require 'net/http'",
      '  Net::HTTP.get(URI("http://127.0.0.1:9/"))',
      `  name = \`hostname\`.strip`,
      '  aws_kinesis_video_stream(:recording, { name: "rec-#{name}", data_retention_in_hours: 100_000 })',
      'end',
    ].join('\n');
    const result = await loadRuby(text, 'hostile.rb');
    expect(result.diagnostics).toEqual([]);
    const stream = resourceAt(result.scopes[0]!, 'aws_kinesis_video_stream.recording');
    expect(plain(stream.properties)).toEqual({ name: 'tmpl:rec-{unknown:unsupported}', data_retention_in_hours: 100000 });
    expect(readdirSync(sandbox)).toEqual([]);
  });

  it('reports what is written in such a template like in any other', async () => {
    const { report } = await lintPaths(['fixtures/pangea/parser/hostile.rb'], { onlyRules: ['schema/out-of-range'] });
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.line}:${finding.column}`)).toEqual(['schema/out-of-range 12:30']);
    expect(existsSync('/tmp/media-lint-pangea-pwned')).toBe(false);
  });
});

/** Every unknown value of a tree, by reason. */
function unknownReasons(value: Value | undefined, found: string[] = []): string[] {
  if (value === undefined) return found;
  if (value.kind === 'unknown') found.push(value.reason);
  else if (value.kind === 'object') for (const property of value.properties) unknownReasons(property.value, found);
  else if (value.kind === 'list') for (const item of value.items) unknownReasons(item, found);
  else if (value.kind === 'template') for (const part of value.parts) if (typeof part !== 'string') unknownReasons(part, found);
  return found;
}

describe('bad input degrades to unknown values', () => {
  it('bounds nesting the parser accepts but the interpreter will not follow', async () => {
    const depth = 300;
    const scope = await loadScope(template(`  aws_kinesis_video_stream(:s, { tags: ${'['.repeat(depth)}1${']'.repeat(depth)} })`));
    const tags = valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'tags');
    expect(unknownReasons(tags)).toEqual(['limit']);
  });

  it('bounds huge literals and computed strings and collections', async () => {
    const items = Array.from({ length: defaultLimits.collectionSize + 1 }, (_, index) => String(index)).join(',');
    const scope = await loadScope(
      template(
        [
          `  big = [${items}]`,
          '  s = "ab"',
          '  40.times { s = s + s }',
          '  a = [1]',
          '  40.times { a = a + a }',
          '  r = (1..10**12).map { |i| i }',
          '  w = "x" * 10**9',
          `  literal = "${'x'.repeat(2_000_000)}"`,
          '  aws_kinesis_video_stream(:s, { tags: { big: big, s: s, a: a.length, r: r, w: w, l: literal.length } })',
        ].join('\n'),
      ),
    );
    const tags = valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'tags');
    expect(plain(tags)).toEqual({ big: 'unknown:limit', s: 'unknown:limit', a: 'unknown:limit', r: ['…open'], w: 'unknown:limit', l: 2000000 });
  });

  it('bounds values shared many times over (a value that would expand exponentially)', async () => {
    const started = Date.now();
    const scope = await loadScope(template('  b = [1]\n  40.times { b = [b, b] }\n  aws_kinesis_video_stream(:s, { tags: b })'));
    expect(unknownReasons(valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'tags'))).toContain('limit');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('stops a file that runs away (the evaluation budget), keeping what it declared before', async () => {
    const result = await loadRuby(
      template('  aws_kinesis_video_stream(:first, { name: "first" })\n  def fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)\n  x = fib(25)\n  aws_kinesis_video_stream(:second, { name: "second" })'),
      'runaway.rb',
      { limits: { ...defaultLimits, steps: 20_000, stepsPerCharacter: 0 } },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.scopes[0]!.resources.map((resource) => resource.address)).toEqual(['aws_kinesis_video_stream.first']);
  });

  it('makes constructs it does not evaluate unknown, without crashing', async () => {
    const scope = await loadScope(
      template(
        [
          '  class Helper; def self.name = "x"; end',
          '  module Mixin; end',
          '  value = case({ a: 1 })',
          '          in { a: Integer => n } then n',
          '          else 0',
          '          end',
          '  counter = 0',
          '  while counter < 3 do counter += 1 end',
          '  begin',
          '    risky = Integer("x")',
          '  rescue ArgumentError',
          '    risky = 0',
          '  end',
          '  $global = 1',
          '  @ivar = "i"',
          '  obj = Struct.new(:a).new(1)',
          '  matched = "abc" =~ /b/',
          '  flip = (1..2).each_slice(1).to_a',
          '  defined = defined?(foo)',
          '  aws_kinesis_video_stream(:s, { tags: { value: value, counter: counter, risky: risky, global: $global, ivar: @ivar, obj: obj.a, matched: matched, helper: Helper.name, flip: flip, defined: defined } })',
        ].join('\n'),
      ),
    );
    expect(plain(valueAt(resourceAt(scope, 'aws_kinesis_video_stream.s'), 'tags'))).toEqual({
      value: 'unknown:unsupported',
      counter: 'unknown:condition',
      risky: 'unknown:condition',
      global: 'unknown:unsupported',
      ivar: 'i',
      obj: 'unknown:unsupported',
      matched: 'unknown:unsupported',
      helper: 'unknown:unsupported',
      flip: [[1], [2]],
      defined: 'unknown:unsupported',
    });
  });
});
