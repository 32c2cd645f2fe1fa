import 'server-only';
// What the analysts' forms pick from: actors found by name or alias (speakers, stance actors,
// camp members), accepted quotes found by their words or speaker (evidence), each quote with the
// words around it in its article so the analyst sees it in context.
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import type { Db } from '@/db/sqlite/connection';
import { actorAliases, actors, quotes, sources } from '@/db/schema';
import { aliasKey } from '@/lib/actors/alias-key';
import type { ActorKind, QuoteKind, ReviewState } from '@/lib/domain/vocabulary';
import { prepareListing, readListingPage } from '@/lib/listing/view';
import { quoteListing } from '@/lib/listings/quotes';

/** Characters of the article shown on each side of a quote in a picker. */
export const PICKER_CONTEXT_CHARS = 160;

export type ActorChoice = { slug: string; name: string; kind: ActorKind; countryCode: string | null; confirmed: boolean; aliases: string[] };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const likePattern = (text: string) => `%${escapeLike(text)}%`;

/**
 * Live actors whose name, slug or an alias contains `query`; confirmed actors first, then names
 * that start with it. Aliases are compared by their key (case, accents and spacing ignored);
 * names by their lower-cased text as typed and as a key.
 */
export function searchActorChoices(query: string, limit = 12, db: Db = getDb()): ActorChoice[] {
  const key = aliasKey(query).slice(0, 100);
  if (!key) return [];
  const typed = query.trim().toLowerCase().slice(0, 100);
  const byAlias = db.select({ actorId: actorAliases.actorId }).from(actorAliases).where(sql`${actorAliases.aliasKey} like ${likePattern(key)} escape '\\'`);
  const nameLike = (pattern: string) => sql`lower(${actors.name}) like ${pattern} escape '\\'`;
  const rows = db
    .select({ id: actors.id, slug: actors.slug, name: actors.name, kind: actors.kind, countryCode: actors.countryCode, confirmed: actors.confirmed })
    .from(actors)
    .where(and(isNull(actors.deletedAt), or(nameLike(likePattern(key)), nameLike(likePattern(typed)), sql`${actors.slug} like ${likePattern(key.replace(/ /g, '-'))} escape '\\'`, inArray(actors.id, byAlias))))
    .orderBy(sql`${actors.confirmed} desc`, sql`(${nameLike(`${escapeLike(key)}%`)} or ${nameLike(`${escapeLike(typed)}%`)}) desc`, asc(actors.name), asc(actors.id))
    .limit(limit)
    .all();
  const aliases = rows.length
    ? db
        .select({ actorId: actorAliases.actorId, alias: actorAliases.alias })
        .from(actorAliases)
        .where(inArray(actorAliases.actorId, rows.map((r) => r.id)))
        .orderBy(asc(actorAliases.id))
        .all()
    : [];
  return rows.map(({ id, ...row }) => ({ ...row, aliases: aliases.filter((a) => a.actorId === id).map((a) => a.alias) }));
}

export function actorChoice(slug: string, db: Db = getDb()): ActorChoice | null {
  const row = db
    .select({ id: actors.id, slug: actors.slug, name: actors.name, kind: actors.kind, countryCode: actors.countryCode, confirmed: actors.confirmed })
    .from(actors)
    .where(and(eq(actors.slug, slug), isNull(actors.deletedAt)))
    .get();
  if (!row) return null;
  const { id, ...rest } = row;
  return { ...rest, aliases: db.select({ alias: actorAliases.alias }).from(actorAliases).where(eq(actorAliases.actorId, id)).orderBy(asc(actorAliases.id)).all().map((a) => a.alias) };
}

const speaker = alias(actors, 'speaker');

export type QuoteChoice = {
  id: number;
  text: string;
  kind: QuoteKind;
  reviewState: ReviewState;
  speakerLabel: string;
  speaker: { slug: string; name: string } | null;
  saidAt: string | null;
  source: { id: number; title: string; publisher: string; publishedAt: string | null };
  start: number;
  end: number;
  /** The article's words just before and after the quote. */
  before: string;
  after: string;
};

