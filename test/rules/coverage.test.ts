import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existingPages, fixturePath, renderDocs } from '../../scripts/generate-docs.js';
// @ts-expect-error: a plain JavaScript build script without type declarations
import { indexPath, renderRuleIndex } from '../../scripts/generate-rule-index.mjs';
import { loaderRules } from '../../src/engine/loader-rules.js';
import { docsUrl } from '../../src/engine/rule.js';
import { allRules } from '../../src/rules/index.js';
import { pangeaExemptions } from '../parsers/pangea-support.js';
import { repoRoot } from '../support/lint.js';

/** The input formats that exist so far; every rule needs a fixture pair in each. */
const formats = ['cloudformation', 'pangea', 'terraform'];

/**
 * Rules whose fixtures cannot exist in a format, by format, with the reason. Keep the reason
 * precise: an entry is a gap in what media-lint checks for that format, not a missing test.
 */
const exemptions: Record<string, Record<string, string>> = {
  cloudformation: {
    'not-followed': 'Only the Terraform front-end reports it (remote modules, large count/for_each); the CloudFormation front-end follows every construct it reads.',
  },
  pangea: pangeaExemptions,
  terraform: {
    'mediaconvert/job-role':
      'MediaConvert jobs are submitted through the API, not deployed: no Terraform provider has a job resource, so the rule has nothing to check in a Terraform configuration.',
  },
};
const allMetas = [...loaderRules, ...allRules.map((rule) => rule.meta)];

describe('rule registry', () => {
  it('is the generated index of the rule files', () => {
    expect(readFileSync(indexPath as string, 'utf8'), 'src/rules/index.ts is stale: run `npm run build`').toBe((renderRuleIndex as () => string)());
  });

  it('gives every rule the id of its file, in its category folder', () => {
    for (const rule of allRules) {
      expect(existsSync(join(repoRoot, 'src/rules', `${rule.meta.id}.ts`)), rule.meta.id).toBe(true);
      expect(rule.meta.id.split('/')[0]).toBe(rule.meta.category);
    }
  });

  it('has unique ids and complete metadata', () => {
    const ids = allMetas.map((meta) => meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of allMetas) {
      expect(meta.description.length, meta.id).toBeGreaterThan(10);
      expect(meta.details.length, meta.id).toBeGreaterThan(40);
      expect(meta.rationale.length, meta.id).toBeGreaterThan(40);
      expect(Object.keys(meta.messages).length, meta.id).toBeGreaterThan(0);
      expect(docsUrl(meta.id)).toContain(`rules-docs/${meta.id}.md`);
    }
  });
});

describe('rule documentation and fixtures', () => {
  it.each(allMetas.map((meta) => meta.id))('%s has a failing and a passing fixture in every format', (id) => {
    for (const format of formats) {
      if (exemptions[format]?.[id] !== undefined) continue;
      expect(fixturePath(id, format, 'fail'), `fixtures/${format}/${id}/fail.*`).toBeDefined();
      expect(fixturePath(id, format, 'pass'), `fixtures/${format}/${id}/pass.*`).toBeDefined();
    }
  });

  it('has a page for every rule and no page without a rule, all current', () => {
    const rendered = renderDocs();
    expect(existingPages(), 'rules-docs/ has pages without rules, or rules without pages: run `npm run docs`').toEqual([...rendered.keys()].sort());
    for (const [path, text] of rendered) {
      expect(readFileSync(join(repoRoot, 'rules-docs', path), 'utf8'), `rules-docs/${path} is stale: run \`npm run docs\``).toBe(text);
    }
  });
});
