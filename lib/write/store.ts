// The data layer for writes. Each function re-checks the principal's rights and the
// invariants the database cannot express (a quote is exactly its slice of the source body).
// Call these through performWrite, which validates input and wraps the work in a transaction.
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/connection';
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
import { assertCan, type Principal } from './principal';

/** A transaction or the database itself: both expose the same query builder. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'query'>;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function insertSource(tx: Tx, principal: Principal, input: SourceInput) {
  assertCan(principal, 'source:create');
  const [row] = tx
    .insert(sources)
    .values({ ...input, bodySha256: sha256(input.body) })
    .returning()
    .all();
  return row!;
}

export function insertActor(tx: Tx, principal: Principal, input: ActorInput) {
  assertCan(principal, 'actor:create');
  const { aliases, ...values } = input;
  const [row] = tx.insert(actors).values(values).returning().all();
  const keys = new Set<string>();
  const distinct = aliases.filter((alias) => {
    const key = aliasKey(alias);
    return !keys.has(key) && keys.add(key);
  });
  if (distinct.length) {
    tx.insert(actorAliases)
      .values(distinct.map((alias) => ({ actorId: row!.id, alias, aliasKey: aliasKey(alias) })))
      .run();
  }
  return { ...row!, aliases: distinct };
}

export function insertTopic(tx: Tx, principal: Principal, input: TopicInput) {
  assertCan(principal, 'topic:create');
  const [row] = tx.insert(topics).values(input).returning().all();
  return row!;
}

/** Rejects a quote whose text is not exactly body.slice(start, end) of its source. */
export function assertQuoteMatchesSource(body: string, input: Pick<QuoteInput, 'start' | 'end' | 'text'>, what: string): void {
  if (input.end > body.length) {
    throw new ValidationError(`${what}: end ${input.end} is past the end of the source body (length ${body.length})`);
  }
  const slice = body.slice(input.start, input.end);
  if (slice !== input.text) {
    throw new ValidationError(
      `${what}: text does not match the source at ${input.start}-${input.end}: expected ${JSON.stringify(slice)}, got ${JSON.stringify(input.text)}`,
    );
  }
}

export function insertQuote(tx: Tx, principal: Principal, input: QuoteInput | SuggestedQuoteInput, what = 'quote') {
  assertCan(principal, 'quote:create');
  const source = tx.select({ body: sources.body }).from(sources).where(eq(sources.id, input.sourceId)).get();
  if (!source) throw new ValidationError(`${what}: source ${input.sourceId} does not exist`);
  assertQuoteMatchesSource(source.body, input, what);
  const [row] = tx.insert(quotes).values(input).returning().all();
  return row!;
}

/** Evidence must exist and be accepted: a suggestion is not evidence until an analyst accepts it. */
function assertQuotesExist(tx: Tx, ids: readonly number[], what: string): void {
  const rows = tx.select({ id: quotes.id, reviewState: quotes.reviewState }).from(quotes).where(inArray(quotes.id, [...ids])).all();
  const found = new Map(rows.map((r) => [r.id, r.reviewState]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new ValidationError(`${what}: evidence quote(s) ${missing.join(', ')} do not exist`);
  const unaccepted = [...new Set(ids)].filter((id) => found.get(id) !== 'accepted');
  if (unaccepted.length) {
    throw new ValidationError(`${what}: evidence quote(s) ${unaccepted.map((id) => `${id} (${found.get(id)})`).join(', ')} are not accepted; only accepted quotes are evidence`);
  }
}

export function insertStance(tx: Tx, principal: Principal, input: StanceInput, what = 'stance') {
  assertCan(principal, 'stance:create');
  if (input.evidenceQuoteIds.length === 0) throw new ValidationError(`${what}: a stance needs at least one evidence quote`);
  assertQuotesExist(tx, input.evidenceQuoteIds, what);
  const { evidenceQuoteIds, ...values } = input;
  const [row] = tx.insert(stances).values(values).returning().all();
  tx.insert(stanceEvidence)
    .values([...new Set(evidenceQuoteIds)].map((quoteId) => ({ stanceId: row!.id, quoteId })))
    .run();
  return row!;
}

export function insertCamp(tx: Tx, principal: Principal, input: CampInput, what = 'camp') {
  assertCan(principal, 'camp:create');
  assertQuotesExist(tx, [...input.evidenceQuoteIds, ...input.members.flatMap((m) => m.evidenceQuoteIds)], what);
  const { evidenceQuoteIds, members, ...values } = input;
  const [camp] = tx.insert(camps).values(values).returning().all();
  tx.insert(campEvidence)
    .values([...new Set(evidenceQuoteIds)].map((quoteId) => ({ campId: camp!.id, quoteId })))
    .run();
  for (const member of members) {
    const [row] = tx
      .insert(campMembers)
      .values({ campId: camp!.id, actorId: member.actorId, asOf: member.asOf })
      .returning()
      .all();
    tx.insert(campMemberEvidence)
      .values([...new Set(member.evidenceQuoteIds)].map((quoteId) => ({ memberId: row!.id, quoteId })))
      .run();
  }
  return camp!;
}
