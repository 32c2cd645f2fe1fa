// Cross-site request forgery: a browser sends the session cookie with any request to the app,
// whichever site made it, but it also says which site that was (Origin, Sec-Fetch-Site). A
// cookie-authenticated write is refused unless it comes from the app's own origin or one listed in
// TRUSTED_ORIGINS. A request without Origin is not a browser's cross-site request (browsers send
// Origin with every POST, PATCH and DELETE), so scripts holding a session cookie still work.
import { ForbiddenError } from '@/lib/write/errors';
import { trustedOrigins } from './config';

/** The host the request was sent to, as the client named it. */
function ownHost(headers: Headers, url: string): string {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || new URL(url).host;
}

/** Throws ForbiddenError (403) for a cookie-authenticated write from another site. */
export function assertSameOrigin(headers: Headers, url: string, env: NodeJS.ProcessEnv = process.env): void {
  const origin = headers.get('origin');
  if (origin === null) {
    if (headers.get('sec-fetch-site') === 'cross-site') throw new ForbiddenError('Refused: a write from another site (Sec-Fetch-Site: cross-site)');
    return;
  }
  if (origin === 'null') throw new ForbiddenError('Refused: a write from an opaque origin (Origin: null)');
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new ForbiddenError(`Refused: Origin ${JSON.stringify(origin.slice(0, 100))} is not an origin`);
  }
  if (parsed.host === ownHost(headers, url) || trustedOrigins(env).includes(parsed.origin)) return;
  throw new ForbiddenError(`Refused: a write from another site (${parsed.origin}); cookie-authenticated writes must come from this app's own pages`);
}
