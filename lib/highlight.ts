// Splits a source body into plain text and quote spans, as a tree, so quotes can be highlighted
// with React elements (never with HTML strings). Quotes nested inside others stay nested; a quote
// that only partly overlaps another is split into fragments, the first of which carries its anchor.

export type QuoteSpan = { id: number; start: number; end: number };

export type HighlightNode =
  | { type: 'text'; text: string; start: number }
  | { type: 'quote'; quoteId: number; first: boolean; start: number; end: number; children: HighlightNode[] };

type Piece = QuoteSpan & { first: boolean };

const byStartThenLongest = (a: Piece, b: Piece) => a.start - b.start || b.end - a.end || a.id - b.id;

export function highlightTree(body: string, spans: readonly QuoteSpan[]): HighlightNode[] {
  const pieces = spans
    .filter((s) => s.start >= 0 && s.end <= body.length && s.end > s.start)
    .map((s) => ({ ...s, first: true }));
  return build(body, pieces, 0, body.length);
}

function build(body: string, pieces: Piece[], start: number, end: number): HighlightNode[] {
  const nodes: HighlightNode[] = [];
  let cursor = start;
  let pending = [...pieces].sort(byStartThenLongest);
  while (pending.length > 0) {
    const [outer, ...others] = pending as [Piece, ...Piece[]];
    if (outer.start > cursor) nodes.push({ type: 'text', text: body.slice(cursor, outer.start), start: cursor });
    const inside: Piece[] = [];
    const after: Piece[] = [];
    for (const p of others) {
      if (p.start >= outer.end) after.push(p);
      else if (p.end <= outer.end) inside.push(p);
      else {
        inside.push({ ...p, end: outer.end });
        after.push({ ...p, start: outer.end, first: false });
      }
    }
    nodes.push({
      type: 'quote',
      quoteId: outer.id,
      first: outer.first,
      start: outer.start,
      end: outer.end,
      children: build(body, inside, outer.start, outer.end),
    });
    cursor = outer.end;
    pending = after.sort(byStartThenLongest);
  }
  if (cursor < end) nodes.push({ type: 'text', text: body.slice(cursor, end), start: cursor });
  return nodes;
}

/** The plain text a tree stands for; equal to the body it was built from. */
export function treeText(nodes: readonly HighlightNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : treeText(n.children))).join('');
}
