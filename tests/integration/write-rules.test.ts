// The rules of the write API beyond who may write: the order of refusals (credentials before the
// body), cross-site requests, versions, field-named errors, 404s, soft delete and restore, the
// stance history, duplicates, uploads, constraint violations, a busy database, tokens, sign-in
// rate limiting, PUBLIC_READ and the append-only audit log.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { openDatabase } from '@/db/connection';
import { apiTokens, auditLog, quotes, stances } from '@/db/schema';
import type { UserRole } from '@/lib/domain/vocabulary';
import { addToken, addUser, ORIGIN, PASSWORD, signIn, signInRequest, usersOfEveryRole, type Credentials } from '@/tests/support/auth';
import { dumpAllTables, useSeededAppDb, type TestDb } from '@/tests/support/db';
import { newActor, newCamp, newQuote, newStance, newTopic, softDelete } from '@/tests/support/write-fixtures';

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Record<string, Handler>;
type ErrorBody = { error: { status: number; message: string; param?: string; details?: { param: string; message: string }[]; current?: Record<string, unknown> } };

let test: TestDb;
let users: Record<UserRole, Credentials>;
let auth: { POST: (request: Request) => Promise<Response> };
const route = {} as Record<string, Module>;

beforeAll(async () => {
  test = useSeededAppDb();
  auth = await import('@/app/api/auth/[...all]/route');
  users = await usersOfEveryRole(test.db, auth);
  const files = ['sources', 'sources/[id]', 'sources/[id]/restore', 'quotes/[id]', 'quotes/[id]/accept', 'quotes/[id]/reject', 'stances', 'stances/[id]', 'stances/[id]/restore', 'actors', 'actors/[slug]', 'topics/[slug]', 'camps/[slug]/members', 'users', 'users/[id]', 'audit', 'review'];
  for (const file of files) route[file] = (await import(/* @vite-ignore */ `@/app/api/${file}/route`)) as Module;
}, 60_000);
afterAll(() => test.cleanup());

function send(method: string, file: string, params: Record<string, string | number>, body: unknown, headers: Record<string, string>) {
  const path = `/api/${file.replace(/\[(\w+)\]/g, (_m, name: string) => String(params[name]))}`;
  const raw = typeof body === 'string' || body instanceof FormData || body === undefined;
  const request = new Request(`${ORIGIN}${path}`, { method, headers: { ...(raw ? {} : { 'Content-Type': 'application/json' }), ...headers }, body: raw ? (body as BodyInit | undefined) : JSON.stringify(body) });
  return route[file]![method]!(request, { params: Promise.resolve(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))) });
}

const as = (role: UserRole, via: 'token' | 'session' = 'token'): Record<string, string> =>
  via === 'token' ? { Authorization: `Bearer ${users[role].token}` } : { Cookie: users[role].cookie, Origin: ORIGIN };

async function error(response: Response, status: number, param?: string): Promise<ErrorBody['error']> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(text).not.toMatch(/SQLITE_|SqliteError|\bat \S+:\d+:\d+/);
  const body = JSON.parse(text) as ErrorBody;
  if (param !== undefined) expect(body.error.details?.map((d) => d.param) ?? [body.error.param]).toContain(param);
  return body.error;
}

const stanceBody = (quoteId: number, overrides: Record<string, unknown> = {}) => ({ actor: 'france', topic: 'founding-act', position: 1, confidence: 'low', asOf: '2025-06-01', summary: 'For.', evidence: [quoteId], ...overrides });

describe('credentials are checked before the body', () => {
  it.each([
    ['nobody', {}, 401],
    ['a viewer', null, 403],
  ] as const)('%s sending an invalid body gets %s, not 400', async (_who, headers, status) => {
    const response = await send('POST', 'stances', {}, '{not json', headers ?? as('viewer'));
    await error(response, status);
  });

  it('an analyst sending the same body gets 400', async () => {
    await error(await send('POST', 'stances', {}, '{not json', as('analyst')), 400);
  });

  it('a malformed or unknown token is 401, not anonymous', async () => {
    await error(await send('POST', 'stances', {}, {}, { Authorization: 'Bearer sp_nope' }), 401);
    await error(await send('POST', 'stances', {}, {}, { Authorization: 'Basic abc' }), 401);
  });
});

