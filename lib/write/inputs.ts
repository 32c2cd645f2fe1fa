// Shapes of everything that can be written. Every write path parses its input with one of these.
import { z } from 'zod';
import { ACTOR_KINDS, CONFIDENCES, QUOTE_KINDS, USER_ROLES } from '@/db/schema';
import { isoDateSchema } from '@/lib/dates';

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "new-strategy"');
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "HU"');
const id = z.number().int().positive();
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * A URL that may be stored and shown as a link: http or https only (never javascript: or data:),
 * at most 2,000 characters.
 */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2,000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

export const sourceInput = z.object({
  title: nonEmpty,
  publisher: nonEmpty,
  url: httpUrlSchema.nullable().default(null),
  publishedAt: isoDateSchema.nullable().default(null),
  originalPublisher: nonEmpty.nullable().default(null),
  originalPublishedAt: isoDateSchema.nullable().default(null),
  dateNote: nonEmpty.nullable().default(null),
  dateline: nonEmpty.nullable().default(null),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i, 'must be a language tag like "en" or "en-GB"')
    .nullable()
    .default(null),
  // Verbatim: no trimming, offsets index into exactly this string.
  body: z.string().min(1, 'must not be empty'),
});
export type SourceInput = z.infer<typeof sourceInput>;

export const actorInput = z
  .object({
    slug: slugSchema,
    name: nonEmpty,
    kind: z.enum(ACTOR_KINDS),
    countryCode: countryCodeSchema.nullable().default(null),
    organisationId: id.nullable().default(null),
    natoAccessionYear: z.number().int().min(1949).max(2100).nullable().default(null),
    aliases: z.array(nonEmpty).default([]),
    /** False for a speaker proposed by the extractor, until an analyst confirms it. */
    confirmed: z.boolean().default(true),
  })
  .refine((a) => a.kind !== 'state' || a.countryCode !== null, {
    message: 'a state needs a countryCode',
    path: ['countryCode'],
  });
export type ActorInput = z.infer<typeof actorInput>;

export const topicInput = z.object({
  slug: slugSchema,
  title: nonEmpty,
  question: nonEmpty,
  scaleLabels: z.tuple([nonEmpty, nonEmpty, nonEmpty, nonEmpty, nonEmpty]),
  sortOrder: z.number().int().default(0),
});
export type TopicInput = z.infer<typeof topicInput>;

const quoteFields = z.object({
  sourceId: id,
  start: z.number().int().min(0),
  end: z.number().int().positive(),
  text: z.string().min(1, 'must not be empty'),
  kind: z.enum(QUOTE_KINDS),
  speakerId: id.nullable().default(null),
  speakerLabel: nonEmpty,
  saidAt: isoDateSchema.nullable().default(null),
});
const spanOrder = { message: 'end must be after start', path: ['end'] };

export const quoteInput = quoteFields.refine((q) => q.end > q.start, spanOrder);
export type QuoteInput = z.infer<typeof quoteInput>;

const offset = z.number().int().min(0).nullable().default(null);
const pairedSpan = (start: number | null, end: number | null) => (start === null) === (end === null) && (start === null || end! > start);

/** A quote the extractor found: not evidence until an analyst accepts it. */
export const suggestedQuoteInput = quoteFields
  .extend({
    reviewState: z.literal('suggested'),
    confidence: z.number().min(0).max(1),
    extractorVersion: nonEmpty,
    cueStart: offset,
    cueEnd: offset,
    speakerStart: offset,
    speakerEnd: offset,
    statementId: id.nullable().default(null),
  })
  .refine((q) => q.end > q.start, spanOrder)
  .refine((q) => pairedSpan(q.cueStart, q.cueEnd), { message: 'cueStart and cueEnd must both be set, in order, or both be null', path: ['cueEnd'] })
  .refine((q) => pairedSpan(q.speakerStart, q.speakerEnd), { message: 'speakerStart and speakerEnd must both be set, in order, or both be null', path: ['speakerEnd'] });
export type SuggestedQuoteInput = z.infer<typeof suggestedQuoteInput>;

const evidence = z.array(id).min(1, 'needs at least one evidence quote');

export const stanceInput = z.object({
  actorId: id,
  topicId: id,
  asOf: isoDateSchema,
  position: z.number().int().min(-2).max(2),
  confidence: z.enum(CONFIDENCES),
  summary: nonEmpty,
  evidenceQuoteIds: evidence,
});
export type StanceInput = z.infer<typeof stanceInput>;

export const campInput = z.object({
  slug: slugSchema,
  topicId: id,
  name: nonEmpty,
  description: nonEmpty,
  evidenceQuoteIds: evidence,
  members: z.array(z.object({ actorId: id, asOf: isoDateSchema, evidenceQuoteIds: evidence })).default([]),
});
export type CampInput = z.infer<typeof campInput>;

// ---------------------------------------------------------------------------------------------
// What the JSON API and the pages' forms send: the read API's field names, actors, topics and
// camps by slug, quotes and sources by id. Unknown fields are refused by name (a typo such as
// "postion" is an error, never silently ignored). Updates name the version they change.

const ref = slugSchema;
const evidenceIds = z.array(id).min(1, 'needs at least one accepted quote').max(500, 'at most 500 quotes');
/** The version the client last saw; an older one is refused with 409 and the current record. */
export const versionSchema = z.number().int().positive();
const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** Body of POST /api/sources as JSON (an upload is read from its file instead). */
export const articleInput = z.strictObject({
  title: nonEmpty.max(500, 'must be at most 500 characters'),
  publisher: nonEmpty.max(200, 'must be at most 200 characters'),
  url: optionalNullable(httpUrlSchema),
  publishedAt: optionalNullable(isoDateSchema),
  body: z.string().refine((b) => b.trim().length > 0, 'must not be empty'),
});
export type ArticleInput = z.infer<typeof articleInput>;

