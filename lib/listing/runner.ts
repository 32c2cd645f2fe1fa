// The one runner: every listing's page, total, facets and export go through these functions,
// driven by the listing's spec. Pages, the JSON API and the CSV export differ only in how they
// present what comes back.
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/sqlite/connection';
import { budgetCondition, BudgetSpentError, withinBudget } from '@/db/sqlite/budget';
import { logSql } from '@/db/sql-log';
import { describeSearch } from '@/lib/search/query';
import { getCursorKey } from './cursor-key';
import { decodeCursor, encodeCursor, hashFilters, type CursorValue } from './cursor';
import { filterParams, type ListingRequest, type ParamError } from './params';
import type { FilterDef, FilterValues, ListingSpec, Seek, SortDef } from './types';

type Spec<Row extends Record<string, unknown>, Item, F extends Record<string, FilterDef<any>>> = ListingSpec<Row, Item, F>;
type AnyFilters = Record<string, FilterDef<any>>;

/** Matches beyond which a search is ordered most recently added first instead of by relevance. */
export const RANK_CAP = 5000;
/** Matches up to which a search used with another sort is read as one list of ids; beyond, row by row. */
export const MATCH_LIST_CAP = 20_000;
/** Filtered totals are exact up to this, then "more than". */
export const COUNT_CAP = 5000;
/** Facets are counted only over result sets this small: beyond it no count fits a page's time. */
export const FACET_MAX_ROWS = 5000;

export type Names = Map<string, Map<string, string>>;

/** Display names of every filter value; values that name nothing are reported by parameter. */
export function resolveNames<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, db: Db): { names: Names; errors: ParamError[] } {
  const names: Names = new Map();
  const errors: ParamError[] = [];
  for (const [param, def] of Object.entries(spec.filters) as [string, FilterDef<unknown>][]) {
    const values = (request.filters as Record<string, unknown[]>)[param] ?? [];
    if (values.length === 0) continue;
    const found = def.names ? def.names(values, db) : new Map(values.map((v) => [def.format(v), def.format(v)]));
    const known = values.filter((v) => found.has(def.format(v)));
    for (const v of values) if (!found.has(def.format(v))) errors.push({ param, message: `${JSON.stringify(def.format(v))} names no ${def.label.toLowerCase()}` });
    (request.filters as Record<string, unknown[]>)[param] = known;
    names.set(param, found);
  }
  return { names, errors };
}

export type Ordering = {
  /** The `sort` parameter that reproduces this order. */
  param: string;
  key: string;
  descending: boolean;
  /** How the page says it is ordered: "Most relevant first", "Date, newest first". */
  label: string;
};

/**
 * How a read uses the search: `join` drives the read from the index (relevance and recency
 * orders, counts); with any other order the rows are filtered, through the list of matching ids
 * (`list`, when it is short) or a probe per row (`probe`, when the term is common, so that
 * matches come often).
 */
type Membership = 'join' | 'list' | 'probe';
type Plan = { ordering: Ordering; keys: readonly SQL[]; membership: Membership | null; index: string | null };

function sortLabel(def: SortDef, descending: boolean): string {
  return `${def.label}, ${descending ? 'descending' : 'ascending'}`;
}

