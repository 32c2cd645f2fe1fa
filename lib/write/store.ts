// The data layer for writes: inserting records, each function checking again that the
// transaction's principal may do it, and the invariants the database cannot express (a quote is
// exactly its slice of the source body; evidence is accepted, live quotes). They take a WriteTx,
// which only the write helper makes (lib/write/writer.ts): they cannot run on the bare database.
import { createHash } from 'node:crypto';
import { and, inArray, isNull } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { aliasKey } from '@/lib/actors/alias-key';
import {
  actorAliases,
  actors,
  campEvidence,
  campMemberEvidence,
  campMembers,
  camps,
  quotes,
  sources,
  stanceEvidence,
  stances,
  topics,
} from '@/db/schema';
import type { ActorInput, CampInput, QuoteInput, SourceInput, StanceInput, SuggestedQuoteInput, TopicInput } from './inputs';
import { ValidationError } from './errors';
import { assertCan, type WriteAction } from './principal';
import { assertOpen, type ReadTx, type WriteTx } from './tx';

export type { ReadTx, WriteTx } from './tx';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The data layer's own check: an open write transaction whose principal may do `action`. */
export function checkRight(tx: WriteTx, action: WriteAction): void {
  assertOpen(tx);
  assertCan(tx.principal, action);
}

export function insertSource(tx: WriteTx, input: SourceInput, action: WriteAction = 'source:create') {
  checkRight(tx, action);
  const [row] = tx
    .insert(sources)
    .values({ ...input, bodySha256: sha256(input.body) })
    .returning()
    .all();
  return row!;
}

/** Distinct aliases by their alias key, in the order given. */
export function distinctAliases(aliases: readonly string[]): string[] {
  const keys = new Set<string>();
  return aliases.filter((alias) => {
    const key = aliasKey(alias);
    return !keys.has(key) && keys.add(key);
  });
}

export function replaceAliases(tx: WriteTx, actorId: number, aliases: readonly string[]): string[] {
  assertOpen(tx);
  tx.delete(actorAliases).where(eq(actorAliases.actorId, actorId)).run();
  const distinct = distinctAliases(aliases);
  if (distinct.length) {
    tx.insert(actorAliases)
      .values(distinct.map((alias) => ({ actorId, alias, aliasKey: aliasKey(alias) })))
      .run();
  }
  return distinct;
}

export function insertActor(tx: WriteTx, input: ActorInput, action: WriteAction = 'actor:create') {
  checkRight(tx, action);
  const { aliases, ...values } = input;
  const [row] = tx.insert(actors).values(values).returning().all();
  return { ...row!, aliases: replaceAliases(tx, row!.id, aliases) };
}

export function insertTopic(tx: WriteTx, input: TopicInput) {
  checkRight(tx, 'topic:create');
  const [row] = tx.insert(topics).values(input).returning().all();
  return row!;
}

/** Rejects a quote whose text is not exactly body.slice(start, end) of its source. */
export function assertQuoteMatchesSource(body: string, input: Pick<QuoteInput, 'start' | 'end' | 'text'>, what: string): void {
  if (input.end > body.length) {
    throw new ValidationError(`${what}: end ${input.end} is past the end of the source body (length ${body.length})`, undefined, [
      { field: 'end', message: `is past the end of the source body (length ${body.length})` },
    ]);
  }
  const slice = body.slice(input.start, input.end);
  if (slice !== input.text) {
    const message = `does not match the source at ${input.start}-${input.end}: expected ${JSON.stringify(slice)}, got ${JSON.stringify(input.text)}`;
    throw new ValidationError(`${what}: text ${message}`, undefined, [{ field: 'text', message }]);
  }
}

export function insertQuote(tx: WriteTx, input: QuoteInput | SuggestedQuoteInput, what = 'quote', action: WriteAction = 'quote:create') {
  checkRight(tx, action);
  const source = tx
    .select({ body: sources.body })
    .from(sources)
    .where(and(eq(sources.id, input.sourceId), isNull(sources.deletedAt)))
    .get();
  if (!source) throw ValidationError.field('sourceId', `source ${input.sourceId} does not exist`, what);
  assertQuoteMatchesSource(source.body, input, what);
  const [row] = tx.insert(quotes).values(input).returning().all();
  return row!;
}

/** Evidence must exist, be live and accepted: a suggestion is not evidence until an analyst accepts it. */
export function assertEvidence(tx: ReadTx, ids: readonly number[], what: string, field = 'evidence'): void {
  const rows = tx
    .select({ id: quotes.id, reviewState: quotes.reviewState, deletedAt: quotes.deletedAt })
    .from(quotes)
    .where(inArray(quotes.id, [...ids]))
    .all();
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = [...new Set(ids)].filter((id) => !found.has(id) || found.get(id)!.deletedAt !== null);
  if (missing.length) throw ValidationError.field(field, `evidence quote(s) ${missing.join(', ')} do not exist`, what);
  const unaccepted = [...new Set(ids)].filter((id) => found.get(id)!.reviewState !== 'accepted');
  if (unaccepted.length) {
    throw ValidationError.field(
      field,
      `evidence quote(s) ${unaccepted.map((id) => `${id} (${found.get(id)!.reviewState})`).join(', ')} are not accepted; only accepted quotes are evidence`,
      what,
    );
  }
}

export function insertStance(tx: WriteTx, input: StanceInput, what = 'stance') {
  checkRight(tx, 'stance:create');
  if (input.evidenceQuoteIds.length === 0) throw ValidationError.field('evidence', 'a stance needs at least one evidence quote', what);
  assertEvidence(tx, input.evidenceQuoteIds, what);
  const { evidenceQuoteIds, ...values } = input;
  const [row] = tx.insert(stances).values(values).returning().all();
  setStanceEvidence(tx, row!.id, evidenceQuoteIds);
  return row!;
}

export function setStanceEvidence(tx: WriteTx, stanceId: number, quoteIds: readonly number[]): void {
  assertOpen(tx);
  tx.delete(stanceEvidence).where(eq(stanceEvidence.stanceId, stanceId)).run();
  tx.insert(stanceEvidence)
    .values([...new Set(quoteIds)].map((quoteId) => ({ stanceId, quoteId })))
    .run();
}

export function insertCampMember(tx: WriteTx, campId: number, member: { actorId: number; asOf: string; evidenceQuoteIds: readonly number[] }, what = 'camp member') {
  checkRight(tx, 'camp-member:create');
  assertEvidence(tx, member.evidenceQuoteIds, what);
  const [row] = tx.insert(campMembers).values({ campId, actorId: member.actorId, asOf: member.asOf }).returning().all();
  tx.insert(campMemberEvidence)
    .values([...new Set(member.evidenceQuoteIds)].map((quoteId) => ({ memberId: row!.id, quoteId })))
    .run();
  return row!;
}

export function insertCamp(tx: WriteTx, input: CampInput, what = 'camp') {
  checkRight(tx, 'camp:create');
  assertEvidence(tx, input.evidenceQuoteIds, what);
  const { evidenceQuoteIds, members, ...values } = input;
  const [camp] = tx.insert(camps).values(values).returning().all();
  tx.insert(campEvidence)
    .values([...new Set(evidenceQuoteIds)].map((quoteId) => ({ campId: camp!.id, quoteId })))
    .run();
  members.forEach((member, i) => insertCampMember(tx, camp!.id, member, `${what} member ${i + 1}`));
  return camp!;
}
