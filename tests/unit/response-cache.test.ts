// The server's response cache: entries from before a write are never served, memory is bounded,
// every served page gets a fresh CSP nonce, and only public reads are kept.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cacheableRequest, cacheableResponse } from '@/server/cacheable';
import { nonceOf, RendersUnderWay, ResponseCache, withFreshNonce, type StoredResponse } from '@/server/response-cache';

const page = (body: string, nonce: string | null = null): StoredResponse => ({
  status: 200,
  headers: [
    ['content-type', 'text/html; charset=utf-8'],
    ...(nonce ? ([['content-security-policy', `script-src 'self' 'nonce-${nonce}'; frame-ancestors 'none'`]] as [string, string][]) : []),
  ],
  body: Buffer.from(body),
  nonce,
});

describe('ResponseCache', () => {
  it('serves an entry only while the data token is the one it was stored with', () => {
    const cache = new ResponseCache(1000, 1000);
    cache.set('/a', 't1', page('A'));
    expect(cache.get('/a', 't1')?.body.toString()).toBe('A');
    expect(cache.get('/a', 't2')).toBeUndefined();
    // A stale entry is dropped, not kept for later.
    expect(cache.get('/a', 't1')).toBeUndefined();
  });

  it('keeps its bytes under the limit, dropping the least recently used', () => {
    const cache = new ResponseCache(10, 10);
    cache.set('/a', 't', page('aaaa'));
    cache.set('/b', 't', page('bbbb'));
    cache.get('/a', 't');
    cache.set('/c', 't', page('cccc'));
    expect(cache.get('/b', 't')).toBeUndefined();
    expect(cache.get('/a', 't')).toBeDefined();
    expect(cache.get('/c', 't')).toBeDefined();
    cache.set('/big', 't', page('x'.repeat(11)));
    expect(cache.get('/big', 't')).toBeUndefined();
  });

  it('serves a stored page with a fresh nonce, in the body and the CSP header', () => {
    const stored = page('<script nonce="OLDnonce123==">x</script><script nonce="OLDnonce123==">y</script>', 'OLDnonce123==');
    expect(nonceOf(stored.headers)).toBe('OLDnonce123==');
    const first = withFreshNonce(stored);
    const second = withFreshNonce(stored);
    const fresh = nonceOf(first.headers)!;
    expect(fresh).not.toBe('OLDnonce123==');
    expect(nonceOf(second.headers)).not.toBe(fresh);
    expect(first.body.toString()).toBe(`<script nonce="${fresh}">x</script><script nonce="${fresh}">y</script>`);
    expect(first.body.toString()).not.toContain('OLDnonce123==');
  });
});

const request = (url: string, method = 'GET', headers: Record<string, string> = {}) => ({ url, method, headers }) as unknown as IncomingMessage;

describe('what may be cached', () => {
  it.each([
    ['/', true],
    ['/stances?country=HU', true],
    ['/api/quotes?limit=100', true],
    ['/api/health', false],
    ['/api/health?x=1', false],
    ['/api/auth/sign-in/email', false],
    ['/_next/static/chunk.js', false],
  ])('GET %s → %s', (url, expected) => {
    expect(cacheableRequest(request(url))).toBe(expected);
  });

  it.each([['POST'], ['PATCH'], ['DELETE']])('never a %s', (method) => {
    expect(cacheableRequest(request('/stances', method))).toBe(false);
  });

  it.each([['authorization'], ['cookie'], ['rsc'], ['next-router-state-tree'], ['next-action'], ['range']])('never a request with %s', (header) => {
    expect(cacheableRequest(request('/stances', 'GET', { [header]: 'x' }))).toBe(false);
  });

  it('keeps only complete successes that set no cookie', () => {
    expect(cacheableResponse(200, {})).toBe(true);
    expect(cacheableResponse(404, {})).toBe(false);
    expect(cacheableResponse(500, {})).toBe(false);
    expect(cacheableResponse(200, { 'set-cookie': 'a=b' })).toBe(false);
  });
});

describe('RendersUnderWay', () => {
  it('lets a request join the render of the same page at the same data token, until it ends', async () => {
    const renders = new RendersUnderWay<string>();
    expect(renders.join('/a', 't1')).toBeUndefined();
    const finish = renders.start('/a', 't1');
    const joined = renders.join('/a', 't1');
    expect(joined).toBeDefined();
    expect(renders.join('/a', 't2')).toBeUndefined();
    expect(renders.join('/b', 't1')).toBeUndefined();
    finish('page');
    expect(await joined).toBe('page');
    expect(renders.join('/a', 't1')).toBeUndefined();
    finish(null);
    expect(await joined).toBe('page');
  });

  it('a newer render of the same page is not ended by the older one finishing', () => {
    const renders = new RendersUnderWay<string>();
    const older = renders.start('/a', 't1');
    renders.start('/a', 't2');
    older(null);
    expect(renders.join('/a', 't2')).toBeDefined();
  });
});
