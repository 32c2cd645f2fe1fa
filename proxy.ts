// The edge of the app: runs before every route (pages, API, static files). It answers what Next
// itself gets wrong (undecodable paths, unsupported methods) and puts the security headers on
// every response, with a per-request CSP nonce for the scripts Next inlines.
import { NextResponse, type NextRequest } from 'next/server';
import { allowedMethods, isApiPath, PATH_HEADER } from '@/edge/methods';
import { malformedSegment } from '@/edge/path';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from '@/edge/security-headers';

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const api = isApiPath(pathname);
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development' });

  // An undecodable path names nothing, whatever the method: checked before the method.
  const bad = malformedSegment(pathname);
  if (bad !== null) {
    // One line, no stack: a client error, not a fault of the app.
    console.warn(`${api ? 400 : 404} ${request.method} ${pathname.slice(0, 200)}: path segment ${JSON.stringify(bad.slice(0, 100))} is not valid percent-encoded UTF-8`);
    if (api) return secured(apiError(400, 'Bad path: a segment is not valid percent-encoded UTF-8'), csp);
    // A page address that cannot be decoded names nothing: the app's own not-found page, 404.
    return secured(NextResponse.rewrite(new URL('/_not-found', request.url)), csp);
  }

  const allow = allowedMethods(pathname, request.headers.has('next-action'));
  if (!allow.includes(request.method)) {
    return secured(
      api
        ? apiError(405, `Method ${request.method} is not allowed here`)
        : new NextResponse(`Method ${request.method} is not allowed here.\n`, { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
      csp,
      { Allow: allow.join(', ') },
    );
  }

  // Next reads the nonce from the request's CSP header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  // The page guard (lib/auth/guard.ts) sends a reader who must sign in back here afterwards.
  requestHeaders.set(PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  return secured(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

function apiError(status: number, message: string): NextResponse {
  // The API's error shape (lib/api.ts), built here because the proxy must not load the data layer.
  return NextResponse.json({ error: { status, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

function secured(response: NextResponse, csp: string, extra: Record<string, string> = {}): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries({ ...STATIC_SECURITY_HEADERS, ...extra })) response.headers.set(name, value);
  return response;
}