describe('cross-site requests', () => {
  const body = () => stanceBody(newQuote(test.db).quoteId, { actor: newActor(test.db).slug });

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['Origin: null', { Origin: 'null' }],
    ['no Origin but Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('a cookie-authenticated write with %s is refused (403) and changes nothing', async (_label, headers) => {
    const input = body();
    const before = dumpAllTables(test.db);
    const refused = await error(await send('POST', 'stances', {}, input, { Cookie: users.admin.cookie, ...headers }), 403);
    expect(refused.message).toMatch(/another site|opaque origin/);
    expect(dumpAllTables(test.db)).toEqual(before);
  });

  it('the same write from the app’s own origin, or from a script sending no Origin, is made', async () => {
    expect((await send('POST', 'stances', {}, body(), { Cookie: users.analyst.cookie, Origin: ORIGIN })).status).toBe(201);
    expect((await send('POST', 'stances', {}, body(), { Cookie: users.analyst.cookie })).status).toBe(201);
  });

  it('an origin in TRUSTED_ORIGINS is allowed', async () => {
    process.env.TRUSTED_ORIGINS = 'https://admin.example';
    try {
      expect((await send('POST', 'stances', {}, body(), { Cookie: users.analyst.cookie, Origin: 'https://admin.example' })).status).toBe(201);
    } finally {
      delete process.env.TRUSTED_ORIGINS;
    }
  });

  it('a token is sent on purpose: its writes are not checked for origin', async () => {
    expect((await send('POST', 'stances', {}, body(), { ...as('analyst'), Origin: 'https://notebook.example' })).status).toBe(201);
  });
});

describe('versions', () => {
  it('an update naming an older version is refused with 409 and the current record; nothing changes', async () => {
    const stance = newStance(test.db);
    expect((await send('PATCH', 'stances/[id]', { id: stance.id }, { version: 1, summary: 'First edit.' }, as('analyst'))).status).toBe(200);
    const before = dumpAllTables(test.db);
    const conflict = await error(await send('PATCH', 'stances/[id]', { id: stance.id }, { version: 1, summary: 'A stale edit.' }, as('analyst')), 409, 'version');
    expect(conflict.current).toMatchObject({ id: stance.id, version: 2, summary: 'First edit.' });
    expect(dumpAllTables(test.db)).toEqual(before);
  });

  it('an update must name the version it changes', async () => {
    const stance = newStance(test.db);
    await error(await send('PATCH', 'stances/[id]', { id: stance.id }, { summary: 'No version.' }, as('analyst')), 400, 'version');
  });

  it('every change moves the version on', async () => {
    const actor = newActor(test.db);
    const updated = (await (await send('PATCH', 'actors/[slug]', { slug: actor.slug }, { version: 1, name: 'Renamed' }, as('analyst'))).json()) as { version: number };
    expect(updated.version).toBe(2);
  });
});

