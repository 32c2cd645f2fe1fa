'use client';
// Code a stance: an actor's position on a topic's own scale, at a date, with its evidence. In
// edit mode the actor and topic are fixed (a different pair is a different stance); a new
// judgement on the same pair is a new stance with its own date, never an overwrite.
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { CONFIDENCES } from '@/lib/domain/vocabulary';
import type { ActorChoice, QuoteChoice } from '@/lib/queries/pickers';
import { ActorPicker } from './actor-picker';
import { ConflictPanel, versionToSend } from './conflict-panel';
import { EvidencePicker } from './evidence-picker';
import { Field, FieldGroup } from './fields';
import { FormSummary } from './form-summary';
import { errorsFor, IDLE, shown, type FormState } from './form-state';

const POSITIONS = [-2, -1, 0, 1, 2] as const;
const signed = (p: number) => (p > 0 ? `+${p}` : p < 0 ? `−${-p}` : '0');
const LABELS = { actor: 'Actor', topic: 'Topic', position: 'Position', confidence: 'Confidence', asOf: 'As of', summary: 'Summary', evidence: 'Evidence' };

export type TopicChoice = { slug: string; title: string; scaleLabels: readonly string[] };
export type EditedStance = { id: number; version: number; actor: { slug: string; name: string }; topic: string; position: number; confidence: string; asOf: string; summary: string };

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  topics: TopicChoice[];
  stance: EditedStance | null;
  initialActor: ActorChoice | null;
  initialTopic: string | null;
  initialEvidence: QuoteChoice[];
};

export function StanceForm({ action, topics, stance, initialActor, initialTopic, initialEvidence }: Props) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [actor, setActor] = useState<{ slug: string; name: string } | null>(stance?.actor ?? initialActor);
  const [topicSlug, setTopicSlug] = useState(stance?.topic ?? initialTopic ?? '');
  const topic = topics.find((t) => t.slug === topicSlug) ?? null;
  const position = shown(state, 'position', stance ? String(stance.position) : '');
  const confidence = shown(state, 'confidence', stance?.confidence ?? 'medium');

  // Submitted by hand so that React does not reset the fields: the pickers' choices live in state.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  return (
    <form action={dispatch} onSubmit={submit} noValidate className="card max-w-4xl form-stack" aria-label={stance ? `Correct stance ${stance.id}` : 'New stance'}>
      <FormSummary state={state} fieldLabels={LABELS} />
      {stance && (
        <ConflictPanel
          state={state}
          noun="stance"
          reloadHref={`/stances/${stance.id}/edit`}
          fields={[
            { key: 'position', label: 'Position', format: (v) => (typeof v === 'number' ? `${signed(v)} ${topic?.scaleLabels[v + 2] ?? ''}` : '—') },
            { key: 'confidence', label: 'Confidence' },
            { key: 'asOf', label: 'As of' },
            { key: 'summary', label: 'Summary' },
            { key: 'evidence', label: 'Evidence', format: (v) => (Array.isArray(v) ? v.map((id) => `quote ${String(id)}`).join(', ') : '—') },
          ]}
        />
      )}
      {stance && <input type="hidden" name="version" value={versionToSend(state, stance.version)} />}

      {stance ? (
        <p className="text-sm">
          <strong>{stance.actor.name}</strong> on <strong>{topic?.title ?? stance.topic}</strong>. A different actor or topic is a different stance; a
          later judgement is <a href={`/stances/new?actor=${stance.actor.slug}&topic=${stance.topic}`}>a new dated stance</a>.
        </p>
      ) : (
        <div className="grid gap-5 md:grid-cols-2">
          <ActorPicker name="actor" label="Actor" initial={initialActor} errors={errorsFor(state, 'actor')} onChange={(a) => setActor(a)} />
          <Field name="topic" label={LABELS.topic} state={state}>
            {(control) => (
              <select {...control} name="topic" value={topicSlug} onChange={(e) => setTopicSlug(e.target.value)} className="field-control">
                <option value="">Choose a topic</option>
                {topics.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}

      <FieldGroup name="position" legend={LABELS.position} hint={topic ? `On “${topic.title}”, in the topic's own words.` : 'Choose the topic first to see its words.'} state={state}>
        <div className="mt-2 grid gap-2 sm:grid-cols-5">
          {POSITIONS.map((p) => (
            <label key={p} className="flex items-start gap-2 rounded border border-slate-300 p-2 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50">
              <input type="radio" name="position" value={p} defaultChecked={position === String(p)} className="mt-1" />
              <span>
                <span className="font-semibold">{signed(p)}</span> {topic ? topic.scaleLabels[p + 2] : ''}
              </span>
            </label>
          ))}
        </div>
      </FieldGroup>

      <div className="grid gap-5 md:grid-cols-2">
        <FieldGroup name="confidence" legend={LABELS.confidence} hint="How sure the coding is, given the evidence." state={state}>
          <div className="mt-2 flex gap-4 text-sm">
            {CONFIDENCES.map((c) => (
              <label key={c} className="inline-flex items-center gap-1">
                <input type="radio" name="confidence" value={c} defaultChecked={confidence === c} />
                {c}
              </label>
            ))}
          </div>
        </FieldGroup>
        <Field name="asOf" label={LABELS.asOf} hint="The date the position held, usually the date of the evidence." state={state}>
          {(control) => <input {...control} name="asOf" type="date" required defaultValue={shown(state, 'asOf', stance?.asOf)} className="field-control" />}
        </Field>
      </div>

      <Field name="summary" label={LABELS.summary} hint="One or two sentences: what the actor's position is, in the analyst's words." state={state}>
        {(control) => <textarea {...control} name="summary" rows={3} required defaultValue={shown(state, 'summary', stance?.summary)} className="field-control" />}
      </Field>

      <EvidencePicker initial={initialEvidence} actor={actor} errors={errorsFor(state, 'evidence')} />

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="btn-primary">
          {pending ? 'Saving…' : stance ? 'Save correction' : 'Save stance'}
        </button>
        <a href={stance ? `/stances/${stance.id}` : '/stances'}>Cancel</a>
      </div>
    </form>
  );
}
