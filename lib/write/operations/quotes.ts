// Reviewing quotes: accept a suggestion (it becomes evidence), reject it (it is kept, and never
// suggested again), or correct it: the span (re-checked against the source body), the kind, the
// speaker.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { quotes, sources } from '@/db/schema';
import type { ReviewState } from '@/lib/domain/vocabulary';
import { recordAudit } from '../audit';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { quotePatchInput, versionCheckInput } from '../inputs';
import { quoteRecord, type QuoteRecord } from '../records';
import { assertQuoteMatchesSource, checkRight } from '../store';
import type { ReadTx, WriteTx } from '../tx';
import type { WriteSpec } from '../writer';
import { changes, checkVersion, liveIdBySlug } from './common';
import { liveCitationsOf } from './lifecycle';

function liveQuote(tx: ReadTx, id: number): QuoteRecord {
  const quote = quoteRecord(tx, id);
  if (!quote || quote.deletedAt) throw new NotFoundError(`No quote with id ${id}`);
  return quote;
}

function review(tx: WriteTx, id: number, to: ReviewState, version: number | undefined): QuoteRecord {
  const action = to === 'accepted' ? 'quote:accept' : 'quote:reject';
  checkRight(tx, action);
  const before = liveQuote(tx, id);
  checkVersion(before, version, () => before, 'quote');
  if (before.reviewState === to) return before;
  if (to === 'rejected' && before.reviewState === 'accepted') {
    const citations = liveCitationsOf(tx, [id]);
    if (citations.length) throw new ConflictError(`Quote ${id} is evidence of ${citations.join(', ')}: take it out of that evidence before rejecting it`, before);
  }
  tx.update(quotes)
    .set({ reviewState: to, version: sql`${quotes.version} + 1` })
    .where(eq(quotes.id, id))
    .run();
  const after = quoteRecord(tx, id)!;
  recordAudit(tx, { action, type: 'quote', id, before, after });
  return after;
}

/** POST /api/quotes/{id}/accept: a suggestion (or a rejected quote) becomes evidence. */
export const acceptQuote = (id: number): WriteSpec<typeof versionCheckInput, QuoteRecord> => ({
  action: 'quote:accept',
  schema: versionCheckInput,
  what: `quote ${id}`,
  work: (tx, input) => review(tx, id, 'accepted', input.version),
});

/** POST /api/quotes/{id}/reject: kept, so that the span is never suggested again; refused for cited evidence. */
export const rejectQuote = (id: number): WriteSpec<typeof versionCheckInput, QuoteRecord> => ({
  action: 'quote:reject',
  schema: versionCheckInput,
  what: `quote ${id}`,
  work: (tx, input) => review(tx, id, 'rejected', input.version),
});

/**
 * PATCH /api/quotes/{id}: the span (start and end; the text follows from the body, or, when given,
 * must equal it), the kind, the speaker (an actor's slug, or null) and how the article names them.
 */
export const updateQuote = (id: number): WriteSpec<typeof quotePatchInput, QuoteRecord> => ({
  action: 'quote:update',
  schema: quotePatchInput,
  what: `quote ${id}`,
  work: (tx, input) => {
    checkRight(tx, 'quote:update');
    const before = liveQuote(tx, id);
    checkVersion(before, input.version, () => before, 'quote');
    const patch = changes(input);
    const set: Partial<typeof quotes.$inferInsert> = {};
    if (patch.start !== undefined || patch.end !== undefined || patch.text !== undefined) {
      const start = patch.start ?? before.start;
      const end = patch.end ?? before.end;
      if (end <= start) throw ValidationError.field('end', 'end must be after start');
      const { body } = tx.select({ body: sources.body }).from(sources).where(and(eq(sources.id, before.sourceId), isNull(sources.deletedAt))).get()!;
      const text = patch.text ?? body.slice(start, end);
      assertQuoteMatchesSource(body, { start, end, text }, `quote ${id}`);
      Object.assign(set, { start, end, text });
    }
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.speaker !== undefined) set.speakerId = patch.speaker === null ? null : liveIdBySlug(tx, 'actor', patch.speaker, 'speaker');
    if (patch.speakerLabel !== undefined) set.speakerLabel = patch.speakerLabel;
    if (patch.saidAt !== undefined) set.saidAt = patch.saidAt;
    if (Object.keys(set).length === 0) return before;
    tx.update(quotes)
      .set({ ...set, version: sql`${quotes.version} + 1` })
      .where(eq(quotes.id, id))
      .run();
    const after = quoteRecord(tx, id)!;
    recordAudit(tx, { action: 'quote:update', type: 'quote', id, before, after });
    return after;
  },
});
