// Every write endpoint against every kind of caller: nobody (401), a viewer (403), an analyst, an
// admin, each with an API token and with a session cookie from signing in. A refused request
// changes nothing at all (every table compared, row by row); an allowed one answers the record and
// leaves an audit entry naming who, through which door, and what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import type { UserRole } from '@/lib/domain/vocabulary';
import { addUser, ORIGIN, usersOfEveryRole, type Credentials } from '@/tests/support/auth';
import { dumpAllTables, useSeededAppDb, type TestDb } from '@/tests/support/db';
import { newActor, newCamp, newQuote, newStance, newTopic, softDelete } from '@/tests/support/write-fixtures';

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

let test: TestDb;
let users: Record<UserRole, Credentials>;
const routes: Record<string, Record<string, Handler>> = {};

const ROUTE_FILES = [
  'sources', 'sources/[id]', 'sources/[id]/restore',
  'quotes/[id]', 'quotes/[id]/accept', 'quotes/[id]/reject', 'quotes/[id]/restore',
  'stances', 'stances/[id]', 'stances/[id]/restore',
  'actors', 'actors/[slug]', 'actors/[slug]/restore',
  'topics', 'topics/[slug]', 'topics/[slug]/restore',
  'camps', 'camps/[slug]', 'camps/[slug]/restore', 'camps/[slug]/members', 'camps/[slug]/members/[actor]', 'camps/[slug]/members/[actor]/restore',
  'users', 'users/[id]', 'review', 'audit',
];

beforeAll(async () => {
  test = useSeededAppDb();
  const auth = await import('@/app/api/auth/[...all]/route');
  users = await usersOfEveryRole(test.db, auth);
  for (const file of ROUTE_FILES) routes[file] = (await import(/* @vite-ignore */ `@/app/api/${file}/route`)) as Record<string, Handler>;
  // A token notes its first use (last_used_at, at most hourly): use each once, so that the
  // refusals below are compared on a database a request leaves exactly as it was.
  for (const role of ['viewer', 'analyst', 'admin'] as const) await routes.review!.GET!(new Request(`${ORIGIN}/api/review`, { headers: { Authorization: `Bearer ${users[role].token}` } }));
}, 60_000);
afterAll(() => test.cleanup());

/** Calls the route file's handler for `method` with a request to `path` (params filled from it). */
function call(method: string, file: string, params: Record<string, string | number>, body: unknown, headers: Record<string, string>): Promise<Response> {
  const path = `/api/${file.replace(/\[(\w+)\]/g, (_m, name: string) => String(params[name]))}`;
  const isForm = body instanceof FormData;
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers: { ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  const handler = routes[file]![method];
  if (!handler) throw new Error(`${file} has no ${method}`);
  return handler(request, { params: Promise.resolve(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))) });
}

type Case = {
  /** "POST /api/stances" */
  name: string;
  /** The least role allowed. */
  need: 'analyst' | 'admin';
  /** The audit action of the change. */
  action: string;
  status: 200 | 201;
  /** Makes what the write needs; returns the call. */
  prepare: () => Promise<(headers: Record<string, string>) => Promise<Response>> | ((headers: Record<string, string>) => Promise<Response>);
};

let unique = 0;
const db = () => test.db;

