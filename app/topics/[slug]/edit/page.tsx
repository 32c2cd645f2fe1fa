import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { saveTopic } from '@/app/_actions/topics';
import { TopicForm } from '@/app/_components/forms/topic-form';
import { requireAnalyst } from '@/app/_lib/session';
import { getDb } from '@/db/client';
import { topicRecordBySlug } from '@/lib/write/records';

export const metadata: Metadata = { title: 'Edit topic' };

type Props = { params: Promise<{ slug: string }> };

export default async function EditTopicPage({ params }: Props) {
  const { slug } = await params;
  await requireAnalyst(`/topics/${slug}/edit`);
  const topic = topicRecordBySlug(getDb(), slug);
  if (!topic || topic.deletedAt) notFound();
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href="/topics">Topics</a> › <a href={`/topics/${topic.slug}`}>{topic.title}</a> › Edit
      </p>
      <h1 className="text-2xl font-bold">Edit {topic.title}</h1>
      <TopicForm key={topic.version} action={saveTopic.bind(null, topic.slug)} topic={topic} />
    </>
  );
}
