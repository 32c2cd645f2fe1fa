import type { ReactNode } from 'react';
import { highlightTree, type HighlightNode } from '@/lib/highlight';

type QuoteInfo = { id: number; start: number; end: number; kind: 'direct' | 'reported'; speakerLabel: string };

/**
 * The article exactly as stored, with coded quotes as <mark> elements built from React nodes.
 * Quote text is untrusted, so it is only ever rendered as text.
 */
export function HighlightedBody({ body, quotes, activeQuoteId }: { body: string; quotes: QuoteInfo[]; activeQuoteId: number | null }) {
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const render = (nodes: HighlightNode[]): ReactNode[] =>
    nodes.map((node) => {
      if (node.type === 'text') return <span key={`t${node.start}`}>{node.text}</span>;
      const quote = byId.get(node.quoteId)!;
      return (
        <mark
          key={`q${node.quoteId}-${node.start}`}
          id={node.first ? `quote-${node.quoteId}` : undefined}
          data-quote={node.quoteId}
          data-kind={quote.kind}
          data-active={node.quoteId === activeQuoteId ? 'true' : undefined}
          title={`${quote.kind === 'direct' ? 'Direct quote' : 'Reported statement'} · ${quote.speakerLabel} · characters ${quote.start}–${quote.end}`}
          className="quote-mark"
        >
          {render(node.children)}
        </mark>
      );
    });
  return <div className="whitespace-pre-wrap break-words font-serif text-[1.05rem] leading-8 text-slate-900">{render(highlightTree(body, quotes))}</div>;
}
