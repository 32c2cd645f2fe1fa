// Storing an article and what the extractor found in it, through the write door: one
// transaction per article, so that a failure anywhere leaves the database as it was.
import { and, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { quotes, sources } from '@/db/schema';
import type { ExtractOptions } from '@/lib/extract';
import type { Article, ExtractedQuote } from '@/lib/extract/types';
import { ValidationError } from '@/lib/write/errors';
import { sourceInput, suggestedQuoteInput } from '@/lib/write/inputs';
import { recordAudit } from '@/lib/write/audit';
import { sourceRecord } from '@/lib/write/records';
import { insertQuote, insertSource, type ReadTx, type WriteTx } from '@/lib/write/store';
import type { Writer } from '@/lib/write/writer';
import { ActorDirectory, resolveSpeaker } from './actors';
import { sourceFieldsOf, usableQuotes } from './evidence';
import { findJunk } from './junk';
import { bodySha256 } from './normalise';
import { findStatement } from './statements';

/** The extraction engine as the pipeline sees it: tests pass a small fake, the CLI the real one. */
export type Extractor = {
  /** Stored with every suggestion, so that a suggestion can be traced to the code that made it. */
  version: string;
  extract(article: Article, options: ExtractOptions): ExtractedQuote[];
};

export type Duplicate = { status: 'duplicate'; sourceId: number; matchedBy: 'body' | 'url'; /** The stored source is soft-deleted (an admin can restore it). */ deleted: boolean };
export type Stored = { status: 'new'; sourceId: number } & SuggestionCounts;
export type SuggestionCounts = {
  quotesSuggested: number;
  /** Quotes lying in scraping junk: never suggested. */
  quotesInJunk: number;
  /** Spans that already have a quote (accepted, suggested or rejected): not suggested again. */
  quotesAlreadyKnown: number;
  actorsProposed: number;
  /** Suggestions linked to the same statement in another source. */
  statementsLinked: number;
};

/** The existing source with the same normalised body or the same URL, if any. */
export function findDuplicate(tx: ReadTx, article: Pick<Article, 'body' | 'url'>): Duplicate | null {
  const hash = bodySha256(article.body);
  const match = article.url ? or(eq(sources.bodySha256, hash), eq(sources.url, article.url)) : eq(sources.bodySha256, hash);
  const row = tx.select({ id: sources.id, bodySha256: sources.bodySha256, deletedAt: sources.deletedAt }).from(sources).where(match).orderBy(sources.id).get();
  if (!row) return null;
  return { status: 'duplicate', sourceId: row.id, matchedBy: row.bodySha256 === hash ? 'body' : 'url', deleted: row.deletedAt !== null };
}

/** The extractor failed on an article (a bug or a limit of the engine): nothing of it is stored. */
export class ExtractionError extends Error {
  constructor(cause: unknown) {
    super(`extraction failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ExtractionError';
  }
}

/** Runs the extractor, naming its failures as such. */
export function extractFrom(extractor: Extractor, article: Article, options: ExtractOptions): ExtractedQuote[] {
  try {
    return extractor.extract(article, options);
  } catch (error) {
    throw new ExtractionError(error);
  }
}

const ingestInput = z.object({ source: sourceInput, quotes: z.array(z.unknown()) });

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(what, result.error);
  return result.data;
}

const labelOf = (quote: ExtractedQuote) => `suggested quote at ${quote.start}-${quote.end} ${JSON.stringify(quote.text.slice(0, 40))}`;

/**
 * Stores articles and their suggestions. Holds the actor directory for a whole run, so that a
 * batch of thousands of files reads the actors once.
 */
export class Ingestor {
  private directory: ActorDirectory | null = null;

  /** `writer` says who stores: the system for the ingest command, the requester for the API. */
  constructor(
    private readonly writer: Writer,
    private readonly extractor: Extractor,
  ) {}

  private get db(): ReadTx {
    return this.writer.reads;
  }

  private actors(): ActorDirectory {
    this.directory ??= ActorDirectory.load(this.db);
    return this.directory;
  }

  /**
   * Stores the article and the quotes the extractor suggests, or reports the source it
   * duplicates and changes nothing. Throws (having written nothing) when anything is wrong.
   */
  ingest(article: Article): Stored | Duplicate {
    // Checked before extracting, to spend no time on a known article; checked again inside the
    // transaction, which is what makes it safe.
    const known = findDuplicate(this.db, article);
    if (known) return known;
    const extracted = extractFrom(this.extractor, article, { knownActors: this.actors().knownActors() });
    const usable = usableQuotes(article, extracted);
    const layer = this.actors().layer();
    const result = this.writer.write(
      {
        action: 'source:ingest',
        schema: ingestInput,
        work: (tx, input): Stored | Duplicate => {
          const duplicate = findDuplicate(tx, article);
          if (duplicate) return duplicate;
          const source = insertSource(tx, input.source, 'source:ingest');
          const counts = this.suggest(tx, layer, source, usable.quotes);
          recordAudit(tx, { action: 'source:ingest', type: 'source', id: source.id, before: null, after: { ...sourceRecord(tx, source.id), ...counts.audit } });
          return { status: 'new', sourceId: source.id, ...counts.totals, quotesInJunk: usable.inJunk };
        },
      },
      { source: sourceFieldsOf(article), quotes: usable.quotes },
    );
    if (result.status === 'new') layer.commit();
    return result;
  }

  /**
   * Runs the extractor again over a stored source (a newer engine, say) and adds what is new.
   * A span that already has a quote in any review state, a rejected one included, is not
   * suggested again.
   */
  resuggest(sourceId: number): SuggestionCounts {
    const row = this.db.select().from(sources).where(and(eq(sources.id, sourceId), isNull(sources.deletedAt))).get();
    if (!row) throw new ValidationError(`source ${sourceId} does not exist`);
    const article: Article = { title: row.title, publisher: row.publisher, url: row.url, publishedAt: row.publishedAt, language: row.language, dateline: row.dateline, body: row.body, junk: findJunk(row.body) };
    const usable = usableQuotes(article, extractFrom(this.extractor, article, { knownActors: this.actors().knownActors() }));
    const layer = this.actors().layer();
    const counts = this.writer.write(
      {
        action: 'source:ingest',
        schema: z.array(z.unknown()),
        work: (tx) => {
          const found = this.suggest(tx, layer, row, usable.quotes);
          if (found.totals.quotesSuggested > 0) recordAudit(tx, { action: 'source:ingest', type: 'source', id: row.id, before: null, after: { resuggested: true, ...found.audit } });
          return found.totals;
        },
      },
      usable.quotes,
    );
    layer.commit();
    return { ...counts, quotesInJunk: usable.inJunk };
  }

  private suggest(tx: WriteTx, directory: ActorDirectory, source: { id: number }, found: readonly ExtractedQuote[]) {
    const counts: SuggestionCounts = { quotesSuggested: 0, quotesInJunk: 0, quotesAlreadyKnown: 0, actorsProposed: 0, statementsLinked: 0 };
    const audit = { suggestedQuotes: [] as number[], proposedActors: [] as string[] };
    for (const quote of found) {
      const taken = tx
        .select({ id: quotes.id })
        .from(quotes)
        .where(and(eq(quotes.sourceId, source.id), eq(quotes.start, quote.start), eq(quotes.end, quote.end), eq(quotes.kind, quote.kind)))
        .get();
      if (taken) {
        counts.quotesAlreadyKnown++;
        continue;
      }
      const speaker = resolveSpeaker(tx, directory, quote.speaker);
      counts.actorsProposed += speaker.proposed.length;
      audit.proposedActors.push(...speaker.proposed.map((a) => a.slug));
      const statementId = findStatement(tx, { speakerId: speaker.actorId, sourceId: source.id, text: quote.text });
      if (statementId !== null) counts.statementsLinked++;
      const what = labelOf(quote);
      const input = parse(
        suggestedQuoteInput,
        {
          sourceId: source.id,
          start: quote.start,
          end: quote.end,
          text: quote.text,
          kind: quote.kind,
          speakerId: speaker.actorId,
          speakerLabel: quote.speaker?.name ?? 'unattributed',
          saidAt: quote.saidAt,
          reviewState: 'suggested',
          confidence: quote.confidence,
          extractorVersion: this.extractor.version,
          cueStart: quote.cue?.start ?? null,
          cueEnd: quote.cue?.end ?? null,
          speakerStart: quote.speakerMention?.start ?? null,
          speakerEnd: quote.speakerMention?.end ?? null,
          statementId,
        },
        what,
      );
      audit.suggestedQuotes.push(insertQuote(tx, input, what, 'source:ingest').id);
      counts.quotesSuggested++;
    }
    return { totals: counts, audit };
  }
}
