import type { Metadata } from 'next';
import { saveActor } from '@/app/_actions/actors';
import { ActorForm } from '@/app/_components/forms/actor-form';
import { requireAnalyst } from '@/app/_lib/session';
import { organisationChoices } from '@/lib/queries/pickers';

export const metadata: Metadata = { title: 'New actor' };

export default async function NewActorPage() {
  await requireAnalyst('/actors/new');
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/actors">Actors</a> › New
      </p>
      <h1 className="text-2xl font-bold">New actor</h1>
      <ActorForm action={saveActor.bind(null, null)} actor={null} organisations={organisationChoices()} />
    </>
  );
}
