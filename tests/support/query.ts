// Builders for the filter and paging arguments the query functions take.
import { EMPTY_FILTERS, type Filters, type Paging } from '@/lib/filters';

export function filters(overrides: Partial<Filters> = {}): Filters {
  return { ...EMPTY_FILTERS, ...overrides };
}

export function paging(overrides: Partial<Paging> = {}): Paging {
  return { limit: null, cursor: null, sort: null, descending: false, ...overrides };
}

/** Follows nextCursor until the listing ends; throws rather than loop forever on a cursor that never ends. */
export function walkPages<T>(fetch: (cursor: string | null) => { items: T[]; nextCursor: string | null }, maxPages = 1000): T[][] {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page = fetch(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > maxPages) throw new Error(`more than ${maxPages} pages: the cursor does not advance`);
  } while (cursor !== null);
  return pages;
}
