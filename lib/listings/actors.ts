import 'server-only';
// States, organisations, people and unnamed speakers confirmed by an analyst.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { actors } from '@/db/schema';
import { jsonArrayOf, jsonObjectOf } from '@/db/sqlite/json';
import type { ListingSpec } from '@/lib/listing/types';
import type { ActorRef } from '@/lib/queries/refs';
import { actorFilter, campFilter, countryFilter } from './common';

export type ActorSummary = ActorRef & {
  id: number;
  natoAccessionYear: number | null;
  aliases: string[];
  organisation: { slug: string; name: string } | null;
  stanceCount: number;
  quoteCount: number;
};

export const actorSummaryColumns = {
  id: actors.id,
  slug: actors.slug,
  name: actors.name,
  kind: actors.kind,
  countryCode: actors.countryCode,
  natoAccessionYear: actors.natoAccessionYear,
  aliases: jsonArrayOf(sql`aa.alias`, sql`actor_aliases aa where aa.actor_id = "actors"."id"`, sql`aa.alias_key`),
  organisation: jsonObjectOf({ slug: sql`o.slug`, name: sql`o.name` }, sql`actors o where o.id = "actors"."organisation_id"`),
  // Qualified by hand: a correlated "id" would bind to the inner table.
  stanceCount: sql<number>`(select count(*) from stances s where s.actor_id = "actors"."id" and s.deleted_at is null)`,
  quoteCount: sql<number>`(select count(*) from quotes q where q.speaker_id = "actors"."id" and q.review_state = 'accepted' and q.deleted_at is null)`,
};

type Row = Omit<ActorSummary, 'organisation' | 'aliases'> & { organisation: string | null; aliases: string };

export function toActorSummary({ organisation, aliases, ...row }: Row): ActorSummary {
  return {
    ...row,
    aliases: JSON.parse(aliases) as string[],
    organisation: organisation ? (JSON.parse(organisation) as { slug: string; name: string }) : null,
  };
}

const countryKey = sql`coalesce(${actors.countryCode}, '~')`;

export const actorListing = {
  name: 'actors',
  noun: ['actor', 'actors'],
  filters: {
    country: countryFilter((codes) => inArray(actors.countryCode, [...codes]), 'Speaks for'),
    camp: campFilter(
      ([slug]) => sql`exists (select 1 from camp_members cm join camps c on c.id = cm.camp_id where c.slug = ${slug} and cm.actor_id = "actors"."id" and cm.deleted_at is null and c.deleted_at is null)`,
      'Member of the camp',
    ),
    actor: actorFilter(([slug]) => eq(actors.slug, slug!), 'Only'),
  },
  sorts: {
    country: { label: 'Country', keys: [countryKey, sql`${actors.name}`, sql`${actors.id}`], index: 'actors_by_country_idx' },
    name: { label: 'Name', keys: [sql`${actors.name}`, sql`${actors.id}`], index: 'actors_by_name_idx' },
  },
  defaultSort: { key: 'country', descending: false },
  facets: [{ param: 'country', value: sql`${actors.countryCode}` }],
  // Confirmed by an analyst, and not deleted.
  always: and(eq(actors.confirmed, true), isNull(actors.deletedAt)),
  columns: actorSummaryColumns,
  base: (db, fields) => db.select(fields).from(actors).$dynamic(),
  toItem: toActorSummary,
  csv: [
    { header: 'slug', value: (a) => a.slug },
    { header: 'name', value: (a) => a.name },
    { header: 'kind', value: (a) => a.kind },
    { header: 'countryCode', value: (a) => a.countryCode },
    { header: 'organisation', value: (a) => a.organisation?.slug },
    { header: 'natoAccessionYear', value: (a) => a.natoAccessionYear },
    { header: 'stanceCount', value: (a) => a.stanceCount },
    { header: 'quoteCount', value: (a) => a.quoteCount },
  ],
  defaultLimit: { page: 100, api: 100 },
} satisfies ListingSpec<Row, ActorSummary, any>;