/** Chooses the order: the one asked for; else, with a search, relevance while ranking is cheap. */
export function planOrder<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, db: Db): Plan {
  const search = spec.search && request.search ? spec.search : null;
  const idKey = spec.sorts[spec.defaultSort.key]!.keys.at(-1)!;
  const matchesUpTo = (cap: number) => db.get<{ n: number }>(sql`select ${search!.countCapped(request.search!, cap + 1)} as n`)?.n ?? 0;
  const relevance = (): Plan => ({
    ordering: { param: 'relevance', key: 'relevance', descending: false, label: 'Most relevant first' },
    keys: [search!.rankKey, idKey],
    membership: 'join',
    index: null,
  });
  const recent = (label = 'Most recently added first'): Plan => ({
    ordering: { param: 'recent', key: 'recent', descending: true, label },
    keys: [search!.recentKey],
    membership: 'join',
    index: null,
  });
  const bySort = (key: string, descending: boolean): Plan => {
    const def = spec.sorts[key]!;
    const membership: Membership | null = search ? (matchesUpTo(MATCH_LIST_CAP) <= MATCH_LIST_CAP ? 'list' : 'probe') : null;
    return { ordering: { param: `${descending ? '-' : ''}${key}`, key, descending, label: sortLabel(def, descending) }, keys: def.keys, membership, index: def.index };
  };
  if (request.sort) {
    if (search && request.sort.key === 'relevance') return relevance();
    if (search && request.sort.key === 'recent') return recent();
    return bySort(request.sort.key, request.sort.descending);
  }
  if (search) {
    return matchesUpTo(RANK_CAP) <= RANK_CAP
      ? relevance()
      : recent(`Most recently added first (more than ${RANK_CAP.toLocaleString('en')} matches: too common to rank by relevance)`);
  }
  return bySort(spec.defaultSort.key, spec.defaultSort.descending);
}

function conditions<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, options: { except?: string; membership?: Membership | null; seek?: Seek } = {}): SQL[] {
  const where: SQL[] = [];
  if (spec.always) where.push(spec.always);
  for (const [param, def] of Object.entries(spec.filters) as [string, FilterDef<unknown>][]) {
    const values = (request.filters as Record<string, unknown[]>)[param] ?? [];
    if (values.length && param !== options.except) where.push(def.where(values, options.seek ?? null));
  }
  // A read driven by the index has joined the matches already; any other read filters by them.
  if (spec.search && request.search && options.membership !== 'join') {
    where.push(options.membership === 'list' ? spec.search.matchList(request.search) : spec.search.matches(request.search));
  }
  return where;
}

function cursorContext<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, ordering: Ordering) {
  return { listing: spec.name, sort: ordering.param, filterHash: hashFilters(filterParams(spec, request.filters, request.search).toString()) };
}

export type ListingPage<Item> = { items: Item[]; nextCursor: string | null; order: Ordering };

/** `csv`: read only what the CSV columns need (the spec's `csv.columns`/`csv.hydrate`, when it has them). */
type ReadOptions = { limit: number | null; cursor: string | null; csv?: boolean };

/** The statement that reads one page: the spec's select, the filters, the cursor, the order. */
function pageQuery<Row extends Record<string, unknown>, Item, F extends AnyFilters>(spec: Spec<Row, Item, F>, request: ListingRequest<F>, plan: Plan, db: Db, options: ReadOptions) {
  const key = getCursorKey(db);
  const context = cursorContext(spec, request, plan.ordering);
  const tuple = sql.join([...plan.keys], sql`, `);
  let after: SQL | undefined;
  if (options.cursor) {
    const values = decodeCursor(key, options.cursor, context, plan.keys.length);
    const given = sql.join(values.map((v) => sql`${v}`), sql`, `);
    after = plan.ordering.descending ? sql`(${tuple}) < (${given})` : sql`(${tuple}) > (${given})`;
  }
  const keyColumns = Object.fromEntries(plan.keys.map((k, i) => [`__key${i}`, k]));
  const columns = options.csv && spec.csvRead ? spec.csvRead.columns : spec.columns;
  let query = spec
    .base(db, { ...columns, ...keyColumns }, plan.membership === 'join' ? request.search : null)
    .where(and(...conditions(spec, request, { membership: plan.membership, seek: after ? (plan.ordering.descending ? 'descending' : 'ascending') : null }), after))
    .orderBy(...plan.keys.map((k) => (plan.ordering.descending ? sql`${k} desc` : sql`${k} asc`)));
  // One extra row says whether there is a next page.
  if (options.limit !== null) query = query.limit(options.limit + 1);
  return { query, key, context };
}

