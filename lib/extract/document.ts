// The analysed article: paragraphs, quotations found between marks, tokens, and sentences whose
// boundaries ignore punctuation inside quotations.
import type { Span } from './types';
import { splitParagraphs, type Paragraph } from './paragraphs';
import { markPositions, prefersSingles, scanQuotes, wordCount, type MarkedSpan } from './marks';
import { tokenize, type Token } from './nlp';
import { cueAt } from './cues';

export type Sentence = { index: number; para: number; tokStart: number; tokEnd: number; start: number; end: number };

export type Doc = {
  body: string;
  paragraphs: Paragraph[];
  /** Every top-level marked span, short ones included (they are context, e.g. scare quotes). */
  marked: MarkedSpan[];
  tokens: Token[];
  sentences: Sentence[];
  /** First token index of each paragraph (tokens.length when empty), and one past its last. */
  paraTok: { start: number; end: number }[];
};

/** Words of a quotation as the scorer counts them (marks and final punctuation stripped). */
export function quoteWords(text: string): number {
  return wordCount(text.replace(/^[\s"“”‘’'«»„]+|[\s"“”‘’'«»„]+$/g, '').replace(/[\s,.;:]+$/, ''));
}

export function analyse(body: string, junk: readonly Span[]): Doc {
  const paragraphs = splitParagraphs(body);
  const positions = markPositions(body);
  const singles = prefersSingles(body, paragraphs, positions);
  const marked = scanQuotes(body, paragraphs, { singles }, positions).filter((s) => !insideJunk(s, junk));
  const tokens = tokenize(body);
  assignParagraphs(tokens, paragraphs);
  assignQuotes(body, tokens, marked, paragraphs);
  const paraTok = paragraphs.map(() => ({ start: -1, end: -1 }));
  for (const t of tokens) {
    if (t.para < 0) continue;
    const pt = paraTok[t.para]!;
    if (pt.start < 0) pt.start = t.i;
    pt.end = t.i + 1;
  }
  for (const pt of paraTok) if (pt.start < 0) pt.start = pt.end = tokens.length;
  const sentences = splitSentences(tokens, paragraphs, paraTok);
  return { body, paragraphs, marked, tokens, sentences, paraTok };
}

function insideJunk(s: MarkedSpan, junk: readonly Span[]): boolean {
  return junk.some((j) => s.start < j.end && s.end > j.start);
}

function assignParagraphs(tokens: Token[], paragraphs: readonly Paragraph[]): void {
  let p = 0;
  for (const t of tokens) {
    while (p < paragraphs.length && paragraphs[p]!.end <= t.start) p++;
    if (p < paragraphs.length && paragraphs[p]!.start <= t.start) t.para = p;
  }
}

function assignQuotes(body: string, tokens: Token[], marked: readonly MarkedSpan[], paragraphs: readonly Paragraph[]): void {
  let k = 0;
  for (let q = 0; q < marked.length; q++) {
    const s = marked[q]!;
    const contentEnd = s.close ?? paragraphs[s.paragraph]!.end;
    const closeEnd = s.close === null ? contentEnd : s.close + 1;
    while (k < tokens.length && tokens[k]!.end <= s.open) k++;
    for (let j = k; j < tokens.length && tokens[j]!.start < closeEnd; j++) {
      const t = tokens[j]!;
      if (t.start === s.open || (t.start < s.open + 1 && t.end > s.open)) t.mark = 'open';
      else if (s.close !== null && t.start <= s.close && t.end > s.close) t.mark = 'close';
      else t.quote = q;
      if (t.mark && t.end - t.start > 1) t.quote = q; // a mark fused with a word
    }
  }
  void body;
}

const ABBREVIATIONS = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'sens.', 'rep.', 'reps.', 'gov.', 'gen.', 'adm.', 'col.', 'lt.', 'sgt.', 'capt.', 'maj.',
  'cmdr.', 'prof.', 'rev.', 'pres.', 'sec.', 'amb.', 'st.', 'jr.', 'sr.', 'no.', 'vs.', 'v.', 'etc.', 'inc.', 'corp.', 'co.', 'ltd.',
  'u.s.', 'u.k.', 'u.n.', 'e.u.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
  'a.m.', 'p.m.', 'ft.', 'mt.', 'fig.', 'approx.', 'dept.', 'est.', 'ave.', 'blvd.', 'd.c.', 'calif.', 'fla.', 'ill.', 'mass.',
  'mich.', 'minn.', 'n.y.', 'n.j.', 'pa.', 'tenn.', 'tex.', 'va.', 'wash.', 'wis.', 'ariz.', 'colo.', 'conn.', 'ga.', 'ky.', 'la.',
  'md.', 'mo.', 'n.c.', 'n.h.', 'nev.', 'okla.', 'ore.', 's.c.', 'r.i.', 'ala.', 'ark.', 'del.', 'kan.', 'miss.', 'neb.', 'vt.', 'wyo.',
]);

function endsSentence(t: Token): boolean {
  if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…' || t.text === '...') return true;
  if (t.text.length > 1 && t.text.endsWith('.') && !ABBREVIATIONS.has(t.lower) && !/^\p{Lu}\.$/u.test(t.text) && !/^(\p{L}\.)+$/u.test(t.text)) {
    return true;
  }
  return false;
}

function startsSentence(t: Token | undefined): boolean {
  if (!t) return true;
  return t.cap || /^[\p{N}"“‘'«„(\[]/u.test(t.text) || t.mark === 'open';
}

/**
 * Sentences inside each paragraph. Terminal punctuation inside a quotation does not end the
 * surrounding sentence unless the quotation itself ends one ("…ready.” The official added …).
 */
function splitSentences(tokens: Token[], paragraphs: readonly Paragraph[], paraTok: readonly { start: number; end: number }[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paraTok[p]!;
    if (start >= end) continue;
    let s = start;
    for (let k = start; k < end; k++) {
      const t = tokens[k]!;
      let boundary = false;
      const prevTok = tokens[k - 1];
      const abbreviationDot =
        t.text === '.' && !t.spaceBefore && !!prevTok && k > start && (ABBREVIATIONS.has(prevTok.lower + '.') || /^\p{Lu}$/u.test(prevTok.text));
      if (t.quote < 0 && t.mark === null && endsSentence(t) && !abbreviationDot) {
        const next = tokens[k + 1];
        // "… Sen. Cruz" and initials are handled by the abbreviation list; a lower-case word after "." continues.
        boundary = k + 1 >= end || startsSentence(next);
        // A closing mark right after the full stop belongs to this sentence.
        if (boundary && next && next.mark === 'close' && k + 1 < end) boundary = false;
      } else if (t.mark === 'close' && k > start) {
        const inner = tokens[k - 1]!;
        const next = tokens[k + 1];
        if (endsSentence(inner) && k + 1 < end && next && next.cap && !startsCueClause(tokens, k + 1, end, inner.text === '.' ? 8 : 40)) boundary = true;
      }
      if (boundary || k === end - 1) {
        sentences.push(makeSentence(tokens, sentences.length, p, s, k + 1));
        s = k + 1;
      }
    }
  }
  for (const sent of sentences) for (let k = sent.tokStart; k < sent.tokEnd; k++) tokens[k]!.sent = sent.index;
  return sentences;
}

function makeSentence(tokens: readonly Token[], index: number, para: number, a: number, b: number): Sentence {
  return { index, para, tokStart: a, tokEnd: b, start: tokens[a]!.start, end: tokens[b - 1]!.end };
}

/**
 * "…ready.” Trump said." / "…it!” Murphy, the head of Right to Rise USA, tweeted …": a clause whose
 * speech cue comes soon after a quotation belongs to the quotation's sentence.
 */
function startsCueClause(tokens: readonly Token[], from: number, end: number, reach: number): boolean {
  for (let k = from; k < end && k < from + reach; k++) {
    const t = tokens[k]!;
    if (t.mark === 'open' || (t.quote < 0 && t.mark === null && endsSentence(t))) return false;
    if (t.quote < 0 && t.mark === null && cueAt(tokens, k)) return true;
  }
  return false;
}
