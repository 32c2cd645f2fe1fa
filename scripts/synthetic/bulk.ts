// Bulk-load helpers for the synthetic generator only: the app never does this. Indexes and the
// triggers that feed the full-text tables are set aside during the load and put back afterwards
// from their own definitions in sqlite_master, so the schema stays exactly what the migrations
// made; the full-text tables are then rebuilt from their content tables in one pass.
import type Database from 'better-sqlite3';

export type SchemaEntry = { type: 'index' | 'trigger'; name: string; tbl_name: string; sql: string };

export type Suspended = { entries: SchemaEntry[]; ftsTables: string[] };

/** Names of the FTS5 tables (external content or not) the migrations created. */
export function ftsTables(client: Database.Database): string[] {
  return (
    client.prepare(`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%' and lower(sql) like '%using fts5%' order by name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/**
 * Drops the explicit indexes of `tables` and every trigger that writes to a full-text table, and
 * returns their definitions for restore(). Automatic indexes (primary keys, UNIQUE constraints
 * written in CREATE TABLE) cannot be dropped and stay.
 */
export function suspend(client: Database.Database, tables: readonly string[]): Suspended {
  const fts = ftsTables(client);
  const rows = client.prepare(`select type, name, tbl_name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null order by name`).all() as SchemaEntry[];
  const writesToFts = (sql: string) => fts.some((t) => new RegExp(`\\binsert\\s+into\\s+[\`"]?${t}[\`"]?`, 'i').test(sql));
  const entries = rows.filter((r) => (r.type === 'trigger' ? writesToFts(r.sql) : tables.includes(r.tbl_name)));
  for (const e of entries) client.exec(`DROP ${e.type === 'index' ? 'INDEX' : 'TRIGGER'} "${e.name.replaceAll('"', '""')}"`);
  return { entries, ftsTables: fts };
}

export type RestoreTimings = { indexSeconds: number; ftsSeconds: number };

/** Recreates what suspend() dropped, exactly as it was, and rebuilds the full-text tables. */
export function restore(client: Database.Database, suspended: Suspended, onStep: (step: string) => void = () => {}): RestoreTimings {
  let t = performance.now();
  for (const e of suspended.entries.filter((x) => x.type === 'index')) {
    onStep(`index ${e.name}`);
    client.exec(e.sql);
  }
  const indexSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  for (const table of suspended.ftsTables) {
    onStep(`full-text ${table}`);
    client.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('rebuild')`).run();
  }
  for (const e of suspended.entries.filter((x) => x.type === 'trigger')) client.exec(e.sql);
  const ftsSeconds = (performance.now() - t) / 1000;
  const missing = suspended.entries.filter(
    (e) => (client.prepare(`select sql from sqlite_master where type = ? and name = ?`).get(e.type, e.name) as { sql: string } | undefined)?.sql !== e.sql,
  );
  if (missing.length) throw new Error(`could not restore ${missing.map((e) => e.name).join(', ')}`);
  return { indexSeconds, ftsSeconds };
}