/** The SQL of a request's page, for query-plan tests and the benchmark's floor. */
export function pageStatement<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, db: Db): { sql: string; params: unknown[] } {
  return pageQuery(spec, request, planOrder(spec, request, db), db, { limit: request.limit, cursor: request.cursor }).query.toSQL();
}

function readRows<Row extends Record<string, unknown>, Item, F extends AnyFilters>(spec: Spec<Row, Item, F>, request: ListingRequest<F>, plan: Plan, db: Db, options: ReadOptions) {
  const { query, key, context } = pageQuery(spec, request, plan, db, options);
  const rows = query.all() as (Row & Record<string, CursorValue>)[];
  const hasMore = options.limit !== null && rows.length > options.limit;
  const pageRows = hasMore ? rows.slice(0, options.limit!) : rows;
  const last = pageRows.at(-1);
  const nextCursor = hasMore && last ? encodeCursor(key, context, plan.keys.map((_, i) => last[`__key${i}`]!)) : null;
  const items = pageRows.map((row) => {
    const data = { ...row } as Record<string, unknown>;
    for (let i = 0; i < plan.keys.length; i++) delete data[`__key${i}`];
    return spec.toItem(data as Row);
  });
  const hydrate = options.csv && spec.csvRead ? spec.csvRead.hydrate : spec.hydrate;
  hydrate?.(items, db, request.search);
  return { items, nextCursor };
}

/** One page of a listing. A cursor that does not belong to it throws BadParamError('cursor', …). */
export function readPage<Row extends Record<string, unknown>, Item, F extends AnyFilters>(spec: Spec<Row, Item, F>, request: ListingRequest<F>, db: Db): ListingPage<Item> {
  const plan = planOrder(spec, request, db);
  return { ...readRows(spec, request, plan, db, { limit: request.limit, cursor: request.cursor }), order: plan.ordering };
}

/**
 * Every row, in batches read by keyset: memory stays flat however many rows there are. For a CSV
 * export (`csv`), rows carry only what the CSV columns read.
 */
export function* streamRows<Row extends Record<string, unknown>, Item, F extends AnyFilters>(
  spec: Spec<Row, Item, F>,
  request: ListingRequest<F>,
  db: Db,
  { batchSize = 500, csv = false }: { batchSize?: number; csv?: boolean } = {},
): Generator<Item[], void, undefined> {
  const plan = planOrder(spec, request, db);
  let cursor = request.cursor;
  do {
    const batch = readRows(spec, request, plan, db, { limit: batchSize, cursor, csv });
    if (batch.items.length) yield batch.items;
    cursor = batch.nextCursor;
  } while (cursor);
}

export type Total = { count: number; exact: boolean };

function hasAnyFilter<F extends AnyFilters>(request: ListingRequest<F>): boolean {
  return request.search !== null || Object.values(request.filters as Record<string, unknown[]>).some((v) => v.length > 0);
}

/** How many rows match: exact up to COUNT_CAP within the budget, else "more than" what was counted. */
export function countRows<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, db: Db, budgetMs = 40): Total {
  if (!hasAnyFilter(request) && spec.total) return { count: spec.total(db), exact: true };
  // With a search, count from the index's matches outward rather than probing it row by row.
  const ranked = spec.search !== undefined && request.search !== null;
  const { sql: statement, params } = spec
    .base(db, { one: sql`1` }, ranked ? request.search : null)
    .where(and(...conditions(spec, request, { membership: ranked ? 'join' : null }), budgetCondition))
    .limit(COUNT_CAP + 1)
    .toSQL();
  logSql(statement, params);
  let seen = 0;
  try {
    withinBudget(db.$client, budgetMs, () => {
      for (const _row of db.$client.prepare(statement).raw().iterate(...params)) seen++;
    });
  } catch (error) {
    if (error instanceof BudgetSpentError) return { count: seen, exact: false };
    throw error;
  }
  return seen > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count: seen, exact: true };
}

