import 'server-only';
import { and, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/client';
import {
  actors,
  campEvidence,
  campMemberEvidence,
  campMembers,
  camps,
  quotes,
  sources,
  stanceEvidence,
  stances,
  topics,
  type Camp,
  type Position,
  type Quote,
  type Source,
  type Stance,
} from '@/db/schema';
import { EMPTY_FILTERS, type Filters, type Paging } from '@/lib/filters';
import { positionLabel } from '@/lib/positions';
import { cutPage, keyset, type Page } from './keyset';
import { actorRefColumns, topicRefColumns, type ActorRef, type TopicRef } from './refs';

export type Citation = Pick<Stance, 'asOf'> & { stanceId: Stance['id']; actor: ActorRef; topic: TopicRef; position: Position; label: string };

/** Camps whose existence or membership a quote evidences. */
export type CampCitation = Pick<Camp, 'slug' | 'name'> & { topic: TopicRef };

export type QuoteItem = Pick<Quote, 'id' | 'text' | 'kind' | 'sourceId' | 'start' | 'end' | 'saidAt' | 'speakerLabel'> & {
  speaker: ActorRef | null;
  source: Pick<Source, 'id' | 'title' | 'publisher' | 'publishedAt' | 'originalPublisher' | 'originalPublishedAt'>;
  citedBy: Citation[];
  camps: CampCitation[];
};

export const QUOTE_SORTS = ['date', 'source', 'speaker', 'kind'] as const;

const qb = new QueryBuilder();
const speaker = alias(actors, 'speaker');

/** When a quote was said, or failing that when its source was published: null if neither is known. */
const effectiveDate = sql<string | null>`coalesce(${quotes.saidAt}, ${sources.publishedAt}, ${sources.originalPublishedAt})`;

function sortKeys(sort: string | null): SQL[] {
  const inSource = [sql`${quotes.sourceId}`, sql`${quotes.start}`, sql`${quotes.id}`];
  switch (sort) {
    case 'source':
      return inSource;
    case 'speaker':
      return [sql`coalesce(${speaker.name}, ${quotes.speakerLabel})`, ...inSource];
    case 'kind':
      return [sql`${quotes.kind}`, ...inSource];
    default:
      return [sql`coalesce(${effectiveDate}, '')`, ...inSource];
  }
}

/** Stances that cite a quote, joined to their actor and topic, for evidence filters. */
function citingStances(extra: SQL | undefined) {
  return qb
    .select({ one: sql`1` })
    .from(stanceEvidence)
    .innerJoin(stances, eq(stances.id, stanceEvidence.stanceId))
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(topics, eq(topics.id, stances.topicId))
    .where(and(eq(stanceEvidence.quoteId, quotes.id), extra));
}

/** Camps whose existence or membership a quote evidences. */
function citingCamps(extra: SQL | undefined) {
  const direct = qb
    .select({ one: sql`1` })
    .from(campEvidence)
    .innerJoin(camps, eq(camps.id, campEvidence.campId))
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(and(eq(campEvidence.quoteId, quotes.id), extra));
  const viaMember = qb
    .select({ one: sql`1` })
    .from(campMemberEvidence)
    .innerJoin(campMembers, eq(campMembers.id, campMemberEvidence.memberId))
    .innerJoin(camps, eq(camps.id, campMembers.campId))
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .innerJoin(actors, eq(actors.id, campMembers.actorId))
    .where(and(eq(campMemberEvidence.quoteId, quotes.id), extra));
  return { direct, viaMember };
}

export function quoteConditions(filters: Filters): SQL[] {
  // Suggestions and rejected suggestions are the analyst's work in progress, not evidence.
  const where: SQL[] = [eq(quotes.reviewState, 'accepted')];
  if (filters.kind) where.push(eq(quotes.kind, filters.kind));
  if (filters.source) where.push(eq(quotes.sourceId, filters.source));
  if (filters.from) where.push(gte(effectiveDate, filters.from));
  if (filters.to) where.push(lte(effectiveDate, filters.to));
  if (filters.stance) where.push(sql`exists ${citingStances(eq(stances.id, filters.stance))}`);
  if (filters.positions.length) where.push(sql`exists ${citingStances(inArray(stances.position, filters.positions))}`);
  if (filters.countries.length) {
    // A quote concerns a country when its speaker speaks for it or it is evidence about it.
    const camp = citingCamps(inArray(actors.countryCode, filters.countries));
    where.push(
      or(
        inArray(speaker.countryCode, filters.countries),
        sql`exists ${citingStances(inArray(actors.countryCode, filters.countries))}`,
        sql`exists ${camp.viaMember}`,
      )!,
    );
  }
  if (filters.actor) {
    const camp = citingCamps(eq(actors.slug, filters.actor));
    where.push(or(eq(speaker.slug, filters.actor), sql`exists ${citingStances(eq(actors.slug, filters.actor))}`, sql`exists ${camp.viaMember}`)!);
  }
  if (filters.topic) {
    const camp = citingCamps(eq(topics.slug, filters.topic));
    where.push(or(sql`exists ${citingStances(eq(topics.slug, filters.topic))}`, sql`exists ${camp.direct}`, sql`exists ${camp.viaMember}`)!);
  }
  if (filters.camp) {
    const camp = citingCamps(eq(camps.slug, filters.camp));
    where.push(or(sql`exists ${camp.direct}`, sql`exists ${camp.viaMember}`)!);
  }
  return where;
}

export function getQuotes(filters: Filters, paging: Paging, db: Db = getDb()): Page<QuoteItem> {
  const page = keyset(sortKeys(paging.sort), paging);
  const base = db
    .select({
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
      sortKey: page.keyColumn,
    })
    .from(quotes)
    .innerJoin(sources, eq(sources.id, quotes.sourceId))
    .leftJoin(speaker, eq(speaker.id, quotes.speakerId))
    .where(and(...quoteConditions(filters), page.after))
    .orderBy(...page.orderBy);
  const rows = page.limit === undefined ? base.all() : base.limit(page.limit).all();
  const result = cutPage(rows, paging, ({ sortKey: _sortKey, ...row }) => ({
    ...row,
    citedBy: [] as Citation[],
    camps: [] as CampCitation[],
  }));
  const ids = result.items.map((q) => q.id);
  const citations = getCitations(ids, db);
  const campCitations = getCampCitations(ids, db);
  for (const item of result.items) {
    item.citedBy = citations.get(item.id) ?? [];
    item.camps = campCitations.get(item.id) ?? [];
  }
  return result;
}

export function countQuotes(filters: Filters, db: Db = getDb()): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(quotes)
      .innerJoin(sources, eq(sources.id, quotes.sourceId))
      .leftJoin(speaker, eq(speaker.id, quotes.speakerId))
      .where(and(...quoteConditions(filters)))
      .get()?.n ?? 0
  );
}

