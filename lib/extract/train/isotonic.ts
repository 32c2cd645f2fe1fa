// Isotonic regression (pool adjacent violators): a monotone map from the ranker's probability to
// the observed rate of right speakers, stored as a small interpolation table.
export function fitIsotonic(points: readonly { p: number; ok: boolean }[], minBlock = 20): { x: number[]; y: number[] } {
  const sorted = [...points].sort((a, b) => a.p - b.p);
  type Block = { sumP: number; sumY: number; n: number };
  const blocks: Block[] = [];
  for (const pt of sorted) {
    blocks.push({ sumP: pt.p, sumY: pt.ok ? 1 : 0, n: 1 });
    // Merge while the order is violated or the last block is too small to trust.
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sumY / a.n >= b.sumY / b.n || a.n < minBlock) {
        blocks.splice(blocks.length - 2, 2, { sumP: a.sumP + b.sumP, sumY: a.sumY + b.sumY, n: a.n + b.n });
      } else break;
    }
  }
  // A last block smaller than the minimum joins the one before it.
  while (blocks.length > 1 && blocks[blocks.length - 1]!.n < minBlock) {
    const b = blocks.pop()!;
    const a = blocks.pop()!;
    blocks.push({ sumP: a.sumP + b.sumP, sumY: a.sumY + b.sumY, n: a.n + b.n });
  }
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return { x: blocks.map((b) => round(b.sumP / b.n)), y: blocks.map((b) => round(b.sumY / b.n)) };
}
