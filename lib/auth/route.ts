import 'server-only';
// better-auth's endpoints under /api/auth (sign-in/email, sign-out, get-session, …), with every
// refused sign-in logged in one line: the email tried, the client address, the status and why,
// never the password.
import { getAuth } from './auth';
import { CLIENT_IP_HEADER } from './config';

export type SignInFailure = { event: 'sign-in-failed'; email: string | null; ip: string | null; status: number; reason: string };

const REASONS: Record<number, string> = {
  400: 'malformed request',
  401: 'wrong email or password',
  403: 'refused (origin or account)',
  429: 'too many attempts (rate limited)',
};

async function emailOf(request: Request): Promise<string | null> {
  try {
    const body = (await request.json()) as { email?: unknown };
    return typeof body.email === 'string' ? body.email.slice(0, 200) : null;
  } catch {
    return null;
  }
}

export async function describeFailedSignIn(request: Request, status: number): Promise<SignInFailure> {
  return {
    event: 'sign-in-failed',
    email: await emailOf(request),
    ip: request.headers.get(CLIENT_IP_HEADER) ?? request.headers.get('x-forwarded-for'),
    status,
    reason: REASONS[status] ?? 'refused',
  };
}

export async function authHandler(request: Request): Promise<Response> {
  const signIn = request.method === 'POST' && new URL(request.url).pathname.startsWith('/api/auth/sign-in/');
  // Read from a copy after the fact, and only for a failure: the handler reads the original.
  const copy = signIn ? request.clone() : null;
  const response = await getAuth().handler(request);
  if (copy && response.status >= 400) console.warn(JSON.stringify(await describeFailedSignIn(copy, response.status)));
  return response;
}
