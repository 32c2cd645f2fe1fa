// Which HTTP methods each route accepts, so the proxy can answer 405 with an `Allow` header.
// Next itself answers 500 for TRACE (undici cannot build a Request with it) and 405 without
// `Allow` for a method a route handler does not export.

/**
 * Methods the API route handlers export, by path (`:name` is one segment, `*` the rest). Keep in
 * step with app/api/**\/route.ts: tests/integration/route-methods.test.ts compares the two.
 */
export const API_ROUTE_METHODS: readonly { path: string; methods: readonly string[] }[] = [
  { path: '/api/auth/*', methods: ['GET', 'POST'] },
  { path: '/api/health', methods: ['GET'] },
  { path: '/api/stances', methods: ['GET', 'POST'] },
  { path: '/api/stances/:id', methods: ['PATCH', 'DELETE'] },
  { path: '/api/stances/:id/restore', methods: ['POST'] },
  { path: '/api/quotes', methods: ['GET'] },
  { path: '/api/quotes/:id', methods: ['PATCH', 'DELETE'] },
  { path: '/api/quotes/:id/accept', methods: ['POST'] },
  { path: '/api/quotes/:id/reject', methods: ['POST'] },
  { path: '/api/quotes/:id/restore', methods: ['POST'] },
  { path: '/api/sources', methods: ['GET', 'POST'] },
  { path: '/api/sources/:id', methods: ['GET', 'DELETE'] },
  { path: '/api/sources/:id/restore', methods: ['POST'] },
  { path: '/api/actors', methods: ['GET', 'POST'] },
  { path: '/api/actors/:slug', methods: ['PATCH', 'DELETE'] },
  { path: '/api/actors/:slug/restore', methods: ['POST'] },
  { path: '/api/topics', methods: ['GET', 'POST'] },
  { path: '/api/topics/:slug', methods: ['PATCH', 'DELETE'] },
  { path: '/api/topics/:slug/restore', methods: ['POST'] },
  { path: '/api/camps', methods: ['POST'] },
  { path: '/api/camps/:slug', methods: ['DELETE'] },
  { path: '/api/camps/:slug/restore', methods: ['POST'] },
  { path: '/api/camps/:slug/members', methods: ['POST'] },
  { path: '/api/camps/:slug/members/:actor', methods: ['DELETE'] },
  { path: '/api/camps/:slug/members/:actor/restore', methods: ['POST'] },
  { path: '/api/review', methods: ['GET'] },
  { path: '/api/audit', methods: ['GET'] },
  { path: '/api/users', methods: ['GET', 'POST'] },
  { path: '/api/users/:id', methods: ['PATCH'] },
];

/** Any other API path: GET reaches Next, which answers 404. */
const UNKNOWN_API_PATH = ['GET'];

function matches(template: string, pathname: string): boolean {
  const want = template.split('/');
  const have = pathname.replace(/\/+$/, '').split('/');
  if (want.at(-1) === '*') return have.length >= want.length && want.slice(0, -1).every((w, i) => w.startsWith(':') || w === have[i]);
  return want.length === have.length && want.every((w, i) => (w.startsWith(':') ? have[i] !== '' : w === have[i]));
}

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
    const route = API_ROUTE_METHODS.find((r) => matches(r.path, pathname));
    return withImplicit(route?.methods ?? UNKNOWN_API_PATH);
  }
  return isServerAction ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
}

/** Set by the proxy on every request it passes on: the path and query asked for (for sign-in's return). */
export const PATH_HEADER = 'x-standpoint-path';
