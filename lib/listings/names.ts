import 'server-only';
// Display names for filter values, looked up in one query per filter: a value missing from the
// returned map names nothing, and the runner refuses it by parameter.
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { actors, camps, sources, stances, topics } from '@/db/schema';

/** Country codes known to the data: a state's name, else the code itself for a speaker's country. */
export function countryNames(codes: readonly string[], db: Db): Map<string, string> {
  if (codes.length === 0) return new Map();
  const rows = db
    .select({ code: actors.countryCode, name: actors.name, isState: sql<number>`${actors.kind} = 'state'` })
    .from(actors)
    .where(inArray(actors.countryCode, [...codes]))
    .all();
  const names = new Map<string, string>();
  for (const r of rows.sort((a, b) => b.isState - a.isState)) if (r.code && !names.has(r.code)) names.set(r.code, r.isState ? r.name : r.code);
  return names;
}

export function topicNames(slugs: readonly string[], db: Db): Map<string, string> {
  if (slugs.length === 0) return new Map();
  return new Map(db.select({ slug: topics.slug, title: topics.title }).from(topics).where(inArray(topics.slug, [...slugs])).all().map((r) => [r.slug, r.title]));
}

export function campNames(slugs: readonly string[], db: Db): Map<string, string> {
  if (slugs.length === 0) return new Map();
  return new Map(db.select({ slug: camps.slug, name: camps.name }).from(camps).where(inArray(camps.slug, [...slugs])).all().map((r) => [r.slug, r.name]));
}

export function actorNames(slugs: readonly string[], db: Db): Map<string, string> {
  if (slugs.length === 0) return new Map();
  return new Map(db.select({ slug: actors.slug, name: actors.name }).from(actors).where(inArray(actors.slug, [...slugs])).all().map((r) => [r.slug, r.name]));
}

export function sourceNames(ids: readonly number[], db: Db): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: sources.id, title: sources.title }).from(sources).where(inArray(sources.id, [...ids])).all().map((r) => [String(r.id), `“${r.title}”`]));
}

export function stanceNames(ids: readonly number[], db: Db): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: stances.id, actor: stances.actorName, topic: topics.title, asOf: stances.asOf })
      .from(stances)
      .innerJoin(topics, sql`${topics.id} = ${stances.topicId}`)
      .where(inArray(stances.id, [...ids]))
      .all()
      .map((r) => [String(r.id), `stance #${r.id} (${r.actor} on ${r.topic}, ${r.asOf})`]),
  );
}
