import 'server-only';
// What cites a page of quotes, and short references to quotes: one query per kind for a whole
// page, never one per row. Id lists are a page long (at most a thousand), never a table long.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { inJsonArray } from '@/db/sqlite/json';
import type { Db } from '@/db/sqlite/connection';
import { actors, campEvidence, campMemberEvidence, campMembers, camps, quotes, stanceEvidence, stances, topics, type Camp, type Quote, type Stance } from '@/db/schema';
import type { Position } from '@/lib/domain/vocabulary';
import { positionLabel } from '@/lib/positions';
import { actorRefColumns, topicRefColumns, type ActorRef, type TopicRef } from './refs';

export type Citation = Pick<Stance, 'asOf'> & { stanceId: Stance['id']; actor: ActorRef; topic: TopicRef; position: Position; label: string };

/** A camp whose existence or membership a quote evidences. */
export type CampCitation = Pick<Camp, 'slug' | 'name'> & { topic: TopicRef };

function prepareEvidenceQueries(db: Db) {
  const ids = sql.placeholder('ids');
  const citations = db
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
    // CROSS JOIN fixes the join order in SQLite: the evidence table, searched by quote id, stays
    // the outer loop (the planner otherwise scans the small tables and probes the id list).
    .crossJoin(stances)
    .crossJoin(actors)
    .crossJoin(topics)
    .where(and(inJsonArray(stanceEvidence.quoteId, ids), eq(stances.id, stanceEvidence.stanceId), eq(actors.id, stances.actorId), eq(topics.id, stances.topicId), isNull(stances.deletedAt)))
    .orderBy(stances.asOf, stances.id)
    .prepare();
  const columns = { slug: camps.slug, name: camps.name, topic: topicRefColumns };
  const direct = db
    .select({ quoteId: campEvidence.quoteId, ...columns })
    .from(campEvidence)
    .crossJoin(camps)
    .crossJoin(topics)
    .where(and(inJsonArray(campEvidence.quoteId, ids), eq(camps.id, campEvidence.campId), eq(topics.id, camps.topicId), isNull(camps.deletedAt)));
  const viaMember = db
    .select({ quoteId: campMemberEvidence.quoteId, ...columns })
    .from(campMemberEvidence)
    .crossJoin(campMembers)
    .crossJoin(camps)
    .crossJoin(topics)
    .where(and(inJsonArray(campMemberEvidence.quoteId, ids), eq(campMembers.id, campMemberEvidence.memberId), eq(camps.id, campMembers.campId), eq(topics.id, camps.topicId), isNull(campMembers.deletedAt), isNull(camps.deletedAt)));
  return { citations, camps: direct.union(viaMember).prepare() };
}

// Prepared once per connection: a page of quotes (and each batch of an export) runs them again.
const prepared = new WeakMap<object, ReturnType<typeof prepareEvidenceQueries>>();
function evidenceQueries(db: Db) {
  let queries = prepared.get(db);
  if (!queries) {
    queries = prepareEvidenceQueries(db);
    prepared.set(db, queries);
  }
  return queries;
}

/** The stances citing each of the given quotes. */
export function getCitations(quoteIds: readonly number[], db: Db): Map<number, Citation[]> {
  const byQuote = new Map<number, Citation[]>();
  if (quoteIds.length === 0) return byQuote;
  for (const r of evidenceQueries(db).citations.all({ ids: JSON.stringify(quoteIds) })) {
    const list = byQuote.get(r.quoteId) ?? [];
    list.push({ stanceId: r.stanceId, actor: r.actor, topic: r.topic, position: r.position as Position, label: positionLabel(r.scaleLabels, r.position), asOf: r.asOf });
    byQuote.set(r.quoteId, list);
  }
  return byQuote;
}

/** The camps each of the given quotes is evidence for, directly or through a member. */
export function getCampCitations(quoteIds: readonly number[], db: Db): Map<number, CampCitation[]> {
  const byQuote = new Map<number, CampCitation[]>();
  if (quoteIds.length === 0) return byQuote;
  const ids = JSON.stringify(quoteIds);
  for (const r of evidenceQueries(db).camps.all({ ids })) {
    const list = byQuote.get(r.quoteId) ?? [];
    list.push({ slug: r.slug, name: r.name, topic: r.topic });
    byQuote.set(r.quoteId, list);
  }
  return byQuote;
}

export type QuoteRef = Pick<Quote, 'id' | 'sourceId' | 'text' | 'kind' | 'speakerLabel'>;

/** Short references for a set of quotes (e.g. a page of stances' evidence). */
export function getQuoteRefs(ids: readonly number[], db: Db): Map<number, QuoteRef> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: quotes.id, sourceId: quotes.sourceId, text: quotes.text, kind: quotes.kind, speakerLabel: quotes.speakerLabel })
    .from(quotes)
    .where(inArray(quotes.id, [...new Set(ids)]))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}