const CASES: Case[] = [
  {
    name: 'POST /api/sources (JSON)',
    need: 'analyst',
    action: 'source:ingest',
    status: 201,
    prepare: () => {
      const i = ++unique;
      return (h) => call('POST', 'sources', {}, { title: `Pasted ${i}`, publisher: 'Wire', url: `https://example.org/a/${i}`, publishedAt: '2025-04-01', body: `Pasted article ${i}.\n"We are ready," the minister said.` }, h);
    },
  },
  {
    name: 'POST /api/sources (multipart upload)',
    need: 'analyst',
    action: 'source:ingest',
    status: 201,
    prepare: () => {
      const i = ++unique;
      return (h) => {
        const form = new FormData();
        form.append('file', new File([`---\ntitle: Uploaded ${i}\npublisher: Wire\npublished: 2025-04-02\n---\nUploaded article ${i}. "Nothing is agreed," a diplomat said.\n`], `upload-${i}.md`, { type: 'text/markdown' }));
        return call('POST', 'sources', {}, form, h);
      };
    },
  },
  {
    name: 'DELETE /api/sources/{id}',
    need: 'analyst',
    action: 'source:delete',
    status: 200,
    prepare: () => {
      const { sourceId } = newQuote(db(), 'suggested');
      return (h) => call('DELETE', 'sources/[id]', { id: sourceId }, undefined, h);
    },
  },
  {
    name: 'POST /api/sources/{id}/restore',
    need: 'admin',
    action: 'source:restore',
    status: 200,
    prepare: () => {
      const { sourceId } = newQuote(db());
      softDelete(db(), { type: 'source', id: sourceId });
      return (h) => call('POST', 'sources/[id]/restore', { id: sourceId }, undefined, h);
    },
  },
  {
    name: 'POST /api/quotes/{id}/accept',
    need: 'analyst',
    action: 'quote:accept',
    status: 200,
    prepare: () => {
      const { quoteId } = newQuote(db(), 'suggested');
      return (h) => call('POST', 'quotes/[id]/accept', { id: quoteId }, { version: 1 }, h);
    },
  },
  {
    name: 'POST /api/quotes/{id}/reject',
    need: 'analyst',
    action: 'quote:reject',
    status: 200,
    prepare: () => {
      const { quoteId } = newQuote(db(), 'suggested');
      return (h) => call('POST', 'quotes/[id]/reject', { id: quoteId }, undefined, h);
    },
  },
  {
    name: 'PATCH /api/quotes/{id}',
    need: 'analyst',
    action: 'quote:update',
    status: 200,
    prepare: () => {
      const { quoteId, start, end } = newQuote(db(), 'suggested');
      return (h) => call('PATCH', 'quotes/[id]', { id: quoteId }, { version: 1, start: start + 3, end, kind: 'reported', speaker: 'estonia' }, h);
    },
  },
  {
    name: 'DELETE /api/quotes/{id}',
    need: 'analyst',
    action: 'quote:delete',
    status: 200,
    prepare: () => {
      const { quoteId } = newQuote(db());
      return (h) => call('DELETE', 'quotes/[id]', { id: quoteId }, undefined, h);
    },
  },
  {
    name: 'POST /api/quotes/{id}/restore',
    need: 'admin',
    action: 'quote:restore',
    status: 200,
    prepare: () => {
      const { quoteId } = newQuote(db());
      softDelete(db(), { type: 'quote', id: quoteId });
      return (h) => call('POST', 'quotes/[id]/restore', { id: quoteId }, undefined, h);
    },
  },
  {
    name: 'POST /api/stances',
    need: 'analyst',
    action: 'stance:create',
    status: 201,
    prepare: () => {
      const { quoteId } = newQuote(db());
      const actor = newActor(db()).slug;
      return (h) => call('POST', 'stances', {}, { actor, topic: 'founding-act', position: -1, confidence: 'low', asOf: '2025-05-01', summary: 'Against.', evidence: [quoteId] }, h);
    },
  },
  {
    name: 'PATCH /api/stances/{id}',
    need: 'analyst',
    action: 'stance:update',
    status: 200,
    prepare: () => {
      const stance = newStance(db());
      return (h) => call('PATCH', 'stances/[id]', { id: stance.id }, { version: stance.version, summary: 'Holds the line, firmly.', confidence: 'high' }, h);
    },
  },
  {
    name: 'DELETE /api/stances/{id}',
    need: 'analyst',
    action: 'stance:delete',
    status: 200,
    prepare: () => {
      const stance = newStance(db());
      return (h) => call('DELETE', 'stances/[id]', { id: stance.id }, undefined, h);
    },
  },
  {
    name: 'POST /api/stances/{id}/restore',
    need: 'admin',
    action: 'stance:restore',
    status: 200,
    prepare: () => {
      const stance = newStance(db());
      softDelete(db(), { type: 'stance', id: stance.id });
      return (h) => call('POST', 'stances/[id]/restore', { id: stance.id }, undefined, h);
    },
  },
  {
    name: 'POST /api/actors',
    need: 'analyst',
    action: 'actor:create',
    status: 201,
    prepare: () => {
      const i = ++unique;
      return (h) => call('POST', 'actors', {}, { name: `Kaja Kallas ${i}`, kind: 'person', countryCode: 'EE', organisation: 'eu', aliases: [`Kallas ${i}`] }, h);
    },
  },
  {
    name: 'PATCH /api/actors/{slug}',
    need: 'analyst',
    action: 'actor:update',
    status: 200,
    prepare: () => {
      const actor = newActor(db());
      return (h) => call('PATCH', 'actors/[slug]', { slug: actor.slug }, { version: actor.version, aliases: ['The Minister'], confirmed: true }, h);
    },
  },
  {
    name: 'DELETE /api/actors/{slug}',
    need: 'analyst',
    action: 'actor:delete',
    status: 200,
    prepare: () => {
      const actor = newActor(db());
      return (h) => call('DELETE', 'actors/[slug]', { slug: actor.slug }, undefined, h);
    },
  },
  {
    name: 'POST /api/actors/{slug}/restore',
    need: 'admin',
    action: 'actor:restore',
    status: 200,
    prepare: () => {
      const actor = newActor(db());
      softDelete(db(), { type: 'actor', slug: actor.slug });
      return (h) => call('POST', 'actors/[slug]/restore', { slug: actor.slug }, undefined, h);
    },
  },
  {
    name: 'POST /api/topics',
    need: 'analyst',
    action: 'topic:create',
    status: 201,
    prepare: () => {
      const i = ++unique;
      return (h) => call('POST', 'topics', {}, { title: `Ban on Russian LNG ${i}`, question: 'Should Europe ban Russian LNG now?', scaleLabels: ['never', 'later', 'undecided', 'soon', 'now'] }, h);
    },
  },
  {
    name: 'PATCH /api/topics/{slug}',
    need: 'analyst',
    action: 'topic:update',
    status: 200,
    prepare: () => {
      const topic = newTopic(db());
      return (h) => call('PATCH', 'topics/[slug]', { slug: topic.slug }, { version: topic.version, question: 'A better question?' }, h);
    },
  },
  {
    name: 'DELETE /api/topics/{slug}',
    need: 'analyst',
    action: 'topic:delete',
    status: 200,
    prepare: () => {
      const topic = newTopic(db());
      return (h) => call('DELETE', 'topics/[slug]', { slug: topic.slug }, undefined, h);
    },
  },
  {
    name: 'POST /api/topics/{slug}/restore',
    need: 'admin',
    action: 'topic:restore',
    status: 200,
    prepare: () => {
      const topic = newTopic(db());
      softDelete(db(), { type: 'topic', slug: topic.slug });
      return (h) => call('POST', 'topics/[slug]/restore', { slug: topic.slug }, undefined, h);
    },
  },
  {
    name: 'POST /api/camps',
    need: 'analyst',
    action: 'camp:create',
    status: 201,
    prepare: () => {
      const { quoteId } = newQuote(db());
      const i = ++unique;
      return (h) => call('POST', 'camps', {}, { topic: 'founding-act', name: `Hold-outs ${i}`, description: 'Allies who keep the Act.', evidence: [quoteId], members: [{ actor: 'hungary', asOf: '2025-03-01', evidence: [quoteId] }] }, h);
    },
  },
  {
    name: 'POST /api/camps/{slug}/members',
    need: 'analyst',
    action: 'camp-member:create',
    status: 201,
    prepare: () => {
      const camp = newCamp(db());
      return (h) => call('POST', 'camps/[slug]/members', { slug: camp.slug }, { actor: 'slovakia', asOf: '2025-03-02', evidence: camp.evidence }, h);
    },
  },
  {
    name: 'DELETE /api/camps/{slug}',
    need: 'analyst',
    action: 'camp:delete',
    status: 200,
    prepare: () => {
      const camp = newCamp(db(), true);
      return (h) => call('DELETE', 'camps/[slug]', { slug: camp.slug }, undefined, h);
    },
  },
  {
    name: 'POST /api/camps/{slug}/restore',
    need: 'admin',
    action: 'camp:restore',
    status: 200,
    prepare: () => {
      const camp = newCamp(db(), true);
      softDelete(db(), { type: 'camp', slug: camp.slug });
      return (h) => call('POST', 'camps/[slug]/restore', { slug: camp.slug }, undefined, h);
    },
  },
  {
    name: 'DELETE /api/camps/{slug}/members/{actor}',
    need: 'analyst',
    action: 'camp-member:delete',
    status: 200,
    prepare: () => {
      const camp = newCamp(db(), true);
      return (h) => call('DELETE', 'camps/[slug]/members/[actor]', { slug: camp.slug, actor: camp.members[0]!.actor }, undefined, h);
    },
  },
  {
    name: 'POST /api/camps/{slug}/members/{actor}/restore',
    need: 'admin',
    action: 'camp-member:restore',
    status: 200,
    prepare: () => {
      const camp = newCamp(db(), true);
      softDelete(db(), { type: 'camp-member', camp: camp.slug, actor: camp.members[0]!.actor });
      return (h) => call('POST', 'camps/[slug]/members/[actor]/restore', { slug: camp.slug, actor: camp.members[0]!.actor }, undefined, h);
    },
  },
  {
    name: 'POST /api/users',
    need: 'admin',
    action: 'user:create',
    status: 201,
    prepare: () => {
      const i = ++unique;
      return (h) => call('POST', 'users', {}, { email: `new-${i}@test.example`, password: 'a long password', role: 'analyst' }, h);
    },
  },
  {
    name: 'PATCH /api/users/{id}',
    need: 'admin',
    action: 'user:update',
    status: 200,
    prepare: async () => {
      const user = await addUser(db(), `patched-${++unique}@test.example`, 'viewer');
      return (h) => call('PATCH', 'users/[id]', { id: user.id }, { role: 'analyst' }, h);
    },
  },
];

