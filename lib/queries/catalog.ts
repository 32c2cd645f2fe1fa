// Reads of the reference tables: sources, actors, topics and camps.
import 'server-only';
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { actorAliases, actors, campEvidence, campMemberEvidence, campMembers, camps, quotes, sources, stances, topics, type Camp, type CampMember, type Source, type Topic } from '@/db/schema';
import type { Filters, Paging } from '@/lib/filters';
import { cutPage, keyset, type Page } from './keyset';
import { actorRefColumns, topicRefColumns, type ActorRef, type TopicRef } from './refs';

export type SourceSummary = Pick<
  Source,
  'id' | 'title' | 'publisher' | 'url' | 'publishedAt' | 'originalPublisher' | 'originalPublishedAt' | 'dateNote' | 'dateline' | 'bodySha256'
> & { bodyLength: number; quoteCount: number };
export type SourceDetail = SourceSummary & Pick<Source, 'body'>;

/**
 * A column of the outer query, written with its table name. Drizzle leaves the table name out of
 * a single-table select list, and inside a correlated subquery a bare "id" is the subquery's own.
 */
const outer = <T extends { name: string; table: unknown }>(column: T, table: string) => sql.raw(`"${table}"."${column.name}"`);

const sourceSummaryColumns = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  url: sources.url,
  publishedAt: sources.publishedAt,
  originalPublisher: sources.originalPublisher,
  originalPublishedAt: sources.originalPublishedAt,
  dateNote: sources.dateNote,
  dateline: sources.dateline,
  bodySha256: sources.bodySha256,
  bodyLength: sql<number>`length(${sources.body})`,
  quoteCount: sql<number>`(select count(*) from ${quotes} where ${quotes.sourceId} = ${outer(sources.id, 'sources')} and ${quotes.reviewState} = 'accepted')`,
};

export function getSources(filters: Filters, paging: Paging, db: Db = getDb()): Page<SourceSummary> {
  const page = keyset([sql`coalesce(${sources.publishedAt}, ${sources.originalPublishedAt}, '')`, sql`${sources.id}`], paging);
  const where: SQL[] = [];
  if (filters.source) where.push(eq(sources.id, filters.source));
  const date = sql`coalesce(${sources.publishedAt}, ${sources.originalPublishedAt})`;
  if (filters.from) where.push(sql`${date} >= ${filters.from}`);
  if (filters.to) where.push(sql`${date} <= ${filters.to}`);
  const base = db
    .select({ ...sourceSummaryColumns, sortKey: page.keyColumn })
    .from(sources)
    .where(and(...where, page.after))
    .orderBy(...page.orderBy);
  const rows = page.limit === undefined ? base.all() : base.limit(page.limit).all();
  return cutPage(rows, paging, ({ sortKey: _k, ...row }) => row);
}

export function getSource(id: number, db: Db = getDb()): SourceDetail | null {
  return db.select({ ...sourceSummaryColumns, body: sources.body }).from(sources).where(eq(sources.id, id)).get() ?? null;
}

export type ActorSummary = ActorRef & {
  id: number;
  natoAccessionYear: number | null;
  aliases: string[];
  organisation: { slug: string; name: string } | null;
  stanceCount: number;
  quoteCount: number;
};

export function getActors(filters: Filters, paging: Paging, db: Db = getDb()): Page<ActorSummary> {
  const page = keyset([sql`coalesce(${actors.countryCode}, '~')`, sql`${actors.name}`, sql`${actors.id}`], paging);
  // A speaker the extractor proposed is not shown until an analyst confirms it.
  const where: SQL[] = [eq(actors.confirmed, true)];
  if (filters.countries.length) where.push(inArray(actors.countryCode, filters.countries));
  if (filters.actor) where.push(eq(actors.slug, filters.actor));
  if (filters.camp) {
    where.push(
      inArray(
        actors.id,
        db.select({ id: campMembers.actorId }).from(campMembers).innerJoin(camps, eq(camps.id, campMembers.campId)).where(eq(camps.slug, filters.camp)),
      ),
    );
  }
  const base = db
    .select({ ...actorColumns, sortKey: page.keyColumn })
    .from(actors)
    .where(and(...where, page.after))
    .orderBy(...page.orderBy);
  const rows = page.limit === undefined ? base.all() : base.limit(page.limit).all();
  return cutPage(rows, paging, toActorSummary);
}

const actorColumns = {
    id: actors.id,
    slug: actors.slug,
    name: actors.name,
    kind: actors.kind,
    countryCode: actors.countryCode,
    natoAccessionYear: actors.natoAccessionYear,
    aliases: sql<string>`(select coalesce(json_group_array(${actorAliases.alias}), '[]') from (select ${actorAliases.alias} from ${actorAliases} where ${actorAliases.actorId} = ${outer(actors.id, 'actors')} order by ${actorAliases.id}) ${actorAliases})`,
    organisation: sql<string | null>`(select json_object('slug', o.slug, 'name', o.name) from actors o where o.id = ${outer(actors.organisationId, 'actors')})`,
    stanceCount: sql<number>`(select count(*) from ${stances} where ${stances.actorId} = ${outer(actors.id, 'actors')})`,
    quoteCount: sql<number>`(select count(*) from ${quotes} where ${quotes.speakerId} = ${outer(actors.id, 'actors')} and ${quotes.reviewState} = 'accepted')`,
};

type ActorRow = Omit<ActorSummary, 'organisation' | 'aliases'> & { organisation: string | null; aliases: string };

