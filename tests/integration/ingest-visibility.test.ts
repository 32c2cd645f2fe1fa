// What ingest stores is work for the analyst, not evidence: suggested quotes and proposed actors
// stay off the public reads, and stances and camps cannot cite a suggestion, until it is accepted.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorAliases, actors, quotes, sources, stances } from '@/db/schema';
import type { Article } from '@/lib/extract/types';
import { EMPTY_FILTERS } from '@/lib/filters';
import { readArticle } from '@/lib/ingest';
import { Ingestor } from '@/lib/ingest/store';
import { getActor, getActors, getFilterOptions, getSource, getSources, getTopics } from '@/lib/queries/catalog';
import { getEvidenceOverTime, getTableCounts } from '@/lib/queries/overview';
import { countQuotes, getQuotes, getSourceQuotes } from '@/lib/queries/quotes';
import { ValidationError } from '@/lib/write/errors';
import { campInput, stanceInput } from '@/lib/write/inputs';
import { performWrite } from '@/lib/write/perform';
import { SYSTEM_PRINCIPAL } from '@/lib/write/principal';
import { insertCamp, insertStance } from '@/lib/write/store';
import { createTestDb, type TestDb } from '@/tests/support/db';
import { fakeExtractor, person } from '@/tests/support/fake-extractor';

let test: TestDb;
let before: { quotes: number; counts: ReturnType<typeof getTableCounts>; evidence: ReturnType<typeof getEvidenceOverTime>; actors: number };
let sourceId: number;
let suggestionIds: number[];

const paging = { limit: null, cursor: null, sort: null, descending: false };
const BODY = [
  'Estonia will raise defence spending to five percent of GDP, Prime Minister Kristen Michal said on Friday.',
  '"Russia understands only strength, and we intend to show it," Michal told the Riigikogu in Tallinn.',
].join('\n');

beforeAll(() => {
  test = createTestDb();
  const { db } = test;
  before = { quotes: countQuotes(EMPTY_FILTERS, db), counts: getTableCounts(db), evidence: getEvidenceOverTime(db), actors: getActors(EMPTY_FILTERS, paging, db).items.length };
  const read = readArticle('estonia.txt', Buffer.from(BODY));
  if (!read.ok) throw new Error(read.problem);
  const article: Article = { ...read.article, title: 'Estonia to spend five percent', publisher: 'ERR', publishedAt: '2025-05-02' };
  const result = new Ingestor(db, SYSTEM_PRINCIPAL, fakeExtractor([{ text: 'Russia understands only strength, and we intend to show it,', speaker: person('Kristen Michal', 'EE') }])).ingest(article);
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

  it('quote lists, counts and the overview leave them out', () => {
    const { db } = test;
    expect(countQuotes(EMPTY_FILTERS, db)).toBe(before.quotes);
    expect(getQuotes(EMPTY_FILTERS, paging, db).items.map((q) => q.id)).not.toContain(suggestionIds[0]);
    expect(getSourceQuotes(sourceId, db)).toEqual([]);
    expect(getTableCounts(db)).toEqual({ ...before.counts, sources: before.counts.sources + 1 });
    expect(getEvidenceOverTime(db)).toEqual(before.evidence);
  });

  it("the new source is listed, with no evidence quotes counted", () => {
    const { db } = test;
    expect(getSource(sourceId, db)?.quoteCount).toBe(0);
    expect(getSources(EMPTY_FILTERS, paging, db).items.find((s) => s.id === sourceId)?.quoteCount).toBe(0);
  });

  it('a proposed actor is not listed, not shown, and not offered as a filter', () => {
    const { db } = test;
    const proposed = db.select().from(actors).where(eq(actors.name, 'Kristen Michal')).get()!;
    expect(getActors(EMPTY_FILTERS, paging, db).items).toHaveLength(before.actors);
    expect(getActor(proposed.slug, db)).toBeNull();
    expect(getFilterOptions(db).countries.map((c) => c.name)).not.toContain('Kristen Michal');
  });

  it('a stance or camp citing a suggestion is refused, naming it', () => {
    const { db } = test;
    const estonia = db.select().from(actors).where(eq(actors.countryCode, 'EE')).get()!;
    const stance = () =>
      performWrite(db, SYSTEM_PRINCIPAL, 'stance:create', stanceInput, { actorId: estonia.id, topicId: 1, asOf: '2025-05-02', position: 1, confidence: 'low', summary: 'S', evidenceQuoteIds: suggestionIds }, (tx, v) => insertStance(tx, SYSTEM_PRINCIPAL, v));
    expect(stance).toThrow(ValidationError);
    expect(stance).toThrow(`evidence quote(s) ${suggestionIds[0]} (suggested) are not accepted; only accepted quotes are evidence`);
    const camp = () =>
      performWrite(db, SYSTEM_PRINCIPAL, 'camp:create', campInput, { slug: 'probe', topicId: 1, name: 'N', description: 'D', evidenceQuoteIds: suggestionIds, members: [] }, (tx, v) => insertCamp(tx, SYSTEM_PRINCIPAL, v));
    expect(camp).toThrow('are not accepted');
  });

  it('once accepted, the quote is evidence like any other', () => {
    const { db } = test;
    db.update(quotes).set({ reviewState: 'accepted' }).where(eq(quotes.id, suggestionIds[0]!)).run();
    try {
      expect(countQuotes(EMPTY_FILTERS, db)).toBe(before.quotes + 1);
      expect(getSourceQuotes(sourceId, db).map((q) => q.id)).toEqual(suggestionIds);
      expect(db.select().from(sources).where(eq(sources.id, sourceId)).get()).toBeDefined();
    } finally {
      db.update(quotes).set({ reviewState: 'suggested' }).where(eq(quotes.id, suggestionIds[0]!)).run();
    }
  });
});

