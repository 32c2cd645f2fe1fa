import 'server-only';
// Filter definitions shared in grammar and words by several listings; each listing gives the
// SQL of what the filter means for its rows.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { positionName } from './position-name';
import type { Position, QuoteKind } from '@/lib/domain/vocabulary';
import { orList, parseCountry, parseDate, parseId, parsePosition, parseQuoteKind, parseSlug } from '@/lib/listing/values';
import type { FilterDef, Seek } from '@/lib/listing/types';
import { actorNames, campNames, countryNames, sourceNames, stanceNames, topicNames } from './names';

type Where<V> = (values: readonly V[], seek: Seek) => SQL;

/**
 * A date bound on a column the sort may walk. On a page after the first, the cursor already
 * starts the walk past every row before it: a bound on the cursor's side is then written `+col`,
 * which SQLite will not use for the index range, or the planner may start from the bound instead
 * of the cursor and re-read every earlier page (measured: each page of an export slower than the
 * last). The bound on the far side still ends the range.
 */
export function rangeBound(column: SQLWrapper, bound: 'from' | 'to', value: string, seek: Seek): SQL {
  const cursorSide = (bound === 'from' && seek === 'ascending') || (bound === 'to' && seek === 'descending');
  const col = cursorSide ? sql`+${column}` : sql`${column}`;
  return bound === 'from' ? sql`${col} >= ${value}` : sql`${col} <= ${value}`;
}

export const countryFilter = (where: Where<string>, subject: string): FilterDef<string> => ({
  label: 'Country',
  many: true,
  parse: parseCountry,
  format: (v) => v,
  names: countryNames,
  where,
  describe: (names) => `${subject} ${orList(names)}`,
});

export const topicFilter = (where: Where<string>, subject: string): FilterDef<string> => ({
  label: 'Topic',
  many: false,
  parse: parseSlug('a topic'),
  format: (v) => v,
  names: topicNames,
  where,
  describe: (names) => `${subject} ${orList(names)}`,
});

export const campFilter = (where: Where<string>, subject: string): FilterDef<string> => ({
  label: 'Camp',
  many: false,
  parse: parseSlug('a camp'),
  format: (v) => v,
  names: campNames,
  where,
  describe: (names) => `${subject} ${orList(names)}`,
});

export const actorFilter = (where: Where<string>, subject: string): FilterDef<string> => ({
  label: 'Actor',
  many: false,
  parse: parseSlug('an actor'),
  format: (v) => v,
  names: actorNames,
  where,
  describe: (names) => `${subject} ${orList(names)}`,
  hidden: true,
});


export const positionFilter = (where: Where<Position>, subject: string): FilterDef<Position> => ({
  label: 'Position',
  many: true,
  parse: parsePosition,
  format: (v) => String(v),
  names: (values) => new Map(values.map((v) => [String(v), positionName(v)])),
  where,
  describe: (names) => `${subject} ${orList(names)}`,
});

const KIND_WORDS: Record<QuoteKind, string> = { direct: 'direct quotes', reported: 'reported statements' };
export const kindFilter = (where: Where<QuoteKind>, subject: string): FilterDef<QuoteKind> => ({
  label: 'Evidence kind',
  many: false,
  parse: parseQuoteKind,
  format: (v) => v,
  names: (values) => new Map(values.map((v) => [v, KIND_WORDS[v]])),
  where,
  describe: (names) => `${subject} ${orList(names)}`,
});

export const dateFilter = (bound: 'from' | 'to', where: Where<string>, subject: string): FilterDef<string> => ({
  label: bound === 'from' ? 'From' : 'To',
  many: false,
  parse: parseDate,
  format: (v) => v,
  where,
  describe: (names) => `${subject} ${bound === 'from' ? 'on or after' : 'on or before'} ${names[0]}`,
});

export const sourceFilter = (where: Where<number>, subject: string): FilterDef<number> => ({
  label: 'Source',
  many: false,
  parse: parseId('a source'),
  format: (v) => String(v),
  names: sourceNames,
  where,
  describe: (names) => `${subject} ${orList(names)}`,
  hidden: true,
});

export const stanceFilter = (where: Where<number>, subject: string): FilterDef<number> => ({
  label: 'Stance',
  many: false,
  parse: parseId('a stance'),
  format: (v) => String(v),
  names: stanceNames,
  where,
  describe: (names) => `${subject} ${orList(names)}`,
  hidden: true,
});

/** from must not be after to. */
export function checkDateRange(filters: { from?: string[]; to?: string[] }) {
  const from = filters.from?.[0];
  const to = filters.to?.[0];
  return from && to && from > to ? [{ param: 'to', message: `${to} is before from=${from}` }] : [];
}
