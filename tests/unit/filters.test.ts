// The shared URL filter grammar: what parses, what is reported by parameter, and that links
// built with toSearchParams parse back to the same filters.
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, MAX_LIMIT, parseQuery, toSearchParams, type Filters, type ParseOptions, type ParsedQuery } from '@/lib/filters';

const OPTIONS: ParseOptions = { defaultLimit: 50, sortKeys: ['position', 'asOf', 'country'] };
const parse = (query: string, options: ParseOptions = OPTIONS) => parseQuery(new URLSearchParams(query), options);
const params = (q: ParsedQuery) => q.errors.map((e) => e.param);

describe('parseQuery: valid filters', () => {
  const cases: [query: string, expected: Partial<Filters>][] = [
    ['', {}],
    ['country=HU', { countries: ['HU'] }],
    ['country=HU&country=SK', { countries: ['HU', 'SK'] }],
    ['country=HU,SK', { countries: ['HU', 'SK'] }],
    ['country=HU, SK&country=PL', { countries: ['HU', 'SK', 'PL'] }],
    ['country=hu', { countries: ['HU'] }],
    ['country=HU&country=hu', { countries: ['HU'] }],
    ['topic=new-russia-strategy', { topic: 'new-russia-strategy' }],
    ['camp=kremlin-engagement', { camp: 'kremlin-engagement' }],
    ['position=-2', { positions: [-2] }],
    ['position=-1', { positions: [-1] }],
    ['position=0', { positions: [0] }],
    ['position=1', { positions: [1] }],
    ['position=2', { positions: [2] }],
    ['position=-2,2&position=0', { positions: [-2, 2, 0] }],
    ['kind=direct', { kind: 'direct' }],
    ['kind=reported', { kind: 'reported' }],
    ['from=2024-10-11', { from: '2024-10-11' }],
    ['to=2025-04-02', { to: '2025-04-02' }],
    ['from=2024-02-29&to=2024-02-29', { from: '2024-02-29', to: '2024-02-29' }],
    ['actor=united-states', { actor: 'united-states' }],
    ['source=3', { source: 3 }],
    ['stance=12', { stance: 12 }],
  ];
  it.each(cases)('%j parses without errors', (query, expected) => {
    const q = parse(query);
    expect(q.errors).toEqual([]);
    expect(q.filters).toEqual({ ...EMPTY_FILTERS, ...expected });
  });
});

describe('parseQuery: bad values are reported by parameter and left out', () => {
  const cases: [query: string, param: string, kept: Partial<Filters>][] = [
    ['country=HUN', 'country', {}],
    ['country=XX1', 'country', {}],
    ['country=H', 'country', {}],
    ['country=HU,12', 'country', { countries: ['HU'] }],
    ['position=3', 'position', {}],
    ['position=-3', 'position', {}],
    ['position=x', 'position', {}],
    ['position=1.5', 'position', {}],
    ['position=2&position=9', 'position', { positions: [2] }],
    ['kind=paraphrase', 'kind', {}],
    ['from=2025-02-30', 'from', {}],
    ['from=2025-13-01', 'from', {}],
    ['from=25-01-01', 'from', {}],
    ['to=2025-1-1', 'to', {}],
    ['to=yesterday', 'to', {}],
    ['topic=Not_A_Slug', 'topic', {}],
    ['camp=-leading-dash', 'camp', {}],
    ['actor=UPPER', 'actor', {}],
    ['source=0', 'source', {}],
    ['source=abc', 'source', {}],
    ['stance=-4', 'stance', {}],
    ['from=2025-04-02&to=2024-10-11', 'to', { from: '2025-04-02' }],
  ];
  it.each(cases)('%j is reported on %s', (query, param, kept) => {
    const q = parse(query);
    expect(params(q)).toEqual([param]);
    expect(q.errors[0]!.message.length).toBeGreaterThan(0);
    expect(q.filters).toEqual({ ...EMPTY_FILTERS, ...kept });
  });

  it.each(['topic', 'camp', 'kind', 'from', 'to', 'actor', 'source', 'stance', 'limit', 'sort', 'cursor', 'format'])(
    'a repeated single-valued %s is reported',
    (param) => {
      const q = parse(`${param}=a&${param}=b`);
      expect(params(q)).toContain(param);
      expect(q.errors.find((e) => e.param === param)!.message).toMatch(/only once/);
    },
  );

  it('a comma list for a single-valued parameter counts as a duplicate', () => {
    expect(params(parse('topic=founding-act,russia-threat'))).toEqual(['topic']);
  });

  it('reports every bad parameter, not only the first', () => {
    expect(params(parse('country=X&position=7&from=2025-02-30&format=xml')).sort()).toEqual(['country', 'format', 'from', 'position']);
  });
});

