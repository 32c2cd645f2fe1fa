import 'server-only';
// Who is asking, from the request itself: an API token (Authorization: Bearer) or the session
// cookie, checked against the database. Never from anything the caller passes along.
import type { Db } from '@/db/connection';
import { getDb } from '@/db/client';
import { USER_ROLES } from '@/lib/domain/vocabulary';
import { UnauthenticatedError } from '@/lib/write/errors';
import { userPrincipal, type Principal } from '@/lib/write/principal';
import { getAuth } from './auth';
import { findTokenOwner } from './tokens';

/**
 * The principal the headers prove, or null when they carry no credentials (or a session cookie
 * that names no live session). A malformed or unknown token is refused (401) rather than read as
 * anonymous: a script that sent one expects to be someone.
 * `via` says where the request came in: a page (server component or action) or the JSON API.
 */
export async function principalFromHeaders(headers: Headers, via: 'page' | 'api', db: Db = getDb()): Promise<Principal | null> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    const owner = findTokenOwner(db, match[1]!);
    if (!owner) throw new UnauthenticatedError('The API token is unknown or has been revoked');
    return userPrincipal(owner.user, 'api-token');
  }
  if (!headers.has('cookie')) return null;
  const session = await getAuth(db).api.getSession({ headers });
  if (!session) return null;
  const role = USER_ROLES.find((r) => r === session.user.role);
  // The column's CHECK allows only the three roles; anything else is not an account we made.
  if (!role) return null;
  return userPrincipal({ id: session.user.id, email: session.user.email, role }, via === 'page' ? 'page' : 'api-session');
}
