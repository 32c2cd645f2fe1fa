// The raw-SQL floor of a page: the statements the app ran for one request of it (captured with
// STANDPOINT_SQL_LOG on a server with the read cache off), replayed directly on better-sqlite3
// against the same file, read-only, each prepared once and timed per execution with all rows read.
import Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { timedGet } from './http';
import type { Live } from './server';
import { percentile } from './stats';
import type { Target } from './targets';

export type Statement = { sql: string; params: unknown[] };
export type Capture = { statements: Statement[] } | { error: string };

function readFrom(path: string, offset: number): string {
  if (!existsSync(path)) return '';
  const size = statSync(path).size;
  if (size <= offset) return '';
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/** A 404 page measured on purpose counts as answered. */
function expected(r: { status?: number }, target: Target): boolean {
  return target.expectStatus !== undefined && r.status === target.expectStatus;
}

/** Requests each target once to warm it, then once more, and keeps what that request logged. */
export async function captureSql(live: Live, logPath: string, targets: Target[], timeoutMs: number): Promise<Map<string, Capture>> {
  const captures = new Map<string, Capture>();
  for (const target of targets) {
    const warm = await timedGet(live.server.base, target.path, { timeoutMs });
    if (!warm.ok && !expected(warm, target)) {
      captures.set(target.name, { error: warm.error });
      if (warm.error.startsWith('timeout')) await live.restart();
      continue;
    }
    const offset = existsSync(logPath) ? statSync(logPath).size : 0;
    const result = await timedGet(live.server.base, target.path, { timeoutMs });
    if (!result.ok && !expected(result, target)) {
      captures.set(target.name, { error: result.error });
      if (result.error.startsWith('timeout')) await live.restart();
      continue;
    }
    const statements = readFrom(logPath, offset)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Statement);
    captures.set(target.name, { statements });
  }
  return captures;
}

function decode(value: unknown): unknown {
  if (value && typeof value === 'object') {
    if ('$blob' in value) return Buffer.from(String((value as { $blob: string }).$blob), 'base64');
    if ('$bigint' in value) return BigInt((value as { $bigint: string }).$bigint);
  }
  return value;
}

export type Floor = { p50Ms: number | null; p95Ms: number | null; samples: number; statements: number; rows: number; skipped: number };

export function replay(databasePath: string, statements: Statement[], options: { samples: number; budgetMs: number }): Floor {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  // The app's statements may call its time-budget function (db/sqlite/budget.ts); here it never ends one.
  db.function('within_budget', { deterministic: false }, () => 1);
  try {
    // Only reads are replayed: a page view that writes would show up as `skipped`.
    const prepared = statements.flatMap((s) => {
      const statement = db.prepare(s.sql);
      return statement.reader ? [{ statement: statement.raw(true), params: s.params.map(decode) }] : [];
    });
    const run = () => {
      let rows = 0;
      for (const { statement, params } of prepared) rows += statement.all(...params).length;
      return rows;
    };
    let rows = run();
    run();
    const times: number[] = [];
    const deadline = performance.now() + options.budgetMs;
    while (times.length < options.samples && (times.length < 3 || performance.now() < deadline)) {
      const t = performance.now();
      rows = run();
      times.push(performance.now() - t);
    }
    return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), samples: times.length, statements: prepared.length, rows, skipped: statements.length - prepared.length };
  } finally {
    db.close();
  }
}
