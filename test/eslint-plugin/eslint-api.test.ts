import { join } from 'node:path';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/lint.js';

/**
 * A real ESLint run through its Node API on fixtures/eslint-project, whose flat config loads the
 * plugin as a user would (`import mediaLint from 'media-lint/eslint-plugin'`, resolved through the
 * package's exports to dist/, which `npm test` builds first) with `@typescript-eslint/parser`.
 * The same run and assertions with ESLint 10 (`eslint`) and ESLint 9 (`eslint9`, an npm alias).
 */
const project = join(repoRoot, 'fixtures/eslint-project');

for (const ESLint of [ESLint10, ESLint9]) {
  describe(`ESLint ${ESLint.version}`, () => {
    let results: ESLint10.LintResult[];

    const messagesOf = (file: string) => {
      const result = results.find((candidate) => candidate.filePath === join(project, file));
      if (!result) throw new Error(`${file} was not linted`);
      return result.messages.map((message) => ({ line: message.line, column: message.column, ruleId: message.ruleId, severity: message.severity, message: message.message }));
    };

    beforeAll(async () => {
      const eslint = new ESLint({ cwd: project, overrideConfigFile: join(project, 'eslint.config.js') });
      results = await eslint.lintFiles(['lib/**/*.ts']);
    });

    describe('the plugin in an ESLint run', () => {
      it('reports the media mistakes of a CDK stack on the exact properties', () => {
        expect(messagesOf('lib/live-stack.ts')).toEqual([
          {
            line: 16,
            column: 21,
            ruleId: 'media-lint/schema/invalid-enum',
            severity: 2,
            message: '"SINGLE_PIPLINE" is not a valid value for channelClass in AWS::MediaLive::Channel; did you mean "SINGLE_PIPELINE"?',
          },
          {
            line: 26,
            column: 93,
            ruleId: 'media-lint/reference/destination-ref-id',
            severity: 2,
            message: "DestinationRefId 'archvie' does not match any destination of the channel; did you mean 'archive'?",
          },
        ]);
      });

      it('offers the closest valid value as a suggestion', () => {
        const result = results.find((candidate) => candidate.filePath.endsWith('live-stack.ts'))!;
        const invalidEnum = result.messages.find((message) => message.ruleId === 'media-lint/schema/invalid-enum')!;
        expect(invalidEnum.suggestions).toEqual([{ messageId: 'suggestReplacement', desc: "Replace 'SINGLE_PIPLINE' with 'SINGLE_PIPELINE'.", data: expect.any(Object), fix: expect.any(Object) }]);
        expect(invalidEnum.suggestions![0]!.fix.text).toBe("'SINGLE_PIPELINE'");
      });

      it('applies media-lint rule settings given in the configuration file shape', () => {
        // kinesis-video/name-pattern set to `warning` (ESLint warn), the KMS key rule turned off.
        expect(messagesOf('lib/recording-stack.ts')).toEqual([
          { line: 7, column: 56, ruleId: 'media-lint/kinesis-video/name-pattern', severity: 1, message: expect.stringContaining("'front door'") },
          { line: 8, column: 125, ruleId: 'media-lint/schema/out-of-range', severity: 2, message: expect.stringContaining('messageTtlSeconds 600 is out of range') },
        ]);
      });

      it('reports nothing on props it cannot read (spread, calls, loops, let, imports) nor on files without media constructs', () => {
        expect(messagesOf('lib/dynamic.ts')).toEqual([]);
        expect(messagesOf('lib/settings.ts')).toEqual([]);
        expect(messagesOf('lib/unrelated.ts')).toEqual([]);
      });

      it('leaves a syntax error to ESLint', () => {
        const [fatal, ...rest] = messagesOf('lib/broken.ts');
        expect(rest).toEqual([]);
        expect(fatal).toMatchObject({ ruleId: null, severity: 2, line: 3, message: expect.stringContaining('Parsing error') });
      });

      it('honours ESLint disable comments with the media-lint rule id', () => {
        const result = results.find((candidate) => candidate.filePath.endsWith('live-stack.ts'))!;
        expect(result.suppressedMessages.map((message) => [message.line, message.ruleId, message.suppressions?.[0]?.justification])).toEqual([
          [34, 'media-lint/security/push-input-without-security-group', 'a lab input, torn down nightly'],
        ]);
      });
    });
  });
}