describe('bad input is named by field; unknown records are 404', () => {
  it.each([
    ['no evidence', (q: number) => stanceBody(q, { evidence: [] }), 'evidence'],
    ['a suggestion as evidence', () => stanceBody(newQuote(test.db, 'suggested').quoteId), 'evidence'],
    ['a position off the scale', (q: number) => stanceBody(q, { position: 3 }), 'position'],
    ['an unknown actor', (q: number) => stanceBody(q, { actor: 'atlantis' }), 'actor'],
    ['a misspelt field', (q: number) => ({ ...stanceBody(q), postion: 1 }), ''],
    ['a date that does not exist', (q: number) => stanceBody(q, { asOf: '2025-02-30' }), 'asOf'],
  ])('%s: 400 naming the field', async (_label, make, field) => {
    const before = dumpAllTables(test.db);
    const refused = await error(await send('POST', 'stances', {}, make(newQuote(test.db).quoteId), as('analyst')), 400);
    if (field) expect(refused.details?.map((d) => d.param)).toContain(field);
    else expect(refused.message).toContain('postion');
    void before;
  });

  it('a javascript: or data: URL is refused; only http(s) is stored', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'ftp://example.org/a']) {
      await error(await send('POST', 'sources', {}, { title: 'T', publisher: 'P', url, body: 'Some text.' }, as('analyst')), 400, 'url');
    }
  });

  it('unknown ids and slugs in the path are 404; malformed ones 400', async () => {
    await error(await send('PATCH', 'stances/[id]', { id: 999999 }, { version: 1, summary: 'x' }, as('analyst')), 404);
    await error(await send('PATCH', 'actors/[slug]', { slug: 'atlantis' }, { version: 1, name: 'x' }, as('analyst')), 404);
    await error(await send('POST', 'quotes/[id]/accept', { id: 999999 }, undefined, as('analyst')), 404);
    await error(await send('PATCH', 'stances/[id]', { id: 'abc' }, { version: 1 }, as('analyst')), 400, 'id');
  });

  it('a corrected span is checked against the source body', async () => {
    const { quoteId, start, body } = newQuote(test.db, 'suggested');
    await error(await send('PATCH', 'quotes/[id]', { id: quoteId }, { version: 1, start, end: start + 5, text: 'other' }, as('analyst')), 400, 'text');
    await error(await send('PATCH', 'quotes/[id]', { id: quoteId }, { version: 1, start, end: body.length + 10 }, as('analyst')), 400, 'end');
    const fixed = (await (await send('PATCH', 'quotes/[id]', { id: quoteId }, { version: 1, start, end: start + 7 }, as('analyst'))).json()) as { text: string; version: number };
    expect(fixed).toMatchObject({ text: body.slice(start, start + 7), version: 2 });
  });
});

describe('constraint violations are 400/409 with a message, never 500', () => {
  it('an explicit slug that is taken', async () => {
    const conflict = await error(await send('POST', 'actors', {}, { slug: 'france', name: 'France again', kind: 'state', countryCode: 'FR' }, as('analyst')), 409, 'slug');
    expect(conflict.message).toContain('slug');
  });

  it('a derived slug that is taken gets a number instead', async () => {
    const response = await send('POST', 'actors', {}, { name: 'France', kind: 'state', countryCode: 'FR' }, as('analyst'));
    expect(response.status).toBe(201);
    expect(((await response.json()) as { slug: string }).slug).toBe('france-2');
  });

  it('an email that has an account', async () => {
    await error(await send('POST', 'users', {}, { email: users.viewer.email, password: 'long enough', role: 'viewer' }, as('admin')), 409, 'email');
  });

  it('accepting a rejected quote whose span another live quote now covers', async () => {
    const { quoteId, sourceId, start, end, text } = newQuote(test.db);
    expect((await send('POST', 'quotes/[id]/reject', { id: quoteId }, undefined, as('analyst'))).status).toBe(200);
    // Another quote on the very same span, accepted meanwhile (the extractor found it again).
    test.db.$client.prepare(`insert into quotes (source_id, start, end, text, kind, speaker_label) values (?, ?, ?, ?, 'direct', 'x')`).run(sourceId, start, end, text);
    await error(await send('POST', 'quotes/[id]/accept', { id: quoteId }, undefined, as('analyst')), 409, 'start');
  });

  it('a stance on the same actor, topic and date is a 409 with the existing one; another date is a new stance', async () => {
    const first = newStance(test.db, 'ukraine-talks');
    const { quoteId } = newQuote(test.db);
    const conflict = await error(await send('POST', 'stances', {}, stanceBody(quoteId, { actor: first.actor, topic: first.topic, asOf: first.asOf }), as('analyst')), 409, 'asOf');
    expect(conflict.current).toMatchObject({ id: first.id });
    const later = await send('POST', 'stances', {}, stanceBody(quoteId, { actor: first.actor, topic: first.topic, asOf: '2025-09-01', position: -2 }), as('analyst'));
    expect(later.status).toBe(201);
    const live = test.db.select().from(stances).where(eq(stances.actorId, test.db.$client.prepare('select id from actors where slug = ?').pluck().get(first.actor) as number)).all();
    expect(live.map((s) => [s.asOf, s.position])).toEqual([
      ['2025-03-01', 1],
      ['2025-09-01', -2],
    ]);
  });
});

