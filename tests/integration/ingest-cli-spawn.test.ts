// The real `ingest` command, spawned as a user runs it: on bad files (which fail before extraction)
// what it prints, its exit code, and that a bad file leaves the database as it was; on good files
// the dry run's JSON shape, whatever the engine finds.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/sqlite/connection';
import { countAllRows } from '@/tests/support/db';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
let dir: string;
let files: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-ingest-spawn-'));
  files = {
    empty: join(dir, 'empty.txt'),
    binary: join(dir, 'binary.pdf'),
    huge: join(dir, 'huge.html'),
    latin1: join(dir, 'latin1.txt'),
    broken: join(dir, 'broken.md'),
    noArticle: join(dir, 'no-article.html'),
    missing: join(dir, 'missing.txt'),
  };
  writeFileSync(files.empty!, '');
  writeFileSync(files.binary!, Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  writeFileSync(files.huge!, '');
  truncateSync(files.huge!, 50 * 1024 * 1024);
  writeFileSync(files.latin1!, Buffer.from('Szijj\xe1rt\xf3 said "no".', 'latin1'));
  copyFileSync(join(ROOT, 'tests', 'fixtures', 'ingest', 'broken-front-matter.md'), files.broken!);
  copyFileSync(join(ROOT, 'tests', 'fixtures', 'ingest', 'no-article.html'), files.noArticle!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPECTED: [key: string, problem: string][] = [
  ['empty', 'empty file'],
  ['binary', 'binary file (a PDF document), not text or HTML'],
  ['huge', 'file is too large (50.0 MB; the limit is 5 MB)'],
  ['latin1', 'not valid UTF-8 (first bad byte at offset 5); save the file as UTF-8'],
  ['broken', 'broken front matter: missed comma between flow collection entries at line 3, column 1'],
  ['noArticle', 'no article text found in the HTML page'],
  ['missing', 'no such file'],
];

function ingest(args: string[], databasePath = join(dir, 'unused.db')) {
  const result = spawnSync(TSX, ['--conditions=react-server', 'scripts/ingest.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: databasePath },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the real ingest command', { timeout: 90_000 }, () => {
  it('--dry-run --json prints a JSON array with an error item per bad file, one stderr line each, exit 1', () => {
    const paths = EXPECTED.map(([key]) => files[key]!);
    const run = ingest(['--dry-run', '--json', ...paths]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED.map(([key, problem]) => ({ file: files[key], error: problem })));
    expect(run.stderr.split('\n').filter(Boolean)).toEqual(EXPECTED.map(([key, problem]) => `${files[key]}: ${problem}`));
  });

  it('storing bad files leaves the database as the seed made it, and exits 1', () => {
    const database = join(dir, 'store.db');
    const run = ingest(EXPECTED.map(([key]) => files[key]!), database);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual(EXPECTED.map(([key, problem]) => `${files[key]}: ${problem}`));
    expect(run.stdout).toBe('new 0, duplicate 0, failed 7; quotes suggested 0, actors proposed 0, statements linked 0\n');
    const db = openDatabase(database);
    try {
      const counts = countAllRows(db);
      // Seeded like `npm start` does (so that ingesting first never leaves the app without its
      // seed), and nothing from the bad files.
      expect(counts.sources).toBe(2);
      expect(counts.quotes).toBe(22);
    } finally {
      db.$client.close();
    }
  });

  it('--dry-run --json on good files: the documented shape, offsets into source.body, exit 0', () => {
    const good = ['seed-style.txt', 'front-matter.md', 'article.html'].map((f) => join(ROOT, 'tests', 'fixtures', 'ingest', f));
    const run = ingest(['--dry-run', '--json', ...good]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as { file: string; source: Record<string, unknown>; quotes: Record<string, unknown>[] }[];
    expect(items.map((i) => i.file)).toEqual(good);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(['file', 'source', 'quotes']);
      expect(Object.keys(item.source)).toEqual(['title', 'publisher', 'url', 'publishedAt', 'body']);
      const body = item.source.body as string;
      for (const q of item.quotes) {
        expect(Object.keys(q)).toEqual(['text', 'start', 'end', 'kind', 'speaker', 'confidence']);
        expect(body.slice(q.start as number, q.end as number)).toBe(q.text);
        expect(['direct', 'reported']).toContain(q.kind);
        expect(q.confidence).toBeGreaterThanOrEqual(0);
        expect(q.confidence).toBeLessThanOrEqual(1);
        if (q.speaker !== null) {
          expect(Object.keys(q.speaker as object)).toEqual(['name', 'kind', 'countryCode', 'organisation']);
          expect(['person', 'anonymous', 'organisation', 'state']).toContain((q.speaker as { kind: string }).kind);
        }
      }
    }
    expect(items[1]!.source).toMatchObject({ title: 'Poland and Finland call for tougher line on Russian shadow fleet', publisher: 'Notes from Poland', url: 'https://example.org/2025/02/shadow-fleet', publishedAt: '2025-02-20' });
  });

  it('without files it prints its usage and exits 2', () => {
    const run = ingest([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ingest: no files given');
    expect(run.stderr).toContain('usage: npm run ingest');
    expect(run.stdout).toBe('');
  });
});
