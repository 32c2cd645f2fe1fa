// npm run backup: a consistent copy while another process keeps writing. The copy passes
// integrity_check and holds a prefix of the writes (every transaction whole or absent, no gaps),
// with counters, per-month counts and copied keys equal to what the rows give; the writer is
// never blocked. And the refusals: an existing destination, a source that is not ours.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '@/db/sqlite/backup/backup';
import { SafekeepingError } from '@/db/sqlite/backup/inspect';
import { createSyntheticDatabase } from '@/scripts/synthetic/database';
import { createTestDb } from '@/tests/support/db';
import { computedData, maintainedData, searchIndexProblems } from '@/tests/support/maintained';
import { startSqliteProcess } from '@/tests/support/sqlite-process';
import { fingerprint } from '@/tests/support/sqlite-files';

let dir: string;
let large: string;
let small: string;
let cases = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-backup-'));
  large = join(dir, 'large.db');
  await createSyntheticDatabase(large, { quotes: 20_000, seed: 'backup' });
  const test = createTestDb();
  test.db.$client.close();
  small = join(dir, 'small.db');
  copyFileSync(test.path, small);
  test.cleanup();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const caseDir = () => {
  const path = join(dir, `case-${++cases}`);
  mkdirSync(path);
  return path;
};

/**
 * A writer like the app: one short transaction per source and its quote, as fast as it can. It
 * never checkpoints, so its writes live only in the -wal, as between two checkpoints of a busy
 * server: a copy of the main file alone would miss them.
 */
const WRITER = `
const db = new Database(input.path);
db.pragma('journal_mode = WAL');
db.pragma('wal_autocheckpoint = 0');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
const source = db.prepare("insert into sources (title, publisher, body, body_sha256, date_note) values (?, 'writer', ?, ?, ?)");
const quote = db.prepare("insert into quotes (source_id, start, end, text, kind, speaker_label) values (?, 0, 6, ?, 'direct', 'writer')");
const write = db.transaction((i) => {
  const body = 'w' + String(i).padStart(5, '0') + ' was written in a loop while a backup ran';
  const id = source.run('writer-' + i, body, 'writer-sha-' + i, String(Date.now())).lastInsertRowid;
  quote.run(id, body.slice(0, 6));
});
let i = 0;
let stopping = false;
process.stdin.resume();
process.stdin.on('end', () => { stopping = true; });
(function loop() {
  if (stopping) { db.close(); process.stdout.write('wrote ' + i + '\\n'); process.exit(0); }
  write(++i);
  if (i === input.readyAfter) process.stdout.write('ready\\n');
  setImmediate(loop);
})();
`;

type WriterRow = { i: number; id: number; at: number; quotes: number };
const writerRows = (client: Database.Database) =>
  (
    client
      .prepare(`select cast(substr(title, 8) as integer) as i, id, cast(date_note as integer) as at, (select count(*) from quotes where source_id = sources.id) as quotes from sources where publisher = 'writer' order by i`)
      .all() as WriterRow[]
  );

