// Soft delete and restore. DELETE marks a record deleted (kept, with who and when, and left out
// of every public read); an admin's restore brings it back as it was. Nothing that others rest on
// is deleted from under them: a quote cited as evidence, an actor or topic with live stances are
// refused (409) naming what rests on them. A source takes its quotes with it, and a camp its
// members; restoring brings back exactly those deleted with it (the same deleted_at).
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { actors, campMembers, camps, quotes, sources, stances, topics } from '@/db/schema';
import { recordAudit } from '../audit';
import { ConflictError, NotFoundError } from '../errors';
import { versionCheckInput } from '../inputs';
import type { RecordType, WriteAction } from '../principal';
import { actorRecord, campMemberRecord, campRecord, quoteRecord, sourceRecord, stanceRecord, topicRecord } from '../records';
import { checkRight } from '../store';
import type { ReadTx, WriteTx } from '../tx';
import type { WriteSpec } from '../writer';
import { checkVersion } from './common';

export type RecordKey =
  | { type: 'source' | 'quote' | 'stance'; id: number }
  | { type: 'actor' | 'topic' | 'camp'; slug: string }
  | { type: 'camp-member'; camp: string; actor: string };

const LIMIT = 20;
const listed = (names: string[]) => (names.length > LIMIT ? `${names.slice(0, LIMIT).join(', ')} and more` : names.join(', '));

/** What cites these quotes as evidence and is live: "stance 12", "camp hawks", "member orban of camp hawks". */
export function liveCitationsOf(tx: ReadTx, quoteIds: readonly number[]): string[] {
  if (quoteIds.length === 0) return [];
  const ids = sql.join(quoteIds.map((id) => sql`${id}`), sql`, `);
  return tx
    .all<{ name: string }>(
      sql`select distinct name from (
        select 'stance ' || s.id as name from stance_evidence se join stances s on s.id = se.stance_id
          where se.quote_id in (${ids}) and s.deleted_at is null
        union all select 'camp ' || c.slug from camp_evidence ce join camps c on c.id = ce.camp_id
          where ce.quote_id in (${ids}) and c.deleted_at is null
        union all select 'member ' || a.slug || ' of camp ' || c.slug from camp_member_evidence cme
          join camp_members cm on cm.id = cme.member_id join camps c on c.id = cm.camp_id join actors a on a.id = cm.actor_id
          where cme.quote_id in (${ids}) and cm.deleted_at is null and c.deleted_at is null
      ) limit ${LIMIT + 1}`,
    )
    .map((r) => r.name);
}

const names = (tx: ReadTx, query: SQL) => tx.all<{ name: string }>(sql`${query} limit ${LIMIT + 1}`).map((r) => r.name);

/** Live records that rest on the record and stop it being deleted. */
function dependentsOf(tx: ReadTx, type: RecordType, id: number): string[] {
  switch (type) {
    case 'quote':
      return liveCitationsOf(tx, [id]);
    case 'source':
      return liveCitationsOf(
        tx,
        tx.select({ id: quotes.id }).from(quotes).where(and(eq(quotes.sourceId, id), isNull(quotes.deletedAt))).all().map((q) => q.id),
      );
    case 'actor':
      return names(
        tx,
        sql`select 'stance ' || id as name from stances where actor_id = ${id} and deleted_at is null
          union all select 'membership of camp ' || c.slug from camp_members cm join camps c on c.id = cm.camp_id where cm.actor_id = ${id} and cm.deleted_at is null and c.deleted_at is null
          union all select 'quote ' || id from quotes where speaker_id = ${id} and deleted_at is null and review_state <> 'rejected'
          union all select 'actor ' || slug from actors where organisation_id = ${id} and deleted_at is null`,
      );
    case 'topic':
      return names(
        tx,
        sql`select 'stance ' || id as name from stances where topic_id = ${id} and deleted_at is null
          union all select 'camp ' || slug from camps where topic_id = ${id} and deleted_at is null`,
      );
    case 'stance':
    case 'camp':
    case 'camp-member':
      return [];
  }
}

