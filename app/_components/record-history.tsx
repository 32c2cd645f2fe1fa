// "History" on a record's page, for analysts and admins: the audit log's entries for that record,
// newest first, with what each changed; the full list is one link away.
import { getRecordHistory } from '@/lib/queries/history';
import { href } from '@/lib/urls';
import type { RecordType } from '@/lib/write/principal';
import { actionWords, AuditChanges, auditTime, DOOR_WORDS } from './audit-entry';

const SHOWN = 10;

export async function RecordHistory({ type, id, name }: { type: RecordType; id: number | string; name: string }) {
  const entries = await getRecordHistory({ type, id }, SHOWN);
  return (
    <section aria-labelledby="history-of-record" className="space-y-2" data-testid="record-history">
      <h2 id="history-of-record" className="text-lg font-semibold">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="card text-sm">No change to {name} is recorded in the audit log.</p>
      ) : (
        <ol className="space-y-2">
          {entries.map((entry) => (
            <li key={entry.id} className="card space-y-1 text-sm" data-testid="history-entry">
              <p>
                <time dateTime={entry.at} className="font-medium">
                  {auditTime(entry.at)}
                </time>{' '}
                · {actionWords(entry.action, entry.recordType)} by <strong>{entry.who}</strong> ({entry.role}) through {DOOR_WORDS[entry.door] ?? entry.door}
              </p>
              <AuditChanges entry={entry} />
            </li>
          ))}
        </ol>
      )}
      <p className="text-sm">
        <a href={href('/audit', { type, record: String(id) })}>
          All changes to {name} in the audit log
        </a>
      </p>
    </section>
  );
}
