// Which requests and responses the response cache may keep: public reads only. Anything that
// could differ per person (credentials, cookies) or per client-side navigation (React Server
// Component requests) goes to the app every time, and so do the paths that must see the live
// state (the health check) or belong to sign-in.
import type { IncomingMessage } from 'node:http';

const PER_CLIENT_HEADERS = ['authorization', 'cookie', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action', 'range'];
const LIVE_PATHS = ['/api/health', '/api/auth', '/_next/'];

export function cacheableRequest(request: IncomingMessage): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url ?? '';
  if (LIVE_PATHS.some((prefix) => url === prefix || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || url.startsWith(`${prefix}?`))) return false;
  return !PER_CLIENT_HEADERS.some((h) => request.headers[h] !== undefined);
}

/**
 * Only complete successes, and never one that sets a cookie. (Next marks every dynamic page
 * no-store for browsers and proxies; this cache is the server's own, emptied by every write.)
 */
export function cacheableResponse(status: number, headers: Record<string, unknown>): boolean {
  return status === 200 && headers['set-cookie'] === undefined;
}
