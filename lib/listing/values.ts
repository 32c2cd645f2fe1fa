// Value grammars shared by the listings' filters: how one URL value parses, and how it reads.
import { isIsoDate } from '@/lib/dates';
import { POSITIONS, QUOTE_KINDS, type Position, type QuoteKind } from '@/lib/domain/vocabulary';
import type { Parsed } from './types';

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const bad = (raw: string, message: string): Parsed<never> => ({ ok: false, message: `${JSON.stringify(raw)} ${message}` });

/** ISO 3166-1 alpha-2, ASCII letters only: "hu" is HU, but "ß" and "ıt" are not codes. */
export function parseCountry(raw: string): Parsed<string> {
  return /^[A-Za-z]{2}$/.test(raw) ? ok(raw.toUpperCase()) : bad(raw, 'is not an ISO 3166-1 alpha-2 country code (e.g. HU)');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const parseSlug =
  (what: string) =>
  (raw: string): Parsed<string> =>
    SLUG.test(raw) ? ok(raw) : bad(raw, `is not ${what} slug`);

export function parsePosition(raw: string): Parsed<Position> {
  const n = /^[+-]?\d$/.test(raw) ? Number(raw) : NaN;
  return (POSITIONS as readonly number[]).includes(n) ? ok(n as Position) : bad(raw, 'is not a position from -2 to 2');
}

export function parseQuoteKind(raw: string): Parsed<QuoteKind> {
  return (QUOTE_KINDS as readonly string[]).includes(raw) ? ok(raw as QuoteKind) : bad(raw, `is not an evidence kind (${QUOTE_KINDS.join(' or ')})`);
}

export function parseDate(raw: string): Parsed<string> {
  return isIsoDate(raw) ? ok(raw) : bad(raw, 'is not a date written YYYY-MM-DD');
}

export const parseId =
  (what: string) =>
  (raw: string): Parsed<number> => {
    const n = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? ok(n) : bad(raw, `is not ${what} id`);
  };

/** "Hungary or Slovakia", "A, B or C". */
export function orList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
