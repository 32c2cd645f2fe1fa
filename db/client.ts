import 'server-only';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyMigrations, databasePath, openDatabase, type Db } from './connection';
import * as schema from './schema';
import { sqlLogger, sqlLogPath } from './sql-log';

// One connection per server process; kept on globalThis so dev-mode reloads reuse it.
const globalForDb = globalThis as unknown as { standpointDb?: Db };

export function getDb(): Db {
  if (!globalForDb.standpointDb) {
    const db = openDatabase(databasePath());
    // Idempotent: a database already at the latest migration is left as it is.
    applyMigrations(db);
    // Opt-in SQL log for the benchmark's floors (db/sql-log.ts): the same connection, wrapped
    // by a drizzle instance that logs each statement. Off unless STANDPOINT_SQL_LOG is set.
    globalForDb.standpointDb = sqlLogPath() ? (drizzle(db.$client, { schema, logger: sqlLogger }) as Db) : db;
  }
  return globalForDb.standpointDb;
}

export type { Db };
