// Fills an empty, migrated Standpoint database with synthetic coverage at any scale: articles
// over ten years, quotes whose offsets are true, dated stances with evidence and history, camps.
//
// The text is written on a worker thread (produce.ts) while this thread inserts the rows through
// prepared statements in large transactions (loader.ts), so the two cores share the work. The
// indexes of the big tables and the triggers that feed the full-text tables are set aside during
// the load and rebuilt once at the end (bulk.ts): sorting once is cheaper than inserting into ten
// indexes row by row. Every other trigger (copied keys, totals, evidence counts) runs as in the app.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '@/db/sqlite/connection';
import { restore, suspend } from './bulk';
import { Loader } from './loader';
import { DEFAULT_SEED, produce, type Batch, type ProduceStats } from './produce';
import type { WorkerInput, WorkerMessage } from './worker';

export { DEFAULT_SEED };

export type GenerateOptions = {
  /** Quote rows to write, all review states included. */
  quotes: number;
  seed?: string | number;
  /** Called as quotes are written (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Called at each finishing step (indexes, full-text, statistics). */
  onStep?: (step: string) => void;
  /** Write the text on a worker thread (default), or on this thread. Both give the same database. */
  worker?: boolean;
};

export type GenerateReport = ProduceStats & {
  seconds: { load: number; indexes: number; fts: number; analyze: number; total: number };
  /** Quote rows per second over the whole run, and over the row-writing phase alone. */
  quotesPerSecond: number;
  loadQuotesPerSecond: number;
};

const BULK_TABLES = ['quotes', 'sources', 'stances', 'stance_evidence'];

export function assertEmpty(db: Db): void {
  const row = db.$client.prepare(`select (select count(*) from sources) + (select count(*) from actors) + (select count(*) from topics) + (select count(*) from quotes) as n`).get() as {
    n: number;
  };
  if (row.n > 0) throw new Error('the database already holds data; the synthetic generator only fills an empty database');
}

export async function generateSynthetic(db: Db, options: GenerateOptions): Promise<GenerateReport> {
  const total = options.quotes;
  if (!Number.isSafeInteger(total) || total < 1) throw new Error(`the number of quotes must be a positive whole number, got ${total}`);
  assertEmpty(db);
  const client = db.$client;
  const step = options.onStep ?? (() => {});
  const started = performance.now();

  const suspended = suspend(client, BULK_TABLES);
  const loader = new Loader(client);
  const consume = (batch: Batch) => {
    loader.insert(batch.rows);
    options.onProgress?.(batch.quotesDone, total);
  };
  let stats: ProduceStats;
  try {
    const produceOptions = { quotes: total, seed: options.seed ?? DEFAULT_SEED };
    stats = options.worker === false ? produce(produceOptions, consume) : await produceOnWorker(produceOptions, consume);
    loader.flush();
  } catch (error) {
    loader.abort();
    throw error;
  }
  const loadSeconds = (performance.now() - started) / 1000;

  const timings = restore(client, suspended, step);
  step('statistics');
  const t = performance.now();
  // Sampled statistics: enough for the planner, seconds rather than minutes at a million rows.
  client.pragma('analysis_limit = 1000');
  client.exec('ANALYZE');
  client.pragma('optimize');
  const analyzeSeconds = (performance.now() - t) / 1000;
  const seconds = (performance.now() - started) / 1000;
  return {
    ...stats,
    seconds: { load: loadSeconds, indexes: timings.indexSeconds, fts: timings.ftsSeconds, analyze: analyzeSeconds, total: seconds },
    quotesPerSecond: stats.quotes / seconds,
    loadQuotesPerSecond: stats.quotes / loadSeconds,
  };
}

function produceOnWorker(options: { quotes: number; seed: string | number }, consume: (batch: Batch) => void): Promise<ProduceStats> {
  const consumed = new SharedArrayBuffer(4);
  const counter = new Int32Array(consumed);
  const file = pathToFileURL(join(process.cwd(), 'scripts', 'synthetic', 'worker.ts')).href;
  // The worker loads TypeScript through tsx, the same way the npm scripts run.
  const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`, {
    eval: true,
    workerData: { ...options, consumed, maxAhead: 4 } satisfies WorkerInput,
  });
  return new Promise((resolve, reject) => {
    let finished = false;
    worker.on('message', (message: WorkerMessage) => {
      if (finished) return;
      try {
        if (message.type === 'batch') {
          consume(message.batch);
          Atomics.add(counter, 0, 1);
          Atomics.notify(counter, 0);
        } else {
          finished = true;
          resolve(message.stats);
        }
      } catch (error) {
        finished = true;
        void worker.terminate();
        reject(error);
      }
    });
    worker.on('error', (error) => {
      finished = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!finished) reject(new Error(`the generator's worker thread stopped (exit code ${code}) before it finished`));
    });
  });
}
