// Storing an ingested article: one transaction per article, duplicates recognised, speakers
// matched or proposed, the same statement linked across outlets, rejected suggestions remembered.
// Runs on a migrated database holding only the actors each test needs, with a scripted extractor.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorAliases, actors, quotes, sources } from '@/db/schema';
import type { Article } from '@/lib/extract/types';
import { bodySha256, readArticle } from '@/lib/ingest';
import { Ingestor } from '@/lib/ingest/store';
import { actorInput } from '@/lib/write/inputs';
import { insertActor } from '@/lib/write/store';
import { systemWriter } from '@/lib/write/writer';
import { anonymous, fakeExtractor, person, type ScriptedQuote } from '@/tests/support/fake-extractor';
import { createTestDb, dumpAllTables, type TestDb } from '@/tests/support/db';
import { inWriteTx } from '@/tests/support/write';

let test: TestDb;
const ids: Record<string, number> = {};

function addActor(slug: string, fields: { name: string; kind: 'state' | 'person' | 'organisation' | 'anonymous'; countryCode?: string | null; aliases?: string[]; organisation?: string; confirmed?: boolean }) {
  const row = inWriteTx(test.db, (tx) => insertActor(
    tx,
    actorInput.parse({ slug, name: fields.name, kind: fields.kind, countryCode: fields.countryCode ?? null, aliases: fields.aliases ?? [], organisationId: fields.organisation ? ids[fields.organisation]! : null, confirmed: fields.confirmed ?? true }),
  ));
  ids[slug] = row.id;
}

beforeEach(() => {
  test = createTestDb({ seed: false });
  addActor('hungary', { name: 'Hungary', kind: 'state', countryCode: 'HU' });
  addActor('russia', { name: 'Russia', kind: 'state', countryCode: 'RU', aliases: ['the Kremlin', 'Moscow'] });
  addActor('nato', { name: 'NATO', kind: 'organisation', aliases: ['the Alliance'] });
  addActor('eu', { name: 'European Union', kind: 'organisation', aliases: ['EU'] });
  addActor('peter-szijjarto', { name: 'Péter Szijjártó', kind: 'person', countryCode: 'HU', aliases: ['Szijjártó'] });
  addActor('us-senior-official', { name: 'Senior US official (unnamed)', kind: 'anonymous', countryCode: 'US', aliases: ['a senior US official'] });
});
afterEach(() => test.cleanup());

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function article(body: string, fields: Partial<Omit<Article, 'body' | 'junk'>> = {}): Article {
  const result = readArticle('test.txt', utf8(body));
  if (!result.ok) throw new Error(result.problem);
  return { ...result.article, ...fields };
}

const BUDAPEST = [
  'Hungary will not support new sanctions, Foreign Minister Péter Szijjártó said on Tuesday.',
  '"We will not give up our energy security for a political gesture," Szijjártó told reporters in Budapest.',
  'A senior US official said the allies "have heard this before and will find a way around it".',
].join('\n');
const SZIJJARTO_QUOTE = 'We will not give up our energy security for a political gesture,';
const US_QUOTE = 'have heard this before and will find a way around it';

const quotesOf = (sourceId: number) => test.db.select().from(quotes).where(eq(quotes.sourceId, sourceId)).orderBy(quotes.start).all();
const actorNamed = (name: string) => test.db.select().from(actors).where(eq(actors.name, name)).get();

function ingestor(script: ScriptedQuote[], version?: string) {
  const extractor = fakeExtractor(script, version);
  return { extractor, ingestor: new Ingestor(systemWriter(test.db, 'test'), extractor) };
}

function stored(result: ReturnType<Ingestor['ingest']>) {
  if (result.status !== 'new') throw new Error(`expected a new source, got ${JSON.stringify(result)}`);
  return result;
}

