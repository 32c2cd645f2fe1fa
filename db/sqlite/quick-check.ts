// SQLite's `PRAGMA quick_check` reads every page of the file, so it finds a corrupted page that
// a one-row read would miss. It takes time in proportion to the file, so the server runs it
// in a worker thread (better-sqlite3 blocks the thread it runs on) and keeps the result for a
// while; scripts run it inline.
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** At most this many problems are listed; one is enough to know the file is damaged. */
const MAX_PROBLEMS = 3;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Null when the file is sound, else SQLite's findings on one line. */
export function quickCheck(client: Database.Database): string | null {
  const rows = client.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[];
  const findings = rows.map((r) => oneLine(r.quick_check));
  return findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; ');
}

// Plain CommonJS run by `new Worker(..., { eval: true })`: no bundler sees it, so it loads
// better-sqlite3 from the app's node_modules at run time, as the server itself does.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const Database = createRequire(join(process.cwd(), 'package.json'))('better-sqlite3');
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('quick_check(' + workerData.max + ')');
  parentPort.postMessage({ findings: rows.map((r) => r.quick_check) });
} catch (error) {
  parentPort.postMessage({ error: error && error.message ? error.message : String(error) });
} finally {
  if (db) db.close();
}
`;

/** Runs quick_check on its own read-only connection in a worker thread. */
export function quickCheckInWorker(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, max: MAX_PROBLEMS } });
    worker.once('message', (message: { findings?: string[]; error?: string }) => {
      if (message.error !== undefined) return resolve(oneLine(message.error));
      const findings = (message.findings ?? []).map(oneLine);
      resolve(findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; '));
    });
    worker.once('error', (error) => resolve(`the check could not run: ${oneLine(error.message)}`));
    worker.once('exit', (code) => {
      if (code !== 0) resolve(`the check stopped with exit code ${code}`);
    });
  });
}

export type QuickCheckResult = { problem: string | null; checkedAt: number };

/**
 * The latest quick_check result for one file. A result younger than `maxAgeMs` is served as it
 * is; an older one is served while a fresh check runs in the background (so a health probe
 * never waits on a full-file read), and only the very first call waits for a check.
 */
export class QuickCheckCache {
  private result: QuickCheckResult | undefined;
  private running: Promise<QuickCheckResult> | undefined;

  constructor(
    private readonly path: string,
    // A quick_check reads the whole file (about 14 s at a million quotes): at most once in this
    // long per server worker, in the background.
    private readonly maxAgeMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
    private readonly check: (path: string) => Promise<string | null> = quickCheckInWorker,
  ) {}

  async current(): Promise<QuickCheckResult> {
    const result = this.result;
    if (result && this.now() - result.checkedAt < this.maxAgeMs) return result;
    const refresh = this.refresh();
    return result ?? refresh;
  }

  /** Settles when no check is running; for tests and orderly shutdown. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private refresh(): Promise<QuickCheckResult> {
    this.running ??= this.check(this.path).then(
      (problem) => {
        this.result = { problem, checkedAt: this.now() };
        this.running = undefined;
        return this.result;
      },
      (error: unknown) => {
        this.running = undefined;
        throw error;
      },
    );
    return this.running;
  }
}
