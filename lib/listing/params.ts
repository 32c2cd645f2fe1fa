// Parses a request's search params against one listing spec, once: typed values out, every bad
// value reported by parameter name. Parameters that are filters of other listings are refused
// by name (`/api/sources?country=HU` is a 400, not a silently ignored filter); keys that are no
// part of the grammar at all (utm_source, …) are ignored.
import { parseSearch, type SearchQuery } from '@/lib/search/query';
import type { FilterDef, FilterValues, ListingSpec } from './types';

export type ParamError = { param: string; message: string };
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const MAX_LIMIT = 1000;

/** Every filter parameter of every listing, so that a listing can refuse the ones it lacks. */
export const FILTER_PARAMS = ['country', 'topic', 'camp', 'position', 'kind', 'from', 'to', 'actor', 'source', 'stance', 'q', 'type', 'record', 'user', 'action', 'door', 'role'] as const;
const PAGING_PARAMS = ['sort', 'limit', 'cursor', 'format'] as const;

export type ListingRequest<F extends Record<string, FilterDef<any>>> = {
  filters: FilterValues<F>;
  search: SearchQuery | null;
  /** null: the listing's default order (or, with a search, the order the search chooses). */
  sort: { key: string; descending: boolean } | null;
  /** null: every row (exports). */
  limit: number | null;
  cursor: string | null;
  format: 'json' | 'csv';
  errors: ParamError[];
};

function valuesOf(params: SearchParamsInput, key: string): string[] {
  return params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat();
}

/** Splits comma lists (country=HU,SK) and drops empty values (an empty form field means "any"). */
function listValues(params: SearchParamsInput, key: string): string[] {
  return valuesOf(params, key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function parseListingRequest<Row extends Record<string, unknown>, Item, F extends Record<string, FilterDef<any>>>(
  spec: ListingSpec<Row, Item, F>,
  params: SearchParamsInput,
  surface: 'page' | 'api',
): ListingRequest<F> {
  const errors: ParamError[] = [];
  const report = (param: string, message: string) => errors.push({ param, message });

  const filters = {} as Record<string, unknown[]>;
  for (const [param, def] of Object.entries(spec.filters) as [string, FilterDef<unknown>][]) {
    const raw = listValues(params, param);
    if (!def.many && raw.length > 1) {
      report(param, 'may be given only once');
      filters[param] = [];
      continue;
    }
    const values: unknown[] = [];
    for (const value of raw) {
      const parsed = def.parse(value);
      if (!parsed.ok) report(param, parsed.message);
      else if (!values.some((v) => def.format(v) === def.format(parsed.value))) values.push(parsed.value);
    }
    filters[param] = values;
  }
  for (const param of FILTER_PARAMS) {
    const supported = param === 'q' ? spec.search !== undefined : param in spec.filters;
    if (!supported && listValues(params, param).length > 0) report(param, `is not a filter of ${spec.name}`);
  }

  let search: SearchQuery | null = null;
  if (spec.search) {
    const raw = valuesOf(params, 'q').filter((v) => v.trim() !== '');
    if (raw.length > 1) report('q', 'may be given only once');
    else if (raw.length === 1) {
      const parsed = parseSearch(raw[0]!);
      if (parsed.ok) search = parsed.query;
      else report('q', parsed.message);
    }
  }

  const one = (param: (typeof PAGING_PARAMS)[number]): string | null => {
    const raw = valuesOf(params, param).filter((v) => v !== '');
    if (raw.length > 1) report(param, 'may be given only once');
    return raw.length === 1 ? raw[0]! : null;
  };

  let sort: ListingRequest<F>['sort'] = null;
  const sortRaw = one('sort');
  if (sortRaw !== null) {
    const key = sortRaw.replace(/^-/, '');
    const keys = [...Object.keys(spec.sorts), ...(search && spec.search ? ['relevance', 'recent'] : [])];
    if (keys.includes(key)) sort = { key, descending: sortRaw.startsWith('-') };
    else report('sort', `${JSON.stringify(key)} is not one of ${keys.join(', ')}`);
  }

  const defaultLimit = surface === 'page' ? spec.defaultLimit.page : spec.defaultLimit.api;
  let limit: number | null = defaultLimit;
  const limitRaw = one('limit');
  if (limitRaw === 'all' && surface === 'api') limit = null;
  else if (limitRaw !== null) {
    const n = /^\d{1,4}$/.test(limitRaw) ? Number(limitRaw) : NaN;
    if (n >= 1 && n <= MAX_LIMIT) limit = n;
    else report('limit', `${JSON.stringify(limitRaw)} is not a number from 1 to ${MAX_LIMIT}${surface === 'api' ? ' or "all"' : ''}`);
  }

  const cursorRaw = one('cursor');
  let cursor: string | null = null;
  if (cursorRaw !== null) {
    if (/^[A-Za-z0-9_.-]{1,4000}$/.test(cursorRaw)) cursor = cursorRaw;
    else report('cursor', 'is not a cursor this server made');
  }

  const formatRaw = one('format');
  let format: 'json' | 'csv' = 'json';
  if (formatRaw === 'csv' || formatRaw === 'json') format = formatRaw;
  else if (formatRaw !== null) report('format', `${JSON.stringify(formatRaw)} is not a format (json or csv)`);

  const typed = filters as FilterValues<F>;
  for (const problem of spec.check?.(typed) ?? []) {
    report(problem.param, problem.message);
    (filters[problem.param] as unknown[]).length = 0;
  }
  return { filters: typed, search, sort, limit, cursor, format, errors };
}

/** The URL form of a request's filters and search, in the spec's parameter order. */
export function filterParams<F extends Record<string, FilterDef<any>>>(spec: { filters: F }, filters: Partial<FilterValues<F>>, search: { text: string } | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const [param, def] of Object.entries(spec.filters) as [string, FilterDef<unknown>][]) {
    for (const value of (filters as Record<string, unknown[] | undefined>)[param] ?? []) params.append(param, def.format(value));
  }
  if (search) params.set('q', search.text);
  return params;
}
