'use client';
// The top of a form after a refused save: what went wrong, each field's problem as a link to
// the field, focused when it appears so keyboard and screen-reader users land on it.
import { useEffect, useRef } from 'react';
import { fieldId } from './fields';
import type { FormState } from './form-state';

export function FormSummary({ state, fieldLabels }: { state: FormState; fieldLabels: Record<string, string> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.seq > 0 && state.status !== 'idle') box.current?.focus();
  }, [state.seq, state.status]);
  if (state.status !== 'error') return null;
  const entries = Object.entries(state.errors);
  const labelOf = (key: string) => {
    const [head, ...rest] = key.split('.');
    const label = fieldLabels[key] ?? fieldLabels[head!] ?? (key === '_' ? null : key);
    return label && rest.length && !fieldLabels[key] ? `${label}, item ${Number(rest[0]) + 1}` : label;
  };
  const target = (key: string) => (fieldLabels[key] ? key : key.split('.')[0]!);
  return (
    <div ref={box} tabIndex={-1} role="alert" aria-labelledby="form-summary-heading" className="form-alert space-y-1">
      <p id="form-summary-heading" className="font-semibold">
        Not saved: {state.message}
      </p>
      {entries.length > 0 && (
        <ul className="list-disc pl-5">
          {entries.flatMap(([key, messages]) =>
            messages.map((message, i) => {
              const label = labelOf(key);
              return (
                <li key={`${key}-${i}`}>
                  {label && fieldLabels[target(key)] ? <a href={`#${fieldId(target(key))}`}>{label}</a> : label}
                  {label ? ': ' : ''}
                  {message}
                </li>
              );
            }),
          )}
        </ul>
      )}
    </div>
  );
}
