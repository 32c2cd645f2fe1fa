import 'server-only';
// One stance as its own page and its edit form show it: the record (with its version), the
// actor and topic by name, and the evidence in context.
import { getDb } from '@/db/client';
import type { Db } from '@/db/sqlite/connection';
import { actorRecordBySlug, stanceRecord, topicRecordBySlug, type StanceRecord } from '@/lib/write/records';
import { quoteChoices, type QuoteChoice } from './pickers';

export type StanceDetail = StanceRecord & {
  actorName: string;
  actorCountry: string | null;
  topicTitle: string;
  scaleLabels: readonly string[];
  evidenceQuotes: QuoteChoice[];
};

/** The stance with this id, deleted or not (the caller decides what a deleted one shows). */
export function getStanceDetail(id: number, db: Db = getDb()): StanceDetail | null {
  const stance = stanceRecord(db, id);
  if (!stance) return null;
  const actor = actorRecordBySlug(db, stance.actor)!;
  const topic = topicRecordBySlug(db, stance.topic)!;
  return {
    ...stance,
    actorName: actor.name,
    actorCountry: actor.countryCode,
    topicTitle: topic.title,
    scaleLabels: topic.scaleLabels,
    evidenceQuotes: quoteChoices(stance.evidence, db),
  };
}
