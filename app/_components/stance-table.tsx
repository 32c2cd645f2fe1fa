import { formatDate } from '@/lib/dates';
import type { Ordering } from '@/lib/listing/runner';
import type { StanceItem } from '@/lib/listings/stances';
import type { QuoteRef } from '@/lib/queries/evidence';
import { actorHref, quoteInSourceHref, quotesHref, topicHref } from '@/lib/urls';
import { SortHeader } from './listing/chrome';
import { ConfidenceTag, PositionBadge } from './position-badge';
import { quoteText } from './text';

type Props = {
  stances: StanceItem[];
  quotes: Map<number, QuoteRef>;
  caption: string;
  /** With a query the headers sort; without one (actor and topic pages) they are plain. */
  sortable?: { path: string; params: URLSearchParams; order: Ordering };
  hide?: ('country' | 'actor' | 'topic')[];
};

export function StanceTable({ stances, quotes, caption, sortable, hide = [] }: Props) {
  const header = (key: string, label: string) =>
    sortable ? (
      <SortHeader key={key} path={sortable.path} params={sortable.params} order={sortable.order} sortKey={key} label={label} />
    ) : (
      <th key={key} scope="col">
        {label}
      </th>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {!hide.includes('country') && header('country', 'Country')}
            {!hide.includes('actor') && header('actor', 'Actor')}
            {!hide.includes('topic') && header('topic', 'Topic')}
            {header('position', 'Position')}
            {header('confidence', 'Confidence')}
            {header('asOf', 'As of')}
            {header('evidence', 'Evidence')}
          </tr>
        </thead>
        <tbody>
          {stances.map((s) => (
            <tr key={s.id} data-testid="stance-row" data-country={s.actor.countryCode ?? ''}>
              {!hide.includes('country') && <td className="font-mono">{s.actor.countryCode ?? '—'}</td>}
              {!hide.includes('actor') && (
                <td>
                  <a href={actorHref(s.actor.slug)}>{s.actor.name}</a>
                </td>
              )}
              {!hide.includes('topic') && (
                <td>
                  <a href={topicHref(s.topic.slug)}>{s.topic.title}</a>
                </td>
              )}
              <td>
                <PositionBadge position={s.position} label={s.label} />
                <p className="mt-1 max-w-md text-xs text-slate-700">{s.summary}</p>
              </td>
              <td>
                <ConfidenceTag confidence={s.confidence} />
              </td>
              <td className="whitespace-nowrap">
                {/* The stance's own page: its evidence in context, and its history for analysts. */}
                <a href={`/stances/${s.id}`}>
                  <time dateTime={s.asOf}>{formatDate(s.asOf)}</time>
                </a>
              </td>
              <td className="min-w-64">
                <ul className="space-y-1">
                  {s.evidence.map((quoteId) => {
                    const quote = quotes.get(quoteId);
                    if (!quote) return null;
                    return (
                      <li key={quoteId} className="text-xs">
                        <a href={quoteInSourceHref(quote.sourceId, quote.id)} data-testid="evidence-link">
                          {quoteText(quote, 70)}
                        </a>{' '}
                        <span className="text-slate-600">— {quote.speakerLabel}</span>
                      </li>
                    );
                  })}
                </ul>
                <a href={quotesHref({ stance: s.id })} className="mt-1 inline-block text-xs font-medium">
                  All {s.evidence.length} evidence {s.evidence.length === 1 ? 'quote' : 'quotes'}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
