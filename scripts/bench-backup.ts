// npx tsx scripts/bench-backup.ts DEST [--readers 2] [--pause 0] [--baseline 5] [--write-every 20]
// Times `npm run backup` on the database at DATABASE_PATH while it is being served: reader
// processes run the app's kinds of reads (a page of the quotes listing by date, a search, a source
// with its body) in a loop, and a writer process commits a source and its quote every few
// milliseconds, as ingest does. Each reader runs batches of 20 reads, `--pause` ms apart (0: as
// fast as it can, which saturates a core per reader). The file is read once first so that the OS
// cache is as warm before the copy as during it. Prints the copy and check times and the size,
// and the readers' and the writer's latency before and during the copy. Fill a database first, e.g.
//   DATABASE_PATH=/tmp/big.db npm run seed:synthetic -- --quotes 1000000
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backupDatabase } from '@/db/sqlite/backup/backup';
import { formatBytes } from '@/db/sqlite/backup/files';
import { databasePath } from '@/db/sqlite/connection';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    readers: { type: 'string', default: '2' },
    pause: { type: 'string', default: '0' },
    baseline: { type: 'string', default: '5' },
    'write-every': { type: 'string', default: '20' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: npx tsx scripts/bench-backup.ts DEST [--readers 2] [--pause 0] [--baseline 5] [--write-every 20]   (DEST is replaced)');
  process.exit(2);
}

// Each process records [time, milliseconds] of every operation and prints them as JSON when its stdin ends.
const PRELUDE = `
const { createRequire } = require('node:module');
const { join } = require('node:path');
const Database = createRequire(join(process.cwd(), 'package.json'))('better-sqlite3');
const input = JSON.parse(process.env.BENCH_INPUT);
const db = new Database(input.path);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const samples = [];
let stopping = false;
process.stdin.resume();
process.stdin.on('end', () => { stopping = true; });
function time(work) { const t = performance.timeOrigin + performance.now(); const s = performance.now(); work(); samples.push([t, performance.now() - s]); }
function finish() { db.close(); process.stdout.write(JSON.stringify(samples), () => process.exit(0)); }
`;

const READER = `${PRELUDE}
const maxId = db.prepare('select max(id) from sources').pluck().get();
const dates = db.prepare("select min(date_key), max(date_key) from quotes where review_state = 'accepted' and date_key <> ''").raw().get();
const page = db.prepare("select id, text, speaker_name, date_key, source_id, start from quotes where review_state = 'accepted' and date_key < ? order by date_key desc, source_id desc, start desc, id desc limit 100");
const search = db.prepare('select rowid from quotes_fts where quotes_fts match ? limit 100');
const source = db.prepare('select id, title, body from sources where id = ?');
const words = ['strategy', 'sanctions', 'russia', 'minister', 'nato', 'talks', 'border', 'security'];
let n = 0;
const from = Date.parse(dates[0]), to = Date.parse(dates[1]);
(function loop() {
  if (stopping) return finish();
  for (let k = 0; k < 20; k++) {
    const kind = n++ % 3;
    if (kind === 0) time(() => page.all(new Date(from + Math.random() * (to - from)).toISOString().slice(0, 10)));
    else if (kind === 1) time(() => search.all(words[n % words.length]));
    else time(() => source.get(1 + Math.floor(Math.random() * maxId)));
  }
  if (input.pause > 0) setTimeout(loop, input.pause);
  else setImmediate(loop);
})();
`;

const WRITER = `${PRELUDE}
const insertSource = db.prepare("insert into sources (title, publisher, body, body_sha256) values (?, 'bench', ?, ?)");
const insertQuote = db.prepare("insert into quotes (source_id, start, end, text, kind, speaker_label) values (?, 0, 5, ?, 'direct', 'bench')");
const write = db.transaction((i) => {
  const body = 'bench ' + i + ' ' + Date.now() + ' written while a backup runs';
  const id = insertSource.run('bench-' + i + '-' + Date.now(), body, 'bench-' + process.pid + '-' + i).lastInsertRowid;
  insertQuote.run(id, body.slice(0, 5));
});
let i = 0;
(function loop() {
  if (stopping) return finish();
  time(() => write(++i));
  setTimeout(loop, input.every);
})();
`;

type Samples = [number, number][];
type Worker = { child: ChildProcess; done: Promise<Samples> };

function start(source: string, input: unknown): Worker {
  const child = spawn(process.execPath, ['-e', source], { env: { ...process.env, BENCH_INPUT: JSON.stringify(input) }, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const done = new Promise<Samples>((resolve, reject) =>
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`a bench process exited with ${code}`));
      try {
        resolve(JSON.parse(out) as Samples);
      } catch {
        reject(new Error(`a bench process printed ${out.length} characters that are not its samples`));
      }
    }),
  );
  return { child, done };
}

function stats(samples: Samples, from: number, to: number) {
  const ms = samples.filter(([t]) => t >= from && t < to).map(([, d]) => d).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]! : NaN);
  return { count: ms.length, perSecond: ms.length / ((to - from) / 1000), p50: at(0.5), p99: at(0.99), max: ms.length ? ms[ms.length - 1]! : NaN };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (s: ReturnType<typeof stats>) => `${Math.round(s.perSecond)}/s, p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(1)} ms`;

async function main(): Promise<void> {
  const path = databasePath();
  const dest = positionals[0]!;
  // Warm the OS cache the way the copy itself will, so that "before" and "during" compare reads, not disk.
  for await (const _chunk of createReadStream(path, { highWaterMark: 1 << 22 })) void _chunk;
  const readers = Array.from({ length: Number(values.readers) }, () => start(READER, { path, pause: Number(values.pause) }));
  const writer = start(WRITER, { path, every: Number(values['write-every']) });
  await sleep(1000); // warm-up: connections open, page cache filled
  const baselineStart = Date.now();
  await sleep(Number(values.baseline) * 1000);
  const copyStart = Date.now();
  rmSync(dest, { force: true });
  const report = await backupDatabase({ from: path, to: dest, force: true });
  const copyEnd = copyStart + report.copySeconds * 1000;
  await sleep(500);
  for (const worker of [...readers, writer]) worker.child.stdin!.end();
  const readSamples = (await Promise.all(readers.map((r) => r.done))).flat();
  const writeSamples = await writer.done;

  console.log(`database ${path}, backup ${report.to}: ${formatBytes(report.bytes)}`);
  console.log(`copy ${report.copySeconds.toFixed(2)} s (${formatBytes(report.bytes / report.copySeconds)}/s), check (integrity_check) ${report.checkSeconds.toFixed(2)} s`);
  console.log(`readers pause ${values.pause} ms between batches of 20 reads; the writer commits every ${values['write-every']} ms`);
  console.log(`reads (${readers.length} processes)  before: ${fmt(stats(readSamples, baselineStart, copyStart))}`);
  console.log(`reads (${readers.length} processes)  during the copy: ${fmt(stats(readSamples, copyStart, copyEnd))}`);
  console.log(`writes (1 process)    before: ${fmt(stats(writeSamples, baselineStart, copyStart))}`);
  console.log(`writes (1 process)    during the copy: ${fmt(stats(writeSamples, copyStart, copyEnd))}`);
  console.log(`writes (1 process)    during the check: ${fmt(stats(writeSamples, copyEnd, copyEnd + report.checkSeconds * 1000))}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
