// Placeholder until the extraction engine lands: the ingest pipeline takes its extractor as a
// parameter, so nothing in main calls this yet.
import type { Article, ExtractedQuote } from './types';

export type KnownActor = {
  name: string;
  aliases: readonly string[];
  kind: 'person' | 'anonymous' | 'organisation' | 'state';
  countryCode: string | null;
  organisation: string | null;
};

export type ExtractOptions = {
  /** Actors already in the database, so that "Szijjártó" is known to speak for HU. */
  knownActors?: readonly KnownActor[];
};

export function extractQuotes(_article: Article, _options: ExtractOptions = {}): ExtractedQuote[] {
  throw new Error('The extraction engine is not built yet');
}
