'use server';
// The review queue's decisions, through the operations of POST /api/quotes/{id}/accept and
// /reject and PATCH /api/quotes/{id}. Each names the quote's version as the page showed it, so a
// quote someone else decided meanwhile is not decided twice. After a decision the queue moves
// on to the next item; after a correction it stays on the quote.
import { redirect } from 'next/navigation';
import { type FormState } from '@/app/_components/forms/form-state';
import { submitForm } from '@/app/_lib/form-action';
import { acceptQuote, createActor, rejectQuote, updateQuote } from '@/lib/write/operations';
import type { ActorChoice } from '@/lib/queries/pickers';

const QUOTE_ID = /^[1-9]\d{0,15}$/;

/** The queue's address with its filters (carried by the form as `back`), on quote `quote`, saying what was done. */
function queueHref(back: unknown, quote: string | null, done: string): string {
  const params = new URLSearchParams(typeof back === 'string' ? back : '');
  for (const key of ['quote', 'done']) params.delete(key);
  if (quote && QUOTE_ID.test(quote)) params.set('quote', quote);
  params.set('done', done);
  return `/review?${params}`;
}

function quoteIdOf(data: FormData): number | null {
  const raw = data.get('id');
  return typeof raw === 'string' && QUOTE_ID.test(raw) ? Number(raw) : null;
}

const noQuote = (previous: FormState): FormState => ({ ...previous, status: 'error', message: 'The form names no quote', errors: {}, seq: previous.seq + 1 });

/** Accept or reject (the button pressed says which), then on to the next quote in the queue. */
export async function decideQuote(previous: FormState, data: FormData): Promise<FormState> {
  const id = quoteIdOf(data);
  if (id === null) return noQuote(previous);
  const accept = data.get('decision') === 'accept';
  const outcome = await submitForm(accept ? acceptQuote(id) : rejectQuote(id), data, previous, (form) => ({ version: form.integer('version') }));
  if (!outcome.ok) return outcome.state;
  const next = data.get('next');
  redirect(queueHref(data.get('back'), typeof next === 'string' ? next : null, `${accept ? 'accepted' : 'rejected'}-${id}`));
}

/** A new span, chosen by selecting words in the article; the text follows from the body. */
export async function correctSpan(previous: FormState, data: FormData): Promise<FormState> {
  const id = quoteIdOf(data);
  if (id === null) return noQuote(previous);
  const outcome = await submitForm(updateQuote(id), data, previous, (form) => {
    const start = form.optionalInteger('start');
    const end = form.optionalInteger('end');
    if (start === null || end === null) form.problem('start', 'select the words of the quote in the article first');
    return { version: form.integer('version'), start, end };
  });
  if (!outcome.ok) return outcome.state;
  redirect(queueHref(data.get('back'), String(id), `span-${id}`));
}

/** Who said it (an actor, or none), how the article names them, and whether it is a direct quote. */
export async function correctDetails(previous: FormState, data: FormData): Promise<FormState> {
  const id = quoteIdOf(data);
  if (id === null) return noQuote(previous);
  const outcome = await submitForm(updateQuote(id), data, previous, (form) => ({
    version: form.integer('version'),
    speaker: form.optionalText('speaker'),
    speakerLabel: form.text('speakerLabel'),
    kind: form.text('kind'),
  }));
  if (!outcome.ok) return outcome.state;
  redirect(queueHref(data.get('back'), String(id), `details-${id}`));
}

export type NewSpeakerState = FormState & { created: ActorChoice | null };

/** A speaker no actor stands for yet: made here (POST /api/actors' operation), then picked. */
export async function createSpeaker(previous: NewSpeakerState, data: FormData): Promise<NewSpeakerState> {
  const outcome = await submitForm(createActor(), data, previous, (form) => ({
    name: form.text('name'),
    kind: form.text('kind'),
    countryCode: form.optionalText('countryCode')?.toUpperCase() ?? null,
    confirmed: true,
  }));
  if (!outcome.ok) return { ...outcome.state, created: null };
  const actor = outcome.record;
  return {
    status: 'idle',
    message: `${actor.name} was created.`,
    errors: {},
    values: null,
    current: null,
    seq: previous.seq + 1,
    created: { slug: actor.slug, name: actor.name, kind: actor.kind, countryCode: actor.countryCode, confirmed: actor.confirmed, aliases: actor.aliases },
  };
}
