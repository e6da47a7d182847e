import { parentPort, workerData } from 'node:worker_threads';
import { runShard, type ShardJob } from './parallel.js';

// A worker thread of a parallel run (see parallel.ts): parses and checks one shard, posts the result.
parentPort?.postMessage(await runShard(workerData as ShardJob));
