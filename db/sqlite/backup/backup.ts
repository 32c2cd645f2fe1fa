// A consistent copy of the live database while the app serves and writes (SQLite-specific).
//
// SQLite's online backup API copies the database page by page. It is asked for every page in
// one step, so the copy is read inside one read transaction: in WAL mode that is a snapshot of
// the last committed transaction, and the app's writers are never blocked (a write that lands
// meanwhile is simply not in the copy). Copied in smaller steps, every write by the server
// between two steps would restart the copy, and a busy server could keep it from ever finishing.
// The copy is written beside its destination, checked, and renamed into place: DEST never holds
// half a backup.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { explain } from '../open-app-db';
import { fileSize, fsyncFile, fsyncParent, removeWithSideFiles, sideFiles } from './files';
import { inspectDatabaseFile, SafekeepingError, type Inspection } from './inspect';

/** sqlite3_backup_step's page count meaning "all that are left", as better-sqlite3 accepts it. */
export const ALL_PAGES = 0x7fffffff;

export type BackupReport = {
  from: string;
  to: string;
  bytes: number;
  /** Seconds spent copying (the only part that reads the live database). */
  copySeconds: number;
  /** Seconds spent checking the copy (integrity_check, migrations, schema). */
  checkSeconds: number;
  inspection: Inspection;
};

/** Copies `from` into `to` with SQLite's backup API, reading one snapshot. */
export async function copyDatabase(from: Database.Database, to: string): Promise<void> {
  await from.backup(to, { progress: () => ALL_PAGES });
}

export async function backupDatabase(options: { from: string; to: string; force?: boolean }): Promise<BackupReport> {
  const from = resolve(options.from);
  const to = resolve(options.to);
  const refuse = (problem: string) => new SafekeepingError(`Cannot back up ${from} to ${to}: ${problem}`, problem);

  if (from === to) throw refuse('the destination is the database itself');
  if (existsSync(to)) {
    if (!statSync(to).isFile()) throw refuse('the destination exists and is not a file; name the backup file itself');
    if (!options.force) throw refuse('the destination exists; pass --force to replace it');
  }
  // The live database must be ours and readable; its pages are checked on the copy, which holds the same pages.
  inspectDatabaseFile(from, 'Cannot back up', { integrity: false });
  try {
    mkdirSync(dirname(to), { recursive: true });
  } catch (error) {
    throw refuse(`its directory cannot be created: ${explain(error)}`);
  }

  const partial = join(dirname(to), `.${basename(to)}.partial-${process.pid}`);
  removeWithSideFiles(partial);
  try {
    const copyStarted = performance.now();
    const source = new Database(from, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await copyDatabase(source, partial);
    } finally {
      source.close();
    }
    // It holds everything, password hashes and session tokens included: for its owner's eyes only.
    chmodSync(partial, 0o600);
    // A backup is one self-contained file: no -wal beside it to forget when it is copied away.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const copySeconds = (performance.now() - copyStarted) / 1000;

    const checkStarted = performance.now();
    let inspection: Inspection;
    try {
      inspection = inspectDatabaseFile(partial, 'The copy', { integrity: true });
    } catch (error) {
      if (error instanceof SafekeepingError) throw refuse(`the copy failed its check (${error.problem}); nothing was written`);
      throw error;
    }
    const checkSeconds = (performance.now() - checkStarted) / 1000;

    fsyncFile(partial);
    // A -wal left beside an old DEST would be replayed into the new one when it is opened.
    for (const side of sideFiles(to)) rmSync(side);
    renameSync(partial, to);
    fsyncParent(to);
    return { from, to, bytes: fileSize(to) ?? 0, copySeconds, checkSeconds, inspection };
  } catch (error) {
    removeWithSideFiles(partial);
    if (error instanceof SafekeepingError) throw error;
    throw refuse(explain(error));
  }
}
