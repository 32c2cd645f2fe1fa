// Creates a synthetic database file: migrated exactly like the app's (db/connection.ts), filled
// under load-only settings, and moved into place only once complete, so a file at the target
// path is always a finished database (the benchmark relies on this to reuse it).
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { applyMigrations, openDatabase } from '@/db/sqlite/connection';
import { generateSynthetic, type GenerateOptions, type GenerateReport } from './generate';

export type CreateOptions = GenerateOptions & { force?: boolean };

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true });
}

/** Why an existing file must not be overwritten without --force, or null if it may be replaced. */
export function refusalReason(path: string): string | null {
  if (!existsSync(path)) return null;
  if (statSync(path).size === 0) return null;
  let client: Database.Database | undefined;
  try {
    client = new Database(path, { readonly: true, fileMustExist: true });
    const tables = new Set((client.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    if (!['sources', 'actors', 'topics', 'quotes'].every((t) => tables.has(t))) return `${path} is not an empty Standpoint database`;
    const { n } = client.prepare(`select (select count(*) from sources) + (select count(*) from actors) + (select count(*) from topics) + (select count(*) from quotes) as n`).get() as {
      n: number;
    };
    return n > 0 ? `${path} already holds data` : null;
  } catch (error) {
    return `${path} cannot be read as a SQLite database (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    client?.close();
  }
}

export async function createSyntheticDatabase(path: string, options: CreateOptions): Promise<GenerateReport> {
  if (path === ':memory:') throw new Error('the synthetic generator writes a file; give DATABASE_PATH a file path');
  const refusal = refusalReason(path);
  if (refusal && !options.force) throw new Error(`${refusal}; use --force to replace it, or point DATABASE_PATH at a new file`);

  const partial = `${path}.partial`;
  removeDatabaseFiles(partial);
  const db = openDatabase(partial);
  let report: GenerateReport;
  try {
    applyMigrations(db);
    // Load-only settings: nothing here has to survive a crash, since the file is only moved
    // into place when complete.
    db.$client.pragma('journal_mode = OFF');
    db.$client.pragma('synchronous = OFF');
    db.$client.pragma('locking_mode = EXCLUSIVE');
    db.$client.pragma('temp_store = MEMORY');
    db.$client.pragma('cache_size = -1048576');
    report = await generateSynthetic(db, options);
    // The journal mode the app uses (openDatabase sets it too); it is stored in the file.
    db.$client.pragma('journal_mode = WAL');
  } catch (error) {
    db.$client.close();
    removeDatabaseFiles(partial);
    throw error;
  }
  db.$client.close();
  if (existsSync(`${partial}-wal`)) throw new Error(`${partial}-wal was left behind; the database was not closed cleanly`);
  removeDatabaseFiles(path);
  renameSync(partial, path);
  return report;
}
