/** Quote text as readers expect it: direct quotes inside quotation marks, reported ones bare. */
export function quoteText(quote: { kind: 'direct' | 'reported'; text: string }, max?: number): string {
  const text = max === undefined ? quote.text : snippet(quote.text, max);
  return quote.kind === 'direct' ? `“${text}”` : text;
}

/** Shortens text for a table cell, at a word boundary. Plain text in, plain text out. */
export function snippet(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
