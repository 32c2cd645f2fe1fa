'use server';
// A camp's new member, with the quotes that show the membership: the operation of
// POST /api/camps/{slug}/members.
import { redirect } from 'next/navigation';
import type { FormState } from '@/app/_components/forms/form-state';
import { submitForm } from '@/app/_lib/form-action';
import { addCampMember } from '@/lib/write/operations';

export async function saveCampMember(campSlug: string, topicSlug: string, previous: FormState, data: FormData): Promise<FormState> {
  const outcome = await submitForm(addCampMember(campSlug), data, previous, (form) => {
    const actor = form.text('actor');
    if (!actor) form.problem('actor', 'choose the actor who belongs to the camp');
    return { actor, asOf: form.text('asOf'), evidence: form.ids('evidence') };
  });
  if (!outcome.ok) return outcome.state;
  redirect(`/topics/${topicSlug}?saved=camp-member#camp-${campSlug}`);
}
