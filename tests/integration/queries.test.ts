// Typed reads against the real seeded database. Expected sets are computed from the raw
// tables (plain SQL), so the query builders are checked against an independent reading.
import { afterAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@/lib/cursor';
import { BadParamError } from '@/lib/errors';
import { getCamps } from '@/lib/queries/catalog';
import { getTableCounts } from '@/lib/queries/overview';
import { getQuotes, QUOTE_SORTS } from '@/lib/queries/quotes';
import { getLatestStances, getStances, STANCE_SORTS, type StanceItem } from '@/lib/queries/stances';
import { seedCopy, createTestDb } from '@/tests/support/db';
import { filters, paging, walkPages } from '@/tests/support/query';

const test = createTestDb();
const { db } = test;
afterAll(() => test.cleanup());

/** Ids from a raw SQL query, sorted, for set comparisons. */
const rawIds = (query: string, ...params: unknown[]): number[] =>
  (db.$client.prepare(query).pluck().all(...params) as number[]).sort((a, b) => a - b);
const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);

const allStances = () => getStances(filters(), paging(), db).items;
const allQuoteIds = rawIds('select id from quotes');
const stanceIdsWhere = (where: string, ...params: unknown[]) =>
  rawIds(`select s.id from stances s join actors a on a.id = s.actor_id join topics t on t.id = s.topic_id where ${where}`, ...params);

describe('getStances filters', () => {
  it('returns every stance without filters', () => {
    expect(ids(allStances())).toEqual(rawIds('select id from stances'));
    expect(allStances().length).toBeGreaterThan(2);
  });

  it('country HU+SK returns only Hungary and Slovakia', () => {
    const items = getStances(filters({ countries: ['HU', 'SK'] }), paging(), db).items;
    expect(new Set(items.map((s) => s.actor.countryCode))).toEqual(new Set(['HU', 'SK']));
    expect(ids(items)).toEqual(stanceIdsWhere(`a.country_code in ('HU', 'SK')`));
  });

  it.each(['new-russia-strategy', 'founding-act', 'kremlin-contacts'])('topic %s returns exactly that topic', (topic) => {
    const items = getStances(filters({ topic }), paging(), db).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.topic.slug === topic)).toBe(true);
    expect(ids(items)).toEqual(stanceIdsWhere('t.slug = ?', topic));
  });

  it('camp kremlin-engagement returns the stances of Hungary and Slovakia', () => {
    const items = getStances(filters({ camp: 'kremlin-engagement' }), paging(), db).items;
    expect(new Set(items.map((s) => s.actor.countryCode))).toEqual(new Set(['HU', 'SK']));
    expect(ids(items)).toEqual(
      stanceIdsWhere(`s.actor_id in (select m.actor_id from camp_members m join camps c on c.id = m.camp_id where c.slug = 'kremlin-engagement')`),
    );
  });

  it.each([[[2]], [[0]], [[-2, 1]]] as const)('positions %j', (positions) => {
    const items = getStances(filters({ positions: [...positions] }), paging(), db).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => (positions as readonly number[]).includes(s.position))).toBe(true);
    expect(ids(items)).toEqual(stanceIdsWhere(`s.position in (${positions.join(',')})`));
  });

  it.each(['direct', 'reported'] as const)('kind %s keeps stances with at least one such evidence quote', (kind) => {
    const items = getStances(filters({ kind }), paging(), db).items;
    const expected = stanceIdsWhere(`exists (select 1 from stance_evidence se join quotes q on q.id = se.quote_id where se.stance_id = s.id and q.kind = ?)`, kind);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(allStances().length);
    expect(ids(items)).toEqual(expected);
  });

  it.each([
    ['2025-01-01', null],
    [null, '2024-12-31'],
    ['2024-10-11', '2024-10-11'],
  ])('from %s to %s bounds asOf inclusively', (from, to) => {
    const items = getStances(filters({ from, to }), paging(), db).items;
    expect(items.length).toBeGreaterThan(0);
    expect(ids(items)).toEqual(stanceIdsWhere('s.as_of >= ? and s.as_of <= ?', from ?? '0000-00-00', to ?? '9999-99-99'));
  });

  it.each(rawIds('select id from sources'))('source=%i keeps stances citing at least one quote from that source', (sourceId) => {
    const items = getStances(filters({ source: sourceId }), paging(), db).items;
    const expected = stanceIdsWhere(`exists (select 1 from stance_evidence se join quotes q on q.id = se.quote_id where se.stance_id = s.id and q.source_id = ?)`, sourceId);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(items)).toEqual(expected);
  });

  it('stance=<id> returns that stance only', () => {
    const one = allStances()[3]!;
    expect(ids(getStances(filters({ stance: one.id }), paging(), db).items)).toEqual([one.id]);
  });

  it('combines filters with AND', () => {
    const items = getStances(filters({ countries: ['US'], topic: 'new-russia-strategy', positions: [0] }), paging(), db).items;
    expect(items.map((s) => [s.actor.countryCode, s.topic.slug, s.position, s.asOf])).toEqual([['US', 'new-russia-strategy', 0, '2025-04-02']]);
  });

  it('labels each position from its topic scale and lists evidence ids', () => {
    const { seed } = seedCopy();
    for (const s of allStances()) {
      const topic = seed.topics.find((t) => t.slug === s.topic.slug)!;
      expect(s.label).toBe(topic.scaleLabels[s.position + 2]);
      expect(s.evidence).toEqual(rawIds('select quote_id from stance_evidence where stance_id = ?', s.id));
    }
  });
});

