import 'server-only';
// The review queue: quotes the extractor suggested and no analyst has decided on, the most
// doubtful first (lowest confidence that the speaker is right), with the words around each.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { actors, quotes, sources, type Quote, type Source } from '@/db/schema';
import type { ListingSpec } from '@/lib/listing/types';
import type { ActorRef } from '@/lib/queries/refs';
import { kindFilter, sourceFilter } from './common';

/** Characters of the article shown on each side of a suggestion. */
export const CONTEXT_CHARS = 240;

export type ReviewItem = Pick<
  Quote,
  'id' | 'text' | 'kind' | 'sourceId' | 'start' | 'end' | 'saidAt' | 'speakerLabel' | 'confidence' | 'extractorVersion' | 'cueStart' | 'cueEnd' | 'speakerStart' | 'speakerEnd' | 'version'
> & {
  /** The matched or proposed speaker; `confirmed` is false for a proposal no analyst has confirmed. */
  speaker: (ActorRef & { confirmed: boolean }) | null;
  source: Pick<Source, 'id' | 'title' | 'publisher' | 'publishedAt'>;
  /** The body just before `start` and just after `end` (up to CONTEXT_CHARS each). */
  context: { before: string; after: string; beforeStart: number };
};

const speaker = alias(actors, 'speaker');

const columns = {
  id: quotes.id,
  text: quotes.text,
  kind: quotes.kind,
  sourceId: quotes.sourceId,
  start: quotes.start,
  end: quotes.end,
  saidAt: quotes.saidAt,
  speakerLabel: quotes.speakerLabel,
  confidence: quotes.confidence,
  extractorVersion: quotes.extractorVersion,
  cueStart: quotes.cueStart,
  cueEnd: quotes.cueEnd,
  speakerStart: quotes.speakerStart,
  speakerEnd: quotes.speakerEnd,
  version: quotes.version,
  speaker: { slug: speaker.slug, name: speaker.name, kind: speaker.kind, countryCode: speaker.countryCode, confirmed: speaker.confirmed },
  source: { id: sources.id, title: sources.title, publisher: sources.publisher, publishedAt: sources.publishedAt },
};

type Row = Omit<ReviewItem, 'context'>;

const inSource = [sql`${quotes.sourceId}`, sql`${quotes.start}`, sql`${quotes.id}`];

export const reviewListing = {
  name: 'review',
  noun: ['suggested quote', 'suggested quotes'],
  filters: {
    source: sourceFilter(([id]) => eq(quotes.sourceId, id!), 'From'),
    kind: kindFilter(([kind]) => eq(quotes.kind, kind!), 'Only'),
  },
  sorts: {
    // A suggestion always has a confidence (suggestedQuoteInput requires one).
    doubt: { label: 'Most doubtful', keys: [sql`${quotes.confidence}`, sql`${quotes.id}`], index: 'quotes_review_queue_idx' },
    source: { label: 'Source order', keys: inSource, index: 'quotes_by_source_idx' },
  },
  defaultSort: { key: 'doubt', descending: false },
  // The partial index's own WHERE, with literal values (not bound parameters) so the planner sees it holds.
  always: sql`"quotes"."review_state" = 'suggested' and "quotes"."deleted_at" is null`,
  columns,
  base: (db, fields) => db.select(fields).from(quotes).leftJoin(sources, eq(sources.id, quotes.sourceId)).leftJoin(speaker, eq(speaker.id, quotes.speakerId)).$dynamic(),
  toItem: (row: Row): ReviewItem => ({ ...row, context: { before: '', after: '', beforeStart: row.start } }),
  hydrate: (items, db) => {
    if (items.length === 0) return;
    // Sliced here, in UTF-16 units like the offsets (SQLite's substr counts code points).
    const bodies = new Map(
      db
        .select({ id: sources.id, body: sources.body })
        .from(sources)
        .where(and(inArray(sources.id, [...new Set(items.map((i) => i.sourceId))])))
        .all()
        .map((s) => [s.id, s.body]),
    );
    for (const item of items) {
      const body = bodies.get(item.sourceId) ?? '';
      const beforeStart = Math.max(0, item.start - CONTEXT_CHARS);
      item.context = { before: body.slice(beforeStart, item.start), after: body.slice(item.end, item.end + CONTEXT_CHARS), beforeStart };
    }
  },
  csv: [
    { header: 'id', value: (q) => q.id },
    { header: 'confidence', value: (q) => q.confidence },
    { header: 'kind', value: (q) => q.kind },
    { header: 'text', value: (q) => q.text },
    { header: 'speaker', value: (q) => q.speaker?.slug },
    { header: 'speakerLabel', value: (q) => q.speakerLabel },
    { header: 'sourceId', value: (q) => q.sourceId },
    { header: 'start', value: (q) => q.start },
    { header: 'end', value: (q) => q.end },
    { header: 'version', value: (q) => q.version },
  ],
  defaultLimit: { page: 50, api: 100 },
} satisfies ListingSpec<Row, ReviewItem, any>;
