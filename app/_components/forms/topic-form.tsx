'use client';
// Create or edit a topic: the question, and the topic's own words for positions −2 … +2.
import { useActionState } from 'react';
import type { TopicRecord } from '@/lib/write/records';
import { ConflictPanel, versionToSend } from './conflict-panel';
import { Field, FieldGroup } from './fields';
import { FormSummary } from './form-summary';
import { IDLE, shown, type FormState } from './form-state';
import { SubmitButton } from './submit-button';

const POSITIONS = ['−2', '−1', '0', '+1', '+2'];
const LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Slug',
  question: 'Question',
  scaleLabels: 'Scale',
  sortOrder: 'Order',
  ...Object.fromEntries(POSITIONS.map((p, i) => [`scaleLabels.${i}`, `Words for ${p}`])),
};

type Props = { action: (state: FormState, data: FormData) => Promise<FormState>; topic: TopicRecord | null };

export function TopicForm({ action, topic }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="card max-w-3xl form-stack" aria-label={topic ? `Edit ${topic.title}` : 'New topic'}>
      <FormSummary state={state} fieldLabels={LABELS} />
      {topic && (
        <ConflictPanel
          state={state}
          noun="topic"
          reloadHref={`/topics/${topic.slug}/edit`}
          fields={[
            { key: 'title', label: 'Title' },
            { key: 'slug', label: 'Slug' },
            { key: 'question', label: 'Question' },
            { key: 'scaleLabels', label: 'Scale', format: (v) => (Array.isArray(v) ? v.map((label, i) => `${POSITIONS[i]} ${String(label)}`).join(' · ') : '—') },
            { key: 'sortOrder', label: 'Order' },
          ]}
        />
      )}
      {topic && <input type="hidden" name="version" value={versionToSend(state, topic.version)} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="title" label={LABELS.title} hint="Short, as the matrix column shows it." state={state}>
          {(control) => <input {...control} name="title" type="text" required autoComplete="off" defaultValue={shown(state, 'title', topic?.title)} className="field-control" />}
        </Field>
        <Field name="slug" label={LABELS.slug} hint={topic ? 'Part of its address; changing it changes the address.' : 'Leave empty to make one from the title.'} state={state}>
          {(control) => <input {...control} name="slug" type="text" autoComplete="off" defaultValue={shown(state, 'slug', topic?.slug)} className="field-control" />}
        </Field>
      </div>
      <Field name="question" label={LABELS.question} hint="The question every stance on this topic answers." state={state}>
        {(control) => <textarea {...control} name="question" rows={2} required defaultValue={shown(state, 'question', topic?.question)} className="field-control" />}
      </Field>
      <FieldGroup name="scaleLabels" legend="Words for the five positions" hint="From −2 (most against what the question asks) to +2 (most for it)." state={state}>
        <div className="mt-2 grid gap-3 sm:grid-cols-5">
          {POSITIONS.map((position, i) => (
            <Field key={position} name={`scaleLabels.${i}`} label={position} state={state}>
              {(control) => <input {...control} name={`scaleLabels.${i}`} type="text" required autoComplete="off" defaultValue={shown(state, `scaleLabels.${i}`, topic?.scaleLabels[i])} className="field-control" />}
            </Field>
          ))}
        </div>
      </FieldGroup>
      <Field name="sortOrder" label={LABELS.sortOrder} hint={topic ? 'Topics are listed by this number.' : 'Leave empty to list the topic last.'} state={state} className="max-w-xs">
        {(control) => <input {...control} name="sortOrder" type="text" inputMode="numeric" autoComplete="off" defaultValue={shown(state, 'sortOrder', topic?.sortOrder.toString())} className="field-control" />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{topic ? 'Save changes' : 'Create topic'}</SubmitButton>
        <a href={topic ? `/topics/${topic.slug}` : '/topics'}>Cancel</a>
      </div>
    </form>
  );
}
