// The dataset is derived from db/schema.ts, so a table added there is exported without a change
// to the export; but a table or column whose name looks like it holds secrets is refused until
// lib/dataset/policy.ts classifies it, and a table the schema does not declare stops the export.
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDataset } from '@/lib/dataset/export';
import { datasetTables, deriveDatasetTables, schemaTables } from '@/lib/dataset/tables';
import { createTestDb, type TestDb } from '@/tests/support/db';
import { join } from 'node:path';

const id = () => integer('id').primaryKey({ autoIncrement: true });

describe('deriving the dataset from the schema', () => {
  it('carries a new table without being told, parents first', () => {
    const notes = sqliteTable('notes', { id: id(), body: text('body').notNull(), actorId: integer('actor_id').references(() => parent.id) });
    const parent = sqliteTable('z_parents', { id: id(), name: text('name') });
    const tables = deriveDatasetTables([notes, parent]);
    expect(tables.map((t) => t.name)).toEqual(['z_parents', 'notes']);
    expect(tables[1]!.columns.map((c) => [c.name, c.kind, c.nullable, c.optional])).toEqual([
      ['id', 'integer', false, false],
      ['body', 'text', false, false],
      ['actor_id', 'integer', true, true],
    ]);
  });

  it.each([
    ['a table whose name says tokens', sqliteTable('oauth_tokens', { id: id(), value: text('value') }), /table oauth_tokens looks like it holds secrets; classify it in lib\/dataset\/policy\.ts/],
    ['a table whose name says sessions', sqliteTable('device_sessions', { id: id() }), /table device_sessions looks like it holds secrets/],
    ['a column holding a password hash', sqliteTable('people', { id: id(), passwordHash: text('password_hash') }), /column people\.password_hash looks like a secret/],
    ['a column holding an OTP', sqliteTable('people', { id: id(), otp: text('otp') }), /column people\.otp looks like a secret/],
    ['a column the format cannot carry', sqliteTable('files', { id: id(), data: blob('data') }), /column files\.data is a SQLiteBlob\w*, which the dataset format does not carry yet/],
    ['a table without a primary key', sqliteTable('loose', { name: text('name') }), /table loose has no primary key/],
  ])('refuses %s', (_name, table, expected) => {
    expect(() => deriveDatasetTables([table])).toThrow(expected);
  });

  it('leaves out what the policy says, in every real table: derived, per-database and secret', () => {
    const names = datasetTables().map((t) => t.name);
    for (const name of ['counters', 'quote_months', 'settings', 'sessions', 'accounts', 'verifications', 'api_tokens', 'rate_limits']) expect(names).not.toContain(name);
    expect(names).toEqual(expect.arrayContaining(['users', 'audit_log', 'sources', 'quotes']));
    expect(names.length + 8).toBe(schemaTables().length);
    // Generated columns are computed by SQLite and cannot be inserted.
    expect(datasetTables().find((t) => t.name === 'sources')!.columns.map((c) => c.name)).not.toContain('date_key');
  });
});

describe('a database holding a table the schema does not declare', () => {
  let test: TestDb;
  beforeEach(() => {
    test = createTestDb({ seed: false });
  });
  afterEach(() => test.cleanup());

  it('is not exported: the export would lose the table', () => {
    test.db.$client.exec('create table notes_by_hand (id integer primary key, body text)');
    expect(() => exportDataset(test.db, join(test.path, '..', 'out.json'))).toThrow(/the database holds a table notes_by_hand that db\/schema\.ts does not declare/);
  });
});
