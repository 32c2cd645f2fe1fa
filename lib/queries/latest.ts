import 'server-only';
// The latest stance of given actors on given topics, and how many dated stances lie behind
// each: one index seek per actor and topic (stances_actor_topic_as_of_unique), so the cost
// follows the size of the matrix shown, never the size of the history.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { actors, stances, topics } from '@/db/schema';
import { toStanceItem, stanceListing, type StanceItem } from '@/lib/listings/stances';
import { read } from './cached';

export type MatrixCell = StanceItem & { history: number };

export function getLatestStances(actorIds: readonly number[], topicIds: readonly number[], db?: Db): Promise<MatrixCell[]> {
  if (actorIds.length === 0 || topicIds.length === 0) return Promise.resolve([]);
  return read(['latest', [...actorIds], [...topicIds]], (db) => latest(actorIds, topicIds, db), db);
}

function latest(actorIds: readonly number[], topicIds: readonly number[], db: Db): MatrixCell[] {
  const ids = sql.join(actorIds.map((id) => sql`${id}`), sql`, `);
  const topicList = sql.join(topicIds.map((id) => sql`${id}`), sql`, `);
  const latestIds = sql`(select (select s.id from stances s where s.actor_id = a.id and s.topic_id = t.id and s.deleted_at is null order by s.as_of desc limit 1)
    from actors a, topics t where a.id in (${ids}) and t.id in (${topicList}))`;
  return db
    .select({ ...stanceListing.columns, history: sql<number>`(select count(*) from stances h where h.actor_id = "stances"."actor_id" and h.topic_id = "stances"."topic_id" and h.deleted_at is null)` })
    .from(stances)
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(topics, eq(topics.id, stances.topicId))
    .where(sql`${stances.id} in ${latestIds}`)
    .orderBy(asc(actors.name), asc(topics.sortOrder), asc(topics.slug))
    .all()
    .map((row) => ({ ...toStanceItem(row), history: row.history }));
}

/** Every dated stance of one actor on one topic, oldest first (a cell's history: a few rows). */
export function getStanceHistory(actorId: number, topicIds: readonly number[], db?: Db): Promise<StanceItem[]> {
  return read(
    ['history', actorId, [...topicIds]],
    (db) =>
      db
        .select(stanceListing.columns)
        .from(stances)
        .innerJoin(actors, eq(actors.id, stances.actorId))
        .innerJoin(topics, eq(topics.id, stances.topicId))
        .where(sql`${stances.actorId} = ${actorId} and ${inArray(stances.topicId, [...topicIds])} and ${stances.deletedAt} is null`)
        .orderBy(asc(topics.sortOrder), asc(topics.slug), asc(stances.asOf))
        .all()
        .map(toStanceItem),
    db,
  );
}
