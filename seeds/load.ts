// Loads the hand-coded seed file into an empty database, in one transaction: a bad record
// stops the whole seed with an error that names it, and nothing is half-written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/connection';
import { sources } from '@/db/schema';
import { readArticle } from '@/lib/ingest/read';
import { ValidationError } from '@/lib/write/errors';
import { actorInput, campInput, quoteInput, stanceInput, topicInput, sourceInput } from '@/lib/write/inputs';
import { recordAudit } from '@/lib/write/audit';
import { insertActor, insertCamp, insertQuote, insertSource, insertStance, insertTopic, type WriteTx } from '@/lib/write/store';
import { systemWriter } from '@/lib/write/writer';
import { seedFileSchema, type SeedFile } from './seed-file';

export const SEEDS_DIR = join(process.cwd(), 'seeds');

/**
 * The article files are read as `npm run ingest` reads them (header and dateline lines taken out,
 * the body normalised), so that the seed offsets index the same body an ingest would store, and
 * ingesting a seed article again is recognised as a duplicate.
 */
function readSeedBody(dir: string, file: string): string {
  const result = readArticle(file, readFileSync(join(dir, file)));
  if (!result.ok) throw new ValidationError(`seeds/${file}: ${result.problem}`);
  return result.article.body;
}

export function readSeedFile(dir = SEEDS_DIR): { seed: unknown; bodies: Map<string, string> } {
  const seed: unknown = JSON.parse(readFileSync(join(dir, 'seed-data.json'), 'utf8'));
  const parsed = seedFileSchema.safeParse(seed);
  const bodies = new Map<string, string>();
  if (parsed.success) {
    for (const s of parsed.data.sources) bodies.set(s.key, readSeedBody(dir, s.file));
  }
  return { seed, bodies };
}

export type SeedResult = { seeded: boolean; counts: Record<string, number> };

/** Seeds only an empty database, so starting the app twice never duplicates rows. */
export function seedIfEmpty(db: Db, dir = SEEDS_DIR): SeedResult {
  const existing = db.select({ n: sql<number>`count(*)` }).from(sources).get()?.n ?? 0;
  if (existing > 0) return { seeded: false, counts: {} };
  const { seed, bodies } = readSeedFile(dir);
  return { seeded: true, counts: loadSeed(db, seed, bodies) };
}

function lookup<T>(map: ReadonlyMap<string, T>, ref: string, what: string, kind: string): T {
  const found = map.get(ref);
  if (found === undefined) throw new ValidationError(`${what}: unknown ${kind} "${ref}"`);
  return found;
}

/** Loads the seed as the system ("system:seed"), with one audit entry for the whole load. */
export function loadSeed(db: Db, seed: unknown, bodies: ReadonlyMap<string, string>) {
  return systemWriter(db, 'seed').write(
    {
      action: 'seed:load',
      schema: seedFileSchema,
      what: 'seed-data.json',
      work: (tx, file) => {
        const counts = insertSeed(tx, file, bodies);
        recordAudit(tx, { action: 'seed:load', type: 'dataset', id: 'seed-data.json', before: null, after: counts });
        return counts;
      },
    },
    seed,
  );
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(what, result.error);
  return result.data;
}

function insertSeed(tx: WriteTx, file: SeedFile, bodies: ReadonlyMap<string, string>) {
  const sourceIds = new Map<string, number>();
  for (const s of file.sources) {
    const what = `source "${s.key}"`;
    const body = lookup(bodies, s.key, what, 'source body for');
    const { key, file: _file, ...fields } = s;
    sourceIds.set(key, insertSource(tx, parse(sourceInput, { ...fields, body }, what)).id);
  }

  const actorIds = new Map<string, number>();
  // Organisations first, so that people can point at the organisation they speak for.
  const ordered = [...file.actors].sort((a, b) => Number(a.organisation !== null) - Number(b.organisation !== null));
  for (const a of ordered) {
    const what = `actor "${a.slug}"`;
    const organisationId = a.organisation === null ? null : lookup(actorIds, a.organisation, what, 'organisation');
    const { organisation: _org, ...fields } = a;
    actorIds.set(a.slug, insertActor(tx, parse(actorInput, { ...fields, organisationId }, what)).id);
  }

  const topicIds = new Map<string, number>();
  for (const t of file.topics) {
    topicIds.set(t.slug, insertTopic(tx, parse(topicInput, t, `topic "${t.slug}"`)).id);
  }

  const quoteIds = new Map<string, number>();
  for (const q of file.quotes) {
    const what = `quote "${q.key}"`;
    if (quoteIds.has(q.key)) throw new ValidationError(`${what}: key is used twice`);
    const input = parse(
      quoteInput,
      {
        sourceId: lookup(sourceIds, q.source, what, 'source'),
        start: q.start,
        end: q.end,
        text: q.text,
        kind: q.kind,
        speakerId: q.speaker === null ? null : lookup(actorIds, q.speaker, what, 'speaker'),
        speakerLabel: q.speakerLabel,
        saidAt: q.saidAt,
      },
      what,
    );
    quoteIds.set(q.key, insertQuote(tx, input, what).id);
  }

  const evidenceIds = (keys: readonly string[], what: string) => keys.map((k) => lookup(quoteIds, k, what, 'evidence quote'));

  for (const s of file.stances) {
    const what = `stance "${s.actor} / ${s.topic} / ${s.asOf}"`;
    const input = parse(
      stanceInput,
      {
        actorId: lookup(actorIds, s.actor, what, 'actor'),
        topicId: lookup(topicIds, s.topic, what, 'topic'),
        asOf: s.asOf,
        position: s.position,
        confidence: s.confidence,
        summary: s.summary,
        evidenceQuoteIds: evidenceIds(s.evidence, what),
      },
      what,
    );
    insertStance(tx, input, what);
  }

  for (const c of file.camps) {
    const what = `camp "${c.slug}"`;
    const input = parse(
      campInput,
      {
        slug: c.slug,
        topicId: lookup(topicIds, c.topic, what, 'topic'),
        name: c.name,
        description: c.description,
        evidenceQuoteIds: evidenceIds(c.evidence, what),
        members: c.members.map((m) => ({
          actorId: lookup(actorIds, m.actor, `${what} member "${m.actor}"`, 'actor'),
          asOf: m.asOf,
          evidenceQuoteIds: evidenceIds(m.evidence, `${what} member "${m.actor}"`),
        })),
      },
      what,
    );
    insertCamp(tx, input, what);
  }

  return {
    sources: file.sources.length,
    actors: file.actors.length,
    topics: file.topics.length,
    quotes: file.quotes.length,
    stances: file.stances.length,
    camps: file.camps.length,
  };
}
