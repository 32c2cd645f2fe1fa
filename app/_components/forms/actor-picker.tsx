'use client';
// Picks an actor by name or alias: type, search, choose one of the matches. The choice travels
// in a hidden field (`name`) as the actor's slug. Plain buttons and a live count, so it works
// from the keyboard and with a screen reader without a custom widget.
import { useId, useState, useTransition, type KeyboardEvent } from 'react';
import { findActors } from '@/app/_actions/pickers';
import type { ActorChoice } from '@/lib/queries/pickers';
import { FieldErrors, fieldId } from './fields';

const KIND = { state: 'state', person: 'person', organisation: 'organisation', anonymous: 'unnamed speaker' } as const;

export function describeActor(actor: Pick<ActorChoice, 'name' | 'kind' | 'countryCode' | 'confirmed'>): string {
  return `${actor.name} (${[KIND[actor.kind], actor.countryCode, actor.confirmed ? null : 'not confirmed yet'].filter(Boolean).join(', ')})`;
}

type Props = {
  /** The hidden field's name, and the field the form's errors are keyed by. */
  name: string;
  label: string;
  hint?: string;
  initial: ActorChoice | null;
  errors?: string[];
  onChange?: (actor: ActorChoice | null) => void;
};

export function ActorPicker({ name, label, hint, initial, errors = [], onChange }: Props) {
  const [chosen, setChosen] = useState<ActorChoice | null>(initial);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ActorChoice[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const base = useId();
  const inputId = fieldId(name);
  const described = [hint ? `${inputId}-hint` : null, errors.length ? `${inputId}-error` : null, `${base}-chosen`].filter(Boolean).join(' ');

  const search = () => {
    if (!query.trim()) {
      setProblem('Type part of a name first.');
      setResults(null);
      return;
    }
    startSearch(async () => {
      const answer = await findActors(query);
      if (answer.ok) {
        setProblem(null);
        setResults(answer.actors);
      } else {
        setProblem(answer.message);
        setResults(null);
      }
    });
  };
  const choose = (actor: ActorChoice | null) => {
    setChosen(actor);
    setResults(null);
    onChange?.(actor);
    document.getElementById(inputId)?.focus();
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches; it must not submit the form around the picker.
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  };

  return (
    <div className="form-stack-tight" data-testid={`actor-picker-${name}`}>
      <input type="hidden" name={name} value={chosen?.slug ?? ''} />
      <p id={`${base}-chosen`} className="text-sm">
        {label}: {chosen ? <strong>{describeActor(chosen)}</strong> : <em>none chosen</em>}
        {chosen && (
          <button type="button" onClick={() => choose(null)} className="ml-2 text-xs underline">
            Clear<span className="sr-only"> the chosen {label.toLowerCase()}</span>
          </button>
        )}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor={inputId} className="field-label">
            Find {label.toLowerCase()} by name or alias
          </label>
          {hint && (
            <span id={`${inputId}-hint`} className="field-hint">
              {hint}
            </span>
          )}
          <input
            id={inputId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKey}
            autoComplete="off"
            aria-describedby={described}
            aria-invalid={errors.length ? true : undefined}
            className="field-control"
          />
        </div>
        <button type="button" onClick={search} disabled={searching} className="btn-secondary">
          {searching ? 'Searching…' : 'Search'}
          <span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      <FieldErrors id={`${inputId}-error`} errors={errors} />
      <p role="status" className="text-xs text-slate-700">
        {problem ?? (results === null ? '' : results.length === 0 ? 'No actor matches.' : `${results.length} ${results.length === 1 ? 'actor matches' : 'actors match'}.`)}
      </p>
      {results && results.length > 0 && (
        <ul className="space-y-1" aria-label={`Matching ${label.toLowerCase()}s`}>
          {results.map((actor) => (
            <li key={actor.slug}>
              <button type="button" onClick={() => choose(actor)} className="btn-secondary text-left">
                Choose {describeActor(actor)}
              </button>
              {actor.aliases.length > 0 && <span className="ml-2 text-xs text-slate-700">also {actor.aliases.slice(0, 4).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
