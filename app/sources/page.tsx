import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/lib/dates';
import { EMPTY_FILTERS } from '@/lib/filters';
import { getSources } from '@/lib/queries/catalog';
import { sourceHref } from '@/lib/urls';

export const metadata: Metadata = { title: 'Sources' };

export default function SourcesPage() {
  const { items } = getSources(EMPTY_FILTERS, { limit: null, cursor: null, sort: null, descending: true });
  return (
    <>
      <h1 className="text-2xl font-bold">Sources</h1>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="data-table">
          <caption className="sr-only">Source articles, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">Coded quotes</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={sourceHref(s.id)}>{s.title}</Link>
                </td>
                <td>
                  {s.publisher}
                  {s.originalPublisher ? ` reporting ${s.originalPublisher}` : ''}
                </td>
                <td className="whitespace-nowrap">
                  {s.publishedAt ? formatDate(s.publishedAt) : 'date unknown'}
                  {s.originalPublishedAt && <span className="block text-xs text-slate-700">original: {formatDate(s.originalPublishedAt)}</span>}
                </td>
                <td>{s.quoteCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
