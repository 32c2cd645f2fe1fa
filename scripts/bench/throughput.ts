// Load at a fixed offered rate with autocannon, against 127.0.0.1 only and bounded in time.
import autocannon from 'autocannon';

export type Throughput = {
  paths: string[];
  offeredPerSecond: number;
  connections: number;
  durationSeconds: number;
  achievedPerSecond: number;
  /** Requests sent, and completed within the run (the rest were still in flight when it ended). */
  sent: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

export const WARM_UP_SECONDS = 3;

export async function throughput(base: string, paths: string[], options: { rate: number; connections: number; durationSeconds: number; timeoutSeconds: number }): Promise<Throughput> {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1') throw new Error(`throughput runs against 127.0.0.1 only, not ${url.hostname}`);
  const run = (durationSeconds: number) =>
    autocannon({
      url: base,
      connections: options.connections,
      duration: durationSeconds,
      overallRate: options.rate,
      timeout: options.timeoutSeconds,
      requests: paths.map((path) => ({ method: 'GET' as const, path })),
    });
  // A warm-up at the same load, not recorded: every worker renders and caches the mix's pages
  // once, as a server that has been up a while has.
  await run(WARM_UP_SECONDS);
  const result = await run(options.durationSeconds);
  return {
    paths,
    offeredPerSecond: options.rate,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    achievedPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    sent: result.requests.sent,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
