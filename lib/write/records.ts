// Records as the write API shows them: the fields a client sends (actors, topics and camps by
// slug, quotes and sources by id), plus id, version and deletedAt. The same shapes are the
// "before" and "after" of audit entries. Deleted records are returned too; callers decide.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  actorAliases,
  actors,
  campEvidence,
  campMemberEvidence,
  campMembers,
  camps,
  quotes,
  sources,
  stanceEvidence,
  stances,
  topics,
  users,
  type ScaleLabels,
} from '@/db/schema';
import type { ActorKind, Confidence, QuoteKind, ReviewState, UserRole } from '@/lib/domain/vocabulary';
import type { ReadTx } from './tx';

type Lifecycle = { version: number; createdAt: string; deletedAt: string | null; deletedBy: string | null };

export type SourceRecord = {
  id: number;
  title: string;
  publisher: string;
  url: string | null;
  publishedAt: string | null;
  originalPublisher: string | null;
  originalPublishedAt: string | null;
  dateNote: string | null;
  dateline: string | null;
  language: string | null;
  bodySha256: string;
  bodyLength: number;
} & Lifecycle;

export function sourceRecord(tx: ReadTx, id: number): SourceRecord | null {
  return (
    tx
      .select({
        id: sources.id,
        title: sources.title,
        publisher: sources.publisher,
        url: sources.url,
        publishedAt: sources.publishedAt,
        originalPublisher: sources.originalPublisher,
        originalPublishedAt: sources.originalPublishedAt,
        dateNote: sources.dateNote,
        dateline: sources.dateline,
        language: sources.language,
        bodySha256: sources.bodySha256,
        bodyLength: sql<number>`length(${sources.body})`,
        version: sources.version,
        createdAt: sources.createdAt,
        deletedAt: sources.deletedAt,
        deletedBy: sources.deletedBy,
      })
      .from(sources)
      .where(eq(sources.id, id))
      .get() ?? null
  );
}

export type QuoteRecord = {
  id: number;
  sourceId: number;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  /** The speaker's actor slug, or null when the speaker is not an actor. */
  speaker: string | null;
  speakerLabel: string;
  saidAt: string | null;
  reviewState: ReviewState;
  confidence: number | null;
  statementId: number | null;
} & Lifecycle;

const speakerActor = alias(actors, 'speaker_actor');

export function quoteRecord(tx: ReadTx, id: number): QuoteRecord | null {
  return (
    tx
      .select({
        id: quotes.id,
        sourceId: quotes.sourceId,
        start: quotes.start,
        end: quotes.end,
        text: quotes.text,
        kind: quotes.kind,
        speaker: speakerActor.slug,
        speakerLabel: quotes.speakerLabel,
        saidAt: quotes.saidAt,
        reviewState: quotes.reviewState,
        confidence: quotes.confidence,
        statementId: quotes.statementId,
        version: quotes.version,
        createdAt: quotes.createdAt,
        deletedAt: quotes.deletedAt,
        deletedBy: quotes.deletedBy,
      })
      .from(quotes)
      .leftJoin(speakerActor, eq(speakerActor.id, quotes.speakerId))
      .where(eq(quotes.id, id))
      .get() ?? null
  );
}

export type StanceRecord = {
  id: number;
  actor: string;
  topic: string;
  asOf: string;
  position: number;
  confidence: Confidence;
  summary: string;
  /** Ids of the quotes it rests on. */
  evidence: number[];
} & Lifecycle;

export function stanceRecord(tx: ReadTx, id: number): StanceRecord | null {
  const row = tx
    .select({
      id: stances.id,
      actor: actors.slug,
      topic: topics.slug,
      asOf: stances.asOf,
      position: stances.position,
      confidence: stances.confidence,
      summary: stances.summary,
      version: stances.version,
      createdAt: stances.createdAt,
      deletedAt: stances.deletedAt,
      deletedBy: stances.deletedBy,
    })
    .from(stances)
    .innerJoin(actors, eq(actors.id, stances.actorId))
    .innerJoin(topics, eq(topics.id, stances.topicId))
    .where(eq(stances.id, id))
    .get();
  if (!row) return null;
  const evidence = tx.select({ id: stanceEvidence.quoteId }).from(stanceEvidence).where(eq(stanceEvidence.stanceId, id)).orderBy(asc(stanceEvidence.quoteId)).all();
  return { ...row, evidence: evidence.map((e) => e.id) };
}

export type ActorRecord = {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  countryCode: string | null;
  /** The slug of the organisation a person speaks for. */
  organisation: string | null;
  natoAccessionYear: number | null;
  aliases: string[];
  /** False for a speaker the extractor proposed and no analyst has confirmed. */
  confirmed: boolean;
} & Lifecycle;

const organisationActor = alias(actors, 'organisation_actor');

