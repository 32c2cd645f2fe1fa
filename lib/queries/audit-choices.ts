import 'server-only';
// The choices of the audit log's filter form: the accounts that can appear in it.
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Db } from '@/db/sqlite/connection';
import { users } from '@/db/schema';

export function auditUserChoices(db: Db = getDb()): { id: string; email: string; role: string }[] {
  return db.select({ id: users.id, email: users.email, role: users.role }).from(users).orderBy(asc(users.email)).all();
}
