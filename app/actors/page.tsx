import type { Metadata } from 'next';
import { AnalystActions } from '@/app/_components/analyst-actions';
import { ListingResults, SortHeader } from '@/app/_components/listing/chrome';
import { ListingFilterForm } from '@/app/_components/listing/filter-form';
import { listingLinks } from '@/app/_components/listing/links';
import { campField, countryField } from '@/app/_components/listing/form-fields';
import { loadListingView } from '@/lib/listing/view';
import { actorListing } from '@/lib/listings/actors';
import { getFilterOptions } from '@/lib/queries/catalog';
import { actorHref } from '@/lib/urls';

export const metadata: Metadata = { title: 'Actors' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const KIND_LABELS = { state: 'State', person: 'Person', organisation: 'Organisation', anonymous: 'Unnamed speaker' } as const;

export default async function ActorsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const [view, options] = await Promise.all([loadListingView(actorListing, raw, { facets: true }), getFilterOptions()]);
  const { params, sort, current, exports } = listingLinks(actorListing, view, 'actors');
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Actors</h1>
        <p className="text-sm text-slate-700">States, organisations, and the people and unnamed sources who speak for them.</p>
      </div>
      <AnalystActions links={[{ href: '/actors/new', label: 'New actor', action: 'actor:create' }]} />
      <ListingFilterForm action="/actors" fields={[countryField(options), campField(options)]} current={current} keep={['sort', 'actor']} facets={view.facets} />
      <ListingResults id="actor-results" path="/actors" noun={actorListing.noun} view={view} links={{ params, sort, exports }} limitGiven={raw.limit !== undefined}>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="data-table">
            <caption className="sr-only">Actors</caption>
            <thead>
              <tr>
                <SortHeader path="/actors" params={params} order={view.page.order} sortKey="name" label="Name" />
                <th scope="col">Kind</th>
                <SortHeader path="/actors" params={params} order={view.page.order} sortKey="country" label="Country" />
                <th scope="col">Ally since</th>
                <th scope="col">Stances</th>
                <th scope="col">Quotes spoken</th>
              </tr>
            </thead>
            <tbody>
              {view.page.items.map((a) => (
                <tr key={a.slug} data-testid="actor-row">
                  <td>
                    <a href={actorHref(a.slug)}>{a.name}</a>
                    {a.organisation && <span className="block text-xs text-slate-700">for {a.organisation.name}</span>}
                  </td>
                  <td>{KIND_LABELS[a.kind]}</td>
                  <td className="font-mono">{a.countryCode ?? '—'}</td>
                  <td>{a.natoAccessionYear ?? '—'}</td>
                  <td>{a.stanceCount}</td>
                  <td>{a.quoteCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListingResults>
    </>
  );
}
