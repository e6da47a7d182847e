import { describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/engine/report.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import { docsUrl, repositoryUrl } from '../../src/engine/rule.js';
import { formatReport } from '../../src/reporters/index.js';
import { FINGERPRINT_KEY, SARIF_SCHEMA_URI, artifactLocation, formatSarif, ruleName, srcRootUri, type SarifLog } from '../../src/reporters/sarif.js';
import { cleanReport, fullReport, rules } from './fixtures.js';
import { acceptedNotes, expectValid, validate } from '../support/sarif-validator.js';

function parse(report: LintReport): SarifLog {
  return JSON.parse(formatSarif(report)) as SarifLog;
}

describe('sarif reporter', () => {
  it('passes sarif-multitool validation (JSON schema, SARIF and GitHub rules) with zero errors and warnings', () => {
    expectValid('full', formatReport(fullReport(), 'sarif'));
  });

  it('has a validation harness that does see problems (no vacuous pass)', () => {
    const log = parse(fullReport()) as unknown as { runs: Array<{ tool: { driver: Record<string, unknown> }; bogus?: number }> };
    delete log.runs[0]!.tool.driver.informationUri;
    (log.runs[0]!.tool.driver.rules as Array<Record<string, unknown>>)[0]!.help = undefined;
    log.runs[0]!.bogus = 1;
    const { errors, warnings } = validate('broken', JSON.stringify(log));
    expect(errors.some((e) => e.startsWith('GH2012'))).toBe(true); // rule without help
    expect(errors.some((e) => e.startsWith('JSON1005'))).toBe(true); // property the schema does not define
    expect(warnings.some((w) => w.startsWith('SARIF2005'))).toBe(true); // tool without informationUri
  });

  it('passes validation for a clean run', () => {
    expectValid('clean', formatReport(cleanReport(), 'sarif'));
  });

  it('passes validation for findings outside the working directory and without source text', () => {
    const report: LintReport = {
      ...cleanReport(),
      findings: [
        {
          ruleId: 'file-error',
          severity: 'error',
          message: 'ENOENT: no such file or directory, open /elsewhere/x y.yaml',
          messageId: 'fileError',
          file: '/elsewhere/x y.yaml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          fingerprint: 'ff01',
        },
        {
          ruleId: 'parse-error',
          severity: 'error',
          message: 'Unexpected end of JSON input',
          messageId: 'parseError',
          file: '../sibling/t.json',
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 2,
          fingerprint: 'ff02',
        },
      ],
    };
    const { errors, warnings, notes } = validate('outside', formatSarif(report));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    // Inherent here: without source text there is no snippet (SARIF2010) or context region
    // (SARIF2011), and a file outside the source root needs an absolute URI (SARIF2016).
    const inherent = new Set([...acceptedNotes, 'SARIF2010', 'SARIF2011', 'SARIF2016']);
    expect(notes.filter((n) => !inherent.has(n.slice(0, n.indexOf(':'))))).toEqual([]);
    const results = parse(report).runs[0].results;
    expect(results.map((r) => r.ruleId)).toEqual(['parse-error', 'file-error']);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///work/sibling/t.json' });
    expect(results[1]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x%20y.yaml' });
  });

  it('describes the tool, the rules and the run', () => {
    const log = parse(fullReport());
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'media-lint', version: '0.1.0', semanticVersion: '0.1.0', informationUri: repositoryUrl });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);

    const descriptors = run.tool.driver.rules;
    expect(descriptors.map((d) => d.id)).toEqual(rules.map((r) => r.id));
    expect(descriptors.map((d) => d.name)).toEqual([
      'SchemaUnknownProperty',
      'LadderResolutionStep',
      'SecurityUnencryptedIngest',
      'GopClosedGop',
      'ParseError',
      'FileError',
      'NotFollowed',
      'SuppressionUnused',
      'SuppressionExpired',
      'SuppressionInvalid',
    ]);
    expect(descriptors.map((d) => d.defaultConfiguration.level)).toEqual(['error', 'warning', 'error', 'note', 'error', 'error', 'note', 'warning', 'warning', 'error']);
    const [unknown, ladder, security] = descriptors;
    expect(unknown).toMatchObject({
      shortDescription: { text: 'Properties must be defined by the resource type.' },
      fullDescription: { text: 'Reports a property that the resource specification does not define for the resource type.' },
      helpUri: docsUrl('schema/unknown-property'),
      properties: { tags: ['schema'], precision: 'high' },
    });
    expect(unknown!.help.text).toContain('Why it matters: CloudFormation rejects unknown properties');
    expect(unknown!.help.markdown).toContain(`[Rule documentation](${docsUrl('schema/unknown-property')})`);
    expect(unknown!.help.markdown).toContain('- [AWS::MediaLive::Channel](https://docs.aws.amazon.com/');
    expect(unknown!.properties['security-severity']).toBeUndefined();
    // Descriptions become complete sentences.
    expect(ladder!.shortDescription.text).toBe('Adjacent renditions of an ABR ladder should differ enough in bitrate.');
    expect(security!.properties).toEqual({ tags: ['security'], precision: 'high', 'security-severity': '7.5' });
  });

  it('tags rules with a security severity as security whatever their category', () => {
    const rule: RuleMeta = { ...rules[1]!, id: 'packaging/no-drm', category: 'packaging', securitySeverity: 5 };
    const log = parse({ ...cleanReport(), rules: [rule] });
    expect(log.runs[0].tool.driver.rules[0]!.properties).toEqual({ tags: ['packaging', 'security'], precision: 'high', 'security-severity': '5.0' });
  });

  it('reports each finding with its rule index, level, region, fingerprint and details', () => {
    const log = parse(fullReport());
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((d) => d.id);
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['gop/closed-gop', 'note'],
      ['parse-error', 'error'],
      ['schema/unknown-property', 'error'],
      ['ladder/resolution-step', 'warning'],
      ['security/unencrypted-ingest', 'error'],
    ]);

    const [cdk, parseError, unknown, ladder] = run.results;
    expect(unknown).toEqual({
      ruleId: 'schema/unknown-property',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Unknown property Colour on AWS::MediaLive::Channel.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'templates/live.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 6, startColumn: 7, endLine: 6, endColumn: 13, snippet: { text: 'Colour' } },
            contextRegion: {
              startLine: 5,
              endLine: 7,
              snippet: { text: '      ChannelClass: STANDARD\n      Colour: blue\n      EncoderSettings:' },
            },
          },
          logicalLocations: [{ name: 'Channel', fullyQualifiedName: 'Channel', kind: 'resource' }],
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: 'c0ffee0000000001' },
      properties: { resourceType: 'AWS::MediaLive::Channel', propertyPath: 'colour' },
    });

    expect(parseError!.ruleIndex).toBe(4);
    expect(parseError!.locations[0]!.logicalLocations).toBeUndefined();
    expect(parseError!.properties).toBeUndefined();
    expect(parseError!.partialFingerprints).toEqual({ 'mediaLint/v1': 'c0ffee0000000005' });

    expect(ladder!.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 9, startColumn: 13, endLine: 10, endColumn: 51 });
    expect(ladder!.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'templates/live.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 10, startColumn: 13, endLine: 10, endColumn: 51, snippet: { text: '{ Name: v2, Width: 1280, Height: 720 }' } },
          contextRegion: expect.objectContaining({ startLine: 9, endLine: 11 }) as unknown,
        },
        message: { text: 'Same size as v1.' },
      },
    ]);

    expect(cdk!.properties).toEqual({
      constructPath: 'LiveStack/Channel/Resource',
      resourceType: 'AWS::MediaLive::Channel',
      propertyPath: 'encoder_settings.gop_closed_cadence',
    });
    expect(cdk!.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'lib/live-stack.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 42, startColumn: 5 } },
        message: { text: 'The CDK construct LiveStack/Channel/Resource is created here.' },
      },
    ]);
  });

  it('is byte-identical across calls and input orders', () => {
    const report = fullReport();
    const first = formatSarif(report);
    expect(formatSarif(report)).toBe(first);
    expect(formatSarif({ ...report, findings: [...report.findings].reverse() })).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first).not.toMatch(/TimeUtc|\d{4}-\d{2}-\d{2}T/);
  });

  it('adds a descriptor for a finding whose rule is not in report.rules', () => {
    const report = fullReport();
    const log = parse({ ...report, rules: report.rules.filter((r) => r.id !== 'gop/closed-gop') });
    const run = log.runs[0];
    const last = run.tool.driver.rules.at(-1)!;
    expect(last.id).toBe('gop/closed-gop');
    expect(last.defaultConfiguration.level).toBe('note');
    expect(run.results[0]!.ruleIndex).toBe(run.tool.driver.rules.length - 1);
  });

  it('derives PascalCase rule names, URIs and the source root', () => {
    expect(ruleName('schema/invalid-enum')).toBe('SchemaInvalidEnum');
    expect(ruleName('kinesis-video/retention-zero')).toBe('KinesisVideoRetentionZero');
    expect(ruleName('parse-error')).toBe('ParseError');
    expect(srcRootUri('/work/project')).toBe('file:///work/project/');
    expect(srcRootUri('/work/my project/')).toBe('file:///work/my%20project/');
    expect(srcRootUri('C:\\work\\repo')).toBe('file:///C:/work/repo/');
    expect(artifactLocation('templates/a b.yaml', '/w')).toEqual({ uri: 'templates/a%20b.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./templates/./a.yaml', '/w')).toEqual({ uri: 'templates/a.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('c:/a.yaml', '/w')).toEqual({ uri: 'c%3A/a.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/w/sub/a.yaml', '/w')).toEqual({ uri: 'sub/a.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('templates\\live.yaml', 'C:\\work\\repo')).toEqual({ uri: 'templates/live.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('D:\\other\\x.yaml', 'C:\\work\\repo')).toEqual({ uri: 'file:///D:/other/x.yaml' });
  });
});
