// What every listing page shows around its rows: the filters in force as removable chips,
// parameters not understood, the total and the order, the exports, the sort controls and the pager.
import type { Chip, Ordering, Total } from '@/lib/listing/runner';
import { href } from '@/lib/urls';

export function FilterErrors({ errors, note = 'Some filters were not understood and are ignored:' }: { errors: { param: string; message: string }[]; note?: string }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
      <p className="font-semibold">{note}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.param}</code>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The filters in force, in words, each with a link that removes just that one. */
export function ActiveFilters({ path, chips, sort }: { path: string; chips: Chip[]; sort: string | null }) {
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Filters in force">
      {chips.map((chip) => {
        const params = new URLSearchParams(chip.without);
        if (sort) params.set('sort', sort);
        return (
          <li key={chip.param} className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-3 py-0.5">
            {chip.label}
            <a href={href(path, params)} aria-label={`Remove filter: ${chip.label}`} className="ml-1 font-bold no-underline">
              ×
            </a>
          </li>
        );
      })}
    </ul>
  );
}

export function totalText(total: Total, noun: [string, string]): string {
  const word = total.count === 1 && total.exact ? noun[0] : noun[1];
  return total.exact ? `${total.count.toLocaleString('en')} ${word}` : `More than ${total.count.toLocaleString('en')} ${noun[1]}`;
}

export function ResultsHeading({ id, total, noun, filtered, order, exports }: { id: string; total: Total; noun: [string, string]; filtered: boolean; order: Ordering; exports?: { csv: string; json: string } }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-3">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {totalText(total, noun)}
          {filtered ? ' match these filters' : ''}
        </h2>
        <p className="text-xs text-slate-700" data-testid="result-order">
          Ordered by: {order.label}
        </p>
      </div>
      {exports && (
        <p className="flex gap-4 text-sm">
          <a href={exports.csv} download>
            Export CSV
          </a>
          <a href={exports.json}>Export JSON</a>
        </p>
      )}
    </div>
  );
}

/** A column header that sorts by `sortKey`; a second click reverses the order. */
export function SortHeader({ path, params, order, sortKey, label }: { path: string; params: URLSearchParams; order: Ordering; sortKey: string; label: string }) {
  const active = order.key === sortKey;
  const descending = active && order.descending;
  const next = new URLSearchParams(params);
  next.set('sort', active && !descending ? `-${sortKey}` : sortKey);
  return (
    <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <a href={href(path, next)} className="inline-flex items-center gap-1 text-slate-900">
        {label}
        <span aria-hidden="true" className="text-xs text-slate-600">
          {active ? (descending ? '▼' : '▲') : '↕'}
        </span>
        <span className="sr-only">{active ? `, sorted ${descending ? 'descending' : 'ascending'}; activate to reverse` : ', activate to sort'}</span>
      </a>
    </th>
  );
}

/** Sort choices as links, for listings shown as cards rather than a table. */
export function SortLinks({ path, params, order, sorts, label }: { path: string; params: URLSearchParams; order: Ordering; sorts: { key: string; label: string }[]; label: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-3 text-sm">
      <span className="text-slate-700">Sort:</span>
      {sorts.map(({ key, label: text }) => {
        const active = order.key === key;
        const next = new URLSearchParams(params);
        next.set('sort', active && !order.descending ? `-${key}` : key);
        return (
          <a key={key} href={href(path, next)} aria-current={active ? 'true' : undefined} className={active ? 'font-semibold' : ''}>
            {text}
            {active ? (order.descending ? ' (descending)' : ' (ascending)') : ''}
          </a>
        );
      })}
    </nav>
  );
}

export function Pager({ path, params, order, cursor, nextCursor, limit }: { path: string; params: URLSearchParams; order: Ordering; cursor: string | null; nextCursor: string | null; limit: number | null }) {
  if (!cursor && !nextCursor) return null;
  const base = new URLSearchParams(params);
  base.set('sort', order.param);
  if (limit !== null) base.set('limit', String(limit));
  const next = new URLSearchParams(base);
  if (nextCursor) next.set('cursor', nextCursor);
  return (
    <nav aria-label="Pages" className="flex gap-4 text-sm">
      {cursor && <a href={href(path, base)}>First page</a>}
      {nextCursor && <a href={href(path, next)}>Next page</a>}
    </nav>
  );
}

/**
 * What every listing page shows below its form: the chips, what was not understood, and the
 * results section (heading with total, order and exports; the rows; the pager).
 */
export function ListingResults(props: {
  id: string;
  path: string;
  noun: [string, string];
  view: {
    chips: Chip[];
    errors: { param: string; message: string }[];
    cursorError: { param: string; message: string } | null;
    total: Total;
    filtered: boolean;
    page: { order: Ordering; nextCursor: string | null };
    request: { cursor: string | null; limit: number | null };
  };
  links: { params: URLSearchParams; sort: string | null; exports?: { csv: string; json: string } };
  /** The limit the URL gave, if any, kept by the pager's links. */
  limitGiven: boolean;
  children: React.ReactNode;
}) {
  const { id, path, noun, view, links } = props;
  return (
    <>
      <ActiveFilters path={path} chips={view.chips} sort={links.sort} />
      <FilterErrors errors={view.errors} />
      <section aria-labelledby={id} className="space-y-3">
        {view.cursorError && <FilterErrors errors={[view.cursorError]} note="The page link was not understood; showing the first page:" />}
        <ResultsHeading id={id} total={view.total} noun={noun} filtered={view.filtered} order={view.page.order} exports={links.exports} />
        {props.children}
        <Pager path={path} params={links.params} order={view.page.order} cursor={view.request.cursor} nextCursor={view.page.nextCursor} limit={props.limitGiven ? view.request.limit : null} />
      </section>
    </>
  );
}
