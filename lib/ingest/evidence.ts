// What of an article and its extracted quotes may be stored: the source row it becomes, and the
// quotes that are exactly their slice of the body and lie outside the scraping junk.
import { z } from 'zod';
import { QUOTE_KINDS } from '@/lib/domain/vocabulary';
import type { Article, ExtractedQuote } from '@/lib/extract/types';
import { isoDateSchema } from '@/lib/dates';
import { ValidationError } from '@/lib/write/errors';
import { countryCodeSchema, type SourceInput } from '@/lib/write/inputs';
import { overlapsJunk } from './junk';

const MAX_TITLE = 200;
export const UNKNOWN_PUBLISHER = 'unknown publisher';

/** The first line of the body, shortened at a word: a title for a file that states none. */
function titleFromBody(body: string): string {
  const line = body.slice(0, body.indexOf('\n') === -1 ? undefined : body.indexOf('\n')).trim();
  if (line.length <= MAX_TITLE) return line;
  const cut = line.slice(0, MAX_TITLE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : MAX_TITLE)}…`;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The source row an article becomes; what the file does not say is filled in plainly, never guessed. */
export function sourceFieldsOf(article: Article): SourceInput {
  return {
    title: article.title ?? titleFromBody(article.body),
    publisher: article.publisher ?? hostOf(article.url) ?? UNKNOWN_PUBLISHER,
    url: article.url,
    publishedAt: article.publishedAt,
    originalPublisher: null,
    originalPublishedAt: null,
    dateNote: null,
    dateline: article.dateline,
    language: article.language,
    body: article.body,
  };
}

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).refine((s) => s.end > s.start, 'end must be after start');

/** The extraction contract (lib/extract/types.ts), checked: an extractor's bug never reaches the database. */
export const extractedQuoteSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    text: z.string().min(1),
    kind: z.enum(QUOTE_KINDS),
    speaker: z
      .object({
        name: z.string().trim().min(1, 'must not be empty'),
        kind: z.enum(['person', 'anonymous', 'organisation', 'state']),
        countryCode: countryCodeSchema.nullable(),
        organisation: z.string().trim().min(1).nullable(),
      })
      .nullable(),
    confidence: z.number().min(0).max(1),
    cue: span.nullable(),
    speakerMention: span.nullable(),
    saidAt: isoDateSchema.nullable(),
  })
  .refine((q) => q.end > q.start, { message: 'end must be after start', path: ['end'] });

export type Usable = { quotes: ExtractedQuote[]; inJunk: number };

/**
 * The quotes that may be suggested, in body order. Throws ValidationError when the extractor broke
 * its contract (a malformed quote, a text that is not its slice of the body): the whole article is
 * refused rather than stored with a false quote.
 */
export function usableQuotes(article: Article, extracted: readonly unknown[]): Usable {
  const quotes: ExtractedQuote[] = [];
  let inJunk = 0;
  extracted.forEach((raw, i) => {
    const parsed = extractedQuoteSchema.safeParse(raw);
    if (!parsed.success) throw ValidationError.fromZod(`extracted quote ${i + 1}`, parsed.error);
    const quote = parsed.data;
    for (const [name, s] of [['quote', quote], ['cue', quote.cue], ['speaker mention', quote.speakerMention]] as const) {
      if (s && s.end > article.body.length) {
        throw new ValidationError(`extracted quote ${i + 1}: ${name} ends at ${s.end}, past the end of the body (length ${article.body.length})`);
      }
    }
    if (article.body.slice(quote.start, quote.end) !== quote.text) {
      throw new ValidationError(`extracted quote ${i + 1}: text ${JSON.stringify(quote.text.slice(0, 60))} is not the body at ${quote.start}-${quote.end}`);
    }
    if (overlapsJunk(article.junk, quote.start, quote.end)) inJunk++;
    else quotes.push(quote);
  });
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return { quotes, inJunk };
}
