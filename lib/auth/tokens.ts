// API tokens for scripts and notebooks: 256 random bits, shown once, stored only as their sha256
// (a token that random needs no salt or slow hash: it cannot be guessed, and its hash cannot be
// reversed). A revoked token is refused from the next request on.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { apiTokens, users } from '@/db/schema';
import type { UserRole } from '@/lib/domain/vocabulary';

const PREFIX = 'sp_';

/** A new token: "sp_" and 43 base64url characters. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type TokenOwner = { tokenId: number; user: { id: string; email: string; role: UserRole } };

// How stale last_used_at may get: it is noted at most once an hour, not on every request.
const USE_NOTE_MS = 60 * 60 * 1000;

/** The owner of a live token, or null for an unknown or revoked one. */
export function findTokenOwner(db: Db, token: string): TokenOwner | null {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const row = db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, id: users.id, email: users.email, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return null;
  const now = new Date();
  if (!row.lastUsedAt || Date.parse(row.lastUsedAt) < now.getTime() - USE_NOTE_MS) {
    const cutoff = new Date(now.getTime() - USE_NOTE_MS).toISOString();
    try {
      db.update(apiTokens)
        .set({ lastUsedAt: now.toISOString() })
        .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, cutoff))))
        .run();
    } catch {
      // Bookkeeping only: a busy database must not refuse the request for it.
    }
  }
  return { tokenId: row.tokenId, user: { id: row.id, email: row.email, role: row.role } };
}
