// The JSON API through its route handlers, on the listing fixture: shapes, paging, streamed
// exports, status codes, and search input that can never cause a 500.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QuoteItem } from '@/lib/listings/quotes';
import { stanceListing, type StanceItem } from '@/lib/listings/stances';
import { createListingFixture } from '@/tests/fixtures/listings/fixture';
import { parseCsv } from '@/tests/support/csv';

type Handler = (request: Request) => Promise<Response>;
type SourceHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Name = 'stances' | 'quotes' | 'sources' | 'actors' | 'topics';

let fx: ReturnType<typeof createListingFixture>;
const routes = {} as Record<Name, Handler> & { source: SourceHandler; health: () => Promise<Response> };

beforeAll(async () => {
  fx = createListingFixture();
  // The app's own connection (db/client.ts) opens DATABASE_PATH on first use.
  process.env.DATABASE_PATH = fx.path;
  delete (globalThis as { standpointDb?: unknown }).standpointDb;
  routes.stances = (await import('@/app/api/stances/route')).GET;
  routes.quotes = (await import('@/app/api/quotes/route')).GET;
  routes.sources = (await import('@/app/api/sources/route')).GET;
  routes.actors = (await import('@/app/api/actors/route')).GET;
  routes.topics = (await import('@/app/api/topics/route')).GET;
  routes.source = (await import('@/app/api/sources/[id]/route')).GET;
  routes.health = (await import('@/app/api/health/route')).GET;
});
afterAll(() => {
  (globalThis as { standpointDb?: { $client: { close(): void } } }).standpointDb?.$client.close();
  delete (globalThis as { standpointDb?: unknown }).standpointDb;
  fx.cleanup();
});

const list = (name: Name, query = '') => routes[name](new Request(`http://localhost/api/${name}${query ? `?${query}` : ''}`));
const source = (id: string) => routes.source(new Request(`http://localhost/api/sources/${id}`), { params: Promise.resolve({ id }) });
const rawCount = (statement: string) => fx.db.$client.prepare(statement).pluck().get() as number;

/** A stack frame looks like "    at fn (/path/file.ts:12:34)". */
const STACK_FRAME = /(^|\n)\s*at\s|\(?[\w./\\-]+\.[cm]?[jt]sx?:\d+:\d+\)?/;
type ErrorBody = { error: { status: number; message: string; param?: string; details?: { param: string; message: string }[] } };

async function expectError(response: Response, status: number, param?: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const text = await response.text();
  expect(text).not.toMatch(STACK_FRAME);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.status).toBe(status);
  if (param !== undefined) {
    expect(body.error.param).toBe(param);
    expect(body.error.details?.map((d) => d.param)).toContain(param);
  }
  return body;
}

async function walk<T>(name: Name, query: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const response = await list(name, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < 10_000);
  return items;
}