/** Deleted records the record rests on, which must be restored first. */
function deletedParentsOf(tx: ReadTx, type: RecordType, id: number): string[] {
  const evidence = (table: string, column: string) =>
    sql`select 'quote ' || q.id as name from ${sql.raw(table)} e join quotes q on q.id = e.quote_id where e.${sql.raw(column)} = ${id} and (q.deleted_at is not null or q.review_state <> 'accepted')`;
  switch (type) {
    case 'source':
    case 'topic':
      return [];
    case 'quote':
      return names(
        tx,
        sql`select 'source ' || s.id as name from quotes q join sources s on s.id = q.source_id where q.id = ${id} and s.deleted_at is not null
          union all select 'actor ' || a.slug from quotes q join actors a on a.id = q.speaker_id where q.id = ${id} and a.deleted_at is not null`,
      );
    case 'stance':
      return names(
        tx,
        sql`select 'actor ' || a.slug as name from stances s join actors a on a.id = s.actor_id where s.id = ${id} and a.deleted_at is not null
          union all select 'topic ' || t.slug from stances s join topics t on t.id = s.topic_id where s.id = ${id} and t.deleted_at is not null
          union all ${evidence('stance_evidence', 'stance_id')}`,
      );
    case 'actor':
      return names(tx, sql`select 'actor ' || o.slug as name from actors a join actors o on o.id = a.organisation_id where a.id = ${id} and o.deleted_at is not null`);
    case 'camp':
      return names(
        tx,
        sql`select 'topic ' || t.slug as name from camps c join topics t on t.id = c.topic_id where c.id = ${id} and t.deleted_at is not null
          union all ${evidence('camp_evidence', 'camp_id')}`,
      );
    case 'camp-member':
      return names(
        tx,
        sql`select 'camp ' || c.slug as name from camp_members cm join camps c on c.id = cm.camp_id where cm.id = ${id} and c.deleted_at is not null
          union all select 'actor ' || a.slug from camp_members cm join actors a on a.id = cm.actor_id where cm.id = ${id} and a.deleted_at is not null
          union all ${evidence('camp_member_evidence', 'member_id')}`,
      );
  }
}

type Row = { id: number; version: number; deletedAt: string | null };
type Table = typeof sources | typeof quotes | typeof stances | typeof actors | typeof topics | typeof camps | typeof campMembers;

const TABLES: Record<RecordType, Table> = { source: sources, quote: quotes, stance: stances, actor: actors, topic: topics, camp: camps, 'camp-member': campMembers };

const VIEWS: Record<RecordType, (tx: ReadTx, id: number) => (Row & { slug?: string; camp?: string; actor?: string }) | null> = {
  source: sourceRecord,
  quote: quoteRecord,
  stance: stanceRecord,
  actor: actorRecord,
  topic: topicRecord,
  camp: campRecord,
  'camp-member': campMemberRecord,
};

function describe(key: RecordKey): string {
  if (key.type === 'camp-member') return `member ${JSON.stringify(key.actor)} of camp ${JSON.stringify(key.camp)}`;
  return 'id' in key ? `${key.type} ${key.id}` : `${key.type} ${JSON.stringify(key.slug)}`;
}

/** The row the key names: for a camp member, its live membership, or (to restore) the latest deleted one. */
function locate(tx: ReadTx, key: RecordKey, deleted: boolean): Row | null {
  const columns = (t: Table) => ({ id: t.id, version: t.version, deletedAt: t.deletedAt });
  switch (key.type) {
    case 'source':
    case 'quote':
    case 'stance': {
      const table = TABLES[key.type];
      return tx.select(columns(table)).from(table).where(eq(table.id, key.id)).get() ?? null;
    }
    case 'actor':
    case 'topic':
    case 'camp': {
      const table = TABLES[key.type] as typeof actors | typeof topics | typeof camps;
      return tx.select(columns(table)).from(table).where(eq(table.slug, key.slug)).get() ?? null;
    }
    case 'camp-member': {
      const rows = tx
        .select(columns(campMembers))
        .from(campMembers)
        .innerJoin(camps, eq(camps.id, campMembers.campId))
        .innerJoin(actors, eq(actors.id, campMembers.actorId))
        .where(and(eq(camps.slug, key.camp), eq(actors.slug, key.actor)))
        .orderBy(sql`${campMembers.deletedAt} is null desc`, sql`${campMembers.deletedAt} desc`)
        .all();
      return (deleted ? rows.find((r) => r.deletedAt !== null) : rows.find((r) => r.deletedAt === null)) ?? rows[0] ?? null;
    }
  }
}

