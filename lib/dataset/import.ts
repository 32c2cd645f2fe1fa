// npm run import: a dataset document (lib/dataset/document.ts) into an empty database, keeping
// every id, in one transaction: the first problem (named by its place in the document) rolls
// everything back. Rows are inserted parents first, so the triggers of migration 0004 compute the
// copied listing keys, counters, per-month counts and the search index as for any other write;
// foreign keys are checked once at the end, so rows may refer forward (an actor to an organisation
// with a higher id).
//
// This is a bulk load by the operator, like restoring a backup: it writes rows as they were, not
// through performWrite's per-record rules, and adds no audit entries of its own.
import { SqliteError, type Statement } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '@/db/sqlite/connection';
import { SafekeepingError } from '@/db/sqlite/backup/inspect';
import { expectedSchema } from '@/db/sqlite/schema-check';
import { firstIssue, rowSchema } from './document';
import { ROW_INVARIANTS } from './invariants';
import { DocumentError, readDocument, type DatasetDocument } from './read';
import { datasetTables, DatasetPolicyError, type DatasetTable } from './tables';

export type ImportReport = { file: string; rows: Record<string, number>; seconds: number };

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables of the dataset that hold rows; empty when the database can take an import. */
export function nonEmptyTables(db: Db): string[] {
  return datasetTables()
    .map((t) => t.name)
    .filter((name) => db.$client.prepare(`select exists (select 1 from ${quoted(name)})`).pluck().get() === 1);
}

