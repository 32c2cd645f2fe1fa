'use client';
// Accept or reject the quote under review. The buttons carry the keyboard shortcuts `a` and `r`
// (ReviewShortcuts presses them); the form names the quote's version and the next quote, so
// the queue moves on after the decision.
import { useActionState, useEffect, useRef } from 'react';
import { decideQuote } from '@/app/_actions/review';
import { IDLE } from '@/app/_components/forms/form-state';
import { SubmitButton } from '@/app/_components/forms/submit-button';

type Props = { id: number; version: number; next: number | null; back: string; reviewState: string };

export function ReviewDecision({ id, version, next, back, reviewState }: Props) {
  const [state, action] = useActionState(decideQuote, IDLE);
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.seq > 0) alert.current?.focus();
  }, [state.seq]);
  return (
    <form action={action} className="form-stack-tight" aria-label={`Decide on quote ${id}`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="back" value={back} />
      {next !== null && <input type="hidden" name="next" value={next} />}
      {state.status !== 'idle' && (
        <p ref={alert} tabIndex={-1} role="alert" className="form-alert">
          Not saved: {state.message}
          {state.status === 'conflict' && (
            <>
              {' '}
              <a href={`/review?${new URLSearchParams([...new URLSearchParams(back), ['quote', String(id)]])}`}>Reload the quote</a> to see it as it is now.
            </>
          )}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <SubmitButton id="review-accept" name="decision" value="accept" keyShortcut="a" pendingText="Accepting…" className="btn-primary">
          {reviewState === 'accepted' ? 'Accepted' : 'Accept'} <kbd aria-hidden="true">a</kbd>
        </SubmitButton>
        <SubmitButton id="review-reject" name="decision" value="reject" keyShortcut="r" pendingText="Rejecting…" className="btn-danger">
          Reject <kbd aria-hidden="true">r</kbd>
        </SubmitButton>
      </div>
    </form>
  );
}
