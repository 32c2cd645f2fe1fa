import type { Metadata } from 'next';
import Link from 'next/link';
import { EMPTY_FILTERS } from '@/lib/filters';
import { getActors } from '@/lib/queries/catalog';
import { actorHref } from '@/lib/urls';

export const metadata: Metadata = { title: 'Actors' };

export default function ActorsPage() {
  const { items } = getActors(EMPTY_FILTERS, { limit: null, cursor: null, sort: null, descending: false });
  const groups = [
    { title: 'NATO allies', items: items.filter((a) => a.natoAccessionYear !== null) },
    { title: 'Other states and organisations', items: items.filter((a) => a.natoAccessionYear === null && (a.kind === 'state' || a.kind === 'organisation')) },
    { title: 'Speakers', items: items.filter((a) => a.kind === 'person' || a.kind === 'anonymous') },
  ];
  return (
    <>
      <h1 className="text-2xl font-bold">Actors</h1>
      {groups.map((g) => (
        <section key={g.title} aria-labelledby={`group-${g.title.replace(/\W+/g, "-")}`} className="space-y-2">
          <h2 id={`group-${g.title.replace(/\W+/g, "-")}`} className="text-lg font-semibold">
            {g.title}
          </h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="data-table">
              <caption className="sr-only">{g.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Country</th>
                  <th scope="col">Ally since</th>
                  <th scope="col">Stances</th>
                  <th scope="col">Quotes spoken</th>
                </tr>
              </thead>
              <tbody>
                {g.items.map((a) => (
                  <tr key={a.slug}>
                    <td>
                      <Link href={actorHref(a.slug)}>{a.name}</Link>
                    </td>
                    <td className="font-mono">{a.countryCode ?? '—'}</td>
                    <td>{a.natoAccessionYear ?? '—'}</td>
                    <td>{a.stanceCount}</td>
                    <td>{a.quoteCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
