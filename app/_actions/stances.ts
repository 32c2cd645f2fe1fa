'use server';
// The stance forms. A new stance (POST /api/stances' operation) names its actor and topic; a
// correction (PATCH /api/stances/{id}) names the version it was opened at.
import { redirect } from 'next/navigation';
import type { FormState } from '@/app/_components/forms/form-state';
import type { FormReader } from '@/app/_lib/form-input';
import { submitForm } from '@/app/_lib/form-action';
import { createStance, updateStance } from '@/lib/write/operations';

function judgement(form: FormReader) {
  return {
    position: form.integer('position'),
    confidence: form.text('confidence'),
    asOf: form.text('asOf'),
    summary: form.text('summary'),
    evidence: form.ids('evidence'),
  };
}

export async function saveStance(id: number | null, previous: FormState, data: FormData): Promise<FormState> {
  const outcome =
    id === null
      ? await submitForm(createStance(), data, previous, (form) => {
          const actor = form.text('actor');
          const topic = form.text('topic');
          if (!actor) form.problem('actor', 'choose the actor whose position this is');
          if (!topic) form.problem('topic', 'choose the topic');
          return { actor, topic, ...judgement(form) };
        })
      : await submitForm(updateStance(id), data, previous, (form) => ({ version: form.integer('version'), ...judgement(form) }));
  if (!outcome.ok) return outcome.state;
  redirect(`/stances/${outcome.record.id}?saved=stance`);
}
