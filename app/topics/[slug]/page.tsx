import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DistributionChart } from '@/app/_components/charts';
import { PositionBadge } from '@/app/_components/position-badge';
import { StanceTable } from '@/app/_components/stance-table';
import { RecordHistory } from '@/app/_components/record-history';
import { SavedNotice } from '@/app/_components/saved-notice';
import { getViewer, type Viewer } from '@/app/_lib/session';
import { quoteText } from '@/app/_components/text';
import { totalText } from '@/app/_components/listing/chrome';
import { formatDate } from '@/lib/dates';
import type { Position } from '@/lib/domain/vocabulary';
import { loadListingView } from '@/lib/listing/view';
import { stanceListing } from '@/lib/listings/stances';
import type { TopicSummary } from '@/lib/listings/topics';
import { positionLabel, signedPosition } from '@/lib/positions';
import { read } from '@/lib/queries/cached';
import { getAllies, getCamps, getOrganisationsWithStances, getTopic } from '@/lib/queries/catalog';
import { getQuoteRefs } from '@/lib/queries/evidence';
import { getLatestStances } from '@/lib/queries/latest';
import { actorHref, quoteInSourceHref, stancesHref } from '@/lib/urls';

/** How many dated stances the page shows; the rest is one link away. */
const SHOWN = 20;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await getTopic((await params).slug);
  return { title: topic ? topic.title : 'Topic not found' };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const topic = await getTopic((await params).slug);
  if (!topic) notFound();
  const viewer = await getViewer();
  const saved = (await searchParams).saved;
  return (
    <>
      <header className="space-y-1">
        <p className="text-sm text-slate-700">
          <a href="/topics">Topics</a>
        </p>
        <h1 className="text-2xl font-bold">{topic.title}</h1>
        <p className="text-base">{topic.question}</p>
        <ol className="flex flex-wrap gap-2 pt-1" aria-label="Position scale">
          {([-2, -1, 0, 1, 2] as Position[]).map((p) => (
            <li key={p}>
              <PositionBadge position={p} label={positionLabel(topic.scaleLabels, p)} />
            </li>
          ))}
        </ol>
        {viewer.can('stance:create') && (
          <p className="flex flex-wrap gap-3 pt-2" data-testid="edit-controls">
            {viewer.can('topic:update') && (
              <a href={`/topics/${topic.slug}/edit`} className="btn-secondary">
                Edit topic
              </a>
            )}
            <a href={`/stances/new?topic=${topic.slug}`} className="btn-secondary">
              New stance on this topic
            </a>
          </p>
        )}
      </header>
      {saved === 'topic' && <SavedNotice>Topic saved.</SavedNotice>}
      {saved === 'camp-member' && <SavedNotice>Camp member added.</SavedNotice>}
      <TopicPositions topic={topic} viewer={viewer} />
      {viewer.can('topic:update') && <RecordHistory type="topic" id={topic.id} name={topic.title} />}
    </>
  );
}