describe('getStances sorting', () => {
  const total = rawIds('select id from stances').length;
  const sorted = (sort: string, descending: boolean) => getStances(filters(), paging({ sort, descending }), db).items;

  it.each(STANCE_SORTS.flatMap((sort) => [[sort, false] as const, [sort, true] as const]))('sort %s (descending %s) returns every row', (sort, descending) => {
    const items = sorted(sort, descending);
    expect(items).toHaveLength(total);
    expect(ids(items)).toEqual(rawIds('select id from stances'));
  });

  it.each(STANCE_SORTS)('descending %s is the exact reverse of ascending (a total order)', (sort) => {
    expect(sorted(sort, true).map((s) => s.id)).toEqual(sorted(sort, false).map((s) => s.id).reverse());
  });

  const monotonic = <T>(values: T[], descending: boolean) =>
    values.every((v, i) => i === 0 || (descending ? values[i - 1]! >= v : values[i - 1]! <= v));

  it.each([false, true])('position orders by position (descending %s)', (descending) => {
    const positions = sorted('position', descending).map((s) => s.position);
    expect(new Set(positions).size).toBeGreaterThan(2);
    expect(monotonic(positions, descending)).toBe(true);
  });

  it.each([false, true])('asOf orders by date (descending %s)', (descending) => {
    const dates = sorted('asOf', descending).map((s) => s.asOf);
    expect(new Set(dates).size).toBeGreaterThan(1);
    expect(monotonic(dates, descending)).toBe(true);
  });

  it('evidence orders by number of evidence quotes', () => {
    expect(monotonic(sorted('evidence', false).map((s) => s.evidence.length), false)).toBe(true);
  });

  it('confidence orders low, medium, high', () => {
    const rank = { low: 1, medium: 2, high: 3 } as const;
    expect(monotonic(sorted('confidence', false).map((s) => rank[s.confidence]), false)).toBe(true);
  });
});

