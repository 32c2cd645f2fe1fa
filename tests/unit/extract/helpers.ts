import { extractQuotes, type KnownActor } from '@/lib/extract';
import type { Article, ExtractedQuote } from '@/lib/extract/types';

export function article(body: string, fields: Partial<Article> = {}): Article {
  return { title: null, publisher: null, url: null, publishedAt: null, language: 'en', dateline: null, junk: [], ...fields, body };
}

export function extract(body: string, fields: Partial<Article> = {}, knownActors?: KnownActor[]): ExtractedQuote[] {
  return extractQuotes(article(body, fields), { knownActors });
}

export function direct(body: string, fields: Partial<Article> = {}): string[] {
  return extract(body, fields)
    .filter((q) => q.kind === 'direct')
    .map((q) => q.text);
}

/** The direct quote whose text starts with `prefix`. */
export function quoteStarting(quotes: readonly ExtractedQuote[], prefix: string): ExtractedQuote {
  const q = quotes.find((x) => x.kind === 'direct' && x.text.startsWith(prefix));
  if (!q) throw new Error(`no direct quote starting with ${JSON.stringify(prefix)} among ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}
