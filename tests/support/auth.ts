// Accounts, sessions and tokens for tests of the HTTP surface: users made through the write door
// as the system, sessions by signing in through better-auth's own endpoint (as a browser or a
// script does), tokens as `npm run token:add` makes them.
import type { Db } from '@/db/connection';
import type { UserRole } from '@/lib/domain/vocabulary';
import { createToken, createUser } from '@/lib/write/operations';
import { systemWriter } from '@/lib/write/writer';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'a test password';

export type Credentials = { email: string; role: UserRole; cookie: string; token: string };

type AuthRoute = { POST: (request: Request) => Promise<Response> };

export async function addUser(db: Db, email: string, role: UserRole, password = PASSWORD) {
  return systemWriter(db, 'test').writeAsync(createUser(), { email, password, role });
}

export function addToken(db: Db, email: string): string {
  return systemWriter(db, 'test').write(createToken(), { email }).token;
}

export function signInRequest(email: string, password: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in through POST /api/auth/sign-in/email; returns the Cookie header a browser would send next. */
export async function signIn(route: AuthRoute, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<string> {
  const response = await route.POST(signInRequest(email, password, headers));
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (!cookies.some((c) => c.includes('session_token'))) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return cookies.join('; ');
}

/** A user of each role with a session cookie and an API token. */
export async function usersOfEveryRole(db: Db, route: AuthRoute): Promise<Record<UserRole, Credentials>> {
  const result = {} as Record<UserRole, Credentials>;
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    const email = `${role}@test.example`;
    await addUser(db, email, role);
    result[role] = { email, role, cookie: await signIn(route, email, PASSWORD, { 'x-standpoint-client-ip': `10.0.0.${role.length}` }), token: addToken(db, email) };
  }
  return result;
}
