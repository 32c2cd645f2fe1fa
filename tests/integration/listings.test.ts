// Every listing spec through the one runner, checked against plain SQL written independently on
// a purpose-built fixture: every filter each listing supports, every sort both ways across page
// boundaries, the aggregates, the totals and the facets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacets, countRows } from '@/lib/listing/runner';
import type { AnyListing } from '@/lib/listing/types';
import { actorListing } from '@/lib/listings/actors';
import { quoteListing } from '@/lib/listings/quotes';
import { sourceListing } from '@/lib/listings/sources';
import { stanceListing } from '@/lib/listings/stances';
import { topicListing } from '@/lib/listings/topics';
import { createListingFixture } from '@/tests/fixtures/listings/fixture';
import { ids, parseChecked, readAll } from '@/tests/support/listing';

let fx: ReturnType<typeof createListingFixture>;
beforeAll(() => {
  fx = createListingFixture();
});
afterAll(() => fx.cleanup());

const pluck = (statement: string, ...params: unknown[]) => fx.db.$client.prepare(statement).pluck().all(...params) as number[];

// Plain SQL, written without the copied listing keys, so that the triggers are checked too.
const QUOTE_ORDER = `coalesce(q.said_at, s.published_at, s.original_published_at, ''), q.source_id, q.start, q.id`;
const quotesWhere = (condition: string, ...params: unknown[]) =>
  pluck(`select q.id from quotes q join sources s on s.id = q.source_id where q.review_state = 'accepted' and (${condition}) order by ${QUOTE_ORDER}`, ...params);
const EVIDENCE_OF_STANCE = (cond: string) => `q.id in (select se.quote_id from stance_evidence se join stances st on st.id = se.stance_id where ${cond})`;
const EVIDENCE_OF_CAMP = (cond: string) =>
  `(q.id in (select ce.quote_id from camp_evidence ce join camps c on c.id = ce.camp_id where ${cond}) or q.id in (select cme.quote_id from camp_member_evidence cme join camp_members cm on cm.id = cme.member_id join camps c on c.id = cm.camp_id where ${cond}))`;

const STANCE_ORDER = `coalesce(a.country_code, '~'), a.name, t.sort_order, t.slug, st.as_of, st.id`;
const stancesWhere = (condition: string, ...params: unknown[]) =>
  pluck(`select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id where ${condition} order by ${STANCE_ORDER}`, ...params);
const CITES = (cond: string) => `exists (select 1 from stance_evidence se join quotes q on q.id = se.quote_id where se.stance_id = st.id and q.review_state = 'accepted' and ${cond})`;

describe('quotes listing: every filter against plain SQL', () => {
  const cases: [query: string, condition: string][] = [
    ['', '1'],
    ['country=HU', `(select country_code from actors where id = q.speaker_id) = 'HU'`],
    ['country=HU&country=PL', `(select country_code from actors where id = q.speaker_id) in ('HU', 'PL')`],
    ['country=hu,us', `(select country_code from actors where id = q.speaker_id) in ('HU', 'US')`],
    ['actor=orban', `q.speaker_id = (select id from actors where slug = 'orban')`],
    ['topic=kremlin-contacts', `${EVIDENCE_OF_STANCE(`st.topic_id = (select id from topics where slug = 'kremlin-contacts')`)} or ${EVIDENCE_OF_CAMP(`c.topic_id = (select id from topics where slug = 'kremlin-contacts')`)}`],
    ['topic=founding-act', `${EVIDENCE_OF_STANCE(`st.topic_id = (select id from topics where slug = 'founding-act')`)} or ${EVIDENCE_OF_CAMP(`c.topic_id = (select id from topics where slug = 'founding-act')`)}`],
    ['camp=engagement', EVIDENCE_OF_CAMP(`c.slug = 'engagement'`)],
    ['position=2', EVIDENCE_OF_STANCE('st.position = 2')],
    ['position=-2&position=0', EVIDENCE_OF_STANCE('st.position in (-2, 0)')],
    ['kind=direct', `q.kind = 'direct'`],
    ['kind=reported', `q.kind = 'reported'`],
    ['from=2024-11-19', `coalesce(q.said_at, s.published_at, s.original_published_at) >= '2024-11-19'`],
    ['to=2024-11-19', `coalesce(q.said_at, s.published_at, s.original_published_at) <= '2024-11-19'`],
    ['from=2024-10-11&to=2025-03-30', `coalesce(q.said_at, s.published_at, s.original_published_at) between '2024-10-11' and '2025-03-30'`],
    ['source=2', 'q.source_id = 2'],
    ['stance=3', EVIDENCE_OF_STANCE('st.id = 3')],
    ['country=HU&kind=direct&topic=kremlin-contacts', `(select country_code from actors where id = q.speaker_id) = 'HU' and q.kind = 'direct' and (${EVIDENCE_OF_STANCE(`st.topic_id = (select id from topics where slug = 'kremlin-contacts')`)})`],
  ];
  it.each(cases)('%j', (query, condition) => {
    const expected = quotesWhere(condition);
    expect(expected.length, 'the case should select something').toBeGreaterThan(0);
    expect(ids(readAll(quoteListing, query, fx.db))).toEqual(expected);
  });

  it('never lists a suggested or rejected quote, whatever the filter', () => {
    const hidden = pluck(`select id from quotes where review_state <> 'accepted'`);
    expect(hidden).toHaveLength(2);
    for (const query of ['', 'actor=trump', 'country=US', 'source=1', 'q=strategy', 'q=suggestion', 'q=rejected']) {
      const listed = ids(readAll(quoteListing, query, fx.db));
      expect(listed.filter((id) => hidden.includes(id)), query).toEqual([]);
    }
  });
});

