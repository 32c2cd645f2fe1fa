// Does a database file hold what our migrations produce? Used at start-up (to refuse a file that
// is not ours) and by /api/health (to notice a schema changed behind the app's back).
// SQLite-specific: reads sqlite_schema, pragmas and drizzle's migration table.
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { applyMigrations, MIGRATIONS_FOLDER, openDatabase } from './connection';

const MIGRATIONS_TABLE = '__drizzle_migrations';

type SchemaObject = { type: string; name: string; tbl_name: string; sql: string | null };

/** What the migrations create: every schema object and its normalised SQL, keyed by `type name`. */
/** A column as `name -> "TYPE NOT NULL DEFAULT x PRIMARY KEY"`. */
type Columns = ReadonlyMap<string, string>;

export type SchemaShape = ReadonlyMap<string, { object: SchemaObject; columns: Columns }>;

/** Whitespace is formatting, not schema: drizzle's own table is created from an indented template. */
const normalise = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

/**
 * The user schema of an open database. SQLite's own objects (sqlite_sequence, sqlite_stat1 that
 * ANALYZE writes, autoindexes) are left out: they come and go without a migration.
 */
export function readSchemaShape(client: Database.Database): SchemaShape {
  const objects = client
    .prepare(`select type, name, tbl_name, sql from sqlite_schema where name not like 'sqlite\\_%' escape '\\' order by type, name`)
    .all() as SchemaObject[];
  const shape = new Map<string, { object: SchemaObject; columns: Columns }>();
  const columns = client.prepare(`select name, type, "notnull", dflt_value, pk from pragma_table_xinfo(?)`);
  for (const object of objects) {
    const described = new Map(
      object.type === 'table'
        ? (columns.all(object.name) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]).map(
            (c) => [c.name, `${c.type}${c.notnull ? ' NOT NULL' : ''}${c.dflt_value !== null ? ` DEFAULT ${c.dflt_value}` : ''}${c.pk ? ' PRIMARY KEY' : ''}`] as const,
          )
        : [],
    );
    shape.set(`${object.type} ${object.name}`, { object: { ...object, sql: normalise(object.sql) }, columns: described });
  }
  return shape;
}

let expected: { shape: SchemaShape; hashes: readonly string[] } | undefined;

/** The shape and migration hashes this build expects, computed once per process in memory. */
export function expectedSchema(): { shape: SchemaShape; hashes: readonly string[] } {
  if (!expected) {
    const db = openDatabase(':memory:');
    try {
      applyMigrations(db);
      expected = { shape: readSchemaShape(db.$client), hashes: readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.hash) };
    } finally {
      db.$client.close();
    }
  }
  return expected;
}

/** Differences between two shapes, in words; empty when they match. */
export function describeShapeDifferences(want: SchemaShape, have: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [key, { object, columns }] of want) {
    const found = have.get(key);
    if (!found) {
      problems.push(`${object.type} ${object.name} is missing`);
      continue;
    }
    if (found.object.sql === object.sql) continue;
    const columnProblems = describeColumnDifferences(object.name, columns, found.columns);
    problems.push(columnProblems.length ? columnProblems.join(', ') : `${object.type} ${object.name} differs from its migration`);
  }
  for (const [key, { object }] of have) {
    if (!want.has(key)) problems.push(`unexpected ${object.type} ${object.name}`);
  }
  return problems;
}

function describeColumnDifferences(table: string, wanted: Columns, found: Columns): string[] {
  const problems: string[] = [];
  for (const [name, column] of wanted) {
    const other = found.get(name);
    if (other === undefined) problems.push(`column ${table}.${name} is missing`);
    else if (other !== column) problems.push(`column ${table}.${name} is "${other}", expected "${column}"`);
  }
  for (const name of found.keys()) if (!wanted.has(name)) problems.push(`unexpected column ${table}.${name}`);
  return problems;
}

/** The applied migrations' hashes, oldest first, or null when there is no migration table. */
export function appliedMigrationHashes(client: Database.Database): string[] | null {
  const table = client.prepare(`select 1 from sqlite_schema where type = 'table' and name = ?`).get(MIGRATIONS_TABLE);
  if (!table) return null;
  // drizzle declares `id SERIAL`, which SQLite does not make a rowid alias: order by what it sets.
  return (client.prepare(`select hash from "${MIGRATIONS_TABLE}" order by created_at, rowid`).all() as { hash: string }[]).map((r) => r.hash);
}

/**
 * Whether the applied migrations are ours: null if they are the first n of our journal (so
 * migrating forward is safe), else what is wrong with them.
 */
export function migrationHistoryProblem(applied: readonly string[], ours: readonly string[]): string | null {
  for (let i = 0; i < applied.length; i++) {
    if (i >= ours.length) return `it was migrated by a newer version of Standpoint (${applied.length} migrations applied, this version knows ${ours.length})`;
    if (applied[i] !== ours[i]) return `its migration ${i + 1} of ${applied.length} is not this version's migration ${i + 1} (hash ${applied[i]?.slice(0, 12)}…)`;
  }
  return null;
}

/** The names of the tables our migrations create, for reading one row of each. */
export function expectedTables(): string[] {
  return [...expectedSchema().shape.values()].filter((e) => e.object.type === 'table').map((e) => e.object.name);
}
