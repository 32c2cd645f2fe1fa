// A plain GET form: submitting it rewrites the URL, which is the filter state. Works without JS.
import type { Filters } from '@/lib/filters';
import { signedPosition } from '@/lib/positions';

export type FilterOptions = {
  countries: { code: string; name: string }[];
  topics: { slug: string; title: string }[];
  camps: { slug: string; name: string; topicTitle: string }[];
};

// Positions mean different things per topic; these words describe the scale itself.
const POSITION_WORDS: Record<number, string> = { 2: 'most for', 1: 'for', 0: 'undecided', [-1]: 'against', [-2]: 'most against' };

type Field = 'country' | 'topic' | 'camp' | 'position' | 'kind' | 'dates';

export function FilterForm({
  action,
  filters,
  options,
  fields = ['country', 'topic', 'camp', 'position', 'kind', 'dates'],
  sort,
}: {
  action: string;
  filters: Filters;
  options: FilterOptions;
  fields?: Field[];
  sort?: string | null;
}) {
  const show = (f: Field) => fields.includes(f);
  const control = 'mt-1 block w-full rounded border-slate-300 text-sm shadow-sm focus:border-blue-600 focus:ring-blue-600';
  return (
    <form method="get" action={action} className="card grid gap-4 md:grid-cols-6" aria-label="Filters">
      {show('country') && (
        <div className="md:col-span-2 md:row-span-2">
          <label htmlFor="filter-country" className="text-sm font-medium">
            Country
          </label>
          <select id="filter-country" name="country" multiple size={8} defaultValue={filters.countries} className={control} aria-describedby="filter-country-hint">
            {options.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          <p id="filter-country-hint" className="mt-1 text-xs text-slate-600">
            Hold Ctrl or ⌘ to choose several.
          </p>
        </div>
      )}
      {show('topic') && (
        <div className="md:col-span-2">
          <label htmlFor="filter-topic" className="text-sm font-medium">
            Topic
          </label>
          <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ''} className={control}>
            <option value="">All topics</option>
            {options.topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {show('camp') && (
        <div className="md:col-span-2">
          <label htmlFor="filter-camp" className="text-sm font-medium">
            Camp
          </label>
          <select id="filter-camp" name="camp" defaultValue={filters.camp ?? ''} className={control}>
            <option value="">All camps</option>
            {options.camps.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name} ({c.topicTitle})
              </option>
            ))}
          </select>
        </div>
      )}
      {show('position') && (
        <div>
          <label htmlFor="filter-position" className="text-sm font-medium">
            Position
          </label>
          <select
            id="filter-position"
            name="position"
            multiple
            size={5}
            defaultValue={filters.positions.map(String)}
            className={control}
            aria-describedby="filter-position-hint"
          >
            {[2, 1, 0, -1, -2].map((p) => (
              <option key={p} value={p}>
                {signedPosition(p)} {POSITION_WORDS[p]}
              </option>
            ))}
          </select>
          <p id="filter-position-hint" className="mt-1 text-xs text-slate-600">
            None chosen: any position.
          </p>
        </div>
      )}
      {show('kind') && (
        <div>
          <label htmlFor="filter-kind" className="text-sm font-medium">
            Evidence kind
          </label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ''} className={control}>
            <option value="">Any kind</option>
            <option value="direct">Direct quote</option>
            <option value="reported">Reported statement</option>
          </select>
        </div>
      )}
      {show('dates') && (
        <>
          <div>
            <label htmlFor="filter-from" className="text-sm font-medium">
              From
            </label>
            <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ''} className={control} />
          </div>
          <div>
            <label htmlFor="filter-to" className="text-sm font-medium">
              To
            </label>
            <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ''} className={control} />
          </div>
        </>
      )}
      {filters.actor && <input type="hidden" name="actor" value={filters.actor} />}
      {filters.source && <input type="hidden" name="source" value={filters.source} />}
      {filters.stance && <input type="hidden" name="stance" value={filters.stance} />}
      {sort && <input type="hidden" name="sort" value={sort} />}
      <div className="flex items-end gap-3 md:col-span-4">
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Apply filters
        </button>
        <a href={action} className="text-sm">
          Clear filters
        </a>
      </div>
    </form>
  );
}

export function FilterErrors({ errors }: { errors: { param: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
      <p className="font-semibold">Some filters were not understood and are ignored:</p>
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
