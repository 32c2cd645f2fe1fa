import 'server-only';
// Who may read. With PUBLIC_READ on (the default), anyone reads the public listings and pages;
// off, reading needs a signed-in account (any role) or an API token. The review queue and the
// audit log need an analyst or admin, the user list an admin, whatever PUBLIC_READ says.
import { PATH_HEADER } from '@/edge/methods';
import { ForbiddenError, UnauthenticatedError } from '@/lib/write/errors';
import type { Principal } from '@/lib/write/principal';
import { publicRead } from './config';
import { principalFromHeaders } from './principal';

export type ReadAccess = 'public' | 'analyst' | 'admin';

const ALLOWED: Record<Exclude<ReadAccess, 'public'>, readonly Principal['role'][]> = {
  analyst: ['analyst', 'admin', 'system'],
  admin: ['admin', 'system'],
};

/** The reader, checked for `access`: throws 401 (nobody, where somebody is needed) or 403 (wrong role). */
export async function checkReader(headers: Headers, access: ReadAccess, via: 'page' | 'api'): Promise<Principal | null> {
  const principal = await principalFromHeaders(headers, via);
  if (access === 'public') {
    if (!principal && !publicRead()) throw new UnauthenticatedError('Reading needs an account here: sign in, or send an API token');
    return principal;
  }
  if (!principal) throw new UnauthenticatedError();
  if (!ALLOWED[access].includes(principal.role)) throw new ForbiddenError(`${principal.email ?? principal.id} (${principal.role}) may not read this: it needs ${access === 'admin' ? 'an admin' : 'an analyst or admin'}`);
  return principal;
}

/** For JSON routes: the reader of `request`, or throws 401/403 (mapped by app/api/_http/errors.ts). */
export function checkApiReader(request: Request, access: ReadAccess = 'public'): Promise<Principal | null> {
  return checkReader(request.headers, access, 'api');
}

/**
 * For pages (server components): the signed-in person or null, after the read check. When reading
 * needs an account and there is none, or the role falls short, the reader goes to /sign-in.
 */
export async function guardPage(access: ReadAccess = 'public', returnTo?: string): Promise<Principal | null> {
  const { headers } = await import('next/headers');
  const { redirect } = await import('next/navigation');
  const list = new Headers(await headers());
  try {
    return await checkReader(list, access, 'page');
  } catch (error) {
    if (error instanceof UnauthenticatedError || error instanceof ForbiddenError) {
      const next = returnTo ?? list.get(PATH_HEADER) ?? '/';
      redirect(`/sign-in?next=${encodeURIComponent(next)}${error instanceof ForbiddenError ? '&denied=1' : ''}`);
    }
    throw error;
  }
}

/** Pages anyone may open whatever PUBLIC_READ says. */
const OPEN_PAGES = ['/sign-in'];

/**
 * The root layout's check, run for every page: with PUBLIC_READ off, an anonymous reader of any
 * page but /sign-in is sent there. Returns the signed-in person, or null.
 */
export async function guardLayout(): Promise<Principal | null> {
  const { headers } = await import('next/headers');
  const path = (await headers()).get(PATH_HEADER) ?? '/';
  const pathname = path.split('?')[0]!;
  if (OPEN_PAGES.some((open) => pathname === open || pathname.startsWith(`${open}/`))) return currentPrincipal();
  return guardPage('public', path);
}

/** The signed-in person of a page, or null; no check (for showing or hiding edit controls). */
export async function currentPrincipal(): Promise<Principal | null> {
  const { headers } = await import('next/headers');
  try {
    return await principalFromHeaders(new Headers(await headers()), 'page');
  } catch {
    return null;
  }
}
