// Start-up refuses, in one line naming the file and the problem, any database it cannot or must
// not use, and never writes into a file that is not a Standpoint database. Checked on the
// opener itself (db/open-app-db.ts), on the app's lazy connection (db/client.ts) and on
// `npm run prepare-db` (scripts/prepare-db.ts) run as a real process.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_FOLDER, openDatabase } from '@/db/sqlite/connection';
import { DatabaseStartupError, openAppDatabase } from '@/db/sqlite/open-app-db';
import { createTestDb } from '@/tests/support/db';
import { corruptPage, fingerprint, overwriteBytes, rootPage } from '@/tests/support/sqlite-files';

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'standpoint-startup-'));
  // Traversable by the unprivileged user the read-only test runs as (see below).
  chmodSync(root, 0o755);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh directory for one case. */
function caseDir(): string {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  return dir;
}

/** A seeded Standpoint database file in its own directory. */
function seededFile(): string {
  const test = createTestDb();
  // Closing the only connection checkpoints the WAL into the file, so a copy is complete.
  test.db.$client.close();
  const path = join(caseDir(), 'standpoint.db');
  copyFileSync(test.path, path);
  test.cleanup();
  return path;
}

/** A SQLite file made by someone else: a table, rows, no Standpoint migrations. */
function foreignSqliteFile(): string {
  const path = join(caseDir(), 'people.db');
  const client = new Database(path);
  client.exec(`create table people (id integer primary key, name text); insert into people (name) values ('Ada'), ('Grace');`);
  client.close();
  return path;
}

