// Speech cues: verbs of saying ("said", "told", "warned"), "according to", and a colon that
// introduces a quotation.
import type { Token } from './nlp';
import { CUE_FORMS, SAY_LEMMAS } from './lexicon';

// Forms the tagger sometimes labels as nouns or adjectives but that are verbs next to a quotation.
export const ALWAYS_VERB = new Set([
  'said', 'says', 'told', 'tells', 'wrote', 'writes', 'added', 'adds', 'tweeted', 'posted', 'asked', 'warned', 'explained',
  'noted', 'continued', 'replied', 'responded', 'insisted', 'argued', 'declared', 'stated', 'recalled', 'joked', 'quipped',
  'concluded', 'stressed', 'emphasized', 'emphasised', 'acknowledged', 'admitted', 'claimed', 'contended', 'observed',
  'remarked', 'predicted', 'promised', 'vowed', 'urged', 'complained', 'conceded', 'countered', 'confirmed', 'denied',
  'announced', 'reiterated', 'repeated', 'suggested', 'testified', 'cautioned', 'boasted', 'lamented', 'mused', 'wondered',
]);

export type Cue = { tok: number; lemma: string; say: boolean; weak: boolean };

/** Verbs that introduce a quotation only right next to it ("he continued: …"), not across a clause. */
export const WEAK_CUES = new Set([
  'continue', 'begin', 'start', 'finish', 'read', 'put', 'sum', 'agree', 'disagree', 'hope', 'believe', 'think', 'feel', 'worry',
  'fear', 'remember', 'guess', 'suppose', 'figure', 'reckon', 'title', 'headline', 'caption', 'frame', 'phrase', 'word', 'quote',
  'cite', 'paraphrase', 'invite', 'order', 'direct', 'command', 'thank', 'welcome', 'question', 'wonder', 'reason', 'rule',
  'laugh', 'cry', 'sigh', 'sing', 'chant', 'cheer', 'rave', 'gush', 'recommend', 'propose', 'advise', 'instruct', 'encourage',
]);

// Phrasal cues: "went on", "shot back", "pointed out", "chimed in", "fired back".
const PHRASAL = new Map(
  Object.entries({
    went: 'on', goes: 'on', go: 'on', going: 'on', shot: 'back', shoots: 'back', fired: 'back', fires: 'back', hit: 'back',
    pointed: 'out', points: 'out', put: 'it', puts: 'it', chimed: 'in', chimes: 'in', wrote: 'back', piped: 'up', spoke: 'up', summed: 'up',
  }),
);

/** The cue lemma of a token outside quotations, or null. "according" counts when "to" follows. */
export function cueAt(tokens: readonly Token[], k: number): Cue | null {
  const t = tokens[k];
  if (!t) return null;
  // Computed once per token: the attribution asks about the same tokens many times.
  if (t.cue === undefined) t.cue = computeCue(tokens, k);
  return t.cue;
}

function computeCue(tokens: readonly Token[], k: number): Cue | null {
  const t = tokens[k];
  if (!t || t.quote >= 0 || t.mark) return null;
  if (t.lower === 'according') {
    const next = tokens[k + 1];
    return next && next.lower === 'to' ? { tok: k, lemma: 'according', say: true, weak: false } : null;
  }
  const particle = PHRASAL.get(t.lower);
  if (particle && tokens[k + 1]?.lower === particle) return { tok: k, lemma: `${t.lower} ${particle}`, say: true, weak: false };
  const lemma = CUE_FORMS.get(t.lower);
  if (!lemma) return null;
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && !ALWAYS_VERB.has(t.lower)) return null;
  return { tok: k, lemma, say: SAY_LEMMAS.has(lemma), weak: WEAK_CUES.has(lemma) };
}
