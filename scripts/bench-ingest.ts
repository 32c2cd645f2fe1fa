// Throughput and peak memory of `ingest --dry-run --json` over generated articles.
//   npx tsx --conditions=react-server scripts/bench-ingest.ts [COUNT=3000] [DIR]
// Articles are generated into a temp dir (or DIR) from the paragraphs of the seed articles and
// tests/fixtures/ingest, in the three input formats in turn, about 6 KB each (PolNeAR's mean).
// Runs in-process with the real extractor; the JSON goes to a counting sink, not to a terminal.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import { readArticle } from '@/lib/ingest/read';
import { runIngestCli } from './ingest-cli';

const count = Number(process.argv[2] ?? 3000);
const keep = process.argv[3];
const dir = keep ? (mkdirSync(keep, { recursive: true }), keep) : mkdtempSync(join(tmpdir(), 'standpoint-bench-'));

function paragraphPool(): string[] {
  const files = [
    ...readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f)),
    ...readdirSync(join('tests', 'fixtures', 'ingest')).map((f) => join('tests', 'fixtures', 'ingest', f)),
  ];
  const pool: string[] = [];
  for (const file of files) {
    const read = readArticle(file, readFileSync(file));
    if (!read.ok) continue;
    const junk = read.article.junk;
    let at = 0;
    for (const paragraph of read.article.body.split('\n')) {
      const inJunk = junk.some((j) => at < j.end && at + paragraph.length > j.start);
      if (paragraph.trim().length > 40 && !inJunk) pool.push(paragraph.trim());
      at += paragraph.length + 1;
    }
  }
  return pool;
}

// A small deterministic generator, so that every run benchmarks the same articles.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function generate(pool: readonly string[]): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    while (paragraphs.join('\n').length < 6000) paragraphs.push(pick(pool));
    paragraphs.push(`(Generated article ${i}.)`);
    const title = `Generated article ${i} on allied policy`;
    const format = i % 3;
    const name = join(dir, `article-${String(i).padStart(5, '0')}.${['txt', 'md', 'html'][format]}`);
    const text =
      format === 0
        ? ` date 2025-0${(i % 9) + 1}-1${i % 10} ${title} - Bench Wire\nBrussels • BNCH\n${paragraphs.join('\n')}\n`
        : format === 1
          ? `---\ntitle: ${title}\npublisher: Bench Review\nurl: https://bench.example/${i}\npublished: 2024-11-0${(i % 9) + 1}\nlanguage: en\n---\n${paragraphs.join('\n\n')}\n`
          : `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="Bench Daily"><meta property="article:published_time" content="2025-02-0${(i % 9) + 1}T10:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article><footer>© Bench</footer></body></html>`;
    writeFileSync(name, text);
    files.push(name);
  }
  return files;
}

const files = generate(paragraphPool());
const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);

// Warm the engine (model load) on one article, so that the run measures articles, not start-up.
let t = performance.now();
extractQuotes({ title: null, publisher: null, url: null, publishedAt: null, language: null, dateline: null, body: 'Warm-up: "This loads the model," she said.', junk: [] });
const warmUp = performance.now() - t;

t = performance.now();
for (const f of files) readArticle(f, readFileSync(f));
const readOnly = performance.now() - t;

let out = 0;
const errors: string[] = [];
t = performance.now();
const code = runIngestCli(['--dry-run', '--json', ...files], {
  extractor: { version: EXTRACTOR_VERSION, extract: extractQuotes },
  openDb: () => {
    throw new Error('a dry run opens no database');
  },
  stdout: { write: (text: string) => (out += text.length) },
  stderr: { write: (text: string) => errors.push(text), isTTY: false },
});
const total = performance.now() - t;
const peak = process.resourceUsage().maxRSS / 1024;

console.log(`${files.length} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB, in ${dir}${keep ? '' : ' (removed)'}`);
console.log(`engine warm-up ${warmUp.toFixed(0)} ms`);
console.log(`reading only: ${(readOnly / 1000).toFixed(2)} s, ${(files.length / (readOnly / 1000)).toFixed(0)} articles/s`);
console.log(`dry run: ${(total / 1000).toFixed(2)} s, ${(files.length / (total / 1000)).toFixed(0)} articles/s, ${(out / 1024 / 1024).toFixed(1)} MB of JSON, exit ${code}, ${errors.length} failed`);
console.log(`peak RSS ${peak.toFixed(0)} MB`);
if (!keep) rmSync(dir, { recursive: true, force: true });
