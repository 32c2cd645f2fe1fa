import 'server-only';
// Aggregates for the overview page and the health check, read from the totals the database
// keeps itself (migration 0004): constant time however many rows there are.
import { asc, sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { counters, quoteMonths } from '@/db/schema';
import { read } from './cached';

export type TableCounts = { sources: number; actors: number; topics: number; quotes: number; stances: number; camps: number };

export function getTableCounts(db?: Db): Promise<TableCounts> {
  return read(
    ['table-counts'],
    (db) => {
      const counts: TableCounts = { sources: 0, actors: 0, topics: 0, quotes: 0, stances: 0, camps: 0 };
      for (const row of db.select().from(counters).all()) if (row.name in counts) counts[row.name as keyof TableCounts] = row.value;
      return counts;
    },
    db,
  );
}

export type EvidenceMonth = { month: string; direct: number; reported: number; undated: boolean };

/** Accepted quotes per month (dated when said, else when published), undated last. */
export function getEvidenceOverTime(db?: Db): Promise<EvidenceMonth[]> {
  return read(
    ['evidence-over-time'],
    (db) => {
      const byMonth = new Map<string, EvidenceMonth>();
      for (const row of db.select().from(quoteMonths).orderBy(asc(quoteMonths.month)).all()) {
        if (row.count <= 0) continue;
        const month = row.month === '' ? 'undated' : row.month;
        const entry = byMonth.get(month) ?? { month, direct: 0, reported: 0, undated: row.month === '' };
        entry[row.kind] += row.count;
        byMonth.set(month, entry);
      }
      const months = [...byMonth.values()];
      return [...months.filter((m) => !m.undated), ...months.filter((m) => m.undated)];
    },
    db,
  );
}

/** How many NATO allies hold at least one sourced position: one index probe per ally. */
export function countAlliesWithPosition(db?: Db): Promise<number> {
  return read(
    ['allies-with-position'],
    (db) =>
      db.get<{ n: number }>(
        sql`select count(*) as n from actors a where a.kind = 'state' and a.nato_accession_year is not null and a.deleted_at is null and exists (select 1 from stances s where s.actor_id = a.id and s.deleted_at is null)`,
      )?.n ?? 0,
    db,
  );
}
