// The team's scorer (../shared/polnear/score.mjs) as a library, with the breakdowns the issue asks
// for: speaker accuracy by kind of speaker, scare quotes kept, reported statements, and the
// calibration of the confidence. Matching rules are score.mjs's, unchanged.
import type { ExtractedQuote } from '../types';
import { fold, normQuote, type GoldArticle, type GoldQuote } from './corpus';

export type Prediction = { file: string; body: string; quotes: ExtractedQuote[] };

/** score.mjs's speakerOk. */
export function speakerOk(g: GoldQuote, s: ExtractedQuote['speaker']): boolean {
  if (!s) return false;
  const name = fold(s.name);
  const gname = fold(g.speaker);
  if (g.speaker_kind === 'person') {
    const last = gname.split(/\s+/).pop()!;
    return name.includes(last) || (name.length > 3 && gname.includes(name));
  }
  if (g.speaker_kind === 'anonymous') return s.kind === 'anonymous';
  if (g.speaker_kind === 'organisation') {
    return (!!g.organisation && (fold(s.organisation) === fold(g.organisation) || name.includes(fold(g.organisation)))) || name.includes(gname);
  }
  return (s.countryCode ?? null) === g.country;
}

export type Bin = { from: number; to: number; n: number; meanConfidence: number; accuracy: number };

export type Scores = {
  articles: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  exactCharF1: number;
  speaker: { correct: number; total: number };
  speakerByKind: Record<string, { correct: number; total: number }>;
  country: { correct: number; total: number };
  scareKept: number;
  offsetErrors: number;
  reported: { tp: number; fp: number; fn: number; overlapTp: number };
  calibration: Bin[];
  misses: string[];
};

const BINS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];

/** Word overlap of two texts (Jaccard on lower-cased words). */
function overlap(a: string, b: string): number {
  const wa = new Set(fold(a).match(/[\p{L}\p{N}]+/gu) ?? []);
  const wb = new Set(fold(b).match(/[\p{L}\p{N}]+/gu) ?? []);
  let inter = 0;
  for (const w of wa) if (wb.has(w)) inter++;
  return inter / (wa.size + wb.size - inter || 1);
}

export function scoreSet(gold: readonly GoldArticle[], predictions: readonly Prediction[]): Scores {
  const byFile = new Map(predictions.map((p) => [p.file, p]));
  let tp = 0, strictTp = 0, fp = 0, fn = 0, spk = 0, spkN = 0, ctry = 0, ctryN = 0, scareKept = 0, offsetErrors = 0;
  const byKind: Record<string, { correct: number; total: number }> = {};
  const reported = { tp: 0, fp: 0, fn: 0, overlapTp: 0 };
  const calibrationPoints: { c: number; ok: boolean }[] = [];
  const misses: string[] = [];
  for (const g of gold) {
    const p = byFile.get(g.file);
    const body = p?.body;
    for (const q of p?.quotes ?? []) if (typeof body !== 'string' || body.slice(q.start, q.end) !== q.text) offsetErrors++;
    const predicted = (p?.quotes ?? []).filter((q) => q.kind !== 'reported').map((q) => ({ q, n: normQuote(q.text) }));
    const used = new Set<number>();
    for (const gq of g.quotes) {
      if (gq.kind === 'reported') continue;
      const i = predicted.findIndex((x, k) => !used.has(k) && x.n === normQuote(gq.text));
      if (i < 0) {
        fn++;
        misses.push(`${g.file}: missed "${gq.text.slice(0, 60)}"`);
        continue;
      }
      used.add(i);
      tp++;
      const pq = predicted[i]!.q;
      if (pq.text === gq.text) strictTp++;
      if (gq.speaker_kind !== 'unscored') {
        spkN++;
        const kind = (byKind[gq.speaker_kind] ??= { correct: 0, total: 0 });
        kind.total++;
        const ok = speakerOk(gq, pq.speaker);
        calibrationPoints.push({ c: pq.confidence, ok });
        if (ok) {
          spk++;
          kind.correct++;
        } else {
          misses.push(`${g.file}: speaker of "${gq.text.slice(0, 40)}" = ${pq.speaker ? `${pq.speaker.name} (${pq.speaker.kind}, ${pq.speaker.countryCode ?? '-'}, ${pq.speaker.organisation ?? '-'})` : 'none'}, gold ${gq.speaker} (${gq.speaker_kind}, ${gq.country ?? '-'})`);
        }
      }
      if (gq.country !== undefined) {
        ctryN++;
        if ((pq.speaker?.countryCode ?? null) === gq.country) ctry++;
        else misses.push(`${g.file}: country of "${gq.text.slice(0, 40)}" = ${pq.speaker?.countryCode ?? 'none'} (${pq.speaker?.name ?? '-'}), gold ${gq.country}`);
      }
    }
    const scares = new Set(g.non_quotes.map(normQuote));
    const ignored = new Set(g.ignore.map(normQuote));
    predicted.forEach((x, k) => {
      if (used.has(k) || ignored.has(x.n)) return;
      fp++;
      if (scares.has(x.n)) scareKept++;
      misses.push(`${g.file}: extra "${x.n.slice(0, 60)}"${scares.has(x.n) ? ' (scare quote)' : ''}`);
    });
    // Reported statements: scored apart, by normalised text and by word overlap (≥ 0.5).
    const goldReported = g.quotes.filter((q) => q.kind === 'reported');
    const predReported = (p?.quotes ?? []).filter((q) => q.kind === 'reported');
    const usedR = new Set<number>();
    const usedO = new Set<number>();
    for (const gq of goldReported) {
      const i = predReported.findIndex((q, k) => !usedR.has(k) && normQuote(q.text) === normQuote(gq.text));
      if (i >= 0) {
        usedR.add(i);
        reported.tp++;
      } else reported.fn++;
      const j = predReported.findIndex((q, k) => !usedO.has(k) && overlap(q.text, gq.text) >= 0.5);
      if (j >= 0) {
        usedO.add(j);
        reported.overlapTp++;
      }
    }
    reported.fp += predReported.length - usedR.size;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  const sP = strictTp / (tp + fp || 1);
  const sR = strictTp / (tp + fn || 1);
  const calibration: Bin[] = [];
  for (let b = 0; b + 1 < BINS.length; b++) {
    const pts = calibrationPoints.filter((x) => x.c >= BINS[b]! && x.c < BINS[b + 1]!);
    calibration.push({
      from: BINS[b]!,
      to: Math.min(1, BINS[b + 1]!),
      n: pts.length,
      meanConfidence: pts.reduce((s, x) => s + x.c, 0) / (pts.length || 1),
      accuracy: pts.filter((x) => x.ok).length / (pts.length || 1),
    });
  }
  return {
    articles: gold.length,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    exactCharF1: (2 * sP * sR) / (sP + sR || 1),
    speaker: { correct: spk, total: spkN },
    speakerByKind: byKind,
    country: { correct: ctry, total: ctryN },
    scareKept,
    offsetErrors,
    reported,
    calibration,
    misses,
  };
}
