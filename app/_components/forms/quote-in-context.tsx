// A quote with the article's words around it, the quote marked: how a picker shows evidence.
import type { QuoteChoice } from '@/lib/queries/pickers';
import { formatDate } from '@/lib/dates';

export function QuoteInContext({ quote }: { quote: QuoteChoice }) {
  return (
    <div className="space-y-1 text-sm">
      <p className="font-serif leading-7 text-slate-900">
        <span className="text-slate-700">{quote.before}</span>
        <mark className="quote-mark" data-kind={quote.kind}>
          {quote.text}
        </mark>
        <span className="text-slate-700">{quote.after}</span>
      </p>
      <p className="text-xs text-slate-700">
        Quote {quote.id} · {quote.kind === 'direct' ? 'direct quote' : 'reported statement'} · {quote.speaker ? quote.speaker.name : quote.speakerLabel} · {quote.source.title} ({quote.source.publisher},{' '}
        {quote.source.publishedAt ? formatDate(quote.source.publishedAt) : 'date unknown'}) ·{' '}
        <a href={`/sources/${quote.source.id}?quote=${quote.id}#quote-${quote.id}`} target="_blank" rel="noopener">
          open in the article<span className="sr-only"> (quote {quote.id}, opens in a new tab)</span>
        </a>
        {quote.reviewState !== 'accepted' && <strong className="ml-1 text-rose-800">· {quote.reviewState}, not accepted: cannot be evidence</strong>}
      </p>
    </div>
  );
}
