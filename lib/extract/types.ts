// The contract between reading an article (lib/ingest) and extracting its quotes (lib/extract).
// Offsets are UTF-16 code units (JavaScript string indices) into `body`.

/** A half-open range [start, end) of the body. */
export type Span = { start: number; end: number };

/** An article as read from a file, normalised once; every offset points into `body`. */
export type Article = {
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** YYYY-MM-DD, or null when the input carries no date (never guessed). */
  publishedAt: string | null;
  language: string | null;
  /** e.g. "Kyiv • UNN", when the text has a dateline line. */
  dateline: string | null;
  body: string;
  /** Scraping junk inside the body (teasers, share buttons, "Read also" lists): never evidence. */
  junk: Span[];
};

export type SpeakerKind = 'person' | 'anonymous' | 'organisation' | 'state';

export type Speaker = {
  /** As the article names them, resolved through coreference: "Péter Szijjártó", "a senior US official". */
  name: string;
  kind: SpeakerKind;
  /** ISO 3166-1 alpha-2 of the country the speaker speaks for, when known. */
  countryCode: string | null;
  /** The organisation the speaker speaks for (NATO, EU, a ministry's government), when known. */
  organisation: string | null;
};

export type ExtractedQuote = Span & {
  /** Always body.slice(start, end). */
  text: string;
  kind: 'direct' | 'reported';
  speaker: Speaker | null;
  /** Calibrated probability in [0, 1] that the speaker is right. */
  confidence: number;
  /** The speech cue ("said", "according to") and the speaker mention used, when there is one. */
  cue: Span | null;
  speakerMention: Span | null;
  /** YYYY-MM-DD when the text dates the statement ("on Tuesday", resolved against publishedAt). */
  saidAt: string | null;
};
