// Confidence that the speaker is right: the ranker's probability for its choice, mapped through a
// calibration fitted on held-out data (lib/extract/model/calibration.json, see scripts/train/).
import calibration from './model/calibration.json';

type Table = { x: number[]; y: number[] };
const tables = calibration as unknown as Record<'direct' | 'reported', Table>;

/** The ranker's softmax probability for candidate `best`. */
export function topProbability(scores: readonly number[], best: number): number {
  const max = scores[best]!;
  let sum = 0;
  for (const s of scores) sum += Math.exp(s - max);
  return 1 / sum;
}

/** Piecewise-linear interpolation of an isotonic calibration table. */
function interpolate(t: Table, p: number): number {
  const { x, y } = t;
  if (x.length === 0) return p;
  if (p <= x[0]!) return y[0]!;
  for (let i = 1; i < x.length; i++) {
    if (p <= x[i]!) {
      const f = (p - x[i - 1]!) / (x[i]! - x[i - 1]! || 1);
      return y[i - 1]! + f * (y[i]! - y[i - 1]!);
    }
  }
  return y[y.length - 1]!;
}

export function calibrate(scores: readonly number[], best: number, kind: 'direct' | 'reported'): number {
  const p = topProbability(scores, best);
  const table = tables[kind] ?? tables.direct;
  const c = interpolate(table, p);
  return Math.round(Math.min(1, Math.max(0, c)) * 1000) / 1000;
}