/** The stances citing each of the given quotes, in one query. */
export function getCitations(quoteIds: readonly number[], db: Db = getDb()): Map<number, Citation[]> {
  const byQuote = new Map<number, Citation[]>();
  if (quoteIds.length === 0) return byQuote;
  const rows = db
    .select({
      quoteId: stanceEvidence.quoteId,
      stanceId: stances.id,
      position: stances.position,
      asOf: stances.asOf,
      actor: actorRefColumns(actors),
      topic: topicRefColumns,
      scaleLabels: topics.scaleLabels,
    })
    .from(stanceEvidence)
    .innerJoin(stances, eq(stances.id, stanceEvidence.stanceId))
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(topics, eq(topics.id, stances.topicId))
    .where(inArray(stanceEvidence.quoteId, [...quoteIds]))
    .orderBy(stances.asOf, stances.id)
    .all();
  for (const r of rows) {
    const list = byQuote.get(r.quoteId) ?? [];
    list.push({
      stanceId: r.stanceId,
      actor: r.actor,
      topic: r.topic,
      position: r.position as Position,
      label: positionLabel(r.scaleLabels, r.position),
      asOf: r.asOf,
    });
    byQuote.set(r.quoteId, list);
  }
  return byQuote;
}

export type QuoteRef = Pick<Quote, 'id' | 'sourceId' | 'text' | 'kind' | 'speakerLabel'>;

/** Short references for a set of quotes (e.g. a page of stances' evidence), in one query. */
export function getQuoteRefs(ids: readonly number[], db: Db = getDb()): Map<number, QuoteRef> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: quotes.id, sourceId: quotes.sourceId, text: quotes.text, kind: quotes.kind, speakerLabel: quotes.speakerLabel })
    .from(quotes)
    .where(inArray(quotes.id, [...new Set(ids)]))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every quote of one source in text order, for highlighting the article. */
export function getSourceQuotes(sourceId: number, db: Db = getDb()): QuoteItem[] {
  const paging = { limit: null, cursor: null, sort: 'source', descending: false };
  return getQuotes({ ...EMPTY_FILTERS, source: sourceId }, paging, db).items;
}

/** The camps each of the given quotes is evidence for, directly or through a member. */
export function getCampCitations(quoteIds: readonly number[], db: Db = getDb()): Map<number, CampCitation[]> {
  const byQuote = new Map<number, CampCitation[]>();
  if (quoteIds.length === 0) return byQuote;
  const ids = [...quoteIds];
  const columns = { slug: camps.slug, name: camps.name, topic: topicRefColumns };
  const direct = db
    .select({ quoteId: campEvidence.quoteId, ...columns })
    .from(campEvidence)
    .innerJoin(camps, eq(camps.id, campEvidence.campId))
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(inArray(campEvidence.quoteId, ids));
  const viaMember = db
    .select({ quoteId: campMemberEvidence.quoteId, ...columns })
    .from(campMemberEvidence)
    .innerJoin(campMembers, eq(campMembers.id, campMemberEvidence.memberId))
    .innerJoin(camps, eq(camps.id, campMembers.campId))
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(inArray(campMemberEvidence.quoteId, ids));
  for (const r of direct.union(viaMember).all()) {
    const list = byQuote.get(r.quoteId) ?? [];
    list.push({ slug: r.slug, name: r.name, topic: r.topic });
    byQuote.set(r.quoteId, list);
  }
  return byQuote;
}
