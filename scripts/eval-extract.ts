// `npm run eval:extract`: accuracy of the quote extractor on our own gold set (train and holdout
// splits) and on PolNeAR dev, with the team scorer's matching rules, then throughput and memory.
//
//   npm run eval:extract                        # our train, holdouts, PolNeAR dev, benchmark
//   npm run eval:extract -- --sets holdout      # some of: train, holdout, holdout2, holdout3, polnear-dev, polnear-train
//   npm run eval:extract -- --misses 20         # also list misses per set
//   npm run eval:extract -- --no-bench
//
// PolNeAR is read from ../shared/polnear (POLNEAR_DIR), never from the repository. Articles are
// read as `npm run ingest` reads them (lib/ingest/read.ts), so offsets and junk are the dry run's.
import fs from 'node:fs';
import path from 'node:path';
import { extractQuotes } from '../lib/extract';
import { readArticle } from '../lib/ingest/read';
import { loadPolnear, POLNEAR_DIR, type GoldArticle } from '../lib/extract/train/corpus';
import { loadFixtures } from '../lib/extract/train/fixtures';
import { scoreSet, type Scores } from '../lib/extract/train/score';

type SetName = 'train' | 'holdout' | 'holdout2' | 'holdout3' | 'polnear-dev' | 'polnear-train';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sets = (argValue('--sets') ?? 'train,holdout,holdout2,holdout3,polnear-dev').split(',') as SetName[];
const missCount = Number(argValue('--misses') ?? 0);
const bench = !process.argv.includes('--no-bench');

function load(name: SetName): GoldArticle[] {
  switch (name) {
    case 'train':
      return loadFixtures('train');
    case 'holdout':
      return loadFixtures('holdout');
    case 'holdout2':
      return loadFixtures('holdout2');
    case 'holdout3':
      return loadFixtures('holdout3');
    case 'polnear-dev':
      return loadPolnear('dev');
    case 'polnear-train':
      return loadPolnear('train');
  }
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const ratio = (c: { correct: number; total: number } | undefined) => (c && c.total ? `${pct(c.correct / c.total)}% (${c.correct}/${c.total})` : '  n/a');

function report(name: SetName, s: Scores): void {
  console.log(`\n== ${name}: ${s.articles} articles ==`);
  console.log(`direct quotes   P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; exact-character F1 ${pct(s.exactCharF1)})`);
  console.log(`speaker         ${ratio(s.speaker)}`);
  for (const kind of ['person', 'anonymous', 'organisation', 'state']) {
    if (s.speakerByKind[kind]) console.log(`  ${kind.padEnd(13)} ${ratio(s.speakerByKind[kind])}`);
  }
  console.log(`country         ${ratio(s.country)}`);
  console.log(`scare quotes kept ${s.scareKept}, offset errors ${s.offsetErrors}`);
  const r = s.reported;
  if (r.tp + r.fn > 0) {
    const P = r.tp / (r.tp + r.fp || 1);
    const R = r.tp / (r.tp + r.fn || 1);
    console.log(`reported        exact P ${pct(P)} R ${pct(R)}; found by word overlap ≥ 0.5: ${r.overlapTp}/${r.tp + r.fn}`);
  }
  console.log('calibration     confidence bin   quotes  mean conf.  speaker right');
  for (const b of s.calibration) {
    console.log(`                ${b.from.toFixed(2)}–${b.to.toFixed(2)}      ${String(b.n).padStart(6)}    ${b.n ? b.meanConfidence.toFixed(3) : '  -  '}      ${b.n ? pct(b.accuracy) + '%' : '  -'}`);
  }
  for (const m of s.misses.slice(0, missCount)) console.log(`  ${m}`);
}

function evaluate(name: SetName): void {
  if (name.startsWith('polnear') && !fs.existsSync(path.join(POLNEAR_DIR, name.replace('polnear-', '')))) {
    console.log(`\n(${name} skipped: no PolNeAR data at ${POLNEAR_DIR}; set POLNEAR_DIR)`);
    return;
  }
  const gold = load(name);
  const predictions = gold.map((g) => ({ file: g.file, body: g.article.body, quotes: extractQuotes(g.article) }));
  report(name, scoreSet(gold, predictions));
}

/** Articles per second through reading and extraction, as the dry run does them, and peak memory. */
function benchmark(): void {
  const dirs = ['train', 'dev'].map((s) => path.join(POLNEAR_DIR, s, 'articles'));
  const files: { name: string; bytes: Buffer }[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) files.push({ name: f, bytes: fs.readFileSync(path.join(dir, f)) });
  }
  if (files.length === 0) {
    console.log('\n(benchmark skipped: no PolNeAR articles found)');
    return;
  }
  const target = 3000;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let done = 0;
  let quotes = 0;
  let bytes = 0;
  while (done < target) {
    for (const f of files) {
      if (done >= target) break;
      const read = readArticle(f.name, f.bytes);
      if (!read.ok) continue;
      const extracted = extractQuotes(read.article);
      // What the dry run prints for the file.
      bytes += JSON.stringify({ file: f.name, source: read.article, quotes: extracted }).length;
      quotes += extracted.length;
      done++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`\n== throughput: ${done} articles (PolNeAR train+dev repeated; read + extract + JSON) ==`);
  console.log(`${(done / seconds).toFixed(0)} articles/s wall (${seconds.toFixed(1)} s), ${(done / cpuSeconds).toFixed(0)} articles/s per CPU second; ${quotes} quotes, ${(bytes / 1e6).toFixed(1)} MB JSON`);
  console.log(`peak memory (max RSS) ${maxRssMb.toFixed(0)} MB; heap used now ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}

for (const name of sets) evaluate(name);
if (bench) benchmark();
