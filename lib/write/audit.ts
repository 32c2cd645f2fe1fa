// The audit log: one entry per changed record, in the transaction that changed it, with who (as
// they were at the time), through which door, what, and the record before and after.
import { auditLog } from '@/db/schema';
import type { RecordType, WriteAction } from './principal';
import { assertOpen, countAudit, type WriteTx } from './tx';

export type AuditChange = {
  action: WriteAction;
  /** A record type, or 'user', 'token', 'dataset' for writes about accounts and whole loads. */
  type: RecordType | 'user' | 'token' | 'dataset';
  id: number | string;
  slug?: string | null;
  before: unknown;
  after: unknown;
};

export function recordAudit(tx: WriteTx, change: AuditChange): void {
  assertOpen(tx);
  const who = tx.principal;
  tx.insert(auditLog)
    .values({
      at: tx.at,
      userId: who.role === 'system' ? null : who.id,
      who: who.email ?? who.id,
      role: who.role,
      door: who.door,
      action: change.action,
      recordType: change.type,
      recordId: String(change.id),
      recordSlug: change.slug ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
    })
    .run();
  countAudit(tx);
}