async function TopicPositions({ topic, viewer }: { topic: TopicSummary; viewer: Viewer }) {
  const [allies, organisations, view, camps] = await Promise.all([
    getAllies(),
    getOrganisationsWithStances(),
    loadListingView(stanceListing, { topic: topic.slug, sort: '-asOf', limit: String(SHOWN) }),
    getCamps({ topic: topic.slug }),
  ]);
  const latest = await getLatestStances([...allies, ...organisations].map((a) => a.id), [topic.id]);
  const latestBySlug = new Map(latest.map((s) => [s.actor.slug, s]));
  // Those with a sourced position first, strongest for the question at the top; then the rest.
  const rows = [...allies, ...organisations].sort((a, b) => (latestBySlug.get(b.slug)?.position ?? -99) - (latestBySlug.get(a.slug)?.position ?? -99));
  const history = view.page.items;
  const evidenceIds = [...history.flatMap((s) => s.evidence), ...camps.flatMap((c) => c.evidence)];
  const quotes = await read(['quote-refs', evidenceIds], (db) => getQuoteRefs(evidenceIds, db));
  const distribution = ([-2, -1, 0, 1, 2] as const).map((p) => ({
    position: signedPosition(p),
    label: positionLabel(topic.scaleLabels, p),
    actors: latest.filter((s) => s.position === p).length,
  }));
  const withoutPosition = rows.filter((r) => !latestBySlug.has(r.slug)).length;

  return (
    <>
      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-labelledby="allies-heading" className="space-y-2 lg:col-span-2">
          <h2 id="allies-heading" className="text-lg font-semibold">
            Where every ally stands
          </h2>
          <div className="max-h-[32rem] overflow-y-auto rounded-lg border border-slate-200 bg-white">
            <table className="data-table">
              <caption className="sr-only">Latest position of each ally on this question</caption>
              <thead>
                <tr>
                  <th scope="col">Ally</th>
                  <th scope="col">Latest position</th>
                  <th scope="col">As of</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((actor) => {
                  const stance = latestBySlug.get(actor.slug);
                  return (
                    <tr key={actor.slug}>
                      <th scope="row" className="bg-white font-medium">
                        <a href={actorHref(actor.slug)}>{actor.name}</a>
                      </th>
                      <td>
                        {stance ? (
                          <a href={stancesHref(actor.countryCode ? { country: actor.countryCode, topic: topic.slug } : { actor: actor.slug, topic: topic.slug })} className="no-underline">
                            <PositionBadge position={stance.position} label={stance.label} />
                          </a>
                        ) : (
                          <span className="text-xs text-slate-600">No sourced position</span>
                        )}
                      </td>
                      <td className="whitespace-nowrap text-sm">{stance ? formatDate(stance.asOf) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="distribution-heading" className="card">
          <h2 id="distribution-heading" className="font-semibold">
            Distribution
          </h2>
          <p className="text-xs text-slate-700">
            Latest positions of {latest.length} {latest.length === 1 ? 'actor' : 'actors'}; {withoutPosition} of {rows.length} have no sourced position.
          </p>
          <DistributionChart data={distribution.map(({ position, actors }) => ({ position, actors }))} />
          <table className="data-table mt-2">
            <caption className="sr-only">Distribution of latest positions</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Actors</th>
              </tr>
            </thead>
            <tbody>
              {distribution.map((d) => (
                <tr key={d.position}>
                  <td>
                    {d.position} {d.label}
                  </td>
                  <td>{d.actors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section aria-labelledby="camps-heading" className="space-y-3">
        <h2 id="camps-heading" className="text-lg font-semibold">
          Camps
        </h2>
        {camps.length === 0 && <p className="card text-sm">No camps coded on this question.</p>}
        <div className="grid gap-3 md:grid-cols-2">
          {camps.map((c) => (
            <article key={c.slug} id={`camp-${c.slug}`} className="card space-y-2" aria-labelledby={`camp-${c.slug}-name`}>
              <h3 id={`camp-${c.slug}-name`} className="font-semibold">
                {c.name}
              </h3>
              <p className="text-sm">{c.description}</p>
              <p className="text-sm">
                <span className="font-medium">Members: </span>
                {c.members.length === 0
                  ? 'not named in the sources'
                  : c.members.map((m, i) => (
                      <span key={m.actor.slug}>
                        {i > 0 && ', '}
                        <a href={actorHref(m.actor.slug)}>{m.actor.name}</a> (since {formatDate(m.asOf)})
                      </span>
                    ))}
              </p>
              <ul className="space-y-1 text-xs" aria-label={`Evidence for the ${c.name} camp`}>
                {c.evidence.map((id) => {
                  const q = quotes.get(id);
                  return q ? (
                    <li key={id}>
                      <a href={quoteInSourceHref(q.sourceId, q.id)}>{quoteText(q, 90)}</a> — {q.speakerLabel}
                    </li>
                  ) : null;
                })}
              </ul>
            </article>
          ))}
        </div>
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Dated stances on this question, newest first
        </h2>
        {history.length === 0 ? (
          <p className="card text-sm">No sourced stances yet.</p>
        ) : (
          <StanceTable stances={history} quotes={quotes} caption="Dated stances on this question, newest first" hide={['topic']} />
        )}
        {view.page.nextCursor && (
          <p className="text-sm">
            Showing the newest {history.length}:{' '}
            <a href={stancesHref({ topic: topic.slug, sort: '-asOf' })}>all dated stances on this question ({totalText(view.total, stanceListing.noun).toLowerCase()})</a>
          </p>
        )}
      </section>
    </>
  );
}
