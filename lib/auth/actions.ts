import 'server-only';
// Signing in and out from the app's own pages (server actions of /sign-in and the header). Sign-in
// goes through better-auth's HTTP endpoint, as a script's would, so that the same rate limit and
// the same log of failed attempts apply; the session cookie it sets is passed on to the browser.
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { CLIENT_IP_HEADER } from './config';
import { authHandler } from './route';
import { getAuth } from './auth';

export type SignInResult = { ok: true } | { ok: false; status: number; message: string };

/** Where to go after signing in: a path of this app only (never another site). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const { cookies, headers } = await import('next/headers');
  const incoming = await headers();
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host') ?? 'localhost';
  const origin = `${incoming.get('x-forwarded-proto') ?? 'http'}://${host}`;
  const forwarded: Record<string, string> = { 'Content-Type': 'application/json', Origin: origin };
  for (const name of [CLIENT_IP_HEADER, 'user-agent']) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  const response = await authHandler(new Request(`${origin}/api/auth/sign-in/email`, { method: 'POST', headers: forwarded, body: JSON.stringify({ email, password }) }));
  if (!response.ok) {
    const message =
      response.status === 429
        ? 'Too many sign-in attempts from here: wait a minute and try again'
        : response.status === 400
          ? 'Enter an email address and a password'
          : 'The email or the password is wrong';
    return { ok: false, status: response.status, message };
  }
  const jar = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(response.headers.getSetCookie().join(', '))) {
    const options = toCookieOptions(attributes);
    jar.set(name, attributes.value, { ...options, sameSite: options.sameSite as 'lax' | 'strict' | 'none' | undefined });
  }
  return { ok: true };
}

/** Ends the current session (in the database and the browser). */
export async function signOutCurrent(): Promise<void> {
  const { headers } = await import('next/headers');
  // The nextCookies plugin (lib/auth/auth.ts) clears the cookie in the action's response.
  await getAuth().api.signOut({ headers: await headers() });
}