describe('keyset pagination', () => {
  const cases = [null, ...STANCE_SORTS].flatMap((sort) => [[sort, false] as const, [sort, true] as const]);

  it.each(cases)('stances sorted by %s (descending %s): pages of 2 give the unpaged ids in order', (sort, descending) => {
    const whole = getStances(filters(), paging({ sort, descending }), db).items.map((s) => s.id);
    const pages = walkPages((cursor) => getStances(filters(), paging({ sort, descending, limit: 2, cursor }), db));
    expect(pages.flat().map((s: StanceItem) => s.id)).toEqual(whole);
    expect(pages.length).toBe(Math.ceil(whole.length / 2));
    expect(pages.slice(0, -1).every((p) => p.length === 2)).toBe(true);
  });

  it('pages a filtered listing within the filter', () => {
    const f = filters({ countries: ['US'] });
    const whole = getStances(f, paging(), db).items.map((s) => s.id);
    expect(whole.length).toBeGreaterThan(2);
    expect(walkPages((cursor) => getStances(f, paging({ limit: 2, cursor }), db)).flat().map((s) => s.id)).toEqual(whole);
  });

  it.each([null, ...QUOTE_SORTS].flatMap((sort) => [[sort, false] as const, [sort, true] as const]))(
    'quotes sorted by %s (descending %s): pages of 3 give the unpaged ids in order',
    (sort, descending) => {
      const whole = getQuotes(filters(), paging({ sort, descending }), db).items.map((q) => q.id);
      expect(whole.length).toBe(allQuoteIds.length);
      const walked = walkPages((cursor) => getQuotes(filters(), paging({ sort, descending, limit: 3, cursor }), db)).flat();
      expect(walked.map((q) => q.id)).toEqual(whole);
    },
  );

  it('a page exactly as long as the rest has no next cursor', () => {
    const n = allStances().length;
    expect(getStances(filters(), paging({ limit: n }), db).nextCursor).toBeNull();
    expect(getStances(filters(), paging({ limit: n - 1 }), db).nextCursor).not.toBeNull();
  });

  it.each([
    ['not base64 json', 'garbage'],
    ['a cursor with the wrong number of keys', encodeCursor(['HU'])],
    ['a cursor holding an object', Buffer.from('[{"a":1}]').toString('base64url')],
  ])('rejects %s with BadParamError on cursor', (_what, cursor) => {
    let error: unknown;
    try {
      getStances(filters(), paging({ limit: 2, cursor }), db);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadParamError);
    expect((error as BadParamError).param).toBe('cursor');
  });

  it('rejects a stance cursor reused on the quotes listing', () => {
    const cursor = getStances(filters(), paging({ limit: 2 }), db).nextCursor!;
    expect(cursor).toBeTruthy();
    expect(() => getQuotes(filters(), paging({ limit: 2, cursor }), db)).toThrow(BadParamError);
  });
});

describe('getQuotes filters', () => {
  const hungarySlovakia = rawIds(`select id from quotes where text like 'the issue of Hungary and Slovakia%'`);

  it('finds the Hungary/Slovakia reported statement in the seed', () => {
    expect(hungarySlovakia).toHaveLength(1);
    expect(db.$client.prepare('select speaker_id, kind from quotes where id = ?').get(hungarySlovakia[0])).toEqual({ speaker_id: null, kind: 'reported' });
  });

  it('country HU includes the reported Hungary/Slovakia statement, whose speaker is null', () => {
    const items = getQuotes(filters({ countries: ['HU'] }), paging(), db).items;
    const found = items.find((q) => q.id === hungarySlovakia[0]);
    expect(found?.speaker).toBeNull();
    expect(found?.kind).toBe('reported');
  });

  it('country US returns quotes spoken for the US or cited by US stances, and nothing else', () => {
    const items = getQuotes(filters({ countries: ['US'] }), paging(), db).items;
    const expected = rawIds(`
      select q.id from quotes q left join actors sp on sp.id = q.speaker_id
      where sp.country_code = 'US'
         or exists (select 1 from stance_evidence se join stances s on s.id = se.stance_id join actors a on a.id = s.actor_id where se.quote_id = q.id and a.country_code = 'US')
         or exists (select 1 from camp_member_evidence me join camp_members m on m.id = me.member_id join actors a on a.id = m.actor_id where me.quote_id = q.id and a.country_code = 'US')`);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(allQuoteIds.length);
    expect(ids(items)).toEqual(expected);
  });

  it.each(rawIds('select id from stances'))('stance=%i returns exactly that stance’s evidence', (stanceId) => {
    const items = getQuotes(filters({ stance: stanceId }), paging(), db).items;
    const evidence = rawIds('select quote_id from stance_evidence where stance_id = ?', stanceId);
    expect(evidence.length).toBeGreaterThan(0);
    expect(ids(items)).toEqual(evidence);
  });

  it.each(rawIds('select id from sources'))('source=%i returns exactly that source’s quotes', (sourceId) => {
    const items = getQuotes(filters({ source: sourceId }), paging(), db).items;
    expect(items.length).toBeGreaterThan(0);
    expect(ids(items)).toEqual(rawIds('select id from quotes where source_id = ?', sourceId));
  });

  it.each(['direct', 'reported'] as const)('kind %s returns exactly those quotes', (kind) => {
    const items = getQuotes(filters({ kind }), paging(), db).items;
    expect(items.length).toBeGreaterThan(0);
    expect(ids(items)).toEqual(rawIds('select id from quotes where kind = ?', kind));
  });

  it('camp filter covers quotes evidencing the camp or a membership in it', () => {
    const items = getQuotes(filters({ camp: 'cautious-strategy' }), paging(), db).items;
    expect(ids(items)).toEqual(rawIds(`select ce.quote_id from camp_evidence ce join camps c on c.id = ce.camp_id where c.slug = 'cautious-strategy'`));
  });

  it('each quote lists every camp it evidences, directly or through a member, once', () => {
    const campsOf = (quoteId: number) =>
      (
        db.$client
          .prepare(
            `select c.slug from camps c where c.id in (
               select camp_id from camp_evidence where quote_id = ?
               union select m.camp_id from camp_member_evidence me join camp_members m on m.id = me.member_id where me.quote_id = ?)`,
          )
          .pluck()
          .all(quoteId, quoteId) as string[]
      ).sort();
    const items = getQuotes(filters(), paging(), db).items;
    expect(items.some((q) => q.camps.length > 0)).toBe(true);
    for (const q of items) expect(q.camps.map((c) => c.slug).sort(), `quote ${q.id}`).toEqual(campsOf(q.id));
  });

  it('each quote carries its speaker (or null) and the stances citing it', () => {
    for (const q of getQuotes(filters(), paging(), db).items) {
      const speakerId = db.$client.prepare('select speaker_id from quotes where id = ?').pluck().get(q.id);
      expect(q.speaker === null, `quote ${q.id}`).toBe(speakerId === null);
      expect(q.citedBy.map((c) => c.stanceId).sort((a, b) => a - b)).toEqual(rawIds('select stance_id from stance_evidence where quote_id = ?', q.id));
    }
  });
});

