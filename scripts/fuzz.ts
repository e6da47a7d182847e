/**
 * `npm run fuzz`: the long fuzzing run. The property and the inputs are those of the short run in
 * `npm test` (test/fuzz/harness.ts): mutated fixtures and generated inputs for each parser go
 * through the full `lint()`, which must return findings or located diagnostics and never throw or
 * hang.
 *
 *   npm run fuzz -- [--cases 100000] [--targets json,yaml,terraform,pangea] [--seed 1] [--minutes M]
 *
 * Each target runs in a worker thread, so that a hang is caught: when one case takes longer than
 * the time limit the worker is terminated, the input is saved, and a new worker goes on with the
 * next cases. Inputs are drawn in seeded chunks (chunk i of a target uses seed + i), so a run is
 * reproducible and a failing case can be found again from its chunk and index. Failures are saved
 * under bench/corpus/fuzz-failures/ (git-ignored) and the run exits with code 1.
 *
 * `--minutes` bounds each target's time: the run stops at the case count or the time, whichever
 * comes first, and prints how many cases ran and the rate.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { caseTimeLimitMs, checkCase, describeInput, fuzzInput, fuzzTargets, repoRoot, scratchDirectory, type FuzzTarget } from '../test/fuzz/harness.js';

const CHUNK = 250;

interface WorkerInput {
  target: FuzzTarget;
  seed: number;
  /** First chunk and case within it to run. */
  chunk: number;
  index: number;
  /** Cases to run in all (counting from chunk 0). */
  cases: number;
}

type WorkerMessage =
  | { type: 'ready'; scratch: string }
  | { type: 'progress'; chunk: number; index: number; done: number; milliseconds: number; diagnostics: number }
  | { type: 'failure'; chunk: number; index: number; message: string; input: number[] }
  | { type: 'finished' };

async function workerMain(input: WorkerInput): Promise<void> {
  const scratch = scratchDirectory();
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  post({ type: 'ready', scratch: scratch.directory });
  let done = input.chunk * CHUNK + input.index;
  for (let chunk = input.chunk; done < input.cases; chunk++) {
    const values = fc.sample(fuzzInput(input.target), { seed: input.seed + chunk, numRuns: CHUNK });
    for (let index = chunk === input.chunk ? input.index : 0; index < values.length && done < input.cases; index++) {
      const bytes = values[index]!;
      try {
        const outcome = await checkCase(input.target, bytes, scratch.directory);
        done++;
        post({ type: 'progress', chunk, index, done, milliseconds: outcome.milliseconds, diagnostics: outcome.diagnostics });
      } catch (error) {
        done++;
        post({ type: 'failure', chunk, index, message: error instanceof Error ? error.message : String(error), input: [...bytes] });
        post({ type: 'progress', chunk, index, done, milliseconds: 0, diagnostics: 0 });
      }
    }
  }
  scratch.dispose();
  post({ type: 'finished' });
}

interface Options {
  cases: number;
  targets: FuzzTarget[];
  seed: number;
  minutes: number | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { cases: 100_000, targets: [...fuzzTargets], seed: 1, minutes: undefined };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => argv[++index] ?? '';
    if (argument === '--cases') options.cases = Number(value());
    else if (argument === '--targets') options.targets = value().split(',') as FuzzTarget[];
    else if (argument === '--seed') options.seed = Number(value());
    else if (argument === '--minutes') options.minutes = Number(value());
    else throw new Error(`unknown option ${argument}`);
  }
  return options;
}

interface TargetSummary {
  target: FuzzTarget;
  cases: number;
  seconds: number;
  failures: number;
  diagnostics: number;
  slowestMs: number;
  stoppedByTime: boolean;
}

function saveFailure(target: FuzzTarget, seed: number, chunk: number, index: number, message: string, input: Uint8Array): string {
  const directory = join(repoRoot, 'bench/corpus/fuzz-failures');
  mkdirSync(directory, { recursive: true });
  const name = `${target}-seed${seed}-chunk${chunk}-case${index}`;
  writeFileSync(join(directory, `${name}.input`), input);
  writeFileSync(join(directory, `${name}.txt`), `${message}\n\ninput: ${describeInput(input)}\n`);
  return join(directory, name);
}

function following(chunk: number, index: number): { chunk: number; index: number } {
  return index + 1 >= CHUNK ? { chunk: chunk + 1, index: 0 } : { chunk, index: index + 1 };
}

