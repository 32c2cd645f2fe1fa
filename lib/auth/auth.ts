import 'server-only';
// Sign-in, by better-auth: email and password (scrypt-hashed), sessions in the database behind an
// http-only cookie, sign-in rate-limited per client address with the counters in the database (so
// every server worker shares them). Accounts are made by admins (POST /api/users, npm run
// user:add), never by signing up. The instance is made once per database connection.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { getDb } from '@/db/client';
import type { Db } from '@/db/connection';
import { accounts, rateLimits, sessions, users, verifications } from '@/db/schema';
import { USER_ROLES } from '@/lib/domain/vocabulary';
import { CLIENT_IP_HEADER, configuredBaseUrl, ownOrigins, trustedOrigins } from './config';
import { authSecret } from './secret';

/** Sign-in attempts allowed per client address and window; beyond them, 429 until the window passes. */
export const SIGN_IN_LIMIT = { window: 60, max: 5 };

function createAuth(db: Db) {
  const baseUrl = configuredBaseUrl();
  return betterAuth({
    appName: 'Standpoint',
    // Unset, the origin is taken from each request (a fresh clone on localhost works as it is).
    baseURL: baseUrl?.toString(),
    basePath: '/api/auth',
    secret: authSecret(db),
    // The app's own origin is the one the browser addressed (its Host header): a cross-site page
    // makes the browser send its own Origin with our Host, and is refused. Plus TRUSTED_ORIGINS.
    trustedOrigins: (request) => [...(request ? ownOrigins(request.headers) : []), ...trustedOrigins()],
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        role: { type: [...USER_ROLES], required: false, defaultValue: 'viewer', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': SIGN_IN_LIMIT },
    },
    advanced: {
      // Secure cookies exactly when the app says it is served over https.
      useSecureCookies: baseUrl?.protocol === 'https:',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    // Last, as better-auth asks: sets the session cookie when a server action signs in.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const instances = new WeakMap<object, Auth>();

export function getAuth(db: Db = getDb()): Auth {
  let auth = instances.get(db.$client);
  if (!auth) {
    auth = createAuth(db);
    instances.set(db.$client, auth);
  }
  return auth;
}
