import 'server-only';
// The audit log, newest first: who changed what, when, through which door, with the record
// before and after. Filters by record (type and id), by user, by action, by door and by date.
import { eq, inArray, sql } from 'drizzle-orm';
import { auditLog, users, type AuditEntry } from '@/db/schema';
import { AUDIT_DOORS, type AuditDoor } from '@/lib/domain/vocabulary';
import type { FilterDef, ListingSpec } from '@/lib/listing/types';
import { orList } from '@/lib/listing/values';
import { RECORD_TYPES, WRITE_ACTIONS } from '@/lib/write/principal';
import { checkDateRange, dateFilter } from './common';

export type AuditItem = Omit<AuditEntry, 'before' | 'after'> & { before: unknown; after: unknown };

const AUDIT_TYPES = [...RECORD_TYPES, 'user', 'token', 'dataset'] as const;

const oneOf = <V extends string>(label: string, values: readonly V[], subject: string, where: (v: readonly V[]) => ReturnType<typeof eq>): FilterDef<V> => ({
  label,
  many: true,
  parse: (raw) => ((values as readonly string[]).includes(raw) ? { ok: true, value: raw as V } : { ok: false, message: `${JSON.stringify(raw)} is not one of ${values.join(', ')}` }),
  format: (v) => v,
  where,
  describe: (names) => `${subject} ${orList(names)}`,
});

const textValue = (label: string, subject: string, pattern: RegExp, where: (v: string) => ReturnType<typeof eq>, names?: FilterDef<string>['names']): FilterDef<string> => ({
  label,
  many: false,
  parse: (raw) => (pattern.test(raw) ? { ok: true, value: raw } : { ok: false, message: `${JSON.stringify(raw.slice(0, 100))} is not a ${label.toLowerCase()}` }),
  format: (v) => v,
  names,
  where: ([v]) => where(v!),
  describe: (n) => `${subject} ${orList(n)}`,
});

export const auditListing = {
  name: 'audit',
  noun: ['change', 'changes'],
  filters: {
    type: oneOf('Record type', AUDIT_TYPES, 'Record is a', (v) => inArray(auditLog.recordType, [...v])),
    record: textValue('Record', 'Record', /^[A-Za-z0-9_.:-]{1,100}$/, (v) => eq(auditLog.recordId, v)),
    user: textValue('User', 'By', /^[A-Za-z0-9_.:-]{1,100}$/, (v) => eq(auditLog.userId, v), (ids, db) =>
      new Map(db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, [...ids])).all().map((u) => [u.id, u.email])),
    ),
    action: oneOf('Action', WRITE_ACTIONS, 'Action is', (v) => inArray(auditLog.action, [...v])),
    door: oneOf<AuditDoor>('Door', AUDIT_DOORS, 'Through', (v) => inArray(auditLog.door, [...v])),
    from: dateFilter('from', ([d]) => sql`${auditLog.at} >= ${d}`, 'Changed'),
    // `at` is a timestamp: the whole of the last day counts.
    to: dateFilter('to', ([d]) => sql`${auditLog.at} < ${d} || 'T24'`, 'Changed'),
  },
  check: checkDateRange,
  sorts: {
    at: { label: 'Time', keys: [sql`${auditLog.at}`, sql`${auditLog.id}`], index: 'audit_log_at_idx' },
  },
  defaultSort: { key: 'at', descending: true },
  columns: {
    id: auditLog.id,
    at: auditLog.at,
    userId: auditLog.userId,
    who: auditLog.who,
    role: auditLog.role,
    door: auditLog.door,
    action: auditLog.action,
    recordType: auditLog.recordType,
    recordId: auditLog.recordId,
    recordSlug: auditLog.recordSlug,
    before: auditLog.before,
    after: auditLog.after,
  },
  base: (db, fields) => db.select(fields).from(auditLog).$dynamic(),
  toItem: (row: AuditItem) => row,
  csv: [
    { header: 'id', value: (e) => e.id },
    { header: 'at', value: (e) => e.at },
    { header: 'who', value: (e) => e.who },
    { header: 'role', value: (e) => e.role },
    { header: 'door', value: (e) => e.door },
    { header: 'action', value: (e) => e.action },
    { header: 'recordType', value: (e) => e.recordType },
    { header: 'recordId', value: (e) => e.recordId },
    { header: 'recordSlug', value: (e) => e.recordSlug },
    { header: 'before', value: (e) => (e.before === null ? '' : JSON.stringify(e.before)) },
    { header: 'after', value: (e) => (e.after === null ? '' : JSON.stringify(e.after)) },
  ],
  defaultLimit: { page: 50, api: 100 },
} satisfies ListingSpec<AuditItem, AuditItem, any>;

