// Files in, outcomes out: reading each file (refusing a huge one before reading it), then either
// storing it through an Ingestor or, in a dry run, describing what would be stored.
import { readFileSync, statSync } from 'node:fs';
import type { ExtractOptions } from '@/lib/extract';
import type { ExtractedQuote, Speaker } from '@/lib/extract/types';
import { MAX_FILE_BYTES, tooLargeProblem } from './decode';
import { sourceFieldsOf, usableQuotes } from './evidence';
import { readArticle } from './read';
import { ExtractionError, extractFrom, type Duplicate, type Extractor, type Ingestor, type Stored } from './store';

export type FileBytes = { ok: true; bytes: Buffer } | { ok: false; problem: string };

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'no such file (a part of the path is not a directory)',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

function fsProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && FS_PROBLEMS[code]) ?? `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

/** The file's bytes; a file over the size limit is refused by its size, without reading it. */
export function readInputFile(path: string): FileBytes {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, problem: FS_PROBLEMS.EISDIR! };
    if (!stat.isFile()) return { ok: false, problem: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, problem: tooLargeProblem(stat.size) };
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    return { ok: false, problem: fsProblem(error) };
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export type Failed = { file: string; status: 'failed'; problem: string };
export type FileOutcome = Failed | ({ file: string } & (Stored | Duplicate));

/** Stores each file in its own transaction; a bad file costs only itself. */
export function* ingestFiles(files: readonly string[], ingestor: Ingestor): Generator<FileOutcome> {
  for (const file of files) {
    const read = readInputFile(file);
    const result = read.ok ? readArticle(file, read.bytes) : read;
    if (!result.ok) {
      yield { file, status: 'failed', problem: result.problem };
      continue;
    }
    try {
      yield { file, ...ingestor.ingest(result.article) };
    } catch (error) {
      yield { file, status: 'failed', problem: error instanceof ExtractionError ? error.message : `not stored: ${message(error)}` };
    }
  }
}

/** One item of `ingest --dry-run --json`: offsets index into source.body. */
export type DryRunItem =
  | {
      file: string;
      source: { title: string; publisher: string; url: string | null; publishedAt: string | null; body: string };
      quotes: { text: string; start: number; end: number; kind: ExtractedQuote['kind']; speaker: Speaker | null; confidence: number }[];
    }
  | { file: string; error: string };

/**
 * What storing each file would store, without a database: the source as it would be stored
 * and the quotes that would be suggested (those in scraping junk left out).
 */
export function* dryRunFiles(files: readonly string[], extractor: Extractor, options: ExtractOptions = {}): Generator<DryRunItem> {
  for (const file of files) {
    const read = readInputFile(file);
    const result = read.ok ? readArticle(file, read.bytes) : read;
    if (!result.ok) {
      yield { file, error: result.problem };
      continue;
    }
    let usable: ReturnType<typeof usableQuotes>;
    try {
      usable = usableQuotes(result.article, extractFrom(extractor, result.article, options));
    } catch (error) {
      yield { file, error: message(error) };
      continue;
    }
    const { title, publisher, url, publishedAt, body } = sourceFieldsOf(result.article);
    yield {
      file,
      source: { title, publisher, url, publishedAt, body },
      quotes: usable.quotes.map((q) => ({
        text: q.text,
        start: q.start,
        end: q.end,
        kind: q.kind,
        speaker: q.speaker && { name: q.speaker.name, kind: q.speaker.kind, countryCode: q.speaker.countryCode, organisation: q.speaker.organisation },
        confidence: q.confidence,
      })),
    };
  }
}