describe('catalog counts are per row, of accepted quotes', () => {
  // Correlated subqueries must compare with the outer row, not with their own table's columns.
  const accepted = (rows: { reviewState: string }[]) => rows.filter((r) => r.reviewState === 'accepted').length;

  it('each source counts its own accepted quotes', () => {
    const { db } = test;
    const all = db.select().from(sources).all();
    expect(all.length).toBeGreaterThan(2);
    for (const s of all) {
      expect(getSource(s.id, db)?.quoteCount, `source ${s.id}`).toBe(accepted(db.select().from(quotes).where(eq(quotes.sourceId, s.id)).all()));
    }
    expect(getSource(1, db)?.quoteCount).toBeGreaterThan(1);
  });

  it('each actor has its own aliases, organisation, stances and accepted quotes', () => {
    const { db } = test;
    for (const a of getActors(EMPTY_FILTERS, paging, db).items) {
      const row = db.select().from(actors).where(eq(actors.id, a.id)).get()!;
      expect(a.aliases, a.slug).toEqual(db.select({ alias: actorAliases.alias }).from(actorAliases).where(eq(actorAliases.actorId, a.id)).orderBy(actorAliases.id).all().map((r) => r.alias));
      expect(a.organisation?.slug ?? null, a.slug).toBe(row.organisationId ? db.select().from(actors).where(eq(actors.id, row.organisationId)).get()!.slug : null);
      expect(a.stanceCount, a.slug).toBe(db.select().from(stances).where(eq(stances.actorId, a.id)).all().length);
      expect(a.quoteCount, a.slug).toBe(accepted(db.select().from(quotes).where(eq(quotes.speakerId, a.id)).all()));
    }
    expect(getActor('us-senior-official', db)?.quoteCount).toBeGreaterThan(0);
    expect(getActor('nato-diplomat', db)?.organisation?.slug).toBe('nato');
  });

  it('each topic counts its own stances', () => {
    const { db } = test;
    for (const t of getTopics(db)) expect(t.stanceCount, t.slug).toBe(db.select().from(stances).where(eq(stances.topicId, t.id)).all().length);
  });
});
