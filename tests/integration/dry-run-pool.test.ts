// The parallel dry run gives the items of the sequential one, in the order of the files, bad
// files included; its threads load the real extractor themselves.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import { dryRunInParallel } from '@/lib/ingest/dry-run-pool';
import { dryRunFiles, type DryRunItem } from '@/lib/ingest/run';

const dir = join(process.cwd(), 'tests', 'fixtures', 'ingest');
const files = [...readdirSync(dir).map((f) => join(dir, f)), join(dir, 'no-such-file.txt')];

// What must agree exactly (wink-nlp's tagger drifts in the last digits of confidence with what
// a process has read before, so confidences are compared to two places).
const shape = (item: DryRunItem) =>
  'error' in item
    ? item
    : { file: item.file, source: item.source, quotes: item.quotes.map((q) => ({ ...q, confidence: Math.round(q.confidence * 100) })) };

it('matches the sequential dry run, file by file and in order', async () => {
  const sequential = [...dryRunFiles(files, { version: EXTRACTOR_VERSION, extract: extractQuotes })].map(shape);
  const parallel: ReturnType<typeof shape>[] = [];
  for await (const item of dryRunInParallel(files, 2)) parallel.push(shape(item));
  expect(parallel.map((i) => i.file)).toEqual(files);
  expect(parallel).toEqual(sequential);
  expect(parallel.filter((i) => 'error' in i).length).toBeGreaterThan(0);
  expect(parallel.some((i) => 'quotes' in i && i.quotes.length > 0)).toBe(true);
}, 60_000);