describe('storing an article and its suggestions', () => {
  it('stores the source as read and each quote as a suggestion with its provenance', () => {
    const { ingestor: ing } = ingestor([
      { text: SZIJJARTO_QUOTE, speaker: person('Péter Szijjártó', 'HU'), confidence: 0.93, saidAt: '2025-03-11', cue: 'told', mention: 'Szijjártó told' },
      { text: US_QUOTE, speaker: anonymous('a senior US official', 'US'), confidence: 0.61 },
    ]);
    const a = article(BUDAPEST, { title: 'Budapest says no', publisher: 'Example Wire', url: 'https://example.org/budapest', publishedAt: '2025-03-12', language: 'en' });
    const result = stored(ing.ingest(a));
    expect(result).toMatchObject({ quotesSuggested: 2, actorsProposed: 0, quotesInJunk: 0, quotesAlreadyKnown: 0 });

    const source = test.db.select().from(sources).where(eq(sources.id, result.sourceId)).get()!;
    expect(source).toMatchObject({ title: 'Budapest says no', publisher: 'Example Wire', url: 'https://example.org/budapest', publishedAt: '2025-03-12', language: 'en', body: a.body });
    expect(source.bodySha256).toBe(bodySha256(a.body));

    const [first, second] = quotesOf(result.sourceId);
    const mentionAt = a.body.indexOf('Szijjártó told');
    expect(first).toMatchObject({
      text: SZIJJARTO_QUOTE,
      kind: 'direct',
      reviewState: 'suggested',
      confidence: 0.93,
      extractorVersion: 'fake-1',
      speakerId: ids['peter-szijjarto'],
      speakerLabel: 'Péter Szijjártó',
      saidAt: '2025-03-11',
      cueStart: a.body.indexOf('told'),
      cueEnd: a.body.indexOf('told') + 4,
      speakerStart: mentionAt,
      speakerEnd: mentionAt + 'Szijjártó told'.length,
      statementId: null,
    });
    expect(second).toMatchObject({ text: US_QUOTE, speakerId: ids['us-senior-official'], speakerLabel: 'a senior US official', confidence: 0.61, cueStart: null, speakerStart: null });
    for (const q of [first!, second!]) expect(a.body.slice(q.start, q.end)).toBe(q.text);
  });

  it('fills in a title from the first line and a publisher from the URL when the file gives none', () => {
    const { ingestor: ing } = ingestor([]);
    const result = stored(ing.ingest(article(BUDAPEST, { url: 'https://www.example.org/x' })));
    const source = test.db.select().from(sources).where(eq(sources.id, result.sourceId)).get()!;
    expect(source.title).toBe('Hungary will not support new sanctions, Foreign Minister Péter Szijjártó said on Tuesday.');
    expect(source.publisher).toBe('example.org');
  });

  it('never stores a quote that lies in scraping junk', () => {
    const body = `${BUDAPEST}\nRead also: "We will not give up our energy security," says Budapest\nShare Tweet Copy link`;
    const a = article(body);
    expect(a.junk).toHaveLength(1);
    const { ingestor: ing } = ingestor([
      { text: SZIJJARTO_QUOTE, speaker: person('Péter Szijjártó', 'HU') },
      { text: 'We will not give up our energy security," says', speaker: person('Budapest') },
    ]);
    const result = stored(ing.ingest(a));
    expect(result).toMatchObject({ quotesSuggested: 1, quotesInJunk: 1 });
    expect(quotesOf(result.sourceId).map((q) => q.text)).toEqual([SZIJJARTO_QUOTE]);
    expect(actorNamed('Budapest')).toBeUndefined();
  });

  it('passes the confirmed actors to the extractor as known actors, proposals left out', () => {
    addActor('proposed-person', { name: 'Somebody Proposed', kind: 'person', confirmed: false });
    addActor('nato-diplomat', { name: 'NATO diplomat (unnamed)', kind: 'anonymous', organisation: 'nato', aliases: ['a NATO diplomat'] });
    const { ingestor: ing, extractor } = ingestor([]);
    ing.ingest(article(BUDAPEST));
    const known = extractor.calls[0]!.options.knownActors!;
    expect(known.map((k) => k.name)).not.toContain('Somebody Proposed');
    expect(known).toContainEqual({ name: 'Péter Szijjártó', aliases: ['Szijjártó'], kind: 'person', countryCode: 'HU', organisation: null });
    expect(known).toContainEqual({ name: 'NATO diplomat (unnamed)', aliases: ['a NATO diplomat'], kind: 'anonymous', countryCode: null, organisation: 'NATO' });
  });
});

