// Opt-in log of the SQL the app runs, for the benchmark's raw-SQL floors (scripts/bench): when
// STANDPOINT_SQL_LOG names a file, each statement is appended to it as one JSON line
// { "sql", "params" }. Off (one env lookup per statement) unless set. Statements run through
// drizzle are logged by db/client.ts; raw better-sqlite3 statements call logSql() themselves.
// Free of 'server-only' so that scripts and tests can use it.
import { appendFileSync } from 'node:fs';
import type { Logger } from 'drizzle-orm/logger';

export const SQL_LOG_ENV = 'STANDPOINT_SQL_LOG';

export function sqlLogPath(env: NodeJS.ProcessEnv = process.env): string | null {
  return env[SQL_LOG_ENV]?.trim() || null;
}

/** JSON has no BLOB or BigInt: written as { "$blob": base64 } and { "$bigint": "…" }. */
function encode(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $blob: Buffer.from(value).toString('base64') };
  // Buffer's own toJSON runs before the replacer sees it.
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return { $blob: Buffer.from((value as { data: number[] }).data).toString('base64') };
  }
  return value;
}

/** Appends one statement to the log, if logging is on. Synchronous, so a request's statements are on disk when its response ends. */
export function logSql(sql: string, params: readonly unknown[] = []): void {
  const path = sqlLogPath();
  if (path) appendFileSync(path, JSON.stringify({ sql, params }, encode) + '\n');
}

export const sqlLogger: Logger = { logQuery: (query, params) => logSql(query, params) };
