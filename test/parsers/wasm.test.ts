import { describe, expect, it } from 'vitest';
import { optimizedWasmThreshold, prefersBaselineWasm } from '../../src/parsers/wasm.js';
import { lintPaths } from '../support/lint.js';

describe('WebAssembly compilation for a run', () => {
  it('uses baseline code when the run reads Pangea or a little Terraform, optimized code for much Terraform', () => {
    expect(prefersBaselineWasm(new Map())).toBe(false);
    expect(prefersBaselineWasm(new Map([['cloudformation', 5_000_000]]))).toBe(false);
    expect(prefersBaselineWasm(new Map([['pangea', 7_000_000]]))).toBe(true);
    expect(prefersBaselineWasm(new Map([['terraform', 20_000], ['cloudformation', 9_000_000]]))).toBe(true);
    expect(prefersBaselineWasm(new Map([['terraform', optimizedWasmThreshold - 1]]))).toBe(true);
    expect(prefersBaselineWasm(new Map([['terraform', optimizedWasmThreshold], ['pangea', 10]]))).toBe(false);
  });

  it('is told the size of each front-end input before anything is parsed', async () => {
    const calls: Array<Map<string, number>> = [];
    await lintPaths(['examples/cloudformation/live-channel.yaml', 'fixtures/terraform/seed/live-streaming-platform'], {
      beforeParse: (bytes) => calls.push(new Map(bytes)),
    });
    expect(calls).toHaveLength(1);
    expect([...calls[0]!.keys()].sort()).toEqual(['cloudformation', 'terraform']);
    expect(calls[0]!.get('cloudformation')).toBeGreaterThan(1000);
    expect(calls[0]!.get('terraform')).toBeGreaterThan(1000);
  });
});
