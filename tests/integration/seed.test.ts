// Seed integrity, read back through a real migrated database, and the seed loader's refusal
// to half-write a broken seed file.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { actors, campEvidence, quotes, sources, stanceEvidence, stances, topics } from '@/db/schema';
import { loadSeed, readSeedFile, seedIfEmpty } from '@/seeds/load';
import type { SeedFile } from '@/seeds/seed-file';
import { ValidationError } from '@/lib/write/errors';
import { countAllRows, createTestDb, seedCopy } from '@/tests/support/db';

const test = createTestDb();
const { db } = test;
afterAll(() => test.cleanup());

const allSources = () => db.select().from(sources).all();
const allQuotes = () => db.select().from(quotes).all();
const bodyOf = (sourceId: number) => {
  const source = db.select({ body: sources.body }).from(sources).where(eq(sources.id, sourceId)).get();
  if (!source) throw new Error(`no source ${sourceId}`);
  return source.body;
};

describe('seeded quotes are anchored in their sources', () => {
  it('every quote text equals body.slice(start, end) of its source', () => {
    const rows = allQuotes();
    expect(rows.length).toBeGreaterThan(0);
    const mismatches = rows
      .filter((q) => bodyOf(q.sourceId).slice(q.start, q.end) !== q.text)
      .map((q) => `quote ${q.id} at ${q.start}-${q.end}`);
    expect(mismatches).toEqual([]);
  });

  it('every direct quote opens right after a double quote in the article', () => {
    const direct = allQuotes().filter((q) => q.kind === 'direct');
    expect(direct.length).toBeGreaterThan(0);
    const unquoted = direct.filter((q) => bodyOf(q.sourceId)[q.start - 1] !== '"').map((q) => `${q.id}: ${q.text.slice(0, 40)}`);
    expect(unquoted).toEqual([]);
  });

  it('codes nothing from the scraped teaser that ends the Euractiv article', () => {
    // The last line of seed 000 is a teaser for another article, not part of this one.
    const { seed } = seedCopy();
    const file = seed.sources.find((s) => s.file.startsWith('000_'));
    expect(file).toBeDefined();
    const source = allSources().find((s) => s.title === file!.title);
    expect(source).toBeDefined();
    const teaserStart = source!.body.indexOf('Rutte comments on contacts');
    expect(teaserStart).toBeGreaterThan(0);
    const fromSource = allQuotes().filter((q) => q.sourceId === source!.id);
    expect(fromSource.length).toBeGreaterThan(0);
    expect(fromSource.filter((q) => q.start >= teaserStart || q.end > teaserStart)).toEqual([]);
  });
});

describe('seeded quotes are what speakers said, not scare quotes', () => {
  const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).length;

  it('every seeded quote is accepted evidence', () => {
    const states = new Set(allQuotes().map((q) => q.reviewState));
    expect([...states]).toEqual(['accepted']);
  });

  it('no direct quote is a one- or two-word term', () => {
    const direct = allQuotes().filter((q) => q.kind === 'direct');
    expect(direct.length).toBeGreaterThan(0);
    expect(direct.filter((q) => wordsOf(q.text) <= 2).map((q) => q.text)).toEqual([]);
  });

  // The article's scare quotes and terms; each statement containing one stays as evidence.
  it.each([
    ['suspended', 'all discussions on the topic have been "suspended"', 'euractiv-diplomatic-sources'],
    ['signal', 'could send a "signal" that could destabilize Russia', 'nato-diplomat'],
    ['Basic Act', 'NATO still supports the "Basic Act" with Russia', null],
  ])('"%s" is not a quote; the statement around it is', (term, statement, speaker) => {
    const rows = allQuotes();
    expect(rows.filter((q) => q.text === term)).toEqual([]);
    const containing = rows.filter((q) => q.text.includes(statement));
    expect(containing).toHaveLength(1);
    expect(containing[0]!.kind).toBe('reported');
    const speakerSlug = containing[0]!.speakerId === null ? null : db.select().from(actors).where(eq(actors.id, containing[0]!.speakerId)).get()!.slug;
    expect(speakerSlug).toBe(speaker);
    const cited = db.select().from(stanceEvidence).where(eq(stanceEvidence.quoteId, containing[0]!.id)).all().length
      + db.select().from(campEvidence).where(eq(campEvidence.quoteId, containing[0]!.id)).all().length;
    expect(cited).toBeGreaterThan(0);
  });
});

describe('seeded sources and stances', () => {
  it("every source's bodySha256 is the sha256 of its body", () => {
    const rows = allSources();
    expect(rows.length).toBeGreaterThan(0);
    for (const s of rows) {
      expect(s.bodySha256, `source ${s.id}`).toBe(createHash('sha256').update(s.body, 'utf8').digest('hex'));
    }
  });

  it('every stance has at least one evidence quote', () => {
    const rows = db
      .select({ id: stances.id, evidence: sql<number>`count(${stanceEvidence.quoteId})` })
      .from(stances)
      .leftJoin(stanceEvidence, eq(stanceEvidence.stanceId, stances.id))
      .groupBy(stances.id)
      .all();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.evidence < 1)).toEqual([]);
  });

  it('holds both dated US stances on a new Russia strategy, history kept rather than overwritten', () => {
    const rows = db
      .select({ asOf: stances.asOf, position: stances.position })
      .from(stances)
      .innerJoin(actors, eq(actors.id, stances.actorId))
      .innerJoin(topics, eq(topics.id, stances.topicId))
      .where(and(eq(actors.countryCode, 'US'), eq(actors.kind, 'state'), eq(topics.slug, 'new-russia-strategy')))
      .orderBy(stances.asOf)
      .all();
    expect(rows).toEqual([
      { asOf: '2024-10-11', position: 2 },
      { asOf: '2025-04-02', position: 0 },
    ]);
  });

  it('seeding again adds no rows', () => {
    const before = countAllRows(db);
    expect(before.quotes).toBeGreaterThan(0);
    expect(seedIfEmpty(db).seeded).toBe(false);
    expect(countAllRows(db)).toEqual(before);
  });
});

