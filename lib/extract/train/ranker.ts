// A conditional logit ranker (softmax over each quotation's candidates) with L2, fitted by Adam.
import type { Weights } from '../attribute';

export type Example = { candidates: string[][]; label: number };

export function fitRanker(examples: readonly Example[], options: { l2?: number; epochs?: number; rate?: number } = {}): Weights {
  const l2 = options.l2 ?? 0.01;
  const epochs = options.epochs ?? 300;
  const rate = options.rate ?? 0.05;
  const index = new Map<string, number>();
  const encoded = examples.map((ex) => ({
    label: ex.label,
    candidates: ex.candidates.map((fs) =>
      fs.map((f) => {
        let i = index.get(f);
        if (i === undefined) {
          i = index.size;
          index.set(f, i);
        }
        return i;
      }),
    ),
  }));
  const n = index.size;
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const grad = new Float64Array(n);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    let loss = 0;
    for (const ex of encoded) {
      const scores = ex.candidates.map((fs) => fs.reduce((s, i) => s + w[i]!, 0));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const z = exps.reduce((a, b) => a + b, 0);
      loss -= Math.log(exps[ex.label]! / z);
      ex.candidates.forEach((fs, k) => {
        const p = exps[k]! / z - (k === ex.label ? 1 : 0);
        for (const i of fs) grad[i] = grad[i]! + p;
      });
    }
    const count = encoded.length || 1;
    for (let i = 0; i < n; i++) {
      const g = grad[i]! / count + l2 * w[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * g;
      v[i] = b2 * v[i]! + (1 - b2) * g * g;
      const mh = m[i]! / (1 - b1 ** epoch);
      const vh = v[i]! / (1 - b2 ** epoch);
      w[i] = w[i]! - (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
    if (epoch === epochs && process.env.VERBOSE) console.error(`epoch ${epoch} loss ${(loss / count).toFixed(4)}`);
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of [...index].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (Math.abs(w[i]!) > 1e-4) weights[f] = Math.round(w[i]! * 10000) / 10000;
  }
  return { bias: 0, weights };
}