function actorWhere(tx: ReadTx, where: ReturnType<typeof eq>): ActorRecord | null {
  const row = tx
    .select({
      id: actors.id,
      slug: actors.slug,
      name: actors.name,
      kind: actors.kind,
      countryCode: actors.countryCode,
      organisation: organisationActor.slug,
      natoAccessionYear: actors.natoAccessionYear,
      confirmed: actors.confirmed,
      version: actors.version,
      createdAt: actors.createdAt,
      deletedAt: actors.deletedAt,
      deletedBy: actors.deletedBy,
    })
    .from(actors)
    .leftJoin(organisationActor, eq(organisationActor.id, actors.organisationId))
    .where(where)
    .get();
  if (!row) return null;
  const aliases = tx.select({ alias: actorAliases.alias }).from(actorAliases).where(eq(actorAliases.actorId, row.id)).orderBy(asc(actorAliases.id)).all();
  return { ...row, aliases: aliases.map((a) => a.alias) };
}

export const actorRecord = (tx: ReadTx, id: number) => actorWhere(tx, eq(actors.id, id));
export const actorRecordBySlug = (tx: ReadTx, slug: string) => actorWhere(tx, eq(actors.slug, slug));

export type TopicRecord = {
  id: number;
  slug: string;
  title: string;
  question: string;
  scaleLabels: ScaleLabels;
  sortOrder: number;
} & Lifecycle;

const topicColumns = {
  id: topics.id,
  slug: topics.slug,
  title: topics.title,
  question: topics.question,
  scaleLabels: topics.scaleLabels,
  sortOrder: topics.sortOrder,
  version: topics.version,
  createdAt: topics.createdAt,
  deletedAt: topics.deletedAt,
  deletedBy: topics.deletedBy,
};

export const topicRecord = (tx: ReadTx, id: number): TopicRecord | null => tx.select(topicColumns).from(topics).where(eq(topics.id, id)).get() ?? null;
export const topicRecordBySlug = (tx: ReadTx, slug: string): TopicRecord | null => tx.select(topicColumns).from(topics).where(eq(topics.slug, slug)).get() ?? null;

export type CampMemberRecord = {
  id: number;
  camp: string;
  actor: string;
  asOf: string;
  evidence: number[];
} & Omit<Lifecycle, 'createdAt'>;

export type CampRecord = {
  id: number;
  slug: string;
  topic: string;
  name: string;
  description: string;
  evidence: number[];
  /** Its live members. */
  members: Omit<CampMemberRecord, 'camp' | 'deletedAt' | 'deletedBy'>[];
} & Lifecycle;

function membersOf(tx: ReadTx, where: ReturnType<typeof eq>) {
  const rows = tx
    .select({
      id: campMembers.id,
      camp: camps.slug,
      actor: actors.slug,
      asOf: campMembers.asOf,
      version: campMembers.version,
      deletedAt: campMembers.deletedAt,
      deletedBy: campMembers.deletedBy,
    })
    .from(campMembers)
    .innerJoin(camps, eq(camps.id, campMembers.campId))
    .innerJoin(actors, eq(actors.id, campMembers.actorId))
    .where(where)
    .orderBy(asc(actors.slug), asc(campMembers.id))
    .all();
  if (rows.length === 0) return [];
  const evidence = tx
    .select({ memberId: campMemberEvidence.memberId, quoteId: campMemberEvidence.quoteId })
    .from(campMemberEvidence)
    .where(inArray(campMemberEvidence.memberId, rows.map((r) => r.id)))
    .orderBy(asc(campMemberEvidence.quoteId))
    .all();
  return rows.map((r) => ({ ...r, evidence: evidence.filter((e) => e.memberId === r.id).map((e) => e.quoteId) }));
}

function campWhere(tx: ReadTx, where: ReturnType<typeof eq>): CampRecord | null {
  const row = tx
    .select({
      id: camps.id,
      slug: camps.slug,
      topic: topics.slug,
      name: camps.name,
      description: camps.description,
      version: camps.version,
      createdAt: camps.createdAt,
      deletedAt: camps.deletedAt,
      deletedBy: camps.deletedBy,
    })
    .from(camps)
    .innerJoin(topics, eq(topics.id, camps.topicId))
    .where(where)
    .get();
  if (!row) return null;
  const evidence = tx.select({ id: campEvidence.quoteId }).from(campEvidence).where(eq(campEvidence.campId, row.id)).orderBy(asc(campEvidence.quoteId)).all();
  const members = membersOf(tx, and(eq(campMembers.campId, row.id), isNull(campMembers.deletedAt))!).map(({ camp: _camp, deletedAt: _d, deletedBy: _b, ...m }) => m);
  return { ...row, evidence: evidence.map((e) => e.id), members };
}

export const campRecord = (tx: ReadTx, id: number) => campWhere(tx, eq(camps.id, id));
export const campRecordBySlug = (tx: ReadTx, slug: string) => campWhere(tx, eq(camps.slug, slug));

export function campMemberRecord(tx: ReadTx, id: number): CampMemberRecord | null {
  return membersOf(tx, eq(campMembers.id, id))[0] ?? null;
}

export type UserRecord = { id: string; email: string; name: string; role: UserRole; createdAt: string };

export function userRecord(tx: ReadTx, id: string): UserRecord | null {
  const row = tx.select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt }).from(users).where(eq(users.id, id)).get();
  return row ? { ...row, createdAt: row.createdAt.toISOString() } : null;
}
