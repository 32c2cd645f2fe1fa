// Coding stances. A new judgement on an actor and topic is a new dated stance beside the earlier
// ones, never an overwrite; a stance rests on at least one accepted quote. PATCH corrects a
// stance (its wording, confidence, evidence), with the earlier version kept in the audit log.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { stances } from '@/db/schema';
import { recordAudit } from '../audit';
import { ConflictError, NotFoundError } from '../errors';
import { stanceCreateInput, stancePatchInput } from '../inputs';
import { stanceRecord, type StanceRecord } from '../records';
import { assertEvidence, checkRight, insertStance, setStanceEvidence } from '../store';
import type { ReadTx, WriteTx } from '../tx';
import type { WriteSpec } from '../writer';
import { changes, checkVersion, liveIdBySlug } from './common';

/** The live stance of this actor on this topic at this date, if any. */
function sameDay(tx: ReadTx, actorId: number, topicId: number, asOf: string, except?: number): StanceRecord | null {
  const row = tx
    .select({ id: stances.id })
    .from(stances)
    .where(and(eq(stances.actorId, actorId), eq(stances.topicId, topicId), eq(stances.asOf, asOf), isNull(stances.deletedAt)))
    .get();
  return row && row.id !== except ? stanceRecord(tx, row.id) : null;
}

const sameDayConflict = (current: StanceRecord) =>
  new ConflictError(
    `${current.actor} already has a stance on ${current.topic} as of ${current.asOf} (stance ${current.id}): a new judgement needs its own date, or correct that stance`,
    current,
    'asOf',
  );

/** POST /api/stances */
export const createStance = (): WriteSpec<typeof stanceCreateInput, StanceRecord> => ({
  action: 'stance:create',
  schema: stanceCreateInput,
  what: 'stance',
  work: (tx, input) => {
    const actorId = liveIdBySlug(tx, 'actor', input.actor, 'actor');
    const topicId = liveIdBySlug(tx, 'topic', input.topic, 'topic');
    const existing = sameDay(tx, actorId, topicId, input.asOf);
    if (existing) throw sameDayConflict(existing);
    const row = insertStance(tx, { actorId, topicId, asOf: input.asOf, position: input.position, confidence: input.confidence, summary: input.summary, evidenceQuoteIds: input.evidence });
    const after = stanceRecord(tx, row.id)!;
    recordAudit(tx, { action: 'stance:create', type: 'stance', id: row.id, before: null, after });
    return after;
  },
});

function liveStance(tx: ReadTx, id: number): StanceRecord & { actorId: number; topicId: number } {
  const row = tx.select({ actorId: stances.actorId, topicId: stances.topicId }).from(stances).where(and(eq(stances.id, id), isNull(stances.deletedAt))).get();
  if (!row) throw new NotFoundError(`No stance with id ${id}`);
  return { ...stanceRecord(tx, id)!, ...row };
}

/** PATCH /api/stances/{id} */
export const updateStance = (id: number): WriteSpec<typeof stancePatchInput, StanceRecord> => ({
  action: 'stance:update',
  schema: stancePatchInput,
  what: `stance ${id}`,
  work: (tx: WriteTx, input) => {
    checkRight(tx, 'stance:update');
    const { actorId, topicId, ...before } = liveStance(tx, id);
    checkVersion(before, input.version, () => before, 'stance');
    const { evidence, ...fields } = changes(input);
    if (fields.asOf !== undefined && fields.asOf !== before.asOf) {
      const existing = sameDay(tx, actorId, topicId, fields.asOf, id);
      if (existing) throw sameDayConflict(existing);
    }
    if (evidence) assertEvidence(tx, evidence, `stance ${id}`);
    if (Object.keys(fields).length === 0 && !evidence) return before;
    tx.update(stances)
      .set({ ...fields, version: sql`${stances.version} + 1` })
      .where(eq(stances.id, id))
      .run();
    if (evidence) setStanceEvidence(tx, id, evidence);
    const after = stanceRecord(tx, id)!;
    recordAudit(tx, { action: 'stance:update', type: 'stance', id, before, after });
    return after;
  },
});