describe('one transaction per article', () => {
  it('a failure after the source, a proposed actor and a first quote are written leaves the database exactly as it was', () => {
    const before = dumpAllTables(test.db);
    // The failure comes from the database itself, in the middle of the article's writes.
    test.db.$client.exec(`create trigger refuse_probe before insert on quotes when new.text like '%heard this before%' begin select raise(abort, 'probe: refused by trigger'); end`);
    const { ingestor: ing } = ingestor([
      { text: SZIJJARTO_QUOTE, speaker: person('Viktor Orbán', 'HU') },
      { text: US_QUOTE, speaker: anonymous('a senior US official', 'US') },
    ]);
    expect(() => ing.ingest(article(BUDAPEST))).toThrow('probe: refused by trigger');
    expect(dumpAllTables(test.db)).toEqual(before);

    // The run goes on: the actor proposed in the failed transaction is proposed again, not
    // remembered from a write that never happened.
    test.db.$client.exec('drop trigger refuse_probe');
    const result = stored(ing.ingest(article(BUDAPEST)));
    expect(result.actorsProposed).toBe(1);
    const orban = actorNamed('Viktor Orbán');
    expect(orban).toMatchObject({ confirmed: false, countryCode: 'HU' });
    expect(quotesOf(result.sourceId)[0]!.speakerId).toBe(orban!.id);
  });

  it('an extractor that returns a text which is not its slice of the body gets nothing stored', () => {
    const before = dumpAllTables(test.db);
    const bad = fakeExtractor([]);
    bad.extract = (a) => [{ start: 0, end: 7, text: 'Ungary ', kind: 'direct', speaker: person('Nobody'), confidence: 0.5, cue: null, speakerMention: null, saidAt: null }];
    expect(a(bad)).toThrow('extracted quote 1: text "Ungary " is not the body at 0-7');
    expect(dumpAllTables(test.db)).toEqual(before);

    function a(extractor: typeof bad) {
      return () => new Ingestor(systemWriter(test.db, 'test'), extractor).ingest(article(BUDAPEST));
    }
  });

  it('an extractor that throws gets nothing stored, and says it was the extraction', () => {
    const before = dumpAllTables(test.db);
    const broken = fakeExtractor([]);
    broken.extract = () => {
      throw new Error('model not loaded');
    };
    expect(() => new Ingestor(systemWriter(test.db, 'test'), broken).ingest(article(BUDAPEST))).toThrow('extraction failed: model not loaded');
    expect(dumpAllTables(test.db)).toEqual(before);
  });
});

