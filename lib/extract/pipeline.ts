// The extraction pipeline, parameterised by the ranker's weights so that the training script runs
// exactly what extractQuotes runs.
import type { Article } from './types';
import type { ExtractOptions } from './options';
import type { MarkedSpan } from './marks';
import { analyse, quoteWords, type Doc } from './document';
import { findMentions, type Mention } from './mentions';
import { buildEntities, type Entities } from './entities';
import { findReported } from './reported';
import { candidates, indexMentions, newState, quoteInfo, score, type Candidate, type QuoteInfo, type Weights } from './attribute';

export type Attributed = {
  kind: 'direct' | 'reported';
  q: QuoteInfo;
  text: string;
  candidates: Candidate[];
  scores: number[];
  /** Index of the chosen candidate, or -1 when there is none. */
  best: number;
  /** Token of the speech cue the ranker's pattern found, if any. */
  cueTok: number | null;
};

export type Analysis = { doc: Doc; mentions: Mention[]; entities: Entities; quotes: Attributed[] };

function overlapsJunk(article: Article, start: number, end: number): boolean {
  return article.junk.some((j) => start < j.end && end > j.start);
}

export function runPipeline(article: Article, weights: Weights, _options: ExtractOptions = {}): Analysis {
  const body = article.body;
  const doc = analyse(body, article.junk);
  const mentions = findMentions(doc);
  const entities = buildEntities(doc, mentions);
  const index = indexMentions(doc, mentions);
  const state = newState();

  // Quotations and reported statements, attributed in text order (an earlier speaker is context).
  const items: { kind: 'direct' | 'reported'; q: QuoteInfo; cueTok: number | null }[] = [];
  for (let i = 0; i < doc.marked.length; i++) {
    const span = doc.marked[i]!;
    // Quotations under three words are scare quotes, titles and terms, not statements.
    if (quoteWords(body.slice(span.start, span.end)) < 3) continue;
    items.push({ kind: 'direct', q: quoteInfo(doc, i), cueTok: null });
  }
  findReported(doc).forEach((r, k) => {
    if (overlapsJunk(article, r.start, r.end)) return;
    const span: MarkedSpan = { start: r.start, end: r.end, open: r.start, close: r.end, family: 'double', paragraph: r.para, chain: -1 - k, continued: false };
    const next = doc.tokens[r.closeTok + 1];
    const q: QuoteInfo = { idx: -1 - k, span, openTok: r.openTok, closeTok: r.closeTok, sent: r.sent, para: r.para, standalone: false, trailing: next?.text === ',' };
    items.push({ kind: 'reported', q, cueTok: r.cueTok });
  });
  items.sort((a, b) => a.q.span.start - b.q.span.start || (a.kind === 'direct' ? -1 : 1));

  const quotes: Attributed[] = [];
  for (const item of items) {
    const { q } = item;
    const cands = candidates(doc, mentions, entities, index, q, state);
    const scores = cands.map((c) => score(c.features, weights));
    let best = -1;
    for (let k = 0; k < scores.length; k++) if (best < 0 || scores[k]! > scores[best]!) best = k;
    const entity = best >= 0 ? cands[best]!.entity : null;
    state.speakerOf.set(q.idx, entity);
    if (entity !== null) state.speakers.push({ entity, para: q.para, start: q.span.start });
    if (item.kind === 'direct') state.chainSpeaker.set(q.span.chain, entity);
    if (best >= 0) state.lastMention = cands[best]!.mention;
    const cueTok = item.cueTok ?? (best >= 0 ? cands[best]!.cueTok : null);
    quotes.push({ kind: item.kind, q, text: body.slice(q.span.start, q.span.end), candidates: cands, scores, best, cueTok });
  }
  return { doc, mentions, entities, quotes };
}
