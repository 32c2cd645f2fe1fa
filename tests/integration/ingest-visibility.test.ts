// What ingest stores is work for the analyst, not evidence: suggested quotes and proposed actors
// stay off the public reads, and stances and camps cannot cite a suggestion, until it is accepted.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, quotes, sources } from '@/db/schema';
import type { Article } from '@/lib/extract/types';
import { readArticle } from '@/lib/ingest';
import { Ingestor } from '@/lib/ingest/store';
import { countRows } from '@/lib/listing/runner';
import { actorListing } from '@/lib/listings/actors';
import { quoteListing } from '@/lib/listings/quotes';
import { sourceListing } from '@/lib/listings/sources';
import { getActor, getFilterOptions, getSource } from '@/lib/queries/catalog';
import { getEvidenceOverTime, getTableCounts } from '@/lib/queries/overview';
import { getSourceQuotes } from '@/lib/queries/source-quotes';
import { ValidationError } from '@/lib/write/errors';
import { campInput, stanceInput } from '@/lib/write/inputs';
import { systemWriter } from '@/lib/write/writer';
import { insertCamp, insertStance } from '@/lib/write/store';
import { inWriteTx } from '@/tests/support/write';
import { createTestDb, type TestDb } from '@/tests/support/db';
import { fakeExtractor, person } from '@/tests/support/fake-extractor';
import { ids, parseChecked, readAll } from '@/tests/support/listing';

let test: TestDb;
let before: { quotes: number; counts: Awaited<ReturnType<typeof getTableCounts>>; evidence: Awaited<ReturnType<typeof getEvidenceOverTime>>; actors: number };
let sourceId: number;
let suggestionIds: number[];

const BODY = [
  'Estonia will raise defence spending to five percent of GDP, Prime Minister Kristen Michal said on Friday.',
  '"Russia understands only strength, and we intend to show it," Michal told the Riigikogu in Tallinn.',
].join('\n');

const quoteTotal = () => countRows(quoteListing, parseChecked(quoteListing, '', test.db).request, test.db).count;

beforeAll(async () => {
  test = createTestDb();
  const { db } = test;
  before = { quotes: quoteTotal(), counts: await getTableCounts(db), evidence: await getEvidenceOverTime(db), actors: readAll(actorListing, '', db, 1000).length };
  const read = readArticle('estonia.txt', Buffer.from(BODY));
  if (!read.ok) throw new Error(read.problem);
  const article: Article = { ...read.article, title: 'Estonia to spend five percent', publisher: 'ERR', publishedAt: '2025-05-02' };
  const result = new Ingestor(systemWriter(db, 'test'), fakeExtractor([{ text: 'Russia understands only strength, and we intend to show it,', speaker: person('Kristen Michal', 'EE') }])).ingest(article);
  if (result.status !== 'new') throw new Error('expected a new source');
  sourceId = result.sourceId;
  suggestionIds = db.select({ id: quotes.id }).from(quotes).where(eq(quotes.sourceId, sourceId)).all().map((q) => q.id);
});
afterAll(() => test.cleanup());

describe('suggested quotes are not evidence', () => {
  it('the harness stored a suggestion and a proposed actor', () => {
    expect(suggestionIds).toHaveLength(1);
    expect(test.db.select().from(actors).where(eq(actors.name, 'Kristen Michal')).get()?.confirmed).toBe(false);
  });

  it('quote lists, counts and the overview leave them out', async () => {
    const { db } = test;
    expect(quoteTotal()).toBe(before.quotes);
    expect(ids(readAll(quoteListing, '', db, 1000))).not.toContain(suggestionIds[0]);
    expect(await getSourceQuotes(sourceId, db)).toEqual([]);
    expect(await getTableCounts(db)).toMatchObject({ ...before.counts, sources: before.counts.sources + 1, actors: expect.any(Number) });
    expect(await getEvidenceOverTime(db)).toEqual(before.evidence);
  });

  it('the new source is listed, with no evidence quotes counted', async () => {
    const { db } = test;
    expect((await getSource(sourceId, db))?.quoteCount).toBe(0);
    expect(readAll<{ id: number; quoteCount: number }>(sourceListing, '', db, 1000).find((s) => s.id === sourceId)?.quoteCount).toBe(0);
  });

  it('a proposed actor is not listed, not shown, and not offered as a filter', async () => {
    const { db } = test;
    const proposed = db.select().from(actors).where(eq(actors.name, 'Kristen Michal')).get()!;
    expect(readAll(actorListing, '', db, 1000)).toHaveLength(before.actors);
    expect(await getActor(proposed.slug, db)).toBeNull();
    expect((await getFilterOptions(db)).countries.map((c) => c.name)).not.toContain('Kristen Michal');
  });

  it('a stance or camp citing a suggestion is refused, naming it', () => {
    const { db } = test;
    const estonia = db.select().from(actors).where(eq(actors.countryCode, 'EE')).get()!;
    const stance = () =>
      inWriteTx(db, (tx) => insertStance(tx, stanceInput.parse({ actorId: estonia.id, topicId: 1, asOf: '2025-05-02', position: 1, confidence: 'low', summary: 'S', evidenceQuoteIds: suggestionIds })));
    expect(stance).toThrow(ValidationError);
    expect(stance).toThrow(`evidence quote(s) ${suggestionIds[0]} (suggested) are not accepted; only accepted quotes are evidence`);
    const camp = () =>
      inWriteTx(db, (tx) => insertCamp(tx, campInput.parse({ slug: 'probe', topicId: 1, name: 'N', description: 'D', evidenceQuoteIds: suggestionIds, members: [] })));
    expect(camp).toThrow('are not accepted');
  });

  it('once accepted, the quote is evidence like any other', async () => {
    const { db } = test;
    db.update(quotes).set({ reviewState: 'accepted' }).where(eq(quotes.id, suggestionIds[0]!)).run();
    try {
      expect(quoteTotal()).toBe(before.quotes + 1);
      expect((await getSourceQuotes(sourceId, db)).map((q) => q.id)).toEqual(suggestionIds);
      expect(db.select().from(sources).where(eq(sources.id, sourceId)).get()).toBeDefined();
    } finally {
      db.update(quotes).set({ reviewState: 'suggested' }).where(eq(quotes.id, suggestionIds[0]!)).run();
    }
  });
});
