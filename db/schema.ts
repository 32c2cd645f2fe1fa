// The single source of truth for the data model. Row types are inferred here;
// nothing else in the project writes a row type by hand.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

import { ACTOR_KINDS, CONFIDENCES, QUOTE_KINDS, REVIEW_STATES, type ScaleLabels } from '../lib/domain/vocabulary';

// Re-exported for modules written before the vocabulary moved to lib/domain.
export * from '../lib/domain/vocabulary';

// Calendar dates are ISO `YYYY-MM-DD` text: they sort and compare correctly in SQLite.
const isoDate = (name: string) => text(name);
const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    publisher: text('publisher').notNull(),
    url: text('url'),
    /** Null when the article carries no date: shown as unknown, never guessed. */
    publishedAt: isoDate('published_at'),
    /** The outlet this article reports on, e.g. UNN reporting Politico. */
    originalPublisher: text('original_publisher'),
    originalPublishedAt: isoDate('original_published_at'),
    /** Why a date is what it is, in the analyst's words. */
    dateNote: text('date_note'),
    dateline: text('dateline'),
    /** BCP 47 language tag when the input says it (front matter, <html lang>). */
    language: text('language'),
    /** The article text as stored, normalised once at ingest; quote offsets index into it. */
    body: text('body').notNull(),
    bodySha256: text('body_sha256').notNull(),
    /** The date listings sort and filter by: published, else originally published, else ''. */
    dateKey: text('date_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(published_at, original_published_at, '')`, { mode: 'virtual' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sources_body_sha256_unique').on(t.bodySha256),
    index('sources_date_idx').on(t.dateKey, t.id),
    // The same URL ingested twice is the same article, whatever its whitespace.
    uniqueIndex('sources_url_unique').on(t.url).where(sql`url is not null`),
  ],
);
export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;

export const actors = sqliteTable(
  'actors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ACTOR_KINDS }).notNull(),
    /** ISO 3166-1 alpha-2: the state itself, or the country a person speaks for. */
    countryCode: text('country_code'),
    /** The organisation a person speaks for (NATO, EU). */
    organisationId: integer('organisation_id').references((): AnySQLiteColumn => actors.id),
    /** Year the state joined NATO; null for non-members. */
    natoAccessionYear: integer('nato_accession_year'),
    /** False for a speaker the extractor proposed and no analyst has confirmed yet. */
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('actors_slug_unique').on(t.slug),
    index('actors_country_code_idx').on(t.countryCode),
    index('actors_by_country_idx').on(sql`coalesce(country_code, '~')`, t.name, t.id),
    index('actors_by_name_idx').on(t.name, t.id),
    check('actors_kind_check', sql`${t.kind} in ('state', 'person', 'organisation', 'anonymous')`),
    check('actors_country_code_check', sql`${t.countryCode} is null or length(${t.countryCode}) = 2`),
  ],
);
export type Actor = typeof actors.$inferSelect;
export type NewActor = typeof actors.$inferInsert;

/** Other names an actor is written as ("Viktor Orban", "Orbán"), matched through `aliasKey`. */
export const actorAliases = sqliteTable(
  'actor_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    /** The alias lower-cased, without diacritics and with single spaces: see aliasKey(). */
    aliasKey: text('alias_key').notNull(),
  },
  (t) => [uniqueIndex('actor_aliases_actor_key_unique').on(t.actorId, t.aliasKey), index('actor_aliases_key_idx').on(t.aliasKey)],
);
export type ActorAlias = typeof actorAliases.$inferSelect;
export type NewActorAlias = typeof actorAliases.$inferInsert;

export const topics = sqliteTable(
  'topics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    question: text('question').notNull(),
    scaleLabels: text('scale_labels', { mode: 'json' }).$type<ScaleLabels>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('topics_slug_unique').on(t.slug), index('topics_order_idx').on(t.sortOrder, t.slug, t.id)],
);
export type Topic = typeof topics.$inferSelect;
export type NewTopic = typeof topics.$inferInsert;

