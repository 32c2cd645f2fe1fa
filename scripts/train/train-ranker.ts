// Trains the speaker ranker (lib/extract/model/ranker.json).
//   npx tsx scripts/train/train-ranker.ts
// Data: PolNeAR train (read from ../shared/polnear at training time; research use, not copied
// into the repository) and the train split of our own gold set (tests/fixtures/extract/train).
// Every gold quotation found by the extractor gives one example: its candidates' features and the
// candidate that is the annotated speaker (quotations whose speaker is no candidate are skipped).
import fs from 'node:fs';
import path from 'node:path';
import { runPipeline } from '../../lib/extract/pipeline';
import type { Weights } from '../../lib/extract/attribute';
import { loadPolnear, normQuote, type GoldArticle } from '../../lib/extract/train/corpus';
import { loadFixtures } from '../../lib/extract/train/fixtures';
import { mentionMatchesGold } from '../../lib/extract/train/labels';
import { fitRanker, type Example } from '../../lib/extract/train/ranker';
import { fitIsotonic } from '../../lib/extract/train/isotonic';
import { speakerOk } from '../../lib/extract/train/score';
import { extractWith } from '../../lib/extract';

const MODEL = path.resolve('lib/extract/model/ranker.json');
const CALIBRATION = path.resolve('lib/extract/model/calibration.json');

export function examplesFor(articles: readonly GoldArticle[], weights: Weights): { examples: Example[]; found: number; labelled: number } {
  const examples: Example[] = [];
  let found = 0;
  for (const g of articles) {
    const { quotes } = runPipeline(g.article, weights);
    const used = new Set<number>();
    for (const gq of g.quotes) {
      if (gq.kind === 'reported' || !gq.speaker) continue;
      const n = normQuote(gq.text);
      const k = quotes.findIndex((a, i) => !used.has(i) && normQuote(a.text) === n);
      if (k < 0) continue;
      used.add(k);
      found++;
      const a = quotes[k]!;
      // The nearest matching candidate is the annotated mention.
      let label = -1;
      let bestDist = Infinity;
      a.candidates.forEach((c, i) => {
        if (!mentionMatchesGold(c, gq.speaker!)) return;
        const d = c.mention.start > a.q.span.start ? (c.mention.start - a.q.span.end) * 0.5 : a.q.span.start - c.mention.end;
        if (d < bestDist) {
          bestDist = d;
          label = i;
        }
      });
      if (label < 0 || a.candidates.length < 2) continue;
      examples.push({ candidates: a.candidates.map((c) => c.features), label });
    }
  }
  return { examples, found, labelled: examples.length };
}

function trainRanker(articles: readonly GoldArticle[], start: Weights, log: boolean): Weights {
  let weights = start;
  // Features that depend on earlier decisions (who spoke the previous quotation) are recomputed
  // with each round's weights.
  for (let round = 1; round <= 3; round++) {
    const { examples, found, labelled } = examplesFor(articles, weights);
    weights = fitRanker(examples, { l2: 0.002, epochs: 400, rate: 0.05 });
    if (log) console.log(`round ${round}: ${found} gold quotations found, ${labelled} with a labelled candidate, ${Object.keys(weights.weights).length} features`);
  }
  return weights;
}

/** Out-of-fold (ranker probability, speaker right?) pairs: each fold is predicted by a ranker that never saw it. */
function outOfFold(articles: readonly GoldArticle[], start: Weights, folds: number): { direct: { p: number; ok: boolean }[]; reported: { p: number; ok: boolean }[] } {
  const direct: { p: number; ok: boolean }[] = [];
  const reported: { p: number; ok: boolean }[] = [];
  for (let f = 0; f < folds; f++) {
    const train = articles.filter((_, i) => i % folds !== f);
    const test = articles.filter((_, i) => i % folds === f);
    const w = trainRanker(train, start, false);
    for (const g of test) {
      const quotes = extractWith(g.article, {}, w, false);
      for (const kind of ['direct', 'reported'] as const) {
        const used = new Set<number>();
        for (const gq of g.quotes) {
          if ((gq.kind ?? 'direct') !== kind || gq.speaker_kind === 'unscored') continue;
          const n = normQuote(gq.text);
          const i = quotes.findIndex((q, k) => !used.has(k) && q.kind === kind && normQuote(q.text) === n);
          if (i < 0 || !quotes[i]!.speaker) continue;
          used.add(i);
          (kind === 'direct' ? direct : reported).push({ p: quotes[i]!.confidence, ok: speakerOk(gq, quotes[i]!.speaker) });
        }
      }
    }
    console.log(`calibration fold ${f + 1}/${folds}: ${direct.length} direct, ${reported.length} reported points so far`);
  }
  return { direct, reported };
}

function main(): void {
  const articles = [...loadPolnear('train'), ...loadFixtures('train')];
  const start: Weights = JSON.parse(fs.readFileSync(MODEL, 'utf8'));
  const weights = trainRanker(articles, start, true);
  const out = {
    _about:
      'Speaker ranker weights (conditional logit over candidate mentions). Trained by scripts/train/train-ranker.ts on PolNeAR v1.0.0 train (Newell, Margolin & Ruths 2018; research use, articles not in this repository) and the train split of tests/fixtures/extract.',
    bias: weights.bias,
    weights: weights.weights,
  };
  fs.writeFileSync(MODEL, JSON.stringify(out, null, 1) + '\n');
  console.log(`wrote ${MODEL}`);
  if (process.argv.includes('--no-calibration')) return;
  const points = outOfFold(articles, start, 5);
  const direct = fitIsotonic(points.direct);
  // Too few reported statements with gold speakers to fit apart: they share the direct table
  // unless there are enough of them.
  const reported = points.reported.length >= 200 ? fitIsotonic(points.reported) : direct;
  fs.writeFileSync(
    CALIBRATION,
    JSON.stringify(
      {
        _about: `Isotonic calibration of the ranker's probability to the rate of right speakers, fitted on 5-fold out-of-fold predictions over the training data (${points.direct.length} direct quotations, ${points.reported.length} reported statements). Written by scripts/train/train-ranker.ts.`,
        direct,
        reported,
      },
      null,
      1,
    ) + '\n',
  );
  console.log(`wrote ${CALIBRATION}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
