import 'server-only';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { databasePath, type Db } from './sqlite/connection';
import { openAppDatabase } from './sqlite/open-app-db';
import * as schema from './schema';
import { sqlLogger, sqlLogPath } from './sql-log';

// One connection per server process; kept on globalThis so dev-mode reloads reuse it.
const globalForDb = globalThis as unknown as { standpointDb?: Db };

export function getDb(): Db {
  if (!globalForDb.standpointDb) {
    // The same refusals as scripts/prepare-db.ts (a file that is not ours is never written
    // into); migrating is idempotent, so a database already at the latest migration is left
    // as it is. No quick_check here: /api/health runs it off the request thread.
    const db = openAppDatabase(databasePath());
    // Opt-in SQL log for the benchmark's floors (db/sql-log.ts): the same connection, wrapped
    // by a drizzle instance that logs each statement. Off unless STANDPOINT_SQL_LOG is set.
    globalForDb.standpointDb = sqlLogPath() ? (drizzle(db.$client, { schema, logger: sqlLogger }) as Db) : db;
  }
  return globalForDb.standpointDb;
}

export type { Db };
