import 'server-only';
import { databasePath, type Db } from './connection';
import { openAppDatabase } from './open-app-db';

// One connection per server process; kept on globalThis so dev-mode reloads reuse it.
const globalForDb = globalThis as unknown as { standpointDb?: Db };

export function getDb(): Db {
  if (!globalForDb.standpointDb) {
    // The same refusals as scripts/prepare-db.ts (a file that is not ours is never written
    // into); migrating is idempotent, so a database already at the latest migration is left
    // as it is. No quick_check here: /api/health runs it off the request thread.
    globalForDb.standpointDb = openAppDatabase(databasePath());
  }
  return globalForDb.standpointDb;
}

export type { Db };
