'use client';
// A new member of a camp: the actor, since when, and the accepted quotes that show it.
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { ActorPicker } from './actor-picker';
import { EvidencePicker } from './evidence-picker';
import { Field } from './fields';
import { FormSummary } from './form-summary';
import { errorsFor, IDLE, shown, type FormState } from './form-state';

const LABELS = { actor: 'Actor', asOf: 'Member since', evidence: 'Evidence' };

export function CampMemberForm({ action, campName, cancelHref }: { action: (state: FormState, data: FormData) => Promise<FormState>; campName: string; cancelHref: string }) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [actor, setActor] = useState<{ slug: string; name: string } | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <form action={dispatch} onSubmit={submit} noValidate className="card max-w-4xl form-stack" aria-label={`New member of ${campName}`}>
      <FormSummary state={state} fieldLabels={LABELS} />
      <ActorPicker name="actor" label="Actor" initial={null} errors={errorsFor(state, 'actor')} onChange={setActor} />
      <Field name="asOf" label={LABELS.asOf} hint="The date the evidence shows the actor in the camp." state={state} className="max-w-xs">
        {(control) => <input {...control} name="asOf" type="date" required defaultValue={shown(state, 'asOf', '')} className="field-control" />}
      </Field>
      <EvidencePicker initial={[]} actor={actor} errors={errorsFor(state, 'evidence')} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="btn-primary">
          {pending ? 'Saving…' : 'Add member'}
        </button>
        <a href={cancelHref}>Cancel</a>
      </div>
    </form>
  );
}
