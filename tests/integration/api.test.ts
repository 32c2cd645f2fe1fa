// The JSON API, called through the route handlers themselves against a fresh seeded database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeCursor } from '@/lib/cursor';
import { stanceCsv } from '@/lib/exports';
import type { QuoteItem } from '@/lib/queries/quotes';
import type { StanceItem } from '@/lib/queries/stances';
import { useSeededAppDb, type TestDb } from '@/tests/support/db';
import { parseCsv } from '@/tests/support/csv';

type Handler = (request: Request) => Response | Promise<Response>;
type SourceHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

let test: TestDb;
const routes = {} as Record<'stances' | 'quotes' | 'sources' | 'actors' | 'topics', Handler> & { source: SourceHandler; health: () => Promise<Response> };

beforeAll(async () => {
  // The database must be in place before the route modules (and db/client) are loaded.
  test = useSeededAppDb();
  routes.stances = (await import('@/app/api/stances/route')).GET;
  routes.quotes = (await import('@/app/api/quotes/route')).GET;
  routes.sources = (await import('@/app/api/sources/route')).GET;
  routes.actors = (await import('@/app/api/actors/route')).GET;
  routes.topics = (await import('@/app/api/topics/route')).GET;
  routes.source = (await import('@/app/api/sources/[id]/route')).GET;
  routes.health = (await import('@/app/api/health/route')).GET;
});
afterAll(() => test.cleanup());

const list = (name: keyof typeof routes & ('stances' | 'quotes' | 'sources' | 'actors' | 'topics'), query = '') =>
  Promise.resolve(routes[name](new Request(`http://localhost/api/${name}${query ? `?${query}` : ''}`)));
const source = (id: string) => routes.source(new Request(`http://localhost/api/sources/${id}`), { params: Promise.resolve({ id }) });

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
  expect(body.error.message.length).toBeGreaterThan(0);
  if (param !== undefined) {
    expect(body.error.param).toBe(param);
    expect(body.error.details?.map((d) => d.param)).toContain(param);
  }
  return body;
}

const rawCount = (table: string) => test.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe('GET /api/stances', () => {
  it('answers 200 with {items, nextCursor} and fully shaped stance items', async () => {
    const response = await list('stances', 'country=HU');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: StanceItem[]; nextCursor: string | null };
    expect(body.nextCursor).toBeNull();
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item).toMatchObject({
        id: expect.any(Number),
        actor: { slug: expect.any(String), name: expect.any(String), kind: 'state', countryCode: 'HU' },
        topic: { slug: expect.any(String), title: expect.any(String) },
        position: expect.any(Number),
        label: expect.any(String),
        confidence: expect.stringMatching(/^(low|medium|high)$/),
        asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      expect(item.evidence.length).toBeGreaterThan(0);
      expect(item.evidence.every((id) => Number.isInteger(id))).toBe(true);
    }
  });

  it('pages with limit and nextCursor through every stance exactly once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const response = await list('stances', `limit=3&sort=-asOf${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: StanceItem[]; nextCursor: string | null };
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length <= rawCount('stances'));
    expect(seen).toHaveLength(rawCount('stances'));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('format=csv returns text/csv with a header row and one record per stance', async () => {
    const response = await list('stances', 'format=csv&limit=all');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain('.csv');
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(stanceCsv.map((c) => c.header));
    expect(rows).toHaveLength(rawCount('stances') + 1);
    // Positions stay numeric in the export, negative ones included.
    const position = rows[0]!.indexOf('position');
    expect(rows.slice(1).map((r) => r[position])).toContain('-2');
    expect(rows.slice(1).every((r) => /^-?\d$/.test(r[position]!))).toBe(true);
  });

  it('format=csv with no matching rows still has the header row', async () => {
    const response = await list('stances', 'format=csv&country=IS');
    expect(response.status).toBe(200);
    expect(parseCsv(await response.text())).toEqual([stanceCsv.map((c) => c.header)]);
  });
});

describe('GET /api/quotes', () => {
  it('answers 200 with fully shaped quote items; speaker is an actor or null', async () => {
    const response = await list('quotes', 'limit=all');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: QuoteItem[] };
    expect(items).toHaveLength(rawCount('quotes'));
    for (const q of items) {
      expect(q).toMatchObject({
        id: expect.any(Number),
        text: expect.any(String),
        kind: expect.stringMatching(/^(direct|reported)$/),
        sourceId: expect.any(Number),
        start: expect.any(Number),
        end: expect.any(Number),
      });
      expect(q.saidAt === null || /^\d{4}-\d{2}-\d{2}$/.test(q.saidAt)).toBe(true);
      if (q.speaker !== null) {
        expect(q.speaker).toEqual({ slug: expect.any(String), name: expect.any(String), kind: expect.any(String), countryCode: q.speaker.countryCode });
      }
    }
    expect(items.some((q) => q.speaker === null)).toBe(true);
    expect(items.some((q) => q.speaker !== null)).toBe(true);
  });

  it('every quote is exactly body.slice(start, end) of its source as served by /api/sources/{id}', async () => {
    const { items } = (await (await list('quotes', 'limit=all')).json()) as { items: QuoteItem[] };
    const bodies = new Map<number, string>();
    for (const id of new Set(items.map((q) => q.sourceId))) {
      const response = await source(String(id));
      expect(response.status).toBe(200);
      bodies.set(id, ((await response.json()) as { body: string }).body);
    }
    const mismatched = items.filter((q) => bodies.get(q.sourceId)!.slice(q.start, q.end) !== q.text).map((q) => q.id);
    expect(items.length).toBeGreaterThan(0);
    expect(mismatched).toEqual([]);
  });
});

