// npm run import refuses bad input with one error naming the place in the document, and writes
// nothing: the target database stays exactly as it was (rows, sequences, counters, search index).
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/sqlite/connection';
import { SafekeepingError } from '@/db/sqlite/backup/inspect';
import { openAppDatabase } from '@/db/sqlite/open-app-db';
import { expectedSchema } from '@/db/sqlite/schema-check';
import { exportDataset } from '@/lib/dataset/export';
import { importDataset } from '@/lib/dataset/import';
import { createDatasetFixture } from '@/tests/fixtures/dataset/fixture';

type Row = Record<string, unknown>;
type Document = { format: unknown; formatVersion: unknown; schema: { migrations: number; lastMigration: string }; sequences: Record<string, number>; tables: Record<string, Row[]> };

let dir: string;
let valid: string;
let target: Db;
let pristine: string;
let files = 0;

/** Every row of every table, search index and sqlite_sequence included. */
function everything(db: Db): string {
  const names = db.$client.prepare(`select name from sqlite_schema where type = 'table' and sql not like 'create virtual%' collate nocase order by name`).pluck().all() as string[];
  return JSON.stringify(names.map((name) => [name, db.$client.prepare(`select * from "${name}"`).raw().all()]));
}

/** The layout the export writes: the envelope on the first line, one row per line. */
function layOut(document: Document): string {
  const { tables, ...envelope } = document;
  const names = Object.keys(tables);
  const body = names.map((name, i) => `${JSON.stringify(name)}:[\n${tables[name]!.map((r) => `${JSON.stringify(r)}`).join(',\n')}${tables[name]!.length ? '\n' : ''}]${i < names.length - 1 ? ',' : ''}\n`);
  return `${JSON.stringify(envelope).slice(0, -1)},"tables":{\n${body.join('')}}}\n`;
}

const parsed = (): Document => JSON.parse(valid) as Document;

function write(text: string | Buffer): string {
  const path = join(dir, `case-${++files}.json`);
  writeFileSync(path, text);
  return path;
}

