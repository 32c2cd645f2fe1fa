import type { Metadata } from 'next';
import { AnalystActions } from '@/app/_components/analyst-actions';
import { FilterErrors, Pager, ResultsHeading } from '@/app/_components/listing/chrome';
import { loadListingView, viewParams } from '@/lib/listing/view';
import { topicListing } from '@/lib/listings/topics';
import { topicHref } from '@/lib/urls';

export const metadata: Metadata = { title: 'Topics' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TopicsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const view = await loadListingView(topicListing, raw);
  const params = viewParams(topicListing, view);
  return (
    <>
      <h1 className="text-2xl font-bold">Topics</h1>
      <AnalystActions links={[{ href: '/topics/new', label: 'New topic', action: 'topic:create' }]} />
      <FilterErrors errors={[...view.errors, ...(view.cursorError ? [view.cursorError] : [])]} />
      <section aria-labelledby="topic-results" className="space-y-3">
        <ResultsHeading id="topic-results" total={view.total} noun={topicListing.noun} filtered={false} order={view.page.order} />
        <ul className="grid gap-3 md:grid-cols-2">
          {view.page.items.map((t) => (
            <li key={t.slug} className="card">
              <h3 className="font-semibold">
                <a href={topicHref(t.slug)}>{t.title}</a>
              </h3>
              <p className="text-sm">{t.question}</p>
              <p className="mt-1 text-xs text-slate-700">
                {t.stanceCount} dated {t.stanceCount === 1 ? 'stance' : 'stances'}
              </p>
            </li>
          ))}
        </ul>
        <Pager path="/topics" params={params} order={view.page.order} cursor={view.request.cursor} nextCursor={view.page.nextCursor} limit={raw.limit ? view.request.limit : null} />
      </section>
    </>
  );
}
