import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { runRules } from '../../src/engine/run-rules.js';
import plugin from '../../src/eslint-plugin/index.js';
import { ResourceGraph } from '../../src/graph/graph.js';
import { readCdkCode, type CdkCodeResult, type ScopeLike } from '../../src/parsers/cdk-code/index.js';
import { allRules } from '../../src/rules/index.js';
import { repoRoot } from '../support/lint.js';

// @typescript-eslint/rule-tester runs its cases as vitest tests.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A RuleTester for the plugin's rules: TypeScript, `stack.ts`. */
export function ruleTester(): RuleTester {
  return new RuleTester({ languageOptions: { parser: tsParser } });
}

type FlatConfig = TSESLint.FlatConfig.Config;

// ESLint lints a file only when a `files` pattern names it (a pattern matching every file does not count).
const sourceFiles = ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'];

/** Lints code with ESLint's Linter, the TypeScript parser and a plugin config (default: `all`). */
export function lintCode(code: string, config: FlatConfig = plugin.configs.all, filename = 'stack.ts'): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const configs = [{ files: sourceFiles, languageOptions: { parser: tsParser } }, { ...config, files: sourceFiles }];
  return linter.verify(code, configs as Linter.Config[], filename);
}

/** The CDK code front-end's result for some code, with ESLint's own scope analysis. */
export function readCode(code: string, filename = 'stack.ts'): CdkCodeResult | undefined {
  let result: CdkCodeResult | undefined;
  let failure: unknown;
  const capture = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: { sourceCode: TSESLint.SourceCode; filename: string }) {
      try {
        result = readCdkCode({
          program: context.sourceCode.ast,
          file: context.filename,
          text: context.sourceCode.text,
          scopeOf: (node) => context.sourceCode.getScope(node) as unknown as ScopeLike,
          visitorKeys: context.sourceCode.visitorKeys,
        });
      } catch (error) {
        failure = error;
      }
      return {};
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: sourceFiles, languageOptions: { parser: tsParser }, plugins: { probe: { rules: { read: capture } } }, rules: { 'probe/read': 'error' } }] as unknown as Linter.Config[],
    filename,
  );
  if (failure) throw failure;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filename}:${fatal.line}: ${fatal.message}`);
  return result;
}

/** Every rule's findings on a CDK source file (read as the ESLint plugin reads it), with property paths. */
export function codeFindings(path: string): Finding[] {
  const result = readCode(readFileSync(join(repoRoot, path), 'utf8'), path);
  if (!result) return [];
  return runRules(new ResourceGraph([result.scope]), allRules).findings;
}

/** Rule and canonical path of a finding, the unit of comparison between formats. */
export function parityKey(finding: Finding): string {
  return `${finding.ruleId} ${finding.resource?.address ?? '-'} ${finding.propertyPath ?? '(resource)'}`;
}
