import Link from 'next/link';
import { signedPosition } from '@/lib/positions';
import { toSearchParams, type Filters } from '@/lib/filters';
import type { FilterOptions } from './filter-form';

/** The filters in force, in words, each with a link that removes just that one. */
export function ActiveFilters({ path, filters, options }: { path: string; filters: Filters; options: FilterOptions }) {
  const chips: { label: string; without: Partial<Filters> }[] = [];
  for (const code of filters.countries) {
    const name = options.countries.find((c) => c.code === code)?.name ?? code;
    chips.push({ label: `Country: ${name}`, without: { countries: filters.countries.filter((c) => c !== code) } });
  }
  if (filters.topic) chips.push({ label: `Topic: ${options.topics.find((t) => t.slug === filters.topic)?.title ?? filters.topic}`, without: { topic: null } });
  if (filters.camp) chips.push({ label: `Camp: ${options.camps.find((c) => c.slug === filters.camp)?.name ?? filters.camp}`, without: { camp: null } });
  for (const p of filters.positions) chips.push({ label: `Position ${signedPosition(p)}`, without: { positions: filters.positions.filter((x) => x !== p) } });
  if (filters.kind) chips.push({ label: `Evidence: ${filters.kind}`, without: { kind: null } });
  if (filters.from) chips.push({ label: `From ${filters.from}`, without: { from: null } });
  if (filters.to) chips.push({ label: `To ${filters.to}`, without: { to: null } });
  if (filters.actor) chips.push({ label: `Actor: ${filters.actor}`, without: { actor: null } });
  if (filters.source) chips.push({ label: `Source #${filters.source}`, without: { source: null } });
  if (filters.stance) chips.push({ label: `Evidence of stance #${filters.stance}`, without: { stance: null } });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Filters in force">
      {chips.map((chip) => {
        const params = toSearchParams({ ...filters, ...chip.without });
        return (
          <li key={chip.label} className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-3 py-0.5">
            {chip.label}
            <Link href={params.size ? `${path}?${params}` : path} aria-label={`Remove filter ${chip.label}`} className="ml-1 font-bold no-underline">
              ×
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
