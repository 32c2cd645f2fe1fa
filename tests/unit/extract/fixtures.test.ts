import { describe, expect, it } from 'vitest';
import { extractQuotes } from '@/lib/extract';
import { loadFixtures } from '@/lib/extract/train/fixtures';
import { normQuote } from '@/lib/extract/train/corpus';

// Our gold articles, read as `npm run ingest` reads them: offsets exact, no scare quote kept.
describe.each(['train', 'holdout', 'holdout2', 'holdout3'] as const)('gold set %s', (split) => {
  const articles = loadFixtures(split);

  it('has articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(articles.map((a) => [a.file, a] as const))('%s: offsets exact, no scare quote kept', (_file, g) => {
    const quotes = extractQuotes(g.article);
    for (const q of quotes) expect(g.article.body.slice(q.start, q.end)).toBe(q.text);
    const scares = new Set(g.non_quotes.map(normQuote));
    expect(quotes.filter((q) => q.kind === 'direct' && scares.has(normQuote(q.text))).map((q) => q.text)).toEqual([]);
    for (const j of g.article.junk) expect(quotes.filter((q) => q.start < j.end && q.end > j.start)).toEqual([]);
  });
});
