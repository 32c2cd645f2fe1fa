// Which HTTP methods each route accepts, so the proxy can answer 405 with an `Allow` header.
// Next itself answers 500 for TRACE (undici cannot build a Request with it) and 405 without
// `Allow` for a method a route handler does not export.

/**
 * Methods the API route handlers export, by path prefix (the first match wins). Keep in step
 * with app/api/**\/route.ts: tests/integration/methods.test.ts compares the two.
 */
export const API_ROUTE_METHODS: readonly { prefix: string; methods: readonly string[] }[] = [{ prefix: '/api/', methods: ['GET'] }];

/** Next answers HEAD for every GET handler, and OPTIONS for every route handler. */
function withImplicit(methods: readonly string[]): string[] {
  const all = new Set(methods);
  if (all.has('GET')) all.add('HEAD');
  all.add('OPTIONS');
  return [...all];
}

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/**
 * The methods a request to `pathname` may use. Pages (and static files) answer GET and HEAD;
 * a POST that carries Next's `Next-Action` header is a Server Action and is let through too.
 */
export function allowedMethods(pathname: string, isServerAction: boolean): string[] {
  if (isApiPath(pathname)) {
    const route = API_ROUTE_METHODS.find((r) => pathname.startsWith(r.prefix));
    return withImplicit(route?.methods ?? []);
  }
  return isServerAction ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
}
