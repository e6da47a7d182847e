import { describe, expect, it } from 'vitest';
import { docsUrl } from '../../src/engine/rule.js';
import plugin, { configure, rules } from '../../src/eslint-plugin/index.js';
import { allRules } from '../../src/rules/index.js';
import { lintCode } from './support.js';

describe('plugin rules and configs', () => {
  it('has one ESLint rule per media-lint rule, with its id, docs page and options', () => {
    expect(Object.keys(rules).sort()).toEqual(allRules.map((rule) => rule.meta.id).sort());
    for (const rule of allRules) {
      const eslintRule = rules[rule.meta.id]!;
      expect(eslintRule.meta.docs?.url).toBe(docsUrl(rule.meta.id));
      expect(eslintRule.meta.docs?.url).toContain(`/rules-docs/${rule.meta.id}.md`);
      const [optionsSchema] = eslintRule.meta.schema as ReadonlyArray<{ properties: object }>;
      expect(Object.keys(optionsSchema!.properties).sort()).toEqual(Object.keys(rule.meta.options ?? {}).sort());
      expect(eslintRule.meta.hasSuggestions ?? false).toBe(rule.meta.hasSuggestions ?? false);
    }
    expect(plugin.meta.name).toBe('media-lint');
  });

  it('maps the presets: recommended leaves opinionated rules off; info and warning are warn', () => {
    const recommended = plugin.configs.recommended.rules!;
    for (const rule of allRules) {
      const expected = rule.meta.recommended === false ? 'off' : rule.meta.severity === 'error' ? 'error' : 'warn';
      expect(recommended[`media-lint/${rule.meta.id}`], rule.meta.id).toBe(expected);
      expect(plugin.configs.all.rules![`media-lint/${rule.meta.id}`]).toBe(rule.meta.severity === 'error' ? 'error' : 'warn');
    }
    expect(plugin.configs.recommended.plugins!['media-lint']).toBe(plugin);
  });

  it('configures from media-lint configuration, in the shape of the configuration file', () => {
    const config = configure({
      preset: 'strict',
      rules: {
        'schema/invalid-enum': 'warning',
        'security/access-logs-off': { severity: 'off' },
        'ladder/step-ratio': { options: { maxRatio: 1.8 } },
        'suppression/unused': 'off',
      },
    });
    expect(config.rules).toMatchObject({
      'media-lint/schema/invalid-enum': 'warn',
      'media-lint/security/access-logs-off': 'off',
      'media-lint/ladder/step-ratio': ['warn', { maxRatio: 1.8 }],
      'media-lint/codec/level-overspecified': 'warn',
    });
    expect(config.rules).not.toHaveProperty('media-lint/suppression/unused');
    expect(configure().rules).toEqual(plugin.configs.recommended.rules);
  });

  it('refuses a configuration the configuration file would refuse, listing every problem', () => {
    // The same messages as a configuration file gets, without its line and column.
    expect(() => configure({ rules: { 'schema/invalid-enums': 'error' } } as never)).toThrow(
      'Invalid media-lint configuration for ESLint:\n  rules["schema/invalid-enums"]: unknown rule; did you mean "schema/invalid-enum"?',
    );
    expect(() => configure({ preset: 'lenient' } as never)).toThrow('  preset: expected "recommended", "strict" or "all", got "lenient"');
    expect(() => configure({ ignore: ['cdk.out/'] } as never)).toThrow(/ignore: not available in ESLint; use the "ignores"/);
  });

  it('applies rule options given to ESLint', () => {
    const code = [
      "import * as mc from 'aws-cdk-lib/aws-mediaconvert';",
      'declare const stack: any;',
      "const encryption = { EncryptionType: 'SERVER_SIDE_ENCRYPTION_S3' };",
      "const fileGroup = { Destination: 's3://b/x/', DestinationSettings: { S3Settings: { Encryption: encryption } } };",
      "new mc.CfnJobTemplate(stack, 'T', { settingsJson: { OutputGroups: [{ OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS', FileGroupSettings: fileGroup }, Outputs: [] }] } });",
    ].join('\n');
    const unencrypted = (requireKms: boolean | undefined) =>
      lintCode(code, { ...plugin.configs.recommended, rules: { 'media-lint/security/mediaconvert-unencrypted-output': requireKms === undefined ? 'warn' : ['warn', { requireKms }] } })
        .filter((message) => message.ruleId === 'media-lint/security/mediaconvert-unencrypted-output').length;
    expect(unencrypted(undefined)).toBe(0);
    expect(unencrypted(false)).toBe(0);
    expect(unencrypted(true)).toBe(1);
    expect(() => lintCode(code, { ...plugin.configs.recommended, rules: { 'media-lint/security/mediaconvert-unencrypted-output': ['warn', { requireKMS: true }] } })).toThrow(/requireKMS|additional/i);
  });
});
