// npm run bench -- --quotes N [--json] [--duration S] …   (see --help)
// A benchmark, never part of `npm test`: builds or reuses the app build and a synthetic database,
// starts the built app on it, and measures from outside over HTTP against the raw-SQL floor.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SQL_LOG_ENV } from '@/db/sql-log';
import { parseCount } from '../synthetic/args';
import { createSyntheticDatabase } from '../synthetic/database';
import { DEFAULT_SEED } from '../synthetic/generate';
import { progressReporter } from '../synthetic/progress';
import { captureSql, replay, type Floor } from './floor';
import { closeConnections } from './http';
import { measure, type Measurement, type Settings } from './measure';
import { printReport, type CacheRun, type Report } from './report';
import { ensureBuild, Live, stopAll } from './server';
import { chooseTargets } from './targets';
import { throughput } from './throughput';

const READ_CACHE_ENV = 'STANDPOINT_READ_CACHE';
const RESPONSE_CACHE_ENV = 'STANDPOINT_RESPONSE_CACHE';
const HELP = `usage: npm run bench -- --quotes N [options]
  --quotes N         synthetic database size (data/bench-N.db, generated if missing)
  --db PATH          benchmark this database instead (generated there with --quotes if missing)
  --json             print only the JSON report on stdout
  --duration S       seconds of load per throughput run (default 15; 0 skips throughput)
  --samples N        measured requests per page (default 40), after --warmup N (default 5)
  --timeout S        per-request timeout (default 30); --budget S per page (default 60)
  --rate R           requests/s offered in the throughput run (default 300), --connections C (default 12)
  --cache off|on|both  which read-cache settings to measure (default both)
  --seed S           generator seed for a new database (default "${DEFAULT_SEED}")`;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quotes: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      duration: { type: 'string', default: '15' },
      samples: { type: 'string', default: '40' },
      warmup: { type: 'string', default: '5' },
      timeout: { type: 'string', default: '30' },
      budget: { type: 'string', default: '60' },
      rate: { type: 'string', default: '300' },
      connections: { type: 'string', default: '12' },
      cache: { type: 'string', default: 'both' },
      seed: { type: 'string', default: DEFAULT_SEED },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (!values.quotes && !values.db) throw new Error(`--quotes or --db is required\n${HELP}`);
  const quotes = values.quotes ? parseCount(values.quotes, '--quotes') : null;
  const number = (name: string, text: string, min = 0) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${text}"`);
    return n;
  };
  const settings: Settings = {
    warmup: number('warmup', values.warmup),
    samples: number('samples', values.samples, 1),
    exportSamples: 3,
    timeoutMs: number('timeout', values.timeout, 0.1) * 1000,
    budgetMs: number('budget', values.budget, 1) * 1000,
  };
  const durationSeconds = number('duration', values.duration);
  const cacheModes = values.cache === 'both' ? (['off', 'on'] as const) : values.cache === 'off' || values.cache === 'on' ? ([values.cache] as const) : null;
  if (!cacheModes) throw new Error(`--cache must be off, on or both, got "${values.cache}"`);

  ensureBuild(log);
  const database = resolve(values.db ?? join('data', `bench-${quotes}.db`));
  const generated = await ensureDatabase(database, quotes, values.seed);

  log('Choosing targets from the data…');
  const targets = chooseTargets(database);
  const work = mkdtempSync(join(tmpdir(), 'standpoint-bench-'));
  const serverLog = (name: string) => join(work, `${name}.log`);
  try {
    // 1. What SQL each page runs, on a server that logs it and caches nothing.
    log('Capturing the SQL of each page (read cache off, SQL log on)…');
    const sqlLog = join(work, 'sql.jsonl');
    const capture = await Live.start({ database, log: serverLog('capture'), env: { [SQL_LOG_ENV]: sqlLog, [READ_CACHE_ENV]: 'off', [RESPONSE_CACHE_ENV]: 'off', WEB_CONCURRENCY: '1' } });
    let captures;
    try {
      captures = await captureSql(capture, sqlLog, targets.pages, settings.timeoutMs);
    } finally {
      await capture.stop();
    }
    const floors = new Map<string, Floor | { error: string }>();
    for (const page of targets.pages) {
      const captured = captures.get(page.name);
      if (!captured || 'error' in captured) {
        floors.set(page.name, { error: captured?.error ?? 'not captured' });
        continue;
      }
      log(`  replaying ${page.name}: ${captured.statements.length} statements`);
      floors.set(page.name, replay(database, captured.statements, { samples: page.export ? settings.exportSamples : settings.samples, budgetMs: settings.budgetMs }));
    }

    // 2. Latency and throughput, with the read cache off (every request does its work) and on.
    const runs: CacheRun[] = [];
    for (const mode of cacheModes) {
      log(`Measuring with the read cache ${mode}…`);
      // Off: both caches (the read cache and the server's response cache), so every request
      // does its whole work. On: the app as `npm start` runs it.
      const off = mode === 'off' ? 'off' : undefined;
      const live = await Live.start({ database, log: serverLog(`cache-${mode}`), env: { [READ_CACHE_ENV]: off, [RESPONSE_CACHE_ENV]: off, [SQL_LOG_ENV]: undefined } });
      try {
        const baselines: Measurement[] = [];
        for (const b of targets.baselines) baselines.push(await measure(live, b, settings));
        const pages: Measurement[] = [];
        for (const page of targets.pages) {
          log(`  ${page.name} ${page.path}`);
          pages.push(await measure(live, page, settings));
        }
        let load = null;
        if (durationSeconds > 0) {
          log(`  throughput: ${values.rate} req/s offered for ${durationSeconds} s`);
          load = await throughput(live.server.base, targets.throughputMix, {
            rate: number('rate', values.rate, 1),
            connections: number('connections', values.connections, 1),
            durationSeconds,
            timeoutSeconds: Math.max(1, Math.ceil(settings.timeoutMs / 1000)),
          });
        }
        runs.push({ mode, baselines, pages, throughput: load });
      } finally {
        await live.stop();
      }
    }

    const report: Report = {
      quotes: quotes ?? targets.facts.quotes,
      database: { path: database, bytes: statSync(database).size, generated },
      machine: { cores: cpus().length, node: process.version },
      settings,
      targets,
      floors,
      runs,
    };
    printReport(report, values.json);
  } finally {
    closeConnections();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Reuses a finished database (the generator only moves complete files into place) or makes one. */
async function ensureDatabase(path: string, quotes: number | null, seed: string) {
  if (existsSync(path)) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const n = (db.prepare('select count(*) as n from quotes').get() as { n: number }).n;
      if (quotes !== null && n !== quotes) throw new Error(`${path} holds ${n} quotes, not ${quotes}; delete it or pass --db`);
    } finally {
      db.close();
    }
    log(`Reusing ${path}`);
    return null;
  }
  if (quotes === null) throw new Error(`${path} does not exist; pass --quotes N to generate it`);
  log(`Generating ${quotes} synthetic quotes into ${path}…`);
  const progress = progressReporter('quotes');
  try {
    const report = await createSyntheticDatabase(path, { quotes, seed, onProgress: progress.update, onStep: (step) => (progress.stop(), log(`  ${step}…`)) });
    return { seconds: Math.round(report.seconds.total * 10) / 10, quotesPerSecond: Math.round(report.quotesPerSecond) };
  } finally {
    progress.stop();
  }
}

// Never leave a server behind, even when interrupted.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

main().catch((error: unknown) => {
  log(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
