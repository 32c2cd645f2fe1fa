// The edge in process: proxy() on NextRequests, and the TRACE guard on a real HTTP server
// (Next cannot hand TRACE to the proxy, see edge/untranslatable-methods.ts).
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installForbiddenMethodGuard } from '@/edge/untranslatable-methods';
import { proxy } from '@/proxy';

function expectSecurityHeaders(get: (name: string) => string | null | undefined): void {
  expect(get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[^']+' 'strict-dynamic'; /);
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(get('x-frame-options')).toBe('DENY');
}

describe('proxy()', () => {
  const call = (method: string, path: string, headers: Record<string, string> = {}) =>
    proxy(new NextRequest(`http://localhost${path}`, { method, headers }));

  it('passes a good request on, with the policy on the response and on the request Next renders', () => {
    const response = call('GET', '/quotes?country=HU');
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expectSecurityHeaders((n) => response.headers.get(n));
    // Next renders with the request headers the proxy set; it reads the nonce from this one.
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(response.headers.get('content-security-policy'));
  });

  it('a new nonce per request', () => {
    const nonce = () => /'nonce-([^']+)'/.exec(call('GET', '/').headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce()).not.toBe(nonce());
  });

  it('an undecodable page path: the not-found page, logged in one line', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const response = call('GET', '/sources/%zz');
      expect(new URL(response.headers.get('x-middleware-rewrite') ?? '').pathname).toBe('/_not-found');
      expectSecurityHeaders((n) => response.headers.get(n));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]).toEqual(['404 GET /sources/%zz: path segment "%zz" is not valid percent-encoded UTF-8']);
    } finally {
      warn.mockRestore();
    }
  });

  it('an undecodable API path: 400 in the API error shape', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const response = call('GET', '/api/sources/%ED%A0%80');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { status: 400, message: 'Bad path: a segment is not valid percent-encoded UTF-8' } });
      expectSecurityHeaders((n) => response.headers.get(n));
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    ['DELETE', '/api/quotes', 'GET, HEAD, OPTIONS'],
    ['POST', '/api/health', 'GET, HEAD, OPTIONS'],
    ['PUT', '/quotes', 'GET, HEAD'],
    ['POST', '/quotes', 'GET, HEAD'],
  ])('%s %s: 405 with Allow: %s', (method, path, allow) => {
    const response = call(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expectSecurityHeaders((n) => response.headers.get(n));
  });

  it('lets a Server Action (POST with Next-Action) through to the page', () => {
    expect(call('POST', '/quotes', { 'next-action': 'abc' }).headers.get('x-middleware-next')).toBe('1');
  });
});

describe('installForbiddenMethodGuard', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    installForbiddenMethodGuard();
    server = createServer((_req, res) => res.end('from the app'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (method: string, path: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it.each([
    ['/api/quotes', 'GET, HEAD, OPTIONS'],
    ['/quotes', 'GET, HEAD'],
  ])('TRACE %s answers 405 with Allow: %s before the app sees it', async (path, allow) => {
    const response = await send('TRACE', path);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(JSON.parse(response.body)).toEqual({ error: { status: 405, message: 'Method TRACE is not allowed here' } });
    expectSecurityHeaders((n) => response.headers[n] as string | undefined);
  });

  it('leaves every other method to the app', async () => {
    for (const method of ['GET', 'POST', 'DELETE', 'OPTIONS']) expect((await send(method, '/api/quotes')).body).toBe('from the app');
  });
});
