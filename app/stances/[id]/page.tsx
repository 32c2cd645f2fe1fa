import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuoteInContext } from '@/app/_components/forms/quote-in-context';
import { PositionBadge } from '@/app/_components/position-badge';
import { RecordHistory } from '@/app/_components/record-history';
import { SavedNotice } from '@/app/_components/saved-notice';
import { getViewer } from '@/app/_lib/session';
import { formatDate } from '@/lib/dates';
import type { Position } from '@/lib/domain/vocabulary';
import { parseSourceId } from '@/lib/ids';
import { guardPage } from '@/lib/auth/guard';
import { getStanceDetail } from '@/lib/queries/stance-detail';
import { actorHref, stancesHref, topicHref } from '@/lib/urls';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(raw: string) {
  const id = parseSourceId(raw);
  const stance = id === null ? null : getStanceDetail(id);
  return stance && !stance.deletedAt ? stance : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const stance = await load((await params).id);
  return { title: stance ? `${stance.actorName} on ${stance.topicTitle}, ${stance.asOf}` : 'Stance not found' };
}

/** One dated stance: the judgement, its evidence in context, and for analysts its history and edit links. */
export default async function StancePage({ params, searchParams }: Props) {
  const raw = (await params).id;
  await guardPage('public', `/stances/${raw}`);
  const stance = await load(raw);
  if (!stance) notFound();
  const viewer = await getViewer();
  const saved = (await searchParams).saved === 'stance';
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/stances">Stances</a> › Stance {stance.id}
      </p>
      <h1 className="text-2xl font-bold">
        {stance.actorName} on {stance.topicTitle}, as of {formatDate(stance.asOf)}
      </h1>
      {saved && <SavedNotice>Stance saved (version {stance.version}).</SavedNotice>}
      <section aria-labelledby="judgement-heading" className="card space-y-2 text-sm">
        <h2 id="judgement-heading" className="sr-only">
          Judgement
        </h2>
        <p>
          <PositionBadge position={stance.position as Position} label={stance.scaleLabels[stance.position + 2] ?? ''} /> · {stance.confidence} confidence
        </p>
        <p className="text-base">{stance.summary}</p>
        <p className="flex flex-wrap gap-4">
          <a href={actorHref(stance.actor)}>{stance.actorName}</a>
          <a href={topicHref(stance.topic)}>{stance.topicTitle}</a>
          <a href={stancesHref({ actor: stance.actor, topic: stance.topic, sort: 'asOf' })}>Every dated stance of {stance.actorName} on this topic</a>
        </p>
        {viewer.can('stance:update') && (
          <p className="flex flex-wrap gap-3 pt-2" data-testid="edit-controls">
            <a href={`/stances/${stance.id}/edit`} className="btn-secondary">
              Correct this stance
            </a>
            <a href={`/stances/new?actor=${stance.actor}&topic=${stance.topic}`} className="btn-secondary">
              Record a new judgement
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="evidence-heading" className="space-y-2">
        <h2 id="evidence-heading" className="text-lg font-semibold">
          Evidence
        </h2>
        <ol className="space-y-2">
          {stance.evidenceQuotes.map((quote) => (
            <li key={quote.id} className="card">
              <QuoteInContext quote={quote} />
            </li>
          ))}
        </ol>
      </section>
      {viewer.can('stance:update') && <RecordHistory type="stance" id={stance.id} name={`stance ${stance.id}`} />}
    </>
  );
}
