import 'server-only';
import { BadParamError } from './errors';
import { parseQuery, type FilterError, type ParseOptions, type ParsedQuery, type SearchParamsInput } from './filters';
import { findUnknownReferences } from './queries/catalog';

/** Parses a page's search params once; unknown slugs are reported like malformed values and dropped. */
export function parsePageQuery(params: SearchParamsInput, options: ParseOptions): ParsedQuery {
  const query = parseQuery(params, options);
  const unknown = findUnknownReferences(query.filters);
  for (const problem of unknown) {
    query.errors.push(problem);
    if (problem.param === 'topic') query.filters.topic = null;
    if (problem.param === 'camp') query.filters.camp = null;
    if (problem.param === 'actor') query.filters.actor = null;
  }
  return query;
}

/** A stable key for a parsed query, for keyed Suspense boundaries. */
export function queryKey(query: ParsedQuery): string {
  return JSON.stringify([query.filters, query.paging]);
}

/**
 * Reads one page; a cursor that does not fit this listing (stale link, edited URL) is reported
 * like any other bad parameter and the first page is shown instead of an error page.
 */
export function readPage<T>(query: ParsedQuery, read: (paging: ParsedQuery['paging']) => T): { page: T; cursorError: FilterError | null } {
  try {
    return { page: read(query.paging), cursorError: null };
  } catch (error) {
    if (!(error instanceof BadParamError)) throw error;
    return { page: read({ ...query.paging, cursor: null }), cursorError: { param: error.param, message: error.message } };
  }
}
