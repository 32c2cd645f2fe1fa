// npm run export / import: export → import into an empty database → export gives the same bytes,
// on a fixture where every table, every nullable column (null and not), every boolean and every
// enum value is present; the imported database holds the same rows with the same ids, and the
// data the triggers keep (copied keys, counters, per-month counts, search index) is what they
// compute.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '@/db/sqlite/open-app-db';
import type { Db } from '@/db/sqlite/connection';
import { exportDataset } from '@/lib/dataset/export';
import { importDataset } from '@/lib/dataset/import';
import { LEFT_OUT_TABLES } from '@/lib/dataset/policy';
import { datasetTables } from '@/lib/dataset/tables';
import { createToken, createUser, updateUser } from '@/lib/write/operations';
import { systemWriter } from '@/lib/write/writer';
import { createDatasetFixture } from '@/tests/fixtures/dataset/fixture';
import { dumpAllTables } from '@/tests/support/db';
import { computedData, maintainedData, searchIndexProblems } from '@/tests/support/maintained';

let dir: string;
let fx: ReturnType<typeof createDatasetFixture>;
let imported: Db;
let first: string;
let second: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-dataset-'));
  fx = createDatasetFixture();
  exportDataset(fx.db, join(dir, 'first.json'));
  first = readFileSync(join(dir, 'first.json'), 'utf8');
  imported = openAppDatabase(join(dir, 'imported.db'));
  importDataset(imported, join(dir, 'first.json'));
  exportDataset(imported, join(dir, 'second.json'));
  second = readFileSync(join(dir, 'second.json'), 'utf8');
});
afterAll(() => {
  imported?.$client.close();
  fx?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the fixture', () => {
  it('fills every table of the dataset, every nullable column with null and a value, every boolean with 0 and 1, every enum with each value', () => {
    const client = fx.db.$client;
    const gaps: string[] = [];
    for (const table of datasetTables()) {
      const rows = client.prepare(`select count(*) from "${table.name}"`).pluck().get() as number;
      if (rows === 0) gaps.push(`${table.name}: no rows`);
      for (const column of table.columns) {
        const values = new Set(
          (client.prepare(`select distinct "${column.name}" is null, "${column.name}" from "${table.name}"`).raw().all() as [number, unknown][]).map(([isNull, value]) =>
            isNull ? null : column.kind === 'boolean' || column.enumValues ? value : 'value',
          ),
        );
        const wanted = [...(column.nullable ? [null] : []), ...(column.kind === 'boolean' ? [0, 1] : column.enumValues ?? ['value'])];
        for (const value of wanted) if (!values.has(value)) gaps.push(`${table.name}.${column.name}: never ${JSON.stringify(value)}`);
      }
    }
    expect(gaps).toEqual([]);
  });
});

