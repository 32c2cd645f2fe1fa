import type { Metadata } from 'next';
import { ListingResults, SortLinks } from '@/app/_components/listing/chrome';
import { ListingFilterForm } from '@/app/_components/listing/filter-form';
import { listingLinks } from '@/app/_components/listing/links';
import { campField, countryField, datesField, kindField, positionField, searchField, topicField } from '@/app/_components/listing/form-fields';
import { QuoteCard } from '@/app/_components/quote-card';
import { loadListingView } from '@/lib/listing/view';
import { quoteListing } from '@/lib/listings/quotes';
import { getFilterOptions } from '@/lib/queries/catalog';

export const metadata: Metadata = { title: 'Quotes' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuotesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const [view, options] = await Promise.all([loadListingView(quoteListing, raw, { facets: true }), getFilterOptions()]);
  const { params, sort, current, exports } = listingLinks(quoteListing, view, 'quotes');
  const sorts = [
    ...(view.request.search ? [{ key: 'relevance', label: 'Relevance' }, { key: 'recent', label: 'Recently added' }] : []),
    ...Object.entries(quoteListing.sorts).map(([key, def]) => ({ key, label: def.label })),
  ];
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Quotes</h1>
        <p className="text-sm text-slate-700">
          All accepted evidence: direct quotes in quotation marks and statements the articles attribute without them. Each opens at its exact place in the source.
        </p>
      </div>
      <ListingFilterForm
        action="/quotes"
        fields={[searchField('Search quotes and speakers'), countryField(options), topicField(options), campField(options), positionField, kindField, datesField('Said or published')]}
        current={current}
        keep={['sort', 'actor', 'source', 'stance']}
        facets={view.facets}
      />
      <ListingResults id="quote-results" path="/quotes" noun={quoteListing.noun} view={view} links={{ params, sort, exports }} limitGiven={raw.limit !== undefined}>
        <SortLinks path="/quotes" params={params} order={view.page.order} sorts={sorts} label="Sort quotes" />
        {view.page.items.length === 0 ? (
          <p className="card text-sm">No accepted quote matches these filters.</p>
        ) : (
          <div className="space-y-3">
            {view.page.items.map((q) => (
              <QuoteCard key={q.id} quote={q} />
            ))}
          </div>
        )}
      </ListingResults>
    </>
  );
}
