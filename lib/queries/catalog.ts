import 'server-only';
// Single records and the small reference lists pages are built around: one source, actor or
// topic; the allies; the camps of a topic or an actor; the choices of the filter form. Deleted
// records are left out everywhere: a deleted record's page answers 404.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { actors, campEvidence, campMemberEvidence, campMembers, camps, sources, stances, topics, type Camp, type CampMember, type Source } from '@/db/schema';
import { actorSummaryColumns, toActorSummary, type ActorSummary } from '@/lib/listings/actors';
import { sourceSummaryColumns, type SourceSummary } from '@/lib/listings/sources';
import { topicSummaryColumns, type TopicSummary } from '@/lib/listings/topics';
import { read } from './cached';
import { actorRefColumns, topicRefColumns, type ActorRef, type TopicRef } from './refs';

export type SourceDetail = SourceSummary & Pick<Source, 'body'>;

export function getSource(id: number, db?: Db): Promise<SourceDetail | null> {
  return read(['source', id], (db) => db.select({ ...sourceSummaryColumns, body: sources.body }).from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt))).get() ?? null, db);
}

export function getActor(slug: string, db?: Db): Promise<ActorSummary | null> {
  return read(
    ['actor', slug],
    (db) => {
      const row = db.select(actorSummaryColumns).from(actors).where(and(eq(actors.slug, slug), eq(actors.confirmed, true), isNull(actors.deletedAt))).get();
      return row ? toActorSummary(row) : null;
    },
    db,
  );
}

export function getTopic(slug: string, db?: Db): Promise<TopicSummary | null> {
  return read(['topic', slug], (db) => db.select(topicSummaryColumns).from(topics).where(and(eq(topics.slug, slug), isNull(topics.deletedAt))).get() ?? null, db);
}

/** Every topic in the analysts' order (topics are a few hundred at most). */
export function getTopics(db?: Db): Promise<TopicSummary[]> {
  return read(['topics'], (db) => db.select(topicSummaryColumns).from(topics).where(isNull(topics.deletedAt)).orderBy(asc(topics.sortOrder), asc(topics.slug), asc(topics.id)).all(), db);
}

/** NATO members in alphabetical order, for the matrix rows and the country filter. */
export function getAllies(db?: Db): Promise<(ActorRef & { id: number })[]> {
  return read(
    ['allies'],
    (db) =>
      db
        .select({ id: actors.id, ...actorRefColumns(actors) })
        .from(actors)
        .where(and(eq(actors.kind, 'state'), isNotNull(actors.natoAccessionYear), isNull(actors.deletedAt)))
        .orderBy(asc(actors.name))
        .all(),
    db,
  );
}

/** Organisations that hold stances of their own (the alliance as a whole). */
export function getOrganisationsWithStances(db?: Db): Promise<(ActorRef & { id: number })[]> {
  return read(
    ['organisations-with-stances'],
    (db) =>
      db
        .select({ id: actors.id, ...actorRefColumns(actors) })
        .from(actors)
        .where(and(eq(actors.kind, 'organisation'), isNull(actors.deletedAt), sql`exists (select 1 from stances s where s.actor_id = "actors"."id" and s.deleted_at is null)`))
        .orderBy(asc(actors.name))
        .all(),
    db,
  );
}

export type CampSummary = Pick<Camp, 'slug' | 'name' | 'description'> & {
  topic: TopicRef;
  evidence: number[];
  members: (Pick<CampMember, 'asOf'> & { actor: ActorRef; evidence: number[] })[];
};

/** Camps of one topic or with one actor as a member, or all; with members and evidence ids. */
export function getCamps(filter: { topic?: string | null; actor?: string | null } = {}, db?: Db): Promise<CampSummary[]> {
  return read(['camps', filter.topic ?? null, filter.actor ?? null], (db) => campsOf(filter, db), db);
}

function campsOf(filter: { topic?: string | null; actor?: string | null }, db: Db): CampSummary[] {
  const rows = db
    .select({ id: camps.id, slug: camps.slug, name: camps.name, description: camps.description, topic: topicRefColumns })
    .from(camps)
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(
      and(
        isNull(camps.deletedAt),
        filter.topic ? eq(topics.slug, filter.topic) : undefined,
        filter.actor
          ? sql`exists (select 1 from camp_members cm join actors a on a.id = cm.actor_id where cm.camp_id = "camps"."id" and a.slug = ${filter.actor} and cm.deleted_at is null)`
          : undefined,
      ),
    )
    .orderBy(asc(topics.sortOrder), asc(camps.name))
    .all();
  if (rows.length === 0) return [];
  const campIds = rows.map((r) => r.id);
  const evidence = db.select().from(campEvidence).where(inArray(campEvidence.campId, campIds)).orderBy(campEvidence.quoteId).all();
  const members = db
    .select({ memberId: campMembers.id, campId: campMembers.campId, asOf: campMembers.asOf, actor: actorRefColumns(actors) })
    .from(campMembers)
    .innerJoin(actors, eq(actors.id, campMembers.actorId))
    .where(and(inArray(campMembers.campId, campIds), isNull(campMembers.deletedAt)))
    .orderBy(asc(actors.name))
    .all();
  const memberEvidence = members.length
    ? db.select().from(campMemberEvidence).where(inArray(campMemberEvidence.memberId, members.map((m) => m.memberId))).all()
    : [];
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    description: r.description,
    topic: r.topic,
    evidence: evidence.filter((e) => e.campId === r.id).map((e) => e.quoteId),
    members: members
      .filter((m) => m.campId === r.id)
      .map((m) => ({ actor: m.actor, asOf: m.asOf, evidence: memberEvidence.filter((e) => e.memberId === m.memberId).map((e) => e.quoteId) })),
  }));
}

export type FilterOptions = {
  countries: { code: string; name: string }[];
  topics: { slug: string; title: string }[];
  camps: { slug: string; name: string; topicTitle: string }[];
};

/** Choices for the filter forms: states, topics, camps. */
export function getFilterOptions(db?: Db): Promise<FilterOptions> {
  return read(
    ['filter-options'],
    (db) => ({
      countries: db
        .select({ code: actors.countryCode, name: actors.name })
        .from(actors)
        .where(and(eq(actors.kind, 'state'), isNotNull(actors.countryCode), eq(actors.confirmed, true), isNull(actors.deletedAt)))
        .orderBy(asc(actors.name))
        .all()
        .flatMap((c) => (c.code ? [{ code: c.code, name: c.name }] : [])),
      topics: db.select({ slug: topics.slug, title: topics.title }).from(topics).where(isNull(topics.deletedAt)).orderBy(asc(topics.sortOrder), asc(topics.slug)).all(),
      camps: db
        .select({ slug: camps.slug, name: camps.name, topicTitle: topics.title })
        .from(camps)
        .innerJoin(topics, eq(topics.id, camps.topicId))
        .where(isNull(camps.deletedAt))
        .orderBy(asc(topics.sortOrder), asc(camps.name))
        .all(),
    }),
    db,
  );
}

/** Quick check for a stance's existence (stances are referenced by id in links). */
export function stanceExists(id: number, db?: Db): Promise<boolean> {
  return read(['stance-exists', id], (db) => db.select({ id: stances.id }).from(stances).where(and(eq(stances.id, id), isNull(stances.deletedAt))).get() !== undefined, db);
}