describe('stances listing: every filter against plain SQL', () => {
  const cases: [query: string, condition: string][] = [
    ['', '1'],
    ['country=HU&country=SK', `a.country_code in ('HU', 'SK')`],
    ['actor=united-states', `a.slug = 'united-states'`],
    ['topic=new-strategy', `t.slug = 'new-strategy'`],
    ['camp=engagement', `st.actor_id in (select cm.actor_id from camp_members cm join camps c on c.id = cm.camp_id where c.slug = 'engagement')`],
    ['position=2', 'st.position = 2'],
    ['position=0,-2', 'st.position in (0, -2)'],
    ['kind=reported', CITES(`q.kind = 'reported'`)],
    ['from=2025-01-01', `st.as_of >= '2025-01-01'`],
    ['to=2024-11-20', `st.as_of <= '2024-11-20'`],
    ['source=4', CITES('q.source_id = 4')],
    ['stance=2', 'st.id = 2'],
    ['country=HU&topic=kremlin-contacts&position=2', `a.country_code = 'HU' and t.slug = 'kremlin-contacts' and st.position = 2`],
  ];
  it.each(cases)('%j', (query, condition) => {
    const expected = stancesWhere(condition);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(readAll(stanceListing, query, fx.db))).toEqual(expected);
  });

  it('carries each stance’s evidence ids, as plain SQL finds them', () => {
    for (const s of readAll<{ id: number; evidence: number[] }>(stanceListing, '', fx.db)) {
      expect(s.evidence).toEqual(pluck('select quote_id from stance_evidence where stance_id = ? order by quote_id', s.id));
    }
  });
});

