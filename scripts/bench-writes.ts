// The write path's latency while the app serves reads: autocannon keeps `--connections` readers
// busy on the public pages and API (anonymous, so the response cache serves them until a write
// empties it), while one client makes writes one after another through the JSON API with a
// token, and the time of each is recorded.
//
//   npx tsx scripts/bench-writes.ts --url http://localhost:3000 --token sp_… [--seconds 20] [--connections 16]
//
// Writes: PATCH /api/stances/{id} (a pure database write) and POST /api/sources (an article
// through the extractor), alternating. Prints one JSON object with percentiles.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    token: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    stance: { type: 'string', default: '1' },
  },
});
if (!values.token) throw new Error('--token is required (npm run --silent token:add -- --email E)');
const base = values.url!;
const seconds = Number(values.seconds);
const headers = { Authorization: `Bearer ${values.token}`, 'Content-Type': 'application/json' };

const READS = ['/', '/stances', '/quotes', '/api/stances?limit=100', '/api/quotes?limit=50', '/api/sources', '/actors/hungary', '/topics/new-russia-strategy'];

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}

async function timed(run: () => Promise<Response>): Promise<{ ms: number; status: number; body: unknown }> {
  const start = performance.now();
  const response = await run();
  const body = await response.json();
  return { ms: performance.now() - start, status: response.status, body };
}

async function main() {
  // The stance's current version: a PATCH naming version 0 is refused with the current record.
  const probe = await timed(() => fetch(`${base}/api/stances/${values.stance}`, { method: 'PATCH', headers, body: JSON.stringify({ version: 1e9 }) }));
  let version = (probe.body as { error?: { current?: { version: number } } }).error?.current?.version;
  if (!version) throw new Error(`cannot read stance ${values.stance}: ${JSON.stringify(probe.body)}`);

  const readers = autocannon({ url: base, connections: Number(values.connections), duration: seconds, requests: READS.map((path) => ({ method: 'GET', path })) });
  const patchTimes: number[] = [];
  const ingestTimes: number[] = [];
  const failures: unknown[] = [];
  const until = Date.now() + (seconds - 1) * 1000;
  for (let i = 0; Date.now() < until; i++) {
    if (i % 2 === 0) {
      const r = await timed(() => fetch(`${base}/api/stances/${values.stance}`, { method: 'PATCH', headers, body: JSON.stringify({ version, summary: `Benchmark edit ${i} at ${new Date().toISOString()}` }) }));
      if (r.status === 200) {
        version = (r.body as { version: number }).version;
        patchTimes.push(r.ms);
      } else failures.push(r.body);
    } else {
      const body = `Benchmark article ${i} ${Date.now()}.\n"We will hold the line on sanctions," the minister said on Monday. "Nothing is agreed until everything is agreed," a NATO diplomat told reporters.`;
      const r = await timed(() => fetch(`${base}/api/sources`, { method: 'POST', headers, body: JSON.stringify({ title: `Benchmark ${i}`, publisher: 'Bench', body }) }));
      if (r.status === 201) ingestTimes.push(r.ms);
      else failures.push(r.body);
    }
  }
  const reads = await readers;
  console.log(
    JSON.stringify(
      {
        seconds,
        readers: Number(values.connections),
        reads: { requests: reads.requests.total, perSecond: Math.round(reads.requests.average), latencyMs: { p50: reads.latency.p50, p97_5: reads.latency.p97_5, p99: reads.latency.p99, max: reads.latency.max }, errors: reads.errors, non2xx: reads.non2xx },
        writes: { patchStanceMs: summary(patchTimes), postSourceMs: summary(ingestTimes), failures: failures.slice(0, 3), failureCount: failures.length },
      },
      null,
      2,
    ),
  );
}

void main();
