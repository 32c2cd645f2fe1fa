// Runs produce() on a worker thread and posts its batches; a shared counter of batches the
// main thread has inserted keeps the worker at most a few batches ahead (bounded memory).
import { parentPort, workerData } from 'node:worker_threads';
import { produce, type ProduceOptions } from './produce';

export type WorkerInput = ProduceOptions & { consumed: SharedArrayBuffer; maxAhead: number };
export type WorkerMessage = { type: 'batch'; batch: import('./produce').Batch } | { type: 'done'; stats: import('./produce').ProduceStats };

const input = workerData as WorkerInput;
const consumed = new Int32Array(input.consumed);
let posted = 0;
const stats = produce(input, (batch) => {
  for (let seen = Atomics.load(consumed, 0); posted - seen >= input.maxAhead; seen = Atomics.load(consumed, 0)) {
    Atomics.wait(consumed, 0, seen, 1000);
  }
  parentPort!.postMessage({ type: 'batch', batch } satisfies WorkerMessage);
  posted++;
});
parentPort!.postMessage({ type: 'done', stats } satisfies WorkerMessage);