describe('GET /api/sources, /api/actors, /api/topics', () => {
  it.each([
    ['sources', 'sources'],
    ['actors', 'actors'],
    ['topics', 'topics'],
  ] as const)('/api/%s lists every row of %s', async (name, table) => {
    const response = await list(name, 'limit=all');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    expect(body.items).toHaveLength(rawCount(table));
    expect(body.nextCursor).toBeNull();
  });

  it('/api/sources/{id} returns the body whose sha256 it reports', async () => {
    const { createHash } = await import('node:crypto');
    const response = await source('1');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: number; body: string; bodySha256: string; bodyLength: number };
    expect(body.id).toBe(1);
    expect(body.bodyLength).toBe(body.body.length);
    expect(createHash('sha256').update(body.body, 'utf8').digest('hex')).toBe(body.bodySha256);
  });
});

describe('bad requests answer 400 naming the parameter', () => {
  const cases: [route: 'stances' | 'quotes' | 'sources' | 'actors', query: string, param: string][] = [
    ['stances', 'country=XX1', 'country'],
    ['stances', 'position=9', 'position'],
    ['stances', 'from=2025-13-01', 'from'],
    ['stances', 'from=2025-02-30', 'from'],
    ['stances', 'from=2025-04-02&to=2024-01-01', 'to'],
    ['stances', 'limit=0', 'limit'],
    ['stances', 'limit=5000', 'limit'],
    ['stances', 'cursor=garbage!', 'cursor'],
    ['stances', 'cursor=validbase64butwrong', 'cursor'],
    ['stances', `cursor=${encodeCursor(['HU'])}`, 'cursor'],
    ['stances', 'topic=no-such-topic', 'topic'],
    ['stances', 'camp=nope', 'camp'],
    ['stances', 'actor=no-such-actor', 'actor'],
    ['stances', 'sort=bogus', 'sort'],
    ['stances', 'format=xml', 'format'],
    ['stances', 'kind=paraphrase', 'kind'],
    ['stances', 'topic=founding-act&topic=russia-threat', 'topic'],
    ['quotes', 'country=XX1', 'country'],
    ['quotes', 'source=abc', 'source'],
    ['quotes', 'cursor=validbase64butwrong', 'cursor'],
    ['quotes', 'sort=position', 'sort'],
    ['sources', 'sort=bogus', 'sort'],
    ['sources', 'limit=5000', 'limit'],
    ['actors', 'camp=nope', 'camp'],
  ];

  it.each(cases)('/api/%s?%s -> 400 on %s', async (route, query, param) => {
    await expectError(await list(route, query), 400, param);
  });

  it('names the first bad parameter and lists all of them in details', async () => {
    const body = await expectError(await list('stances', 'country=XX1&position=9'), 400, 'country');
    expect(body.error.details?.map((d) => d.param)).toEqual(['country', 'position']);
  });

  it('ignores unknown parameters', async () => {
    expect((await list('stances', 'utm_source=x&country=HU')).status).toBe(200);
  });
});

describe('GET /api/sources/{id}', () => {
  it.each(['abc', '0', '-1', '1.5', '01', '99999999999999999999'])('%s -> 400 on id', async (id) => {
    await expectError(await source(id), 400, 'id');
  });

  it('an unknown id -> 404', async () => {
    const body = await expectError(await source('999'), 404);
    expect(body.error.message).toContain('999');
  });
});

describe('GET /api/health', () => {
  it('answers {ok: true, counts} matching the tables', async () => {
    const response = await routes.health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      counts: {
        sources: rawCount('sources'),
        actors: rawCount('actors'),
        topics: rawCount('topics'),
        quotes: rawCount('quotes'),
        stances: rawCount('stances'),
        camps: rawCount('camps'),
      },
    });
  });
});

describe('unexpected failures', () => {
  it('the stack-frame check recognises a real stack and passes a normal message', () => {
    expect(new Error('x').stack).toMatch(STACK_FRAME);
    expect('Bad parameter from: "2025-13-01" is not a date written YYYY-MM-DD').not.toMatch(STACK_FRAME);
  });

  it('handle() maps an unexpected error to a bare 500 without message or stack', async () => {
    const { handle } = await import('@/lib/api');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = handle(() => {
        throw new Error('secret detail from the database layer');
      });
      const body = await expectError(response, 500);
      expect(JSON.stringify(body)).not.toContain('secret detail');
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  // Last in the file: it closes the app's connection, then lets getDb reopen it.
  it('health answers 503 without a stack when the database is unavailable', async () => {
    const app = globalThis as { standpointDb?: { $client: { close: () => void } } };
    expect(app.standpointDb).toBeDefined();
    app.standpointDb!.$client.close();
    try {
      await expectError(await routes.health(), 503);
    } finally {
      delete app.standpointDb;
    }
    expect((await routes.health()).status).toBe(200);
  });
});
