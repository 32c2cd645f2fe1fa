import type { Metadata } from 'next';
import { AnalystActions } from '@/app/_components/analyst-actions';
import { countryField, campField, datesField, kindField, positionField, topicField } from '@/app/_components/listing/form-fields';
import { ListingResults } from '@/app/_components/listing/chrome';
import { ListingFilterForm } from '@/app/_components/listing/filter-form';
import { listingLinks } from '@/app/_components/listing/links';
import { StanceTable } from '@/app/_components/stance-table';
import { loadListingView } from '@/lib/listing/view';
import { stanceListing } from '@/lib/listings/stances';
import { getFilterOptions } from '@/lib/queries/catalog';
import { getQuoteRefs } from '@/lib/queries/evidence';
import { read } from '@/lib/queries/cached';

export const metadata: Metadata = { title: 'Stances' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StancesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const [view, options] = await Promise.all([loadListingView(stanceListing, raw, { facets: true }), getFilterOptions()]);
  const { params, sort, current, exports } = listingLinks(stanceListing, view, 'stances');
  const evidenceIds = view.page.items.flatMap((s) => s.evidence);
  const quotes = await read(['quote-refs', evidenceIds], (db) => getQuoteRefs(evidenceIds, db));
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Stances</h1>
        <p className="text-sm text-slate-700">Each row is one actor&apos;s stated position on one question at one date, with the quotes it rests on.</p>
      </div>
      <AnalystActions links={[{ href: '/stances/new', label: 'New stance', action: 'stance:create' }]} />
      <ListingFilterForm
        action="/stances"
        fields={[countryField(options), topicField(options), campField(options), positionField, kindField, datesField('Dated')]}
        current={current}
        keep={['sort', 'actor', 'source', 'stance']}
        facets={view.facets}
      />
      <ListingResults id="stance-results" path="/stances" noun={stanceListing.noun} view={view} links={{ params, sort, exports }} limitGiven={raw.limit !== undefined}>
        {view.page.items.length === 0 ? (
          <p className="card text-sm">No sourced stance matches these filters. An ally without a row has no sourced position here, which is not the same as a neutral one.</p>
        ) : (
          <StanceTable stances={view.page.items} quotes={quotes} caption="Stances matching the filters" sortable={{ path: '/stances', params, order: view.page.order }} />
        )}
      </ListingResults>
    </>
  );
}
