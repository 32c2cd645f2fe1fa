import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActiveFilters } from '@/app/_components/active-filters';
import { FilterErrors, FilterForm } from '@/app/_components/filter-form';
import { Pager } from '@/app/_components/sort-header';
import { StanceTable } from '@/app/_components/stance-table';
import { TableSkeleton } from '@/app/_components/skeleton';
import { hasFilters, sortParam, type ParsedQuery } from '@/lib/filters';
import { parsePageQuery, queryKey, readPage } from '@/lib/page-query';
import { getFilterOptions } from '@/lib/queries/catalog';
import { getQuoteRefs } from '@/lib/queries/quotes';
import { countStances, getStances, STANCE_SORTS } from '@/lib/queries/stances';
import { apiHref } from '@/lib/urls';

export const metadata: Metadata = { title: 'Stances' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StancesPage({ searchParams }: Props) {
  const query = parsePageQuery(await searchParams, { defaultLimit: 50, sortKeys: STANCE_SORTS });
  const options = getFilterOptions();
  const sort = sortParam(query.paging);
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Stances</h1>
        <p className="text-sm text-slate-700">Each row is one ally&apos;s stated position on one question at one date, with the quotes it rests on.</p>
      </div>
      <FilterForm action="/stances" filters={query.filters} options={options} sort={sort} />
      <ActiveFilters path="/stances" filters={query.filters} options={options} />
      <FilterErrors errors={query.errors} />
      <Suspense key={queryKey(query)} fallback={<TableSkeleton label="Loading stances" />}>
        <StanceResults query={query} />
      </Suspense>
    </>
  );
}

async function StanceResults({ query }: { query: ParsedQuery }) {
  const { page, cursorError } = readPage(query, (paging) => getStances(query.filters, paging));
  const total = countStances(query.filters);
  const quotes = getQuoteRefs(page.items.flatMap((s) => s.evidence));
  return (
    <section aria-labelledby="stance-results" className="space-y-3">
      {cursorError && <FilterErrors errors={[cursorError]} />}
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="stance-results" className="text-lg font-semibold">
          {total} {total === 1 ? 'stance' : 'stances'}
          {hasFilters(query.filters) ? ' match these filters' : ''}
        </h2>
        <p className="flex gap-4 text-sm">
          <a href={apiHref('stances', query.filters, { limit: 'all', format: 'csv' })} download>
            Export CSV
          </a>
          <a href={apiHref('stances', query.filters, { limit: 'all' })}>Export JSON</a>
        </p>
      </div>
      {page.items.length === 0 ? (
        <p className="card text-sm">No sourced stance matches these filters. An ally without a row has no sourced position here, which is not the same as a neutral one.</p>
      ) : (
        <StanceTable stances={page.items} quotes={quotes} caption="Stances matching the filters" sortable={{ path: '/stances', query }} />
      )}
      <Pager path="/stances" query={query} nextCursor={page.nextCursor} />
    </section>
  );
}
