import type { Metadata } from 'next';
import { saveTopic } from '@/app/_actions/topics';
import { TopicForm } from '@/app/_components/forms/topic-form';
import { requireAnalyst } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'New topic' };

export default async function NewTopicPage() {
  await requireAnalyst('/topics/new');
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/topics">Topics</a> › New
      </p>
      <h1 className="text-2xl font-bold">New topic</h1>
      <TopicForm action={saveTopic.bind(null, null)} topic={null} />
    </>
  );
}
