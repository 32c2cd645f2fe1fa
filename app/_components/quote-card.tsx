import { formatDate } from '@/lib/dates';
import type { QuoteItem } from '@/lib/listings/quotes';
import { actorHref, quoteInSourceHref, sourceHref } from '@/lib/urls';
import { CitationList } from './citation-list';
import { KindTag } from './position-badge';
import { MatchedText } from './matched-text';

/** One piece of evidence: the words, who said them, where, and which stances cite them. */
export function QuoteCard({ quote, showSource = true }: { quote: QuoteItem; showSource?: boolean }) {
  return (
    <article data-testid="quote-row" className="card space-y-2" aria-labelledby={`quote-card-${quote.id}`}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
        <KindTag kind={quote.kind} />
        <span id={`quote-card-${quote.id}`} className="font-medium text-slate-900">
          {quote.speaker ? <a href={actorHref(quote.speaker.slug)}>{quote.speakerLabel}</a> : quote.speakerLabel}
          {quote.speaker?.countryCode ? ` (${quote.speaker.countryCode})` : ''}
        </span>
        <span>·</span>
        <span>{quote.saidAt ? <>said <time dateTime={quote.saidAt}>{formatDate(quote.saidAt)}</time></> : 'date said unknown'}</span>
      </div>
      <blockquote className={`border-l-4 pl-3 text-slate-900 ${quote.kind === 'direct' ? 'border-amber-400 font-serif text-base' : 'border-sky-400 text-sm italic'}`}>
        {quote.kind === 'direct' && '“'}
        <MatchedText text={quote.text} matches={quote.matches} />
        {quote.kind === 'direct' && '”'}
      </blockquote>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <a href={quoteInSourceHref(quote.sourceId, quote.id)} className="font-medium">
          Open in source (characters {quote.start}–{quote.end})
        </a>
        {showSource && (
          <span className="text-slate-700">
            <a href={sourceHref(quote.source.id)}>{quote.source.title}</a>, {quote.source.publisher}
            {quote.source.originalPublisher ? ` reporting ${quote.source.originalPublisher}` : ''},{' '}
            {quote.source.publishedAt ? formatDate(quote.source.publishedAt) : 'publication date unknown'}
          </span>
        )}
      </div>
      <CitationList citations={quote.citedBy} camps={quote.camps} />
    </article>
  );
}
