import type { Metadata } from 'next';
import { AnalystActions } from '@/app/_components/analyst-actions';
import { ListingResults, SortHeader } from '@/app/_components/listing/chrome';
import { ListingFilterForm } from '@/app/_components/listing/filter-form';
import { listingLinks } from '@/app/_components/listing/links';
import { datesField, searchField } from '@/app/_components/listing/form-fields';
import { MatchedText } from '@/app/_components/matched-text';
import { formatDate } from '@/lib/dates';
import { loadListingView } from '@/lib/listing/view';
import { sourceListing } from '@/lib/listings/sources';
import { sourceHref } from '@/lib/urls';

export const metadata: Metadata = { title: 'Sources' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SourcesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const view = await loadListingView(sourceListing, raw);
  const { params, sort, current, exports } = listingLinks(sourceListing, view, 'sources');
  return (
    <>
      <h1 className="text-2xl font-bold">Sources</h1>
      <AnalystActions
        links={[
          { href: '/sources/new', label: 'Add sources', action: 'source:ingest' },
          { href: '/review', label: 'Review queue', action: 'quote:accept' },
        ]}
      />
      <ListingFilterForm action="/sources" fields={[searchField('Search titles and article text'), datesField('Published')]} current={current} keep={['sort', 'source']} facets={null} />
      <ListingResults id="source-results" path="/sources" noun={sourceListing.noun} view={view} links={{ params, sort, exports }} limitGiven={raw.limit !== undefined}>
        {view.page.items.length === 0 ? (
          <p className="card text-sm">No source matches these filters.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="data-table">
              <caption className="sr-only">Source articles</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Publisher</th>
                  <SortHeader path="/sources" params={params} order={view.page.order} sortKey="date" label="Published" />
                  <th scope="col">Accepted quotes</th>
                </tr>
              </thead>
              <tbody>
                {view.page.items.map((s) => (
                  <tr key={s.id} data-testid="source-row">
                    <td>
                      <a href={sourceHref(s.id)}>
                        <MatchedText text={s.title} matches={s.titleMatches} />
                      </a>
                    </td>
                    <td>
                      {s.publisher}
                      {s.originalPublisher ? ` reporting ${s.originalPublisher}` : ''}
                    </td>
                    <td className="whitespace-nowrap">
                      {s.publishedAt ? formatDate(s.publishedAt) : 'date unknown'}
                      {s.originalPublishedAt && <span className="block text-xs text-slate-700">original: {formatDate(s.originalPublishedAt)}</span>}
                    </td>
                    <td>{s.quoteCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListingResults>
    </>
  );
}
