import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { Finding } from '../engine/finding.js';
import { defaultOptions, docsUrl, type Rule, type RuleMeta, type RuleOption, type RuleOptionValue } from '../engine/rule.js';
import { analyseFile, findingsOf, type FileAnalysis } from './analysis.js';

/** Extra documentation fields of the plugin's rules (typescript-eslint's `PluginDocs`). */
export interface MediaLintRuleDocs {
  /** In media-lint's `recommended` preset (and the plugin's `recommended` config). */
  recommended: boolean;
  /** media-lint's default severity: `info` rules are `warn` in ESLint. */
  mediaLintSeverity: RuleMeta['severity'];
}

/** Every rule's docs URL is its `rules-docs/<id>.md` page, by construction. */
const createRule = RuleCreator<MediaLintRuleDocs>((name) => docsUrl(name));

/** The message of the suggestion that replaces a value written in place. */
export const SUGGESTION_MESSAGE_ID = 'suggestReplacement';

export type RuleOptions = [Record<string, RuleOptionValue>];

/** The ESLint rule `media-lint/<id>` for one media-lint rule. */
export function createEslintRule(rule: Rule) {
  const eslintRule = createMediaLintRule(rule);
  const createWithOptions = eslintRule.create;
  return {
    ...eslintRule,
    // A file without media constructs stops here, before RuleCreator copies the default options
    // (it clones them on every call: about a hundred rules times every file of the project).
    create(context: Parameters<typeof createWithOptions>[0]): ReturnType<typeof createWithOptions> {
      return analyseFile(context.sourceCode, context.filename) ? createWithOptions(context) : {};
    },
  };
}

function createMediaLintRule(rule: Rule) {
  const { meta } = rule;
  return createRule<RuleOptions, string>({
    name: meta.id,
    meta: {
      type: meta.severity === 'info' || meta.recommended === false ? 'suggestion' : 'problem',
      docs: { description: meta.description, recommended: meta.recommended !== false, mediaLintSeverity: meta.severity },
      messages: { ...meta.messages, ...(meta.hasSuggestions ? { [SUGGESTION_MESSAGE_ID]: 'Replace {{value}} with {{replacement}}.' } : {}) },
      schema: [optionsSchema(meta)],
      defaultOptions: [defaultOptions(meta)],
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
    },
    create(context, [options]) {
      const analysis = analyseFile(context.sourceCode, context.filename);
      if (!analysis) return {};
      return {
        Program() {
          for (const { finding, data } of findingsOf(analysis, rule, options)) {
            const suggest = meta.hasSuggestions ? suggestionFor(context.sourceCode, analysis, finding) : [];
            context.report({
              loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
              messageId: finding.messageId,
              data,
              ...(suggest.length > 0 ? { suggest } : {}),
            });
          }
        },
      };
    },
  });
}

type Suggestion = TSESLint.SuggestionReportDescriptor<string>;

/** Replaces the reported value when it is a string literal written in place: then the edit changes
 * exactly that setting (a value reached through a `const` may be used elsewhere). */
function suggestionFor(sourceCode: Readonly<TSESLint.SourceCode>, analysis: FileAnalysis, finding: Finding): Suggestion[] {
  const replacement = finding.suggestion?.replaceWith;
  if (typeof replacement !== 'string') return [];
  const start = sourceCode.getIndexFromLoc({ line: finding.line, column: finding.column - 1 });
  const end = sourceCode.getIndexFromLoc({ line: finding.endLine, column: finding.endColumn - 1 });
  const literal: TSESTree.StringLiteral | undefined = analysis.literals.get(start);
  if (!literal || literal.range[1] !== end) return [];
  const quote = literal.raw.startsWith("'") ? "'" : '"';
  return [
    {
      messageId: SUGGESTION_MESSAGE_ID,
      data: { value: literal.raw, replacement: `${quote}${escapeString(replacement, quote)}${quote}` },
      fix: (fixer) => fixer.replaceText(literal, `${quote}${escapeString(replacement, quote)}${quote}`),
    },
  ];
}

function escapeString(text: string, quote: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').split(quote).join(`\\${quote}`);
}

/** The options object of a rule: media-lint's `options` block for that rule, same names and types. */
function optionsSchema(meta: RuleMeta): JSONSchema4 {
  const properties: Record<string, JSONSchema4> = {};
  for (const [name, option] of Object.entries(meta.options ?? {})) properties[name] = optionSchema(option);
  return { type: 'object', properties, additionalProperties: false };
}

function optionSchema(option: RuleOption): JSONSchema4 {
  const value = option.default;
  const description = `${option.description} Default: ${JSON.stringify(value)}.`;
  if (typeof value === 'number') return { type: 'number', description };
  if (typeof value === 'string') return { type: 'string', description };
  if (typeof value === 'boolean') return { type: 'boolean', description };
  return { type: 'array', items: { type: 'string' }, description };
}
