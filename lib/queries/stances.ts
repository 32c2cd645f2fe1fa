import 'server-only';
import { and, asc, desc, eq, exists, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { QueryBuilder } from 'drizzle-orm/sqlite-core';
import { actors, campMembers, camps, quotes, stanceEvidence, stances, topics, type Position, type Stance, type Topic } from '@/db/schema';
import type { Filters, Paging } from '@/lib/filters';
import { positionLabel } from '@/lib/positions';
import { cutPage, keyset, type Page } from './keyset';
import { actorRefColumns, topicRefColumns, type ActorRef, type TopicRef } from './refs';


export type StanceItem = Pick<Stance, 'id' | 'confidence' | 'asOf' | 'summary'> & {
  actor: ActorRef;
  topic: TopicRef;
  position: Position;
  label: string;
  evidence: number[];
};

// Subqueries only need a query builder, not a connection.
const qb = new QueryBuilder();

export const STANCE_SORTS = ['country', 'actor', 'topic', 'position', 'asOf', 'confidence', 'evidence'] as const;

const evidenceCount = sql<number>`(select count(*) from stance_evidence se where se.stance_id = ${stances.id})`;
const confidenceRank = sql<number>`(case ${stances.confidence} when 'low' then 1 when 'medium' then 2 else 3 end)`;
const countryKey = sql`coalesce(${actors.countryCode}, '~')`;

function sortKeys(sort: string | null): SQL[] {
  const byActor = [countryKey, sql`${actors.name}`];
  const byTopic = [sql`${topics.sortOrder}`, sql`${topics.slug}`];
  const tail = [sql`${stances.asOf}`, sql`${stances.id}`];
  switch (sort) {
    case 'actor':
      return [sql`${actors.name}`, ...byTopic, ...tail];
    case 'topic':
      return [...byTopic, ...byActor, ...tail];
    case 'position':
      return [sql`${stances.position}`, ...byActor, ...byTopic, ...tail];
    case 'asOf':
      return [...tail.slice(0, 1), ...byActor, ...byTopic, sql`${stances.id}`];
    case 'confidence':
      return [confidenceRank, ...byActor, ...byTopic, ...tail];
    case 'evidence':
      return [evidenceCount, ...byActor, ...byTopic, ...tail];
    default:
      return [...byActor, ...byTopic, ...tail];
  }
}

/** The stance cites at least one quote meeting `condition`. */
function citesEvidence(condition: SQL): SQL {
  return exists(
    qb
      .select({ one: sql`1` })
      .from(stanceEvidence)
      .innerJoin(quotes, eq(quotes.id, stanceEvidence.quoteId))
      .where(and(eq(stanceEvidence.stanceId, stances.id), condition)),
  );
}

/** Conditions on a stance row (joined with its actor and topic) for the shared filter grammar. */
export function stanceConditions(filters: Filters): SQL[] {
  const where: SQL[] = [];
  if (filters.countries.length) where.push(inArray(actors.countryCode, filters.countries));
  if (filters.actor) where.push(eq(actors.slug, filters.actor));
  if (filters.topic) where.push(eq(topics.slug, filters.topic));
  if (filters.positions.length) where.push(inArray(stances.position, filters.positions));
  if (filters.from) where.push(gte(stances.asOf, filters.from));
  if (filters.to) where.push(lte(stances.asOf, filters.to));
  if (filters.stance) where.push(eq(stances.id, filters.stance));
  if (filters.camp) {
    where.push(
      exists(
        qb
          .select({ one: sql`1` })
          .from(campMembers)
          .innerJoin(camps, eq(camps.id, campMembers.campId))
          .where(and(eq(camps.slug, filters.camp), eq(campMembers.actorId, stances.actorId))),
      ),
    );
  }
  if (filters.kind) where.push(citesEvidence(eq(quotes.kind, filters.kind)));
  if (filters.source) where.push(citesEvidence(eq(quotes.sourceId, filters.source)));
  return where;
}


const stanceColumns = {
  id: stances.id,
  position: stances.position,
  confidence: stances.confidence,
  asOf: stances.asOf,
  summary: stances.summary,
  actor: actorRefColumns(actors),
  topic: topicRefColumns,
  scaleLabels: topics.scaleLabels,
  evidence: sql<string>`(select json_group_array(quote_id) from (select se.quote_id from stance_evidence se where se.stance_id = ${stances.id} order by se.quote_id))`,
};

type StanceRow = Pick<Stance, 'id' | 'position' | 'confidence' | 'asOf' | 'summary'> & {
  actor: ActorRef;
  topic: TopicRef;
  scaleLabels: Topic['scaleLabels'];
  /** JSON array of quote ids. */
  evidence: string;
};

function toStanceItem(row: StanceRow): StanceItem {
  return {
    id: row.id,
    actor: row.actor,
    topic: row.topic,
    position: row.position as Position,
    label: positionLabel(row.scaleLabels, row.position),
    confidence: row.confidence,
    asOf: row.asOf,
    summary: row.summary,
    evidence: JSON.parse(row.evidence) as number[],
  };
}

export function getStances(filters: Filters, paging: Paging, db: Db = getDb()): Page<StanceItem> {
  const page = keyset(sortKeys(paging.sort), paging);
  const where = and(...stanceConditions(filters), page.after);
  const base = db
    .select({ ...stanceColumns, sortKey: page.keyColumn })
    .from(stances)
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(topics, eq(topics.id, stances.topicId))
    .where(where)
    .orderBy(...page.orderBy);
  const rows = page.limit === undefined ? base.all() : base.limit(page.limit).all();
  return cutPage(rows, paging, toStanceItem);
}

export function countStances(filters: Filters, db: Db = getDb()): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(stances)
      .innerJoin(actors, eq(actors.id, stances.actorId))
      .innerJoin(topics, eq(topics.id, stances.topicId))
      .where(and(...stanceConditions(filters)))
      .get()?.n ?? 0
  );
}

/** Every dated stance of one actor, oldest first per topic: the actor's history. */
export function getActorStanceHistory(actorSlug: string, db: Db = getDb()): StanceItem[] {
  return db
    .select(stanceColumns)
    .from(stances)
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(topics, eq(topics.id, stances.topicId))
    .where(eq(actors.slug, actorSlug))
    .orderBy(asc(topics.sortOrder), asc(stances.asOf))
    .all()
    .map(toStanceItem);
}

export type MatrixCell = StanceItem & { history: number };

/** The latest stance per actor and topic, with how many dated stances lie behind it. */
export function getLatestStances(filters: Pick<Filters, 'countries' | 'topic'>, db: Db = getDb()): MatrixCell[] {
  const ranked = db
    .select({
      id: stances.id,
      rank: sql<number>`row_number() over (partition by ${stances.actorId}, ${stances.topicId} order by ${stances.asOf} desc)`.as('rank'),
      history: sql<number>`count(*) over (partition by ${stances.actorId}, ${stances.topicId})`.as('history'),
    })
    .from(stances)
    .as('ranked');
  return db
    .select({ ...stanceColumns, history: ranked.history })
    .from(ranked)
    .innerJoin(stances, eq(stances.id, ranked.id))
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(topics, eq(topics.id, stances.topicId))
    .where(
      and(
        eq(ranked.rank, 1),
        filters.countries.length ? inArray(actors.countryCode, filters.countries) : undefined,
        filters.topic ? eq(topics.slug, filters.topic) : undefined,
      ),
    )
    .orderBy(asc(actors.name), asc(topics.sortOrder), desc(stances.asOf))
    .all()
    .map((row) => ({ ...toStanceItem(row), history: row.history }));
}