describe('lists', () => {
  it('stances answer {items, nextCursor, order} with fully shaped items', async () => {
    const body = (await (await list('stances', 'country=HU')).json()) as { items: StanceItem[]; nextCursor: string | null; order: string };
    expect(body.nextCursor).toBeNull();
    expect(body.order).toBe('country');
    expect(body.items.length).toBe(rawCount(`select count(*) from stances s join actors a on a.id = s.actor_id where a.country_code = 'HU'`));
    for (const item of body.items) {
      expect(item).toMatchObject({
        id: expect.any(Number),
        actor: { slug: expect.any(String), name: expect.any(String), countryCode: 'HU' },
        topic: { slug: expect.any(String), title: expect.any(String) },
        position: expect.any(Number),
        label: expect.any(String),
        confidence: expect.stringMatching(/^(low|medium|high)$/),
        asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      expect(item.evidence.length).toBeGreaterThan(0);
    }
  });

  it('pages through every row exactly once, and limit=all streams the same rows in the same order', async () => {
    for (const name of ['stances', 'quotes', 'sources', 'actors', 'topics'] as const) {
      const paged = await walk<{ id: number }>(name, 'sort=' + (name === 'topics' ? 'order' : name === 'actors' ? 'name' : name === 'stances' ? 'asOf' : 'date'), 3);
      const all = (await (await list(name, `limit=all&sort=${name === 'topics' ? 'order' : name === 'actors' ? 'name' : name === 'stances' ? 'asOf' : 'date'}`)).json()) as { items: { id: number }[]; nextCursor: null };
      expect(all.nextCursor).toBeNull();
      expect(all.items.map((i) => i.id), name).toEqual(paged.map((i) => i.id));
      expect(new Set(paged.map((i) => i.id)).size).toBe(paged.length);
    }
    expect((await walk<{ id: number }>('quotes', '', 4)).length).toBe(rawCount(`select count(*) from quotes where review_state = 'accepted'`));
  });

  it('every quote is exactly body.slice(start, end) of its source as served by /api/sources/{id}', async () => {
    const { items } = (await (await list('quotes', 'limit=all')).json()) as { items: QuoteItem[] };
    for (const q of items) {
      const { body } = (await (await source(String(q.sourceId))).json()) as { body: string };
      expect(body.slice(q.start, q.end)).toBe(q.text);
    }
  });

  it('a search returns where its words are in each quote', async () => {
    const { items, order } = (await (await list('quotes', 'q=strat*')).json()) as { items: QuoteItem[]; order: string };
    expect(order).toBe('relevance');
    expect(items.length).toBe(rawCount(`select count(*) from quotes where review_state = 'accepted' and (text like '%strat%' or speaker_label like '%strat%')`));
    for (const q of items) {
      expect(q.matches!.length).toBeGreaterThan(0);
      for (const m of q.matches!) expect(q.text.slice(m.start, m.end).toLowerCase()).toMatch(/^strat/);
    }
  });
});

describe('CSV', () => {
  it('exports a header and one record per row, streamed for limit=all, with the next cursor in a header for a page', async () => {
    const response = await list('stances', 'format=csv&limit=all');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain('standpoint-stances.csv');
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(stanceListing.csv.map((c) => c.header));
    expect(rows).toHaveLength(rawCount('select count(*) from stances') + 1);
    const position = rows[0]!.indexOf('position');
    expect(rows.slice(1).map((r) => r[position])).toContain('-2');

    const page = await list('stances', 'format=csv&limit=2');
    expect(page.headers.get('x-next-cursor')).toMatch(/\./);
    expect(parseCsv(await page.text())).toHaveLength(3);
  });

  it('still has the header row when nothing matches', async () => {
    const response = await list('stances', 'format=csv&limit=all&country=RU');
    expect(parseCsv(await response.text())).toEqual([stanceListing.csv.map((c) => c.header)]);
  });
});

describe('bad requests answer 400 naming the parameter', () => {
  const cases: [route: Name, query: string, param: string][] = [
    ['stances', 'country=XX1', 'country'],
    ['stances', 'country=%C3%9F', 'country'],
    ['stances', 'position=9', 'position'],
    ['stances', 'from=2025-04-02&to=2024-01-01', 'to'],
    ['stances', 'limit=5000', 'limit'],
    ['stances', 'cursor=garbage!', 'cursor'],
    ['stances', 'cursor=bm90LWEtY3Vyc29y.c2lnbmF0dXJl', 'cursor'],
    ['stances', 'topic=no-such-topic', 'topic'],
    ['stances', 'source=99', 'source'],
    ['stances', 'stance=999', 'stance'],
    ['stances', 'sort=bogus', 'sort'],
    ['stances', 'format=xml', 'format'],
    ['stances', 'q=nato', 'q'],
    ['quotes', 'source=abc', 'source'],
    ['quotes', 'q=%22%22', 'q'],
    ['sources', 'country=HU', 'country'],
    ['sources', 'camp=engagement', 'camp'],
    ['actors', 'position=1', 'position'],
    ['topics', 'topic=new-strategy', 'topic'],
  ];
  it.each(cases)('/api/%s?%s -> 400 on %s', async (route, query, param) => {
    await expectError(await list(route, query), 400, param);
  });

  it('names every bad parameter in details', async () => {
    const body = await expectError(await list('stances', 'country=XX1&position=9'), 400, 'country');
    expect(body.error.details?.map((d) => d.param)).toEqual(['country', 'position']);
  });

  it('a cursor used with another sort answers 400 naming cursor', async () => {
    const cursor = ((await (await list('quotes', 'limit=1&sort=date')).json()) as { nextCursor: string }).nextCursor;
    const body = await expectError(await list('quotes', `limit=1&sort=kind&cursor=${cursor}`), 400, 'cursor');
    expect(body.error.message).toMatch(/sort=date/);
  });

  it('any search input answers 200 or 400, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('NEAR(', '"', '*', '-', 'text:', 'a OR', '"a" NOT "b"', '^x', '(((', 'x*"y')), async (q) => {
        for (const name of ['quotes', 'sources'] as const) {
          const response = await list(name, `q=${encodeURIComponent(q)}`);
          expect([200, 400], `${name} q=${JSON.stringify(q)}`).toContain(response.status);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('GET /api/sources/{id}', () => {
  it.each(['abc', '0', '-1', '1.5', '01', '99999999999999999999'])('%s -> 400 on id', async (id) => {
    await expectError(await source(id), 400, 'id');
  });

  it('an unknown id -> 404', async () => {
    expect((await expectError(await source('999'), 404)).error.message).toContain('999');
  });
});

describe('GET /api/health', () => {
  it('answers {ok: true, counts} from the maintained totals, equal to plain counts', async () => {
    const response = await routes.health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      counts: {
        sources: rawCount('select count(*) from sources'),
        actors: rawCount('select count(*) from actors'),
        topics: rawCount('select count(*) from topics'),
        quotes: rawCount(`select count(*) from quotes where review_state = 'accepted'`),
        stances: rawCount('select count(*) from stances'),
        camps: rawCount('select count(*) from camps'),
      },
    });
  });
});

describe('unexpected failures', () => {
  it('handle() maps an unexpected error to a bare 500 without message or stack', async () => {
    const { handle } = await import('@/app/api/_http/errors');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const body = await expectError(
        await handle(() => {
          throw new Error('secret detail from the database layer');
        }),
        500,
      );
      expect(JSON.stringify(body)).not.toContain('secret detail');
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});
