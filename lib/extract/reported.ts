// Reported statements: speech without quote marks. "X said (that) CLAUSE", "According to X,
// CLAUSE", "CLAUSE, according to X", "CLAUSE, X said/told Y". The clause is returned as a span;
// its speaker is found by the same ranker as for quotations.
import type { Doc, Sentence } from './document';
import type { Token } from './nlp';
import { cueAt } from './cues';
import { REPORTING_LEMMAS } from './lexicon';

export type ReportedSpan = { start: number; end: number; openTok: number; closeTok: number; sent: number; para: number; cueTok: number };

const SKIP_TO_THAT = /^(on|in|at|during|after|before|last|this|earlier|later|also|then|again|publicly|privately|repeatedly|recently|previously|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|a|an|the|his|her|its|their|statement|interview|address|speech|briefing|conference|press|news|video|post|message|letter|call|phone|televised|evening|morning|weekly|regular|nightly|radio|television|tv|parliament|reporters|journalists|lawmakers|mps|told|,|for|part|week|month|year|night|afternoon)$/;
// Verbs whose next word is their object, not a clause: "told MPs", "warned NATO against …".
const OBJECT_VERBS = new Set(['tell', 'warn', 'urge', 'remind', 'assure', 'reassure', 'inform', 'ask', 'advise', 'caution', 'promise', 'thank', 'accuse', 'blame', 'call']);
const TAIL_REPORTS = /^(reports?|reported|writes|wrote|says|said|notes|noted|adds|added|according)$/;

function isWord(t: Token | undefined): t is Token {
  return !!t && t.quote < 0 && t.mark === null;
}

