// Shape of seeds/seed-data.json. Records refer to each other by slug or key, never by row id.
import { z } from 'zod';
import { ACTOR_KINDS, CONFIDENCES, QUOTE_KINDS } from '@/lib/domain/vocabulary';
import { isoDateSchema } from '@/lib/dates';
import { countryCodeSchema, slugSchema, sourceInput, topicInput } from '@/lib/write/inputs';

const key = z.string().regex(/^[a-z0-9-]+$/, 'must be a lowercase key');
// "At least one" is checked per record by stanceInput/campInput, whose errors name the record
// (stance "hungary / kremlin-contacts / …") rather than an array index.
const evidence = z.array(key);

export const seedFileSchema = z.object({
  sources: z.array(
    sourceInput.omit({ body: true }).extend({
      key,
      file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in seeds/'),
    }),
  ),
  actors: z.array(
    z.object({
      slug: slugSchema,
      name: z.string().min(1),
      kind: z.enum(ACTOR_KINDS),
      countryCode: countryCodeSchema.nullable(),
      organisation: slugSchema.nullable(),
      natoAccessionYear: z.number().int().nullable(),
      aliases: z.array(z.string().min(1)),
    }),
  ),
  topics: z.array(topicInput),
  quotes: z.array(
    z.object({
      key,
      source: key,
      start: z.number().int().min(0),
      end: z.number().int().positive(),
      text: z.string().min(1),
      kind: z.enum(QUOTE_KINDS),
      speaker: slugSchema.nullable(),
      speakerLabel: z.string().min(1),
      saidAt: isoDateSchema.nullable(),
    }),
  ),
  stances: z.array(
    z.object({
      actor: slugSchema,
      topic: slugSchema,
      asOf: isoDateSchema,
      position: z.number().int().min(-2).max(2),
      confidence: z.enum(CONFIDENCES),
      summary: z.string().min(1),
      evidence,
    }),
  ),
  camps: z.array(
    z.object({
      slug: slugSchema,
      topic: slugSchema,
      name: z.string().min(1),
      description: z.string().min(1),
      evidence,
      members: z.array(z.object({ actor: slugSchema, asOf: isoDateSchema, evidence })),
    }),
  ),
});
export type SeedFile = z.infer<typeof seedFileSchema>;
