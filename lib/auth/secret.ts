// The key better-auth signs cookies with: BETTER_AUTH_SECRET when set, else a random key made by
// a migration and kept in the database's settings, so that a fresh clone signs people in without
// any configuration and sessions survive restarts.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { settings } from '@/db/schema';

export function authSecret(db: Db, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.BETTER_AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters long');
    return configured;
  }
  const stored = db.select({ value: settings.value }).from(settings).where(eq(settings.name, 'auth_secret')).get()?.value;
  if (!stored) throw new Error('The database has no auth secret: apply the migrations (npm run prepare-db)');
  return stored;
}
