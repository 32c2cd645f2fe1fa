import type { Metadata } from 'next';
import { saveStance } from '@/app/_actions/stances';
import { StanceForm } from '@/app/_components/forms/stance-form';
import { requireAnalyst } from '@/app/_lib/session';
import { getTopics } from '@/lib/queries/catalog';
import { actorChoice, quoteChoices } from '@/lib/queries/pickers';
import { href } from '@/lib/urls';

export const metadata: Metadata = { title: 'New stance' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);

/** Prefilled from links: ?actor=slug&topic=slug&evidence=12&evidence=13 (from the review queue, an actor's or topic's page). */
export default async function NewStancePage({ searchParams }: Props) {
  const params = await searchParams;
  await requireAnalyst(href('/stances/new', params));
  const topics = await getTopics();
  const actorSlug = one(params.actor);
  const topicSlug = one(params.topic);
  const evidenceIds = [params.evidence ?? []]
    .flat()
    .filter((v) => /^[1-9]\d{0,15}$/.test(v))
    .map(Number)
    .slice(0, 50);
  const actor = actorSlug ? actorChoice(actorSlug) : null;
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/stances">Stances</a> › New
      </p>
      <h1 className="text-2xl font-bold">New stance</h1>
      <p className="max-w-3xl text-sm">
        A stance is one actor&apos;s position on one topic at one date, resting on accepted quotes. A new judgement on an actor and topic that
        already have a stance is a new stance with its own date: the earlier one stays in the history.
      </p>
      <StanceForm
        action={saveStance.bind(null, null)}
        topics={topics.map((t) => ({ slug: t.slug, title: t.title, scaleLabels: t.scaleLabels }))}
        stance={null}
        initialActor={actor}
        initialTopic={topicSlug && topics.some((t) => t.slug === topicSlug) ? topicSlug : null}
        initialEvidence={quoteChoices(evidenceIds)}
      />
    </>
  );
}
