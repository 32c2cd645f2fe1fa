// The benchmark's output: a readable table on stdout, or with --json only the JSON report.
import type { Floor } from './floor';
import type { Measurement, Settings } from './measure';
import { round } from './stats';
import type { Targets } from './targets';
import { WARM_UP_SECONDS, type Throughput } from './throughput';

export type CacheRun = { mode: 'off' | 'on'; baselines: Measurement[]; pages: Measurement[]; throughput: Throughput | null };

export type Report = {
  quotes: number;
  database: { path: string; bytes: number; generated: { seconds: number; quotesPerSecond: number } | null };
  machine: { cores: number; node: string };
  settings: Settings;
  targets: Targets;
  floors: Map<string, Floor | { error: string }>;
  runs: CacheRun[];
};

export type Result = { name: string; p50Ms: number | null; p95Ms: number | null; floorP50Ms: number | null; floorP95Ms: number | null; ratio: number | null };

const CACHE_LABEL = {
  off: 'caches off (STANDPOINT_READ_CACHE=off, STANDPOINT_RESPONSE_CACHE=off): every request does its own work',
  on: 'caches on (as npm start runs: the read cache and the response cache, emptied by every write)',
};

/** Targets at 1,000,000 quotes (issue 9): page p95 ≤ 150 ms and ≤ 3× floor, search p95 ≤ 100 ms, export ≤ 3 s. */
function verdict(name: string, m: Measurement, ratio: number | null): string {
  if (m.p95Ms === null) return 'FAIL';
  if (name === 'csv-export') return m.p50Ms! <= 3000 ? 'ok' : 'MISS';
  const limit = name.startsWith('search-') ? 100 : 150;
  return m.p95Ms <= limit && (ratio === null || ratio <= 3) ? 'ok' : 'MISS';
}

function baselineOf(run: CacheRun): Measurement | null {
  const ok = run.baselines.filter((b) => b.p50Ms !== null);
  return ok.length ? ok.reduce((a, b) => (b.p50Ms! < a.p50Ms! ? b : a)) : null;
}

function sqlFloor(report: Report, name: string): Floor | null {
  const f = report.floors.get(name);
  return f && !('error' in f) ? f : null;
}

export function results(report: Report, run: CacheRun): Result[] {
  const base = baselineOf(run);
  return run.pages.map((m) => {
    const sql = sqlFloor(report, m.name);
    const floorP50 = sql?.p50Ms != null && base ? sql.p50Ms + base.p50Ms! : null;
    const floorP95 = sql?.p95Ms != null && base ? sql.p95Ms + base.p95Ms! : null;
    return {
      name: m.name,
      p50Ms: round(m.p50Ms),
      p95Ms: round(m.p95Ms),
      floorP50Ms: round(floorP50),
      floorP95Ms: round(floorP95),
      ratio: m.p95Ms !== null && floorP95 ? round(m.p95Ms / floorP95, 2) : null,
    };
  });
}

