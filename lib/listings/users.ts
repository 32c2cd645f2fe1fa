import 'server-only';
// Accounts, for admins: who may sign in, with which role, and how many live API tokens each has.
import { inArray, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { USER_ROLES, type UserRole } from '@/lib/domain/vocabulary';
import type { ListingSpec } from '@/lib/listing/types';
import { orList } from '@/lib/listing/values';

export type UserItem = { id: string; email: string; name: string; role: UserRole; createdAt: string; liveTokens: number };

type Row = Omit<UserItem, 'createdAt'> & { createdAt: Date };

export const userListing = {
  name: 'users',
  noun: ['user', 'users'],
  filters: {
    role: {
      label: 'Role',
      many: true,
      parse: (raw: string) => ((USER_ROLES as readonly string[]).includes(raw) ? { ok: true as const, value: raw as UserRole } : { ok: false as const, message: `${JSON.stringify(raw)} is not a role (${USER_ROLES.join(', ')})` }),
      format: (v: UserRole) => v,
      where: (roles: readonly UserRole[]) => inArray(users.role, [...roles]),
      describe: (names: readonly string[]) => `Role is ${orList(names)}`,
    },
  },
  sorts: {
    email: { label: 'Email', keys: [sql`${users.email}`], index: 'users_email_unique' },
  },
  defaultSort: { key: 'email', descending: false },
  columns: {
    id: users.id,
    email: users.email,
    name: users.name,
    role: users.role,
    createdAt: users.createdAt,
    liveTokens: sql<number>`(select count(*) from api_tokens t where t.user_id = "users"."id" and t.revoked_at is null)`,
  },
  base: (db, fields) => db.select(fields).from(users).$dynamic(),
  toItem: (row: Row): UserItem => ({ ...row, createdAt: row.createdAt.toISOString() }),
  csv: [
    { header: 'id', value: (u) => u.id },
    { header: 'email', value: (u) => u.email },
    { header: 'name', value: (u) => u.name },
    { header: 'role', value: (u) => u.role },
    { header: 'createdAt', value: (u) => u.createdAt },
    { header: 'liveTokens', value: (u) => u.liveTokens },
  ],
  defaultLimit: { page: 100, api: 100 },
} satisfies ListingSpec<Row, UserItem, any>;