/** The quotes with these ids (live ones, any review state), in the order given, each in its context. */
export function quoteChoices(ids: readonly number[], db: Db = getDb()): QuoteChoice[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({
      id: quotes.id,
      text: quotes.text,
      kind: quotes.kind,
      reviewState: quotes.reviewState,
      speakerLabel: quotes.speakerLabel,
      speakerSlug: speaker.slug,
      speakerName: speaker.name,
      saidAt: quotes.saidAt,
      start: quotes.start,
      end: quotes.end,
      sourceId: sources.id,
      title: sources.title,
      publisher: sources.publisher,
      publishedAt: sources.publishedAt,
      // Only the part of the body around the quote: sliced below in UTF-16 units, like the offsets.
      body: sources.body,
    })
    .from(quotes)
    .innerJoin(sources, eq(sources.id, quotes.sourceId))
    .leftJoin(speaker, eq(speaker.id, quotes.speakerId))
    .where(and(inArray(quotes.id, [...ids]), isNull(quotes.deletedAt)))
    .all();
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        text: r.text,
        kind: r.kind,
        reviewState: r.reviewState,
        speakerLabel: r.speakerLabel,
        speaker: r.speakerSlug && r.speakerName ? { slug: r.speakerSlug, name: r.speakerName } : null,
        saidAt: r.saidAt,
        source: { id: r.sourceId, title: r.title, publisher: r.publisher, publishedAt: r.publishedAt },
        start: r.start,
        end: r.end,
        ...contextAround(r.body, r.start, r.end, PICKER_CONTEXT_CHARS),
      } satisfies QuoteChoice,
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Up to `chars` characters either side of a span, cut at a word boundary where there is one nearby. */
export function contextAround(body: string, start: number, end: number, chars: number): { before: string; after: string } {
  let from = Math.max(0, start - chars);
  let to = Math.min(body.length, end + chars);
  if (from > 0) {
    const space = body.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < body.length) {
    const space = body.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return { before: `${from > 0 ? '…' : ''}${body.slice(from, start)}`, after: `${body.slice(end, to)}${to < body.length ? '…' : ''}` };
}

/**
 * Accepted quotes for evidence: matching the search box's words (the quotes listing's own
 * search grammar), by a speaker for an actor if one is given (for a state, everyone speaking
 * for it; else the actor itself), newest first; each in its context.
 */
export function searchQuoteChoices(params: { q?: string; actor?: string }, limit = 10, db: Db = getDb()): { choices: QuoteChoice[]; problems: string[] } {
  const actor = params.actor ? db.select({ kind: actors.kind, countryCode: actors.countryCode }).from(actors).where(and(eq(actors.slug, params.actor), isNull(actors.deletedAt))).get() : undefined;
  if (params.actor && !actor) return { choices: [], problems: [`No actor ${JSON.stringify(params.actor)}`] };
  const bySpeaker = actor?.kind === 'state' && actor.countryCode ? { country: actor.countryCode } : params.actor ? { actor: params.actor } : {};
  const { request, errors } = prepareListing(quoteListing, { q: params.q ?? '', ...bySpeaker, limit: String(limit) }, 'api', db);
  if (errors.length) return { choices: [], problems: errors.map((e) => `${e.param === 'q' ? 'Search' : e.param}: ${e.message}`) };
  const page = readListingPage(quoteListing, request, db);
  return { choices: quoteChoices(page.items.map((q) => q.id), db), problems: [] };
}

/** Organisations (and states) a person may speak for, by name. */
export function organisationChoices(db: Db = getDb()): { slug: string; name: string }[] {
  return db
    .select({ slug: actors.slug, name: actors.name })
    .from(actors)
    .where(and(inArray(actors.kind, ['organisation', 'state']), eq(actors.confirmed, true), isNull(actors.deletedAt)))
    .orderBy(sql`${actors.kind} = 'state'`, asc(actors.name))
    .all();
}