describe('duplicates', () => {
  it('the same article with other whitespace is the same source: nothing changes, nothing is extracted', () => {
    const { ingestor: ing, extractor } = ingestor([{ text: SZIJJARTO_QUOTE, speaker: person('Péter Szijjártó', 'HU') }]);
    const first = stored(ing.ingest(article(BUDAPEST)));
    const before = dumpAllTables(test.db);
    const again = ing.ingest(article(`\n${BUDAPEST.replace(/\n/g, '  \r\n')}\r\n`));
    expect(again).toEqual({ status: 'duplicate', sourceId: first.sourceId, matchedBy: 'body', deleted: false });
    expect(extractor.calls).toHaveLength(1);
    expect(dumpAllTables(test.db)).toEqual(before);
  });

  it('the same URL is the same article, even with another text', () => {
    const { ingestor: ing } = ingestor([]);
    const first = stored(ing.ingest(article(BUDAPEST, { url: 'https://example.org/budapest' })));
    const before = dumpAllTables(test.db);
    const again = ing.ingest(article(`${BUDAPEST}\nUpdated at 18:00.`, { url: 'https://example.org/budapest' }));
    expect(again).toEqual({ status: 'duplicate', sourceId: first.sourceId, matchedBy: 'url', deleted: false });
    expect(dumpAllTables(test.db)).toEqual(before);
  });

  it('another article without a URL is new', () => {
    const { ingestor: ing } = ingestor([]);
    stored(ing.ingest(article(BUDAPEST)));
    expect(ing.ingest(article(`${BUDAPEST}\nUpdated at 18:00.`)).status).toBe('new');
  });
});

describe('speakers', () => {
  const speakerOf = (speaker: ScriptedQuote['speaker']) => {
    const { ingestor: ing } = ingestor([{ text: SZIJJARTO_QUOTE, speaker }]);
    const result = stored(ing.ingest(article(BUDAPEST)));
    return { result, quote: quotesOf(result.sourceId)[0]! };
  };

  it.each([
    ['the name without accents', person('Peter Szijjarto', 'HU'), 'peter-szijjarto'],
    ['an alias, in other case and spacing', person('  SZIJJÁRTÓ ', null), 'peter-szijjarto'],
    ['a state by an alias with "the"', { name: 'the Kremlin', kind: 'organisation' as const, countryCode: 'RU', organisation: null }, 'russia'],
    ['a state by an alias without "the"', { name: 'Kremlin', kind: 'state' as const, countryCode: 'RU', organisation: null }, 'russia'],
    ['a state by its country code alone', { name: 'the Hungarian government', kind: 'state' as const, countryCode: 'HU', organisation: null }, 'hungary'],
    ['an organisation by alias', { name: 'the Alliance', kind: 'organisation' as const, countryCode: null, organisation: null }, 'nato'],
    ['an unnamed official by description and country', anonymous('a senior US official', 'US'), 'us-senior-official'],
  ])('matches %s', (_name, speaker, slug) => {
    const { result, quote } = speakerOf(speaker);
    expect(quote.speakerId).toBe(ids[slug]);
    expect(result.actorsProposed).toBe(0);
  });

  it('proposes a new person, unconfirmed, with the country and organisation spoken for', () => {
    const { result, quote } = speakerOf(person('Kaja Kallas', 'EE', 'EU'));
    expect(result.actorsProposed).toBe(1);
    const kallas = actorNamed('Kaja Kallas')!;
    expect(kallas).toMatchObject({ slug: 'kaja-kallas', kind: 'person', countryCode: 'EE', organisationId: ids.eu, confirmed: false });
    expect(quote.speakerId).toBe(kallas.id);
    expect(test.db.select({ alias: actorAliases.alias }).from(actorAliases).where(eq(actorAliases.actorId, kallas.id)).all()).toEqual([{ alias: 'Kaja Kallas' }]);
  });

  it('proposes the organisation spoken for too when it is not known', () => {
    const { result, quote } = speakerOf(anonymous('a spokesperson for the Russian Foreign Ministry', 'RU', 'Russian Foreign Ministry'));
    expect(result.actorsProposed).toBe(2);
    const ministry = actorNamed('Russian Foreign Ministry')!;
    expect(ministry).toMatchObject({ kind: 'organisation', countryCode: 'RU', confirmed: false, slug: 'russian-foreign-ministry' });
    const spokesperson = test.db.select().from(actors).where(eq(actors.id, quote.speakerId!)).get()!;
    expect(spokesperson).toMatchObject({ kind: 'anonymous', countryCode: 'RU', organisationId: ministry.id, confirmed: false });
  });

  it('an unnamed official of another country is not the known one', () => {
    const { result, quote } = speakerOf(anonymous('a senior US official', null));
    expect(quote.speakerId).not.toBe(ids['us-senior-official']);
    expect(result.actorsProposed).toBe(1);
  });

  it('a person of another country is not the known one of the same name', () => {
    const { quote } = speakerOf(person('Péter Szijjártó', 'SK'));
    expect(quote.speakerId).not.toBe(ids['peter-szijjarto']);
  });

  it('a proposed speaker is reused by the next article, not proposed twice', () => {
    const { ingestor: ing } = ingestor([{ text: SZIJJARTO_QUOTE, speaker: person('Kaja Kallas', 'EE') }]);
    const first = stored(ing.ingest(article(BUDAPEST)));
    const second = stored(ing.ingest(article(`${BUDAPEST}\nThe meeting ended at noon.`)));
    expect([first.actorsProposed, second.actorsProposed]).toEqual([1, 0]);
    expect(quotesOf(second.sourceId)[0]!.speakerId).toBe(quotesOf(first.sourceId)[0]!.speakerId);
  });

  it('a new actor whose slug is taken gets the next free one', () => {
    addActor('kaja-kallas', { name: 'Kaja Kallas (the ship)', kind: 'organisation' });
    addActor('kaja-kallas-2', { name: 'Kaja Kallas (the horse)', kind: 'organisation' });
    speakerOf(person('Kaja Kallas', 'EE'));
    expect(test.db.select().from(actors).where(eq(actors.kind, 'person')).all().map((a) => a.slug)).toContain('kaja-kallas-3');
  });

  it('an ambiguous name is left for the analyst: no actor linked, none proposed, the name kept', () => {
    addActor('john-smith-gb', { name: 'John Smith', kind: 'person', countryCode: 'GB' });
    addActor('john-smith-us', { name: 'John Smith', kind: 'person', countryCode: 'US' });
    const { result, quote } = speakerOf(person('John Smith'));
    expect(quote).toMatchObject({ speakerId: null, speakerLabel: 'John Smith' });
    expect(result.actorsProposed).toBe(0);
  });

  it('a quote with no speaker is stored unattributed', () => {
    const { quote } = speakerOf(null);
    expect(quote).toMatchObject({ speakerId: null, speakerLabel: 'unattributed' });
  });
});

