// The request edge's pure parts: which path segments cannot be decoded, which methods a route
// accepts, and the security policy itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedMethods, isApiPath } from '@/edge/methods';
import { malformedSegment } from '@/edge/path';
import { contentSecurityPolicy, newNonce } from '@/edge/security-headers';

describe('malformedSegment', () => {
  it.each([
    ['/sources/%zz', '%zz'],
    ['/api/sources/%zz', '%zz'],
    ['/topics/%ED%A0%80', '%ED%A0%80'], // a lone surrogate, UTF-8 encoded
    ['/actors/%E2%82', '%E2%82'], // truncated three-byte sequence
    ['/actors/%FF', '%FF'], // never valid in UTF-8
    ['/x/%', '%'],
    ['/x/a%2', 'a%2'],
    ['/ok/%41/then%zz', 'then%zz'],
  ])('%s: %j cannot be decoded', (path, segment) => {
    expect(malformedSegment(path)).toBe(segment);
  });

  it.each(['/', '/sources/1', '/topics/new-russia-strategy', '/actors/%C3%A9', '/x/%E2%82%AC', '/a%20b/%2F', '/api/quotes'])('%s decodes', (path) => {
    expect(malformedSegment(path)).toBeNull();
  });

  it('accepts any percent-encoded text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }), (segments) => {
        expect(malformedSegment(`/${segments.map(encodeURIComponent).join('/')}`)).toBeNull();
      }),
    );
  });

  it('flags a % that is not followed by two hex digits (property)', () => {
    const notHex = fc.constantFrom('g', 'z', 'G', '-', '%', '');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '1', '-') }), notHex, (prefix, after) => {
        expect(malformedSegment(`/x/${prefix}%${after}`)).not.toBeNull();
      }),
    );
  });
});

describe('allowedMethods', () => {
  it('API routes: what the handlers export, plus HEAD and OPTIONS that Next adds', () => {
    expect(allowedMethods('/api/quotes', false)).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/sources/1', true)).toEqual(['GET', 'DELETE', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/quotes/7/accept', false)).toEqual(['POST', 'OPTIONS']);
    expect(allowedMethods('/api/camps/hawks/members/orban/restore', false)).toEqual(['POST', 'OPTIONS']);
    expect(allowedMethods('/api/auth/sign-in/email', false)).toEqual(['GET', 'POST', 'HEAD', 'OPTIONS']);
  });

  it('an API path no route answers: GET goes on to the 404', () => {
    expect(allowedMethods('/api/nothing/here', false)).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/quotes/7/accept/more', false)).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('pages: GET and HEAD, and POST only for a Server Action', () => {
    expect(allowedMethods('/quotes', false)).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/quotes', true)).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/_next/static/chunks/a.js', false)).toEqual(['GET', 'HEAD']);
  });

  it.each([
    ['/api', true],
    ['/api/', true],
    ['/api/quotes', true],
    ['/apis', false],
    ['/quotes/api', false],
  ])('isApiPath(%s) is %s', (path, expected) => {
    expect(isApiPath(path)).toBe(expected);
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows scripts by nonce only, and frames, plugins, base and form targets not at all beyond self', () => {
    const policy = directives(contentSecurityPolicy('abc123==', { dev: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it("allows inline style attributes (charts) but never 'unsafe-inline' scripts", () => {
    const policy = directives(contentSecurityPolicy('n', { dev: true }));
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).toContain("'unsafe-eval'"); // dev only: React's error overlay
    expect(directives(contentSecurityPolicy('n', { dev: false })).get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('nonces are 128 random bits in base64, different each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
