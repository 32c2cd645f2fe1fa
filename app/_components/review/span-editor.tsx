'use client';
// Correcting a quote's span: select its words in the article (or type the offsets), check the
// words it gives, save. Offsets are computed from the DOM selection relative to the article's
// text (selection-offsets.ts), in the same UTF-16 units the server checks them in.
import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { correctSpan } from '@/app/_actions/review';
import { IDLE, errorsFor } from '@/app/_components/forms/form-state';
import { FieldErrors } from '@/app/_components/forms/fields';
import { SubmitButton } from '@/app/_components/forms/submit-button';
import { spanOfRange, type Span } from './selection-offsets';

type Props = { id: number; version: number; back: string; span: Span; title: string; children: ReactNode };

export function SpanEditor({ id, version, back, span, title, children }: Props) {
  const [state, action] = useActionState(correctSpan, IDLE);
  const article = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<Span>(span);
  const [note, setNote] = useState('');
  const alert = useRef<HTMLDivElement>(null);

  // The quote under review is scrolled into the middle of the article's box.
  useEffect(() => {
    const mark = article.current?.querySelector(`[data-quote="${id}"]`);
    if (mark && article.current) article.current.scrollTop = Math.max(0, (mark as HTMLElement).offsetTop - article.current.offsetTop - article.current.clientHeight / 3);
  }, [id]);
  useEffect(() => {
    if (state.seq > 0) alert.current?.focus();
  }, [state.seq]);

  const text = () => article.current?.textContent ?? '';
  // The article's text as rendered, read once mounted (the preview of the words needs it).
  const [body, setBody] = useState<string | null>(null);
  useEffect(() => setBody(text()), []);
  const selected = (): Span | null => {
    const selection = window.getSelection();
    const root = article.current;
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root) return null;
    return spanOfRange(root, selection.getRangeAt(0), text());
  };
  // The last selection made in the article, in case pressing the button clears the selection.
  const lastSelected = useRef<Span | null>(null);
  useEffect(() => {
    const remember = () => {
      const span = selected();
      if (span) lastSelected.current = span;
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);
  const takeSelection = () => {
    const found = selected() ?? lastSelected.current;
    if (!found) {
      setNote('Select the words of the quote inside the article first.');
      return;
    }
    setChosen(found);
    setNote(`Span set to characters ${found.start}–${found.end}. Check the words below, then save.`);
  };
  const setBound = (which: 'start' | 'end', raw: string) => {
    const value = Number(raw);
    if (Number.isInteger(value) && value >= 0) setChosen((s) => ({ ...s, [which]: value }));
  };
  const words = body === null ? null : chosen.end > chosen.start ? body.slice(chosen.start, chosen.end) : '';
  const changed = chosen.start !== span.start || chosen.end !== span.end;

  return (
    <div className="space-y-3">
      <div
        ref={article}
        tabIndex={0}
        role="region"
        aria-label={`Article: ${title}`}
        data-testid="review-article"
        className="max-h-[60vh] overflow-y-auto rounded border border-slate-300 bg-white p-4"
      >
        {children}
      </div>
      <form action={action} className="form-stack-tight rounded border border-slate-300 bg-slate-50 p-3" aria-label="Correct the span">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="back" value={back} />
        <h3 className="text-sm font-semibold">Correct the span</h3>
        <p className="text-xs text-slate-700">
          Select the quote&apos;s exact words in the article above, then use the selection; or type the character offsets.
        </p>
        {state.status !== 'idle' && (
          <div ref={alert} tabIndex={-1} role="alert" className="form-alert">
            Not saved: {state.message}
          </div>
        )}
        <div className="flex flex-wrap items-end gap-3">
          <button type="button" onClick={takeSelection} className="btn-secondary" data-testid="use-selection">
            Use the selected words
          </button>
          <label className="text-sm">
            <span className="field-label">From character</span>
            <input name="start" type="number" min={0} value={chosen.start} onChange={(e) => setBound('start', e.target.value)} aria-describedby={`span-${id}-errors`} className="field-control w-28" />
          </label>
          <label className="text-sm">
            <span className="field-label">To character</span>
            <input name="end" type="number" min={1} value={chosen.end} onChange={(e) => setBound('end', e.target.value)} aria-describedby={`span-${id}-errors`} className="field-control w-28" />
          </label>
          <SubmitButton pendingText="Saving span…" className="btn-primary">
            Save span
          </SubmitButton>
        </div>
        <FieldErrors id={`span-${id}-errors`} errors={[...errorsFor(state, 'start'), ...errorsFor(state, 'end'), ...errorsFor(state, 'text')]} />
        <p role="status" className="text-xs text-slate-800">
          {note}
        </p>
        <p className="text-sm" data-testid="span-preview">
          {changed ? 'New words: ' : 'Words now: '}
          {words === null ? '…' : words ? <q className="font-serif">{words}</q> : '(nothing: the end must be after the start)'}
        </p>
      </form>
    </div>
  );
}
