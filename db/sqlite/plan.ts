// The query plan of a statement, for tests that keep listings on their indexes.
import type Database from 'better-sqlite3';

export function queryPlan(client: Database.Database, statement: string, params: unknown[]): string[] {
  const rows = client.prepare(`explain query plan ${statement}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}
