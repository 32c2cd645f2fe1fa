// Column sets for the small references every listing embeds, selected as nested objects so
// that rows arrive already shaped (drizzle returns null for an all-null left-joined object).
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { topics, type Actor, type actors, type Topic } from '@/db/schema';

export type ActorRef = Pick<Actor, 'slug' | 'name' | 'kind' | 'countryCode'>;
export type TopicRef = Pick<Topic, 'slug' | 'title'>;

type ActorColumns = Pick<typeof actors, 'slug' | 'name' | 'kind' | 'countryCode'>;

/** Works on the actors table and on its aliases (e.g. the speaker of a quote). */
export function actorRefColumns<T extends { [K in keyof ActorColumns]: AnySQLiteColumn }>(table: T): Pick<T, keyof ActorColumns> {
  return { slug: table.slug, name: table.name, kind: table.kind, countryCode: table.countryCode };
}

export const topicRefColumns = { slug: topics.slug, title: topics.title };
