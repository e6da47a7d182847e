import { describe, expect, it } from 'vitest';
import { Cursor } from '../../src/graph/cursor.js';
import type { Span } from '../../src/graph/source.js';
import { forEachDescendant } from '../../src/graph/traverse.js';
import { pangeaFrontEnd } from '../../src/parsers/pangea/index.js';
import { fixtureFindings, lintPaths, summarize } from '../support/lint.js';
import { at, inputFile, loadRuby, plain, resourceAt, template } from './pangea-support.js';

describe('claims and skipping', () => {
  it('claims Ruby files', () => {
    for (const path of ['infra.rb', 'live/STREAMING.RB']) expect(pangeaFrontEnd.claims(path)).toBe(true);
    for (const path of ['main.tf', 'a.yaml', 'Gemfile', 'rb', 'x.rbs']) expect(pangeaFrontEnd.claims(path)).toBe(false);
  });

  it('skips Ruby files without a template block, silently', async () => {
    const result = await pangeaFrontEnd.load(
      [
        inputFile('Rakefile.rb', 'task :default do\n  sh "rspec"\nend\n'),
        inputFile('lib/helpers.rb', '# Not a template :x do block: only the word\nmodule Helpers\n  def self.template(name) = name\nend\n'),
        inputFile('broken_script.rb', 'def broken(\n'),
      ],
      { cwd: process.cwd() },
    );
    expect(result.skipped.sort()).toEqual(['Rakefile.rb', 'broken_script.rb', 'lib/helpers.rb']);
    expect(result.diagnostics).toEqual([]);
    expect(result.scopes).toEqual([]);
  });

  it('lints Pangea templates next to CloudFormation templates in one run', async () => {
    const { report } = await lintPaths(['fixtures/pangea/schema/invalid-enum/fail.rb', 'fixtures/cloudformation/schema/invalid-enum/fail.yaml'], { onlyRules: ['schema/invalid-enum'] });
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      'fixtures/cloudformation/schema/invalid-enum/fail.yaml:12',
      'fixtures/cloudformation/schema/invalid-enum/fail.yaml:21',
      'fixtures/pangea/schema/invalid-enum/fail.rb:8',
      'fixtures/pangea/schema/invalid-enum/fail.rb:15',
    ]);
    expect(report.filesLinted).toBe(2);
  });
});

