// Accounts and API tokens, through the same door as data: an admin (or the command line) creates
// users and tokens, and every change is in the audit log (without passwords or tokens).
import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, apiTokens, sessions, users } from '@/db/schema';
import { generateToken, hashToken } from '@/lib/auth/tokens';
import { recordAudit } from '../audit';
import { NotFoundError } from '../errors';
import { userCreateInput, userPatchInput } from '../inputs';
import { userRecord, type UserRecord } from '../records';
import { checkRight } from '../store';
import type { ReadTx } from '../tx';
import type { WriteSpec } from '../writer';

/** POST /api/users, npm run user:add. The password is hashed (scrypt, as better-auth signs in with) before the lock is taken. */
export const createUser = (): WriteSpec<typeof userCreateInput, UserRecord, string> => ({
  action: 'user:create',
  schema: userCreateInput,
  what: 'user',
  prepare: (input) => hashPassword(input.password),
  work: (tx, input, passwordHash) => {
    checkRight(tx, 'user:create');
    const id = randomUUID();
    tx.insert(users)
      .values({ id, email: input.email, name: input.name ?? input.email.split('@')[0]!, role: input.role, emailVerified: true })
      .run();
    // better-auth's email-and-password sign-in reads the "credential" account of the user.
    tx.insert(accounts).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash }).run();
    const after = userRecord(tx, id)!;
    recordAudit(tx, { action: 'user:create', type: 'user', id, slug: after.email, before: null, after });
    return after;
  },
});

function existingUser(tx: ReadTx, id: string): UserRecord {
  const user = userRecord(tx, id);
  if (!user) throw new NotFoundError(`No user with id ${JSON.stringify(id)}`);
  return user;
}

/** PATCH /api/users/{id}: name, role, password (a new password ends the user's sessions). */
export const updateUser = (id: string): WriteSpec<typeof userPatchInput, UserRecord, string | null> => ({
  action: 'user:update',
  schema: userPatchInput,
  what: `user ${id}`,
  prepare: async (input) => (input.password ? hashPassword(input.password) : null),
  work: (tx, input, passwordHash) => {
    checkRight(tx, 'user:update');
    const before = existingUser(tx, id);
    const set = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.role !== undefined ? { role: input.role } : {}) };
    if (Object.keys(set).length) tx.update(users).set(set).where(eq(users.id, id)).run();
    if (passwordHash) {
      tx.update(accounts).set({ password: passwordHash }).where(and(eq(accounts.userId, id), eq(accounts.providerId, 'credential'))).run();
      tx.delete(sessions).where(eq(sessions.userId, id)).run();
    }
    const after = userRecord(tx, id)!;
    recordAudit(tx, { action: 'user:update', type: 'user', id, slug: after.email, before, after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) } });
    return after;
  },
});

export type TokenRecord = { id: number; userId: string; email: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

function tokenRecord(tx: ReadTx, id: number): TokenRecord | null {
  return (
    tx
      .select({ id: apiTokens.id, userId: apiTokens.userId, email: users.email, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.id, id))
      .get() ?? null
  );
}

const tokenCreateInput = z.strictObject({ email: z.string().trim().toLowerCase(), name: z.string().trim().min(1).max(100).default('api') });

/** A new token for the user with this email: the token itself is returned once and stored only hashed. */
export const createToken = (): WriteSpec<typeof tokenCreateInput, TokenRecord & { token: string }> => ({
  action: 'token:create',
  schema: tokenCreateInput,
  what: 'token',
  work: (tx, input) => {
    checkRight(tx, 'token:create');
    const user = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (!user) throw new NotFoundError(`No user with email ${JSON.stringify(input.email)}`);
    const token = generateToken();
    const [row] = tx.insert(apiTokens).values({ userId: user.id, name: input.name, tokenHash: hashToken(token) }).returning({ id: apiTokens.id }).all();
    const after = tokenRecord(tx, row!.id)!;
    recordAudit(tx, { action: 'token:create', type: 'token', id: row!.id, slug: after.email, before: null, after });
    return { ...after, token };
  },
});

const tokenRevokeInput = z.union([
  z.strictObject({ id: z.number().int().positive() }),
  z.strictObject({ token: z.string().min(1) }),
  z.strictObject({ email: z.string().trim().toLowerCase() }),
]);

/** Revokes one token (by id or by the token itself) or every live token of a user (by email). */
export const revokeTokens = (): WriteSpec<typeof tokenRevokeInput, TokenRecord[]> => ({
  action: 'token:revoke',
  schema: tokenRevokeInput,
  what: 'token',
  work: (tx, input) => {
    checkRight(tx, 'token:revoke');
    const where =
      'id' in input
        ? eq(apiTokens.id, input.id)
        : 'token' in input
          ? eq(apiTokens.tokenHash, hashToken(input.token))
          : eq(apiTokens.userId, tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()?.id ?? '');
    const ids = tx.select({ id: apiTokens.id }).from(apiTokens).where(and(where, isNull(apiTokens.revokedAt))).all().map((r) => r.id);
    if (ids.length === 0) throw new NotFoundError('No live token matches');
    return ids.map((id) => {
      const before = tokenRecord(tx, id)!;
      tx.update(apiTokens).set({ revokedAt: tx.at }).where(eq(apiTokens.id, id)).run();
      const after = tokenRecord(tx, id)!;
      recordAudit(tx, { action: 'token:revoke', type: 'token', id, slug: after.email, before, after });
      return after;
    });
  },
});
