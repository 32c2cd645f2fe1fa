// A listing declared once: the parameters it accepts, each filter's SQL condition and its words,
// the sorts (each backed by an index), the facets, the CSV columns. One runner (runner.ts)
// serves every listing to pages, the JSON API and the exports.
import type { SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/sqlite/connection';
import type { CsvColumn } from '@/lib/csv';
import type { SearchQuery } from '@/lib/search/query';

export type Parsed<V> = { ok: true; value: V } | { ok: false; message: string };

export type FilterDef<V = unknown> = {
  /** The form label: "Country". */
  label: string;
  /** Whether the parameter may repeat (country=HU&country=SK) or appear once. */
  many: boolean;
  parse(raw: string): Parsed<V>;
  /** Back to its URL form. */
  format(value: V): string;
  /**
   * Display names of the values, keyed by their URL form. A value missing from the map names
   * nothing, and the request is refused naming the parameter. Without it a value is its own name.
   */
  names?(values: readonly V[], db: Db): Map<string, string>;
  /**
   * The condition a row must meet; the values are parsed and known to exist. `seek` says, on a
   * page after the first, which way the cursor seeks: a range filter on that side must then not
   * compete with the cursor for the index (see rangeBound in lib/listings/common.ts).
   */
  where(values: readonly V[], seek: Seek): SQL;
  /** The chip's words, given the values' names: "Country is Hungary or Slovakia". */
  describe(names: readonly string[]): string;
  /** Kept out of the form (set by links, e.g. the evidence of one stance). */
  hidden?: boolean;
};

/** On a page after the first: the direction the keyset cursor continues in; null on the first page. */
export type Seek = 'ascending' | 'descending' | null;

export type SortDef = {
  label: string;
  /** Non-null key expressions ending in a unique id, all ordered the same way. */
  keys: readonly SQL[];
  /** The index that serves this order; tests check the query plan uses it. */
  index: string;
};

export type FacetDef = {
  /** The filter whose values this facet counts and toggles. */
  param: string;
  /** The counted value, in the filter's URL form. */
  value: SQL;
};

export type SearchDef = {
  /** Rows that match, for filtering in any order: a probe of the index per row. */
  matches(query: SearchQuery): SQL;
  /** The same, through the list of matching ids (cheaper when there are few). */
  matchList(query: SearchQuery): SQL;
  /** Matches found in the index alone, at most `cap`. */
  countCapped(query: SearchQuery, cap: number): SQL<number>;
  /** With the index joined (`base` with `rankedBy`): the rank (lower is better), and the row id for recency. */
  rankKey: SQL<number>;
  recentKey: SQL<number>;
};

/** A drizzle select in dynamic mode: the runner adds the where, order and limit. */
export type DynamicSelect = {
  where(where: SQL | undefined): DynamicSelect;
  orderBy(...order: SQL[]): DynamicSelect;
  groupBy(...group: SQL[]): DynamicSelect;
  limit(limit: number): DynamicSelect;
  all(): unknown[];
  toSQL(): { sql: string; params: unknown[] };
};

export type ListingSpec<Row extends Record<string, unknown>, Item, F extends Record<string, FilterDef<any>>> = {
  /** The listing's name, in cursors, CSV file names and messages: "quotes". */
  name: string;
  /** Singular and plural nouns for totals. */
  noun: [string, string];
  filters: F;
  /** Checks across filters (from after to), reported by parameter. */
  check?(filters: FilterValues<F>): { param: string; message: string }[];
  sorts: Record<string, SortDef>;
  defaultSort: { key: string; descending: boolean };
  search?: SearchDef;
  facets?: FacetDef[];
  /** Conditions every row meets, whatever the filters (e.g. only accepted quotes). */
  always?: SQL;
  /** The columns of a row, as a drizzle selection (nested objects allowed). */
  columns: SelectedFields;
  /** `select <fields> from <the listing's tables>`; joins the search ranking when `rankedBy` is set. */
  base(db: Db, fields: SelectedFields, rankedBy: SearchQuery | null): DynamicSelect;
  toItem(row: Row): Item;
  /** Adds what is fetched per page in one query per kind (citations, evidence, matches). */
  hydrate?(items: Item[], db: Db, search: SearchQuery | null): void;
  csv: readonly CsvColumn<Item>[];
  /**
   * A lighter read for CSV exports, when the CSV columns need less than an item holds: its
   * columns and hydration (the rows it gives carry only what the CSV columns read).
   */
  csvRead?: { columns: SelectedFields; hydrate?(items: Item[], db: Db, search: SearchQuery | null): void };
  /** The unfiltered total from a maintained counter, so that no page counts a whole table. */
  total?(db: Db): number;
  defaultLimit: { page: number; api: number };
};

export type AnyListing = ListingSpec<any, any, Record<string, FilterDef<any>>>;
export type ItemOf<S> = S extends ListingSpec<any, infer Item, any> ? Item : never;

export type FilterValues<F extends Record<string, FilterDef<any>>> = { [K in keyof F]: F[K] extends FilterDef<infer V> ? V[] : never };
