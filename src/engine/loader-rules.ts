import type { RuleMeta } from './rule.js';
import { suppressionRules } from './suppression-rules.js';

/**
 * The loader reports problems with the input itself under these ids. They are not checks on the
 * resource graph, but they appear in output like rules and have docs pages. They are always on:
 * the configuration cannot name them.
 */
export const inputRules: readonly RuleMeta[] = [
  {
    id: 'parse-error',
    category: 'schema',
    severity: 'error',
    description: 'The file cannot be parsed.',
    details:
      'Reported when a template or configuration file is not valid JSON, YAML, HCL or Ruby. The finding points at the line and column where the parser stopped and repeats its message. Nothing else in that file is checked; every other file still is. Terraform files are the exception: the HCL parser recovers from the error, so the rest of the module is still checked, without the attribute or block that holds the error.',
    rationale:
      'A file that does not parse cannot be deployed either, and a linter that skips it silently would report a clean run on a broken repository. The run exits with code 2.',
    messages: { parseError: '{{message}}' },
    appliesTo: '*',
    references: [{ title: 'YAML 1.2 specification', url: 'https://yaml.org/spec/1.2.2/' }, { title: 'RFC 8259, JSON', url: 'https://www.rfc-editor.org/rfc/rfc8259' }],
  },
  {
    id: 'file-error',
    category: 'schema',
    severity: 'error',
    description: 'The file or directory cannot be read.',
    details:
      'Reported when an input path does not exist, cannot be read (permissions), or a template is not valid UTF-8. The message names the file and the reason.',
    rationale: 'An input that cannot be read is not checked; the run exits with code 2 so that the gap is not mistaken for a clean result.',
    messages: { fileError: '{{message}}' },
    appliesTo: '*',
    references: [],
  },
  {
    id: 'not-followed',
    category: 'schema',
    severity: 'info',
    description: 'A part of the configuration that media-lint reads past rather than into.',
    details:
      'Reported by the Terraform front-end for a module whose source is not a local path (the registry, git, HTTP: only `./` and `../` modules are evaluated), a module that calls itself, modules nested more than 16 deep, and a `count` or `for_each` with more instances than media-lint expands (1000: the resource is then checked once, with `count.index` and `each.*` unknown). Locals that refer to each other in a cycle are reported as a warning, since Terraform rejects them. Values that come from what is not followed are unknown, so no rule reports on them.',
    rationale:
      'A linter that silently reads past part of a configuration lets a clean result hide a gap. The finding names where the checks stop without failing the run: unlike `parse-error` and `file-error`, it never changes the exit code.',
    messages: { notFollowed: '{{message}}' },
    appliesTo: '*',
    references: [{ title: 'Terraform: module sources', url: 'https://developer.hashicorp.com/terraform/language/modules/sources' }],
  },
];

/** Everything the loader reports: input problems, and findings about inline suppressions
 * (unused, expired, invalid; defined next to their logic, and configurable like rules). */
export const loaderRules: readonly RuleMeta[] = [...inputRules, ...suppressionRules];