describe('soft delete and restore', () => {
  it('a deleted stance leaves the listing and the totals, and an admin brings it back as it was', async () => {
    const stance = newStance(test.db);
    const total = () => test.db.$client.prepare(`select value from counters where name = 'stances'`).pluck().get() as number;
    const count = total();
    const deleted = (await (await send('DELETE', 'stances/[id]', { id: stance.id }, undefined, as('analyst'))).json()) as { deletedAt: string; version: number };
    expect(deleted).toMatchObject({ deletedAt: expect.any(String), version: 2 });
    expect(total()).toBe(count - 1);
    const url = `${ORIGIN}/api/stances?limit=1000&actor=${stance.actor}`;
    const listed = async () => ((await (await route.stances!.GET!(new Request(url))).json()) as { items: unknown[] }).items.length;
    // The actor filter names a live actor; its only stance is gone.
    expect(await listed()).toBe(0);
    await error(await send('PATCH', 'stances/[id]', { id: stance.id }, { version: 2, summary: 'x' }, as('analyst')), 404);
    await error(await send('POST', 'stances/[id]/restore', { id: stance.id }, undefined, as('analyst')), 403);
    const restored = (await (await send('POST', 'stances/[id]/restore', { id: stance.id }, undefined, as('admin'))).json()) as Record<string, unknown>;
    expect(restored).toMatchObject({ ...stance, version: 3, deletedAt: null, deletedBy: null });
    expect(total()).toBe(count);
    expect(await listed()).toBe(1);
  });

  it('a quote that is evidence cannot be deleted (409 naming the stance); the stance first, then the quote', async () => {
    const stance = newStance(test.db);
    const quoteId = stance.evidence[0]!;
    const refused = await error(await send('DELETE', 'quotes/[id]', { id: quoteId }, undefined, as('analyst')), 409);
    expect(refused.message).toContain(`stance ${stance.id}`);
    expect((await send('DELETE', 'stances/[id]', { id: stance.id }, undefined, as('analyst'))).status).toBe(200);
    expect((await send('DELETE', 'quotes/[id]', { id: quoteId }, undefined, as('analyst'))).status).toBe(200);
    // Restoring the stance now needs its evidence back first.
    const blocked = await error(await send('POST', 'stances/[id]/restore', { id: stance.id }, undefined, as('admin')), 409);
    expect(blocked.message).toContain(`quote ${quoteId}`);
  });

  it('a source takes its quotes with it, and brings back exactly those', async () => {
    const { sourceId, quoteId } = newQuote(test.db);
    const other = test.db.$client.prepare(`insert into quotes (source_id, start, end, text, kind, speaker_label, review_state) values (?, 0, 7, 'Article', 'direct', 'x', 'suggested')`).run(sourceId).lastInsertRowid as number;
    softDelete(test.db, { type: 'quote', id: quoteId });
    expect((await send('DELETE', 'sources/[id]', { id: sourceId }, undefined, as('analyst'))).status).toBe(200);
    const state = () => test.db.select({ id: quotes.id, deletedAt: quotes.deletedAt }).from(quotes).where(eq(quotes.sourceId, sourceId)).orderBy(quotes.id).all();
    expect(state().every((q) => q.deletedAt !== null)).toBe(true);
    await error(await send('GET', 'sources/[id]', { id: sourceId }, undefined, {}), 404);
    expect((await send('POST', 'sources/[id]/restore', { id: sourceId }, undefined, as('admin'))).status).toBe(200);
    // The quote deleted on its own before stays deleted.
    expect(state()).toEqual([
      { id: quoteId, deletedAt: expect.any(String) },
      { id: Number(other), deletedAt: null },
    ]);
    expect((await send('GET', 'sources/[id]', { id: sourceId }, undefined, {})).status).toBe(200);
  });

  it('an actor with live stances, or a topic with live camps, cannot be deleted', async () => {
    const stance = newStance(test.db);
    expect((await error(await send('DELETE', 'actors/[slug]', { slug: stance.actor }, undefined, as('analyst')), 409)).message).toContain(`stance ${stance.id}`);
    const camp = newCamp(test.db);
    expect((await error(await send('DELETE', 'topics/[slug]', { slug: camp.topic }, undefined, as('analyst')), 409)).message).toContain(`camp ${camp.slug}`);
  });

  it('a deleted camp member may be added again; restoring the old membership then conflicts', async () => {
    const camp = newCamp(test.db, true);
    const member = camp.members[0]!;
    softDelete(test.db, { type: 'camp-member', camp: camp.slug, actor: member.actor });
    expect((await send('POST', 'camps/[slug]/members', { slug: camp.slug }, { actor: member.actor, asOf: '2025-04-01', evidence: camp.evidence }, as('analyst'))).status).toBe(201);
    await error(await send('POST', 'camps/[slug]/members', { slug: camp.slug }, { actor: member.actor, asOf: '2025-04-02', evidence: camp.evidence }, as('analyst')), 409, 'actor');
  });

  it('every delete and restore is in the audit log with the record before and after', async () => {
    const topic = newTopic(test.db);
    await send('DELETE', 'topics/[slug]', { slug: topic.slug }, undefined, as('analyst', 'session'));
    const entry = test.db.select().from(auditLog).where(eq(auditLog.action, 'topic:delete')).orderBy(auditLog.id).all().at(-1)!;
    expect(entry).toMatchObject({ recordType: 'topic', recordId: String(topic.id), recordSlug: topic.slug, who: users.analyst.email, door: 'api-session' });
    expect(entry.before).toMatchObject({ deletedAt: null, version: 1 });
    expect(entry.after).toMatchObject({ deletedAt: expect.any(String), deletedBy: expect.any(String), version: 2 });
  });
});

