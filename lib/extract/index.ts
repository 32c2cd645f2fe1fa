// Quote extraction and attribution: every quotation in an article, its exact place in the body,
// who said it and whom they speak for. Pure and deterministic; the NLP model and the ranker's
// weights load once per process.
import type { Article, ExtractedQuote } from './types';
import type { ExtractOptions } from './options';
import { analyse, quoteWords } from './document';
import { findMentions } from './mentions';
import { buildEntities } from './entities';
import { candidates, indexMentions, newState, quoteInfo, score, type Weights } from './attribute';
import { indexActors, toSpeaker } from './speaker';
import rankerWeights from './model/ranker.json';

export type { KnownActor, ExtractOptions } from './options';
export type { Article, ExtractedQuote } from './types';

/** Stored with every suggestion; bump when the extractor's output can change. */
export const EXTRACTOR_VERSION = 'extract-0.1.0';

const weights: Weights = { bias: rankerWeights.bias, weights: rankerWeights.weights as Record<string, number> };

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function extractQuotes(article: Article, options: ExtractOptions = {}): ExtractedQuote[] {
  const body = article.body;
  const doc = analyse(body, article.junk);
  const mentions = findMentions(doc);
  const entities = buildEntities(doc, mentions);
  const index = indexMentions(doc, mentions);
  const actors = indexActors(options.knownActors);
  const state = newState();
  const out: ExtractedQuote[] = [];
  for (let i = 0; i < doc.marked.length; i++) {
    const span = doc.marked[i]!;
    const text = body.slice(span.start, span.end);
    if (quoteWords(text) < 3) continue;
    const q = quoteInfo(doc, i);
    const cands = candidates(doc, mentions, entities, index, q, state);
    let best: { c: (typeof cands)[number]; s: number } | null = null;
    for (const c of cands) {
      const s = score(c.features, weights);
      if (!best || s > best.s) best = { c, s };
    }
    const entity = best?.c.entity ?? null;
    state.speakerOf.set(i, entity);
    if (entity !== null) state.speakers.push({ entity, para: q.para, start: span.start });
    state.chainSpeaker.set(span.chain, entity);
    const speaker = best ? toSpeaker(best.c.mention, entity === null ? null : entities.list[entity]!, mentions, actors) : null;
    out.push({
      start: span.start,
      end: span.end,
      text,
      kind: 'direct',
      speaker,
      confidence: best ? sigmoid(best.s) : 0,
      cue: null,
      speakerMention: best ? { start: best.c.mention.start, end: best.c.mention.end } : null,
      saidAt: null,
    });
  }
  return out;
}
