// The search box grammar: table-driven for what it means, property-based for what it must
// survive (anything a person or a fuzzer can type).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsExpression } from '@/db/sqlite/fts';
import { findMatches, parseSearch, type SearchTerm } from '@/lib/search/query';

describe('parseSearch', () => {
  const cases: [input: string, terms: SearchTerm[]][] = [
    ['strategy', [{ kind: 'word', word: 'strategy', prefix: false }]],
    ['NATO  Strategy', [{ kind: 'word', word: 'nato', prefix: false }, { kind: 'word', word: 'strategy', prefix: false }]],
    ['"new strategy"', [{ kind: 'phrase', words: ['new', 'strategy'] }]],
    ['strat*', [{ kind: 'word', word: 'strat', prefix: true }]],
    ['s*', [{ kind: 'word', word: 's', prefix: false }]],
    ['Orbán', [{ kind: 'word', word: 'orban', prefix: false }]],
    ['"unclosed phrase', [{ kind: 'phrase', words: ['unclosed', 'phrase'] }]],
    ['"one"', [{ kind: 'word', word: 'one', prefix: false }]],
    ['NEAR(a b)', [{ kind: 'word', word: 'near', prefix: false }, { kind: 'word', word: 'a', prefix: false }, { kind: 'word', word: 'b', prefix: false }]],
    ['text:foo -bar', [{ kind: 'word', word: 'text', prefix: false }, { kind: 'word', word: 'foo', prefix: false }, { kind: 'word', word: 'bar', prefix: false }]],
    ["Russia's", [{ kind: 'word', word: 'russia', prefix: false }, { kind: 'word', word: 's', prefix: false }]],
    ['nato nato', [{ kind: 'word', word: 'nato', prefix: false }]],
  ];
  it.each(cases)('%j', (input, terms) => {
    const parsed = parseSearch(input);
    expect(parsed.ok && parsed.query.terms).toEqual(terms);
  });

  it.each(['', '   ', '"', '***', '()', '-'])('refuses %j: no words to search for', (input) => {
    expect(parseSearch(input)).toEqual({ ok: false, message: 'has no words to search for' });
  });

  it('refuses input that is too long or has too many terms', () => {
    expect(parseSearch('a'.repeat(201))).toMatchObject({ ok: false, message: expect.stringMatching(/longer than 200/) });
    expect(parseSearch(Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '))).toMatchObject({ ok: false, message: expect.stringMatching(/more than 12/) });
  });

  it('never lets input reach FTS5 syntax: every term is quoted and contains only word characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 220 }), (input) => {
        const parsed = parseSearch(input);
        if (!parsed.ok) return;
        const expression = ftsExpression(parsed.query);
        const terms = expression.split(' AND ');
        for (const term of terms) expect(term).toMatch(/^"[\p{L}\p{N} ]+"\*?$/u);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findMatches', () => {
  const q = (input: string) => {
    const parsed = parseSearch(input);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.query;
  };
  const marked = (text: string, input: string) => findMatches(text, q(input)).map((m) => text.slice(m.start, m.end));

  it.each([
    ['A new strategy for NATO', 'strategy', ['strategy']],
    ['A new strategy for NATO', 'nato STRATEGY', ['strategy', 'NATO']],
    ['A new strategy, a new Strategic Concept', 'strat*', ['strategy', 'Strategic']],
    ['new strategy; new ideas; strategy new', '"new strategy"', ['new strategy']],
    ['Viktor Orbán said', 'orban', ['Orbán']],
    ['Russia’s view', 'russia', ['Russia']],
    ['nothing here', 'strategy', []],
  ])('%j with %j marks %j', (text, input, expected) => {
    expect(marked(text, input)).toEqual(expected);
  });

  it('returns ordered, non-overlapping spans inside the text, for any text and query', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 40 }), (text, input) => {
        const parsed = parseSearch(input);
        if (!parsed.ok) return;
        const matches = findMatches(text, parsed.query);
        let last = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          last = m.end;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
