import 'server-only';
// Display names for filter values, looked up in one query per filter: a value missing from the
// returned map names nothing, and the runner refuses it by parameter.
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { actors, camps, sources, stances, topics } from '@/db/schema';

/** Country codes known to the data: a state's name, else the code itself for a speaker's country. */
export function countryNames(codes: readonly string[], db: Db): Map<string, string> {
  if (codes.length === 0) return new Map();
  const rows = db
    .select({ code: actors.countryCode, name: actors.name, isState: sql<number>`${actors.kind} = 'state'` })
    .from(actors)
    .where(and(inArray(actors.countryCode, [...codes]), isNull(actors.deletedAt)))
    .all();
  const names = new Map<string, string>();
  for (const r of rows.sort((a, b) => b.isState - a.isState)) if (r.code && !names.has(r.code)) names.set(r.code, r.isState ? r.name : r.code);
  return names;
}

export function topicNames(slugs: readonly string[], db: Db): Map<string, string> {
  if (slugs.length === 0) return new Map();
  return new Map(db.select({ slug: topics.slug, title: topics.title }).from(topics).where(and(inArray(topics.slug, [...slugs]), isNull(topics.deletedAt))).all().map((r) => [r.slug, r.title]));
}

export function campNames(slugs: readonly string[], db: Db): Map<string, string> {
  if (slugs.length === 0) return new Map();
  return new Map(db.select({ slug: camps.slug, name: camps.name }).from(camps).where(and(inArray(camps.slug, [...slugs]), isNull(camps.deletedAt))).all().map((r) => [r.slug, r.name]));
}

export function actorNames(slugs: readonly string[], db: Db): Map<string, string> {
  if (slugs.length === 0) return new Map();
  return new Map(db.select({ slug: actors.slug, name: actors.name }).from(actors).where(and(inArray(actors.slug, [...slugs]), isNull(actors.deletedAt))).all().map((r) => [r.slug, r.name]));
}

export function sourceNames(ids: readonly number[], db: Db): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: sources.id, title: sources.title }).from(sources).where(and(inArray(sources.id, [...ids]), isNull(sources.deletedAt))).all().map((r) => [String(r.id), `“${r.title}”`]));
}

export function stanceNames(ids: readonly number[], db: Db): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: stances.id, actor: stances.actorName, topic: topics.title, asOf: stances.asOf })
      .from(stances)
      .innerJoin(topics, sql`${topics.id} = ${stances.topicId}`)
      .where(and(inArray(stances.id, [...ids]), isNull(stances.deletedAt)))
      .all()
      .map((r) => [String(r.id), `stance #${r.id} (${r.actor} on ${r.topic}, ${r.asOf})`]),
  );
}