export const quotes = sqliteTable(
  'quotes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    /** Always equal to source.body.slice(start, end); checked on every write. */
    text: text('text').notNull(),
    kind: text('kind', { enum: QUOTE_KINDS }).notNull(),
    speakerId: integer('speaker_id').references(() => actors.id),
    /** The speaker as the article names them, e.g. "a senior US official". */
    speakerLabel: text('speaker_label').notNull(),
    saidAt: isoDate('said_at'),
    reviewState: text('review_state', { enum: REVIEW_STATES }).notNull().default('accepted'),
    /** The extractor's calibrated probability that the speaker is right; null for hand-coded quotes. */
    confidence: real('confidence'),
    /** Which extractor suggested the quote; null for hand-coded quotes. */
    extractorVersion: text('extractor_version'),
    /** Offsets of the speech cue ("said") and of the speaker mention the extractor used. */
    cueStart: integer('cue_start'),
    cueEnd: integer('cue_end'),
    speakerStart: integer('speaker_start'),
    speakerEnd: integer('speaker_end'),
    /** The first quote of the same statement reported elsewhere (same words, same speaker); null if none. */
    statementId: integer('statement_id').references((): AnySQLiteColumn => quotes.id),
    // Listing keys copied from the source and the speaker so that every sort and the common
    // filters are served by one index each. Kept true by triggers (migration 0003), never by callers.
    /** When said, else when the source was published, else ''. */
    dateKey: text('date_key').notNull().default(''),
    /** The speaker actor's country, null without one. */
    speakerCountry: text('speaker_country'),
    /** The speaker actor's name, else the label as written. */
    speakerName: text('speaker_name').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('quotes_source_idx').on(t.sourceId, t.start, t.id),
    index('quotes_speaker_idx').on(t.speakerId, t.reviewState, t.dateKey, t.id),
    index('quotes_by_date_idx').on(t.reviewState, t.dateKey, t.sourceId, t.start, t.id),
    index('quotes_by_country_idx').on(t.reviewState, t.speakerCountry, t.dateKey, t.sourceId, t.start, t.id),
    index('quotes_by_speaker_idx').on(t.reviewState, t.speakerName, t.sourceId, t.start, t.id),
    index('quotes_by_kind_idx').on(t.reviewState, t.kind, t.sourceId, t.start, t.id),
    index('quotes_by_source_idx').on(t.reviewState, t.sourceId, t.start, t.id),
    index('quotes_statement_idx').on(t.statementId),
    // A rejected suggestion is kept, but does not block an accepted quote on the same span.
    uniqueIndex('quotes_span_unique').on(t.sourceId, t.start, t.end, t.kind).where(sql`review_state <> 'rejected'`),
    // The review queue: doubtful suggestions first.
    index('quotes_review_queue_idx').on(t.confidence, t.id).where(sql`review_state = 'suggested'`),
    check('quotes_kind_check', sql`${t.kind} in ('direct', 'reported')`),
    check('quotes_review_state_check', sql`${t.reviewState} in ('suggested', 'accepted', 'rejected')`),
    check('quotes_confidence_check', sql`${t.confidence} is null or (${t.confidence} >= 0 and ${t.confidence} <= 1)`),
    check('quotes_span_check', sql`${t.start} >= 0 and ${t.end} > ${t.start}`),
  ],
);
export type Quote = typeof quotes.$inferSelect;
export type NewQuote = typeof quotes.$inferInsert;

