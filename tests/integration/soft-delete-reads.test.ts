// A soft-deleted record is kept, but no public read shows it: not the listings (items, totals,
// counts inside other items), not the record pages' reads, not the matrix or a stance's history,
// not the filter choices, and a filter naming it is refused like one naming nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '@/lib/listing/runner';
import { actorListing } from '@/lib/listings/actors';
import { quoteListing } from '@/lib/listings/quotes';
import { sourceListing } from '@/lib/listings/sources';
import { stanceListing } from '@/lib/listings/stances';
import { topicListing } from '@/lib/listings/topics';
import { getActor, getAllies, getCamps, getFilterOptions, getSource, getTopic, getTopics, stanceExists } from '@/lib/queries/catalog';
import { getCitations } from '@/lib/queries/evidence';
import { getLatestStances, getStanceHistory } from '@/lib/queries/latest';
import { countAlliesWithPosition, getTableCounts } from '@/lib/queries/overview';
import { getSourceQuotes } from '@/lib/queries/source-quotes';
import { createTestDb, type TestDb } from '@/tests/support/db';
import { ids, parseChecked, readAll } from '@/tests/support/listing';
import { newActor, newQuote, newTopic, softDelete } from '@/tests/support/write-fixtures';

let test: TestDb;
const one = <T>(statement: string, ...params: unknown[]) => test.db.$client.prepare(statement).pluck().get(...params) as T;
let ctx: {
  stanceId: number;
  olderStanceId: number;
  usId: number;
  topicId: number;
  quote: ReturnType<typeof newQuote>;
  source: ReturnType<typeof newQuote>;
  actorSlug: string;
  topicSlug: string;
  before: { counts: Awaited<ReturnType<typeof getTableCounts>>; allies: number };
};

beforeAll(async () => {
  test = createTestDb();
  const db = test.db;
  const before = { counts: await getTableCounts(db), allies: await countAlliesWithPosition(db) };
  const usId = one<number>(`select id from actors where slug = 'united-states'`);
  const topicId = one<number>(`select id from topics where slug = 'new-russia-strategy'`);
  const stanceId = one<number>(`select id from stances where actor_id = ? and topic_id = ? and as_of = '2025-04-02'`, usId, topicId);
  const olderStanceId = one<number>(`select id from stances where actor_id = ? and topic_id = ? and as_of = '2024-10-11'`, usId, topicId);
  const quote = newQuote(db);
  const source = newQuote(db);
  const actorSlug = newActor(db).slug;
  const topicSlug = newTopic(db).slug;
  ctx = { stanceId, olderStanceId, usId, topicId, quote, source, actorSlug, topicSlug, before: { ...before, counts: await getTableCounts(db) } };
  // Through the write door, as an analyst's DELETE would.
  softDelete(db, { type: 'stance', id: stanceId });
  softDelete(db, { type: 'camp', slug: 'kremlin-engagement' });
  softDelete(db, { type: 'quote', id: quote.quoteId });
  softDelete(db, { type: 'source', id: source.sourceId });
  softDelete(db, { type: 'actor', slug: actorSlug });
  softDelete(db, { type: 'actor', slug: 'iceland' });
  softDelete(db, { type: 'topic', slug: topicSlug });
});
afterAll(() => test.cleanup());