describe('sources, actors and topics listings', () => {
  it('sources: each source’s accepted quote count, which differ between sources', () => {
    const items = readAll<{ id: number; quoteCount: number }>(sourceListing, '', fx.db);
    const expected = new Map((fx.db.$client.prepare(`select source_id as id, count(*) as n from quotes where review_state = 'accepted' group by 1`).all() as { id: number; n: number }[]).map((r) => [r.id, r.n]));
    expect(new Set(items.map((s) => s.quoteCount)).size).toBeGreaterThan(1);
    for (const s of items) expect(s.quoteCount, `source ${s.id}`).toBe(expected.get(s.id) ?? 0);
  });

  it('sources: newest first by published, else originally published, undated last; date filters', () => {
    expect(ids(readAll(sourceListing, '', fx.db))).toEqual(pluck(`select id from sources order by coalesce(published_at, original_published_at, '') desc, id desc`));
    expect(ids(readAll(sourceListing, 'from=2024-11-01', fx.db))).toEqual(pluck(`select id from sources where coalesce(published_at, original_published_at) >= '2024-11-01' order by coalesce(published_at, original_published_at) desc, id desc`));
    expect(ids(readAll(sourceListing, 'to=2024-10-31', fx.db))).toEqual(pluck(`select id from sources where coalesce(published_at, original_published_at) <= '2024-10-31' order by coalesce(published_at, original_published_at) desc, id desc`));
  });

  it('actors: stance and quote counts per actor, which differ between actors', () => {
    const items = readAll<{ id: number; stanceCount: number; quoteCount: number; aliases: string[] }>(actorListing, '', fx.db);
    expect(new Set(items.map((a) => a.stanceCount)).size).toBeGreaterThan(2);
    expect(new Set(items.map((a) => a.quoteCount)).size).toBeGreaterThan(2);
    for (const a of items) {
      expect(a.stanceCount, `actor ${a.id}`).toBe(pluck('select count(*) from stances where actor_id = ?', a.id)[0]);
      expect(a.quoteCount, `actor ${a.id}`).toBe(pluck(`select count(*) from quotes where speaker_id = ? and review_state = 'accepted'`, a.id)[0]);
      expect(a.aliases).toEqual(fx.db.$client.prepare('select alias from actor_aliases where actor_id = ? order by alias_key').pluck().all(a.id));
    }
    expect(ids(readAll(actorListing, '', fx.db))).toEqual(pluck(`select id from actors order by coalesce(country_code, '~'), name, id`));
    expect(ids(readAll(actorListing, 'country=HU', fx.db))).toEqual(pluck(`select id from actors where country_code = 'HU' order by name, id`));
    expect(ids(readAll(actorListing, 'camp=engagement', fx.db))).toEqual(pluck(`select actor_id from camp_members cm join actors a on a.id = cm.actor_id where camp_id = (select id from camps where slug = 'engagement') order by a.name`));
  });

  it('topics: each topic’s stance count, which differ between topics', () => {
    const items = readAll<{ id: number; stanceCount: number }>(topicListing, '', fx.db);
    expect(new Set(items.map((t) => t.stanceCount)).size).toBeGreaterThan(1);
    for (const t of items) expect(t.stanceCount).toBe(pluck('select count(*) from stances where topic_id = ?', t.id)[0]);
    expect(ids(items)).toEqual(pluck('select id from topics order by sort_order, slug'));
  });
});

describe('sorts: every key, both ways, across page boundaries', () => {
  const SPECS: Record<string, AnyListing> = { quotes: quoteListing, stances: stanceListing, actors: actorListing, sources: sourceListing };
  const orders: [spec: string, sort: string, sql: string][] = [
    ['quotes', 'date', `select q.id from quotes q join sources s on s.id = q.source_id where q.review_state = 'accepted' order by ${QUOTE_ORDER}`],
    ['quotes', 'source', `select id from quotes where review_state = 'accepted' order by source_id, start, id`],
    ['quotes', 'speaker', `select q.id from quotes q left join actors a on a.id = q.speaker_id where q.review_state = 'accepted' order by coalesce(a.name, q.speaker_label), q.source_id, q.start, q.id`],
    ['quotes', 'kind', `select id from quotes where review_state = 'accepted' order by kind, source_id, start, id`],
    ['stances', 'country', `select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by ${STANCE_ORDER}`],
    ['stances', 'actor', `select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by a.name, t.sort_order, t.slug, st.as_of, st.id`],
    ['stances', 'topic', `select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by t.sort_order, t.slug, coalesce(a.country_code, '~'), a.name, st.as_of, st.id`],
    ['stances', 'position', `select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by st.position, coalesce(a.country_code, '~'), a.name, t.sort_order, t.slug, st.as_of, st.id`],
    ['stances', 'asOf', `select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by st.as_of, coalesce(a.country_code, '~'), a.name, t.sort_order, t.slug, st.id`],
    ['stances', 'confidence', `select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by case st.confidence when 'low' then 1 when 'medium' then 2 else 3 end, coalesce(a.country_code, '~'), a.name, t.sort_order, t.slug, st.as_of, st.id`],
    ['stances', 'evidence', `select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by (select count(*) from stance_evidence se where se.stance_id = st.id), coalesce(a.country_code, '~'), a.name, t.sort_order, t.slug, st.as_of, st.id`],
    ['actors', 'name', `select id from actors order by name, id`],
    ['actors', 'country', `select id from actors order by coalesce(country_code, '~'), name, id`],
    ['sources', 'date', `select id from sources order by coalesce(published_at, original_published_at, ''), id`],
  ];
  it.each(orders)('%s sort=%s', (name, sort, statement) => {
    const spec = SPECS[name]!;
    const ascending = pluck(statement);
    for (const limit of [1, 2, 3, 1000]) {
      expect(ids(readAll(spec, `sort=${sort}`, fx.db, limit)), `limit ${limit}`).toEqual(ascending);
      expect(ids(readAll(spec, `sort=-${sort}`, fx.db, limit)), `limit ${limit}, descending`).toEqual([...ascending].reverse());
    }
  });
});

