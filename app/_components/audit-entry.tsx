// One audit entry for people: when, who (and their role then), through which door, what they
// did and which fields changed. Values are shown as text only.
import { fieldChanges } from '@/lib/audit-diff';

export const DOOR_WORDS: Record<string, string> = { page: 'a page', 'api-token': 'the API with a token', 'api-session': 'the API in a browser session', cli: 'the command line' };

const VERBS: Record<string, string> = {
  create: 'created',
  update: 'updated',
  accept: 'accepted',
  reject: 'rejected',
  delete: 'deleted',
  restore: 'restored',
  ingest: 'added with its suggested quotes',
  revoke: 'revoked',
  load: 'loaded',
};

export function actionWords(action: string, recordType: string): string {
  const [, verb = action] = action.split(':');
  return `${recordType.replace('-', ' ')} ${VERBS[verb] ?? verb}`;
}

/** "2025-06-01 14:03:07 UTC": the audit log keeps UTC timestamps. */
export function auditTime(at: string): string {
  return at.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC';
}

export type AuditEntryView = { id: number; at: string; who: string; role: string; door: string; action: string; recordType: string; recordId: string; recordSlug: string | null; before: unknown; after: unknown };

export function AuditChanges({ entry, limit = 12 }: { entry: Pick<AuditEntryView, 'before' | 'after'>; limit?: number }) {
  const changes = fieldChanges(entry.before, entry.after);
  if (changes.length === 0) return <p className="text-xs text-slate-700">No field changed.</p>;
  const shown = changes.slice(0, limit);
  const cut = (text: string | null) => (text === null ? '—' : text.length > 160 ? `${text.slice(0, 160)}…` : text);
  return (
    <ul className="space-y-0.5 text-xs">
      {shown.map((c) => (
        <li key={c.field}>
          <span className="font-semibold">{c.field}</span>: {entry.before === null ? cut(c.after) : <>{cut(c.before)} → {cut(c.after)}</>}
        </li>
      ))}
      {changes.length > shown.length && <li>and {changes.length - shown.length} more fields</li>}
    </ul>
  );
}