function toActorSummary({ organisation, aliases, ...row }: ActorRow & { sortKey?: string }): ActorSummary {
  const { sortKey: _k, ...rest } = row;
  return {
    ...rest,
    aliases: JSON.parse(aliases) as string[],
    organisation: organisation ? (JSON.parse(organisation) as { slug: string; name: string }) : null,
  };
}

export function getActor(slug: string, db: Db = getDb()): ActorSummary | null {
  const row = db.select(actorColumns).from(actors).where(and(eq(actors.slug, slug), eq(actors.confirmed, true))).get();
  return row ? toActorSummary(row) : null;
}

/** NATO members in alphabetical order, for the matrix rows and the country filter. */
export function getAllies(db: Db = getDb()): ActorRef[] {
  return db
    .select(actorRefColumns(actors))
    .from(actors)
    .where(and(eq(actors.kind, 'state'), isNotNull(actors.natoAccessionYear)))
    .orderBy(asc(actors.name))
    .all();
}

/** Organisations that hold stances of their own (the alliance as a whole). */
export function getOrganisationsWithStances(db: Db = getDb()): ActorRef[] {
  return db
    .select(actorRefColumns(actors))
    .from(actors)
    .where(and(eq(actors.kind, 'organisation'), sql`exists (select 1 from ${stances} where ${stances.actorId} = ${actors.id})`))
    .orderBy(asc(actors.name))
    .all();
}

export type TopicSummary = Pick<Topic, 'slug' | 'title' | 'question' | 'scaleLabels'> & { id: number; stanceCount: number };

export function getTopics(db: Db = getDb()): TopicSummary[] {
  return db
    .select({
      id: topics.id,
      slug: topics.slug,
      title: topics.title,
      question: topics.question,
      scaleLabels: topics.scaleLabels,
      stanceCount: sql<number>`(select count(*) from ${stances} where ${stances.topicId} = ${outer(topics.id, 'topics')})`,
    })
    .from(topics)
    .orderBy(asc(topics.sortOrder), asc(topics.slug))
    .all();
}

export function getTopic(slug: string, db: Db = getDb()): TopicSummary | null {
  return getTopics(db).find((t) => t.slug === slug) ?? null;
}

export type CampSummary = Pick<Camp, 'slug' | 'name' | 'description'> & {
  topic: TopicRef;
  evidence: number[];
  members: (Pick<CampMember, 'asOf'> & { actor: ActorRef; evidence: number[] })[];
};

export function getCamps(filter: { topic?: string | null; actor?: string | null } = {}, db: Db = getDb()): CampSummary[] {
  const rows = db
    .select({ id: camps.id, slug: camps.slug, name: camps.name, description: camps.description, topic: topicRefColumns })
    .from(camps)
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(
      and(
        filter.topic ? eq(topics.slug, filter.topic) : undefined,
        filter.actor
          ? inArray(
              camps.id,
              db.select({ id: campMembers.campId }).from(campMembers).innerJoin(actors, eq(actors.id, campMembers.actorId)).where(eq(actors.slug, filter.actor)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(topics.sortOrder), asc(camps.name))
    .all();
  if (rows.length === 0) return [];
  const campIds = rows.map((r) => r.id);
  const evidence = db.select().from(campEvidence).where(inArray(campEvidence.campId, campIds)).orderBy(campEvidence.quoteId).all();
  const members = db
    .select({
      memberId: campMembers.id,
      campId: campMembers.campId,
      asOf: campMembers.asOf,
      actor: actorRefColumns(actors),
    })
    .from(campMembers)
    .innerJoin(actors, eq(actors.id, campMembers.actorId))
    .where(inArray(campMembers.campId, campIds))
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
      .map((m) => ({
        actor: m.actor,
        asOf: m.asOf,
        evidence: memberEvidence.filter((e) => e.memberId === m.memberId).map((e) => e.quoteId),
      })),
  }));
}

/** Quick existence check used to answer 400 for a filter naming something that does not exist. */
export function findUnknownReferences(filters: Filters, db: Db = getDb()): { param: string; message: string }[] {
  const unknown: { param: string; message: string }[] = [];
  const exists = (table: typeof topics | typeof camps | typeof actors, slug: string) =>
    db.select({ one: sql`1` }).from(table).where(eq(table.slug, slug)).get() !== undefined;
  if (filters.topic && !exists(topics, filters.topic)) unknown.push({ param: 'topic', message: `no topic "${filters.topic}"` });
  if (filters.camp && !exists(camps, filters.camp)) unknown.push({ param: 'camp', message: `no camp "${filters.camp}"` });
  if (filters.actor && !exists(actors, filters.actor)) unknown.push({ param: 'actor', message: `no actor "${filters.actor}"` });
  return unknown;
}

export type FilterOptionLists = {
  countries: { code: string; name: string }[];
  topics: { slug: string; title: string }[];
  camps: { slug: string; name: string; topicTitle: string }[];
};

/** Choices for the filter form: allies, then other states that hold stances. */
export function getFilterOptions(db: Db = getDb()): FilterOptionLists {
  const countries = db
    .select({ code: actors.countryCode, name: actors.name })
    .from(actors)
    .where(and(eq(actors.kind, 'state'), isNotNull(actors.countryCode), eq(actors.confirmed, true)))
    .orderBy(asc(actors.name))
    .all()
    .flatMap((c) => (c.code ? [{ code: c.code, name: c.name }] : []));
  const campRows = db
    .select({ slug: camps.slug, name: camps.name, topicTitle: topics.title })
    .from(camps)
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .orderBy(asc(topics.sortOrder), asc(camps.name))
    .all();
  return { countries, topics: getTopics(db).map((t) => ({ slug: t.slug, title: t.title })), camps: campRows };
}