describe('the same statement in two outlets', () => {
  const LONG = 'We will not give up our energy security for a political gesture, and we will say so in Brussels';

  function twoOutlets(firstText: string, secondText: string, secondSpeaker = person('Péter Szijjártó', 'HU')) {
    const first = stored(ingestor([{ text: firstText, speaker: person('Péter Szijjártó', 'HU') }]).ingestor.ingest(article(`Szijjártó said: "${firstText}".`)));
    const second = stored(ingestor([{ text: secondText, speaker: secondSpeaker }]).ingestor.ingest(article(`In Budapest, the minister said: «${secondText}».`)));
    return { first: quotesOf(first.sourceId)[0]!, second: quotesOf(second.sourceId)[0]!, linked: second.statementsLinked };
  }

  it('links the same words by the same speaker to the first quote', () => {
    const { first, second, linked } = twoOutlets(LONG, LONG.toUpperCase().replace(/,/g, ' —'));
    expect(second.statementId).toBe(first.id);
    expect(first.statementId).toBeNull();
    expect(linked).toBe(1);
  });

  it('links a quote that an outlet trimmed, and a third outlet to the same first quote', () => {
    const { first, second } = twoOutlets(LONG, 'We will not give up our energy security for a political gesture');
    expect(second.statementId).toBe(first.id);
    const third = stored(ingestor([{ text: 'our energy security for a political gesture, and we will say so', speaker: person('Szijjártó', 'HU') }]).ingestor.ingest(article('Reuters: "our energy security for a political gesture, and we will say so".')));
    expect(quotesOf(third.sourceId)[0]!.statementId).toBe(first.id);
  });

  it('does not link the same words by another speaker', () => {
    const { second } = twoOutlets(LONG, LONG, person('Viktor Orbán', 'HU'));
    expect(second.statementId).toBeNull();
  });

  it('does not link different statements by the same speaker', () => {
    const { second } = twoOutlets(LONG, 'Hungary will veto any sanctions on Russian gas and oil imports this year');
    expect(second.statementId).toBeNull();
  });

  it('does not link short quotes that merely share their words', () => {
    const { second } = twoOutlets('not a gesture', 'a gesture, not');
    expect(second.statementId).toBeNull();
  });
});