type Caller = { label: string; role: UserRole | null; door: 'api-token' | 'api-session' | null; headers: () => Record<string, string> };

const CALLERS: Caller[] = [
  { label: 'anonymous', role: null, door: null, headers: () => ({ Origin: ORIGIN }) },
  ...(['viewer', 'analyst', 'admin'] as const).flatMap((role): Caller[] => [
    { label: `${role} (token)`, role, door: 'api-token', headers: () => ({ Authorization: `Bearer ${users[role].token}` }) },
    { label: `${role} (session)`, role, door: 'api-session', headers: () => ({ Cookie: users[role].cookie, Origin: ORIGIN }) },
  ]),
];

const RANK: Record<UserRole, number> = { viewer: 0, analyst: 1, admin: 2 };
const expected = (c: Case, caller: Caller) => (caller.role === null ? 401 : RANK[caller.role] >= RANK[c.need] ? c.status : 403);
const lastAuditId = () => test.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id).all().at(-1)?.id ?? 0;

describe.each(CASES)('$name', (c) => {
  it.each(CALLERS)('$label', async (caller) => {
    const send = await c.prepare();
    const status = expected(c, caller);
    const before = dumpAllTables(test.db);
    const auditBefore = lastAuditId();
    const response = await send(caller.headers());
    const body = (await response.json()) as Record<string, unknown> & { error?: { message: string } };
    expect(response.status, JSON.stringify(body)).toBe(status);
    if (status === 401 || status === 403) {
      expect(body.error?.message).toEqual(expect.any(String));
      expect(dumpAllTables(test.db)).toEqual(before);
      return;
    }
    expect(body).toMatchObject({ id: expect.anything() });
    if (c.action.startsWith('user:')) expect(body).not.toHaveProperty('password');
    else expect(body).toMatchObject({ version: expect.any(Number) });
    const entries = test.db.select().from(auditLog).orderBy(auditLog.id).all().filter((e) => e.id > auditBefore);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({ action: c.action, who: users[caller.role!].email, role: caller.role, door: caller.door, recordId: String(body.id) });
  });
});

describe('reads that need a role', () => {
  const READS: [file: string, need: 'analyst' | 'admin'][] = [
    ['review', 'analyst'],
    ['audit', 'analyst'],
    ['users', 'admin'],
  ];
  describe.each(READS)('GET /api/%s', (file, need) => {
    it.each(CALLERS)('$label', async (caller) => {
      const response = await call('GET', file, {}, undefined, caller.headers());
      const status = caller.role === null ? 401 : RANK[caller.role] >= RANK[need] ? 200 : 403;
      expect(response.status).toBe(status);
      if (status === 200) expect(response.headers.get('cache-control')).toContain('no-store');
    });
  });
});
