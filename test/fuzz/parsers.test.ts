/**
 * Short fuzzing run (a few hundred seeded cases per parser): mutated fixtures and generated inputs
 * go through the full `lint()`, which must return findings or located diagnostics and never throw
 * or hang. `npm run fuzz` runs the same property for much longer (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCase, describeInput, fuzzInput, fuzzTargets, scratchDirectory } from './harness.js';

const scratch = scratchDirectory();
afterAll(() => scratch.dispose());

/** Cases per parser; fixed seeds, so a failure reproduces. */
const runs: Record<string, number> = { json: 300, yaml: 300, terraform: 200, pangea: 200 };
const seeds: Record<string, number> = { json: 1101, yaml: 2202, terraform: 3303, pangea: 4404 };

describe('fuzzing: lint() never throws or hangs, and locates what it reports', () => {
  for (const target of fuzzTargets) {
    it(`${target}: ${runs[target]} mutated and generated inputs`, async () => {
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(fuzzInput(target), async (bytes) => {
          cases++;
          try {
            await checkCase(target, bytes, scratch.directory);
          } catch (error) {
            throw new Error(`${error instanceof Error ? error.message : String(error)}\ninput: ${describeInput(bytes)}`);
          }
        }),
        { numRuns: runs[target], seed: seeds[target], endOnFailure: true },
      );
      expect(cases).toBe(runs[target]);
    });
  }
});
