// The database half of /api/health: cheap enough for every probe. Per request it compares the
// migration history and the schema with what this build's migrations produce (the expected
// shape is computed once per process) and reads one row of each table; the full-file
// `quick_check` runs at most once every 15 minutes, off the request thread (quick-check.ts).
import 'server-only';
import type Database from 'better-sqlite3';
import { databasePath } from './connection';
import { DatabaseStartupError } from './open-app-db';
import { getDb } from '../client';
import { QuickCheckCache } from './quick-check';
import { appliedMigrationHashes, describeShapeDifferences, expectedSchema, expectedTables, migrationHistoryProblem, readSchemaShape } from './schema-check';

type Verified = { schemaVersion: number; migrations: Database.Statement; reads: { table: string; statement: Database.Statement }[] };

/** Per connection: the schema version last found to match, and the statements the check reuses. */
const verified = new WeakMap<Database.Database, Verified>();

/**
 * What is wrong with the schema or the tables right now, or null; all of it cheap. The shape
 * comparison reruns only when SQLite's schema cookie (`PRAGMA schema_version`, bumped by every
 * schema change from any connection) has moved since it last passed; the migration rows, which
 * are data, and the one-row reads run every time.
 */
export function schemaProblem(client: Database.Database): string | null {
  const { shape, hashes } = expectedSchema();
  const schemaVersion = client.pragma('schema_version', { simple: true }) as number;
  let state = verified.get(client);
  if (state?.schemaVersion !== schemaVersion) {
    const applied = appliedMigrationHashes(client);
    if (applied === null) return 'the migration table is missing';
    const differences = describeShapeDifferences(shape, readSchemaShape(client));
    if (differences.length) return `the schema does not match the migrations: ${differences.slice(0, 3).join('; ')}`;
    state = {
      schemaVersion,
      migrations: client.prepare(`select hash from "__drizzle_migrations" order by created_at, rowid`).pluck(),
      reads: expectedTables().map((table) => ({ table, statement: client.prepare(`select * from "${table.replaceAll('"', '""')}" limit 1`) })),
    };
    verified.set(client, state);
  }
  const applied = state.migrations.all() as string[];
  const history = migrationHistoryProblem(applied, hashes);
  if (history) return history;
  if (applied.length < hashes.length) return `${hashes.length - applied.length} migration(s) not applied`;
  for (const { table, statement } of state.reads) {
    try {
      statement.get();
    } catch (error) {
      return `table ${table} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return null;
}

const quickChecks = new Map<string, QuickCheckCache>();

function quickCheckCacheFor(path: string): QuickCheckCache {
  let cache = quickChecks.get(path);
  if (!cache) quickChecks.set(path, (cache = new QuickCheckCache(path)));
  return cache;
}

/** Null when the app's database is usable and sound, else why not, in one line. */
export async function databaseHealthProblem(): Promise<string | null> {
  try {
    const db = getDb();
    const problem = schemaProblem(db.$client);
    if (problem) return problem;
    if (db.$client.memory) return null;
    const { problem: corruption } = await quickCheckCacheFor(db.$client.name).current();
    return corruption ? `the file is corrupt (${corruption})` : null;
  } catch (error) {
    if (error instanceof DatabaseStartupError) return error.message;
    return `the database at ${databasePath()} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}
