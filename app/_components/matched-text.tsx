import type { Match } from '@/lib/search/query';

/** Text with the search's matched words marked, as React elements (never HTML from the data). */
export function MatchedText({ text, matches }: { text: string; matches?: readonly Match[] }) {
  if (!matches?.length) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={m.start} className="search-match" data-testid="search-match">
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
