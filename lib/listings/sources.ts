import 'server-only';
// The source articles (without their bodies), with how many accepted quotes each holds.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { counters, sources, type Source } from '@/db/schema';
import { ftsContains, ftsCountCapped, ftsExpression, ftsIn } from '@/db/sqlite/fts';
import { sourcesFts } from '@/db/sqlite/fts-tables';
import type { ListingSpec } from '@/lib/listing/types';
import { findMatches, type Match } from '@/lib/search/query';
import { checkDateRange, dateFilter, sourceFilter } from './common';

export type SourceSummary = Pick<
  Source,
  'id' | 'title' | 'publisher' | 'url' | 'publishedAt' | 'originalPublisher' | 'originalPublishedAt' | 'dateNote' | 'dateline' | 'bodySha256'
> & { bodyLength: number; quoteCount: number; titleMatches?: Match[] };

export const sourceSummaryColumns = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  url: sources.url,
  publishedAt: sources.publishedAt,
  originalPublisher: sources.originalPublisher,
  originalPublishedAt: sources.originalPublishedAt,
  dateNote: sources.dateNote,
  dateline: sources.dateline,
  bodySha256: sources.bodySha256,
  bodyLength: sql<number>`length("sources"."body")`,
  // Qualified by hand: a correlated "id" would bind to the inner table.
  quoteCount: sql<number>`(select count(*) from quotes q where q.source_id = "sources"."id" and q.review_state = 'accepted' and q.deleted_at is null)`,
};

type Row = Omit<SourceSummary, 'titleMatches'>;

export const sourceListing = {
  name: 'sources',
  noun: ['source', 'sources'],
  filters: {
    from: dateFilter('from', ([d]) => sql`${sources.dateKey} >= ${d}`, 'Published'),
    to: dateFilter('to', ([d]) => sql`(${sources.dateKey} <= ${d} and ${sources.dateKey} <> '')`, 'Published'),
    source: sourceFilter(([id]) => eq(sources.id, id!), 'Only'),
  },
  check: checkDateRange,
  sorts: {
    date: { label: 'Date', keys: [sql`${sources.dateKey}`, sql`${sources.id}`], index: 'sources_date_idx' },
  },
  defaultSort: { key: 'date', descending: true },
  search: {
    matches: (query) => ftsContains('sources_fts', sql`"sources"."id"`, query),
    matchList: (query) => ftsIn('sources_fts', sql`"sources"."id"`, query),
    countCapped: (query, cap) => ftsCountCapped('sources_fts', query, cap),
    rankKey: sql<number>`${sourcesFts.rank}`,
    recentKey: sql<number>`${sourcesFts.rowid}`,
  },
  always: isNull(sources.deletedAt),
  columns: sourceSummaryColumns,
  base: (db, fields, rankedBy) => {
    const query = db.select(fields).from(sources);
    return (rankedBy ? query.innerJoin(sourcesFts, and(sql`${sourcesFts} match ${ftsExpression(rankedBy)}`, eq(sourcesFts.rowid, sources.id))) : query).$dynamic();
  },
  toItem: (row: Row): SourceSummary => row,
  hydrate: (items, _db, search) => {
    if (search) for (const item of items) item.titleMatches = findMatches(item.title, search);
  },
  csv: [
    { header: 'id', value: (s) => s.id },
    { header: 'title', value: (s) => s.title },
    { header: 'publisher', value: (s) => s.publisher },
    { header: 'url', value: (s) => s.url },
    { header: 'publishedAt', value: (s) => s.publishedAt },
    { header: 'originalPublisher', value: (s) => s.originalPublisher },
    { header: 'originalPublishedAt', value: (s) => s.originalPublishedAt },
    { header: 'bodySha256', value: (s) => s.bodySha256 },
    { header: 'quoteCount', value: (s) => s.quoteCount },
  ],
  total: (db) => db.select({ value: counters.value }).from(counters).where(eq(counters.name, 'sources')).get()?.value ?? 0,
  defaultLimit: { page: 50, api: 100 },
} satisfies ListingSpec<Row, SourceSummary, any>;
