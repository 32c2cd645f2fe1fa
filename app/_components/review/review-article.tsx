// The article of the quote under review, exactly as stored, with the quote marked and the
// speaker mention and speech cue the extractor relied on underlined. Rendered as text nodes
// only (never HTML from data), so the selection offsets of SpanEditor index the body.
import type { ReactNode } from 'react';
import { highlightTree, type HighlightNode } from '@/lib/highlight';
import type { ReviewQuote } from '@/lib/queries/review-quote';

const SPEAKER = -1;
const CUE = -2;

export function ReviewArticle({ quote }: { quote: ReviewQuote }) {
  const spans = [
    { id: quote.id, start: quote.start, end: quote.end },
    ...(quote.speakerSpan ? [{ id: SPEAKER, ...quote.speakerSpan }] : []),
    ...(quote.cueSpan ? [{ id: CUE, ...quote.cueSpan }] : []),
  ];
  const render = (nodes: HighlightNode[]): ReactNode[] =>
    nodes.map((node) => {
      if (node.type === 'text') return <span key={`t${node.start}`}>{node.text}</span>;
      const key = `q${node.quoteId}-${node.start}`;
      if (node.quoteId === SPEAKER) return <mark key={key} className="speaker-mark" title="The speaker as the extractor read it">{render(node.children)}</mark>;
      if (node.quoteId === CUE) return <mark key={key} className="cue-mark" title="The speech cue">{render(node.children)}</mark>;
      return (
        <mark key={key} id={node.first ? `quote-${node.quoteId}` : undefined} data-quote={node.quoteId} data-kind={quote.kind} data-active="true" className="quote-mark" title={`The quote under review · characters ${quote.start}–${quote.end}`}>
          {render(node.children)}
        </mark>
      );
    });
  return <div className="whitespace-pre-wrap break-words font-serif text-[1.05rem] leading-8 text-slate-900">{render(highlightTree(quote.source.body, spans))}</div>;
}
