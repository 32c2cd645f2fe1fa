// Aggregates for the overview page and the health check.
import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { actors, camps, quotes, sources, stances, topics } from '@/db/schema';

export type TableCounts = { sources: number; actors: number; topics: number; quotes: number; stances: number; camps: number };

/** What the public pages show: accepted quotes (evidence) and confirmed actors only. */
export function getTableCounts(db: Db = getDb()): TableCounts {
  const count = (table: typeof sources | typeof actors | typeof topics | typeof quotes | typeof stances | typeof camps, where?: SQL) =>
    db.select({ n: sql<number>`count(*)` }).from(table).where(where).get()?.n ?? 0;
  return {
    sources: count(sources),
    actors: count(actors, eq(actors.confirmed, true)),
    topics: count(topics),
    quotes: count(quotes, eq(quotes.reviewState, 'accepted')),
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
    .where(eq(quotes.reviewState, 'accepted'))
    .groupBy(month)
    .orderBy(sql`${month} is null`, month)
    .all();
  return rows.map((r) => ({ month: r.month ?? 'undated', direct: r.direct, reported: r.reported, undated: r.month === null }));
}
