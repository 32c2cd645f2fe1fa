// The dry run over many files on every core: worker threads read and extract (the costly part,
// all in JavaScript), and the items come back in the order of the files, as they complete.
// Memory stays bounded: a worker gets its next file only when it has returned its last.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DryRunItem } from './run';

// The worker is TypeScript: it registers tsx's loader in its own thread before loading it.
const WORKER_SOURCE = `require('tsx/cjs/api').register(); require(${JSON.stringify(fileURLToPath(new URL('./dry-run-worker.ts', import.meta.url)))});`;

export async function* dryRunInParallel(files: readonly string[], workers: number): AsyncGenerator<DryRunItem> {
  const pool = Array.from({ length: Math.max(1, Math.min(workers, files.length)) }, () => new Worker(WORKER_SOURCE, { eval: true }));
  const done = new Map<number, DryRunItem>();
  let next = 0;
  let waiting: (() => void) | null = null;
  let failure: Error | null = null;
  const feed = (worker: Worker) => {
    if (next < files.length) worker.postMessage({ index: next, file: files[next++] });
    else worker.postMessage(null);
  };
  for (const worker of pool) {
    worker.on('message', ({ index, item }: { index: number; item: DryRunItem }) => {
      done.set(index, item);
      feed(worker);
      waiting?.();
    });
    worker.on('error', (error) => {
      failure = error;
      waiting?.();
    });
    feed(worker);
  }
  try {
    for (let emitted = 0; emitted < files.length; emitted++) {
      while (!done.has(emitted)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (waiting = resolve));
        waiting = null;
      }
      const item = done.get(emitted)!;
      done.delete(emitted);
      yield item;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
