// The filter form fields of each listing page, from the reference lists.
import type { FilterOptions } from '@/lib/queries/catalog';
import { positionName } from '@/lib/listings/position-name';
import type { FormField } from './filter-form';

export const countryField = (options: FilterOptions): FormField => ({ kind: 'countries', options: options.countries });
export const topicField = (options: FilterOptions): FormField => ({
  kind: 'select',
  param: 'topic',
  label: 'Topic',
  anyLabel: 'All topics',
  options: options.topics.map((t) => ({ value: t.slug, label: t.title })),
});
export const campField = (options: FilterOptions): FormField => ({
  kind: 'select',
  param: 'camp',
  label: 'Camp',
  anyLabel: 'All camps',
  options: options.camps.map((c) => ({ value: c.slug, label: `${c.name} (${c.topicTitle})` })),
});
export const positionField: FormField = {
  kind: 'checkboxes',
  param: 'position',
  label: 'Position',
  options: [2, 1, 0, -1, -2].map((p) => ({ value: String(p), label: positionName(p) })),
};
export const kindField: FormField = {
  kind: 'select',
  param: 'kind',
  label: 'Evidence kind',
  anyLabel: 'Any kind',
  options: [
    { value: 'direct', label: 'Direct quote' },
    { value: 'reported', label: 'Reported statement' },
  ],
};
export const datesField = (label: string): FormField => ({ kind: 'dates', label });
export const searchField = (label: string): FormField => ({
  kind: 'search',
  label,
  hint: 'Words match in any order; "quoted words" match as a phrase; strat* matches words starting so.',
});
