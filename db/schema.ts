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

import { ACTOR_KINDS, AUDIT_DOORS, CONFIDENCES, QUOTE_KINDS, REVIEW_STATES, USER_ROLES, type ScaleLabels } from '../lib/domain/vocabulary';

// Re-exported for modules written before the vocabulary moved to lib/domain.
export * from '../lib/domain/vocabulary';

// Calendar dates are ISO `YYYY-MM-DD` text: they sort and compare correctly in SQLite.
const isoDate = (name: string) => text(name);
const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/**
 * Every record an analyst edits carries a version (an update naming an older one is refused,
 * never a silent overwrite) and is deleted softly: `deleted_at` set, the row kept, restorable.
 * Public reads leave deleted rows out.
 */
const editable = () => ({
  version: integer('version').notNull().default(1),
  /** ISO timestamp of the soft delete; null while the record is live. */
  deletedAt: text('deleted_at'),
  /** Who deleted it: a user id, or a system principal such as "system:seed". */
  deletedBy: text('deleted_by'),
});

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
    ...editable(),
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
    ...editable(),
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
    ...editable(),
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
    ...editable(),
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
    // Nor does a deleted quote.
    uniqueIndex('quotes_span_unique').on(t.sourceId, t.start, t.end, t.kind).where(sql`review_state <> 'rejected' and deleted_at is null`),
    // The review queue: doubtful suggestions first. review_state leads although the index holds one
    // value of it: the planner then sees the queue's equality and order served by this one index.
    index('quotes_review_queue_idx').on(t.reviewState, t.confidence, t.id).where(sql`review_state = 'suggested' and deleted_at is null`),
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
    ...editable(),
    createdAt: createdAt(),
  },
  (t) => [
    // One live judgement per actor, topic and date; a deleted one leaves room for its correction.
    uniqueIndex('stances_actor_topic_as_of_unique').on(t.actorId, t.topicId, t.asOf).where(sql`deleted_at is null`),
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
    ...editable(),
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
    ...editable(),
  },
  (t) => [
    // A deleted membership does not block a new one; restoring it then conflicts (409).
    uniqueIndex('camp_members_camp_actor_unique').on(t.campId, t.actorId).where(sql`deleted_at is null`),
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

// ---------------------------------------------------------------------------------------------
// Accounts. The four tables better-auth reads and writes (user, session, account, verification,
// plus its rate-limit counters), as its drizzle adapter expects them: property names are
// better-auth's field names, columns are snake_case. See lib/auth/auth.ts.

/** better-auth's dates: integer milliseconds since the epoch (its drizzle schema for SQLite). */
const epochMs = (name: string) => integer(name, { mode: 'timestamp_ms' });
const epochNow = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Stored lower-cased, as better-auth compares it. */
    email: text('email').notNull(),
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    image: text('image'),
    role: text('role', { enum: USER_ROLES }).notNull().default('viewer'),
    createdAt: epochMs('created_at').notNull().default(epochNow),
    updatedAt: epochMs('updated_at')
      .notNull()
      .default(epochNow)
      .$onUpdate(() => new Date()),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_role_check', sql`${t.role} in ('viewer', 'analyst', 'admin')`)],
);
export type User = typeof users.$inferSelect;

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: epochMs('expires_at').notNull(),
    /** The random value in the session cookie. */
    token: text('token').notNull(),
    createdAt: epochMs('created_at').notNull().default(epochNow),
    updatedAt: epochMs('updated_at')
      .notNull()
      .default(epochNow)
      .$onUpdate(() => new Date()),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('sessions_token_unique').on(t.token), index('sessions_user_id_idx').on(t.userId)],
);

/** Sign-in methods of a user; for email and password, providerId 'credential' and the password's scrypt hash. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: epochMs('access_token_expires_at'),
    refreshTokenExpiresAt: epochMs('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: epochMs('created_at').notNull().default(epochNow),
    updatedAt: epochMs('updated_at')
      .notNull()
      .default(epochNow)
      .$onUpdate(() => new Date()),
  },
  (t) => [index('accounts_user_id_idx').on(t.userId)],
);

export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    createdAt: epochMs('created_at').notNull().default(epochNow),
    updatedAt: epochMs('updated_at')
      .notNull()
      .default(epochNow)
      .$onUpdate(() => new Date()),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** better-auth's rate-limit counters, in the database so that every server worker shares them. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    count: integer('count').notNull(),
    lastRequest: integer('last_request').notNull(),
  },
  (t) => [uniqueIndex('rate_limits_key_unique').on(t.key)],
);

/**
 * API tokens for scripts and notebooks (`Authorization: Bearer <token>`). Only the sha256 of a
 * token is stored: the token is 256 random bits, so a plain hash cannot be reversed or guessed.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the token is for, in its owner's words ("notebook"). */
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: text('last_used_at'),
    /** Set when revoked; a revoked token is refused and never comes back. */
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_unique').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * Every change, appended in the transaction that made it; triggers refuse UPDATE and DELETE
 * (migration 0007). Who is kept as they were at the time (the email, the role), and no foreign
 * key ties an entry to a user, so that nothing about an account can rewrite its history.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** ISO timestamp, one per transaction. */
    at: text('at').notNull(),
    /** The user's id, or null for the system (seed, command line). */
    userId: text('user_id'),
    /** The user's email at the time, or the system principal's name ("system:ingest"). */
    who: text('who').notNull(),
    role: text('role').notNull(),
    door: text('door', { enum: AUDIT_DOORS }).notNull(),
    /** The write action, e.g. "stance:create", "quote:accept", "actor:delete". */
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    /** The record's id as text (numbers for data, strings for users). */
    recordId: text('record_id').notNull(),
    /** The record's slug at the time, for records that have one. */
    recordSlug: text('record_slug'),
    /** The record as it was before (null for a creation) and after, as JSON. */
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_record_idx').on(t.recordType, t.recordId, t.at, t.id),
    index('audit_log_user_idx').on(t.userId, t.at, t.id),
    check('audit_log_door_check', sql`${t.door} in ('page', 'api-token', 'api-session', 'cli')`),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;
