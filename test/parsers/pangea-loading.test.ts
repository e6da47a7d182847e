import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { lintPaths } from '../support/lint.js';

const prismWasm = createRequire(import.meta.url).resolve('@ruby/prism').replace(/index\.js$/, 'prism.wasm');
const prismBytes = statSync(prismWasm).size;

describe('loading the Ruby parser', () => {
  it('happens only when a Pangea template is linted, and once per process', async () => {
    // The project's `lib` has no WebAssembly types: reach the global through a minimal shape.
    const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: ArrayBufferView): Promise<unknown> } }).WebAssembly;
    const compile = vi.spyOn(wasm, 'compile');
    const prismCompilations = () => compile.mock.calls.filter(([bytes]) => bytes.byteLength === prismBytes).length;

    await lintPaths(['fixtures/cloudformation/schema/invalid-enum/fail.yaml']);
    expect(prismCompilations()).toBe(0);

    // A Ruby file that holds no template is skipped without parsing.
    const { report } = await lintPaths(['fixtures/pangea/parser/not-a-template.rb']);
    expect(report.filesLinted).toBe(0);
    expect(prismCompilations()).toBe(0);

    await lintPaths(['fixtures/pangea/schema/invalid-enum/fail.rb']);
    await lintPaths(['fixtures/pangea/schema/out-of-range/fail.rb', 'fixtures/pangea/seed/webrtc-communication.rb']);
    expect(prismCompilations()).toBe(1);
    compile.mockRestore();
  });

  it('does not print the experimental WASI warning (the parser gets no WASI at all)', async () => {
    const warning = vi.spyOn(process, 'emitWarning');
    await lintPaths(['fixtures/pangea/schema/invalid-enum/pass.rb']);
    expect(warning.mock.calls.filter(([message]) => String(message).includes('WASI'))).toEqual([]);
    warning.mockRestore();
  });
});
