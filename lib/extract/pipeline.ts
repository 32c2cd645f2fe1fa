// The extraction pipeline, parameterised by the ranker's weights so that the training script runs
// exactly what extractQuotes runs.
import type { Article } from './types';
import type { ExtractOptions } from './options';
import { analyse, quoteWords, type Doc } from './document';
import { findMentions, type Mention } from './mentions';
import { buildEntities, type Entities } from './entities';
import { candidates, indexMentions, newState, quoteInfo, score, type Candidate, type QuoteInfo, type Weights } from './attribute';

export type Attributed = {
  q: QuoteInfo;
  text: string;
  candidates: Candidate[];
  scores: number[];
  /** Index of the chosen candidate, or -1 when there is none. */
  best: number;
};

export type Analysis = { doc: Doc; mentions: Mention[]; entities: Entities; quotes: Attributed[] };

export function runPipeline(article: Article, weights: Weights, _options: ExtractOptions = {}): Analysis {
  const body = article.body;
  const doc = analyse(body, article.junk);
  const mentions = findMentions(doc);
  const entities = buildEntities(doc, mentions);
  const index = indexMentions(doc, mentions);
  const state = newState();
  const quotes: Attributed[] = [];
  for (let i = 0; i < doc.marked.length; i++) {
    const span = doc.marked[i]!;
    const text = body.slice(span.start, span.end);
    // Quotations under three words are scare quotes, titles and terms, not statements.
    if (quoteWords(text) < 3) continue;
    const q = quoteInfo(doc, i);
    const cands = candidates(doc, mentions, entities, index, q, state);
    const scores = cands.map((c) => score(c.features, weights));
    let best = -1;
    for (let k = 0; k < scores.length; k++) if (best < 0 || scores[k]! > scores[best]!) best = k;
    const entity = best >= 0 ? cands[best]!.entity : null;
    state.speakerOf.set(i, entity);
    if (entity !== null) state.speakers.push({ entity, para: q.para, start: span.start });
    state.chainSpeaker.set(span.chain, entity);
    quotes.push({ q, text, candidates: cands, scores, best });
  }
  return { doc, mentions, entities, quotes };
}
