// A GET form: submitting it rewrites the URL, which is the filter state. Works without JS.
import type { Filters } from '@/lib/filters';
import { signedPosition } from '@/lib/positions';
import { CleanGetForm } from './clean-get-form';

export type FilterOptions = {
  countries: { code: string; name: string }[];
  topics: { slug: string; title: string }[];
  camps: { slug: string; name: string; topicTitle: string }[];
};

// Positions mean different things per topic; these words describe the scale itself.
const POSITION_WORDS: Record<number, string> = { 2: 'most for', 1: 'for', 0: 'undecided', [-1]: 'against', [-2]: 'most against' };

const CONTROL = 'mt-1 block w-full rounded border-slate-300 text-sm shadow-sm focus:border-blue-600 focus:ring-blue-600';

type Choice = { value: string; label: string };

/** A labelled select; `multiple` ones list their choices open and say how to pick several. */
function SelectField(props: {
  name: string;
  label: string;
  choices: Choice[];
  className?: string;
  single?: { value: string | null; anyLabel: string };
  multiple?: { values: string[]; size: number; hint: string };
}) {
  const id = `filter-${props.name}`;
  const hintId = `${id}-hint`;
  return (
    <div className={props.className}>
      <label htmlFor={id} className="text-sm font-medium">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        className={CONTROL}
        {...(props.multiple
          ? { multiple: true, size: props.multiple.size, defaultValue: props.multiple.values, 'aria-describedby': hintId }
          : { defaultValue: props.single?.value ?? '' })}
      >
        {props.single && <option value="">{props.single.anyLabel}</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {props.multiple && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {props.multiple.hint}
        </p>
      )}
    </div>
  );
}

export function FilterForm({ action, filters, options, sort }: { action: string; filters: Filters; options: FilterOptions; sort?: string | null }) {
  return (
    <CleanGetForm action={action} className="card grid gap-4 md:grid-cols-6" label="Filters">
      <SelectField
        name="country"
        label="Country"
        className="md:col-span-2 md:row-span-2"
        choices={options.countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
        multiple={{ values: filters.countries, size: 8, hint: 'Hold Ctrl or ⌘ to choose several.' }}
      />
      <SelectField
        name="topic"
        label="Topic"
        className="md:col-span-2"
        choices={options.topics.map((t) => ({ value: t.slug, label: t.title }))}
        single={{ value: filters.topic, anyLabel: 'All topics' }}
      />
      <SelectField
        name="camp"
        label="Camp"
        className="md:col-span-2"
        choices={options.camps.map((c) => ({ value: c.slug, label: `${c.name} (${c.topicTitle})` }))}
        single={{ value: filters.camp, anyLabel: 'All camps' }}
      />
      <SelectField
        name="position"
        label="Position"
        choices={[2, 1, 0, -1, -2].map((p) => ({ value: String(p), label: `${signedPosition(p)} ${POSITION_WORDS[p]}` }))}
        multiple={{ values: filters.positions.map(String), size: 5, hint: 'None chosen: any position.' }}
      />
      <SelectField
        name="kind"
        label="Evidence kind"
        choices={[
          { value: 'direct', label: 'Direct quote' },
          { value: 'reported', label: 'Reported statement' },
        ]}
        single={{ value: filters.kind, anyLabel: 'Any kind' }}
      />
      {(['from', 'to'] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`filter-${name}`} className="text-sm font-medium">
            {name === 'from' ? 'From' : 'To'}
          </label>
          <input id={`filter-${name}`} type="date" name={name} defaultValue={filters[name] ?? ''} className={CONTROL} />
        </div>
      ))}
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
    </CleanGetForm>
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
