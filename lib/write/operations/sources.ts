// Adding an article: pasted (title, publisher, url, date, body) or read from an uploaded file by
// the ingest reader, then stored with the quotes the extractor suggests, through the Ingestor.
import type { Article } from '@/lib/extract/types';
import { findJunk, normaliseText, readArticle } from '@/lib/ingest';
import { Ingestor, type Extractor } from '@/lib/ingest/store';
import { ConflictError, ValidationError } from '../errors';
import { articleInput, type ArticleInput } from '../inputs';
import { sourceRecord, type SourceRecord } from '../records';
import type { Writer } from '../writer';

/** A pasted article as the ingest engine sees it: the body normalised once, its junk marked. */
export function articleFromInput(input: ArticleInput): Article {
  const body = normaliseText(input.body);
  if (!body) throw ValidationError.field('body', 'must not be empty');
  return {
    title: input.title,
    publisher: input.publisher,
    url: input.url ?? null,
    publishedAt: input.publishedAt ?? null,
    language: null,
    dateline: null,
    body,
    junk: findJunk(body),
  };
}

/** An uploaded file, read as `npm run ingest` reads one; its name only tells HTML apart. */
export function articleFromFile(fileName: string, bytes: Uint8Array): Article {
  const result = readArticle(fileName, bytes);
  if (!result.ok) throw ValidationError.field('file', result.problem);
  return result.article;
}

export type StoredArticle = {
  /** True when the article was already stored: nothing changed. */
  duplicate: boolean;
  source: SourceRecord;
  quotesSuggested: number;
  quotesInJunk: number;
  quotesAlreadyKnown: number;
  actorsProposed: number;
};

/**
 * Stores the article and its suggestions as the writer's principal, or reports the stored
 * source it duplicates. A duplicate of a deleted source is a conflict: an admin can restore it.
 */
export function storeArticle(writer: Writer, article: Article, extractor: Extractor): StoredArticle {
  writer.authorize('source:ingest');
  const result = new Ingestor(writer, extractor).ingest(article);
  const source = sourceRecord(writer.reads, result.sourceId)!;
  if (result.status === 'duplicate') {
    if (result.deleted) {
      throw new ConflictError(`This article is already stored as source ${result.sourceId} (same ${result.matchedBy === 'body' ? 'text' : 'URL'}), which has been deleted; an admin can restore it`, source);
    }
    return { duplicate: true, source, quotesSuggested: 0, quotesInJunk: 0, quotesAlreadyKnown: 0, actorsProposed: 0 };
  }
  return { duplicate: false, source, quotesSuggested: result.quotesSuggested, quotesInJunk: result.quotesInJunk, quotesAlreadyKnown: result.quotesAlreadyKnown, actorsProposed: result.actorsProposed };
}

/** A pasted article (JSON or a form), validated, then stored. */
export function storePastedArticle(writer: Writer, input: unknown, extractor: Extractor): StoredArticle {
  writer.authorize('source:ingest');
  const value = writer.validate({ action: 'source:ingest', schema: articleInput, what: 'article' }, input);
  return storeArticle(writer, articleFromInput(value), extractor);
}
