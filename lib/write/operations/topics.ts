// Topics: the questions stances answer, each with the words of its five-point scale.
import { eq, max, sql } from 'drizzle-orm';
import { topics } from '@/db/schema';
import { recordAudit } from '../audit';
import { NotFoundError } from '../errors';
import { topicCreateInput, topicPatchInput } from '../inputs';
import { topicRecord, topicRecordBySlug, type TopicRecord } from '../records';
import { checkRight, insertTopic } from '../store';
import type { ReadTx } from '../tx';
import type { WriteSpec } from '../writer';
import { changes, checkVersion, slugForNew } from './common';

/** POST /api/topics; without a sortOrder the topic comes last. */
export const createTopic = (): WriteSpec<typeof topicCreateInput, TopicRecord> => ({
  action: 'topic:create',
  schema: topicCreateInput,
  what: 'topic',
  work: (tx, input) => {
    const sortOrder = input.sortOrder ?? (tx.select({ last: max(topics.sortOrder) }).from(topics).get()?.last ?? 0) + 1;
    const row = insertTopic(tx, { slug: slugForNew(tx, 'topic', input.slug, input.title), title: input.title, question: input.question, scaleLabels: input.scaleLabels, sortOrder });
    const after = topicRecord(tx, row.id)!;
    recordAudit(tx, { action: 'topic:create', type: 'topic', id: row.id, slug: after.slug, before: null, after });
    return after;
  },
});

export function liveTopic(tx: ReadTx, slug: string): TopicRecord {
  const topic = topicRecordBySlug(tx, slug);
  if (!topic || topic.deletedAt) throw new NotFoundError(`No topic ${JSON.stringify(slug)}`);
  return topic;
}

/** PATCH /api/topics/{slug} */
export const updateTopic = (slug: string): WriteSpec<typeof topicPatchInput, TopicRecord> => ({
  action: 'topic:update',
  schema: topicPatchInput,
  what: `topic "${slug}"`,
  work: (tx, input) => {
    checkRight(tx, 'topic:update');
    const before = liveTopic(tx, slug);
    checkVersion(before, input.version, () => before, 'topic');
    const set = changes(input);
    if (Object.keys(set).length === 0) return before;
    tx.update(topics)
      .set({ ...set, version: sql`${topics.version} + 1` })
      .where(eq(topics.id, before.id))
      .run();
    const after = topicRecord(tx, before.id)!;
    recordAudit(tx, { action: 'topic:update', type: 'topic', id: before.id, slug: after.slug, before, after });
    return after;
  },
});
