// Pages parse their search params once: bad values become messages, never error pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSeededAppDb, type TestDb } from '@/tests/support/db';

let test: TestDb;
let pageQuery: typeof import('@/lib/page-query');
let stances: typeof import('@/lib/queries/stances');

beforeAll(async () => {
  test = useSeededAppDb();
  pageQuery = await import('@/lib/page-query');
  stances = await import('@/lib/queries/stances');
});
afterAll(() => test.cleanup());

const options = { defaultLimit: 50, sortKeys: ['country', 'asOf'] };

describe('parsePageQuery', () => {
  it.each([
    ['topic', { topic: 'no-such-topic' }, 'topic'],
    ['camp', { camp: 'no-such-camp' }, 'camp'],
    ['actor', { actor: 'no-such-actor' }, 'actor'],
  ] as const)('reports an unknown %s slug and drops it from the filters', (_name, params, param) => {
    const query = pageQuery.parsePageQuery(params, options);
    expect(query.errors.map((e) => e.param)).toEqual([param]);
    expect(query.filters[param]).toBeNull();
  });

  it('keeps known slugs without errors', () => {
    const query = pageQuery.parsePageQuery({ topic: 'founding-act', country: ['HU', 'SK'] }, options);
    expect(query.errors).toEqual([]);
    expect(query.filters.topic).toBe('founding-act');
    expect(query.filters.countries).toEqual(['HU', 'SK']);
  });
});

describe('readPage', () => {
  it('shows the first page and reports the cursor when it does not fit the listing', () => {
    const query = pageQuery.parsePageQuery({ cursor: 'bm90LWEtY3Vyc29y', limit: '2' }, options);
    const { page, cursorError } = pageQuery.readPage(query, (paging) => stances.getStances(query.filters, paging));
    expect(cursorError?.param).toBe('cursor');
    const first = stances.getStances(query.filters, { ...query.paging, cursor: null });
    expect(page.items.map((s) => s.id)).toEqual(first.items.map((s) => s.id));
  });

  it('passes a valid cursor through', () => {
    const base = pageQuery.parsePageQuery({ limit: '2' }, options);
    const first = stances.getStances(base.filters, base.paging);
    const next = pageQuery.parsePageQuery({ limit: '2', cursor: first.nextCursor! }, options);
    const { page, cursorError } = pageQuery.readPage(next, (paging) => stances.getStances(next.filters, paging));
    expect(cursorError).toBeNull();
    expect(page.items.map((s) => s.id)).not.toEqual(first.items.map((s) => s.id));
  });
});
