// The same statement reported by two outlets is one statement: a new quote by the same speaker
// with the same words (or nearly: outlets trim and retranslate quotes) as a quote from another
// source points at the first such quote, so that it is not counted twice.
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { quotes } from '@/db/schema';
import type { ReadTx } from '@/lib/write/store';

/** Words of a quote, compared without case, accents, punctuation or apostrophe style. */
export function statementWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[’‘`´ʼ]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
  );
}

// Below this many distinct words, only identical wording counts: short quotes coincide by chance.
const MIN_OVERLAP_WORDS = 6;
/** Share of the shorter quote's words found in the longer one. */
const CONTAINED = 0.9;
/** Share of the longer quote's words found in the shorter one: one outlet may quote half. */
const COVERED = 0.5;

export function sameStatement(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.length === b.length && a.every((word, i) => word === b[i])) return true;
  const setA = new Set(a);
  const setB = new Set(b);
  const [small, large] = setA.size <= setB.size ? [setA, setB] : [setB, setA];
  if (small.size < MIN_OVERLAP_WORDS) return false;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size >= CONTAINED && shared / large.size >= COVERED;
}

// A prolific speaker's earlier quotes are compared again for each new one: their words are
// remembered by text (a pure function of it), within a bound.
const wordsByText = new Map<string, string[]>();
const MAX_REMEMBERED = 20_000;

function wordsOf(text: string): string[] {
  let words = wordsByText.get(text);
  if (!words) {
    if (wordsByText.size >= MAX_REMEMBERED) wordsByText.clear();
    words = statementWords(text);
    wordsByText.set(text, words);
  }
  return words;
}

/** The id of the first quote of the same statement from another source, or null. */
export function findStatement(tx: ReadTx, quote: { speakerId: number | null; sourceId: number; text: string }): number | null {
  if (quote.speakerId === null) return null;
  const words = wordsOf(quote.text);
  const candidates = tx
    .select({ id: quotes.id, statementId: quotes.statementId, text: quotes.text })
    .from(quotes)
    .where(and(eq(quotes.speakerId, quote.speakerId), ne(quotes.sourceId, quote.sourceId), ne(quotes.reviewState, 'rejected'), isNull(quotes.deletedAt)))
    .orderBy(asc(quotes.id))
    .all();
  for (const candidate of candidates) {
    if (sameStatement(words, wordsOf(candidate.text))) return candidate.statementId ?? candidate.id;
  }
  return null;
}