export function importDataset(db: Db, file: string): ImportReport {
  const started = performance.now();
  const path = resolve(file);
  const databaseName = db.$client.name;
  const refuse = (problem: string) => new SafekeepingError(`Cannot import ${path}: ${problem}; nothing was written`, problem);
  if (!existsSync(path)) throw new SafekeepingError(`Cannot import ${path}: no such file`);
  if (!statSync(path).isFile()) throw new SafekeepingError(`Cannot import ${path}: it is not a regular file`);

  let tables: DatasetTable[];
  try {
    tables = datasetTables();
  } catch (error) {
    if (error instanceof DatasetPolicyError) throw refuse(error.message);
    throw error;
  }
  const filled = nonEmptyTables(db);
  if (filled.length) {
    throw new SafekeepingError(
      `Cannot import ${path} into ${databaseName}: the database already holds data (${filled.join(', ')}); import only into an empty database, e.g. a new DATABASE_PATH`,
    );
  }

  // One large transaction: a bigger page cache keeps it from spilling pages to the WAL as it goes.
  const cacheSize = db.$client.pragma('cache_size', { simple: true }) as number;
  db.$client.pragma('cache_size = -262144');
  try {
    const rows = db.$client.transaction(() => load(db, readDocument(path), tables))();
    return { file: path, rows, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    if (error instanceof DocumentError) throw refuse(error.message);
    if (error instanceof SafekeepingError) throw error;
    throw refuse(error instanceof Error ? error.message : String(error));
  } finally {
    db.$client.pragma(`cache_size = ${cacheSize}`);
  }
}

function checkVersion(document: DatasetDocument): void {
  const ours = expectedSchema().hashes;
  const { migrations, lastMigration } = document.envelope.schema;
  if (migrations > ours.length) throw new DocumentError(`schema.migrations: the document comes from a newer version of Standpoint (${migrations} migrations; this version knows ${ours.length})`);
  if (ours[migrations - 1] !== lastMigration) throw new DocumentError(`schema.lastMigration: not this version's migration ${migrations}; the document comes from another build of Standpoint`);
}

function load(db: Db, document: DatasetDocument, tables: DatasetTable[]): Record<string, number> {
  const client = db.$client;
  checkVersion(document);
  // Checked at COMMIT rather than per row; foreign_key_check below names the row first.
  client.pragma('defer_foreign_keys = ON');

  const byName = new Map(tables.map((t) => [t.name, t]));
  const seen = new Set<string>();
  const counts: Record<string, number> = {};
  /** Per table, the document index of each inserted rowid: to name a row the foreign key check reports. */
  const indexOfRowid = new Map<string, Map<number, number>>();
  let lastSource: { id: number; body: string | undefined } | null = null;
  const bodyOf = client.prepare('select body from sources where id = ?').pluck();
  const context = {
    sourceBody: (id: number) => {
      if (lastSource?.id !== id) lastSource = { id, body: bodyOf.get(id) as string | undefined };
      return lastSource.body;
    },
  };

  const ordered = orderTables(document, tables);
  for (const { name, rows } of ordered) {
    const table = byName.get(name);
    if (!table) throw new DocumentError(`tables.${name}: not a table of the dataset (it has ${tables.map((t) => t.name).join(', ')})`);
    const early = table.parents.find((parent) => !seen.has(parent));
    if (early) throw new DocumentError(`tables.${name}: comes before tables.${early}, which it refers to; parents must come first`);
    seen.add(name);
    const schema = rowSchema(table);
    const invariant = ROW_INVARIANTS[name];
    const statements = new Map<string, Statement>();
    const rowids = new Map<number, number>();
    indexOfRowid.set(name, rowids);
    let index = 0;
    for (const raw of rows) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new DocumentError(firstIssue(parsed.error, ['tables', name, index]));
      const row = parsed.data;
      const broken = invariant?.(row, context);
      if (broken) throw new DocumentError(`tables.${name}[${index}].${broken.column}: ${broken.problem}`);
      const columns = table.columns.filter((c) => row[c.name] !== undefined).map((c) => c.name);
      const signature = columns.join(',');
      let insert = statements.get(signature);
      if (!insert) {
        insert = client.prepare(`insert into ${quoted(name)} (${columns.map(quoted).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        statements.set(signature, insert);
      }
      try {
        const result = insert.run(...columns.map((c) => row[c]));
        rowids.set(Number(result.lastInsertRowid), index);
      } catch (error) {
        if (error instanceof SqliteError) throw new DocumentError(`tables.${name}[${index}]: ${error.message}`);
        throw error;
      }
      index++;
    }
    counts[name] = index;
  }

  const complete = document.envelope.schema.migrations === expectedSchema().hashes.length;
  for (const table of tables) {
    if (seen.has(table.name)) continue;
    // An older version's document may lack a table added since; this version's must have them all.
    if (complete) throw new DocumentError(`tables.${table.name}: missing`);
    counts[table.name] = 0;
  }
  checkForeignKeys(db, indexOfRowid);
  setSequences(db, document, byName);
  return counts;
}

/** A whole document is read in the dataset's order; one read line by line, in its own. */
function orderTables(document: DatasetDocument, tables: DatasetTable[]): Iterable<{ name: string; rows: Iterable<unknown> }> {
  if (Array.isArray(document.tables)) {
    const position = new Map(tables.map((t, i) => [t.name, i]));
    return [...document.tables].sort((a, b) => (position.get(a.name) ?? -1) - (position.get(b.name) ?? -1));
  }
  return document.tables;
}

function checkForeignKeys(db: Db, indexOfRowid: Map<string, Map<number, number>>): void {
  const violation = db.$client.prepare('select * from pragma_foreign_key_check limit 1').get() as { table: string; rowid: number; parent: string; fkid: number } | undefined;
  if (!violation) return;
  const keys = (db.$client.prepare(`select "from", "to" from pragma_foreign_key_list(?) where id = ? order by seq`).all(violation.table, violation.fkid) as { from: string; to: string }[]);
  const columns = keys.map((k) => k.from);
  const values = db.$client.prepare(`select ${columns.map(quoted).join(', ')} from ${quoted(violation.table)} where rowid = ?`).raw(true).get(violation.rowid) as unknown[];
  const index = indexOfRowid.get(violation.table)?.get(violation.rowid);
  const where = `tables.${violation.table}${index === undefined ? '' : `[${index}]`}${columns.length === 1 ? `.${columns[0]}` : ''}`;
  throw new DocumentError(`${where}: refers to ${violation.parent} ${values.map((v) => JSON.stringify(v)).join(', ')}, which is not in the document`);
}

function setSequences(db: Db, document: DatasetDocument, byName: Map<string, DatasetTable>): void {
  for (const [name, seq] of Object.entries(document.envelope.sequences)) {
    if (!byName.get(name)?.autoIncrement) throw new DocumentError(`sequences.${name}: not a table of the dataset with AUTOINCREMENT ids`);
    const updated = db.$client.prepare('update sqlite_sequence set seq = max(seq, ?) where name = ?').run(seq, name);
    if (updated.changes === 0) db.$client.prepare('insert into sqlite_sequence (name, seq) values (?, ?)').run(name, seq);
  }
}
