import type { Metadata } from 'next';
import Link from 'next/link';
import { getTopics } from '@/lib/queries/catalog';
import { topicHref } from '@/lib/urls';

export const metadata: Metadata = { title: 'Topics' };

export default function TopicsPage() {
  const topics = getTopics();
  return (
    <>
      <h1 className="text-2xl font-bold">Topics</h1>
      <ul className="grid gap-3 md:grid-cols-2">
        {topics.map((t) => (
          <li key={t.slug} className="card">
            <h2 className="font-semibold">
              <Link href={topicHref(t.slug)}>{t.title}</Link>
            </h2>
            <p className="text-sm">{t.question}</p>
            <p className="mt-1 text-xs text-slate-700">
              {t.stanceCount} dated {t.stanceCount === 1 ? 'stance' : 'stances'}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