function previous(chunk: number, index: number): { chunk: number; index: number } {
  return index === 0 ? { chunk: chunk - 1, index: CHUNK - 1 } : { chunk, index: index - 1 };
}

function runTarget(target: FuzzTarget, options: Options): Promise<TargetSummary> {
  const started = performance.now();
  const deadline = options.minutes === undefined ? Infinity : started + options.minutes * 60_000;
  const summary: TargetSummary = { target, cases: 0, seconds: 0, failures: 0, diagnostics: 0, slowestMs: 0, stoppedByTime: false };
  let lastReport = started;
  return new Promise((resolve) => {
    const launch = (chunk: number, index: number) => {
      const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), {
        workerData: { target, seed: options.seed, chunk, index, cases: options.cases } satisfies WorkerInput,
      });
      let scratch = '';
      /** The last case the worker finished; the one after it is running. */
      let last = previous(chunk, index);
      let watchdog: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          // A hang: save the input the worker is on (its case file) and go on after it.
          const hung = following(last.chunk, last.index);
          const caseDirectory = join(scratch, 'case');
          const file = ['json', 'yaml', 'tf', 'rb'].map((extension) => join(caseDirectory, `input.${extension}`)).find(existsSync);
          const input = file ? new Uint8Array(readFileSync(file)) : new Uint8Array();
          summary.failures++;
          summary.cases++;
          const saved = saveFailure(target, options.seed, hung.chunk, hung.index, `no answer within ${caseTimeLimitMs * 3} ms (a hang)`, input);
          console.log(`  ${target}: HANG at chunk ${hung.chunk} case ${hung.index}, input saved to ${saved}`);
          void worker.terminate();
          const resume = following(hung.chunk, hung.index);
          launch(resume.chunk, resume.index);
        }, caseTimeLimitMs * 3);
      };
      worker.on('message', (message: WorkerMessage) => {
        switch (message.type) {
          case 'ready':
            scratch = message.scratch;
            arm();
            break;
          case 'progress': {
            summary.cases = message.done;
            summary.diagnostics += message.diagnostics;
            summary.slowestMs = Math.max(summary.slowestMs, message.milliseconds);
            last = { chunk: message.chunk, index: message.index };
            arm();
            const now = performance.now();
            if (now - lastReport > 30_000) {
              lastReport = now;
              console.log(`  ${target}: ${summary.cases} cases, ${(summary.cases / ((now - started) / 1000)).toFixed(0)}/s, ${summary.failures} failures (load ${loadavg()[0]!.toFixed(2)})`);
            }
            if (now > deadline) {
              summary.stoppedByTime = true;
              finish(worker);
            }
            break;
          }
          case 'failure': {
            summary.failures++;
            const saved = saveFailure(target, options.seed, message.chunk, message.index, message.message, new Uint8Array(message.input));
            console.log(`  ${target}: FAILURE at chunk ${message.chunk} case ${message.index}: ${message.message.split('\n')[0]} (saved to ${saved})`);
            break;
          }
          case 'finished':
            finish(worker);
            break;
        }
      });
      worker.on('error', (error) => {
        summary.failures++;
        console.log(`  ${target}: worker error: ${error.message}`);
        finish(worker);
      });
      const finish = (instance: Worker) => {
        clearTimeout(watchdog);
        void instance.terminate();
        summary.seconds = (performance.now() - started) / 1000;
        resolve(summary);
      };
    };
    launch(0, 0);
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(`media-lint fuzzing: ${options.cases} cases per target${options.minutes === undefined ? '' : ` or ${options.minutes} min`}, seed ${options.seed}, load ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const summaries: TargetSummary[] = [];
  for (const target of options.targets) {
    const summary = await runTarget(target, options);
    summaries.push(summary);
    console.log(
      `${target.padEnd(10)} ${String(summary.cases).padStart(7)} cases in ${summary.seconds.toFixed(0)} s (${(summary.cases / summary.seconds).toFixed(0)}/s), ` +
        `${summary.failures} failures, ${summary.diagnostics} inputs with a parse or file diagnostic, slowest case ${summary.slowestMs.toFixed(0)} ms` +
        (summary.stoppedByTime ? ' (stopped by --minutes)' : ''),
    );
  }
  process.exitCode = summaries.some((summary) => summary.failures > 0) ? 1 : 0;
}

if (isMainThread) await main();
else await workerMain(workerData as WorkerInput);