export type FacetValue = { value: string; name: string; count: number; selected: boolean; toggle: URLSearchParams };
export type Facet = { param: string; label: string; values: FacetValue[] };
/** `skipped`: some facets were left out (too many rows to count, or the budget ran out). */
export type Facets = { facets: Facet[]; skipped: boolean };

/**
 * Counts per value of each facet for the current query, leaving out the facet's own filter so
 * the other choices show what they would add. Skipped, never delaying the page, when the time
 * budget runs out.
 */
export function countFacets<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, db: Db, budgetMs = 60): Facets {
  const result: Facet[] = [];
  const ranked = spec.search !== undefined && request.search !== null;
  let skipped = false;
  const start = performance.now();
  try {
    for (const facet of spec.facets ?? []) {
      const def = spec.filters[facet.param] as FilterDef<unknown>;
      const left = budgetMs - (performance.now() - start);
      if (left <= 0) throw new BudgetSpentError();
      const where = and(...conditions(spec, request, { except: facet.param, membership: ranked ? 'join' : null }), budgetCondition);
      // Without its own filter a facet may range over far more rows: count only small sets.
      const size = withinBudget(db.$client, left, () =>
        db.get<{ n: number }>(sql`select count(*) as n from (${spec.base(db, { one: sql`1` }, ranked ? request.search : null).where(where).limit(FACET_MAX_ROWS + 1)})`),
      );
      if ((size?.n ?? 0) > FACET_MAX_ROWS) {
        skipped = true;
        continue;
      }
      const rows = withinBudget(db.$client, budgetMs - (performance.now() - start), () =>
        spec
          .base(db, { value: facet.value, count: sql<number>`count(*)` }, ranked ? request.search : null)
          .where(where)
          .groupBy(facet.value)
          .orderBy(sql`count(*) desc`, facet.value)
          .limit(200)
          .all() as { value: string | number | null; count: number }[],
      );
      const present = rows.filter((r) => r.value !== null).map((r) => ({ raw: String(r.value), count: r.count }));
      const parsed = present.flatMap((p) => {
        const v = def.parse(p.raw);
        return v.ok ? [{ ...p, value: v.value }] : [];
      });
      const names = def.names ? def.names(parsed.map((p) => p.value), db) : new Map<string, string>();
      const selected = ((request.filters as Record<string, unknown[]>)[facet.param] ?? []).map((v) => def.format(v));
      result.push({
        param: facet.param,
        label: def.label,
        values: parsed.map((p) => {
          const value = def.format(p.value);
          const isSelected = selected.includes(value);
          const nextValues = def.many ? (isSelected ? selected.filter((s) => s !== value) : [...selected, value]) : isSelected ? [] : [value];
          const toggle = filterParams(spec, { ...request.filters, [facet.param]: nextValues.map((s) => def.parse(s)).flatMap((r) => (r.ok ? [r.value] : [])) } as FilterValues<F>, request.search);
          return { value, name: names.get(value) ?? value, count: p.count, selected: isSelected, toggle };
        }),
      });
    }
  } catch (error) {
    if (error instanceof BudgetSpentError) return { facets: result, skipped: true };
    throw error;
  }
  return { facets: result, skipped };
}

export type Chip = { param: string; label: string; without: URLSearchParams };

/** The filters in force, in words, each with the query that removes it. */
export function describeFilters<F extends AnyFilters>(spec: Spec<any, any, F>, request: ListingRequest<F>, names: Names): Chip[] {
  const chips: Chip[] = [];
  for (const [param, def] of Object.entries(spec.filters) as [string, FilterDef<unknown>][]) {
    const values = (request.filters as Record<string, unknown[]>)[param] ?? [];
    if (values.length === 0) continue;
    const valueNames = values.map((v) => names.get(param)?.get(def.format(v)) ?? def.format(v));
    chips.push({ param, label: def.describe(valueNames), without: filterParams(spec, { ...request.filters, [param]: [] }, request.search) });
  }
  if (request.search) chips.push({ param: 'q', label: `Text matches ${describeSearch(request.search)}`, without: filterParams(spec, request.filters, null) });
  return chips;
}