describe('totals and facets against plain SQL', () => {
  it('counts filtered rows exactly, and unfiltered ones from the maintained counters', () => {
    const total = (spec: AnyListing, query: string) => countRows(spec, parseChecked(spec, query, fx.db).request, fx.db);
    expect(total(quoteListing, '')).toEqual({ count: pluck(`select count(*) from quotes where review_state = 'accepted'`)[0], exact: true });
    expect(total(quoteListing, 'country=HU')).toEqual({ count: quotesWhere(`(select country_code from actors where id = q.speaker_id) = 'HU'`).length, exact: true });
    expect(total(stanceListing, '')).toEqual({ count: pluck('select count(*) from stances')[0], exact: true });
    expect(total(stanceListing, 'position=2')).toEqual({ count: pluck('select count(*) from stances where position = 2')[0], exact: true });
    expect(total(sourceListing, '')).toEqual({ count: 4, exact: true });
  });

  it('facets count each value with every other filter applied, leaving out their own', () => {
    const { request } = parseChecked(quoteListing, 'country=HU&kind=direct', fx.db);
    const facets = countFacets(quoteListing, request, fx.db);
    expect(facets.skipped).toBe(false);
    const country = facets.facets.find((f) => f.param === 'country')!;
    const expectedCountry = fx.db.$client
      .prepare(`select a.country_code as value, count(*) as n from quotes q join actors a on a.id = q.speaker_id where q.review_state = 'accepted' and q.kind = 'direct' and a.country_code is not null group by 1`)
      .all() as { value: string; n: number }[];
    expect(Object.fromEntries(country.values.map((v) => [v.value, v.count]))).toEqual(Object.fromEntries(expectedCountry.map((r) => [r.value, r.n])));
    expect(country.values.find((v) => v.value === 'HU')?.selected).toBe(true);
    expect(country.values.find((v) => v.value === 'HU')?.toggle.getAll('country')).toEqual([]);
    expect(country.values.find((v) => v.value === 'PL')?.toggle.getAll('country')).toEqual(['HU', 'PL']);
    const kind = facets.facets.find((f) => f.param === 'kind')!;
    const expectedKind = fx.db.$client
      .prepare(`select q.kind as value, count(*) as n from quotes q join actors a on a.id = q.speaker_id where q.review_state = 'accepted' and a.country_code = 'HU' group by 1`)
      .all() as { value: string; n: number }[];
    expect(Object.fromEntries(kind.values.map((v) => [v.value, v.count]))).toEqual(Object.fromEntries(expectedKind.map((r) => [r.value, r.n])));
  });

  it('skips the facets, not the page, when the time budget is spent', () => {
    const { request } = parseChecked(quoteListing, '', fx.db);
    expect(countFacets(quoteListing, request, fx.db, 0)).toMatchObject({ skipped: true });
  });
});

describe('search orders', () => {
  const matching = (word: string) =>
    pluck(`select id from quotes where review_state = 'accepted' and (lower(text) like ? or lower(speaker_label) like ?) order by id desc`, `%${word}%`, `%${word}%`);

  it('ranks by relevance by default when there are few matches, and says so', () => {
    const { request } = parseChecked(quoteListing, 'q=moscow', fx.db);
    const page = readAll<{ id: number }>(quoteListing, 'q=moscow', fx.db);
    expect(new Set(ids(page))).toEqual(new Set(matching('moscow')));
    expect(request.sort).toBeNull();
  });

  it('lists most recently added first with sort=recent, across pages', () => {
    expect(ids(readAll(quoteListing, 'q=strategy&sort=recent', fx.db, 1))).toEqual(matching('strategy'));
  });

  it('keeps any other sort with a search, filtering by the matches', () => {
    const expected = quotesWhere(`q.id in (${matching('strategy').join(',')})`);
    expect(ids(readAll(quoteListing, 'q=strategy&sort=date', fx.db, 2))).toEqual(expected);
    expect(ids(readAll(quoteListing, 'q=strategy&sort=-date', fx.db, 2))).toEqual([...expected].reverse());
  });
});
