'use server';
// The actor forms: create, or edit with the version the form was opened at. Both go through the
// same write operations as POST /api/actors and PATCH /api/actors/{slug}.
import { redirect } from 'next/navigation';
import type { FormState } from '@/app/_components/forms/form-state';
import type { FormReader } from '@/app/_lib/form-input';
import { submitForm } from '@/app/_lib/form-action';
import { createActor, updateActor } from '@/lib/write/operations';

function actorFields(form: FormReader) {
  return {
    name: form.text('name'),
    kind: form.text('kind'),
    countryCode: form.optionalText('countryCode')?.toUpperCase() ?? null,
    organisation: form.optionalText('organisation'),
    natoAccessionYear: form.optionalInteger('natoAccessionYear'),
    aliases: form.lines('aliases'),
    confirmed: form.checkbox('confirmed'),
  };
}

/** `slug` is null for a new actor, else the actor being edited. */
export async function saveActor(slug: string | null, previous: FormState, data: FormData): Promise<FormState> {
  const outcome =
    slug === null
      ? await submitForm(createActor(), data, previous, (form) => {
          const newSlug = form.optionalText('slug');
          return { ...actorFields(form), ...(newSlug ? { slug: newSlug } : {}) };
        })
      : await submitForm(updateActor(slug), data, previous, (form) => {
          const newSlug = form.optionalText('slug');
          return { ...actorFields(form), version: form.integer('version'), ...(newSlug && newSlug !== slug ? { slug: newSlug } : {}) };
        });
  if (!outcome.ok) return outcome.state;
  // An unconfirmed actor has no public page yet: back to its form.
  redirect(outcome.record.confirmed ? `/actors/${outcome.record.slug}?saved=actor` : `/actors/${outcome.record.slug}/edit?saved=actor`);
}