describe('review state survives re-extraction', () => {
  it('a rejected suggestion is not suggested again; a new span is', () => {
    const { ingestor: ing } = ingestor([
      { text: SZIJJARTO_QUOTE, speaker: person('Péter Szijjártó', 'HU') },
      { text: US_QUOTE, speaker: anonymous('a senior US official', 'US') },
    ]);
    const result = stored(ing.ingest(article(BUDAPEST)));
    const [rejected] = quotesOf(result.sourceId);
    test.db.update(quotes).set({ reviewState: 'rejected' }).where(eq(quotes.id, rejected!.id)).run();
    const before = dumpAllTables(test.db);

    expect(ing.resuggest(result.sourceId)).toMatchObject({ quotesSuggested: 0, quotesAlreadyKnown: 2 });
    expect(dumpAllTables(test.db)).toEqual(before);

    const newer = ingestor(
      [
        { text: SZIJJARTO_QUOTE, speaker: person('Péter Szijjártó', 'HU') },
        { text: 'Hungary will not support new sanctions', speaker: person('Péter Szijjártó', 'HU'), kind: 'reported' },
      ],
      'fake-2',
    ).ingestor;
    expect(newer.resuggest(result.sourceId)).toMatchObject({ quotesSuggested: 1, quotesAlreadyKnown: 1 });
    const after = quotesOf(result.sourceId);
    expect(after.filter((q) => q.start === rejected!.start && q.end === rejected!.end).map((q) => q.reviewState)).toEqual(['rejected']);
    expect(after.find((q) => q.kind === 'reported')).toMatchObject({ reviewState: 'suggested', extractorVersion: 'fake-2' });
  });

  it('a rejected suggestion does not block an accepted quote on the same span', () => {
    const { ingestor: ing } = ingestor([{ text: SZIJJARTO_QUOTE, speaker: person('Péter Szijjártó', 'HU') }]);
    const result = stored(ing.ingest(article(BUDAPEST)));
    const [suggestion] = quotesOf(result.sourceId);
    test.db.update(quotes).set({ reviewState: 'rejected' }).where(eq(quotes.id, suggestion!.id)).run();
    const { id: _id, createdAt: _c, ...copy } = suggestion!;
    test.db.insert(quotes).values({ ...copy, reviewState: 'accepted' }).run();
    expect(quotesOf(result.sourceId).map((q) => q.reviewState).sort()).toEqual(['accepted', 'rejected']);
  });
});

describe('the seed articles', () => {
  it('ingesting a seed article into the seeded database is a duplicate of its seeded source', () => {
    const seeded = createTestDb();
    try {
      const before = dumpAllTables(seeded.db);
      const extractor = fakeExtractor([]);
      const ing = new Ingestor(systemWriter(seeded.db, 'test'), extractor);
      for (const file of ['000_2b7cb4218ea99be8.txt', '003_c58422929e737e8f.txt']) {
        const read = readArticle(file, readFileSync(`seeds/${file}`));
        if (!read.ok) throw new Error(read.problem);
        expect(ing.ingest(read.article)).toMatchObject({ status: 'duplicate', matchedBy: 'body', deleted: false });
      }
      expect(extractor.calls).toHaveLength(0);
      expect(dumpAllTables(seeded.db)).toEqual(before);
    } finally {
      seeded.cleanup();
    }
  });
});
