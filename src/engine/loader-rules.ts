import type { RuleMeta } from './rule.js';

/**
 * The loader reports problems with the input itself under these ids. They are not checks on the
 * resource graph, but they appear in output like rules and have docs pages.
 */
export const loaderRules: readonly RuleMeta[] = [
  {
    id: 'parse-error',
    category: 'schema',
    severity: 'error',
    description: 'The file cannot be parsed.',
    details:
      'Reported when a template or configuration file is not valid JSON, YAML, HCL or Ruby. The finding points at the line and column where the parser stopped and repeats its message. Nothing else in that file is checked; every other file still is.',
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
];
