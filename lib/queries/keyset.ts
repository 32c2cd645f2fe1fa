import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '@/lib/cursor';
import { BadParamError } from '@/lib/errors';
import type { Paging } from '@/lib/filters';

/** A sort: non-null key expressions ending in a unique id, all ordered the same way. */
export type SortKeys = readonly SQL[];

export type Keyset = {
  /** Extra condition for rows after the cursor, or undefined on the first page. */
  after: SQL | undefined;
  orderBy: SQL[];
  /** Select this as a column to be able to cut the next cursor. */
  keyColumn: SQL<string>;
  limit: number | undefined;
};

export function keyset(keys: SortKeys, paging: Paging): Keyset {
  const tuple = sql.join([...keys], sql`, `);
  let after: SQL | undefined;
  if (paging.cursor) {
    const values = decodeCursor(paging.cursor, keys.length);
    if (!values) throw new BadParamError('cursor', 'is not a cursor from this listing with this sort');
    const given = sql.join(values.map((v) => sql`${v}`), sql`, `);
    after = paging.descending ? sql`(${tuple}) < (${given})` : sql`(${tuple}) > (${given})`;
  }
  return {
    after,
    orderBy: keys.map((k) => (paging.descending ? sql`${k} desc` : sql`${k} asc`)),
    keyColumn: sql<string>`json_array(${tuple})`,
    // One extra row tells us whether there is a next page.
    limit: paging.limit === null ? undefined : paging.limit + 1,
  };
}

export type Page<T> = { items: T[]; nextCursor: string | null };

export function cutPage<R extends { sortKey: string }, T>(rows: R[], paging: Paging, map: (row: R) => T): Page<T> {
  const hasMore = paging.limit !== null && rows.length > paging.limit;
  const pageRows = hasMore ? rows.slice(0, paging.limit!) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last ? encodeCursor(JSON.parse(last.sortKey) as (string | number)[]) : null,
  };
}