export function printReport(report: Report, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(toJson(report), null, 2) + '\n');
    return;
  }
  const out: string[] = [];
  const f = report.targets.facts;
  const mb = (b: number | null | undefined) => (b == null ? '-' : `${(b / 1e6).toFixed(1)} MB`);
  out.push(`Standpoint benchmark: ${report.quotes.toLocaleString('en')} quotes, ${report.database.path} (${mb(report.database.bytes)}), ${report.machine.cores} cores, Node ${report.machine.node}`);
  if (report.database.generated) out.push(`Database generated in ${report.database.generated.seconds} s (${report.database.generated.quotesPerSecond} quotes/s)`);
  out.push(
    `Chosen from the data: topic ${f.topic}; source ${f.sourceId} (${f.sourceQuotes} quotes); common term "${f.commonTerm}" (${f.commonDocs} quotes); rare term "${f.rareTerm}" (${f.rareDocs} quotes); export ${f.exportFrom}..${f.exportTo} (${f.exportRows} rows)`,
  );
  out.push(`Sequential requests: ${report.settings.warmup} warm-up + up to ${report.settings.samples} measured per page (export: ${report.settings.exportSamples}); time to last byte.`);
  out.push(`Floor = the page's own SQL replayed on better-sqlite3 (read-only, same file) + the app's cheapest request. Targets (at 1M quotes): p95 ≤ 150 ms and ≤ 3× floor; search p95 ≤ 100 ms; export ≤ 3 s.`);
  for (const run of report.runs) {
    const base = baselineOf(run);
    const rows = results(report, run);
    out.push('', `== ${CACHE_LABEL[run.mode]}`);
    out.push(`Cheapest request: ${base ? `${base.name} ${base.path}: p50 ${base.p50Ms!.toFixed(1)} ms, p95 ${base.p95Ms!.toFixed(1)} ms` : 'none answered'}` + `  (candidates: ${run.baselines.map((b) => `${b.name} ${b.p50Ms === null ? b.error : `${b.p50Ms.toFixed(1)} ms`}`).join(', ')})`);
    const header = ['page', 'p50 ms', 'p95 ms', 'SQL p50', 'SQL p95', 'floor p95', 'ratio', 'bytes', 'n', 'target', 'path / error'];
    const table: string[][] = [header];
    for (const m of run.pages) {
      const r = rows.find((x) => x.name === m.name)!;
      const sql = sqlFloor(report, m.name);
      const sqlError = report.floors.get(m.name);
      table.push([
        m.name,
        fmt(m.p50Ms),
        fmt(m.p95Ms),
        fmt(sql?.p50Ms ?? null),
        fmt(sql?.p95Ms ?? null),
        fmt(r.floorP95Ms),
        r.ratio === null ? '-' : r.ratio.toFixed(2),
        m.bytes === null ? '-' : m.bytes >= 1e6 ? mb(m.bytes) : `${(m.bytes / 1e3).toFixed(1)} kB`,
        `${m.samples}${m.failures ? `/${m.failures} failed` : ''}`,
        verdict(m.name, m, r.ratio),
        m.error ? `${m.path}  ERROR ${m.error}` : sqlError && 'error' in sqlError ? `${m.path}  (floor: ${sqlError.error})` : m.path,
      ]);
    }
    out.push(...formatTable(table));
    const exp = run.pages.find((p) => p.name === 'csv-export');
    if (exp?.p50Ms != null) {
      const mem = exp.memory;
      out.push(
        `CSV export: ${exp.lines !== null ? exp.lines - 1 : '?'} rows (expected ${f.exportRows}), ${mb(exp.bytes)} in ${(exp.p50Ms / 1000).toFixed(2)} s (p50)` +
          (mem
            ? `; server RSS ${mb(mem.beforeBytes)} before, peak ${mb(mem.peakBytes)} (+${mb(mem.growthBytes)}), ${mb(mem.afterBytes)} after` +
              (mem.byProgress.length ? `; as it streamed: ${mem.byProgress.map((p) => `${mb(p.rssBytes)} at ${mb(p.bytes)}`).join(', ')}` : '')
            : ''),
      );
    }
    if (run.throughput) {
      const t = run.throughput;
      out.push(
        `Throughput (autocannon, ${t.connections} connections, ${t.offeredPerSecond} req/s offered, ${WARM_UP_SECONDS} s warm-up then ${t.durationSeconds} s measured, mix ${t.paths.join(' ')}): ` +
          `${t.achievedPerSecond} req/s achieved (${t.requests} of ${t.sent} requests sent completed), p50 ${t.p50Ms} ms, p99 ${t.p99Ms} ms, errors ${t.errors}, timeouts ${t.timeouts}, non-2xx ${t.non2xx}`,
      );
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

function fmt(n: number | null): string {
  return n === null ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

function formatTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

function toJson(report: Report) {
  const off = report.runs.find((r) => r.mode === 'off');
  const on = report.runs.find((r) => r.mode === 'on');
  const main = off ?? on!;
  const byMode = <T>(pick: (run: CacheRun) => T) => Object.fromEntries(report.runs.map((run) => [run.mode, pick(run)]));
  return {
    quotes: report.quotes,
    results: results(report, main),
    ...(off && on ? { cachedResults: results(report, on) } : {}),
    cache: { results: CACHE_LABEL[main.mode], ...(off && on ? { cachedResults: CACHE_LABEL.on } : {}) },
    baseline: byMode((run) => {
      const b = baselineOf(run);
      return b && { name: b.name, path: b.path, p50Ms: round(b.p50Ms), p95Ms: round(b.p95Ms) };
    }),
    pages: report.targets.pages.map((page) => {
      const sql = report.floors.get(page.name);
      return {
        name: page.name,
        path: page.path,
        note: page.note,
        sql: sql && 'error' in sql ? { error: sql.error } : sql && { ...sql, p50Ms: round(sql.p50Ms, 2), p95Ms: round(sql.p95Ms, 2) },
        ...byMode((run) => {
          const m = run.pages.find((p) => p.name === page.name)!;
          const { memory: _memory, name: _name, path: _path, ...rest } = m;
          return { ...rest, p50Ms: round(m.p50Ms), p95Ms: round(m.p95Ms), verdict: verdict(m.name, m, results(report, run).find((r) => r.name === m.name)!.ratio) };
        }),
      };
    }),
    export: {
      expectedRows: report.targets.facts.exportRows,
      ...byMode((run) => {
        const m = run.pages.find((p) => p.name === 'csv-export');
        return m && { ms: round(m.p50Ms), rows: m.lines === null ? null : m.lines - 1, bytes: m.bytes, error: m.error, memory: m.memory ?? null };
      }),
    },
    throughput: byMode((run) => run.throughput),
    database: report.database,
    machine: report.machine,
    facts: report.targets.facts,
    settings: report.settings,
  };
}
