// Quote extraction and attribution: every quotation in an article, its exact place in the body,
// who said it and whom they speak for. Pure and deterministic; the NLP model and the ranker's
// weights load once per process.
import type { Article, ExtractedQuote } from './types';
import type { ExtractOptions } from './options';
import type { Weights } from './attribute';
import { runPipeline } from './pipeline';
import { articleContext, indexActors, toSpeaker } from './speaker';
import rankerWeights from './model/ranker.json';

export type { KnownActor, ExtractOptions } from './options';
export type { Article, ExtractedQuote } from './types';

/** Stored with every suggestion; bump when the extractor's output can change. */
export const EXTRACTOR_VERSION = 'extract-0.1.0';

const weights: Weights = { bias: rankerWeights.bias, weights: rankerWeights.weights as Record<string, number> };

export function extractQuotes(article: Article, options: ExtractOptions = {}): ExtractedQuote[] {
  const { mentions, entities, quotes } = runPipeline(article, weights, options);
  const actors = indexActors(options.knownActors);
  const context = articleContext(mentions);
  const out: ExtractedQuote[] = [];
  for (const a of quotes) {
    const chosen = a.best >= 0 ? a.candidates[a.best]! : null;
    const entity = chosen && chosen.entity !== null ? entities.list[chosen.entity]! : null;
    const speaker = chosen ? toSpeaker(chosen.mention, entity, mentions, actors, context) : null;
    out.push({
      start: a.q.span.start,
      end: a.q.span.end,
      text: a.text,
      kind: 'direct',
      speaker,
      confidence: chosen ? softmaxTop(a.scores, a.best) : 0,
      cue: null,
      speakerMention: chosen ? { start: chosen.mention.start, end: chosen.mention.end } : null,
      saidAt: null,
    });
  }
  return out;
}

function softmaxTop(scores: readonly number[], best: number): number {
  const max = scores[best]!;
  let sum = 0;
  for (const s of scores) sum += Math.exp(s - max);
  return 1 / sum;
}
