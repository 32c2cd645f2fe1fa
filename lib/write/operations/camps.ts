// Camps (groups of actors sharing a position on a topic) and their members, each with the
// evidence that shows it.
import { and, eq, isNull } from 'drizzle-orm';
import { campMembers } from '@/db/schema';
import { recordAudit } from '../audit';
import { ConflictError, NotFoundError } from '../errors';
import { campCreateInput, campMemberCreateInput } from '../inputs';
import { campMemberRecord, campRecord, campRecordBySlug, type CampMemberRecord, type CampRecord } from '../records';
import { insertCamp, insertCampMember } from '../store';
import type { ReadTx, WriteTx } from '../tx';
import type { WriteSpec } from '../writer';
import { liveIdBySlug, slugForNew } from './common';

function memberConflict(tx: ReadTx, campId: number, actorId: number): ConflictError | null {
  const row = tx
    .select({ id: campMembers.id })
    .from(campMembers)
    .where(and(eq(campMembers.campId, campId), eq(campMembers.actorId, actorId), isNull(campMembers.deletedAt)))
    .get();
  if (!row) return null;
  const current = campMemberRecord(tx, row.id)!;
  return new ConflictError(`${current.actor} is already a member of ${current.camp}`, current, 'actor');
}

/** POST /api/camps, with members if known (a camp may be evidenced before any member is named). */
export const createCamp = (): WriteSpec<typeof campCreateInput, CampRecord> => ({
  action: 'camp:create',
  schema: campCreateInput,
  what: 'camp',
  work: (tx, input) => {
    const topicId = liveIdBySlug(tx, 'topic', input.topic, 'topic');
    const members = input.members.map((m, i) => ({ actorId: liveIdBySlug(tx, 'actor', m.actor, `members.${i}.actor`), asOf: m.asOf, evidenceQuoteIds: m.evidence }));
    const row = insertCamp(tx, {
      slug: slugForNew(tx, 'camp', input.slug, input.name),
      topicId,
      name: input.name,
      description: input.description,
      evidenceQuoteIds: input.evidence,
      members: [],
    });
    const memberIds = members.map((member, i) => {
      const conflict = memberConflict(tx, row.id, member.actorId);
      if (conflict) throw new ConflictError(`members.${i}: ${conflict.message}`, undefined, `members.${i}.actor`);
      return insertCampMember(tx, row.id, member, `camp member ${i + 1}`).id;
    });
    const after = campRecord(tx, row.id)!;
    recordAudit(tx, { action: 'camp:create', type: 'camp', id: row.id, slug: after.slug, before: null, after });
    // Each membership has a history of its own, starting here.
    for (const id of memberIds) {
      const member = campMemberRecord(tx, id)!;
      recordAudit(tx, { action: 'camp:create', type: 'camp-member', id, slug: `${member.camp}/${member.actor}`, before: null, after: member });
    }
    return after;
  },
});

export function liveCamp(tx: ReadTx, slug: string): CampRecord {
  const camp = campRecordBySlug(tx, slug);
  if (!camp || camp.deletedAt) throw new NotFoundError(`No camp ${JSON.stringify(slug)}`);
  return camp;
}

/** POST /api/camps/{slug}/members */
export const addCampMember = (campSlug: string): WriteSpec<typeof campMemberCreateInput, CampMemberRecord> => ({
  action: 'camp-member:create',
  schema: campMemberCreateInput,
  what: `member of camp "${campSlug}"`,
  work: (tx: WriteTx, input) => {
    const camp = liveCamp(tx, campSlug);
    const actorId = liveIdBySlug(tx, 'actor', input.actor, 'actor');
    const conflict = memberConflict(tx, camp.id, actorId);
    if (conflict) throw conflict;
    const row = insertCampMember(tx, camp.id, { actorId, asOf: input.asOf, evidenceQuoteIds: input.evidence });
    const after = campMemberRecord(tx, row.id)!;
    recordAudit(tx, { action: 'camp-member:create', type: 'camp-member', id: row.id, slug: `${after.camp}/${after.actor}`, before: null, after });
    return after;
  },
});
