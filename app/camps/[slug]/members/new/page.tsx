import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { saveCampMember } from '@/app/_actions/camps';
import { CampMemberForm } from '@/app/_components/forms/camp-member-form';
import { requireAnalyst } from '@/app/_lib/session';
import { getDb } from '@/db/client';
import { campRecordBySlug, topicRecordBySlug } from '@/lib/write/records';

export const metadata: Metadata = { title: 'New camp member' };

type Props = { params: Promise<{ slug: string }> };

export default async function NewCampMemberPage({ params }: Props) {
  const { slug } = await params;
  await requireAnalyst(`/camps/${slug}/members/new`);
  const camp = campRecordBySlug(getDb(), slug);
  if (!camp || camp.deletedAt) notFound();
  const topic = topicRecordBySlug(getDb(), camp.topic)!;
  const campHref = `/topics/${topic.slug}#camp-${camp.slug}`;
  return (
    <>
      <p className="text-sm text-slate-700">
        <a href={`/topics/${topic.slug}`}>{topic.title}</a> › <a href={campHref}>{camp.name}</a> › New member
      </p>
      <h1 className="text-2xl font-bold">New member of “{camp.name}”</h1>
      <p className="max-w-3xl text-sm">{camp.description}</p>
      <CampMemberForm action={saveCampMember.bind(null, camp.slug, topic.slug)} campName={camp.name} cancelHref={campHref} />
    </>
  );
}