function setDeleted(tx: WriteTx, table: Table, ids: readonly number[], deleted: boolean): void {
  if (ids.length === 0) return;
  tx.update(table)
    .set({ deletedAt: deleted ? tx.at : null, deletedBy: deleted ? tx.principal.id : null, version: sql`${table.version} + 1` })
    .where(inArray(table.id, [...ids]))
    .run();
}

/** Children deleted with the record: a source's live quotes, a camp's live members. */
function children(tx: ReadTx, type: RecordType, id: number, deletedAt: string | null): { type: RecordType; table: Table; ids: number[] } | null {
  const state = (column: typeof quotes.deletedAt | typeof campMembers.deletedAt) => (deletedAt === null ? isNull(column) : eq(column, deletedAt));
  if (type === 'source') {
    return { type: 'quote', table: quotes, ids: tx.select({ id: quotes.id }).from(quotes).where(and(eq(quotes.sourceId, id), state(quotes.deletedAt))).all().map((r) => r.id) };
  }
  if (type === 'camp') {
    return { type: 'camp-member', table: campMembers, ids: tx.select({ id: campMembers.id }).from(campMembers).where(and(eq(campMembers.campId, id), state(campMembers.deletedAt))).all().map((r) => r.id) };
  }
  return null;
}

function change(tx: WriteTx, key: RecordKey, expected: number | undefined, deleting: boolean) {
  const action = `${key.type}:${deleting ? 'delete' : 'restore'}` as WriteAction;
  checkRight(tx, action);
  const row = locate(tx, key, !deleting);
  const view = VIEWS[key.type];
  if (!row || (deleting && row.deletedAt !== null)) throw new NotFoundError(`No ${describe(key)}${row ? ' (it is deleted)' : ''}`);
  const before = view(tx, row.id)!;
  if (!deleting && row.deletedAt === null) throw new ConflictError(`The ${describe(key)} is not deleted`, before);
  checkVersion(row, expected, () => before, key.type);

  const blockers = deleting ? dependentsOf(tx, key.type, row.id) : deletedParentsOf(tx, key.type, row.id);
  if (blockers.length) {
    throw new ConflictError(
      deleting
        ? `The ${describe(key)} cannot be deleted while these rest on it: ${listed(blockers)}. Delete or change them first`
        : `The ${describe(key)} cannot be restored while these it rests on are deleted or not accepted: ${listed(blockers)}. Restore them first`,
      before,
    );
  }
  const kids = children(tx, key.type, row.id, deleting ? null : row.deletedAt);
  const kidsBefore = kids ? kids.ids.map((id) => VIEWS[kids.type](tx, id)) : [];
  setDeleted(tx, TABLES[key.type], [row.id], deleting);
  if (kids) setDeleted(tx, kids.table, kids.ids, deleting);

  const after = view(tx, row.id)!;
  const slugOf = (record: { slug?: string; camp?: string; actor?: string } | null) => record?.slug ?? (record?.camp ? `${record.camp}/${record.actor}` : null);
  recordAudit(tx, { action, type: key.type, id: row.id, slug: slugOf(after), before, after });
  kids?.ids.forEach((id, i) => {
    const kidAfter = VIEWS[kids.type](tx, id);
    recordAudit(tx, { action, type: kids.type, id, slug: slugOf(kidAfter), before: kidsBefore[i], after: kidAfter });
  });
  return after;
}

/** DELETE on a record: a soft delete (analysts and admins). */
export const deleteRecord = (key: RecordKey): WriteSpec<typeof versionCheckInput, unknown> => ({
  action: `${key.type}:delete` as WriteAction,
  schema: versionCheckInput,
  what: describe(key),
  work: (tx, input) => change(tx, key, input.version, true),
});

/** POST …/restore: undoes a soft delete (admins). */
export const restoreRecord = (key: RecordKey): WriteSpec<typeof versionCheckInput, unknown> => ({
  action: `${key.type}:restore` as WriteAction,
  schema: versionCheckInput,
  what: describe(key),
  work: (tx, input) => change(tx, key, input.version, false),
});
