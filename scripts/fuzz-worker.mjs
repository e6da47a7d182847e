// Entry of the fuzzing workers (scripts/fuzz.ts): registers tsx in the worker thread, then runs
// the TypeScript module, which sees that it is not the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./fuzz.ts');
