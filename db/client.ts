import 'server-only';
import { applyMigrations, databasePath, openDatabase, type Db } from './connection';

// One connection per server process; kept on globalThis so dev-mode reloads reuse it.
const globalForDb = globalThis as unknown as { standpointDb?: Db };

export function getDb(): Db {
  if (!globalForDb.standpointDb) {
    const db = openDatabase(databasePath());
    // Idempotent: a database already at the latest migration is left as it is.
    applyMigrations(db);
    globalForDb.standpointDb = db;
  }
  return globalForDb.standpointDb;
}

export type { Db };
