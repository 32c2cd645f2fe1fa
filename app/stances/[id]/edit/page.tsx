import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { saveStance } from '@/app/_actions/stances';
import { StanceForm } from '@/app/_components/forms/stance-form';
import { requireAnalyst } from '@/app/_lib/session';
import { parseSourceId } from '@/lib/ids';
import { getStanceDetail } from '@/lib/queries/stance-detail';

export const metadata: Metadata = { title: 'Correct stance' };

type Props = { params: Promise<{ id: string }> };

export default async function EditStancePage({ params }: Props) {
  const raw = (await params).id;
  await requireAnalyst(`/stances/${raw}/edit`);
  const id = parseSourceId(raw);
  const stance = id === null ? null : getStanceDetail(id);
  if (!stance || stance.deletedAt) notFound();
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/stances">Stances</a> › <a href={`/stances/${stance.id}`}>Stance {stance.id}</a> › Correct
      </p>
      <h1 className="text-2xl font-bold">
        Correct the stance of {stance.actorName} on {stance.topicTitle}
      </h1>
      <p className="max-w-3xl text-sm">
        Correct a mistake in this judgement (its wording, confidence, date or evidence); the version before is kept in the audit log. If the
        position has <em>changed</em> since, record{' '}
        <a href={`/stances/new?actor=${stance.actor}&topic=${stance.topic}`}>a new dated stance</a> instead.
      </p>
      <StanceForm
        key={stance.version}
        action={saveStance.bind(null, stance.id)}
        topics={[{ slug: stance.topic, title: stance.topicTitle, scaleLabels: stance.scaleLabels }]}
        stance={{ id: stance.id, version: stance.version, actor: { slug: stance.actor, name: stance.actorName }, topic: stance.topic, position: stance.position, confidence: stance.confidence, asOf: stance.asOf, summary: stance.summary }}
        initialActor={null}
        initialTopic={stance.topic}
        initialEvidence={stance.evidenceQuotes}
      />
    </>
  );
}
