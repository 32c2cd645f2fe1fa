// The opt-in SQL log that the benchmark replays for its raw-SQL floors.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { logSql, SQL_LOG_ENV } from '@/db/sql-log';
import { useSeededAppDb, type TestDb } from '../support/db';

let dir: string;
let logPath: string;
let test: TestDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-sql-log-'));
  logPath = join(dir, 'sql.jsonl');
});

afterEach(() => {
  delete process.env[SQL_LOG_ENV];
  test?.cleanup();
  delete (globalThis as { standpointDb?: unknown }).standpointDb;
  rmSync(dir, { recursive: true, force: true });
});

const lines = () =>
  readFileSync(logPath, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { sql: string; params: unknown[] });

describe('SQL log', () => {
  it('records each statement the app runs through drizzle, with its parameters, when STANDPOINT_SQL_LOG is set', () => {
    test = useSeededAppDb();
    process.env[SQL_LOG_ENV] = logPath;
    delete (globalThis as { standpointDb?: unknown }).standpointDb;
    const db = getDb();
    const rows = db.$client.prepare('select 1').all();
    expect(rows).toHaveLength(1);
    const found = db.query.topics.findMany({ where: (t, { eq }) => eq(t.slug, 'founding-act') }).sync();
    expect(found).toHaveLength(1);
    const logged = lines();
    const topicQuery = logged.find((l) => l.sql.includes('"topics"'));
    expect(topicQuery?.params).toEqual(['founding-act']);
    // Raw better-sqlite3 statements are not seen by drizzle; they log through logSql().
    expect(logged.some((l) => l.sql === 'select 1')).toBe(false);
    logSql('select ? as x', [1n, Buffer.from('ab')]);
    expect(lines().at(-1)).toEqual({ sql: 'select ? as x', params: [{ $bigint: '1' }, { $blob: Buffer.from('ab').toString('base64') }] });
  });

  it('writes nothing when STANDPOINT_SQL_LOG is not set', () => {
    test = useSeededAppDb();
    getDb().query.topics.findMany().sync();
    logSql('select 1');
    expect(existsSync(logPath)).toBe(false);
  });
});
