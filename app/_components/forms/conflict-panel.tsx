'use client';
// A version conflict (409): someone saved the record after this form was opened. The form keeps
// what the analyst typed; this shows the record as it is now, and saving again applies the
// analyst's values over that version (the form now carries it).
import { useEffect, useRef } from 'react';
import type { FormState } from './form-state';

export type ConflictField = { key: string; label: string; format?: (value: unknown) => string };

const plain = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

export function ConflictPanel({ state, noun, fields, reloadHref }: { state: FormState; noun: string; fields: ConflictField[]; reloadHref: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'conflict') box.current?.focus();
  }, [state.seq, state.status]);
  if (state.status !== 'conflict' || !state.current) return null;
  const current = state.current;
  return (
    <div ref={box} tabIndex={-1} role="alert" aria-labelledby="conflict-heading" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="conflict">
      <p id="conflict-heading" className="font-semibold">
        Not saved: this {noun} was changed by someone else after you opened it (it is now at version {String(current.version)}).
      </p>
      <p>
        Your changes are still in the form below. Compare them with the {noun} as it is now; saving again applies your values over
        version {String(current.version)}. Or <a href={reloadHref}>start again from the current {noun}</a>.
      </p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {fields.map((field) => (
          <div key={field.key} className="contents">
            <dt className="font-medium">{field.label} now</dt>
            <dd className="break-words">{(field.format ?? plain)(current[field.key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The version the form sends: the current one after a conflict (to reapply), else the one it was opened with. */
export function versionToSend(state: FormState, opened: number): number {
  const current = state.status === 'conflict' ? state.current?.version : undefined;
  return typeof current === 'number' ? current : typeof state.values?.version === 'string' && state.status === 'error' ? Number(state.values.version) : opened;
}
