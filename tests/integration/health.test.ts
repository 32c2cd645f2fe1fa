// /api/health answers 503 with the reason when the schema no longer matches the migrations, a
// table cannot be read or the file is corrupt, and runs the full-file check at most once per
// interval, off the request thread.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QuickCheckCache, quickCheckInWorker } from '@/db/sqlite/quick-check';
import { createTestDb } from '@/tests/support/db';
import { corruptPage, rootPage } from '@/tests/support/sqlite-files';

type Health = { ok: boolean; counts?: Record<string, number>; error?: { status: number; message: string } };

let GET: () => Promise<Response>;
let dir: string;
let seeded: string;
let copies = 0;
const savedPath = process.env.DATABASE_PATH;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-health-'));
  const test = createTestDb();
  test.db.$client.close(); // checkpoints the WAL into the file
  seeded = join(dir, 'seeded.db');
  copyFileSync(test.path, seeded);
  test.cleanup();
  GET = (await import('@/app/api/health/route')).GET;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const app = globalThis as { standpointDb?: { $client: Database.Database } };

/** A private copy of the seeded database, with the app's connection pointed at it. */
function appOnCopy(): string {
  const path = join(dir, `copy-${++copies}.db`);
  copyFileSync(seeded, path);
  app.standpointDb?.$client.close();
  delete app.standpointDb;
  process.env.DATABASE_PATH = path;
  return path;
}
afterEach(() => {
  app.standpointDb?.$client.close();
  delete app.standpointDb;
  process.env.DATABASE_PATH = savedPath;
});

async function health(): Promise<{ status: number; body: Health }> {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const response = await GET();
    return { status: response.status, body: (await response.json()) as Health };
  } finally {
    log.mockRestore();
  }
}

async function expectUnhealthy(reason: RegExp): Promise<void> {
  const { status, body } = await health();
  expect(status, JSON.stringify(body)).toBe(503);
  expect(body.ok).toBe(false);
  expect(body.error?.status).toBe(503);
  expect(body.error?.message).toMatch(reason);
  expect(body.error?.message).not.toMatch(/\n\s+at /);
}

/** Changes the schema behind the running app's back, on a second connection. */
function alter(path: string, sql: string): void {
  const client = new Database(path);
  client.pragma('foreign_keys = OFF');
  client.exec(sql);
  client.close();
}

describe('GET /api/health', () => {
  it('answers 200 {ok: true, counts} on a sound database', async () => {
    appOnCopy();
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.counts?.quotes).toBeGreaterThan(0);
  });

  it.each([
    ['a renamed column', 'alter table quotes rename column text to quote_text', /column quotes\.text is missing.*unexpected column quotes\.quote_text/],
    ['a dropped table', 'drop table actor_aliases', /table actor_aliases is missing/],
    ['an extra table', 'create table scratch (x)', /unexpected table scratch/],
    ['a dropped index', 'drop index quotes_source_idx', /index quotes_source_idx is missing/],
    ['an added column', 'alter table quotes add column extra integer', /unexpected column quotes\.extra/],
    ['a migration from elsewhere', `update __drizzle_migrations set hash = 'not-ours' where rowid = (select min(rowid) from __drizzle_migrations)`, /migration 1 of \d+ is not this version's migration 1/],
    ['a forgotten migration', 'delete from __drizzle_migrations where rowid = (select max(rowid) from __drizzle_migrations)', /1 migration\(s\) not applied/],
  ])('answers 503 after %s while the app runs', async (_what, sql, reason) => {
    const path = appOnCopy();
    expect((await health()).status).toBe(200);
    alter(path, sql);
    await expectUnhealthy(reason);
  });

  it('answers 503 naming the problem when the app cannot open its database at all', async () => {
    const path = appOnCopy();
    alter(path, 'alter table quotes rename column text to quote_text');
    await expectUnhealthy(/Cannot use the database .*: its schema does not match its migrations/);
  });

  it('answers 503 naming a table whose page cannot be read', async () => {
    const path = appOnCopy();
    corruptPage(path, rootPage(path, 'topics'));
    await expectUnhealthy(/table topics cannot be read: database disk image is malformed/);
  });

  it('answers 503 for a corrupted page that no one-row read touches (found by quick_check)', async () => {
    const path = appOnCopy();
    corruptPage(path, rootPage(path, 'quotes_source_idx'));
    await expectUnhealthy(/^Database unavailable: the file is corrupt \(.+\)$/);
  });
});

describe('quickCheckInWorker', () => {
  it('finds nothing wrong with a sound file and reports a corrupted one', async () => {
    const sound = join(dir, 'sound.db');
    copyFileSync(seeded, sound);
    expect(await quickCheckInWorker(sound)).toBeNull();
    corruptPage(sound, rootPage(sound, 'quotes_source_idx'));
    expect(await quickCheckInWorker(sound)).toMatch(/./);
  });
});

describe('QuickCheckCache', () => {
  function fixture() {
    let now = 0;
    const results: (string | null)[] = [];
    const check = vi.fn(async () => results.shift() ?? null);
    const cache = new QuickCheckCache('/db', 60_000, () => now, check);
    return { cache, check, results, advance: (ms: number) => (now += ms) };
  }

  it('waits for the first check only', async () => {
    const { cache, check, results } = fixture();
    results.push('page 5 is damaged');
    expect((await cache.current()).problem).toBe('page 5 is damaged');
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('serves a result younger than the interval without checking again', async () => {
    const { cache, check, advance } = fixture();
    await cache.current();
    advance(59_999);
    for (let i = 0; i < 5; i++) await cache.current();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('serves a stale result while one fresh check runs, then the fresh result', async () => {
    const { cache, check, results, advance } = fixture();
    results.push(null, 'now corrupt');
    expect((await cache.current()).problem).toBeNull();
    advance(60_000);
    const [a, b] = await Promise.all([cache.current(), cache.current()]);
    expect([a.problem, b.problem]).toEqual([null, null]);
    await cache.idle();
    expect(check).toHaveBeenCalledTimes(2);
    expect((await cache.current()).problem).toBe('now corrupt');
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('shares one running check between concurrent first callers', async () => {
    const { cache, check } = fixture();
    await Promise.all([cache.current(), cache.current(), cache.current()]);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