export const stances = sqliteTable(
  'stances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    /** The date the evidence shows this position held; history is kept, never overwritten. */
    asOf: isoDate('as_of').notNull(),
    position: integer('position').notNull(),
    confidence: text('confidence', { enum: CONFIDENCES }).notNull(),
    summary: text('summary').notNull(),
    // Listing keys copied from the actor and topic, kept true by triggers (migration 0003).
    /** The actor's country, '~' without one (sorts last). */
    countryKey: text('country_key').notNull().default('~'),
    actorName: text('actor_name').notNull().default(''),
    topicOrder: integer('topic_order').notNull().default(0),
    topicSlug: text('topic_slug').notNull().default(''),
    evidenceCount: integer('evidence_count').notNull().default(0),
    /** low 1, medium 2, high 3: confidence in an order that sorts. */
    confidenceRank: integer('confidence_rank')
      .notNull()
      .generatedAlwaysAs(sql`case confidence when 'low' then 1 when 'medium' then 2 else 3 end`, { mode: 'virtual' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stances_actor_topic_as_of_unique').on(t.actorId, t.topicId, t.asOf),
    index('stances_topic_idx').on(t.topicId, t.asOf),
    index('stances_by_country_idx').on(t.countryKey, t.actorName, t.topicOrder, t.topicSlug, t.asOf, t.id),
    index('stances_by_actor_idx').on(t.actorName, t.topicOrder, t.topicSlug, t.asOf, t.id),
    index('stances_by_topic_idx').on(t.topicOrder, t.topicSlug, t.countryKey, t.actorName, t.asOf, t.id),
    index('stances_by_position_idx').on(t.position, t.countryKey, t.actorName, t.topicOrder, t.topicSlug, t.asOf, t.id),
    index('stances_by_as_of_idx').on(t.asOf, t.countryKey, t.actorName, t.topicOrder, t.topicSlug, t.id),
    index('stances_by_confidence_idx').on(t.confidenceRank, t.countryKey, t.actorName, t.topicOrder, t.topicSlug, t.asOf, t.id),
    index('stances_by_evidence_idx').on(t.evidenceCount, t.countryKey, t.actorName, t.topicOrder, t.topicSlug, t.asOf, t.id),
    check('stances_position_check', sql`${t.position} between -2 and 2`),
    check('stances_confidence_check', sql`${t.confidence} in ('low', 'medium', 'high')`),
  ],
);
export type Stance = typeof stances.$inferSelect;
export type NewStance = typeof stances.$inferInsert;

export const stanceEvidence = sqliteTable(
  'stance_evidence',
  {
    stanceId: integer('stance_id')
      .notNull()
      .references(() => stances.id, { onDelete: 'cascade' }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id),
  },
  (t) => [primaryKey({ columns: [t.stanceId, t.quoteId] }), index('stance_evidence_quote_idx').on(t.quoteId)],
);
export type StanceEvidence = typeof stanceEvidence.$inferSelect;
export type NewStanceEvidence = typeof stanceEvidence.$inferInsert;

export const camps = sqliteTable(
  'camps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('camps_slug_unique').on(t.slug), index('camps_topic_idx').on(t.topicId)],
);
export type Camp = typeof camps.$inferSelect;
export type NewCamp = typeof camps.$inferInsert;

/** Evidence that a camp exists at all, even when the sources name none of its members. */
export const campEvidence = sqliteTable(
  'camp_evidence',
  {
    campId: integer('camp_id')
      .notNull()
      .references(() => camps.id, { onDelete: 'cascade' }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id),
  },
  (t) => [primaryKey({ columns: [t.campId, t.quoteId] }), index('camp_evidence_quote_idx').on(t.quoteId)],
);
export type CampEvidence = typeof campEvidence.$inferSelect;
export type NewCampEvidence = typeof campEvidence.$inferInsert;

export const campMembers = sqliteTable(
  'camp_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campId: integer('camp_id')
      .notNull()
      .references(() => camps.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id),
    asOf: isoDate('as_of').notNull(),
  },
  (t) => [
    uniqueIndex('camp_members_camp_actor_unique').on(t.campId, t.actorId),
    index('camp_members_actor_idx').on(t.actorId),
  ],
);
export type CampMember = typeof campMembers.$inferSelect;
export type NewCampMember = typeof campMembers.$inferInsert;

export const campMemberEvidence = sqliteTable(
  'camp_member_evidence',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => campMembers.id, { onDelete: 'cascade' }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.quoteId] }), index('camp_member_evidence_quote_idx').on(t.quoteId)],
);
export type CampMemberEvidence = typeof campMemberEvidence.$inferSelect;
export type NewCampMemberEvidence = typeof campMemberEvidence.$inferInsert;

/**
 * Totals kept by triggers (migration 0003), so that the overview and the health check never
 * count whole tables: `name` is a table ('quotes' counts accepted quotes only).
 */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull().default(0),
});
export type Counter = typeof counters.$inferSelect;

/** Accepted quotes per month ('' when undated) and kind, kept by triggers: the evidence-over-time chart. */
export const quoteMonths = sqliteTable(
  'quote_months',
  {
    month: text('month').notNull(),
    kind: text('kind', { enum: QUOTE_KINDS }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.kind] })],
);
export type QuoteMonth = typeof quoteMonths.$inferSelect;

/** Small server settings, e.g. the key that signs listing cursors (made by migration 0005). */
export const settings = sqliteTable('settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});
export type Setting = typeof settings.$inferSelect;
