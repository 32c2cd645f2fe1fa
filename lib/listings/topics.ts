import 'server-only';
// The questions, with their five scale labels, in the analysts' order.
import { isNull, sql } from 'drizzle-orm';
import { topics, type Topic } from '@/db/schema';
import type { ListingSpec } from '@/lib/listing/types';

export type TopicSummary = Pick<Topic, 'slug' | 'title' | 'question' | 'scaleLabels'> & { id: number; stanceCount: number };

export const topicSummaryColumns = {
  id: topics.id,
  slug: topics.slug,
  title: topics.title,
  question: topics.question,
  scaleLabels: topics.scaleLabels,
  stanceCount: sql<number>`(select count(*) from stances s where s.topic_id = "topics"."id" and s.deleted_at is null)`,
};

export const topicListing = {
  name: 'topics',
  noun: ['topic', 'topics'],
  filters: {},
  sorts: {
    order: { label: 'Order', keys: [sql`${topics.sortOrder}`, sql`${topics.slug}`, sql`${topics.id}`], index: 'topics_order_idx' },
  },
  defaultSort: { key: 'order', descending: false },
  always: isNull(topics.deletedAt),
  columns: topicSummaryColumns,
  base: (db, fields) => db.select(fields).from(topics).$dynamic(),
  toItem: (row: TopicSummary) => row,
  csv: [
    { header: 'slug', value: (t) => t.slug },
    { header: 'title', value: (t) => t.title },
    { header: 'question', value: (t) => t.question },
    ...([0, 1, 2, 3, 4] as const).map((i) => ({ header: `label${i - 2 >= 0 ? '+' : ''}${i - 2}`, value: (t: TopicSummary) => t.scaleLabels[i] })),
    { header: 'stanceCount', value: (t) => t.stanceCount },
  ],
  defaultLimit: { page: 200, api: 1000 },
} satisfies ListingSpec<TopicSummary, TopicSummary, any>;
