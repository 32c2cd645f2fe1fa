// Aggregates for the overview page and the health check.
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { actors, camps, quotes, sources, stances, topics } from '@/db/schema';

export type TableCounts = { sources: number; actors: number; topics: number; quotes: number; stances: number; camps: number };

export function getTableCounts(db: Db = getDb()): TableCounts {
  const count = (table: typeof sources | typeof actors | typeof topics | typeof quotes | typeof stances | typeof camps) =>
    db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;
  return {
    sources: count(sources),
    actors: count(actors),
    topics: count(topics),
    quotes: count(quotes),
    stances: count(stances),
    camps: count(camps),
  };
}

export type EvidenceMonth = { month: string; direct: number; reported: number; undated: boolean };

/** Evidence per month, by when it was said or else when its source was published. */
export function getEvidenceOverTime(db: Db = getDb()): EvidenceMonth[] {
  const month = sql<string | null>`substr(coalesce(${quotes.saidAt}, ${sources.publishedAt}, ${sources.originalPublishedAt}), 1, 7)`;
  const rows = db
    .select({
      month,
      direct: sql<number>`sum(${quotes.kind} = 'direct')`,
      reported: sql<number>`sum(${quotes.kind} = 'reported')`,
    })
    .from(quotes)
    .innerJoin(sources, eq(sources.id, quotes.sourceId))
    .groupBy(month)
    .orderBy(sql`${month} is null`, month)
    .all();
  return rows.map((r) => ({ month: r.month ?? 'undated', direct: r.direct, reported: r.reported, undated: r.month === null }));
}
