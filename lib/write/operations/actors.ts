// Actors: states, organisations, people and unnamed speakers, with the other names they are
// written as. Confirming a speaker the extractor proposed is a PATCH with confirmed: true.
import { eq, sql } from 'drizzle-orm';
import { actors } from '@/db/schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError } from '../errors';
import { actorCreateInput, actorPatchInput } from '../inputs';
import { actorRecord, actorRecordBySlug, type ActorRecord } from '../records';
import { checkRight, insertActor, replaceAliases } from '../store';
import type { ReadTx, WriteTx } from '../tx';
import type { WriteSpec } from '../writer';
import { changes, checkVersion, liveIdBySlug, slugForNew } from './common';

function organisationId(tx: ReadTx, slug: string | null): number | null {
  if (slug === null) return null;
  const id = liveIdBySlug(tx, 'actor', slug, 'organisation');
  const { kind } = tx.select({ kind: actors.kind }).from(actors).where(eq(actors.id, id)).get()!;
  if (kind !== 'organisation' && kind !== 'state') throw ValidationError.field('organisation', `${JSON.stringify(slug)} is a ${kind}, not an organisation or state`);
  return id;
}

/** POST /api/actors */
export const createActor = (): WriteSpec<typeof actorCreateInput, ActorRecord> => ({
  action: 'actor:create',
  schema: actorCreateInput,
  what: 'actor',
  work: (tx, input) => {
    const { slug, organisation, ...fields } = input;
    const row = insertActor(tx, { ...fields, slug: slugForNew(tx, 'actor', slug, input.name), organisationId: organisationId(tx, organisation) });
    const after = actorRecord(tx, row.id)!;
    recordAudit(tx, { action: 'actor:create', type: 'actor', id: row.id, slug: after.slug, before: null, after });
    return after;
  },
});

export function liveActor(tx: ReadTx, slug: string): ActorRecord {
  const actor = actorRecordBySlug(tx, slug);
  if (!actor || actor.deletedAt) throw new NotFoundError(`No actor ${JSON.stringify(slug)}`);
  return actor;
}

/** PATCH /api/actors/{slug}; `aliases` replaces the whole list. */
export const updateActor = (slug: string): WriteSpec<typeof actorPatchInput, ActorRecord> => ({
  action: 'actor:update',
  schema: actorPatchInput,
  what: `actor "${slug}"`,
  work: (tx: WriteTx, input) => {
    checkRight(tx, 'actor:update');
    const before = liveActor(tx, slug);
    checkVersion(before, input.version, () => before, 'actor');
    const { aliases, organisation, ...fields } = changes(input);
    const set: Partial<typeof actors.$inferInsert> = { ...fields };
    if (organisation !== undefined) {
      set.organisationId = organisationId(tx, organisation);
      if (set.organisationId === before.id) throw ValidationError.field('organisation', 'an actor cannot speak for itself');
    }
    const kind = fields.kind ?? before.kind;
    const countryCode = fields.countryCode !== undefined ? fields.countryCode : before.countryCode;
    if (kind === 'state' && countryCode === null) throw ValidationError.field('countryCode', 'a state needs a countryCode');
    if (Object.keys(set).length === 0 && aliases === undefined) return before;
    tx.update(actors)
      .set({ ...set, version: sql`${actors.version} + 1` })
      .where(eq(actors.id, before.id))
      .run();
    if (aliases !== undefined) replaceAliases(tx, before.id, aliases);
    const after = actorRecord(tx, before.id)!;
    recordAudit(tx, { action: 'actor:update', type: 'actor', id: before.id, slug: after.slug, before, after });
    return after;
  },
});
