'use server';
// The topic forms: the question and the words of its five-point scale. Same operations as
// POST /api/topics and PATCH /api/topics/{slug}.
import { redirect } from 'next/navigation';
import type { FormState } from '@/app/_components/forms/form-state';
import type { FormReader } from '@/app/_lib/form-input';
import { submitForm } from '@/app/_lib/form-action';
import { createTopic, updateTopic } from '@/lib/write/operations';

function topicFields(form: FormReader, slug: string | null) {
  const sortOrder = form.optionalInteger('sortOrder');
  const newSlug = form.optionalText('slug');
  return {
    title: form.text('title'),
    question: form.text('question'),
    scaleLabels: [0, 1, 2, 3, 4].map((i) => form.text(`scaleLabels.${i}`)),
    ...(sortOrder !== null ? { sortOrder } : {}),
    ...(newSlug && newSlug !== slug ? { slug: newSlug } : {}),
  };
}

export async function saveTopic(slug: string | null, previous: FormState, data: FormData): Promise<FormState> {
  const outcome =
    slug === null
      ? await submitForm(createTopic(), data, previous, (form) => topicFields(form, null))
      : await submitForm(updateTopic(slug), data, previous, (form) => ({ ...topicFields(form, slug), version: form.integer('version') }));
  if (!outcome.ok) return outcome.state;
  redirect(`/topics/${outcome.record.slug}?saved=topic`);
}
