import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { totalText } from '@/app/_components/listing/chrome';
import { PositionBadge } from '@/app/_components/position-badge';
import { QuoteCard } from '@/app/_components/quote-card';
import { StanceHistory } from '@/app/_components/stance-history';
import { StanceTable } from '@/app/_components/stance-table';
import { RecordHistory } from '@/app/_components/record-history';
import { SavedNotice } from '@/app/_components/saved-notice';
import { getViewer } from '@/app/_lib/session';
import { formatDate } from '@/lib/dates';
import { loadListingView } from '@/lib/listing/view';
import { quoteListing } from '@/lib/listings/quotes';
import { stanceListing } from '@/lib/listings/stances';
import { read } from '@/lib/queries/cached';
import { getActor, getCamps, getTopics } from '@/lib/queries/catalog';
import { getQuoteRefs } from '@/lib/queries/evidence';
import { getLatestStances } from '@/lib/queries/latest';
import { campHref, quotesHref, stancesHref, topicHref } from '@/lib/urls';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const KIND_LABELS = { state: 'State', person: 'Person', organisation: 'Organisation', anonymous: 'Unnamed speaker' } as const;
/** How much of an actor's history and quotes the page shows; the rest is one link away. */
const SHOWN = 20;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await getActor((await params).slug);
  return { title: actor ? actor.name : 'Actor not found' };
}

export default async function ActorPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await getActor(slug);
  if (!actor) notFound();
  const viewer = await getViewer();
  const analyst = viewer.can('stance:create');
  const saved = (await searchParams).saved === 'actor';
  const topics = await getTopics();
  const [latest, history, quotes, camps] = await Promise.all([
    getLatestStances([actor.id], topics.map((t) => t.id)),
    loadListingView(stanceListing, { actor: slug, sort: 'topic', limit: String(SHOWN) }),
    loadListingView(quoteListing, { actor: slug, sort: '-date', limit: String(SHOWN) }),
    getCamps({ actor: slug }),
  ]);
  const evidenceIds = history.page.items.flatMap((s) => s.evidence);
  const quoteRefs = await read(['quote-refs', evidenceIds], (db) => getQuoteRefs(evidenceIds, db));

  return (
    <>
      <header className="space-y-1">
        <p className="text-sm text-slate-700">
          <a href="/actors">Actors</a> › {KIND_LABELS[actor.kind]}
        </p>
        <h1 className="text-2xl font-bold">{actor.name}</h1>
        <p className="text-sm text-slate-700">
          {[
            actor.countryCode && `Country code ${actor.countryCode}`,
            actor.natoAccessionYear && `NATO ally since ${actor.natoAccessionYear}`,
            actor.organisation && `speaks for ${actor.organisation.name}`,
            actor.aliases.length > 0 && `also written as ${actor.aliases.join(', ')}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {analyst && (
          <p className="flex flex-wrap gap-3 pt-2" data-testid="edit-controls">
            {viewer.can('actor:update') && (
              <a href={`/actors/${slug}/edit`} className="btn-secondary">
                Edit actor
              </a>
            )}
            <a href={`/stances/new?actor=${slug}`} className="btn-secondary">
              New stance of {actor.name}
            </a>
          </p>
        )}
      </header>
      {saved && <SavedNotice>Actor saved.</SavedNotice>}

      <section aria-labelledby="latest-heading" className="space-y-3">
        <h2 id="latest-heading" className="text-lg font-semibold">
          Latest positions
        </h2>
        {latest.length === 0 ? (
          <p className="card text-sm">No sourced position on any tracked question.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="data-table">
              <caption className="sr-only">Latest position of {actor.name} on each question</caption>
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col">Latest position</th>
                  <th scope="col">As of</th>
                  <th scope="col">Dated positions</th>
                  {analyst && <th scope="col">Change</th>}
                </tr>
              </thead>
              <tbody>
                {latest.map((s) => (
                  <tr key={s.topic.slug}>
                    <th scope="row" className="bg-white font-medium">
                      <a href={topicHref(s.topic.slug)}>{s.topic.title}</a>
                    </th>
                    <td>
                      <PositionBadge position={s.position} label={s.label} />
                    </td>
                    <td className="whitespace-nowrap">{formatDate(s.asOf)}</td>
                    <td>
                      <a href={stancesHref({ actor: slug, topic: s.topic.slug, sort: 'asOf' })}>{s.history}</a>
                    </td>
                    {analyst && (
                      <td>
                        <a href={`/stances/new?actor=${slug}&topic=${s.topic.slug}`}>
                          New judgement<span className="sr-only"> of {actor.name} on {s.topic.title}</span>
                        </a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {history.page.items.length > 0 && (
        <section aria-labelledby="history-heading" className="space-y-3">
          <h2 id="history-heading" className="text-lg font-semibold">
            Positions over time
          </h2>
          <StanceHistory stances={history.page.items} />
          <StanceTable stances={history.page.items} quotes={quoteRefs} caption="Dated stances of this actor" hide={['country', 'actor']} />
          {history.page.nextCursor && (
            <p className="text-sm">
              Showing the first {history.page.items.length}:{' '}
              <a href={stancesHref({ actor: slug, sort: 'topic' })}>
                all dated stances of {actor.name} ({totalText(history.total, stanceListing.noun).toLowerCase()})
              </a>
            </p>
          )}
        </section>
      )}

      {camps.length > 0 && (
        <section aria-labelledby="camps-heading" className="space-y-2">
          <h2 id="camps-heading" className="text-lg font-semibold">
            Camps
          </h2>
          <ul className="list-disc pl-5 text-sm">
            {camps.map((c) => (
              <li key={c.slug}>
                <a href={campHref(c.topic.slug, c.slug)}>{c.name}</a> on {c.topic.title}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="quotes-heading" className="space-y-3">
        <h2 id="quotes-heading" className="text-lg font-semibold">
          Quotes said by {actor.name}, newest first
        </h2>
        {quotes.page.items.length === 0 ? <p className="card text-sm">No accepted quotes said by {actor.name}.</p> : quotes.page.items.map((q) => <QuoteCard key={q.id} quote={q} />)}
        <p className="flex flex-wrap gap-4 text-sm">
          {quotes.page.nextCursor && <a href={quotesHref({ actor: slug, sort: '-date' })}>All quotes said by {actor.name} ({totalText(quotes.total, quoteListing.noun).toLowerCase()})</a>}
          {actor.kind === 'state' && actor.countryCode && <a href={quotesHref({ country: actor.countryCode })}>Quotes of everyone speaking for {actor.name}</a>}
        </p>
      </section>

      {analyst && <RecordHistory type="actor" id={actor.id} name={actor.name} />}
    </>
  );
}
