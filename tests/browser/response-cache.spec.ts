// The server keeps whole public responses until the next write: a repeated read is served from
// memory with a fresh CSP nonce, and a write from another process (here, this test, as the
// ingest command would) is visible at once in every worker.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';

const PORT = Number(process.env.BROWSER_TEST_PORT ?? 3107);
const DATABASE_PATH = join(tmpdir(), `standpoint-browser-${PORT}`, 'standpoint.db');

test('repeated reads come from the cache; a write by another process is seen by the next read', async ({ request }) => {
  const path = '/api/actors?country=AL';
  const states: string[] = [];
  for (let i = 0; i < 6; i++) states.push((await request.get(path)).headers()['x-standpoint-cache'] ?? '');
  expect(states).toContain('hit');
  expect(states.filter((s) => s === 'miss').length).toBeLessThanOrEqual(2);

  const db = new Database(DATABASE_PATH);
  try {
    db.prepare(`insert into actor_aliases (actor_id, alias, alias_key) select id, 'Shqipëria', 'shqiperia' from actors where slug = 'albania'`).run();
    // Every worker answers with the new data, from its first read after the write on (and
    // may then keep that answer until the next write).
    for (let i = 0; i < 6; i++) {
      const response = await request.get(path);
      expect(((await response.json()) as { items: { aliases: string[] }[] }).items[0]!.aliases).toContain('Shqipëria');
    }
  } finally {
    db.prepare(`delete from actor_aliases where alias_key = 'shqiperia'`).run();
    db.close();
  }
  expect(((await (await request.get(path)).json()) as { items: { aliases: string[] }[] }).items[0]!.aliases).not.toContain('Shqipëria');
});

test('a page served from the cache carries the security headers and a nonce of its own', async ({ request }) => {
  const responses = [];
  for (let i = 0; i < 4; i++) responses.push(await request.get('/topics'));
  const hits = responses.filter((r) => r.headers()['x-standpoint-cache'] === 'hit');
  expect(hits.length).toBeGreaterThan(0);
  const nonces = new Set<string>();
  for (const response of responses) {
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    nonces.add(nonce!);
    // Every script the page carries is allowed by this response's nonce, and no other.
    const body = await response.text();
    const scriptNonces = [...body.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  }
  expect(nonces.size).toBe(responses.length);
});
