// A stand-in for the extraction engine: it "finds" exactly the quotes a test scripts for it, so
// that storage tests say what is stored, not how well the engine extracts.
import type { ExtractOptions } from '@/lib/extract';
import type { Article, ExtractedQuote, Speaker } from '@/lib/extract/types';
import type { Extractor } from '@/lib/ingest/store';

export type ScriptedQuote = {
  text: string;
  speaker: Speaker | null;
  kind?: ExtractedQuote['kind'];
  confidence?: number;
  saidAt?: string | null;
  /** A word before the quote to report as the cue, and the speaker mention to report, if present. */
  cue?: string;
  mention?: string;
};

export type FakeExtractor = Extractor & { calls: { article: Article; options: ExtractOptions }[] };

/** Finds each scripted text in the body (first occurrence) and reports it with its speaker. */
export function fakeExtractor(script: readonly ScriptedQuote[], version = 'fake-1'): FakeExtractor {
  const calls: FakeExtractor['calls'] = [];
  return {
    version,
    calls,
    extract(article, options) {
      calls.push({ article, options });
      const found: ExtractedQuote[] = [];
      for (const q of script) {
        const start = article.body.indexOf(q.text);
        if (start < 0) continue;
        const spanOf = (word: string | undefined) => {
          const at = word ? article.body.indexOf(word) : -1;
          return at < 0 ? null : { start: at, end: at + word!.length };
        };
        found.push({
          start,
          end: start + q.text.length,
          text: q.text,
          kind: q.kind ?? 'direct',
          speaker: q.speaker,
          confidence: q.confidence ?? 0.8,
          cue: spanOf(q.cue),
          speakerMention: spanOf(q.mention),
          saidAt: q.saidAt ?? null,
        });
      }
      return found;
    },
  };
}

export const person = (name: string, countryCode: string | null = null, organisation: string | null = null): Speaker => ({ name, kind: 'person', countryCode, organisation });
export const anonymous = (name: string, countryCode: string | null = null, organisation: string | null = null): Speaker => ({ name, kind: 'anonymous', countryCode, organisation });
