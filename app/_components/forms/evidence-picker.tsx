'use client';
// The evidence of a stance or a camp membership: accepted quotes, searched by their words (or
// all of one speaker's), each shown in its context before and after it is picked. The picked
// quotes travel as repeated hidden `evidence` fields.
import { useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { findQuotes } from '@/app/_actions/pickers';
import type { QuoteChoice } from '@/lib/queries/pickers';
import { FieldErrors, fieldId } from './fields';
import { QuoteInContext } from './quote-in-context';

type Props = {
  name?: string;
  initial: QuoteChoice[];
  /** The actor of the form, to offer "only quotes said by …". */
  actor: { slug: string; name: string } | null;
  errors?: string[];
};

export function EvidencePicker({ name = 'evidence', initial, actor, errors = [] }: Props) {
  const [chosen, setChosen] = useState<QuoteChoice[]>(initial);
  const [query, setQuery] = useState('');
  const [bySpeaker, setBySpeaker] = useState(true);
  const [results, setResults] = useState<QuoteChoice[] | null>(null);
  const [status, setStatus] = useState('');
  const [searching, startSearch] = useTransition();
  const chosenHeading = useRef<HTMLHeadingElement>(null);
  const id = fieldId(name);
  const speaker = actor && bySpeaker ? actor.slug : undefined;

  const search = () => {
    if (!query.trim() && !speaker) {
      setStatus('Type words from the quote, or search the quotes of the chosen actor.');
      setResults(null);
      return;
    }
    startSearch(async () => {
      const answer = await findQuotes({ q: query, actor: speaker });
      if (!answer.ok) {
        setResults(null);
        setStatus(answer.message);
        return;
      }
      setResults(answer.quotes);
      setStatus(answer.quotes.length === 0 ? 'No accepted quote matches.' : `${answer.quotes.length} accepted ${answer.quotes.length === 1 ? 'quote' : 'quotes'} found${answer.quotes.length === 10 ? ' (the first 10; narrow the search for others)' : ''}.`);
    });
  };
  const add = (quote: QuoteChoice) => {
    setChosen((list) => (list.some((q) => q.id === quote.id) ? list : [...list, quote]));
    setStatus(`Quote ${quote.id} added to the evidence.`);
  };
  const remove = (quote: QuoteChoice) => {
    setChosen((list) => list.filter((q) => q.id !== quote.id));
    setStatus(`Quote ${quote.id} removed from the evidence.`);
    chosenHeading.current?.focus();
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  };

  return (
    <fieldset id={id} tabIndex={-1} className="space-y-3" aria-describedby={[`${id}-hint`, errors.length ? `${id}-error` : null].filter(Boolean).join(' ')} data-testid="evidence-picker">
      <legend className="field-label">Evidence</legend>
      <span id={`${id}-hint`} className="field-hint">
        At least one accepted quote. Search by words of the quote or its speaker; each is shown in its article&apos;s words.
      </span>
      <FieldErrors id={`${id}-error`} errors={errors} />
      {chosen.map((quote) => (
        <input key={quote.id} type="hidden" name={name} value={quote.id} />
      ))}
      <h3 ref={chosenHeading} tabIndex={-1} className="text-sm font-semibold">
        {chosen.length === 0 ? 'No quote chosen yet' : `${chosen.length} ${chosen.length === 1 ? 'quote' : 'quotes'} chosen`}
      </h3>
      {chosen.length > 0 && (
        <ol className="space-y-2" aria-label="Chosen evidence">
          {chosen.map((quote) => (
            <li key={quote.id} className="rounded border border-slate-300 bg-slate-50 p-3" data-testid="chosen-quote">
              <QuoteInContext quote={quote} />
              <button type="button" onClick={() => remove(quote)} className="btn-secondary mt-2">
                Remove<span className="sr-only"> quote {quote.id} from the evidence</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-search`} className="field-label">
            Find accepted quotes
          </label>
          <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKey} autoComplete="off" className="field-control" />
        </div>
        <button type="button" onClick={search} disabled={searching} className="btn-secondary">
          {searching ? 'Searching…' : 'Search quotes'}
        </button>
      </div>
      {actor && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={bySpeaker} onChange={(e) => setBySpeaker(e.target.checked)} className="rounded border-slate-400" />
          Only quotes by or for {actor.name}
        </label>
      )}
      <p role="status" className="text-xs text-slate-700">
        {status}
      </p>
      {results && results.length > 0 && (
        <ol className="space-y-2" aria-label="Quotes found">
          {results.map((quote) => {
            const picked = chosen.some((q) => q.id === quote.id);
            return (
              <li key={quote.id} className="rounded border border-slate-200 bg-white p-3" data-testid="found-quote">
                <QuoteInContext quote={quote} />
                <button type="button" onClick={() => add(quote)} disabled={picked} className="btn-secondary mt-2">
                  {picked ? 'Chosen' : 'Add as evidence'}
                  <span className="sr-only"> (quote {quote.id})</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </fieldset>
  );
}
