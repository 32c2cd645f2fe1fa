import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { QuoteCard } from '@/app/_components/quote-card';
import { TableSkeleton } from '@/app/_components/skeleton';
import { StanceTable } from '@/app/_components/stance-table';
import { StanceHistory } from '@/app/_components/stance-history';
import { EMPTY_FILTERS } from '@/lib/filters';
import { getActor, getCamps } from '@/lib/queries/catalog';
import { getQuoteRefs, getQuotes } from '@/lib/queries/quotes';
import { getActorStanceHistory } from '@/lib/queries/stances';
import { campHref, quotesHref } from '@/lib/urls';

type Props = { params: Promise<{ slug: string }> };

const KIND_LABELS = { state: 'State', person: 'Person', organisation: 'Organisation', anonymous: 'Unnamed speaker' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = getActor((await params).slug);
  return { title: actor ? actor.name : 'Actor not found' };
}

export default async function ActorPage({ params }: Props) {
  const { slug } = await params;
  const actor = getActor(slug);
  if (!actor) notFound();
  return (
    <>
      <header className="space-y-1">
        <p className="text-sm text-slate-700">
          <Link href="/actors">Actors</Link> › {KIND_LABELS[actor.kind]}
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
      </header>
      <Suspense key={slug} fallback={<TableSkeleton label="Loading stances" />}>
        <ActorStances slug={slug} />
      </Suspense>
      <Suspense key={`${slug}-quotes`} fallback={<TableSkeleton label="Loading quotes" />}>
        <ActorQuotes slug={slug} name={actor.name} />
      </Suspense>
    </>
  );
}

async function ActorStances({ slug }: { slug: string }) {
  const history = getActorStanceHistory(slug);
  const camps = getCamps({ actor: slug });
  const quotes = getQuoteRefs(history.flatMap((s) => s.evidence));
  return (
    <>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Positions over time
        </h2>
        {history.length === 0 ? (
          <p className="card text-sm">No sourced position on any tracked question.</p>
        ) : (
          <>
            <StanceHistory stances={history} />
            <StanceTable stances={history} quotes={quotes} caption="All dated stances of this actor" hide={['country', 'actor']} />
          </>
        )}
      </section>
      {camps.length > 0 && (
        <section aria-labelledby="camps-heading" className="space-y-2">
          <h2 id="camps-heading" className="text-lg font-semibold">
            Camps
          </h2>
          <ul className="list-disc pl-5 text-sm">
            {camps.map((c) => (
              <li key={c.slug}>
                <Link href={campHref(c.topic.slug, c.slug)}>{c.name}</Link> on {c.topic.title}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

async function ActorQuotes({ slug, name }: { slug: string; name: string }) {
  const filters = { ...EMPTY_FILTERS, actor: slug };
  const page = getQuotes(filters, { limit: 100, cursor: null, sort: 'date', descending: false });
  return (
    <section aria-labelledby="quotes-heading" className="space-y-3">
      <h2 id="quotes-heading" className="text-lg font-semibold">
        Quotes by or about {name}
      </h2>
      {page.items.length === 0 ? (
        <p className="card text-sm">No coded quotes.</p>
      ) : (
        page.items.map((q) => <QuoteCard key={q.id} quote={q} />)
      )}
      {page.nextCursor && <Link href={quotesHref({ actor: slug })}>All quotes by or about {name}</Link>}
    </section>
  );
}
