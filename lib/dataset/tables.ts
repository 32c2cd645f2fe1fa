// The tables and columns of the dataset, derived from db/schema.ts (drizzle's getTableConfig)
// minus what lib/dataset/policy.ts leaves out, in an order that inserts parents before children.
import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as schema from '@/db/schema';
import { DERIVED_VIRTUAL_TABLES, LEFT_OUT_COLUMNS, LEFT_OUT_TABLES, NOT_SECRET, SECRET_LOOKING_COLUMN, SECRET_LOOKING_TABLE } from './policy';

/** How a value is carried in JSON: as SQLite stores it (booleans 0/1, JSON columns as their text). */
export type ValueKind = 'integer' | 'boolean' | 'real' | 'text' | 'json';

export type DatasetColumn = {
  name: string;
  kind: ValueKind;
  enumValues: readonly string[] | null;
  nullable: boolean;
  /** May be absent from a document (nullable or defaulted, and not part of the key): an older export. */
  optional: boolean;
};

export type DatasetTable = {
  name: string;
  columns: DatasetColumn[];
  /** The primary key's columns: the export's row order. */
  key: string[];
  /** Tables this one refers to (itself excluded). */
  parents: string[];
  /** Declared AUTOINCREMENT: its sqlite_sequence value is carried, so ids are never reused. */
  autoIncrement: boolean;
};

/** The dataset cannot be built from this schema or database; one line saying what to do. */
export class DatasetPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetPolicyError';
  }
}

const KINDS: Record<string, ValueKind> = {
  SQLiteInteger: 'integer',
  SQLiteTimestamp: 'integer',
  SQLiteBoolean: 'boolean',
  SQLiteReal: 'real',
  SQLiteText: 'text',
  SQLiteTextJson: 'json',
};

function describeColumn(table: string, column: SQLiteColumn, isKey: boolean): DatasetColumn {
  const kind = KINDS[column.columnType];
  if (!kind) throw new DatasetPolicyError(`column ${table}.${column.name} is a ${column.columnType}, which the dataset format does not carry yet (lib/dataset/tables.ts)`);
  const enumValues = column.enumValues?.length ? column.enumValues : null;
  return { name: column.name, kind, enumValues, nullable: !column.notNull, optional: !isKey && (!column.notNull || column.hasDefault) };
}

function checkSecrets(table: string, columns: readonly string[]): void {
  const hint = 'classify it in lib/dataset/policy.ts (left out, or NOT_SECRET with why)';
  if (SECRET_LOOKING_TABLE.test(table) && !(table in NOT_SECRET)) throw new DatasetPolicyError(`table ${table} looks like it holds secrets; ${hint}`);
  for (const column of columns) {
    const key = `${table}.${column}`;
    if (SECRET_LOOKING_COLUMN.test(column) && !(key in NOT_SECRET)) throw new DatasetPolicyError(`column ${key} looks like a secret; ${hint}`);
  }
}

/** The tables db/schema.ts declares, in its order. */
export function schemaTables(): SQLiteTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
}

let cached: DatasetTable[] | undefined;

/** The dataset's tables, parents first. */
export function datasetTables(): DatasetTable[] {
  cached ??= deriveDatasetTables(schemaTables());
  return cached;
}

/** The dataset carried for these drizzle tables under lib/dataset/policy.ts. */
export function deriveDatasetTables(declared: readonly SQLiteTable[]): DatasetTable[] {
  const tables: DatasetTable[] = [];
  for (const value of declared) {
    const config = getTableConfig(value);
    if (config.name in LEFT_OUT_TABLES) continue;
    const leftOut = LEFT_OUT_COLUMNS[config.name] ?? {};
    const key = config.primaryKeys.length ? config.primaryKeys[0]!.columns.map((c) => c.name) : config.columns.filter((c) => c.primary).map((c) => c.name);
    if (!key.length) throw new DatasetPolicyError(`table ${config.name} has no primary key, so its export would have no stable order`);
    const columns: DatasetColumn[] = [];
    for (const column of config.columns) {
      if (column.generated) continue; // computed by SQLite itself, cannot be inserted
      if (column.name in leftOut) {
        if (column.notNull && !column.hasDefault) throw new DatasetPolicyError(`column ${config.name}.${column.name} is left out of the dataset but has no default`);
        continue;
      }
      columns.push(describeColumn(config.name, column, key.includes(column.name)));
    }
    checkSecrets(
      config.name,
      columns.map((c) => c.name),
    );
    const parents = [...new Set(config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name))].filter((name) => name !== config.name);
    const autoIncrement = config.columns.some((c) => (c as { autoIncrement?: boolean }).autoIncrement === true);
    tables.push({ name: config.name, columns, key, parents, autoIncrement });
  }
  return parentsFirst(tables);
}

/**
 * Topological order (Kahn); among tables whose parents are placed, the first by name. Not the
 * schema's order: a module namespace lists its exports sorted, CommonJS in declaration order, and
 * the document must come out the same whichever way the schema was loaded.
 */
function parentsFirst(unordered: DatasetTable[]): DatasetTable[] {
  const tables = [...unordered].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Set(tables.map((t) => t.name));
  for (const table of tables) {
    const missing = table.parents.filter((p) => !names.has(p));
    if (missing.length) throw new DatasetPolicyError(`table ${table.name} refers to ${missing.join(', ')}, which the dataset leaves out`);
  }
  const placed = new Set<string>();
  const ordered: DatasetTable[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t.name) && t.parents.every((p) => placed.has(p)));
    if (!next) throw new DatasetPolicyError(`tables ${tables.filter((t) => !placed.has(t.name)).map((t) => t.name).join(', ')} refer to each other in a cycle`);
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/**
 * Refuses a database holding a table that neither the schema nor the policy knows (created by
 * hand-written SQL, say): the export would silently lose it.
 */
export function checkDatabaseTables(client: Database.Database): void {
  const known = new Set<string>([...schemaTables().map((table) => getTableConfig(table).name), '__drizzle_migrations']);
  const virtual = Object.keys(DERIVED_VIRTUAL_TABLES);
  const names = client.prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`).pluck().all() as string[];
  for (const name of names) {
    if (known.has(name)) continue;
    if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    throw new DatasetPolicyError(`the database holds a table ${name} that db/schema.ts does not declare; the export would lose it (classify it in lib/dataset/policy.ts)`);
  }
}
