// The filter form of a listing: a GET form whose fields are the listing's parameters, so the
// URL is the filter state. Options show how many rows each would give (the facets), when
// counting fitted the time budget.
import type { Facets } from '@/lib/listing/runner';
import { CleanGetForm } from '../clean-get-form';
import { CountryPicker, type CountryOption } from './country-picker';

export type FormField =
  | { kind: 'countries'; options: { code: string; name: string }[] }
  | { kind: 'select'; param: string; label: string; anyLabel: string; options: { value: string; label: string }[] }
  | { kind: 'checkboxes'; param: string; label: string; options: { value: string; label: string }[] }
  | { kind: 'dates'; label: string }
  | { kind: 'search'; label: string; hint: string };

const CONTROL = 'mt-1 block w-full rounded border-slate-300 text-sm shadow-sm focus:border-blue-600 focus:ring-blue-600';

type Props = {
  action: string;
  fields: FormField[];
  /** The request's parameters as they stand (filters, search, sort). */
  current: URLSearchParams;
  /** Parameters the form carries unchanged (sort, and filters set by links such as actor). */
  keep: string[];
  facets: Facets | null;
};

export function ListingFilterForm({ action, fields, current, keep, facets }: Props) {
  const counts = new Map(facets?.facets.map((f) => [f.param, new Map(f.values.map((v) => [v.value, v.count]))]) ?? []);
  const withCount = (param: string, value: string, label: string) => {
    const facet = counts.get(param);
    return facet ? `${label} (${facet.get(value) ?? 0})` : label;
  };
  return (
    <CleanGetForm action={action} className="card grid gap-4 md:grid-cols-6" label="Filters">
      {fields.map((field) => {
        switch (field.kind) {
          case 'search':
            return (
              <div key="q" className="md:col-span-6">
                <label htmlFor="filter-q" className="text-sm font-medium">
                  {field.label}
                </label>
                <input id="filter-q" type="search" name="q" defaultValue={current.get('q') ?? ''} aria-describedby="filter-q-hint" className={CONTROL} />
                <p id="filter-q-hint" className="mt-1 text-xs text-slate-600">
                  {field.hint}
                </p>
              </div>
            );
          case 'countries': {
            const facet = counts.get('country');
            const options: CountryOption[] = field.options.map((o) => ({ ...o, ...(facet ? { count: facet.get(o.code) ?? 0 } : {}) }));
            return (
              <div key="country" className="md:col-span-2 md:row-span-2">
                {/* Keyed by the choice, so that after a search the picker starts afresh (no stale text in its search box). */}
                <CountryPicker key={current.getAll('country').join(',')} options={options} selected={current.getAll('country')} />
              </div>
            );
          }
          case 'select':
            return (
              <div key={field.param} className="md:col-span-2">
                <label htmlFor={`filter-${field.param}`} className="text-sm font-medium">
                  {field.label}
                </label>
                <select id={`filter-${field.param}`} name={field.param} defaultValue={current.get(field.param) ?? ''} className={CONTROL}>
                  <option value="">{field.anyLabel}</option>
                  {field.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {withCount(field.param, o.value, o.label)}
                    </option>
                  ))}
                </select>
              </div>
            );
          case 'checkboxes':
            return (
              <fieldset key={field.param} className="md:col-span-2">
                <legend className="text-sm font-medium">{field.label}</legend>
                <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
                  {field.options.map((o) => (
                    <label key={o.value} className="inline-flex items-center gap-1">
                      <input type="checkbox" name={field.param} value={o.value} defaultChecked={current.getAll(field.param).includes(o.value)} className="rounded border-slate-400" />
                      {withCount(field.param, o.value, o.label)}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          case 'dates':
            return (
              <fieldset key="dates" className="md:col-span-2">
                <legend className="text-sm font-medium">{field.label}</legend>
                <div className="grid grid-cols-2 gap-2">
                  {(['from', 'to'] as const).map((name) => (
                    <div key={name}>
                      <label htmlFor={`filter-${name}`} className="text-xs">
                        {name === 'from' ? 'From' : 'To'}
                      </label>
                      <input id={`filter-${name}`} type="date" name={name} defaultValue={current.get(name) ?? ''} className={CONTROL} />
                    </div>
                  ))}
                </div>
              </fieldset>
            );
        }
      })}
      {keep.flatMap((param) => current.getAll(param).map((value, i) => <input key={`${param}-${i}`} type="hidden" name={param} value={value} />))}
      <div className="flex flex-wrap items-end gap-3 md:col-span-6">
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Apply filters
        </button>
        <a href={action} className="text-sm">
          Clear filters
        </a>
        {facets?.skipped && <p className="text-xs text-slate-700">Some counts per option are left out: they appear once the filters narrow the results to a few thousand.</p>}
      </div>
    </CleanGetForm>
  );
}
