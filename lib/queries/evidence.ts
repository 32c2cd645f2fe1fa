import 'server-only';
// What cites a page of quotes, and short references to quotes: one query per kind for a whole
// page, never one per row. Id lists are a page long (at most a thousand), never a table long.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { actors, campEvidence, campMemberEvidence, campMembers, camps, quotes, stanceEvidence, stances, topics, type Camp, type Quote, type Stance } from '@/db/schema';
import type { Position } from '@/lib/domain/vocabulary';
import { positionLabel } from '@/lib/positions';
import { actorRefColumns, topicRefColumns, type ActorRef, type TopicRef } from './refs';

export type Citation = Pick<Stance, 'asOf'> & { stanceId: Stance['id']; actor: ActorRef; topic: TopicRef; position: Position; label: string };

/** A camp whose existence or membership a quote evidences. */
export type CampCitation = Pick<Camp, 'slug' | 'name'> & { topic: TopicRef };

/** The stances citing each of the given quotes. */
export function getCitations(quoteIds: readonly number[], db: Db): Map<number, Citation[]> {
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
    .where(and(inArray(stanceEvidence.quoteId, [...quoteIds]), isNull(stances.deletedAt)))
    .orderBy(stances.asOf, stances.id)
    .all();
  for (const r of rows) {
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
  const ids = [...quoteIds];
  const columns = { slug: camps.slug, name: camps.name, topic: topicRefColumns };
  const direct = db
    .select({ quoteId: campEvidence.quoteId, ...columns })
    .from(campEvidence)
    .innerJoin(camps, eq(camps.id, campEvidence.campId))
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(and(inArray(campEvidence.quoteId, ids), isNull(camps.deletedAt)));
  const viaMember = db
    .select({ quoteId: campMemberEvidence.quoteId, ...columns })
    .from(campMemberEvidence)
    .innerJoin(campMembers, eq(campMembers.id, campMemberEvidence.memberId))
    .innerJoin(camps, eq(camps.id, campMembers.campId))
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(and(inArray(campMemberEvidence.quoteId, ids), isNull(campMembers.deletedAt), isNull(camps.deletedAt)));
  for (const r of direct.union(viaMember).all()) {
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
