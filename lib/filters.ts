// The one filter grammar shared by every page and API route:
//   ?country=HU&country=SK&topic=<slug>&camp=<slug>&position=2&kind=direct&from=YYYY-MM-DD&to=YYYY-MM-DD
//   &actor=<slug>&source=<id>&stance=<id>&sort=<key>|-<key>&limit=<n>|all&cursor=<opaque>
// Unknown keys are ignored; bad values are reported by parameter name and left out of the filter.
import { z } from 'zod';
import { POSITIONS, QUOTE_KINDS, type Position, type QuoteKind } from '@/db/schema';
import { isIsoDate } from './dates';

export type Filters = {
  countries: string[];
  topic: string | null;
  camp: string | null;
  positions: Position[];
  kind: QuoteKind | null;
  from: string | null;
  to: string | null;
  actor: string | null;
  source: number | null;
  stance: number | null;
};

export type Paging = {
  /** null means every matching row (exports). */
  limit: number | null;
  cursor: string | null;
  sort: string | null;
  descending: boolean;
};

export type FilterError = { param: string; message: string };

export type ParsedQuery = { filters: Filters; paging: Paging; format: 'json' | 'csv'; errors: FilterError[] };

export const EMPTY_FILTERS: Filters = {
  countries: [],
  topic: null,
  camp: null,
  positions: [],
  kind: null,
  from: null,
  to: null,
  actor: null,
  source: null,
  stance: null,
};

export const MAX_LIMIT = 1000;

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(params: SearchParamsInput, key: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat();
  // Repeated keys and comma lists both work: country=HU&country=SK or country=HU,SK.
  return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const countryCode = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/));
const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const position = z.coerce
  .number()
  .int()
  .refine((n): n is Position => (POSITIONS as readonly number[]).includes(n));
const sortSchema = z.string().regex(/^-?[a-zA-Z]+$/);

export type ParseOptions = { defaultLimit: number; sortKeys?: readonly string[] };

export function parseQuery(params: SearchParamsInput, options: ParseOptions = { defaultLimit: 50 }): ParsedQuery {
  const errors: FilterError[] = [];
  const report = (param: string, message: string) => errors.push({ param, message });

  const many = <T>(param: string, schema: z.ZodType<T>, message: string): T[] => {
    const out: T[] = [];
    for (const value of valuesOf(params, param)) {
      const r = schema.safeParse(value);
      if (r.success) {
        if (!out.includes(r.data)) out.push(r.data);
      } else report(param, `${JSON.stringify(value)} ${message}`);
    }
    return out;
  };
  const one = <T>(param: string, schema: z.ZodType<T>, message: string): T | null => {
    const values = valuesOf(params, param);
    if (values.length > 1) {
      report(param, 'may be given only once');
      return null;
    }
    if (values.length === 0) return null;
    const r = schema.safeParse(values[0]);
    if (!r.success) {
      report(param, `${JSON.stringify(values[0])} ${message}`);
      return null;
    }
    return r.data;
  };

  const date = z.string().refine(isIsoDate);
  const filters: Filters = {
    countries: many('country', countryCode, 'is not an ISO 3166-1 alpha-2 country code (e.g. HU)'),
    topic: one('topic', slug, 'is not a topic slug'),
    camp: one('camp', slug, 'is not a camp slug'),
    positions: many('position', position, 'is not a position from -2 to 2'),
    kind: one('kind', z.enum(QUOTE_KINDS), `is not an evidence kind (${QUOTE_KINDS.join(' or ')})`),
    from: one('from', date, 'is not a date written YYYY-MM-DD'),
    to: one('to', date, 'is not a date written YYYY-MM-DD'),
    actor: one('actor', slug, 'is not an actor slug'),
    source: one('source', positiveId, 'is not a source id'),
    stance: one('stance', positiveId, 'is not a stance id'),
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    report('to', `${filters.to} is before from=${filters.from}`);
    filters.to = null;
  }

  const limitParam = one('limit', z.union([z.literal('all'), z.coerce.number().int().min(1).max(MAX_LIMIT)]), `is not a number from 1 to ${MAX_LIMIT} or "all"`);
  const sort = one('sort', sortSchema, 'is not a sort key');
  const sortKey = sort?.replace(/^-/, '') ?? null;
  if (sortKey && options.sortKeys && !options.sortKeys.includes(sortKey)) {
    report('sort', `${JSON.stringify(sortKey)} is not one of ${options.sortKeys.join(', ')}`);
  }
  const validSort = sortKey && (!options.sortKeys || options.sortKeys.includes(sortKey));
  const paging: Paging = {
    limit: limitParam === 'all' ? null : (limitParam ?? options.defaultLimit),
    cursor: one('cursor', z.string().regex(/^[A-Za-z0-9_-]{1,2000}$/), 'is not a valid cursor'),
    sort: validSort ? sortKey : null,
    descending: validSort ? sort!.startsWith('-') : false,
  };
  const format = one('format', z.enum(['json', 'csv']), 'is not a format (json or csv)') ?? 'json';
  return { filters, paging, format, errors };
}

/** The `sort` parameter that reproduces a parsed sort: "key", "-key", or null for the default. */
export function sortParam(paging: Pick<Paging, 'sort' | 'descending'>): string | null {
  return paging.sort ? `${paging.descending ? '-' : ''}${paging.sort}` : null;
}

/** Builds the query string for a filtered view, so links and permalinks use the same grammar. */
export function toSearchParams(filters: Partial<Filters>, extra: Record<string, string | number | null | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const c of filters.countries ?? []) params.append('country', c);
  if (filters.topic) params.set('topic', filters.topic);
  if (filters.camp) params.set('camp', filters.camp);
  for (const p of filters.positions ?? []) params.append('position', String(p));
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.source) params.set('source', String(filters.source));
  if (filters.stance) params.set('stance', String(filters.stance));
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  return params;
}

export function hasFilters(filters: Filters): boolean {
  return toSearchParams(filters).size > 0;
}
