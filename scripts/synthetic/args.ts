// Parses counts as people type them: 100000, 100_000, 100k, 1m, 1e6.
export function parseCount(text: string, name: string): number {
  const m = /^\s*(\d[\d_]*(?:\.\d+)?(?:e\d+)?)\s*([km])?\s*$/i.exec(text);
  const n = m ? Number(m[1]!.replaceAll('_', '')) * (m[2]?.toLowerCase() === 'k' ? 1e3 : m[2]?.toLowerCase() === 'm' ? 1e6 : 1) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number such as 100000 or 1m, got "${text}"`);
  return n;
}
