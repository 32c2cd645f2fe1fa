import type { Metadata } from 'next';
import { actionWords, AuditChanges, auditTime, DOOR_WORDS } from '@/app/_components/audit-entry';
import { ActiveFilters, FilterErrors, Pager, ResultsHeading } from '@/app/_components/listing/chrome';
import { ListingFilterForm } from '@/app/_components/listing/filter-form';
import { datesField } from '@/app/_components/listing/form-fields';
import { requireAnalyst } from '@/app/_lib/session';
import { AUDIT_DOORS } from '@/lib/domain/vocabulary';
import { loadListingView, sortParamOf, viewParams } from '@/lib/listing/view';
import { auditListing } from '@/lib/listings/audit';
import { auditUserChoices } from '@/lib/queries/audit-choices';
import { href } from '@/lib/urls';
import { RECORD_TYPES, WRITE_ACTIONS } from '@/lib/write/principal';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TYPES = [...RECORD_TYPES, 'user', 'token', 'dataset'];

/** Where an audit entry's record can be seen, if it has a page. */
function recordHref(type: string, id: string, slug: string | null): string | null {
  if (type === 'source') return `/sources/${id}`;
  if (type === 'stance') return `/stances/${id}`;
  if (type === 'actor' && slug) return `/actors/${slug}`;
  if (type === 'topic' && slug) return `/topics/${slug}`;
  if (type === 'quote') return href('/review', { quote: id });
  return null;
}

export default async function AuditPage({ searchParams }: Props) {
  const raw = await searchParams;
  await requireAnalyst(href('/audit', raw));
  const view = await loadListingView(auditListing, raw);
  const params = viewParams(auditListing, view);
  const sort = sortParamOf(view.request);
  const current = new URLSearchParams(params);
  if (sort) current.set('sort', sort);
  const users = auditUserChoices();
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="text-sm text-slate-700">Every change, newest first: who made it, when, through which door, and each record before and after. Nothing here can be edited or removed.</p>
      </div>
      <ListingFilterForm
        action="/audit"
        fields={[
          { kind: 'select', param: 'user', label: 'Who', anyLabel: 'Anyone', options: users.map((u) => ({ value: u.id, label: `${u.email} (${u.role})` })) },
          { kind: 'select', param: 'type', label: 'Record type', anyLabel: 'Any record', options: TYPES.map((t) => ({ value: t, label: t.replace('-', ' ') })) },
          { kind: 'select', param: 'action', label: 'Action', anyLabel: 'Any action', options: WRITE_ACTIONS.map((a) => ({ value: a, label: a })) },
          { kind: 'select', param: 'door', label: 'Through', anyLabel: 'Any door', options: AUDIT_DOORS.map((d) => ({ value: d, label: DOOR_WORDS[d] ?? d })) },
          datesField('Changed'),
        ]}
        current={current}
        keep={['sort', 'record']}
        facets={null}
      />
      <ActiveFilters path="/audit" chips={view.chips} sort={sort} />
      <FilterErrors errors={view.errors} />
      <section aria-labelledby="audit-results" className="space-y-3">
        {view.cursorError && <FilterErrors errors={[view.cursorError]} note="The page link was not understood; showing the first page:" />}
        <ResultsHeading id="audit-results" total={view.total} noun={auditListing.noun} filtered={view.filtered} order={view.page.order} />
        {view.page.items.length === 0 ? (
          <p className="card text-sm">No change matches these filters.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="data-table">
              <caption className="sr-only">Changes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Record</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {view.page.items.map((entry) => {
                  const link = recordHref(entry.recordType, entry.recordId, entry.recordSlug);
                  const name = `${entry.recordType.replace('-', ' ')} ${entry.recordSlug ?? entry.recordId}`;
                  return (
                    <tr key={entry.id} data-testid="audit-row">
                      <td className="whitespace-nowrap">
                        <time dateTime={entry.at}>{auditTime(entry.at).replace(' UTC', '')}</time>
                      </td>
                      <td>
                        {entry.who} <span className="text-xs text-slate-700">({entry.role}, through {DOOR_WORDS[entry.door] ?? entry.door})</span>
                      </td>
                      <td className="whitespace-nowrap">{actionWords(entry.action, entry.recordType)}</td>
                      <td>
                        {link ? <a href={link}>{name}</a> : name}
                        <a href={href('/audit', { type: entry.recordType, record: entry.recordId })} className="block text-xs">
                          History<span className="sr-only"> of {name}</span>
                        </a>
                      </td>
                      <td className="min-w-72">
                        <AuditChanges entry={entry} limit={6} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager path="/audit" params={params} order={view.page.order} cursor={view.request.cursor} nextCursor={view.page.nextCursor} limit={raw.limit ? view.request.limit : null} />
      </section>
    </>
  );
}