function refusal(path: string, options: { quickCheck?: boolean } = {}): DatabaseStartupError {
  try {
    openAppDatabase(path, options).$client.close();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseStartupError);
    return error as DatabaseStartupError;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('openAppDatabase accepts what is ours to write', () => {
  it('creates a missing file, and its missing directories, and migrates it', () => {
    const path = join(caseDir(), 'a', 'b', 'standpoint.db');
    const db = openAppDatabase(path, { quickCheck: true });
    try {
      expect(db.$client.prepare(`select count(*) from __drizzle_migrations`).pluck().get()).toBeGreaterThan(0);
    } finally {
      db.$client.close();
    }
  });

  it('opens an existing seeded database and runs a clean quick_check', () => {
    const path = seededFile();
    const db = openAppDatabase(path, { quickCheck: true });
    try {
      expect(db.$client.prepare(`select count(*) from quotes`).pluck().get()).toBeGreaterThan(0);
    } finally {
      db.$client.close();
    }
  });

  it('initialises an empty (0-byte) file and an empty SQLite database', () => {
    const empty = join(caseDir(), 'empty.db');
    writeFileSync(empty, '');
    openAppDatabase(empty).$client.close();
    const bare = join(caseDir(), 'bare.db');
    const client = new Database(bare);
    client.pragma('user_version = 0');
    client.close();
    openAppDatabase(bare).$client.close();
    for (const path of [empty, bare]) {
      const check = new Database(path, { readonly: true });
      expect(check.prepare(`select count(*) from sqlite_schema where name = 'quotes'`).pluck().get()).toBe(1);
      check.close();
    }
  });

  it('migrates forward a database that has only the first of our migrations', () => {
    // An older Standpoint: the same migrations folder with a journal that ends after the first.
    const older = join(caseDir(), 'migrations');
    cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
    const journalPath = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    expect(journal.entries.length).toBeGreaterThan(1);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const path = join(caseDir(), 'old.db');
    const db = openDatabase(path);
    migrate(db, { migrationsFolder: older });
    db.$client.close();

    const opened = openAppDatabase(path);
    try {
      const applied = opened.$client.prepare(`select count(*) from __drizzle_migrations`).pluck().get();
      expect(applied).toBe(journal.entries.length);
    } finally {
      opened.$client.close();
    }
  });
});

describe('openAppDatabase refuses, without writing, a file that is not ours', () => {
  it.each([
    ['a text file', () => writeAndReturn('notes.db', 'these are my notes, not a database\n'), /is not a SQLite database/],
    ['a foreign SQLite database', foreignSqliteFile, /is a SQLite database but not a Standpoint one \(it holds people/],
    [
      'a SQLite database with another migration history',
      () => {
        const path = foreignSqliteFile();
        const client = new Database(path);
        client.exec(`create table __drizzle_migrations (id serial primary key, hash text not null, created_at numeric);
          insert into __drizzle_migrations (hash, created_at) values ('0123456789abcdef', 1);`);
        client.close();
        return path;
      },
      /migration 1 of 1 is not this version's migration 1/,
    ],
    [
      'a Standpoint database from a newer version',
      () => {
        const path = seededFile();
        const client = new Database(path);
        client.exec(`insert into __drizzle_migrations (hash, created_at) values ('from-the-future', 9999999999999)`);
        client.close();
        return path;
      },
      /newer version of Standpoint/,
    ],
  ])('%s', (_what, make, message) => {
    const path = make();
    const before = fingerprint(path);
    const error = refusal(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('refusing to write into it');
    expect(fingerprint(path)).toEqual(before);
  });
});

function writeAndReturn(name: string, content: string): string {
  const path = join(caseDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('openAppDatabase stops on a file or path it cannot use', () => {
  it('a corrupted page (found by quick_check)', () => {
    const path = seededFile();
    corruptPage(path, rootPage(path, 'quotes_source_idx'));
    const error = refusal(path, { quickCheck: true });
    expect(error.message).toMatch(new RegExp(`^Cannot use the database ${escape(path)}: the file is corrupt \\(`));
    expect(error.message).not.toContain('\n');
  });

  it('a corrupted header', () => {
    const path = seededFile();
    // Page size, format versions, reserved bytes: garbage after the magic string.
    overwriteBytes(path, 16, Buffer.alloc(8, 0xff));
    const error = refusal(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/corrupt/);
  });

  it('a schema that does not match the migrations (a renamed column)', () => {
    const path = seededFile();
    const client = new Database(path);
    client.exec(`alter table quotes rename column text to quote_text`);
    client.close();
    const error = refusal(path);
    expect(error.message).toMatch(/its schema does not match its migrations: .*column quotes\.text is missing/);
  });

  it('a directory where the file should be', () => {
    const path = caseDir();
    expect(refusal(path).message).toMatch(/it is not a regular file/);
  });

  it('a path whose parent is a file', () => {
    const file = writeAndReturn('plain-file', 'x');
    const error = refusal(join(file, 'standpoint.db'));
    expect(error.message).toMatch(/its directory .*plain-file cannot be created: a part of the path is a file, not a directory/);
  });

  it('a directory that cannot be created (under /proc)', () => {
    const error = refusal('/proc/standpoint-test/standpoint.db');
    expect(error.message).toMatch(/^Cannot use the database \/proc\/standpoint-test\/standpoint\.db: its directory \/proc\/standpoint-test cannot be created: /);
    expect(existsSync('/proc/standpoint-test')).toBe(false);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the app connection (db/client.ts) applies the same refusal', () => {
  const saved = process.env.DATABASE_PATH;
  afterEach(() => {
    process.env.DATABASE_PATH = saved;
    delete (globalThis as { standpointDb?: unknown }).standpointDb;
  });

  it('getDb refuses a foreign SQLite database and leaves it untouched', async () => {
    const path = foreignSqliteFile();
    const before = fingerprint(path);
    process.env.DATABASE_PATH = path;
    delete (globalThis as { standpointDb?: unknown }).standpointDb;
    const { getDb } = await import('@/db/client');
    expect(() => getDb()).toThrow(DatabaseStartupError);
    expect(() => getDb()).toThrow(/not a Standpoint one/);
    expect(fingerprint(path)).toEqual(before);
  });
});

// --- the start-up script, as `npm start` runs it ----------------------------------------------

const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
const IS_ROOT = process.getuid?.() === 0;
// Root ignores permission bits, so a chmod 0555 directory does not stop it. The read-only case
// therefore runs the script as the unprivileged `nobody` (65534) when the suite runs as root.
const NOBODY = 65534;

function prepareDb(path: string, options: { asNobody?: boolean } = {}) {
  const result = spawnSync(process.execPath, [TSX, '--conditions=react-server', 'scripts/prepare-db.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_PATH: path, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** One line, naming the file, no stack frame. */
function expectOneLineNaming(stderr: string, path: string, problem: RegExp): void {
  const lines = stderr.split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).toContain(path);
  expect(stderr).toMatch(problem);
  expect(stderr).not.toMatch(/\n\s+at |\.ts:\d+:\d+/);
}

describe('scripts/prepare-db.ts (npm run prepare-db)', () => {
  it('creates, migrates and seeds a new database, then leaves it as it is', () => {
    const path = join(caseDir(), 'new', 'standpoint.db');
    const first = prepareDb(path);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Seeded /);
    const second = prepareDb(path);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/already has data; not seeding/);
  });

  it('stops on a corrupt file', () => {
    const path = seededFile();
    corruptPage(path, rootPage(path, 'stances'));
    const run = prepareDb(path);
    expect(run.status).toBe(1);
    expectOneLineNaming(run.stderr, path, /the file is corrupt/);
  });

  it('stops on a read-only directory', () => {
    const dir = caseDir();
    const path = join(dir, 'standpoint.db');
    chmodSync(dir, 0o555);
    try {
      const run = prepareDb(path, { asNobody: IS_ROOT });
      expect(run.status).toBe(1);
      expectOneLineNaming(run.stderr, path, new RegExp(`its directory ${escape(dir)} is not writable \\(permission denied\\)`));
      expect(existsSync(path)).toBe(false);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('stops on a path that cannot be created', () => {
    const file = writeAndReturn('not-a-directory', 'x');
    const path = join(file, 'standpoint.db');
    const run = prepareDb(path);
    expect(run.status).toBe(1);
    expectOneLineNaming(run.stderr, path, /cannot be created: a part of the path is a file, not a directory/);
  });

  it.each([
    ['a foreign SQLite database', foreignSqliteFile, /not a Standpoint one/],
    ['a file that is not SQLite', () => writeAndReturn('notes.db', 'plain text\n'), /is not a SQLite database/],
  ])('refuses %s and leaves it untouched', (_what, make, problem) => {
    const path = make();
    const before = fingerprint(path);
    const run = prepareDb(path);
    expect(run.status).toBe(1);
    expectOneLineNaming(run.stderr, path, problem);
    expect(fingerprint(path)).toEqual(before);
  });
});
