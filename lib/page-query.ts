import 'server-only';
import { parseQuery, type ParseOptions, type ParsedQuery, type SearchParamsInput } from './filters';
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