describe('syntax errors', () => {
  it("reports prism's first message at its place, and still reads the rest of the file", async () => {
    const result = await loadRuby(
      template(['  aws_kinesis_video_stream(:a, {', '    name: "a"', '    data_retention_in_hours: 1', '  })', '  aws_kinesis_video_stream(:b, { name: "b", data_retention_in_hours: 2 })'].join('\n')),
      'broken.rb',
    );
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.message, at(diagnostic.span)])).toEqual([
      ['parse-error', 'expected a `}` to close the hash literal', '2:32-2:33'],
    ]);
    // The resource the error is in is kept (references to it resolve) but not checked.
    expect(result.scopes[0]!.resources.map((resource) => [resource.address, plain(resource.properties)])).toEqual([
      ['aws_kinesis_video_stream.a', { '…open': true }],
      ['aws_kinesis_video_stream.b', { name: 'b', data_retention_in_hours: 2 }],
    ]);
  });

  it('lints the other files and the other templates of the broken file', async () => {
    const { report } = await lintPaths(['fixtures/pangea/parser/recovery.rb', 'fixtures/pangea/schema/out-of-range/fail.rb'], { onlyRules: ['schema/out-of-range'] });
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`)).toEqual([
      'parse-error fixtures/pangea/parser/recovery.rb:3:40',
      'schema/out-of-range fixtures/pangea/parser/recovery.rb:10:26',
      'schema/out-of-range fixtures/pangea/parser/recovery.rb:17:30',
      'schema/out-of-range fixtures/pangea/schema/out-of-range/fail.rb:5:26',
      'schema/out-of-range fixtures/pangea/schema/out-of-range/fail.rb:10:30',
      'schema/out-of-range fixtures/pangea/schema/out-of-range/fail.rb:17:33',
    ]);
  });

  it('reports a file the parser cannot read at all (nested too deeply for its stack)', async () => {
    const result = await loadRuby(template(`  x = ${'{a: '.repeat(2000)}1${'}'.repeat(2000)}`), 'deep.rb');
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.message, at(diagnostic.span)])).toEqual([
      ['parse-error', 'The Ruby parser could not read the file: it is nested too deeply', '1:1-1:1'],
    ]);
    // The parser is usable again afterwards.
    const next = await loadRuby(template('  aws_kinesis_video_stream(:s, { name: "s" })'));
    expect(next.scopes[0]!.resources).toHaveLength(1);
  });

  it('converts byte offsets to UTF-16 columns after non-ASCII text', async () => {
    const result = await loadRuby(template('  # Café ☕ 🎬\n  aws_kinesis_video_stream(:s, { name: "🎬 café", media_type: "v" })'));
    const stream = resourceAt(result.scopes[0]!, 'aws_kinesis_video_stream.s');
    expect(plain(stream.properties)).toEqual({ name: '🎬 café', media_type: 'v' });
    expect(stream.properties.properties.map((property) => at(property.value.span))).toEqual(['3:40-3:49', '3:63-3:66']);
  });
});

describe('rules on Pangea resources', () => {
  it('reports an unknown media resource name at the method name, with the closest real one', async () => {
    expect(await fixtureFindings('pangea/schema/unknown-resource-type/fail.rb', 'schema/unknown-resource-type')).toEqual([
      { ruleId: 'schema/unknown-resource-type', line: 2, column: 3, message: "Unknown resource type 'aws_medialive_multiplx'; did you mean 'aws_medialive_multiplex'?" },
      { ruleId: 'schema/unknown-resource-type', line: 6, column: 12, message: "Unknown resource type 'aws_kinesisvideo_streams'; did you mean 'aws_kinesis_video_stream'?" },
    ]);
  });

  it('reports nothing on values it cannot resolve, whatever the rule', async () => {
    const { report, graph } = await lintPaths(['fixtures/pangea/unknown-values.rb']);
    expect(report.findings.filter((finding) => /^(schema|reference)\//.test(finding.ruleId))).toEqual([]);
    // No finding of any rule points into a value that is not known.
    const unresolved: Span[] = [];
    for (const resource of graph.resources) {
      forEachDescendant(Cursor.root(resource), (cursor) => {
        const kind = cursor.value?.kind;
        if (kind === 'unknown' || kind === 'reference' || kind === 'template') unresolved.push(cursor.value!.span);
      });
    }
    expect(unresolved.length).toBeGreaterThan(10);
    for (const finding of report.findings) {
      const inside = unresolved.filter((span) => contains(span, finding.line, finding.column));
      expect(inside, `${finding.ruleId} at ${finding.line}:${finding.column}`).toEqual([]);
    }
  });

  it('checks a nested-settings resource as that part of a channel, not the parts it cannot see', async () => {
    const { report } = await lintPaths(['fixtures/pangea/parser/nested-settings.rb'], { onlyRules: ['schema/missing-required', 'reference/input-attachment', 'reference/unresolved'] });
    expect(report.findings.map(summarize)).toEqual([
      // The hash given as the encoder settings lacks output groups; the rest of the channel is not reported.
      { ruleId: 'schema/missing-required', line: 3, column: 3, message: "EncoderSettings requires 'output_groups', which is missing." },
      { ruleId: 'schema/missing-required', line: 5, column: 26, message: "AudioDescription requires 'audio_selector_name', which is missing." },
      {
        ruleId: 'reference/input-attachment',
        line: 12,
        column: 15,
        message: "input_id ref(:aws_medialive_input, :backup, :id) refers to 'aws_medialive_input.backup', which is not defined in this template; did you mean 'aws_medialive_input.primary'?",
      },
    ]);
  });
});

describe('suppression comments', () => {
  it('collects `# media-lint-ignore` directives with the lines they cover', async () => {
    const result = await loadRuby(
      [
        '# media-lint-ignore schema/out-of-range: archive kept ten years until 2031-01-01',
        'template :t do',
        '  # media-lint-ignore schema/invalid-enum, schema/missing-required: legacy input',
        '  aws_medialive_input(:legacy, {',
        '    type: "rtmp_push"',
        '  })',
        '  aws_kinesis_video_stream(:s, { data_retention_in_hours: 100_000 }) # media-lint-ignore schema/out-of-range: approved',
        '  # media-lint-ignore schema/out-of-range',
        '  x = 1',
        'end',
      ].join('\n'),
      'suppressed.rb',
    );
    expect(
      result.suppressions?.map((suppression) => ({ ruleIds: suppression.ruleIds, reason: suppression.reason, until: suppression.until, problem: suppression.problem, at: at(suppression.span), lines: suppression.lines })),
    ).toEqual([
      { ruleIds: ['schema/out-of-range'], reason: 'archive kept ten years', until: '2031-01-01', problem: undefined, at: '1:1-1:81', lines: { start: 2, end: 10 } },
      { ruleIds: ['schema/invalid-enum', 'schema/missing-required'], reason: 'legacy input', until: undefined, problem: undefined, at: '3:3-3:81', lines: { start: 4, end: 6 } },
      { ruleIds: ['schema/out-of-range'], reason: 'approved', until: undefined, problem: undefined, at: '7:70-7:119', lines: { start: 7, end: 7 } },
      {
        ruleIds: ['schema/out-of-range'],
        reason: undefined,
        until: undefined,
        problem: 'has no reason; write `media-lint-ignore schema/out-of-range: <why this is acceptable>`',
        at: '8:3-8:42',
        lines: { start: 9, end: 9 },
      },
    ]);
  });
});

function contains(span: Span, line: number, column: number): boolean {
  const after = line > span.start.line || (line === span.start.line && column >= span.start.column);
  const before = line < span.end.line || (line === span.end.line && column < span.end.column);
  return after && before;
}