describe('seeded actors', () => {
  // The 32 allies and the year each joined NATO.
  const ALLIES: [code: string, year: number][] = [
    ['AL', 2009], ['BE', 1949], ['BG', 2004], ['CA', 1949], ['HR', 2009], ['CZ', 1999], ['DK', 1949], ['EE', 2004],
    ['FI', 2023], ['FR', 1949], ['DE', 1955], ['GR', 1952], ['HU', 1999], ['IS', 1949], ['IT', 1949], ['LV', 2004],
    ['LT', 2004], ['LU', 1949], ['ME', 2017], ['NL', 1949], ['MK', 2020], ['NO', 1949], ['PL', 1999], ['PT', 1949],
    ['RO', 2004], ['SK', 2004], ['SI', 2004], ['ES', 1982], ['SE', 2024], ['TR', 1952], ['GB', 1949], ['US', 1949],
  ];
  const states = () => db.select().from(actors).where(eq(actors.kind, 'state')).all();

  it.each(ALLIES)('%s is a state that joined NATO in %i', (code, year) => {
    const matches = states().filter((a) => a.countryCode === code);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.natoAccessionYear).toBe(year);
  });

  it('has exactly the 32 allies as member states', () => {
    const members = states().filter((a) => a.natoAccessionYear !== null).map((a) => a.countryCode);
    expect(members.sort()).toEqual(ALLIES.map(([code]) => code).sort());
  });

  it.each([
    ['Russia', 'state', 'RU'],
    ['Ukraine', 'state', 'UA'],
  ])('%s is a non-member state', (_name, kind, code) => {
    const row = db.select().from(actors).where(eq(actors.countryCode, code)).all().filter((a) => a.kind === kind);
    expect(row).toHaveLength(1);
    expect(row[0]!.natoAccessionYear).toBeNull();
  });

  it.each(['nato', 'eu'])('organisation %s exists', (slug) => {
    const row = db.select().from(actors).where(eq(actors.slug, slug)).get();
    expect(row?.kind).toBe('organisation');
    expect(row?.natoAccessionYear).toBeNull();
  });
});

describe('loading a broken seed file', () => {
  const find = <T>(list: T[], pick: (x: T) => boolean, what: string): T => {
    const found = list.find(pick);
    if (!found) throw new Error(`seed has no ${what}; the fixture needs updating`);
    return found;
  };
  // Each mutation returns the fragments the error message must contain. Mutations target late
  // records, so that sources, actors and earlier quotes are already written inside the
  // transaction when the loader fails: the rollback is what is under test.
  const cases: { name: string; mutate: (seed: SeedFile) => string[] }[] = [
    {
      name: 'a quote whose offsets do not match its text',
      mutate: (seed) => {
        find(seed.quotes, (q) => q.key === 'b-hungary-slovakia', 'quote b-hungary-slovakia').start += 1;
        return ['quote "b-hungary-slovakia"', 'does not match'];
      },
    },
    {
      name: 'a quote whose speaker slug does not exist',
      mutate: (seed) => {
        find(seed.quotes, (q) => q.key === 'b-aggressive-destabilise', 'quote b-aggressive-destabilise').speaker = 'no-such-speaker';
        return ['quote "b-aggressive-destabilise"', 'no-such-speaker'];
      },
    },
    {
      name: 'a stance without evidence',
      mutate: (seed) => {
        const stance = find(seed.stances, (s) => s.actor === 'hungary' && s.topic === 'kremlin-contacts', 'Hungary stance');
        stance.evidence = [];
        return [`${stance.actor} / ${stance.topic} / ${stance.asOf}`, 'evidence'];
      },
    },
    {
      name: 'a stance citing an evidence key that does not exist',
      mutate: (seed) => {
        const stance = seed.stances.at(-1)!;
        stance.evidence.push('no-such-quote');
        return [`${stance.actor} / ${stance.topic} / ${stance.asOf}`, 'no-such-quote'];
      },
    },
  ];

  it('loads the unmodified seed into a fresh database (the harness is sound)', () => {
    const fresh = createTestDb({ seed: false });
    try {
      const { seed, bodies } = seedCopy();
      loadSeed(fresh.db, seed, bodies);
      expect(countAllRows(fresh.db).quotes).toBe(seed.quotes.length);
    } finally {
      fresh.cleanup();
    }
  });

  it.each(cases)('rejects $name, naming the record and writing nothing', (c) => {
    const fresh = createTestDb({ seed: false });
    try {
      const { seed, bodies } = seedCopy();
      const named = c.mutate(seed);
      let error: unknown;
      try {
        loadSeed(fresh.db, seed, bodies);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      for (const part of named) expect((error as Error).message).toContain(part);
      const counts = countAllRows(fresh.db);
      expect(Object.keys(counts)).toContain('quotes');
      expect(Object.values(counts).every((n) => n === 0), JSON.stringify(counts)).toBe(true);
    } finally {
      fresh.cleanup();
    }
  });

  it('reads the same seed the test database was built from', () => {
    // Guards the fixtures above: readSeedFile must find every source body.
    const { seed, bodies } = readSeedFile();
    expect(bodies.size).toBe((seed as SeedFile).sources.length);
  });
});
