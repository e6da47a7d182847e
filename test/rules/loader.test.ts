import { describe, expect, it } from 'vitest';
import { fixtureFindings } from '../support/lint.js';

describe('parse-error', () => {
  it("reports the parser's message at its line and column", async () => {
    expect(await fixtureFindings('cloudformation/parse-error/fail.yaml', 'parse-error')).toEqual([
      { ruleId: 'parse-error', line: 7, column: 7, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
    ]);
  });

  it('is not reported for a valid template', async () => {
    expect(await fixtureFindings('cloudformation/parse-error/pass.yaml', 'parse-error')).toEqual([]);
  });
});

describe('file-error', () => {
  it('reports a file that is not UTF-8 at the first bad byte', async () => {
    expect(await fixtureFindings('cloudformation/file-error/fail.yaml', 'file-error')).toEqual([
      { ruleId: 'file-error', line: 6, column: 16, message: 'fixtures/cloudformation/file-error/fail.yaml is not valid UTF-8 (invalid byte 0xe9 at byte 130)' },
    ]);
  });

  it('reads UTF-8 text', async () => {
    expect(await fixtureFindings('cloudformation/file-error/pass.yaml', 'file-error')).toEqual([]);
  });
});
