// The ingest command's core (scripts/ingest-cli.ts) with a scripted extractor: exit codes, one
// stderr line per bad file, the dry run's JSON, and a second run over the same files changing nothing.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sources } from '@/db/schema';
import { EXIT, runIngestCli, type CliDeps } from '@/scripts/ingest-cli';
import { createTestDb, dumpAllTables, type TestDb } from '@/tests/support/db';
import { anonymous, fakeExtractor, person } from '@/tests/support/fake-extractor';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'ingest');
const GOOD = ['seed-style.txt', 'title-dateline.txt', 'plain.txt', 'front-matter.md', 'front-matter-minimal.md', 'article.html', 'article-jsonld.html'].map((f) => join(FIXTURES, f));

let dir: string;
const bad: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-ingest-cli-'));
  const file = (name: string, content: string | Buffer) => {
    bad[name] = join(dir, name);
    writeFileSync(bad[name], content);
  };
  file('empty.txt', '');
  file('binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00]));
  file('latin1.txt', Buffer.from('Orb\xe1n said "no".', 'latin1'));
  // 50 MB, sparse: takes no disk, and must be refused by its size without being read.
  file('huge.txt', '');
  truncateSync(bad['huge.txt']!, 50 * 1024 * 1024);
  bad['broken.md'] = join(dir, 'broken.md');
  copyFileSync(join(FIXTURES, 'broken-front-matter.md'), bad['broken.md']);
  bad['no-article.html'] = join(dir, 'no-article.html');
  copyFileSync(join(FIXTURES, 'no-article.html'), bad['no-article.html']);
  bad['missing.txt'] = join(dir, 'missing.txt');
  bad['a-directory'] = join(dir, 'a-directory');
  mkdirSync(bad['a-directory']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROBLEMS: [name: string, problem: string][] = [
  ['empty.txt', 'empty file'],
  ['binary.bin', 'binary file (it contains NUL bytes), not text or HTML'],
  ['latin1.txt', 'not valid UTF-8 (first bad byte at offset 3); save the file as UTF-8'],
  ['huge.txt', 'file is too large (50.0 MB; the limit is 5 MB)'],
  ['broken.md', 'broken front matter: missed comma between flow collection entries at line 3, column 1'],
  ['no-article.html', 'no article text found in the HTML page'],
  ['missing.txt', 'no such file'],
  ['a-directory', 'is a directory, not a file'],
];
const badFiles = () => PROBLEMS.map(([name]) => bad[name]!);
const expectedProblemLines = () => PROBLEMS.map(([name, problem]) => `${bad[name]}: ${problem}`);

const extractor = () =>
  fakeExtractor([
    { text: 'move from promises to deliveries', speaker: person('Dovilė Šakalienė', 'LT'), confidence: 0.9 },
    { text: 'We cannot wait for another winter of strikes on Ukrainian cities,', speaker: person('Dovilė Šakalienė', 'LT') },
    { text: 'signal', speaker: anonymous('A senior NATO official', null, 'NATO') },
    { text: 'Sanctions that hurt us more than Moscow are not a policy, they are a punishment of our own people,', speaker: person('Robert Fico', 'SK') },
    { text: 'These ships carry the money that pays for the war,', speaker: person('Radosław Sikorski', 'PL') },
    { text: 'Our answer has not changed, and it will not change this year,', speaker: person('Boris Pistorius', 'DE') },
    { text: 'Europe must stand with Ukraine for as long as it takes,', speaker: person('Antonio Tajani', 'IT') },
    // In the seed-style fixture's junk ("Read also" and teaser lines): must never come out.
    { text: 'Latvia orders new coastal defence systems', speaker: null },
  ]);

type Captured = { deps: CliDeps; out: () => string; err: () => string; opened: () => number };

function capture(db: TestDb | null): Captured {
  let out = '';
  let err = '';
  let opened = 0;
  return {
    deps: {
      extractor: extractor(),
      openDb: () => {
        opened++;
        if (!db) throw new Error('the dry run opened the database');
        return db.db;
      },
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t), isTTY: false },
    },
    out: () => out,
    err: () => err,
    opened: () => opened,
  };
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('npm run ingest -- FILE...', () => {
  let test: TestDb;
  beforeEach(() => {
    test = createTestDb({ seed: false });
  });
  afterEach(() => test.cleanup());

  it('stores the good files, names each bad file on stderr, exits 1, and a second run changes nothing', async () => {
    const first = capture(test);
    const code = await runIngestCli([...GOOD, ...badFiles()], first.deps);
    expect(code).toBe(EXIT.someFailed);
    expect(lines(first.err())).toEqual(expectedProblemLines());
    expect(lines(first.out())).toEqual(['new 7, duplicate 0, failed 8; quotes suggested 7, actors proposed 7, statements linked 0']);
    expect(test.db.select().from(sources).all().map((s) => s.title)).toHaveLength(7);

    const before = dumpAllTables(test.db);
    const second = capture(test);
    expect(await runIngestCli([...GOOD, ...badFiles()], second.deps)).toBe(EXIT.someFailed);
    expect(dumpAllTables(test.db)).toEqual(before);
    expect(lines(second.out()).at(-1)).toBe('new 0, duplicate 7, failed 8; quotes suggested 0, actors proposed 0, statements linked 0');
    expect(lines(second.out()).slice(0, -1)).toEqual(GOOD.map((f, i) => `${f}: already stored as source ${i + 1} (same text); nothing changed`));
    expect(lines(second.err())).toEqual(expectedProblemLines());
  });

  it('exits 0 when every file is stored', async () => {
    const run = capture(test);
    expect(await runIngestCli(GOOD.slice(0, 2), run.deps)).toBe(EXIT.ok);
    expect(run.err()).toBe('');
  });

  it('bad files leave the database exactly as it was', async () => {
    const before = dumpAllTables(test.db);
    const run = capture(test);
    expect(await runIngestCli(badFiles(), run.deps)).toBe(EXIT.someFailed);
    expect(dumpAllTables(test.db)).toEqual(before);
    expect(lines(run.out())).toEqual(['new 0, duplicate 0, failed 8; quotes suggested 0, actors proposed 0, statements linked 0']);
  });
});

describe('npm run --silent ingest -- --dry-run --json FILE...', () => {
  it('prints only a JSON array, one item per file in order, and opens no database', async () => {
    const run = capture(null);
    const code = await runIngestCli(['--dry-run', '--json', ...GOOD, ...badFiles()], run.deps);
    expect(code).toBe(EXIT.someFailed);
    expect(run.opened()).toBe(0);
    expect(lines(run.err())).toEqual(expectedProblemLines());

    const items = JSON.parse(run.out()) as Record<string, unknown>[];
    expect(items.map((i) => i.file)).toEqual([...GOOD, ...badFiles()]);
    for (const [index, [, problem]] of PROBLEMS.entries()) expect(items[GOOD.length + index]).toEqual({ file: badFiles()[index], error: problem });

    for (const item of items.slice(0, GOOD.length)) {
      expect(Object.keys(item)).toEqual(['file', 'source', 'quotes']);
      const source = item.source as Record<string, unknown>;
      expect(Object.keys(source)).toEqual(['title', 'publisher', 'url', 'publishedAt', 'body']);
      for (const quote of item.quotes as Record<string, unknown>[]) {
        expect(Object.keys(quote)).toEqual(['text', 'start', 'end', 'kind', 'speaker', 'confidence']);
        expect((source.body as string).slice(quote.start as number, quote.end as number)).toBe(quote.text);
        if (quote.speaker !== null) expect(Object.keys(quote.speaker as object)).toEqual(['name', 'kind', 'countryCode', 'organisation']);
      }
    }
    const baltic = items[0] as { source: { title: string; publisher: string; publishedAt: string }; quotes: { text: string; speaker: unknown; confidence: number; kind: string }[] };
    expect(baltic.source).toMatchObject({ title: 'Baltic states press allies on air defence ahead of summit', publisher: 'Baltic Times', publishedAt: '2025-03-14', url: null });
    expect(baltic.quotes.map((q) => q.text)).toEqual(['move from promises to deliveries', 'We cannot wait for another winter of strikes on Ukrainian cities,', 'signal']);
    expect(baltic.quotes[0]).toMatchObject({ kind: 'direct', confidence: 0.9, speaker: { name: 'Dovilė Šakalienė', kind: 'person', countryCode: 'LT', organisation: null } });
  });

  it('exits 0 when every file is read, and says what it found without --json', async () => {
    const json = capture(null);
    expect(await runIngestCli(['--dry-run', '--json', GOOD[0]!], json.deps)).toBe(EXIT.ok);
    expect(JSON.parse(json.out())).toHaveLength(1);
    const plain = capture(null);
    expect(await runIngestCli(['--dry-run', ...GOOD], plain.deps)).toBe(EXIT.ok);
    expect(plain.out()).toBe('dry run, nothing stored: 7 read, 0 failed, 7 quotes found\n');
  });

  it('an extractor failure fails that file only', async () => {
    const run = capture(null);
    run.deps.extractor.extract = (article) => {
      if (article.body.includes('Fico')) throw new Error('engine limit reached');
      return [];
    };
    expect(await runIngestCli(['--dry-run', '--json', GOOD[0]!, GOOD[1]!, GOOD[2]!], run.deps)).toBe(EXIT.someFailed);
    const items = JSON.parse(run.out()) as Record<string, unknown>[];
    expect(items.map((i) => ('error' in i ? i.error : 'ok'))).toEqual(['ok', 'extraction failed: engine limit reached', 'ok']);
    expect(lines(run.err())).toEqual([`${GOOD[1]}: extraction failed: engine limit reached`]);
  });
});

describe('usage', () => {
  it.each([
    [[], 'ingest: no files given'],
    [['--dry-run'], 'ingest: no files given'],
    [['--verbose', 'a.txt'], 'ingest: unknown option --verbose'],
    [['--json', 'a.txt'], 'ingest: --json is only for --dry-run'],
  ])('%j exits 2: %s', async (argv, message) => {
    const run = capture(null);
    expect(await runIngestCli(argv, run.deps)).toBe(EXIT.usage);
    expect(lines(run.err())[0]).toBe(message);
    expect(run.err()).toContain('usage: npm run ingest');
    expect(run.opened()).toBe(0);
  });

  it('a file named like an option is read after --', async () => {
    const run = capture(null);
    expect(await runIngestCli(['--dry-run', '--', '--verbose'], run.deps)).toBe(EXIT.someFailed);
    expect(lines(run.err())).toEqual(['--verbose: no such file']);
  });

  it('a database that cannot be opened exits 2 and names the problem', async () => {
    const run = capture(null);
    expect(await runIngestCli(GOOD.slice(0, 1), run.deps)).toBe(EXIT.usage);
    expect(lines(run.err())).toEqual(['ingest: cannot open the database: the dry run opened the database']);
  });
});
