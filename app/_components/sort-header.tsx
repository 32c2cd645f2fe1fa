import Link from 'next/link';
import type { ParsedQuery } from '@/lib/filters';
import { sortParam, toSearchParams } from '@/lib/filters';

/** A column header that sorts by `sortKey`; a second click reverses the order. */
export function SortHeader({ path, query, sortKey, label, isDefault = false }: { path: string; query: ParsedQuery; sortKey: string; label: string; isDefault?: boolean }) {
  const active = query.paging.sort === sortKey || (isDefault && query.paging.sort === null);
  const descending = active && query.paging.descending;
  const next = active && !descending ? `-${sortKey}` : sortKey;
  const params = toSearchParams(query.filters, { sort: next });
  return (
    <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <Link href={`${path}?${params}`} className="inline-flex items-center gap-1 text-slate-900">
        {label}
        <span aria-hidden="true" className="text-xs text-slate-600">
          {active ? (descending ? '▼' : '▲') : '↕'}
        </span>
        <span className="sr-only">{active ? `, sorted ${descending ? 'descending' : 'ascending'}; activate to reverse` : ', activate to sort'}</span>
      </Link>
    </th>
  );
}

export function Pager({ path, query, nextCursor }: { path: string; query: ParsedQuery; nextCursor: string | null }) {
  const sort = sortParam(query.paging);
  const limit = query.paging.limit;
  if (!query.paging.cursor && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex gap-4 text-sm">
      {query.paging.cursor && <Link href={`${path}?${toSearchParams(query.filters, { sort, limit })}`}>First page</Link>}
      {nextCursor && <Link href={`${path}?${toSearchParams(query.filters, { sort, limit, cursor: nextCursor })}`}>Next page</Link>}
    </nav>
  );
}
