// A real SQLite file built from the committed migrations and loaded with the real seed file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, openDatabase, type Db } from '@/db/sqlite/connection';
import type { SeedFile } from '@/seeds/seed-file';
import { readSeedFile, seedIfEmpty } from '@/seeds/load';

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

/**
 * Row count of every table the migrations created: drizzle's bookkeeping, server settings and
 * the full-text index's own tables are left out, and `counters` (one fixed row per total) counts the sum of its totals.
 */
export function countAllRows(db: Db): Record<string, number> {
  const tables = (
    db.$client
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('__drizzle_migrations', 'settings') order by name`)
      .all() as { name: string }[]
  ).filter(({ name }) => !/_fts($|_)/.test(name));
  const count = (name: string) =>
    (db.$client.prepare(name === 'counters' ? 'select coalesce(sum(value), 0) as n from counters' : `select count(*) as n from "${name}"`).get() as { n: number }).n;
  return Object.fromEntries(tables.map(({ name }) => [name, count(name)]));
}

/** A private, mutable copy of the real seed file and its article bodies. */
export function seedCopy(): { seed: SeedFile; bodies: Map<string, string> } {
  const { seed, bodies } = readSeedFile();
  return { seed: structuredClone(seed) as SeedFile, bodies };
}

/**
 * Every row of every table, sqlite_sequence included (so that even an id consumed and rolled
 * back would show), ordered by rowid: equal dumps mean nothing at all changed.
 */
export function dumpAllTables(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare(`select name from sqlite_master where type = 'table' and name != '__drizzle_migrations' order by name`)
    .all() as { name: string }[];
  // The full-text index is derived from the rows (and checked against them elsewhere).
  const data = tables.filter(({ name }) => !/_fts($|_)/.test(name));
  return Object.fromEntries(data.map(({ name }) => [name, db.$client.prepare(`select * from "${name}" order by 1, 2`).all()]));
}
