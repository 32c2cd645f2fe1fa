import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActiveFilters } from '@/app/_components/active-filters';
import { FilterErrors, FilterForm } from '@/app/_components/filter-form';
import { QuoteCard } from '@/app/_components/quote-card';
import { TableSkeleton } from '@/app/_components/skeleton';
import { Pager } from '@/app/_components/sort-header';
import { hasFilters, sortParam, toSearchParams, type ParsedQuery } from '@/lib/filters';
import { parsePageQuery, queryKey, readPage } from '@/lib/page-query';
import { getFilterOptions } from '@/lib/queries/catalog';
import { countQuotes, getQuotes, QUOTE_SORTS } from '@/lib/queries/quotes';
import { apiHref } from '@/lib/urls';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Quotes' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<(typeof QUOTE_SORTS)[number], string> = { date: 'Date', source: 'Source order', speaker: 'Speaker', kind: 'Kind' };

export default async function QuotesPage({ searchParams }: Props) {
  const query = parsePageQuery(await searchParams, { defaultLimit: 50, sortKeys: QUOTE_SORTS });
  const options = getFilterOptions();
  const sort = sortParam(query.paging);
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Quotes</h1>
        <p className="text-sm text-slate-700">
          All coded evidence: direct quotes in quotation marks and statements the articles attribute without them. Each opens at its exact place in the source.
        </p>
      </div>
      <FilterForm action="/quotes" filters={query.filters} options={options} sort={sort} />
      <ActiveFilters path="/quotes" filters={query.filters} options={options} />
      <FilterErrors errors={query.errors} />
      <Suspense key={queryKey(query)} fallback={<TableSkeleton label="Loading quotes" />}>
        <QuoteResults query={query} />
      </Suspense>
    </>
  );
}

async function QuoteResults({ query }: { query: ParsedQuery }) {
  const { page, cursorError } = readPage(query, (paging) => getQuotes(query.filters, paging));
  const total = countQuotes(query.filters);
  return (
    <section aria-labelledby="quote-results" className="space-y-3">
      {cursorError && <FilterErrors errors={[cursorError]} />}
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="quote-results" className="text-lg font-semibold">
          {total} {total === 1 ? 'quote' : 'quotes'}
          {hasFilters(query.filters) ? ' match these filters' : ''}
        </h2>
        <nav aria-label="Sort quotes" className="flex flex-wrap gap-3 text-sm">
          <span className="text-slate-700">Sort:</span>
          {QUOTE_SORTS.map((key) => {
            const active = (query.paging.sort ?? 'date') === key;
            return (
              <Link key={key} href={`/quotes?${toSearchParams(query.filters, { sort: active && !query.paging.descending ? `-${key}` : key })}`} aria-current={active ? 'true' : undefined} className={active ? 'font-semibold' : ''}>
                {SORT_LABELS[key]}
                {active ? (query.paging.descending ? ' (descending)' : ' (ascending)') : ''}
              </Link>
            );
          })}
        </nav>
        <p className="flex gap-4 text-sm">
          <a href={apiHref('quotes', query.filters, { limit: 'all', format: 'csv' })} download>
            Export CSV
          </a>
          <a href={apiHref('quotes', query.filters, { limit: 'all' })}>Export JSON</a>
        </p>
      </div>
      {page.items.length === 0 ? (
        <p className="card text-sm">No coded quote matches these filters.</p>
      ) : (
        <div className="space-y-3">
          {page.items.map((q) => (
            <QuoteCard key={q.id} quote={q} />
          ))}
        </div>
      )}
      <Pager path="/quotes" query={query} nextCursor={page.nextCursor} />
    </section>
  );
}
