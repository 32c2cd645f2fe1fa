// Speech cues: verbs of saying ("said", "told", "warned"), "according to", and a colon that
// introduces a quotation.
import type { Token } from './nlp';
import { CUE_FORMS, SAY_LEMMAS } from './lexicon';

// Forms the tagger sometimes labels as nouns or adjectives but that are verbs next to a quotation.
const ALWAYS_VERB = new Set([
  'said', 'says', 'told', 'tells', 'wrote', 'writes', 'added', 'adds', 'tweeted', 'posted', 'asked', 'warned', 'explained',
  'noted', 'continued', 'replied', 'responded', 'insisted', 'argued', 'declared', 'stated', 'recalled', 'joked', 'quipped',
  'concluded', 'stressed', 'emphasized', 'emphasised', 'acknowledged', 'admitted', 'claimed', 'contended', 'observed',
  'remarked', 'predicted', 'promised', 'vowed', 'urged', 'complained', 'conceded', 'countered', 'confirmed', 'denied',
  'announced', 'reiterated', 'repeated', 'suggested', 'testified', 'cautioned', 'boasted', 'lamented', 'mused', 'wondered',
]);

export type Cue = { tok: number; lemma: string; say: boolean };

/** The cue lemma of a token outside quotations, or null. "according" counts when "to" follows. */
export function cueAt(tokens: readonly Token[], k: number): Cue | null {
  const t = tokens[k];
  if (!t || t.quote >= 0 || t.mark) return null;
  if (t.lower === 'according') {
    const next = tokens[k + 1];
    return next && next.lower === 'to' ? { tok: k, lemma: 'according', say: true } : null;
  }
  const lemma = CUE_FORMS.get(t.lower);
  if (!lemma) return null;
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && !ALWAYS_VERB.has(t.lower)) return null;
  return { tok: k, lemma, say: SAY_LEMMAS.has(lemma) };
}
