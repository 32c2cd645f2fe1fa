'use client';
// Who said the quote under review: pick an actor by name or alias (or none), say how the article
// names them, and whether it is a direct quote or a reported statement. A speaker no actor stands
// for yet can be created here first (a separate form: forms cannot nest), then picked.
import { useActionState, useEffect, useRef } from 'react';
import { correctDetails, createSpeaker, type NewSpeakerState } from '@/app/_actions/review';
import { ActorPicker } from '@/app/_components/forms/actor-picker';
import { ACTOR_KIND_LABELS } from '@/app/_components/forms/actor-form';
import { Field } from '@/app/_components/forms/fields';
import { errorsFor, IDLE, shown } from '@/app/_components/forms/form-state';
import { SubmitButton } from '@/app/_components/forms/submit-button';
import { ACTOR_KINDS, type QuoteKind } from '@/lib/domain/vocabulary';
import type { ActorChoice } from '@/lib/queries/pickers';

type Props = { id: number; version: number; back: string; speaker: ActorChoice | null; speakerLabel: string; kind: QuoteKind };

const NEW_SPEAKER: NewSpeakerState = { ...IDLE, created: null };

export function SpeakerEditor({ id, version, back, speaker, speakerLabel, kind }: Props) {
  const [state, action] = useActionState(correctDetails, IDLE);
  const [made, makeAction] = useActionState(createSpeaker, NEW_SPEAKER);
  const alert = useRef<HTMLDivElement>(null);
  const madeAlert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.seq > 0) alert.current?.focus();
  }, [state.seq]);
  useEffect(() => {
    if (made.seq > 0) madeAlert.current?.focus();
  }, [made.seq]);
  const initial = made.created ?? speaker;

  return (
    <div className="space-y-3">
      <form action={action} className="form-stack-tight rounded border border-slate-300 bg-slate-50 p-3" aria-label="Correct the speaker and kind">
        <h3 className="text-sm font-semibold">Speaker and kind</h3>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="back" value={back} />
        {state.status !== 'idle' && (
          <div ref={alert} tabIndex={-1} role="alert" className="form-alert">
            Not saved: {state.message}
          </div>
        )}
        {/* Keyed by the actor just created, so that the picker starts from it. */}
        <ActorPicker key={initial?.slug ?? 'none'} name="speaker" label="Speaker" initial={initial} errors={errorsFor(state, 'speaker')} hint="Clear it when the speaker is no actor we track." />
        <Field name="speakerLabel" label="Speaker as the article names them" state={state}>
          {(control) => <input {...control} name="speakerLabel" type="text" defaultValue={shown(state, 'speakerLabel', speakerLabel)} className="field-control" />}
        </Field>
        <fieldset>
          <legend className="field-label">Kind</legend>
          <div className="mt-1 flex gap-4 text-sm">
            <label className="inline-flex items-center gap-1">
              <input type="radio" name="kind" value="direct" defaultChecked={shown(state, 'kind', kind) === 'direct'} /> direct quote
            </label>
            <label className="inline-flex items-center gap-1">
              <input type="radio" name="kind" value="reported" defaultChecked={shown(state, 'kind', kind) === 'reported'} /> reported statement
            </label>
          </div>
        </fieldset>
        <SubmitButton pendingText="Saving…" className="btn-primary">
          Save speaker and kind
        </SubmitButton>
      </form>

      <details className="rounded border border-slate-300 bg-white p-3" open={made.status === 'error' || undefined}>
        <summary className="cursor-pointer text-sm font-semibold">The speaker is not in the list: create an actor</summary>
        <form action={makeAction} className="mt-2 form-stack-tight" aria-label="Create a speaker">
          {made.status === 'error' && (
            <p ref={madeAlert} tabIndex={-1} role="alert" className="form-alert">
              Not created: {made.message}
            </p>
          )}
          {made.created && (
            <p ref={madeAlert} tabIndex={-1} role="status" className="form-notice">
              {made.message} It is now the chosen speaker above: save the speaker to use it.
            </p>
          )}
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id="new-speaker-name" name="name" label="Name" state={made}>
              {(control) => <input {...control} name="name" type="text" defaultValue={shown(made, 'name', '')} className="field-control" />}
            </Field>
            <Field id="new-speaker-kind" name="kind" label="Kind" state={made}>
              {(control) => (
                <select {...control} name="kind" defaultValue={shown(made, 'kind', 'person')} className="field-control">
                  {ACTOR_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {ACTOR_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="new-speaker-country" name="countryCode" label="Country code" hint="Two letters, like HU." state={made}>
              {(control) => <input {...control} name="countryCode" type="text" maxLength={2} defaultValue={shown(made, 'countryCode', '')} className="field-control uppercase" />}
            </Field>
          </div>
          <SubmitButton pendingText="Creating…" className="btn-secondary">
            Create actor
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}