describe('getLatestStances', () => {
  const latest = () => getLatestStances({ countries: [], topic: null }, db);

  it('returns one row per actor and topic', () => {
    const rows = latest();
    const pairs = rows.map((r) => `${r.actor.slug}/${r.topic.slug}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.length).toBe((db.$client.prepare('select count(*) from (select distinct actor_id, topic_id from stances)').pluck().get() as number));
  });

  it('each row is the newest stance for its pair and counts the history behind it', () => {
    for (const r of latest()) {
      const history = db.$client
        .prepare('select s.as_of from stances s join actors a on a.id = s.actor_id join topics t on t.id = s.topic_id where a.slug = ? and t.slug = ? order by s.as_of')
        .pluck()
        .all(r.actor.slug, r.topic.slug) as string[];
      expect(r.history).toBe(history.length);
      expect(r.asOf).toBe(history.at(-1));
    }
  });

  it('the US on a new Russia strategy: history 2, latest 2025-04-02 at position 0', () => {
    const us = latest().find((r) => r.actor.countryCode === 'US' && r.actor.kind === 'state' && r.topic.slug === 'new-russia-strategy');
    expect(us).toMatchObject({ history: 2, asOf: '2025-04-02', position: 0 });
  });

  it('filters by country and topic', () => {
    const rows = getLatestStances({ countries: ['HU', 'SK'], topic: 'kremlin-contacts' }, db);
    expect(rows.map((r) => r.actor.countryCode).sort()).toEqual(['HU', 'SK']);
  });
});

describe('getCamps', () => {
  it('lists every camp with evidence', () => {
    const camps = getCamps({}, db);
    expect(camps.map((c) => c.slug).sort()).toEqual(seedCopy().seed.camps.map((c) => c.slug).sort());
    expect(camps.every((c) => c.evidence.length > 0)).toBe(true);
  });

  it('kremlin-engagement has Hungary and Slovakia as members, each with evidence', () => {
    const camp = getCamps({}, db).find((c) => c.slug === 'kremlin-engagement');
    expect(camp?.members.map((m) => m.actor.countryCode).sort()).toEqual(['HU', 'SK']);
    expect(camp?.members.every((m) => m.evidence.length > 0)).toBe(true);
  });

  it('filters by topic and by member actor', () => {
    expect(getCamps({ topic: 'founding-act' }, db).every((c) => c.topic.slug === 'founding-act')).toBe(true);
    expect(getCamps({ topic: 'founding-act' }, db)).toHaveLength(2);
    expect(getCamps({ actor: 'hungary' }, db).map((c) => c.slug)).toEqual(['kremlin-engagement']);
  });
});

describe('getTableCounts', () => {
  it('matches the number of records in the seed file', () => {
    const { seed } = seedCopy();
    expect(getTableCounts(db)).toEqual({
      sources: seed.sources.length,
      actors: seed.actors.length,
      topics: seed.topics.length,
      quotes: seed.quotes.length,
      stances: seed.stances.length,
      camps: seed.camps.length,
    });
  });
});
