import 'server-only';
// A listing as a page needs it, and as the API needs it: parsed once, its references checked,
// one page read (a stale cursor falls back to the first page on pages), the total, the facets
// and the chips. Reads go through the read cache.
import type { Db } from '@/db/sqlite/connection';
import { getDb } from '@/db/client';
import { BadParamError } from '@/lib/errors';
import { cachedRead } from '@/lib/cache/read-cache';
import { filterParams, parseListingRequest, type ListingRequest, type ParamError, type SearchParamsInput } from './params';
import { countFacets, countRows, FACET_MAX_ROWS, describeFilters, readPage, resolveNames, type Chip, type Facets, type ListingPage, type Names, type Total } from './runner';
import type { FilterDef, ListingSpec } from './types';

type AnyFilters = Record<string, FilterDef<any>>;

export type ListingView<Item, F extends AnyFilters> = {
  request: ListingRequest<F>;
  names: Names;
  /** Parameters not understood (pages show them and carry on without them). */
  errors: ParamError[];
  page: ListingPage<Item>;
  /** Set when the cursor did not belong here and the first page is shown instead. */
  cursorError: ParamError | null;
  total: Total;
  facets: Facets | null;
  chips: Chip[];
  /** Whether any filter or search is in force. */
  filtered: boolean;
};

function cacheKey(spec: { name: string; filters: AnyFilters }, request: ListingRequest<any>, part: string): string {
  return JSON.stringify([spec.name, part, filterParams(spec, request.filters, request.search).toString(), request.sort, request.limit, request.cursor]);
}

/** Parses and checks a request; errors name each parameter not understood. */
export function prepareListing<Row extends Record<string, unknown>, Item, F extends AnyFilters>(
  spec: ListingSpec<Row, Item, F>,
  params: SearchParamsInput,
  surface: 'page' | 'api',
  db: Db,
): { request: ListingRequest<F>; names: Names; errors: ParamError[] } {
  const request = parseListingRequest(spec, params, surface);
  const { names, errors } = resolveNames(spec, request, db);
  return { request, names, errors: [...request.errors, ...errors] };
}

export function readListingPage<Row extends Record<string, unknown>, Item, F extends AnyFilters>(spec: ListingSpec<Row, Item, F>, request: ListingRequest<F>, db: Db): ListingPage<Item> {
  return cachedRead(db.$client, cacheKey(spec, request, 'page'), () => readPage(spec, request, db));
}

export async function loadListingView<Row extends Record<string, unknown>, Item, F extends AnyFilters>(
  spec: ListingSpec<Row, Item, F>,
  params: SearchParamsInput,
  options: { facets?: boolean } = {},
  db: Db = getDb(),
): Promise<ListingView<Item, F>> {
  const { request, names, errors } = prepareListing(spec, params, 'page', db);
  let cursorError: ParamError | null = null;
  let page: ListingPage<Item>;
  try {
    page = readListingPage(spec, request, db);
  } catch (error) {
    if (!(error instanceof BadParamError)) throw error;
    cursorError = { param: error.param, message: error.message };
    request.cursor = null;
    page = readListingPage(spec, request, db);
  }
  const total = cachedRead(db.$client, cacheKey(spec, { ...request, cursor: null, sort: null, limit: null }, 'total'), () => countRows(spec, request, db));
  // Counting facets over a large result would spend the whole budget only to skip them.
  const facets =
    options.facets && spec.facets?.length
      ? total.exact && total.count <= FACET_MAX_ROWS
        ? cachedRead(db.$client, cacheKey(spec, { ...request, cursor: null, sort: null, limit: null }, 'facets'), () => countFacets(spec, request, db))
        : { facets: [], skipped: true }
      : null;
  const filtered = request.search !== null || Object.values(request.filters as Record<string, unknown[]>).some((v) => v.length > 0);
  return { request, names, errors, page, cursorError, total, facets, chips: describeFilters(spec, request, names), filtered };
}

/** The view's filters and search as URL parameters (without sort, limit or cursor). */
export function viewParams<F extends AnyFilters>(spec: { filters: F }, view: { request: ListingRequest<F> }): URLSearchParams {
  return filterParams(spec, view.request.filters, view.request.search);
}

/** The `sort` parameter the request gave, or null for the listing's own order. */
export function sortParamOf(request: ListingRequest<any>): string | null {
  return request.sort ? `${request.sort.descending ? '-' : ''}${request.sort.key}` : null;
}
