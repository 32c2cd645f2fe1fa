// Is a file a sound Standpoint database that this version can use? What "ours" means is defined
// once, by the start-up checks (db/open-app-db.ts, db/schema-check.ts); this adds what a backup
// or a restore needs on top: every page read (`PRAGMA integrity_check`) and the migration count.
// SQLite-specific.
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { explain, refusal, startsWithSqliteHeader } from '../open-app-db';
import { appliedMigrationHashes, describeShapeDifferences, expectedSchema, readSchemaShape } from '../schema-check';

/** A refusal of a backup, restore, export or import: the message is the whole story, one line. */
export class SafekeepingError extends Error {
  /** The problem alone, without the file it was found in. */
  readonly problem: string;
  constructor(message: string, problem: string = message) {
    super(oneLine(message));
    this.name = 'SafekeepingError';
    this.problem = oneLine(problem);
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** At most this many integrity findings are listed; one is enough to know the file is damaged. */
const MAX_FINDINGS = 3;

/** What a sound file holds: how many of this version's migrations it has, and the last one's hash. */
export type Inspection = { migrations: number; known: number; lastHash: string };

const isCorruption = (error: unknown) => ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes(String((error as { code?: unknown }).code));

/** SQLite's words for a file it cannot read, without advice that fits start-up only. */
export function describeOpenError(error: unknown): string {
  if (isCorruption(error)) return `it is corrupt (SQLite: ${error instanceof Error ? error.message : String(error)})`;
  return explain(error);
}

/**
 * Runs `work` on a read-only connection. On a file in WAL mode SQLite creates -wal and -shm
 * beside it even for reading; the ones it created (and left without data) are removed again,
 * so that looking at a backup leaves no trace beside it.
 */
export function withReadConnection<T>(path: string, work: (client: Database.Database) => T): T {
  const reader = openReader(path);
  try {
    return work(reader.client);
  } finally {
    reader.close();
  }
}

/** A read-only connection whose close() also removes the side files opening it created. */
export function openReader(path: string): { client: Database.Database; close: () => void } {
  const created = ['-wal', '-shm'].map((suffix) => path + suffix).filter((side) => !existsSync(side));
  const client = new Database(path, { readonly: true, fileMustExist: true });
  client.pragma('busy_timeout = 5000');
  return {
    client,
    close: () => {
      client.close();
      for (const side of created) {
        if (existsSync(side) && (side.endsWith('-shm') || statSync(side).size === 0)) rmSync(side);
      }
    },
  };
}

/** Null when every page is sound, else SQLite's findings on one line. */
export function integrityProblem(client: Database.Database): string | null {
  const findings = (client.pragma(`integrity_check(${MAX_FINDINGS})`) as { integrity_check: string }[]).map((r) => r.integrity_check.replace(/\s+/g, ' ').trim());
  return findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; ');
}

/**
 * Checks that `path` is a sound Standpoint database this version can open (its migration history
 * is the start of ours; older is fine, it is migrated forward when used). Throws a
 * SafekeepingError "`label` `path`: problem" otherwise. `integrity: false` skips reading every
 * page, for a caller that checks the same pages elsewhere.
 */
export function inspectDatabaseFile(path: string, label: string, options: { integrity?: boolean } = {}): Inspection {
  const fail = (problem: string) => new SafekeepingError(`${label} ${path}: ${problem}`, problem);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw fail('it is not a regular file');
    size = stat.size;
  } catch (error) {
    if (error instanceof SafekeepingError) throw error;
    throw fail(explain(error));
  }
  if (size === 0) throw fail('it is empty (0 bytes), not a database');
  try {
    if (!startsWithSqliteHeader(path)) throw fail('it is not a SQLite database (its first bytes are not the SQLite header)');
  } catch (error) {
    if (error instanceof SafekeepingError) throw error;
    throw fail(`it cannot be read: ${explain(error)}`);
  }

  let notOurs: string | null;
  try {
    notOurs = refusal(path);
  } catch (error) {
    throw fail(describeOpenError(error));
  }
  // The start-up wording ends with what start-up does about it; here the caller says what it does.
  if (notOurs) throw fail(notOurs.replace(/; refusing to write into it$/, ''));

  const expected = expectedSchema();
  try {
    return withReadConnection(path, (client) => {
      const applied = appliedMigrationHashes(client);
      if (!applied?.length) throw fail('it holds no Standpoint data (no tables, no migrations)');
      if (options.integrity ?? true) {
        const problem = integrityProblem(client);
        if (problem) throw fail(`it is corrupt (integrity_check: ${problem})`);
      }
      if (applied.length === expected.hashes.length) {
        const differences = describeShapeDifferences(expected.shape, readSchemaShape(client));
        if (differences.length) throw fail(`its schema does not match its migrations: ${differences.slice(0, 3).join('; ')}`);
      }
      return { migrations: applied.length, known: expected.hashes.length, lastHash: applied[applied.length - 1]! };
    });
  } catch (error) {
    if (error instanceof SafekeepingError) throw error;
    throw fail(describeOpenError(error));
  }
}

/** "6 of 6 migrations (current)" or "4 of 6 migrations (older; migrated forward when restored)". */
export function describeMigrations({ migrations, known }: Inspection): string {
  return migrations === known ? `${migrations} of ${known} migrations (current)` : `${migrations} of ${known} migrations (older; migrated forward when restored)`;
}