/** Imports the file into the target; returns the refusal, and checks that nothing was written. */
function refusal(path: string, into: Db = target): SafekeepingError {
  const before = everything(into);
  let caught: unknown;
  try {
    importDataset(into, path);
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the import should have been refused').toBeInstanceOf(SafekeepingError);
  expect(everything(into)).toBe(before);
  return caught as SafekeepingError;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-import-'));
  const fx = createDatasetFixture();
  exportDataset(fx.db, join(dir, 'valid.json'));
  fx.cleanup();
  valid = readFileSync(join(dir, 'valid.json'), 'utf8');
  target = openAppDatabase(join(dir, 'target.db'));
  pristine = everything(target);
});
afterAll(() => {
  target?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

it('the test lays documents out as the export does', () => {
  expect(layOut(parsed()) === valid).toBe(true);
});

const lastIndex = (d: Document, table: string) => d.tables[table]!.length - 1;

// Each case breaks a valid document one way; the error must name the place.
const CASES: [string, (d: Document) => void, RegExp][] = [
  ['an enum value that is not one', (d) => (d.tables.quotes![0]!.review_state = 'maybe'), /tables\.quotes\[0\]\.review_state: Invalid option/],
  ['an unknown column', (d) => (d.tables.sources![0]!.extra = 1), /tables\.sources\[0\]\.extra: not a column of this table/],
  ['a missing required column', (d) => delete d.tables.sources![1]!.title, /tables\.sources\[1\]\.title: /],
  ['an id that is text', (d) => (d.tables.actors![2]!.id = '3'), /tables\.actors\[2\]\.id: /],
  ['a fractional integer', (d) => (d.tables.quotes![1]!.start = 1.5), /tables\.quotes\[1\]\.start: /],
  ['a boolean that is 2', (d) => (d.tables.actors![0]!.confirmed = 2), /tables\.actors\[0\]\.confirmed: expected 0 or 1/],
  ['a JSON column that is not JSON', (d) => (d.tables.topics![0]!.scale_labels = '[oops'), /tables\.topics\[0\]\.scale_labels: expected JSON text/],
  ['a row that is not an object', (d) => (d.tables.camps![0] = [1, 2] as unknown as Row), /tables\.camps\[0\]: /],
  ['a reference to a missing row', (d) => (d.tables.quotes![lastIndex(d, 'quotes')]!.speaker_id = 9999), /tables\.quotes\[\d+\]\.speaker_id: refers to actors 9999, which is not in the document/],
  ['evidence for a missing quote', (d) => (d.tables.stance_evidence![0]!.quote_id = 4242), /tables\.stance_evidence\[0\]\.quote_id: refers to quotes 4242/],
  ['a quote whose text is not its span', (d) => (d.tables.quotes![0]!.text = `x${String(d.tables.quotes![0]!.text)}`), /tables\.quotes\[0\]\.text: is not the source's body from start to end/],
  ['a quote past the end of its body', (d) => (d.tables.quotes![0]!.end = 10_000_000), /tables\.quotes\[0\]\.end: is past the end/],
  ['a duplicate id', (d) => (d.tables.sources![1]!.id = d.tables.sources![0]!.id), /tables\.sources\[1\]: UNIQUE constraint failed: sources\.id/],
  ['a check constraint broken', (d) => (d.tables.stances![0]!.position = 5), /tables\.stances\[0\]: CHECK constraint failed/],
  ['an unknown table', (d) => (d.tables.people = []), /tables\.people: not a table of the dataset/],
  ['a missing table', (d) => delete d.tables.camp_member_evidence, /tables\.camp_member_evidence: missing/],
  ['another format', (d) => (d.format = 'csv'), /format: /],
  ['a later format version', (d) => (d.formatVersion = 2), /formatVersion: /],
  ['a newer schema', (d) => (d.schema.migrations = expectedSchema().hashes.length + 1), /schema\.migrations: the document comes from a newer version of Standpoint/],
  ['another build', (d) => (d.schema.lastMigration = 'a'.repeat(64)), /schema\.lastMigration: not this version's migration \d+; the document comes from another build/],
  ['a sequence for a table without one', (d) => (d.sequences.stance_evidence = 5), /sequences\.stance_evidence: not a table of the dataset with AUTOINCREMENT ids/],
];

describe.each(['laid out as exported (read line by line)', 'laid out otherwise (read whole)'])('a document %s', (layout) => {
  it.each(CASES)('refuses %s, naming the place, and writes nothing', (_name, breakIt, expected) => {
    const document = parsed();
    breakIt(document);
    const text = layout.startsWith('laid out as exported') ? layOut(document) : JSON.stringify(document, null, 1);
    const error = refusal(write(text));
    expect(error.message).toMatch(expected);
    expect(error.message).toMatch(/^Cannot import .*; nothing was written$/);
    expect(error.message).not.toContain('\n');
  });
});

it('refuses, in a document read line by line, a child table before its parent (a whole document is put in order)', () => {
  const document = parsed();
  const { quotes, ...rest } = document.tables;
  document.tables = { quotes: quotes!, ...rest };
  expect(refusal(write(layOut(document))).message).toMatch(/tables\.quotes: comes before tables\.\w+, which it refers to/);
});

describe('documents that are not JSON, or not whole', () => {
  const lines = () => valid.split('\n');
  it.each([
    ['text that is not JSON', () => 'hello, world', /the document: not valid JSON/],
    ['an empty file', () => '', /the document: not valid JSON/],
    ['a file that is not UTF-8', () => Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/],
    ['a document cut off inside a table', () => lines().slice(0, 8).join('\n'), /the document ends inside tables\./],
    ['a document cut off between tables', () => `${lines().slice(0, lines().indexOf('],') + 1).join('\n')}\n`, /the document ends before its closing \}\}/],
    ['a row line that is broken JSON', () => lines().map((l, i) => (i === 3 ? l.slice(0, -5) : l)).join('\n'), /line 4: not valid JSON/],
    ['two rows without a comma between them', () => lines().map((l, i) => (i === 2 ? l.slice(0, -1) : l)).join('\n'), /line 4: expected \] after the last row of tables\.\w+ \(line 3 has no comma\)/],
    ['a comma after the last row', () => lines().map((l, i) => (i === lines().indexOf('],') - 1 ? `${l},` : l)).join('\n'), /a row was expected after the comma/],
    ['text after the end', () => `${valid}{}\n`, /text after the end of the document/],
    ['an envelope that is not an object', () => '[1, 2, 3]', /\(the document\): /],
  ])('refuses %s and writes nothing', (_name, content, expected) => {
    const error = refusal(write(content()));
    expect(error.message).toMatch(expected);
  });

  it('refuses a file that does not exist', () => {
    expect(refusal(join(dir, 'missing.json')).message).toMatch(/missing\.json: no such file$/);
  });

  it('survives any truncation or single-byte change: imported whole, or refused with nothing written', () => {
    const bytes = Buffer.from(valid);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ cut: fc.integer({ min: 0, max: bytes.length - 1 }) }),
          fc.record({ at: fc.integer({ min: 0, max: bytes.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }),
        ),
        (change) => {
          const broken = Buffer.from(bytes);
          const text = 'cut' in change ? broken.subarray(0, change.cut) : (broken[change.at] = change.byte, broken);
          const path = write(text);
          const db = openAppDatabase(join(dir, `property-${files}.db`));
          const before = everything(db);
          try {
            try {
              importDataset(db, path);
            } catch (error) {
              expect(error).toBeInstanceOf(SafekeepingError);
              expect((error as Error).message).not.toContain('\n');
              expect(everything(db)).toBe(before);
              return;
            }
            // Accepted: then it held a valid dataset, and exporting gives a valid document again.
            exportDataset(db, join(dir, `property-${files}-again.json`));
          } finally {
            db.$client.close();
          }
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  }, 120_000);
});

describe('the target database', () => {
  it('must be empty: a database holding data is refused and left as it was', () => {
    const fx = createDatasetFixture();
    try {
      const error = refusal(write(valid), fx.db);
      expect(error.message).toMatch(/already holds data \(actors, actor_aliases, .*users\); import only into an empty database/);
    } finally {
      fx.cleanup();
    }
  });

  it('was never written by any refusal above', () => {
    expect(everything(target)).toBe(pristine);
  });
});
