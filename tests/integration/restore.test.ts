// npm run restore: checks the backup, then swaps it in atomically, keeping the replaced database
// complete beside it (a crashed server's -wal included); an older backup is migrated forward.
// Every refusal leaves the live database exactly as it was and nothing beside it.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '@/db/sqlite/backup/backup';
import { SafekeepingError, withReadConnection } from '@/db/sqlite/backup/inspect';
import { restoreDatabase } from '@/db/sqlite/backup/restore';
import { MIGRATIONS_FOLDER, openDatabase } from '@/db/sqlite/connection';
import { openAppDatabase } from '@/db/sqlite/open-app-db';
import { expectedSchema } from '@/db/sqlite/schema-check';
import { createTestDb, dumpAllTables } from '@/tests/support/db';
import { corruptPage, fingerprint, overwriteBytes, rootPage } from '@/tests/support/sqlite-files';
import { holdOpen, startSqliteProcess } from '@/tests/support/sqlite-process';

let root: string;
let seeded: string;
let cases = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'standpoint-restore-'));
  const test = createTestDb();
  test.db.$client.close(); // checkpoints the WAL into the file
  seeded = join(root, 'seeded.db');
  copyFileSync(test.path, seeded);
  test.cleanup();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A directory holding a live database (seeded, and then given a topic the backup will not have). */
function liveCase(): { dir: string; live: string } {
  const dir = join(root, `case-${++cases}`);
  mkdirSync(dir);
  const live = join(dir, 'standpoint.db');
  copyFileSync(seeded, live);
  return { dir, live };
}

/** Read without leaving -wal and -shm files behind (a plain read-only connection would). */
const topics = (path: string) => withReadConnection(path, (client) => client.prepare('select slug from topics order by slug').pluck().all() as string[]);

function addTopic(path: string, slug: string): void {
  const db = openDatabase(path);
  db.$client.prepare(`insert into topics (slug, title, question, scale_labels) values (?, ?, 'Q?', '["a","b","c","d","e"]')`).run(slug, slug);
  db.$client.close();
}

async function backupOf(path: string, dir: string, name = 'backup.db'): Promise<string> {
  const to = join(dir, '..', `${dir.split('/').pop()}-${name}`);
  await backupDatabase({ from: path, to });
  return to;
}

