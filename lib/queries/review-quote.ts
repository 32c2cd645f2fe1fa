import 'server-only';
// One quote under review, with everything the review screen needs around it: its source's whole
// body (to highlight it and to correct its span), its speaker as matched or proposed, and the
// spans of the speaker mention and speech cue the extractor used.
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import type { Db } from '@/db/sqlite/connection';
import { actors, quotes, sources } from '@/db/schema';
import type { ActorKind, QuoteKind, ReviewState } from '@/lib/domain/vocabulary';

export type ReviewQuote = {
  id: number;
  version: number;
  reviewState: ReviewState;
  kind: QuoteKind;
  text: string;
  start: number;
  end: number;
  confidence: number | null;
  speakerLabel: string;
  saidAt: string | null;
  speaker: { slug: string; name: string; kind: ActorKind; countryCode: string | null; confirmed: boolean } | null;
  speakerSpan: { start: number; end: number } | null;
  cueSpan: { start: number; end: number } | null;
  source: { id: number; title: string; publisher: string; publishedAt: string | null; body: string };
};

const speaker = alias(actors, 'speaker');

/** The live quote with this id, in any review state, or null. */
export function getReviewQuote(id: number, db: Db = getDb()): ReviewQuote | null {
  const row = db
    .select({
      id: quotes.id,
      version: quotes.version,
      reviewState: quotes.reviewState,
      kind: quotes.kind,
      text: quotes.text,
      start: quotes.start,
      end: quotes.end,
      confidence: quotes.confidence,
      speakerLabel: quotes.speakerLabel,
      saidAt: quotes.saidAt,
      speakerStart: quotes.speakerStart,
      speakerEnd: quotes.speakerEnd,
      cueStart: quotes.cueStart,
      cueEnd: quotes.cueEnd,
      speakerSlug: speaker.slug,
      speakerName: speaker.name,
      speakerKind: speaker.kind,
      speakerCountry: speaker.countryCode,
      speakerConfirmed: speaker.confirmed,
      sourceId: sources.id,
      title: sources.title,
      publisher: sources.publisher,
      publishedAt: sources.publishedAt,
      body: sources.body,
    })
    .from(quotes)
    .innerJoin(sources, eq(sources.id, quotes.sourceId))
    .leftJoin(speaker, eq(speaker.id, quotes.speakerId))
    .where(and(eq(quotes.id, id), isNull(quotes.deletedAt), isNull(sources.deletedAt)))
    .get();
  if (!row) return null;
  const span = (start: number | null, end: number | null) => (start !== null && end !== null && end > start ? { start, end } : null);
  return {
    id: row.id,
    version: row.version,
    reviewState: row.reviewState,
    kind: row.kind,
    text: row.text,
    start: row.start,
    end: row.end,
    confidence: row.confidence,
    speakerLabel: row.speakerLabel,
    saidAt: row.saidAt,
    speaker:
      row.speakerSlug && row.speakerName && row.speakerKind
        ? { slug: row.speakerSlug, name: row.speakerName, kind: row.speakerKind, countryCode: row.speakerCountry, confirmed: row.speakerConfirmed ?? false }
        : null,
    speakerSpan: span(row.speakerStart, row.speakerEnd),
    cueSpan: span(row.cueStart, row.cueEnd),
    source: { id: row.sourceId, title: row.title, publisher: row.publisher, publishedAt: row.publishedAt, body: row.body },
  };
}
