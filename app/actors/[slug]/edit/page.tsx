import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { saveActor } from '@/app/_actions/actors';
import { ActorForm } from '@/app/_components/forms/actor-form';
import { SavedNotice } from '@/app/_components/saved-notice';
import { requireAnalyst } from '@/app/_lib/session';
import { getDb } from '@/db/client';
import { organisationChoices } from '@/lib/queries/pickers';
import { actorRecordBySlug } from '@/lib/write/records';

export const metadata: Metadata = { title: 'Edit actor' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditActorPage({ params, searchParams }: Props) {
  const { slug } = await params;
  await requireAnalyst(`/actors/${slug}/edit`);
  const actor = actorRecordBySlug(getDb(), slug);
  if (!actor || actor.deletedAt) notFound();
  const saved = (await searchParams).saved === 'actor';
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/actors">Actors</a> › {actor.confirmed ? <a href={`/actors/${actor.slug}`}>{actor.name}</a> : actor.name} › Edit
      </p>
      <h1 className="text-2xl font-bold">Edit {actor.name}</h1>
      {saved && <SavedNotice>Saved (version {actor.version}).{actor.confirmed ? '' : ' The actor is not confirmed yet, so it has no public page.'}</SavedNotice>}
      <ActorForm key={actor.version} action={saveActor.bind(null, actor.slug)} actor={actor} organisations={organisationChoices().filter((o) => o.slug !== actor.slug)} />
    </>
  );
}
