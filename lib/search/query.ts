// The search box grammar, for any input a person (or a fuzzer) can type:
//   plain words          nato strategy      every word must occur (any order)
//   "a phrase"           "new strategy"     the words in this order
//   prefix*              strat*             any word starting so
// Everything else is text: operators, column filters, brackets and stray quotes are never
// interpreted, only split into words the way the index splits them (letters and digits).
// An unclosed quote runs to the end of the input.

export type SearchTerm = { kind: 'word'; word: string; prefix: boolean } | { kind: 'phrase'; words: string[] };
export type SearchQuery = { terms: SearchTerm[]; text: string };

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 12;
/** A prefix shorter than this would match most of the index. */
export const MIN_PREFIX_LENGTH = 2;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Folds a word the way the index does (unicode61, remove_diacritics 2): lower case, no accents. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function wordsOf(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => foldWord(m[0])).filter((w) => w !== '');
}

export type SearchParse = { ok: true; query: SearchQuery } | { ok: false; message: string };

export function parseSearch(input: string): SearchParse {
  const text = input.trim();
  if ([...text].length > MAX_SEARCH_LENGTH) return { ok: false, message: `is longer than ${MAX_SEARCH_LENGTH} characters` };
  const terms: SearchTerm[] = [];
  // Split into quoted phrases and the rest; an unclosed quote takes the remainder.
  const parts = text.split('"');
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const words = wordsOf(part);
      if (words.length === 1) terms.push({ kind: 'word', word: words[0]!, prefix: false });
      else if (words.length > 1) terms.push({ kind: 'phrase', words });
      return;
    }
    for (const match of part.matchAll(/[\p{L}\p{N}\p{M}]+(\*)?/gu)) {
      const word = foldWord(match[0].replace(/\*$/, ''));
      if (word === '') continue;
      const prefix = match[1] === '*' && word.length >= MIN_PREFIX_LENGTH;
      terms.push({ kind: 'word', word, prefix });
    }
  });
  const unique = terms.filter((t, i) => terms.findIndex((u) => JSON.stringify(u) === JSON.stringify(t)) === i);
  if (unique.length === 0) return { ok: false, message: 'has no words to search for' };
  if (unique.length > MAX_SEARCH_TERMS) return { ok: false, message: `has more than ${MAX_SEARCH_TERMS} search terms` };
  return { ok: true, query: { terms: unique, text } };
}

/** How the query reads back, for the page: `nato "new strategy" strat*`. */
export function describeSearch(query: SearchQuery): string {
  return query.terms.map((t) => (t.kind === 'phrase' ? `"${t.words.join(' ')}"` : `${t.word}${t.prefix ? '*' : ''}`)).join(' ');
}

export type Match = { start: number; end: number };

/**
 * Where the query's terms occur in `text`, as UTF-16 offsets, using the same word splitting
 * and folding as the index: what the page highlights and the API returns.
 */
export function findMatches(text: string, query: SearchQuery): Match[] {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ word: foldWord(m[0]), start: m.index, end: m.index + m[0].length }));
  const matches: Match[] = [];
  for (const term of query.terms) {
    if (term.kind === 'word') {
      for (const t of tokens) if (term.prefix ? t.word.startsWith(term.word) : t.word === term.word) matches.push({ start: t.start, end: t.end });
    } else {
      for (let i = 0; i + term.words.length <= tokens.length; i++) {
        if (term.words.every((w, k) => tokens[i + k]!.word === w)) matches.push({ start: tokens[i]!.start, end: tokens[i + term.words.length - 1]!.end });
      }
    }
  }
  // Merge overlaps so highlights never nest.
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Match[] = [];
  for (const m of matches) {
    const last = merged.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}
