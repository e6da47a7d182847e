import type { TSESLint } from '@typescript-eslint/utils';
import { presetSeverity } from '../config/resolve.js';
import { configValueProblems } from '../config/load.js';
import { presetNames, type PresetName, type RuleEntry } from '../config/schema.js';
import type { Severity } from '../engine/finding.js';
import type { RuleOptionValue } from '../engine/rule.js';
import { allRules } from '../rules/index.js';
import { toolVersion } from '../version.js';
import { createEslintRule } from './rules.js';

/**
 * The ESLint plugin (`media-lint/eslint-plugin`): media-lint's rules on the L1 constructs of a CDK
 * app's source, in the editor, for ESLint 9 and 10 flat config. One ESLint rule per media-lint rule,
 * with the same id (`media-lint/schema/invalid-enum`), docs page and options; see
 * `docs/eslint-plugin.md`.
 *
 * ```js
 * // eslint.config.js
 * import tseslint from 'typescript-eslint';
 * import mediaLint from 'media-lint/eslint-plugin';
 * export default [...tseslint.configs.recommended, mediaLint.configs.recommended];
 * ```
 */

const PLUGIN = 'media-lint';

type EslintSeverity = 'off' | 'warn' | 'error';
type RuleSetting = EslintSeverity | [EslintSeverity, Record<string, RuleOptionValue>];

const rules = Object.fromEntries(allRules.map((rule) => [rule.meta.id, createEslintRule(rule)]));

/** ESLint has two levels: media-lint's `info` and `warning` are both `warn`. */
function eslintSeverity(severity: Severity | 'off'): EslintSeverity {
  return severity === 'off' ? 'off' : severity === 'error' ? 'error' : 'warn';
}

function presetRules(preset: PresetName): Record<string, RuleSetting> {
  return Object.fromEntries(allRules.map((rule) => [`${PLUGIN}/${rule.meta.id}`, eslintSeverity(presetSeverity(preset, rule.meta))]));
}

const plugin = {
  meta: { name: PLUGIN, version: toolVersion },
  rules,
  configs: {} as Record<PresetName, TSESLint.FlatConfig.Config>,
};

for (const preset of presetNames) {
  plugin.configs[preset] = { name: `${PLUGIN}/${preset}`, plugins: { [PLUGIN]: plugin as unknown as TSESLint.FlatConfig.Plugin }, rules: presetRules(preset) };
}

/** media-lint's configuration, in the shape of its configuration file (without `ignore` and
 * `overrides`: ESLint's own `ignores` and `files` do that). */
export interface MediaLintConfig {
  preset?: PresetName;
  extends?: PresetName;
  rules?: Record<string, RuleEntry>;
}

/**
 * A flat config object from media-lint's configuration: the preset's rules, then `rules`
 * (`'ladder/step-ratio': { severity: 'error', options: { maxRatio: 1.8 } }`). Throws an Error
 * listing every problem, as the command line does for a configuration file. `suppression/*` entries
 * are accepted and have no effect: ESLint's disable comments take their place.
 */
export function configure(config: MediaLintConfig = {}): TSESLint.FlatConfig.Config {
  const problems: string[] = [];
  for (const key of ['ignore', 'overrides'] as const) {
    if (key in config) problems.push(`${key}: not available in ESLint; use the "${key === 'ignore' ? 'ignores' : 'files'}" of a flat config object instead`);
  }
  const rest = Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'ignore' && key !== 'overrides'));
  problems.push(...configValueProblems(rest));
  if (problems.length > 0) throw new Error(`Invalid media-lint configuration for ESLint:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);

  const settings = presetRules(config.preset ?? config.extends ?? 'recommended');
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const key = `${PLUGIN}/${id}`;
    if (!(key in settings)) continue;
    const current = settings[key]!;
    const currentSeverity = Array.isArray(current) ? current[0] : current;
    if (typeof entry === 'string') {
      settings[key] = eslintSeverity(entry);
      continue;
    }
    const severity = entry.severity === undefined ? currentSeverity : eslintSeverity(entry.severity);
    settings[key] = entry.options ? [severity, entry.options as Record<string, RuleOptionValue>] : severity;
  }
  return { name: `${PLUGIN}/configured`, plugins: { [PLUGIN]: plugin as unknown as TSESLint.FlatConfig.Plugin }, rules: settings };
}

export { rules };
export default plugin;