function reportingCue(tokens: readonly Token[], k: number): boolean {
  const cue = cueAt(tokens, k);
  if (!cue || cue.weak) return false;
  const lemma = cue.lemma.split(' ')[0]!;
  if (!REPORTING_LEMMAS.has(lemma)) return false;
  const t = tokens[k]!;
  // Not "to say", "will say", "would tell".
  // Not "to say", "will say", "would tell", "to formally declare": intentions, not statements.
  for (const prev of [tokens[k - 1], tokens[k - 2]?.pos === 'ADV' || tokens[k - 1]?.pos === 'ADV' ? tokens[k - 2] : undefined]) {
    if (prev && /^(to|will|would|could|should|might|may|must|not|n't|cannot)$/.test(prev.lower)) return false;
  }
  // Participles after a comma ("…, insisting that") report nothing by themselves here.
  return t.lower !== 'say' && t.lower !== 'tell';
}

/** Words in [a, b) outside quotation marks. */
function wordsOutsideQuotes(tokens: readonly Token[], a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (isWord(tokens[k]) && /[\p{L}\p{N}]/u.test(tokens[k]!.text)) n++;
  return n;
}

function hasVerb(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return true;
  return false;
}

/** End of a clause: before a trailing ", UNN reports", ", according to X", ", X said". */
function clauseEnd(tokens: readonly Token[], a: number, s: Sentence): number {
  let end = s.tokEnd;
  while (end > a && /^[.!?;:]$/.test(tokens[end - 1]!.text) && tokens[end - 1]!.mark === null) end--;
  for (let k = a + 1; k < end; k++) {
    const t = tokens[k]!;
    if (t.text !== ',' || !isWord(t)) continue;
    // ", according to …" / ", UNN reports" / ", several diplomats told Euractiv"
    for (let j = k + 1; j < Math.min(end, k + 9); j++) {
      const u = tokens[j]!;
      if (!isWord(u)) break;
      if (u.lower === 'according' || TAIL_REPORTS.test(u.lower) || reportingCue(tokens, j)) return k;
      if (u.text === ',') break;
    }
  }
  return end;
}

export function findReported(doc: Doc): ReportedSpan[] {
  const { tokens, body } = doc;
  const out: ReportedSpan[] = [];
  for (const s of doc.sentences) {
    let found: { a: number; b: number; cue: number } | null = null;
    let sawCue = false;
    // "According to X, CLAUSE."
    const first = tokens[s.tokStart];
    if (first && first.lower === 'according' && tokens[s.tokStart + 1]?.lower === 'to') {
      let k = s.tokStart + 2;
      while (k < s.tokEnd && tokens[k]!.text !== ',') k++;
      if (k < s.tokEnd - 3) found = { a: k + 1, b: clauseEnd(tokens, k + 1, s), cue: s.tokStart };
    }
    // "X said (that) CLAUSE".
    if (!found) {
      for (let k = s.tokStart + 1; k < s.tokEnd - 3; k++) {
        if (!isWord(tokens[k]) || !reportingCue(tokens, k)) continue;
        // "said on Tuesday that", "told his German counterpart in a phone call that".
        let j = k + 1;
        while (j < s.tokEnd && j <= k + 10 && tokens[j]!.lower !== 'that' && isWord(tokens[j]) && tokens[j]!.text !== ',' && tokens[j]!.text !== '.' && tokens[j]!.text !== ':') {
          // A verb ends the search unless it is a noun after a determiner ("his evening address").
          const u = tokens[j]!;
          if ((u.pos === 'VERB' || u.pos === 'AUX') && !/^(DET|PRON|ADJ|NOUN)$/.test(tokens[j - 1]!.pos)) break;
          j++;
        }
        let a: number;
        const lemma = cueAt(tokens, k)!.lemma;
        if (tokens[j]?.lower === 'that' && isWord(tokens[j])) a = j + 1;
        else if (
          !OBJECT_VERBS.has(lemma) &&
          isWord(tokens[k + 1]) &&
          /^(DET|PRON|PROPN|NOUN|NUM|ADJ)$/.test(tokens[k + 1]!.pos) &&
          !/^(it|him|her|them|me|us|you|so|this|reporters|journalists)$/.test(tokens[k + 1]!.lower)
        ) a = k + 1;
        else continue;
        sawCue = true;
        const b = clauseEnd(tokens, a, s);
        if (b - a >= 4 && hasVerb(tokens, a, b)) {
          found = { a, b, cue: k };
          break;
        }
      }
    }
    // "CLAUSE, according to X." / "CLAUSE, X said." — the clause opens the sentence.
    if (!found && !sawCue && isWord(first)) {
      const b = clauseEnd(tokens, s.tokStart, s);
      if (b < s.tokEnd - 2 && b - s.tokStart >= 5 && hasVerb(tokens, s.tokStart, b)) {
        // The tail names a speaker before its cue ("…, several diplomats told Euractiv"), or is
        // "according to X"; and no quotation follows it ("Asked about …, she said: “…”").
        let cue = -1;
        for (let j = b + 1; j < s.tokEnd; j++) {
          if (tokens[j]!.mark === 'open') break;
          if (tokens[j]!.lower === 'according' && j === b + 1) {
            cue = j;
            break;
          }
          if (reportingCue(tokens, j)) {
            if (j > b + 1 && /^(PROPN|NOUN|PRON)$/.test(tokens[j - 1]!.pos)) cue = j;
            break;
          }
        }
        if (cue > 0 && tokens.slice(cue, s.tokEnd).some((t) => t.mark === 'open')) cue = -1;
        // Not when the tail is only the publication relaying the story ("…, UNN reports").
        if (cue > 0 && !(cue === b + 2 && /^(reports?|reported|writes)$/.test(tokens[cue]!.lower))) found = { a: s.tokStart, b, cue };
      }
    }
    if (!found) continue;
    const { a, b, cue } = found;
    // Mostly a quotation already: the direct quote is the evidence. A colon introducing a
    // quotation is no reported clause either.
    if (wordsOutsideQuotes(tokens, a, b) < 3) continue;
    if (tokens.slice(a, b).some((t, i, arr) => t.text === ':' && arr[i + 1]?.mark === 'open')) continue;
    let start = tokens[a]!.start;
    let end = tokens[b - 1]!.end;
    while (end > start && /[\s,;:]/.test(body[end - 1]!)) end--;
    if (end - start < 12) continue;
    if (tokens[a]!.mark === 'open' && tokens[b - 1]!.mark === 'close') continue;
    out.push({ start, end, openTok: a, closeTok: b - 1, sent: s.index, para: s.para, cueTok: cue });
    start = end;
  }
  return out;
}