describe('adding articles', () => {
  it('a duplicate answers 200 with the stored source and duplicate: true, and changes nothing', async () => {
    const article = { title: 'Once', publisher: 'Wire', body: 'An article stored once.\n"Once is enough," she said.' };
    const first = await send('POST', 'sources', {}, article, as('analyst'));
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { id: number; version: number; duplicate: boolean };
    expect(stored).toMatchObject({ duplicate: false, version: 1 });
    const before = dumpAllTables(test.db);
    const again = await send('POST', 'sources', {}, { ...article, body: `${article.body}\n\n  ` }, as('admin'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: stored.id, duplicate: true });
    expect(dumpAllTables(test.db)).toEqual(before);
    softDelete(test.db, { type: 'source', id: stored.id });
    const conflict = await error(await send('POST', 'sources', {}, article, as('analyst')), 409);
    expect(conflict.message).toContain('restore');
  });

  it('an upload over 5 MB is refused (413) without being stored; a PDF is 400 naming the file', async () => {
    const big = new FormData();
    big.append('file', new File([new Uint8Array(5 * 1024 * 1024 + 1).fill(65)], 'big.txt'));
    await error(await send('POST', 'sources', {}, big, as('analyst')), 413);
    const pdf = new FormData();
    pdf.append('file', new File([Buffer.from('%PDF-1.7\n...')], 'a.pdf'));
    expect((await error(await send('POST', 'sources', {}, pdf, as('analyst')), 400, 'file')).message).toContain('PDF');
  });

  it('a stored article’s suggestions are in the review queue, doubtful first', async () => {
    const body = 'Tallinn, 3 May.\n"We will not wait for others," Prime Minister Kristen Michal said on Friday. "Russia understands only strength," he added.';
    const response = await send('POST', 'sources', {}, { title: 'Estonia', publisher: 'ERR', publishedAt: '2025-05-03', body }, as('analyst'));
    const stored = (await response.json()) as { id: number; quotesSuggested: number };
    const queue = (await (await send('GET', 'review', {}, undefined, as('analyst'))).json()) as { items: { sourceId: number; confidence: number; context: { before: string; after: string } }[] };
    const confidences = queue.items.map((i) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(queue.items.filter((i) => i.sourceId === stored.id)).toHaveLength(stored.quotesSuggested);
    for (const item of queue.items.filter((i) => i.sourceId === stored.id)) expect(body).toContain(item.context.before);
  });
});

describe('a busy database', () => {
  it('answers 503 with a message when another writer holds the lock past the busy timeout', async () => {
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(test.path);
    const app = getDb().$client;
    const timeout = app.pragma('busy_timeout', { simple: true }) as number;
    app.pragma('busy_timeout = 50');
    other.exec('begin immediate');
    try {
      const before = dumpAllTables(test.db);
      const busy = await error(await send('POST', 'stances', {}, stanceBody(lockedQuote!, { actor: 'germany' }), as('analyst')), 503);
      expect(busy.message).toContain('busy');
      expect(dumpAllTables(test.db)).toEqual(before);
    } finally {
      other.exec('rollback');
      other.close();
      app.pragma(`busy_timeout = ${timeout}`);
    }
  });
});

// Made before the lock is taken: the fixture writes too.
let lockedQuote: number | null = null;
beforeAll(() => {
  lockedQuote = newQuote(test.db).quoteId;
});

describe('API tokens', () => {
  it('are stored only as their sha256', () => {
    const rows = test.db.select().from(apiTokens).all();
    const tokens = Object.values(users).map((u) => u.token);
    for (const token of tokens) {
      expect(rows.some((r) => r.tokenHash === createHash('sha256').update(token).digest('hex'))).toBe(true);
      expect(JSON.stringify(dumpAllTables(test.db))).not.toContain(token);
    }
  });

  it('a revoked token is refused from the next request on', async () => {
    await addUser(test.db, 'script@test.example', 'analyst');
    const token = addToken(test.db, 'script@test.example');
    const headers = { Authorization: `Bearer ${token}` };
    expect((await send('GET', 'review', {}, undefined, headers)).status).toBe(200);
    const { runAccountCli } = await import('@/scripts/accounts/cli');
    const out: string[] = [];
    const code = await runAccountCli('token:revoke', ['--token', token], { openDb: () => openDatabase(test.path), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, readStdin: async () => '' });
    expect(code).toBe(0);
    expect(out.join('')).toContain('revoked 1 token');
    await error(await send('GET', 'review', {}, undefined, headers), 401);
  });
});

describe('signing in', () => {
  it('is rate-limited per client address; failed attempts are logged without the password', async () => {
    await addUser(test.db, 'limited@test.example', 'viewer');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const attempt = (password: string, ip: string) => auth.POST(signInRequest('limited@test.example', password, { 'x-standpoint-client-ip': ip }));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt('wrong password!', '192.0.2.7')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      // The right password from the same address waits too; another address is not held up.
      expect((await attempt(PASSWORD, '192.0.2.7')).status).toBe(429);
      expect((await attempt(PASSWORD, '192.0.2.8')).status).toBe(200);
      const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('sign-in-failed'));
      expect(lines.length).toBeGreaterThanOrEqual(6);
      expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'sign-in-failed', email: 'limited@test.example', ip: '192.0.2.7', status: 401 });
      expect(lines.some((l) => JSON.parse(l).status === 429)).toBe(true);
      for (const line of lines) expect(line).not.toContain('wrong password');
    } finally {
      warn.mockRestore();
    }
  });

  it('sign-up is closed: accounts are made by admins', async () => {
    const response = await auth.POST(new Request(`${ORIGIN}/api/auth/sign-up/email`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email: 'me@test.example', password: 'a long password', name: 'Me' }) }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(test.db.$client.prepare(`select count(*) from users where email = 'me@test.example'`).pluck().get()).toBe(0);
  });

  it('the session cookie is http-only, and Secure when the app is served over https', async () => {
    const cookie = (await auth.POST(signInRequest(users.viewer.email, PASSWORD, { 'x-standpoint-client-ip': '192.0.2.50' }))).headers.getSetCookie().find((c) => c.includes('session_token'))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('with an https base URL (BETTER_AUTH_URL), the cookie is Secure', async () => {
    const { createTestDb } = await import('@/tests/support/db');
    const { getAuth } = await import('@/lib/auth/auth');
    const other = createTestDb({ seed: false });
    process.env.BETTER_AUTH_URL = 'https://standpoint.example';
    try {
      await addUser(other.db, 'secure@test.example', 'viewer');
      const response = await getAuth(other.db).handler(
        new Request('https://standpoint.example/api/auth/sign-in/email', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://standpoint.example' }, body: JSON.stringify({ email: 'secure@test.example', password: PASSWORD }) }),
      );
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token'))!;
      expect(cookie).toMatch(/^__Secure-/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      delete process.env.BETTER_AUTH_URL;
      other.cleanup();
    }
  });

  it('a changed password signs the user out everywhere', async () => {
    const user = await addUser(test.db, 'moving@test.example', 'analyst');
    const cookie = await signIn(auth, 'moving@test.example', PASSWORD, { 'x-standpoint-client-ip': '192.0.2.60' });
    expect((await send('GET', 'review', {}, undefined, { Cookie: cookie })).status).toBe(200);
    expect((await send('PATCH', 'users/[id]', { id: user.id }, { password: 'another long one' }, as('admin'))).status).toBe(200);
    await error(await send('GET', 'review', {}, undefined, { Cookie: cookie }), 401);
    expect(await signIn(auth, 'moving@test.example', 'another long one', { 'x-standpoint-client-ip': '192.0.2.61' })).toContain('session_token');
  });
});

describe('PUBLIC_READ off', () => {
  it('anonymous API reads are 401; an account or token reads', async () => {
    process.env.PUBLIC_READ = 'off';
    try {
      await error(await route.stances!.GET!(new Request(`${ORIGIN}/api/stances`)), 401);
      await error(await send('GET', 'sources/[id]', { id: 1 }, undefined, {}), 401);
      expect((await route.stances!.GET!(new Request(`${ORIGIN}/api/stances`, { headers: as('viewer') }))).status).toBe(200);
      expect((await route.stances!.GET!(new Request(`${ORIGIN}/api/stances`, { headers: { Cookie: users.viewer.cookie } }))).status).toBe(200);
    } finally {
      delete process.env.PUBLIC_READ;
    }
    expect((await route.stances!.GET!(new Request(`${ORIGIN}/api/stances`))).status).toBe(200);
  });

  it('the page check refuses an anonymous reader (pages send them to /sign-in) and lets an account in', async () => {
    const { checkReader } = await import('@/lib/auth/guard');
    process.env.PUBLIC_READ = 'off';
    try {
      await expect(checkReader(new Headers(), 'public', 'page')).rejects.toThrow(/sign in/i);
      await expect(checkReader(new Headers({ cookie: users.viewer.cookie }), 'public', 'page')).resolves.toMatchObject({ email: users.viewer.email, door: 'page' });
    } finally {
      delete process.env.PUBLIC_READ;
    }
    await expect(checkReader(new Headers(), 'public', 'page')).resolves.toBeNull();
  });
});

describe('the audit log', () => {
  it('refuses to change or delete an entry, whoever writes to the file', () => {
    const id = test.db.select({ id: auditLog.id }).from(auditLog).get()!.id;
    expect(() => test.db.$client.prepare(`update audit_log set who = 'someone else' where id = ?`).run(id)).toThrow(/append-only/);
    expect(() => test.db.$client.prepare(`delete from audit_log where id = ?`).run(id)).toThrow(/append-only/);
  });

  it('lists one record’s history and one user’s changes, newest first', async () => {
    const stance = newStance(test.db);
    await send('PATCH', 'stances/[id]', { id: stance.id }, { version: 1, summary: 'Edited once.' }, as('analyst'));
    await send('PATCH', 'stances/[id]', { id: stance.id }, { version: 2, summary: 'Edited twice.' }, as('admin', 'session'));
    const history = (await (await route.audit!.GET!(new Request(`${ORIGIN}/api/audit?type=stance&record=${stance.id}`, { headers: as('analyst') }))).json()) as { items: { action: string; who: string; door: string; after: { summary: string } }[] };
    expect(history.items.map((e) => [e.action, e.who, e.door, e.after.summary])).toEqual([
      ['stance:update', users.admin.email, 'api-session', 'Edited twice.'],
      ['stance:update', users.analyst.email, 'api-token', 'Edited once.'],
      ['stance:create', 'system:test', 'cli', 'Holds the line.'],
    ]);
    const adminId = test.db.$client.prepare('select id from users where email = ?').pluck().get(users.admin.email) as string;
    const mine = (await (await route.audit!.GET!(new Request(`${ORIGIN}/api/audit?user=${adminId}&limit=1000`, { headers: as('admin') }))).json()) as { items: { who: string }[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((e) => e.who))).toEqual(new Set([users.admin.email]));
  });
});
