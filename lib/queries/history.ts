import 'server-only';
// One record's history from the audit log, newest first: for the record's own page (shown to
// analysts and admins, who may read the audit log). Served by audit_log_record_idx.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/connection';
import { auditLog } from '@/db/schema';
import type { AuditItem } from '@/lib/listings/audit';
import type { RecordType } from '@/lib/write/principal';
import { read } from './cached';

export function getRecordHistory(record: { type: RecordType | 'user'; id: number | string }, limit = 100, db?: Db): Promise<AuditItem[]> {
  return read(
    ['history-of', record.type, String(record.id), limit],
    (db) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordType, record.type), eq(auditLog.recordId, String(record.id))))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit)
        .all() as AuditItem[],
    db,
  );
}
