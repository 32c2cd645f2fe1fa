// Shapes of everything that can be written. Every write path parses its input with one of these.
import { z } from 'zod';
import { ACTOR_KINDS, CONFIDENCES, QUOTE_KINDS } from '@/db/schema';
import { isoDateSchema } from '@/lib/dates';

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "new-strategy"');
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "HU"');
const id = z.number().int().positive();
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const sourceInput = z.object({
  title: nonEmpty,
  publisher: nonEmpty,
  url: z.url().nullable().default(null),
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
