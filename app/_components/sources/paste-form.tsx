'use client';
// Paste an article's text with its details; on success, say what was stored and link to the
// review of its suggestions.
import { useActionState, useEffect, useRef } from 'react';
import { pasteArticle, type PasteState } from '@/app/_actions/sources';
import { Field } from '@/app/_components/forms/fields';
import { FormSummary } from '@/app/_components/forms/form-summary';
import { IDLE, shown } from '@/app/_components/forms/form-state';
import { SubmitButton } from '@/app/_components/forms/submit-button';
import { StoredMessage } from './stored-message';

const START: PasteState = { ...IDLE, stored: null };
const LABELS = { title: 'Title', publisher: 'Publisher', url: 'Address (URL)', publishedAt: 'Published on', body: 'Text of the article' };

export function PasteForm() {
  const [state, action] = useActionState(pasteArticle, START);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.stored) result.current?.focus();
  }, [state.seq, state.stored]);
  return (
    <form action={action} noValidate className="card form-stack" aria-labelledby="paste-heading">
      <h2 id="paste-heading" className="text-lg font-semibold">
        Paste an article
      </h2>
      <FormSummary state={state} fieldLabels={LABELS} />
      {state.stored && (
        <div ref={result} tabIndex={-1} role="status" className="form-notice" data-testid="paste-result">
          <StoredMessage stored={state.stored} />
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="title" label={LABELS.title} state={state}>
          {(control) => <input {...control} name="title" type="text" required defaultValue={shown(state, 'title', '')} className="field-control" />}
        </Field>
        <Field name="publisher" label={LABELS.publisher} state={state}>
          {(control) => <input {...control} name="publisher" type="text" required defaultValue={shown(state, 'publisher', '')} className="field-control" />}
        </Field>
        <Field name="url" label={LABELS.url} hint="Optional; http:// or https:// only." state={state}>
          {(control) => <input {...control} name="url" type="url" inputMode="url" defaultValue={shown(state, 'url', '')} className="field-control" />}
        </Field>
        <Field name="publishedAt" label={LABELS.publishedAt} hint="Optional." state={state}>
          {(control) => <input {...control} name="publishedAt" type="date" defaultValue={shown(state, 'publishedAt', '')} className="field-control" />}
        </Field>
      </div>
      <Field name="body" label={LABELS.body} hint="As published, paragraphs separated by line breaks. It is stored exactly (after normalising line ends and Unicode), so quotes can point into it." state={state}>
        {(control) => <textarea {...control} name="body" rows={12} required defaultValue={shown(state, 'body', '')} className="field-control font-serif" />}
      </Field>
      <SubmitButton pendingText="Storing and extracting…">Store the article</SubmitButton>
    </form>
  );
}