describe('export → import → export', () => {
  it('gives the same bytes', () => {
    expect(second.length).toBeGreaterThan(1000);
    expect(second === first).toBe(true);
  });

  it('is deterministic: exporting the same database twice gives the same bytes', () => {
    exportDataset(fx.db, join(dir, 'again.json'));
    expect(readFileSync(join(dir, 'again.json'), 'utf8') === first).toBe(true);
  });

  it('keeps every row, id and value, sqlite_sequence included; only derived, per-database and secret tables differ', () => {
    const omit = (dump: Record<string, unknown[]>) => {
      const rest = Object.fromEntries(Object.entries(dump).filter(([name]) => !(name in LEFT_OUT_TABLES)));
      return {
        ...rest,
        // A month whose count went back to zero is a leftover row, not data.
        quote_months: (dump.quote_months as { count: number }[]).filter((r) => r.count !== 0),
        sqlite_sequence: (dump.sqlite_sequence as { name: string }[]).filter((r) => !(r.name in LEFT_OUT_TABLES)),
      };
    };
    expect(omit(dumpAllTables(imported))).toEqual(omit(dumpAllTables(fx.db)));
  });

  it('carries users without any secret: no password hash, session token, API token hash or reset value', () => {
    const document = JSON.parse(first) as { tables: Record<string, Record<string, unknown>[]> };
    expect(document.tables.users!.map((u) => u.email)).toEqual(['ada@example.org', 'unal@example.org', 'vera@example.org']);
    expect(Object.keys(document.tables.users![0]!)).toEqual(['id', 'name', 'email', 'email_verified', 'image', 'role', 'created_at', 'updated_at']);
    for (const table of ['sessions', 'accounts', 'verifications', 'api_tokens', 'rate_limits']) {
      expect(Object.keys(document.tables), table).not.toContain(table);
      expect(imported.$client.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(0);
    }
    expect(first).not.toContain('SECRET');
  });

  it('carries the audit log exactly, through its append-only triggers', () => {
    const entries = (db: Db) => db.$client.prepare('select * from audit_log order by id').all();
    expect(entries(imported)).toEqual(entries(fx.db));
    expect(entries(imported).length).toBeGreaterThanOrEqual(4);
    expect(() => imported.$client.prepare(`update audit_log set who = 'someone else'`).run()).toThrow(/append-only/);
  });

  it('leaves the trigger-maintained data true and equal to the original', () => {
    expect(maintainedData(imported.$client)).toEqual(computedData(imported.$client));
    expect(maintainedData(imported.$client)).toEqual(maintainedData(fx.db.$client));
    expect(searchIndexProblems(imported.$client)).toEqual([]);
    // Search finds the same rows, astral and accented text included.
    for (const term of ['kyiv', 'sanctions', 'ete', 'strategy', 'عربي']) {
      const match = (db: Db) => db.$client.prepare(`select rowid from quotes_fts where quotes_fts match ? order by rowid`).pluck().all(`"${term}"`);
      const sources = (db: Db) => db.$client.prepare(`select rowid from sources_fts where sources_fts match ? order by rowid`).pluck().all(`"${term}"`);
      expect(match(imported), term).toEqual(match(fx.db));
      expect(sources(imported), term).toEqual(sources(fx.db));
    }
    expect(imported.$client.prepare(`select rowid from sources_fts where sources_fts match '"unicode"'`).pluck().all()).toEqual([fx.sourceId]);
  });

  it('carries no derived data, no per-database key and no copied listing keys', () => {
    const document = JSON.parse(first) as { tables: Record<string, Record<string, unknown>[]> };
    expect(Object.keys(document.tables)).not.toContain('counters');
    expect(Object.keys(document.tables)).not.toContain('quote_months');
    expect(Object.keys(document.tables)).not.toContain('settings');
    expect(Object.keys(document.tables.quotes![0]!)).not.toContain('date_key');
    expect(Object.keys(document.tables.stances![0]!)).not.toContain('evidence_count');
    expect(first).not.toContain(fx.db.$client.prepare(`select value from settings where name = 'cursor_key'`).pluck().get() as string);
  });

  it('keeps UTF-16 offsets true past astral characters', () => {
    const document = JSON.parse(first) as { tables: Record<string, Record<string, unknown>[]> };
    const source = document.tables.sources!.find((s) => s.id === fx.sourceId)!;
    const quote = document.tables.quotes!.find((q) => q.id === fx.firstQuoteId)!;
    expect((source.body as string).slice(quote.start as number, quote.end as number)).toBe(quote.text);
    expect(quote.confidence).toBe(0.1 + 0.2);
  });

  it('imports the same document laid out another way (reformatted by a tool) to the same data', () => {
    const pretty = join(dir, 'pretty.json');
    writeFileSync(pretty, JSON.stringify(JSON.parse(first), null, 2));
    const other = openAppDatabase(join(dir, 'pretty.db'));
    try {
      importDataset(other, pretty);
      exportDataset(other, join(dir, 'pretty-again.json'));
      expect(readFileSync(join(dir, 'pretty-again.json'), 'utf8') === first).toBe(true);
    } finally {
      other.$client.close();
    }
  });

  it('gives ids after the move that the original would give: none is handed out twice', () => {
    const next = (db: Db) => Number(db.$client.prepare(`insert into topics (slug, title, question, scale_labels) values ('next', 'Next', 'Next?', '[]')`).run().lastInsertRowid);
    const inOriginal = next(fx.db);
    const inImported = next(imported);
    expect(inImported).toBe(inOriginal);
    expect(fx.db.$client.prepare(`select max(id) from topics where slug <> 'next'`).pluck().get()).toBeLessThan(inOriginal - 1);
    fx.db.$client.prepare(`delete from topics where slug = 'next'`).run();
    imported.$client.prepare(`delete from topics where slug = 'next'`).run();
  });
});

describe('an audit entry that recorded a secret', () => {
  it('is exported with that value left out, and the round trip is still byte-identical', () => {
    const own = createDatasetFixture();
    const other = openAppDatabase(join(dir, 'audit-secret.db'));
    try {
      own.db.$client
        .prepare(
          `insert into audit_log (at, user_id, who, role, door, action, record_type, record_id, before, after)
           values ('2025-06-02T00:00:00.000Z', 'user-analyst', 'unal@example.org', 'analyst', 'cli', 'token:create', 'api_token', '1', null, ?)`,
        )
        .run(JSON.stringify({ id: 1, name: 'notebook', tokenHash: 'SECRET-in-the-audit', nested: [{ password: 'SECRET-too', kept: 'visible' }], passwordChanged: true }));
      const report = exportDataset(own.db, join(dir, 'audit-secret.json'));
      const text = readFileSync(join(dir, 'audit-secret.json'), 'utf8');
      expect(text).not.toContain('SECRET');
      expect(text).toContain('visible');
      expect(text).toContain('\\"passwordChanged\\":true');
      expect(report.leftOut).toEqual({ 'audit_log.after': 2 });
      importDataset(other, join(dir, 'audit-secret.json'));
      const again = exportDataset(other, join(dir, 'audit-secret-again.json'));
      expect(readFileSync(join(dir, 'audit-secret-again.json'), 'utf8') === text).toBe(true);
      expect(again.leftOut).toEqual({});
    } finally {
      other.$client.close();
      own.cleanup();
    }
  });
});

describe('accounts made through the write door', () => {
  it('are exported without the password hash, the API token or its hash, and the audit entries they wrote come along whole', async () => {
    const own = createDatasetFixture();
    const other = openAppDatabase(join(dir, 'accounts.db'));
    try {
      const user = await systemWriter(own.db, 'test').writeAsync(createUser(), { email: 'new.analyst@example.org', password: 'correct horse battery staple', role: 'analyst' });
      await systemWriter(own.db, 'test').writeAsync(updateUser(user.id), { password: 'another long password' });
      const token = systemWriter(own.db, 'test').write(createToken(), { email: 'new.analyst@example.org' }).token;
      const secrets = [
        token,
        ...(own.db.$client.prepare(`select password from accounts where user_id = ?`).pluck().all(user.id) as string[]),
        ...(own.db.$client.prepare(`select token_hash from api_tokens`).pluck().all() as string[]),
      ];
      expect(secrets.length).toBeGreaterThanOrEqual(3);

      const report = exportDataset(own.db, join(dir, 'accounts.json'));
      const text = readFileSync(join(dir, 'accounts.json'), 'utf8');
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).toContain('new.analyst@example.org');
      expect(report.leftOut).toEqual({});
      importDataset(other, join(dir, 'accounts.json'));
      const entries = (db: Db) => db.$client.prepare(`select * from audit_log where action in ('user:create', 'user:update', 'token:create') order by id`).all();
      expect(entries(other)).toHaveLength(3);
      expect(entries(other)).toEqual(entries(own.db));
      exportDataset(other, join(dir, 'accounts-again.json'));
      expect(readFileSync(join(dir, 'accounts-again.json'), 'utf8') === text).toBe(true);
    } finally {
      other.$client.close();
      own.cleanup();
    }
  });
});
