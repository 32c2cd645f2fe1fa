import 'server-only';
// The evidence: accepted quotes, direct and reported, each at its place in its source.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { actors, counters, quotes, sources, type Quote, type Source } from '@/db/schema';
import { ftsContains, ftsCountCapped, ftsExpression, ftsIn } from '@/db/sqlite/fts';
import { quotesFts } from '@/db/sqlite/fts-tables';
import type { ListingSpec } from '@/lib/listing/types';
import { findMatches, type Match } from '@/lib/search/query';
import { getCampCitations, getCitations, type CampCitation, type Citation } from '@/lib/queries/evidence';
import { actorRefColumns, type ActorRef } from '@/lib/queries/refs';
import { actorFilter, campFilter, checkDateRange, countryFilter, dateFilter, kindFilter, positionFilter, sourceFilter, stanceFilter, topicFilter } from './common';

export type QuoteItem = Pick<Quote, 'id' | 'text' | 'kind' | 'sourceId' | 'start' | 'end' | 'saidAt' | 'speakerLabel'> & {
  speaker: ActorRef | null;
  source: Pick<Source, 'id' | 'title' | 'publisher' | 'publishedAt' | 'originalPublisher' | 'originalPublishedAt'>;
  citedBy: Citation[];
  camps: CampCitation[];
  /** With a search: where its words occur in `text` (offsets into the quote text). */
  matches?: Match[];
};

const speaker = alias(actors, 'speaker');

const columns = {
  id: quotes.id,
  text: quotes.text,
  kind: quotes.kind,
  sourceId: quotes.sourceId,
  start: quotes.start,
  end: quotes.end,
  saidAt: quotes.saidAt,
  speakerLabel: quotes.speakerLabel,
  speaker: actorRefColumns(speaker),
  source: {
    id: sources.id,
    title: sources.title,
    publisher: sources.publisher,
    publishedAt: sources.publishedAt,
    originalPublisher: sources.originalPublisher,
    originalPublishedAt: sources.originalPublishedAt,
  },
};

type Row = Omit<QuoteItem, 'citedBy' | 'camps' | 'matches'>;

/** The quote is evidence of a stance meeting `condition` (on stances `s`). */
const evidenceOfStance = (condition: ReturnType<typeof sql>) =>
  sql`exists (select 1 from stance_evidence se join stances s on s.id = se.stance_id where se.quote_id = "quotes"."id" and s.deleted_at is null and ${condition})`;
/** The quote is evidence for a camp meeting `condition` (on camps `c`), directly or for one of its members. */
const evidenceOfCamp = (condition: ReturnType<typeof sql>) =>
  sql`(exists (select 1 from camp_evidence ce join camps c on c.id = ce.camp_id where ce.quote_id = "quotes"."id" and c.deleted_at is null and ${condition})
    or exists (select 1 from camp_member_evidence cme join camp_members cm on cm.id = cme.member_id join camps c on c.id = cm.camp_id where cme.quote_id = "quotes"."id" and cm.deleted_at is null and c.deleted_at is null and ${condition}))`;

const inSource = [sql`${quotes.sourceId}`, sql`${quotes.start}`, sql`${quotes.id}`];

