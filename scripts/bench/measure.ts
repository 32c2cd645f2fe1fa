// Sequential requests to one URL after a warm-up: p50/p95 of the time to the last byte. A page
// that fails or times out is recorded as such, never allowed to stop the benchmark.
import { timedGet } from './http';
import { residentBytes, type Live } from './server';
import { percentile } from './stats';
import type { Target } from './targets';

export type Settings = { warmup: number; samples: number; exportSamples: number; timeoutMs: number; budgetMs: number };

export type Memory = { beforeBytes: number | null; peakBytes: number | null; afterBytes: number | null; growthBytes: number | null; byProgress: Array<{ bytes: number; rssBytes: number }> };

export type Measurement = {
  name: string;
  path: string;
  p50Ms: number | null;
  p95Ms: number | null;
  samples: number;
  failures: number;
  error: string | null;
  status: number | null;
  bytes: number | null;
  lines: number | null;
  memory?: Memory;
};

/** After a timeout the server is restarted: it may still be busy with the request given up on. */
export async function measure(live: Live, target: Target, settings: Settings): Promise<Measurement> {
  const ok = (r: Awaited<ReturnType<typeof timedGet>>) => r.ok || (target.expectStatus !== undefined && r.status === target.expectStatus);
  const result: Measurement = { name: target.name, path: target.path, p50Ms: null, p95Ms: null, samples: 0, failures: 0, error: null, status: null, bytes: null, lines: null };
  for (let i = 0; i < settings.warmup; i++) {
    const r = await timedGet(live.server.base, target.path, { timeoutMs: settings.timeoutMs });
    if (!ok(r)) {
      result.error = `warm-up: ${r.ok ? '' : r.error}`;
      result.status = r.status ?? null;
      result.failures++;
      if (!r.ok && r.error.startsWith('timeout')) await live.restart();
      return result;
    }
  }
  const times: number[] = [];
  const wanted = target.export ? settings.exportSamples : settings.samples;
  const deadline = performance.now() + settings.budgetMs;
  let peak: Memory | undefined;
  while (times.length + result.failures < wanted && (times.length < 3 || performance.now() < deadline)) {
    let memory: Memory | undefined;
    let onChunk: ((bytes: number) => void) | undefined;
    let sampler: NodeJS.Timeout | undefined;
    if (target.export) {
      const before = residentBytes(live.server.pid);
      memory = { beforeBytes: before, peakBytes: before, afterBytes: null, growthBytes: null, byProgress: [] };
      let received = 0;
      onChunk = (bytes) => (received = bytes);
      sampler = setInterval(() => {
        const rss = residentBytes(live.server.pid);
        if (rss === null) return;
        memory!.peakBytes = Math.max(memory!.peakBytes ?? 0, rss);
        memory!.byProgress.push({ bytes: received, rssBytes: rss });
      }, 25);
    }
    const r = await timedGet(live.server.base, target.path, { timeoutMs: settings.timeoutMs, onChunk });
    if (sampler) clearInterval(sampler);
    if (memory) {
      memory.afterBytes = residentBytes(live.server.pid);
      memory.growthBytes = memory.peakBytes !== null && memory.beforeBytes !== null ? memory.peakBytes - memory.beforeBytes : null;
      if (!peak || (memory.growthBytes ?? 0) > (peak.growthBytes ?? 0)) peak = memory;
    }
    if (!ok(r)) {
      result.failures++;
      result.error = r.ok ? null : r.error;
      if (!r.ok && r.error.startsWith('timeout')) {
        await live.restart();
        break;
      }
      continue;
    }
    times.push(r.ms);
    result.status = r.status ?? null;
    result.bytes = r.ok ? r.bytes : (r.bytes ?? null);
    result.lines = r.ok ? r.lines : null;
  }
  result.samples = times.length;
  result.p50Ms = percentile(times, 50);
  result.p95Ms = percentile(times, 95);
  if (peak) result.memory = { ...peak, byProgress: quartiles(peak.byProgress) };
  return result;
}

/** RSS at about a quarter, half, three quarters and all of the bytes received. */
function quartiles(points: Array<{ bytes: number; rssBytes: number }>): Array<{ bytes: number; rssBytes: number }> {
  if (points.length === 0) return [];
  const total = points[points.length - 1]!.bytes;
  return [0.25, 0.5, 0.75, 1].map((q) => points.find((p) => p.bytes >= q * total) ?? points[points.length - 1]!);
}
