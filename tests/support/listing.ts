// Running a listing spec the way the pages and API do, for tests: parse, check references,
// then read every page by following the cursors.
import type { Db } from '@/db/sqlite/connection';
import { parseListingRequest, type ParamError } from '@/lib/listing/params';
import { readPage, resolveNames } from '@/lib/listing/runner';
import type { AnyListing } from '@/lib/listing/types';

export function parseChecked(spec: AnyListing, query: string, db: Db, surface: 'page' | 'api' = 'api') {
  const request = parseListingRequest(spec, new URLSearchParams(query), surface);
  const { names, errors } = resolveNames(spec, request, db);
  return { request, names, errors: [...request.errors, ...errors] as ParamError[] };
}

/** Every item, page by page (`limit` rows a page), in listing order; throws on any parameter error. */
export function readAll<T = any>(spec: AnyListing, query: string, db: Db, limit = 2): T[] {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    const { request, errors } = parseChecked(spec, params.toString(), db);
    if (errors.length) throw new Error(`bad query ${query}: ${JSON.stringify(errors)}`);
    const page = readPage(spec, request, db);
    items.push(...(page.items as T[]));
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('the cursor does not advance');
}

export function ids(items: { id: number }[]): number[] {
  return items.map((i) => i.id);
}
