import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import { article } from './helpers';

const MARKS = ['"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’', "'", '‚', "''", '\n', '\n\n', ' ', ':', ',', '.', '—'];
const WORDS = ['NATO', 'Trump', 'said', 'he', 'she', 'the', 'official', 'a senior US official', 'told', 'according to', 'Kremlin', 'Péter Szijjártó', 'it’s', "Lords'", 'Władysław', '😀', '\u{1F1FA}\u{1F1E6}', 'e\u0301'];

// Text that looks like news with random quote marks, emoji (surrogate pairs) and combining marks.
const newsLike = fc
  .array(fc.oneof(fc.constantFrom(...MARKS), fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\uD83D', '\uDE00')), { maxLength: 200 })
  .map((parts) => parts.join(' '));

function checkQuotes(body: string): void {
  const quotes = extractQuotes(article(body));
  for (const q of quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeLessThanOrEqual(body.length);
    expect(q.start).toBeLessThan(q.end);
    expect(body.slice(q.start, q.end)).toBe(q.text);
    // Never splits a surrogate pair at either end.
    const high = (i: number) => /[\uD800-\uDBFF]/.test(body.charAt(i));
    const low = (i: number) => /[\uDC00-\uDFFF]/.test(body.charAt(i));
    expect(low(q.start) && high(q.start - 1)).toBe(false);
    expect(high(q.end - 1) && low(q.end)).toBe(false);
    expect(q.confidence).toBeGreaterThanOrEqual(0);
    expect(q.confidence).toBeLessThanOrEqual(1);
    if (q.kind === 'direct') {
      // An open quote never swallows past its paragraph (a line, or a line break it closes across).
      expect(q.text.includes('\n\n')).toBe(false);
    }
    for (const span of [q.cue, q.speakerMention]) {
      if (span) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(body.length);
      }
    }
  }
}

describe('extractQuotes on arbitrary input', () => {
  it('never throws, and every quote is an exact, in-bounds slice', () => {
    fc.assert(fc.property(newsLike, (body) => checkQuotes(body)), { numRuns: 300 });
  });

  it('handles arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (body) => checkQuotes(body)), { numRuns: 200 });
  });

  it('stays bounded on a huge paragraph full of unbalanced marks', () => {
    const unit = '“We will not “accept this ‘deal, said the official. «Never» „again ';
    const body = unit.repeat(4000); // ~270,000 characters, one paragraph
    const started = performance.now();
    checkQuotes(body);
    // A guard against runaway (quadratic) behaviour, not a speed target: that is measured by eval:extract.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(newsLike, (body) => {
        expect(extractQuotes(article(body))).toEqual(extractQuotes(article(body)));
      }),
      { numRuns: 50 },
    );
  });

  it('names its version', () => {
    expect(EXTRACTOR_VERSION).toMatch(/^extract-\d+\.\d+\.\d+$/);
  });
});
