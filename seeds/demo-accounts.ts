// Accounts for trying the app out, with passwords printed in the README: made only when asked
// (DEMO_ACCOUNTS=on) and only while the database has no account at all, so that a production
// database never gets a known password by accident.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { users } from '@/db/schema';
import type { UserRole } from '@/lib/domain/vocabulary';
import { createUser } from '@/lib/write/operations/accounts';
import { systemWriter } from '@/lib/write/writer';

export const DEMO_ACCOUNTS: readonly { email: string; password: string; role: UserRole; name: string }[] = [
  { email: 'analyst@example.org', password: 'standpoint-analyst', role: 'analyst', name: 'Demo Analyst' },
  { email: 'admin@example.org', password: 'standpoint-admin', role: 'admin', name: 'Demo Admin' },
  { email: 'viewer@example.org', password: 'standpoint-viewer', role: 'viewer', name: 'Demo Viewer' },
];

export function demoAccountsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['on', '1', 'true', 'yes'].includes(env.DEMO_ACCOUNTS?.trim().toLowerCase() ?? '');
}

/** Creates the demo accounts if the database has no account yet; returns the emails created. */
export async function createDemoAccounts(db: Db): Promise<string[]> {
  const existing = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (existing > 0) return [];
  const writer = systemWriter(db, 'seed');
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) created.push((await writer.writeAsync(createUser(), account)).email);
  return created;
}
