import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParseResult } from '@ruby/prism/src/deserialize.js';
import { parsePrism } from '@ruby/prism/src/parsePrism.js';
import { locateWasm } from '../wasm.js';

/**
 * The official Ruby parser (prism), compiled to WebAssembly, loaded once and only when a `.rb` file
 * is linted.
 *
 * `@ruby/prism`'s own `loadPrism()` instantiates the module with Node's `WASI`, which prints an
 * "experimental feature" warning on Node 20 and would let the parser reach the file system. The
 * parser needs none of it: it reads the source from its memory and writes the tree back. So the
 * module is instantiated here with inert WASI imports (no arguments, no environment, no
 * pre-opened directories, output discarded, every other call `ENOSYS`), and `parsePrism` from the
 * package does the rest, exactly as `loadPrism()` would.
 *
 * The parser recurses on the WebAssembly stack; a file nested a few hundred levels deep exhausts
 * it and traps. A trap leaves the instance in an undefined state (its stack pointer is not
 * restored), so the instance is dropped and a fresh one made for the next file.
 */
export interface RubyParser {
  /** Parses Ruby source; throws when the parser itself fails (a trap on hostile input). */
  parse(text: string): ParseResult;
}

/** The parts of the WebAssembly API used here (the project's `lib` has no DOM types). */
interface WasmModule {
  readonly brand?: 'module';
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
type WasmExports = Record<string, unknown>;
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Module: { imports(module: WasmModule): Array<{ module: string; name: string; kind: string }> };
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: WasmExports };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const ENOSYS = 52;
const EBADF = 8;
/** Memory above which an instance is replaced after a parse, so one huge file does not pin it. */
const maxRetainedMemory = 256 * 1024 * 1024;

let compiled: Promise<WasmModule> | undefined;

/** `prism.wasm` of the package, or the copy next to the GitHub Action's bundle (see ../wasm.ts). */
function wasmPath(): string {
  return locateWasm('prism.wasm', () => createRequire(import.meta.url).resolve('@ruby/prism').replace(/index\.js$/, 'prism.wasm'));
}

function instantiate(module: WasmModule): WasmExports {
  let memory: WasmMemory | undefined;
  const view = () => new DataView(memory!.buffer);
  const imports: Record<string, (...args: number[]) => number> = {};
  for (const entry of wasm.Module.imports(module)) {
    if (entry.kind === 'function') imports[entry.name] = () => ENOSYS;
  }
  const zeroCounts = (count: number, size: number) => {
    view().setUint32(count, 0, true);
    view().setUint32(size, 0, true);
    return 0;
  };
  imports.args_sizes_get = zeroCounts;
  imports.environ_sizes_get = zeroCounts;
  imports.args_get = () => 0;
  imports.environ_get = () => 0;
  imports.fd_prestat_get = () => EBADF;
  imports.fd_write = (_fd, iovs, count, written) => {
    const data = view();
    let total = 0;
    for (let index = 0; index < count; index++) total += data.getUint32(iovs + 8 * index + 4, true);
    data.setUint32(written, total, true);
    return 0;
  };
  imports.proc_exit = (code) => {
    throw new Error(`the Ruby parser exited with code ${code}`);
  };
  const instance = new wasm.Instance(module, { wasi_snapshot_preview1: imports });
  const exports = instance.exports;
  memory = exports.memory as WasmMemory;
  (exports._initialize as () => void)();
  return exports;
}

/** Loads the parser (once per process) and returns a parse function. */
export async function loadRubyParser(): Promise<RubyParser> {
  compiled ??= readWasm();
  const module = await compiled;
  let current: WasmExports | undefined;
  return {
    parse(text: string): ParseResult {
      const exports = (current ??= instantiate(module));
      try {
        return parsePrism(exports as Parameters<typeof parsePrism>[0], text, { version: 'latest' });
      } catch (error) {
        current = undefined;
        throw error;
      } finally {
        if (current && (current.memory as WasmMemory).buffer.byteLength > maxRetainedMemory) current = undefined;
      }
    },
  };
}

async function readWasm(): Promise<WasmModule> {
  try {
    return await wasm.compile(readFileSync(wasmPath()));
  } catch (error) {
    compiled = undefined;
    throw error;
  }
}