export const quoteListing = {
  name: 'quotes',
  noun: ['quote', 'quotes'],
  filters: {
    country: countryFilter((codes) => inArray(quotes.speakerCountry, [...codes]), 'Speaker speaks for'),
    actor: actorFilter(([slug]) => sql`${quotes.speakerId} = (select a.id from actors a where a.slug = ${slug})`, 'Said by'),
    topic: topicFilter(
      ([slug]) => {
        const topic = sql`(select t.id from topics t where t.slug = ${slug})`;
        return sql`(${evidenceOfStance(sql`s.topic_id = ${topic}`)} or ${evidenceOfCamp(sql`c.topic_id = ${topic}`)})`;
      },
      'Evidence on',
    ),
    camp: campFilter(([slug]) => evidenceOfCamp(sql`c.slug = ${slug}`), 'Evidence for the camp'),
    position: positionFilter((positions) => evidenceOfStance(sql`s.position in (${sql.join(positions.map((p) => sql`${p}`), sql`, `)})`), 'Evidence of a stance at'),
    kind: kindFilter(([kind]) => eq(quotes.kind, kind!), 'Only'),
    from: dateFilter('from', ([d]) => sql`${quotes.dateKey} >= ${d}`, 'Said or published'),
    to: dateFilter('to', ([d]) => sql`(${quotes.dateKey} <= ${d} and ${quotes.dateKey} <> '')`, 'Said or published'),
    source: sourceFilter(([id]) => eq(quotes.sourceId, id!), 'From'),
    stance: stanceFilter(([id]) => evidenceOfStance(sql`s.id = ${id}`), 'Evidence of'),
  },
  check: checkDateRange,
  sorts: {
    date: { label: 'Date', keys: [sql`${quotes.dateKey}`, ...inSource], index: 'quotes_by_date_idx' },
    source: { label: 'Source order', keys: inSource, index: 'quotes_by_source_idx' },
    speaker: { label: 'Speaker', keys: [sql`${quotes.speakerName}`, ...inSource], index: 'quotes_by_speaker_idx' },
    kind: { label: 'Kind', keys: [sql`${quotes.kind}`, ...inSource], index: 'quotes_by_kind_idx' },
  },
  defaultSort: { key: 'date', descending: false },
  search: {
    matches: (query) => ftsContains('quotes_fts', sql`"quotes"."id"`, query),
    matchList: (query) => ftsIn('quotes_fts', sql`"quotes"."id"`, query),
    countCapped: (query, cap) => ftsCountCapped('quotes_fts', query, cap),
    rankKey: sql<number>`${quotesFts.rank}`,
    recentKey: sql<number>`${quotesFts.rowid}`,
  },
  facets: [
    { param: 'country', value: sql`${quotes.speakerCountry}` },
    { param: 'kind', value: sql`${quotes.kind}` },
  ],
  // Evidence only: accepted, and not deleted (a deleted source takes its quotes with it).
  always: and(eq(quotes.reviewState, 'accepted'), isNull(quotes.deletedAt)),
  columns,
  base: (db, fields, rankedBy) => {
    const query = db.select(fields).from(quotes);
    const ranked = rankedBy ? query.innerJoin(quotesFts, and(sql`${quotesFts} match ${ftsExpression(rankedBy)}`, eq(quotesFts.rowid, quotes.id))) : query;
    // Left joins (every quote has its source) keep quotes the outer loop, on the sort's index.
    return ranked.leftJoin(sources, eq(sources.id, quotes.sourceId)).leftJoin(speaker, eq(speaker.id, quotes.speakerId)).$dynamic();
  },
  toItem: (row: Row): QuoteItem => ({ ...row, citedBy: [], camps: [] }),
  hydrate: (items, db, search) => {
    const ids = items.map((q) => q.id);
    const citations = getCitations(ids, db);
    const camps = getCampCitations(ids, db);
    for (const item of items) {
      item.citedBy = citations.get(item.id) ?? [];
      item.camps = camps.get(item.id) ?? [];
      if (search) item.matches = findMatches(item.text, search);
    }
  },
  csv: [
    { header: 'id', value: (q) => q.id },
    { header: 'kind', value: (q) => q.kind },
    { header: 'text', value: (q) => q.text },
    { header: 'speaker', value: (q) => q.speaker?.slug },
    { header: 'speakerLabel', value: (q) => q.speakerLabel },
    { header: 'speakerCountryCode', value: (q) => q.speaker?.countryCode },
    { header: 'saidAt', value: (q) => q.saidAt },
    { header: 'sourceId', value: (q) => q.sourceId },
    { header: 'start', value: (q) => q.start },
    { header: 'end', value: (q) => q.end },
    { header: 'stances', value: (q) => q.citedBy.map((c) => c.stanceId).join(' ') },
  ],
  total: (db) => db.select({ value: counters.value }).from(counters).where(eq(counters.name, 'quotes')).get()?.value ?? 0,
  defaultLimit: { page: 50, api: 100 },
} satisfies ListingSpec<Row, QuoteItem, any>;