describe('listings leave deleted rows out', () => {
  it('stances: the item, the total', () => {
    const all = readAll(stanceListing, '', test.db, 100);
    expect(ids(all)).not.toContain(ctx.stanceId);
    expect(ids(all)).toContain(ctx.olderStanceId);
    expect(countRows(stanceListing, parseChecked(stanceListing, '', test.db).request, test.db).count).toBe(all.length);
  });

  it('quotes: the deleted quote and the deleted source’s quotes', () => {
    const all = ids(readAll(quoteListing, '', test.db, 100));
    expect(all).not.toContain(ctx.quote.quoteId);
    expect(all).not.toContain(ctx.source.quoteId);
    expect(countRows(quoteListing, parseChecked(quoteListing, '', test.db).request, test.db).count).toBe(all.length);
  });

  it('sources, actors, topics', () => {
    expect(ids(readAll(sourceListing, '', test.db, 100))).not.toContain(ctx.source.sourceId);
    expect(ids(readAll(sourceListing, '', test.db, 100))).toContain(ctx.quote.sourceId);
    const actors = readAll<{ slug: string; stanceCount: number }>(actorListing, '', test.db, 100);
    expect(actors.map((a) => a.slug)).not.toContain(ctx.actorSlug);
    expect(actors.map((a) => a.slug)).not.toContain('iceland');
    expect(readAll<{ slug: string }>(topicListing, '', test.db, 100).map((t) => t.slug)).not.toContain(ctx.topicSlug);
  });

  it('counts inside other items: an actor’s and a topic’s stances, a source’s quotes', () => {
    const us = readAll<{ slug: string; stanceCount: number }>(actorListing, '', test.db, 100).find((a) => a.slug === 'united-states')!;
    expect(us.stanceCount).toBe(one<number>(`select count(*) from stances where actor_id = ? and deleted_at is null`, ctx.usId));
    expect(us.stanceCount).toBe(one<number>(`select count(*) from stances where actor_id = ?`, ctx.usId) - 1);
    const topic = readAll<{ slug: string; stanceCount: number }>(topicListing, '', test.db, 100).find((t) => t.slug === 'new-russia-strategy')!;
    expect(topic.stanceCount).toBe(one<number>(`select count(*) from stances where topic_id = ? and deleted_at is null`, ctx.topicId));
    const source = readAll<{ id: number; quoteCount: number }>(sourceListing, '', test.db, 100).find((s) => s.id === ctx.quote.sourceId)!;
    expect(source.quoteCount).toBe(0);
  });

  it('a filter naming a deleted record is refused like one naming nothing', () => {
    for (const [spec, query, param] of [
      [stanceListing, `actor=${ctx.actorSlug}`, 'actor'],
      [stanceListing, 'camp=kremlin-engagement', 'camp'],
      [stanceListing, `stance=${ctx.stanceId}`, 'stance'],
      [quoteListing, `source=${ctx.source.sourceId}`, 'source'],
      [stanceListing, `topic=${ctx.topicSlug}`, 'topic'],
      [actorListing, 'country=IS', 'country'],
    ] as const) {
      expect(parseChecked(spec, query, test.db).errors.map((e) => e.param), query).toEqual([param]);
    }
  });

  it('the totals the database keeps count live rows', async () => {
    const counts = await getTableCounts(test.db);
    expect(counts).toEqual({
      ...ctx.before.counts,
      stances: ctx.before.counts.stances - 1,
      camps: ctx.before.counts.camps - 1,
      quotes: ctx.before.counts.quotes - 2,
      sources: ctx.before.counts.sources - 1,
      actors: ctx.before.counts.actors - 2,
      topics: ctx.before.counts.topics - 1,
    });
  });
});

describe('record reads leave deleted rows out', () => {
  it('a deleted source, actor or topic reads as missing; a live one still reads', async () => {
    expect(await getSource(ctx.source.sourceId, test.db)).toBeNull();
    expect(await getSource(ctx.quote.sourceId, test.db)).not.toBeNull();
    expect(await getSourceQuotes(ctx.source.sourceId, test.db)).toEqual([]);
    expect(await getActor(ctx.actorSlug, test.db)).toBeNull();
    expect(await getActor('iceland', test.db)).toBeNull();
    expect(await getTopic(ctx.topicSlug, test.db)).toBeNull();
    expect((await getTopics(test.db)).map((t) => t.slug)).not.toContain(ctx.topicSlug);
    expect(await stanceExists(ctx.stanceId, test.db)).toBe(false);
    expect(await stanceExists(ctx.olderStanceId, test.db)).toBe(true);
  });

  it('the matrix shows the latest live stance, and the history leaves the deleted one out', async () => {
    const [cell] = await getLatestStances([ctx.usId], [ctx.topicId], test.db);
    expect(cell).toMatchObject({ id: ctx.olderStanceId, history: 1 });
    expect(ids(await getStanceHistory(ctx.usId, [ctx.topicId], test.db))).toEqual([ctx.olderStanceId]);
  });

  it('citations, camps, allies and filter choices leave deleted records out', async () => {
    const cited = one<number>(`select quote_id from stance_evidence where stance_id = ?`, ctx.stanceId);
    expect((getCitations([cited], test.db).get(cited) ?? []).map((c) => c.stanceId)).not.toContain(ctx.stanceId);
    expect((await getCamps({}, test.db)).map((c) => c.slug)).not.toContain('kremlin-engagement');
    expect((await getCamps({ actor: 'hungary' }, test.db)).map((c) => c.slug)).not.toContain('kremlin-engagement');
    expect((await getAllies(test.db)).map((a) => a.slug)).not.toContain('iceland');
    const options = await getFilterOptions(test.db);
    expect(options.countries.map((c) => c.code)).not.toContain('IS');
    expect(options.camps.map((c) => c.slug)).not.toContain('kremlin-engagement');
    expect(options.topics.map((t) => t.slug)).not.toContain(ctx.topicSlug);
  });
});
