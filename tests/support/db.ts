// A real SQLite file built from the committed migrations and loaded with the real seed file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, openDatabase, type Db } from '@/db/connection';
import { seedIfEmpty } from '@/seeds/load';

export type TestDb = { db: Db; path: string; cleanup: () => void };

export function createTestDb(options: { seed?: boolean } = {}): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'standpoint-test-'));
  const path = join(dir, 'test.db');
  const db = openDatabase(path);
  applyMigrations(db);
  if (options.seed ?? true) seedIfEmpty(db);
  return {
    db,
    path,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Points the app's own connection (db/client.ts, used by route handlers) at a fresh seeded
 * database. Call before importing route modules.
 */
export function useSeededAppDb(): TestDb {
  const test = createTestDb();
  process.env.DATABASE_PATH = test.path;
  delete (globalThis as { standpointDb?: unknown }).standpointDb;
  return test;
}
