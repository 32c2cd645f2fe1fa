import type { StoredSummary } from '@/app/_actions/sources';

/** What storing an article did, with the way on: its suggestions in the review queue. */
export function StoredMessage({ stored }: { stored: StoredSummary }) {
  if (stored.duplicate) {
    return (
      <>
        Already stored as <a href={`/sources/${stored.sourceId}`}>source {stored.sourceId}, “{stored.title}”</a>: nothing changed.
      </>
    );
  }
  return (
    <>
      Stored as <a href={`/sources/${stored.sourceId}`}>source {stored.sourceId}, “{stored.title}”</a> with {stored.quotesSuggested} suggested{' '}
      {stored.quotesSuggested === 1 ? 'quote' : 'quotes'}
      {stored.actorsProposed > 0 ? ` and ${stored.actorsProposed} proposed ${stored.actorsProposed === 1 ? 'speaker' : 'speakers'}` : ''}.{' '}
      {stored.quotesSuggested > 0 && <a href={`/review?source=${stored.sourceId}&sort=source`}>Review its suggestions</a>}
    </>
  );
}
