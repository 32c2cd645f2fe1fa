// Tokens with exact character offsets and parts of speech, from wink-nlp's English lite model.
// The model is loaded once per process (about 80 ms); only sentence boundaries and POS are run.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Token = {
  /** Index in the token array. */
  i: number;
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Preceded by whitespace (or starts the text). */
  spaceBefore: boolean;
  para: number;
  /** Index of the top-level quotation this token is inside (marks excluded), or -1. */
  quote: number;
  /** 'open' / 'close' when the token is the opening or closing mark of a quotation. */
  mark: 'open' | 'close' | null;
  sent: number;
  /** The speech cue this token is, memoised by cues.ts (undefined until asked). */
  cue?: import('./cues').Cue | null;
};

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

const UPPER = /^\p{Lu}/u;
const LETTERS = /^[\p{L}\p{M}]+$/u;

/**
 * Tokenises the body. Token offsets are found in the body itself, so a token whose text the model
 * changed (it never should: the tokeniser is lossless) is dropped rather than misplaced.
 */
export function tokenize(body: string): Token[] {
  const n = getNlp();
  const doc = n.readDoc(body);
  const its = n.its;
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    let at = offset + (spaces[k]?.length ?? 0);
    if (!body.startsWith(value, at)) {
      const found = body.indexOf(value, offset);
      if (found < 0 || found > offset + 64) continue;
      at = found;
    }
    offset = at + value.length;
    if (pos[k] === 'SPACE' || value.trim() === '') continue;
    // The model splits words at letters it does not know (Władysław -> W ł adys ł aw): glue them back.
    const last = tokens[tokens.length - 1];
    if (last && last.end === at && LETTERS.test(value) && LETTERS.test(last.text)) {
      last.text += value;
      last.lower = last.text.toLowerCase();
      last.end = at + value.length;
      if (pos[k] === 'PROPN' || last.pos === 'X') last.pos = pos[k] === 'X' ? last.pos : pos[k]!;
      continue;
    }
    const prevChar = at > 0 ? body.charCodeAt(at - 1) : 32;
    tokens.push({
      i: tokens.length,
      start: at,
      end: at + value.length,
      text: value,
      lower: value.toLowerCase(),
      pos: pos[k] ?? 'X',
      cap: UPPER.test(value),
      spaceBefore: at === 0 || prevChar === 32 || prevChar === 10 || prevChar === 9 || prevChar === 13 || prevChar === 0xa0,
      para: -1,
      quote: -1,
      mark: null,
      sent: -1,
      cue: undefined,
    });
  }
  return tokens;
}