describe('backup while another process writes', () => {
  let copy: Database.Database;
  let inCopy: WriterRow[];
  let inLive: WriterRow[];
  let started: number;
  let finished: number;

  beforeAll(async () => {
    const live = join(caseDir(), 'live.db');
    copyFileSync(large, live);
    const writer = startSqliteProcess(WRITER, { path: live, readyAfter: 20 });
    await writer.ready;
    started = Date.now();
    const report = await backupDatabase({ from: live, to: join(dir, 'while-writing.db') });
    finished = Date.now();
    expect(report.inspection.migrations).toBe(report.inspection.known);
    // Let the writer go on a little after the backup, then stop it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await writer.stop(), writer.output()).toBe(0);
    // Read-write: FTS5's integrity-check command is an INSERT (it changes nothing).
    copy = new Database(join(dir, 'while-writing.db'), { fileMustExist: true });
    inCopy = writerRows(copy);
    const liveClient = new Database(live, { readonly: true });
    inLive = writerRows(liveClient);
    liveClient.close();
  }, 120_000);
  afterAll(() => copy?.close());

  it('passes integrity_check and is one self-contained file (no -wal beside it), readable by its owner only', () => {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(existsSync(join(dir, 'while-writing.db-wal'))).toBe(false);
    expect(statSync(join(dir, 'while-writing.db')).mode & 0o777).toBe(0o600);
  });

  it('was taken while the writer kept committing: writes before and after its snapshot fall inside the backup', () => {
    const during = inLive.filter((r) => r.at >= started && r.at <= finished);
    expect(inCopy.some((r) => r.at >= started), 'the copy holds writes made after the backup began').toBe(true);
    expect(during.some((r) => r.i > inCopy.length), 'writes committed during the backup that its snapshot does not hold').toBe(true);
  });

  it('holds a prefix of the writes: every transaction whole, none missing before the last', () => {
    expect(inCopy.length).toBeGreaterThanOrEqual(20);
    expect(inCopy.map((r) => r.i)).toEqual(Array.from({ length: inCopy.length }, (_, k) => k + 1));
    expect(inCopy.every((r) => r.quotes === 1)).toBe(true);
    expect(inLive.slice(0, inCopy.length)).toEqual(inCopy);
  });

  it('has counters, per-month counts and copied keys equal to what its rows give, and a sound search index', () => {
    expect(maintainedData(copy)).toEqual(computedData(copy));
    expect(searchIndexProblems(copy, { words: false })).toEqual([]);
  });
});

describe('backup refuses', () => {
  it('an existing destination without --force, leaving it as it was; with --force it replaces it', async () => {
    const to = join(caseDir(), 'existing.db');
    writeFileSync(to, 'an earlier backup');
    writeFileSync(`${to}-wal`, 'a stale log that must not be replayed into the new backup');
    const before = fingerprint(to);
    const error = await backupDatabase({ from: small, to }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SafekeepingError);
    expect((error as Error).message).toMatch(/the destination exists; pass --force to replace it$/);
    expect(fingerprint(to)).toEqual(before);

    await backupDatabase({ from: small, to, force: true });
    const replaced = new Database(to, { readonly: true });
    expect(replaced.prepare('select count(*) from sources').pluck().get()).toBeGreaterThan(0);
    replaced.close();
    expect(existsSync(`${to}-wal`)).toBe(false);
  });

  it.each([
    ['a missing database', (d: string) => join(d, 'missing.db'), /no such file or directory/],
    ['a file that is not SQLite', (d: string) => (writeFileSync(join(d, 'notes.db'), 'plain text, not a database'), join(d, 'notes.db')), /not a SQLite database/],
    [
      'a SQLite database that is not ours',
      (d: string) => {
        const client = new Database(join(d, 'people.db'));
        client.exec('create table people (id integer primary key, name text)');
        client.close();
        return join(d, 'people.db');
      },
      /not a Standpoint one/,
    ],
  ])('%s, creating nothing at the destination', async (_name, makeSource, expected) => {
    const d = caseDir();
    const from = makeSource(d);
    const to = join(d, 'out', 'backup.db');
    const error = await backupDatabase({ from, to }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SafekeepingError);
    expect((error as Error).message).toMatch(expected);
    expect(existsSync(to)).toBe(false);
    expect(existsSync(join(d, 'out')) ? readdirSync(join(d, 'out')) : []).toEqual([]);
  });

  it('the database itself as the destination', async () => {
    const error = await backupDatabase({ from: small, to: small }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/the destination is the database itself/);
  });
});

describe('npm run backup', () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

  it('prints the size, the migrations and the times; refuses in one line with exit code 1; usage errors exit 2', () => {
    const to = join(caseDir(), 'cli.db');
    const done = run([to], { DATABASE_PATH: small });
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^Backed up .*small\.db to .*cli\.db: [\d.]+ (kB|MB), \d+ of \d+ migrations \(current\), integrity_check ok\n  copied in [\d.]+ s .*, checked in [\d.]+ s\n$/);
    expect(readFileSync(to).subarray(0, 15).toString()).toBe('SQLite format 3');

    const again = run([to], { DATABASE_PATH: small });
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/pass --force to replace it/);

    const usage = run([], { DATABASE_PATH: small });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run backup -- DEST/);
  });
});
