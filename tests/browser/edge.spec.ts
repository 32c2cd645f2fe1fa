// The request edge (proxy.ts and edge/), against the built app: undecodable paths answer
// 400/404 and are logged in one line, unsupported methods answer 405 with Allow, the image
// optimizer is off, and every kind of response carries the security headers.
import { expect, test } from '@playwright/test';
import { rawRequest, type RawResponse } from './raw-http';
import { seededDatabase, startOwnApp } from './own-app';

const MALFORMED = [
  { path: '/sources/%zz', status: 404 },
  { path: '/actors/%zz', status: 404 },
  { path: '/topics/%ED%A0%80', status: 404 }, // UTF-8 for a lone surrogate
  { path: '/sources/%E2%82', status: 404 }, // truncated sequence
  { path: '/api/sources/%zz', status: 400 },
  { path: '/api/quotes/%', status: 400 },
] as const;

function header(response: RawResponse, name: string): string {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function expectSecurityHeaders(response: RawResponse, what: string): void {
  const csp = header(response, 'content-security-policy');
  expect(csp, `${what}: Content-Security-Policy`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
  const scriptSrc = /script-src [^;]*/.exec(csp)?.[0] ?? '';
  expect(scriptSrc, what).not.toContain('unsafe-inline');
  expect(scriptSrc, what).not.toContain('unsafe-eval');
  for (const directive of ["frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'", "form-action 'self'"]) {
    expect(csp, `${what}: ${directive}`).toContain(directive);
  }
  expect(header(response, 'x-content-type-options'), what).toBe('nosniff');
  expect(header(response, 'referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(header(response, 'x-frame-options'), what).toBe('DENY');
}

test.describe('malformed percent-encoding in the path', () => {
  for (const { path, status } of MALFORMED) {
    test(`${path} answers ${status}`, async ({ baseURL }) => {
      const response = await rawRequest(baseURL!, 'GET', path);
      expect(response.status, response.body.slice(0, 300)).toBe(status);
      expectSecurityHeaders(response, path);
      if (status === 400) {
        expect(header(response, 'content-type')).toContain('application/json');
        expect(JSON.parse(response.body)).toEqual({ error: { status: 400, message: expect.stringContaining('percent-encoded') } });
      } else {
        // The app's own not-found page, with its navigation.
        expect(response.body).toContain('<h1 class="text-2xl font-bold">Not found</h1>');
      }
    });
  }

  test('each is logged once, in one line, without a stack trace', async () => {
    const database = seededDatabase();
    const app = await startOwnApp(database.path);
    try {
      const before = app.log().split('\n').length;
      for (const { path } of MALFORMED) await rawRequest(app.baseURL, 'GET', path);
      await expect.poll(() => app.log().split('\n').filter((l) => l.includes('not valid percent-encoded')).length).toBe(MALFORMED.length);
      const lines = app.log().split('\n').slice(before - 1).filter((l) => l.trim() !== '');
      for (const { path } of MALFORMED) {
        expect(lines.filter((l) => l.includes(` ${path}:`)), `log lines for ${path}:\n${lines.join('\n')}`).toHaveLength(1);
      }
      expect(lines.join('\n')).not.toMatch(/^\s+at |Error:|⨯/m);
      expect(lines).toHaveLength(MALFORMED.length);
    } finally {
      await app.stop();
      database.cleanup();
    }
  });
});

test.describe('unsupported methods', () => {
  for (const { method, path, allow } of [
    { method: 'TRACE', path: '/api/quotes', allow: 'GET, HEAD, OPTIONS' },
    { method: 'TRACE', path: '/api/sources/1', allow: 'GET, DELETE, HEAD, OPTIONS' },
    { method: 'TRACE', path: '/quotes', allow: 'GET, HEAD' },
    { method: 'DELETE', path: '/api/stances', allow: 'GET, POST, HEAD, OPTIONS' },
    { method: 'GET', path: '/api/quotes/7/accept', allow: 'POST, OPTIONS' },
    { method: 'POST', path: '/api/health', allow: 'GET, HEAD, OPTIONS' },
    { method: 'PUT', path: '/stances', allow: 'GET, HEAD' },
    { method: 'PROPFIND', path: '/api/topics', allow: 'GET, POST, HEAD, OPTIONS' },
  ]) {
    test(`${method} ${path} answers 405 with Allow: ${allow}`, async ({ baseURL }) => {
      const response = await rawRequest(baseURL!, method, path);
      expect(response.status, response.body.slice(0, 300)).toBe(405);
      expect(header(response, 'allow')).toBe(allow);
      expectSecurityHeaders(response, `${method} ${path}`);
    });
  }

  test('the methods in Allow do work: HEAD and OPTIONS on the API, HEAD on a page', async ({ baseURL }) => {
    expect((await rawRequest(baseURL!, 'HEAD', '/api/quotes')).status).toBe(200);
    const options = await rawRequest(baseURL!, 'OPTIONS', '/api/quotes');
    expect(options.status).toBe(204);
    expect(header(options, 'allow')).toBe('GET, HEAD, OPTIONS');
    expect((await rawRequest(baseURL!, 'HEAD', '/quotes')).status).toBe(200);
  });
});

test('the image optimizer is off: /_next/image answers 404', async ({ baseURL }) => {
  for (const url of ['/_next/image?url=%2Ffavicon.ico&w=64&q=75', '/_next/image?url=https%3A%2F%2Fexample.com%2Fa.png&w=64&q=75']) {
    const response = await rawRequest(baseURL!, 'GET', url);
    expect(response.status, url).toBe(404);
    expectSecurityHeaders(response, url);
  }
});

test('every kind of response carries the security headers', async ({ baseURL }) => {
  const home = await rawRequest(baseURL!, 'GET', '/');
  expect(home.status).toBe(200);
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(home.body)?.[1];
  const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(home.body)?.[1];
  expect(script, 'a script in the home page').toBeDefined();
  expect(stylesheet, 'a stylesheet in the home page').toBeDefined();
  for (const [what, path, status] of [
    ['page', '/', 200],
    ['page with filters', '/stances?country=HU&country=SK', 200],
    ['JSON', '/api/quotes?limit=1', 200],
    ['CSV', '/api/stances?format=csv', 200],
    ['health', '/api/health', 200],
    ['static script', script!, 200],
    ['static stylesheet', stylesheet!, 200],
    ['not-found page', '/no-such-page', 404],
    ['unknown record', '/sources/999999', 404],
    ['API 404', '/api/sources/999999', 404],
    ['API 400', '/api/quotes?limit=0', 400],
  ] as const) {
    const response = await rawRequest(baseURL!, 'GET', path);
    expect(response.status, `${what} ${path}`).toBe(status);
    expectSecurityHeaders(response, `${what} ${path}`);
  }
});

test('each page gets its own nonce, and every script in it carries that nonce', async ({ baseURL }) => {
  const nonces = new Set<string>();
  for (const path of ['/', '/', '/quotes', '/sources/2']) {
    const response = await rawRequest(baseURL!, 'GET', path);
    const nonce = /'nonce-([^']+)'/.exec(header(response, 'content-security-policy'))?.[1];
    expect(nonce, path).toBeDefined();
    nonces.add(nonce!);
    const scripts = response.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(4);
});