/** Optional body of accept, reject, DELETE and restore: the version the client saw. */
export const versionCheckInput = z.strictObject({ version: versionSchema.optional() });

export const quotePatchInput = z
  .strictObject({
    version: versionSchema,
    start: z.number().int().min(0).optional(),
    end: z.number().int().positive().optional(),
    /** When given, must equal the source body between start and end; derived from them otherwise. */
    text: z.string().min(1).optional(),
    kind: z.enum(QUOTE_KINDS).optional(),
    /** An actor's slug, or null when the speaker is no actor. */
    speaker: ref.nullable().optional(),
    speakerLabel: nonEmpty.optional(),
    saidAt: optionalNullable(isoDateSchema),
  })
  .refine((q) => q.start === undefined || q.end === undefined || q.end > q.start, spanOrder);
export type QuotePatchInput = z.infer<typeof quotePatchInput>;

export const stanceCreateInput = z.strictObject({
  actor: ref,
  topic: ref,
  position: z.number().int().min(-2, 'must be between -2 and 2').max(2, 'must be between -2 and 2'),
  confidence: z.enum(CONFIDENCES),
  asOf: isoDateSchema,
  summary: nonEmpty,
  /** Ids of accepted quotes: at least one. */
  evidence: evidenceIds,
});
export type StanceCreateInput = z.infer<typeof stanceCreateInput>;

export const stancePatchInput = z.strictObject({
  version: versionSchema,
  position: stanceCreateInput.shape.position.optional(),
  confidence: z.enum(CONFIDENCES).optional(),
  asOf: isoDateSchema.optional(),
  summary: nonEmpty.optional(),
  evidence: evidenceIds.optional(),
});
export type StancePatchInput = z.infer<typeof stancePatchInput>;

const actorFields = {
  name: nonEmpty.max(200, 'must be at most 200 characters'),
  kind: z.enum(ACTOR_KINDS),
  countryCode: countryCodeSchema.nullable(),
  /** The slug of the organisation (or state) a person speaks for. */
  organisation: ref.nullable(),
  natoAccessionYear: z.number().int().min(1949).max(2100).nullable(),
  aliases: z.array(nonEmpty.max(200)).max(100, 'at most 100 aliases'),
  confirmed: z.boolean(),
};

export const actorCreateInput = z
  .strictObject({
    slug: ref.optional(),
    name: actorFields.name,
    kind: actorFields.kind,
    countryCode: actorFields.countryCode.default(null),
    organisation: actorFields.organisation.default(null),
    natoAccessionYear: actorFields.natoAccessionYear.default(null),
    aliases: actorFields.aliases.default([]),
    confirmed: actorFields.confirmed.default(true),
  })
  .refine((a) => a.kind !== 'state' || a.countryCode !== null, { message: 'a state needs a countryCode', path: ['countryCode'] });
export type ActorCreateInput = z.infer<typeof actorCreateInput>;

export const actorPatchInput = z.strictObject({
  version: versionSchema,
  slug: ref.optional(),
  name: actorFields.name.optional(),
  kind: actorFields.kind.optional(),
  countryCode: actorFields.countryCode.optional(),
  organisation: actorFields.organisation.optional(),
  natoAccessionYear: actorFields.natoAccessionYear.optional(),
  /** The whole list: replaces the aliases. */
  aliases: actorFields.aliases.optional(),
  confirmed: actorFields.confirmed.optional(),
});
export type ActorPatchInput = z.infer<typeof actorPatchInput>;

const scaleLabels = z.tuple([nonEmpty, nonEmpty, nonEmpty, nonEmpty, nonEmpty]);

export const topicCreateInput = z.strictObject({
  slug: ref.optional(),
  title: nonEmpty.max(200, 'must be at most 200 characters'),
  question: nonEmpty.max(1000, 'must be at most 1,000 characters'),
  /** The words for positions −2, −1, 0, +1, +2, in that order. */
  scaleLabels,
  sortOrder: z.number().int().optional(),
});
export type TopicCreateInput = z.infer<typeof topicCreateInput>;

export const topicPatchInput = z.strictObject({
  version: versionSchema,
  slug: ref.optional(),
  title: topicCreateInput.shape.title.optional(),
  question: topicCreateInput.shape.question.optional(),
  scaleLabels: scaleLabels.optional(),
  sortOrder: z.number().int().optional(),
});
export type TopicPatchInput = z.infer<typeof topicPatchInput>;

export const campMemberCreateInput = z.strictObject({
  actor: ref,
  asOf: isoDateSchema,
  /** Ids of accepted quotes showing the membership: at least one. */
  evidence: evidenceIds,
});
export type CampMemberCreateInput = z.infer<typeof campMemberCreateInput>;

export const campCreateInput = z.strictObject({
  slug: ref.optional(),
  topic: ref,
  name: nonEmpty.max(200, 'must be at most 200 characters'),
  description: nonEmpty,
  /** Ids of accepted quotes showing the camp exists: at least one. */
  evidence: evidenceIds,
  members: z.array(campMemberCreateInput).max(100).default([]),
});
export type CampCreateInput = z.infer<typeof campCreateInput>;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }));
const password = z.string().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters');

export const userCreateInput = z.strictObject({
  email,
  name: nonEmpty.max(200).optional(),
  password,
  role: z.enum(USER_ROLES),
});
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userPatchInput = z.strictObject({
  name: nonEmpty.max(200).optional(),
  role: z.enum(USER_ROLES).optional(),
  /** A new password signs the user out everywhere. */
  password: password.optional(),
});
export type UserPatchInput = z.infer<typeof userPatchInput>;