describe('parseQuery: unknown keys', () => {
  it('ignores unknown keys without errors', () => {
    const q = parse('utm_source=newsletter&foo=bar&country=HU&Country=XX1');
    expect(q.errors).toEqual([]);
    expect(q.filters).toEqual({ ...EMPTY_FILTERS, countries: ['HU'] });
  });
});

describe('parseQuery: paging and format', () => {
  const cases: [query: string, expected: { limit?: number | null; sort?: string | null; descending?: boolean; cursor?: string | null; format?: 'json' | 'csv' }][] = [
    ['', { limit: 50, sort: null, descending: false, cursor: null, format: 'json' }],
    ['limit=1', { limit: 1 }],
    [`limit=${MAX_LIMIT}`, { limit: MAX_LIMIT }],
    ['limit=all', { limit: null }],
    ['sort=position', { sort: 'position', descending: false }],
    ['sort=-asOf', { sort: 'asOf', descending: true }],
    ['cursor=WyJIVSIsMV0', { cursor: 'WyJIVSIsMV0' }],
    ['format=json', { format: 'json' }],
    ['format=csv', { format: 'csv' }],
  ];
  it.each(cases)('%j', (query, expected) => {
    const q = parse(query);
    expect(q.errors).toEqual([]);
    expect({ ...q.paging, format: q.format }).toMatchObject(expected);
  });

  it('uses the caller’s default limit', () => {
    expect(parse('', { defaultLimit: 7 }).paging.limit).toBe(7);
  });

  const bad: [query: string, param: string][] = [
    ['limit=0', 'limit'],
    ['limit=-1', 'limit'],
    [`limit=${MAX_LIMIT + 1}`, 'limit'],
    ['limit=5000', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=ALL', 'limit'],
    ['sort=bogus', 'sort'],
    ['sort=-bogus', 'sort'],
    ['sort=position;drop', 'sort'],
    ['cursor=garbage!', 'cursor'],
    ['format=xml', 'format'],
    ['format=CSV', 'format'],
  ];
  it.each(bad)('%j is reported on %s', (query, param) => {
    const q = parse(query);
    expect(params(q)).toEqual([param]);
  });

  it('a rejected limit falls back to the default, a rejected sort to none', () => {
    const q = parse('limit=0&sort=-bogus');
    expect(q.paging).toMatchObject({ limit: 50, sort: null, descending: false });
  });

  it('accepts any well-formed sort when the caller gives no sort keys', () => {
    const q = parse('sort=-anything', { defaultLimit: 10 });
    expect(q.errors).toEqual([]);
    expect(q.paging).toMatchObject({ sort: 'anything', descending: true });
  });

  it('rejects every sort when the caller allows none', () => {
    expect(params(parse('sort=position', { defaultLimit: 10, sortKeys: [] }))).toEqual(['sort']);
  });
});

describe('parseQuery: record input (Next.js searchParams)', () => {
  it('reads arrays and single strings like repeated and single keys', () => {
    const q = parseQuery({ country: ['hu', 'SK'], position: '2', topic: 'kremlin-contacts', ignored: undefined }, OPTIONS);
    expect(q.errors).toEqual([]);
    expect(q.filters).toEqual({ ...EMPTY_FILTERS, countries: ['HU', 'SK'], positions: [2], topic: 'kremlin-contacts' });
  });

  it('reports a repeated single-valued key given as an array', () => {
    expect(params(parseQuery({ kind: ['direct', 'reported'] }, OPTIONS))).toEqual(['kind']);
  });
});

describe('toSearchParams round-trip', () => {
  const cases: Partial<Filters>[] = [
    {},
    { countries: ['HU', 'SK'] },
    { countries: ['US'], topic: 'new-russia-strategy', positions: [-2, 0, 2] },
    { camp: 'kremlin-engagement', kind: 'reported', from: '2024-10-11', to: '2025-04-02' },
    { actor: 'nato', source: 2, stance: 13 },
    {
      countries: ['FI', 'SE'],
      topic: 'founding-act',
      camp: 'wait-for-bilateral-agreement',
      positions: [-1, 1],
      kind: 'direct',
      from: '2020-01-01',
      to: '2020-12-31',
      actor: 'finland',
      source: 1,
      stance: 1,
    },
  ];
  it.each(cases)('%j survives toSearchParams then parseQuery', (partial) => {
    const filters = { ...EMPTY_FILTERS, ...partial };
    const q = parseQuery(new URLSearchParams(toSearchParams(filters).toString()), OPTIONS);
    expect(q.errors).toEqual([]);
    expect(q.filters).toEqual(filters);
  });

  it('writes extra paging keys and skips empty ones', () => {
    const params = toSearchParams({ countries: ['HU'] }, { sort: '-asOf', limit: 10, cursor: null, format: '' });
    expect(params.toString()).toBe('country=HU&sort=-asOf&limit=10');
    expect(parse(params.toString()).paging).toMatchObject({ sort: 'asOf', descending: true, limit: 10 });
  });
});
