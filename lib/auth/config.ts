// Settings of sign-in and reading, from the environment. Kept free of 'server-only' so that the
// command-line tools and the production server read them the same way.

/** Readers need no account unless PUBLIC_READ is "off" (or false/0/no). Default on. */
export function publicRead(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.PUBLIC_READ?.trim().toLowerCase();
  return !value || !['off', 'false', '0', 'no'].includes(value);
}

/** The app's own address, when configured (BETTER_AUTH_URL): cookies are `Secure` when it is https. */
export function configuredBaseUrl(env: NodeJS.ProcessEnv = process.env): URL | null {
  const value = env.BETTER_AUTH_URL?.trim();
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    throw new Error(`BETTER_AUTH_URL is not a URL: ${JSON.stringify(value)}`);
  }
}

/** Other origins allowed to send cookie-authenticated writes (comma-separated TRUSTED_ORIGINS). */
export function trustedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = (env.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => new URL(s).origin);
  const base = configuredBaseUrl(env);
  return base ? [base.origin, ...list] : list;
}

/** The request's own host, as the client addressed it, in both schemes (the scheme is the proxy's business). */
export function ownOrigins(headers: Headers): string[] {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return host ? [`http://${host}`, `https://${host}`] : [];
}

/**
 * The request header that carries the client's address, for rate limiting sign-in. The
 * production server (server/index.ts) sets it from the socket and drops any value a client sent,
 * so that nobody escapes the limit by inventing addresses.
 */
export const CLIENT_IP_HEADER = 'x-standpoint-client-ip';
