import 'server-only';
// The stance table: one row per actor, topic and date.
import { eq, inArray, isNull, sql } from 'drizzle-orm';
import { counters, actors, stances, topics, type Stance } from '@/db/schema';
import { jsonArrayOf } from '@/db/sqlite/json';
import type { Position } from '@/lib/domain/vocabulary';
import { positionLabel } from '@/lib/positions';
import type { ListingSpec } from '@/lib/listing/types';
import { actorRefColumns, topicRefColumns, type ActorRef, type TopicRef } from '@/lib/queries/refs';
import { actorFilter, campFilter, checkDateRange, countryFilter, dateFilter, kindFilter, positionFilter, sourceFilter, stanceFilter, topicFilter } from './common';

export type StanceItem = Pick<Stance, 'id' | 'confidence' | 'asOf' | 'summary'> & {
  actor: ActorRef;
  topic: TopicRef;
  position: Position;
  label: string;
  /** Ids of the quotes the stance rests on. */
  evidence: number[];
};

const columns = {
  id: stances.id,
  position: stances.position,
  confidence: stances.confidence,
  asOf: stances.asOf,
  summary: stances.summary,
  actor: actorRefColumns(actors),
  topic: topicRefColumns,
  scaleLabels: topics.scaleLabels,
  evidence: jsonArrayOf(sql`se.quote_id`, sql`stance_evidence se where se.stance_id = "stances"."id"`, sql`se.quote_id`),
};

type Row = Pick<Stance, 'id' | 'position' | 'confidence' | 'asOf' | 'summary' | never> & {
  actor: ActorRef;
  topic: TopicRef;
  scaleLabels: [string, string, string, string, string];
  evidence: string;
};

export function toStanceItem(row: Row): StanceItem {
  return {
    id: row.id,
    actor: row.actor,
    topic: row.topic,
    position: row.position as Position,
    label: positionLabel(row.scaleLabels, row.position),
    confidence: row.confidence,
    asOf: row.asOf,
    summary: row.summary,
    evidence: JSON.parse(row.evidence) as number[],
  };
}

/** The stance cites at least one accepted quote meeting `condition` (on quotes `q`). */
const citesEvidence = (condition: ReturnType<typeof sql>) =>
  sql`exists (select 1 from stance_evidence se join quotes q on q.id = se.quote_id where se.stance_id = "stances"."id" and q.review_state = 'accepted' and q.deleted_at is null and ${condition})`;

const byActor = [stances.countryKey, stances.actorName] as const;
const byTopic = [stances.topicOrder, stances.topicSlug] as const;
const keys = (...columns: unknown[]) => columns.map((c) => sql`${c}`);

export const stanceListing = {
  name: 'stances',
  noun: ['stance', 'stances'],
  filters: {
    country: countryFilter((codes) => inArray(stances.countryKey, [...codes]), "Actor's country is"),
    actor: actorFilter(([slug]) => sql`${stances.actorId} = (select a.id from actors a where a.slug = ${slug})`, 'Actor is'),
    topic: topicFilter(([slug]) => sql`${stances.topicId} = (select t.id from topics t where t.slug = ${slug})`, 'Topic is'),
    camp: campFilter(
      ([slug]) => sql`exists (select 1 from camp_members cm join camps c on c.id = cm.camp_id where c.slug = ${slug} and cm.actor_id = "stances"."actor_id" and cm.deleted_at is null and c.deleted_at is null)`,
      'Actor is a member of the camp',
    ),
    position: positionFilter((positions) => inArray(stances.position, [...positions]), 'Position is'),
    kind: kindFilter(([kind]) => citesEvidence(sql`q.kind = ${kind}`), 'Rests on'),
    from: dateFilter('from', ([d]) => sql`${stances.asOf} >= ${d}`, 'Dated'),
    to: dateFilter('to', ([d]) => sql`${stances.asOf} <= ${d}`, 'Dated'),
    source: sourceFilter(([id]) => citesEvidence(sql`q.source_id = ${id}`), 'Rests on quotes from'),
    stance: stanceFilter(([id]) => eq(stances.id, id!), 'Only'),
  },
  check: checkDateRange,
  sorts: {
    country: { label: 'Country', keys: keys(...byActor, ...byTopic, stances.asOf, stances.id), index: 'stances_by_country_idx' },
    actor: { label: 'Actor', keys: keys(stances.actorName, ...byTopic, stances.asOf, stances.id), index: 'stances_by_actor_idx' },
    topic: { label: 'Topic', keys: keys(...byTopic, ...byActor, stances.asOf, stances.id), index: 'stances_by_topic_idx' },
    position: { label: 'Position', keys: keys(stances.position, ...byActor, ...byTopic, stances.asOf, stances.id), index: 'stances_by_position_idx' },
    asOf: { label: 'As of', keys: keys(stances.asOf, ...byActor, ...byTopic, stances.id), index: 'stances_by_as_of_idx' },
    confidence: { label: 'Confidence', keys: keys(stances.confidenceRank, ...byActor, ...byTopic, stances.asOf, stances.id), index: 'stances_by_confidence_idx' },
    evidence: { label: 'Evidence', keys: keys(stances.evidenceCount, ...byActor, ...byTopic, stances.asOf, stances.id), index: 'stances_by_evidence_idx' },
  },
  defaultSort: { key: 'country', descending: false },
  facets: [
    { param: 'country', value: sql`nullif(${stances.countryKey}, '~')` },
    { param: 'topic', value: sql`${stances.topicSlug}` },
    { param: 'position', value: sql`${stances.position}` },
  ],
  always: isNull(stances.deletedAt),
  columns,
  // Left joins (every stance has its actor and topic) keep stances the outer loop, so each sort
  // walks its own index instead of the planner starting from the small tables and sorting.
  base: (db, fields) => db.select(fields).from(stances).leftJoin(actors, eq(actors.id, stances.actorId)).leftJoin(topics, eq(topics.id, stances.topicId)).$dynamic(),
  toItem: toStanceItem,
  csv: [
    { header: 'id', value: (s) => s.id },
    { header: 'actor', value: (s) => s.actor.slug },
    { header: 'actorName', value: (s) => s.actor.name },
    { header: 'countryCode', value: (s) => s.actor.countryCode },
    { header: 'topic', value: (s) => s.topic.slug },
    { header: 'position', value: (s) => s.position },
    { header: 'label', value: (s) => s.label },
    { header: 'confidence', value: (s) => s.confidence },
    { header: 'asOf', value: (s) => s.asOf },
    { header: 'summary', value: (s) => s.summary },
    { header: 'evidence', value: (s) => s.evidence.join(' ') },
  ],
  total: (db) => db.select({ value: counters.value }).from(counters).where(eq(counters.name, 'stances')).get()?.value ?? 0,
  defaultLimit: { page: 50, api: 100 },
} satisfies ListingSpec<Row, StanceItem, any>;
