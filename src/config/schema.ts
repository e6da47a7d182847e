import type { z } from 'zod';
import { suppressionRules } from '../engine/suppression-rules.js';
import type { RuleMeta, RuleOption } from '../engine/rule.js';
import { allRules } from '../rules/index.js';
import { zod } from './zod.js';

/**
 * The configuration file (`media-lint.config.json|yaml|yml`, or a `"media-lint"` key in
 * package.json). This zod schema is the source of truth: the loader validates with it, and
 * `schema/media-lint.config.schema.json` is generated from it (`npm run schema:config`). Because it
 * is built from the rule metadata, the JSON Schema lists every rule id and the names and types of
 * its options, so editors complete and check them.
 */

export const presetNames = ['recommended', 'strict', 'all'] as const;
export type PresetName = (typeof presetNames)[number];

export const severitySettings = ['off', 'info', 'warning', 'error'] as const;
export type SeveritySetting = (typeof severitySettings)[number];

/** Looked for in this order in each directory. */
export const configFileNames = ['media-lint.config.json', 'media-lint.config.yaml', 'media-lint.config.yml'] as const;
export const packageJsonKey = 'media-lint';

export const configSchemaId = 'https://raw.githubusercontent.com/media-lint/media-lint/main/schema/media-lint.config.schema.json';

/** Rules the configuration may name: every rule, and the suppression findings. */
export function configurableRules(): RuleMeta[] {
  return [...allRules.map((rule) => rule.meta), ...suppressionRules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// Named, so the JSON Schema defines them once (`$defs`) instead of once per rule. Made on first
// use, as everything here that needs zod (see zod.ts).
let named: { severitySetting: z.ZodEnum<{ [K in SeveritySetting]: K }>; severityObject: z.ZodType } | undefined;
function namedSchemas(): NonNullable<typeof named> {
  if (named) return named;
  const z = zod();
  const severitySetting = z
    .enum(severitySettings)
    .meta({ id: 'severitySetting', description: '`off` turns the rule off; `info`, `warning` or `error` sets its severity.' });
  const severityObject = z.strictObject({ severity: severitySetting.optional() }).meta({ id: 'severityObject', description: 'A rule without options: `{ severity }`.' });
  return (named = { severitySetting, severityObject });
}

const presetDescription =
  '`recommended` (the default): every rule not marked opinionated, at its default severity. `strict`: every rule, with `info` raised to `warning`. `all`: every rule at its default severity.';

function optionSchema(option: RuleOption): z.ZodType {
  const z = zod();
  const value = option.default;
  const base =
    typeof value === 'number' ? z.number() : typeof value === 'string' ? z.string() : typeof value === 'boolean' ? z.boolean() : z.array(z.string());
  return base.describe(`${option.description} Default: ${JSON.stringify(value)}.`);
}

function ruleEntrySchema(meta: RuleMeta, perPath: boolean): z.ZodType {
  const z = zod();
  const { severitySetting, severityObject } = namedSchemas();
  const options = Object.entries(meta.options ?? {});
  let object: z.ZodType = severityObject;
  if (!perPath && options.length > 0) {
    object = z.strictObject({
      severity: severitySetting.optional(),
      options: z
        .strictObject(Object.fromEntries(options.map(([name, option]) => [name, optionSchema(option).optional()])))
        .describe('Rule options; those left out keep their defaults.')
        .optional(),
    });
  }
  const recommended = meta.recommended === false ? ' Opinionated: not in the `recommended` preset.' : '';
  return z
    .union([severitySetting, object])
    .describe(`${meta.description} Default severity: ${meta.severity}.${recommended}`)
    .optional();
}

function rulesSchema(metas: readonly RuleMeta[], perPath: boolean): z.ZodType {
  const z = zod();
  return z
    .strictObject(Object.fromEntries(metas.map((meta) => [meta.id, ruleEntrySchema(meta, perPath)])))
    .describe(
      perPath
        ? 'Severity per rule id for the matching files (options cannot change per path).'
        : 'Per rule id: a severity (`off`, `info`, `warning`, `error`) or `{ severity, options }`.',
    );
}

export function configSchema(metas: readonly RuleMeta[] = configurableRules()) {
  const z = zod();
  return z
    .strictObject({
      $schema: z.string().optional().describe('URL or path of this JSON Schema, for editors.'),
      preset: z.enum(presetNames).optional().describe(presetDescription),
      extends: z.enum(presetNames).optional().describe(`Same as \`preset\`. ${presetDescription}`),
      rules: rulesSchema(metas, false).optional(),
      ignore: z
        .array(z.string())
        .optional()
        .describe('Files not to lint: patterns in .gitignore syntax, relative to the directory of this file (`cdk.out/`, `legacy/**/*.yaml`).'),
      overrides: z
        .array(
          z.strictObject({
            files: z.array(z.string()).min(1).describe('Patterns in .gitignore syntax, relative to the directory of this file.'),
            rules: rulesSchema(metas, true),
          }),
        )
        .optional()
        .describe('Severities for some files only; later entries win over earlier ones and over `rules`.'),
    })
    .refine((config) => config.preset === undefined || config.extends === undefined, {
      message: 'give either "preset" or "extends", not both',
      path: ['extends'],
    })
    .meta({
      $id: configSchemaId,
      title: 'media-lint configuration',
      description:
        'media-lint.config.json / .yaml / .yml, or the "media-lint" key of package.json. Found upward from each linted file (the nearest wins; the search stops at the repository root), or given with --config.',
    });
}

export type ConfigInput = z.infer<ReturnType<typeof configSchema>>;

export type RuleEntry = SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> };

/** The JSON Schema (draft 2020-12) checked in at `schema/media-lint.config.schema.json`. */
export function configJsonSchema(metas: readonly RuleMeta[] = configurableRules()): Record<string, unknown> {
  const { $schema, $id, title, description, ...rest } = zod().toJSONSchema(configSchema(metas), { io: 'input' }) as Record<string, unknown>;
  return { $schema, $id, title, description, ...rest };
}