describe('restore', () => {
  it('replaces the live database with the backup and keeps the replaced one beside it', async () => {
    const { dir, live } = liveCase();
    const backup = await backupOf(live, dir);
    addTopic(live, 'written-after-the-backup');
    const reading = openDatabase(backup, { readonly: true });
    const backupData = dumpAllTables(reading);
    reading.$client.close();

    const report = await restoreDatabase({ from: backup, to: live, now: () => new Date('2025-11-23T20:22:33.456Z') });

    expect(report.previous).toBe(`${live}.before-restore-20251123T202233Z`);
    expect(topics(live)).not.toContain('written-after-the-backup');
    expect(topics(report.previous!)).toContain('written-after-the-backup');
    expect(report.migrationsBefore).toBe(expectedSchema().hashes.length);
    expect(report.migrationsAfter).toBe(expectedSchema().hashes.length);
    const restored = openAppDatabase(live, { quickCheck: true });
    try {
      expect(dumpAllTables(restored)).toEqual(backupData);
    } finally {
      restored.$client.close();
    }
    // Nothing left over: no temporary copy, no -wal or -shm of the old file.
    expect(readdirSync(dir).sort()).toEqual(['standpoint.db', 'standpoint.db.before-restore-20251123T202233Z']);
  });

  it('creates the live database when there was none', async () => {
    const { dir, live } = liveCase();
    const backup = await backupOf(live, dir);
    rmSync(live);
    const report = await restoreDatabase({ from: backup, to: join(dir, 'new', 'standpoint.db') });
    expect(report.previous).toBeNull();
    expect(topics(join(dir, 'new', 'standpoint.db'))).toEqual(topics(backup));
  });

  it('migrates an older backup forward', async () => {
    const { dir } = liveCase();
    // An older Standpoint: the journal ends after the first migration.
    const older = join(dir, 'migrations');
    cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
    const journalPath = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const oldBackup = join(dir, 'old.db');
    const db = openDatabase(oldBackup);
    migrate(db, { migrationsFolder: older });
    db.$client.prepare(`insert into topics (slug, title, question, scale_labels) values ('old-topic', 'Old', 'Q?', '["a","b","c","d","e"]')`).run();
    db.$client.close();

    const live = join(dir, 'standpoint.db');
    const report = await restoreDatabase({ from: oldBackup, to: live });
    expect(report.migrationsBefore).toBe(1);
    expect(report.migrationsAfter).toBe(expectedSchema().hashes.length);
    expect(topics(live)).toEqual(['old-topic']);
    openAppDatabase(live, { quickCheck: true }).$client.close();
    // The backup itself is not touched by being restored.
    expect(readdirSync(dir).filter((f) => f.startsWith('old.db'))).toEqual(['old.db']);
  });

  it("keeps a crashed server's committed writes (still in its -wal) in the replaced database", async () => {
    const { dir, live } = liveCase();
    const backup = await backupOf(live, dir);
    // A server that commits, never checkpoints, and dies without closing: the write is only in the -wal.
    const crashing = startSqliteProcess(
      `
const db = new Database(input.path);
db.pragma('journal_mode = WAL');
db.pragma('wal_autocheckpoint = 0');
db.prepare("insert into topics (slug, title, question, scale_labels) values ('only-in-the-wal', 't', 'q', '[]')").run();
process.stdout.write('ready\\n');
process.kill(process.pid, 'SIGKILL');
`,
      { path: live },
    );
    await crashing.ready;
    await crashing.stop();
    expect(readdirSync(dir)).toContain('standpoint.db-wal');

    const report = await restoreDatabase({ from: backup, to: live });
    expect(topics(report.previous!)).toContain('only-in-the-wal');
    expect(topics(live)).not.toContain('only-in-the-wal');
    expect(readdirSync(dir).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
  });
});

describe('restore over a damaged live database', () => {
  it.each([
    ['a corrupt page', (live: string) => corruptPage(live, rootPage(live, 'quotes'))],
    ['a header SQLite cannot read', (live: string) => overwriteBytes(live, 0, Buffer.from('not a database header at all'))],
  ])('replaces one with %s, keeping it beside as it was', async (_name, damage) => {
    const { dir, live } = liveCase();
    const backup = await backupOf(live, dir);
    damage(live);
    const damaged = fingerprint(live).sha256;
    const report = await restoreDatabase({ from: backup, to: live });
    expect(fingerprint(report.previous!).sha256).toBe(damaged);
    expect(topics(live)).toEqual(topics(backup));
    openAppDatabase(live, { quickCheck: true }).$client.close();
  });
});

describe('restore refuses, leaving the live database untouched', () => {
  const foreign = (path: string) => {
    const client = new Database(path);
    client.exec(`create table people (id integer primary key, name text); insert into people (name) values ('Ada');`);
    client.close();
  };
  const withClient = (path: string, sql: string) => {
    const client = new Database(path);
    client.exec(sql);
    client.close();
  };
  const CASES: [string, (file: string) => void, RegExp][] = [
    ['a missing file', () => undefined, /Cannot restore from .*: no such file or directory$/],
    ['a directory', (file) => mkdirSync(file), /it is not a regular file$/],
    ['an empty file', (file) => writeFileSync(file, ''), /it is empty \(0 bytes\), not a database$/],
    ['a file that is not SQLite', (file) => writeFileSync(file, 'id,name\n1,Ada\n'), /it is not a SQLite database/],
    ['a SQLite database with no tables', (file) => withClient(file, 'pragma user_version = 1'), /it holds no Standpoint data/],
    ['a SQLite database that is not ours', foreign, /it is a SQLite database but not a Standpoint one \(it holds people/],
    [
      'a corrupt backup',
      (file) => {
        copyFileSync(seeded, file);
        corruptPage(file, rootPage(file, 'quotes'));
      },
      /it is corrupt/,
    ],
    [
      'a backup from a newer version',
      (file) => {
        copyFileSync(seeded, file);
        withClient(file, `insert into __drizzle_migrations (hash, created_at) values ('from-the-future', 9999999999999)`);
      },
      /it was migrated by a newer version of Standpoint/,
    ],
    [
      'a backup from another build',
      (file) => {
        copyFileSync(seeded, file);
        withClient(file, `update __drizzle_migrations set hash = 'another' where created_at = (select min(created_at) from __drizzle_migrations)`);
      },
      /its migration 1 of \d+ is not this version's migration 1/,
    ],
    [
      'a backup whose schema was changed by hand',
      (file) => {
        copyFileSync(seeded, file);
        withClient(file, 'create table notes (id integer primary key)');
      },
      /its schema does not match its migrations: unexpected table notes/,
    ],
  ];

  it.each(CASES)('%s', async (_name, make, expected) => {
    const { dir, live } = liveCase();
    const file = join(dir, 'candidate.db');
    make(file);
    const before = fingerprint(live);
    const listing = readdirSync(dir).sort();
    const error = await restoreDatabase({ from: file, to: live }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SafekeepingError);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).not.toContain('\n');
    expect(fingerprint(live)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('the live database itself', async () => {
    const { live } = liveCase();
    const error = await restoreDatabase({ from: live, to: live }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/it is the live database itself$/);
  });

  it('while another process (a running server) has the database open, which would keep reading the replaced file', async () => {
    const { dir, live } = liveCase();
    const backup = await backupOf(live, dir);
    const server = holdOpen(live);
    await server.ready;
    try {
      const before = fingerprint(live);
      const listing = readdirSync(dir).sort();
      const error = await restoreDatabase({ from: backup, to: live }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SafekeepingError);
      expect((error as Error).message).toMatch(/the database is open in another process \(is the server running\?\); stop it, then restore; nothing was changed$/);
      expect(fingerprint(live)).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(listing);
    } finally {
      await server.stop();
    }
    // Once it has stopped, the same restore goes through.
    await restoreDatabase({ from: backup, to: live });
  });
});

describe('npm run restore', () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

  it('says where the replaced database is kept and that the server must be started; refuses in one line with exit code 1', async () => {
    const { dir, live } = liveCase();
    const backup = await backupOf(live, dir);
    const done = run([backup], { DATABASE_PATH: live });
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^Restored .* to .*standpoint\.db: .*\n  the database it replaced is kept as .*standpoint\.db\.before-restore-\d{8}T\d{6}Z\n  start the server now/);

    const refused = run([join(dir, 'nothing-here.db')], { DATABASE_PATH: live });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^Cannot restore from .*nothing-here\.db: no such file or directory\n$/);
  });
});
