'use client';
// Create or edit an actor, with the other names it is written as (one per line).
import { useActionState } from 'react';
import { ACTOR_KINDS } from '@/lib/domain/vocabulary';
import type { ActorRecord } from '@/lib/write/records';
import { ConflictPanel, versionToSend } from './conflict-panel';
import { Field } from './fields';
import { FormSummary } from './form-summary';
import { IDLE, shown, type FormState } from './form-state';
import { SubmitButton } from './submit-button';

export const ACTOR_KIND_LABELS = { state: 'State', person: 'Person', organisation: 'Organisation', anonymous: 'Unnamed speaker' } as const;

const LABELS = { name: 'Name', slug: 'Slug', kind: 'Kind', countryCode: 'Country code', organisation: 'Speaks for the organisation', natoAccessionYear: 'NATO member since', aliases: 'Also written as', confirmed: 'Confirmed' };

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  actor: ActorRecord | null;
  organisations: { slug: string; name: string }[];
};

export function ActorForm({ action, actor, organisations }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const checked = state.values ? state.values.confirmed !== undefined : (actor?.confirmed ?? true);
  return (
    <form action={formAction} noValidate className="card max-w-3xl form-stack" aria-label={actor ? `Edit ${actor.name}` : 'New actor'}>
      <FormSummary state={state} fieldLabels={LABELS} />
      {actor && (
        <ConflictPanel
          state={state}
          noun="actor"
          reloadHref={`/actors/${actor.slug}/edit`}
          fields={[
            { key: 'name', label: 'Name' },
            { key: 'slug', label: 'Slug' },
            { key: 'kind', label: 'Kind' },
            { key: 'countryCode', label: 'Country code' },
            { key: 'organisation', label: 'Organisation' },
            { key: 'natoAccessionYear', label: 'NATO member since' },
            { key: 'aliases', label: 'Also written as' },
            { key: 'confirmed', label: 'Confirmed', format: (v) => (v ? 'yes' : 'no') },
          ]}
        />
      )}
      {actor && <input type="hidden" name="version" value={versionToSend(state, actor.version)} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label={LABELS.name} state={state}>
          {(control) => <input {...control} name="name" type="text" required autoComplete="off" defaultValue={shown(state, 'name', actor?.name)} className="field-control" />}
        </Field>
        <Field name="slug" label={LABELS.slug} hint={actor ? 'Part of its address; changing it changes the address.' : 'Leave empty to make one from the name.'} state={state}>
          {(control) => <input {...control} name="slug" type="text" autoComplete="off" defaultValue={shown(state, 'slug', actor?.slug)} className="field-control" />}
        </Field>
        <Field name="kind" label={LABELS.kind} state={state}>
          {(control) => (
            <select {...control} name="kind" defaultValue={shown(state, 'kind', actor?.kind ?? 'person')} className="field-control">
              {ACTOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {ACTOR_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="countryCode" label={LABELS.countryCode} hint="Two letters, like HU: the state itself, or the country a person speaks for. A state needs one." state={state}>
          {(control) => <input {...control} name="countryCode" type="text" maxLength={2} autoComplete="off" defaultValue={shown(state, 'countryCode', actor?.countryCode)} className="field-control uppercase" />}
        </Field>
        <Field name="organisation" label={LABELS.organisation} hint="For a person speaking for NATO, the EU or another organisation." state={state}>
          {(control) => (
            <select {...control} name="organisation" defaultValue={shown(state, 'organisation', actor?.organisation)} className="field-control">
              <option value="">None</option>
              {organisations.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="natoAccessionYear" label={LABELS.natoAccessionYear} hint="For a member state: the year it joined." state={state}>
          {(control) => <input {...control} name="natoAccessionYear" type="text" inputMode="numeric" autoComplete="off" defaultValue={shown(state, 'natoAccessionYear', actor?.natoAccessionYear?.toString())} className="field-control" />}
        </Field>
      </div>
      <Field name="aliases" label={LABELS.aliases} hint="One name per line, as articles write it (e.g. “Orban”, “the Hungarian prime minister”)." state={state}>
        {(control) => <textarea {...control} name="aliases" rows={4} defaultValue={shown(state, 'aliases', actor?.aliases.join('\n'))} className="field-control" />}
      </Field>
      <div className="flex items-start gap-2">
        <input id="field-confirmed" name="confirmed" type="checkbox" value="on" defaultChecked={checked} className="mt-1 rounded border-slate-400" aria-describedby="field-confirmed-hint" />
        <label htmlFor="field-confirmed" className="text-sm">
          <span className="font-medium">{LABELS.confirmed}</span>
          <span id="field-confirmed-hint" className="field-hint">
            An actor the extractor proposed stays unconfirmed, and out of the public lists, until an analyst confirms it.
          </span>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{actor ? 'Save changes' : 'Create actor'}</SubmitButton>
        <a href={actor ? `/actors/${actor.slug}` : '/actors'}>Cancel</a>
      </div>
    </form>
  );
}
