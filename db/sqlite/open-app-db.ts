// Opens the app's database file, or refuses with one sentence naming the file and the problem.
// Standpoint only ever writes into a database it made: a missing or empty file, an empty SQLite
// database, or one whose migration history is the start of ours. Any other file is refused
// before a single byte is written (no WAL switch, no migration table). A corrupt file is
// refused before migrating; a schema that differs from the migrations, after.
import Database from 'better-sqlite3';
// The database path is known only at run time: the fs calls below carry turbopackIgnore so
// the build does not trace the whole project as files the server might read.
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { applyMigrations, openDatabase, type Db } from './connection';
import { quickCheck } from './quick-check';
import { appliedMigrationHashes, describeShapeDifferences, expectedSchema, migrationHistoryProblem, readSchemaShape } from './schema-check';

/** A database the app cannot or must not use; the message is the whole story, no stack needed. */
export class DatabaseStartupError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Cannot use the database ${path}: ${problem}`);
    this.name = 'DatabaseStartupError';
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Node's and SQLite's error codes, in words a person starting the app can act on. */
export function explain(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return 'the disk is full';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return `the file is corrupt (SQLite: ${message}); restore it from a backup`;
    case 'SQLITE_READONLY':
      return `the file cannot be written (SQLite: ${message})`;
    case 'SQLITE_BUSY':
      return 'another process holds a lock on it';
    case 'SQLITE_CANTOPEN':
      return `SQLite cannot open it (${message})`;
    default:
      return message;
  }
}

export function startsWithSqliteHeader(path: string): boolean {
  const fd = openSync(/*turbopackIgnore: true*/ path, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** Why an existing SQLite file must not be written into, or null if it is ours (or empty). */
export function refusal(path: string): string | null {
  // A read-only connection never writes the file, but on a WAL-mode file it creates -wal and
  // -shm beside it; those it made (and left empty of data) are removed again below, so
  // looking leaves no trace.
  const created = ['-wal', '-shm'].map((suffix) => path + suffix).filter((side) => !existsSync(/*turbopackIgnore: true*/ side));
  const client = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const objects = client.prepare(`select name from sqlite_schema where name not like 'sqlite\\_%' escape '\\' order by name`).all() as { name: string }[];
    if (objects.length === 0) return null;
    const applied = appliedMigrationHashes(client);
    if (applied === null) {
      const names = objects.slice(0, 5).map((o) => o.name).join(', ');
      return `it is a SQLite database but not a Standpoint one (it holds ${names}${objects.length > 5 ? ', …' : ''} and no Standpoint migration history); refusing to write into it`;
    }
    const history = migrationHistoryProblem(applied, expectedSchema().hashes);
    return history ? `${history}; refusing to write into it` : null;
  } finally {
    client.close();
    for (const side of created) {
      if (existsSync(/*turbopackIgnore: true*/ side) && (side.endsWith('-shm') || statSync(/*turbopackIgnore: true*/ side).size === 0)) rmSync(/*turbopackIgnore: true*/ side);
    }
  }
}

/**
 * mkdir -p, one level at a time: Node's `recursive: true` never returns for a path that the
 * kernel refuses with ENOENT although its parent exists (any path under /proc).
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let existing = dir;
  while (!existsSync(/*turbopackIgnore: true*/ existing) && dirname(existing) !== existing) {
    missing.unshift(existing);
    existing = dirname(existing);
  }
  if (!statSync(/*turbopackIgnore: true*/ existing).isDirectory()) throw Object.assign(new Error(`${existing} is a file`), { code: 'ENOTDIR' });
  for (const level of missing) mkdirSync(/*turbopackIgnore: true*/ level);
}

/** Creates the directory if needed and proves a file can be created in it (as root, too). */
function ensureWritableDirectory(dir: string): string | null {
  try {
    makeDirectories(dir);
  } catch (error) {
    return `its directory ${dir} cannot be created: ${explain(error)}`;
  }
  const probe = join(dir, `.standpoint-write-probe-${process.pid}`);
  try {
    closeSync(openSync(/*turbopackIgnore: true*/ probe, 'wx'));
    unlinkSync(/*turbopackIgnore: true*/ probe);
  } catch (error) {
    return `its directory ${dir} is not writable (${explain(error)}); SQLite creates the database and its -wal and -shm files there`;
  }
  return null;
}

export type OpenOptions = {
  /** Also read every page (`PRAGMA quick_check`): seconds on a large file, so start-up only. */
  quickCheck?: boolean;
};

/**
 * The app's database at `path`, migrated to the latest schema and checked against it.
 * Throws DatabaseStartupError for anything that stops the app from using the file.
 */
export function openAppDatabase(path: string, options: OpenOptions = {}): Db {
  const file = path === ':memory:' ? path : resolve(path);
  const fail = (problem: string) => new DatabaseStartupError(file, problem);

  if (file !== ':memory:') {
    let size: number | null = null;
    try {
      const stat = statSync(/*turbopackIgnore: true*/ file);
      if (!stat.isFile()) throw fail('it is not a regular file');
      size = stat.size;
    } catch (error) {
      if (error instanceof DatabaseStartupError) throw error;
      // ENOTDIR: a parent is a file; creating the directory below says so.
      const code = (error as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fail(`it cannot be read: ${explain(error)}`);
    }
    const dirProblem = ensureWritableDirectory(dirname(file));
    if (dirProblem) throw fail(dirProblem);
    if (size !== null && size > 0) {
      let isSqlite: boolean;
      try {
        isSqlite = startsWithSqliteHeader(file);
        closeSync(openSync(/*turbopackIgnore: true*/ file, 'r+'));
      } catch (error) {
        throw fail(`it cannot be opened for reading and writing: ${explain(error)}`);
      }
      if (!isSqlite) throw fail('it is not a SQLite database (its first bytes are not the SQLite header); refusing to write into it');
      let problem: string | null;
      try {
        problem = refusal(file);
      } catch (error) {
        throw fail(explain(error));
      }
      if (problem) throw fail(problem);
    }
  }

  let db: Db | undefined;
  try {
    db = openDatabase(file);
    if (options.quickCheck) {
      const problem = quickCheck(db.$client);
      if (problem) throw fail(`the file is corrupt (${problem}); restore it from a backup`);
    }
    applyMigrations(db);
    const differences = describeShapeDifferences(expectedSchema().shape, readSchemaShape(db.$client));
    if (differences.length) throw fail(`its schema does not match its migrations: ${differences.slice(0, 3).join('; ')}`);
    return db;
  } catch (error) {
    db?.$client.close();
    if (error instanceof DatabaseStartupError) throw error;
    // A migration that fails on a corrupt page surfaces as drizzle's wrapper; its cause has the code.
    const cause = (error as { cause?: unknown }).cause ?? error;
    throw fail(explain(cause));
  }
}
