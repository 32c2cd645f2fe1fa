// A worker thread of the parallel dry run (dry-run-pool.ts): reads and extracts the files it is
// sent, with the real extractor, and posts back each item as dryRunFiles makes it.
import { parentPort } from 'node:worker_threads';
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import { dryRunFiles } from './run';

const extractor = { version: EXTRACTOR_VERSION, extract: extractQuotes };

parentPort!.on('message', (message: { index: number; file: string } | null) => {
  if (message === null) {
    parentPort!.close();
    return;
  }
  for (const item of dryRunFiles([message.file], extractor)) parentPort!.postMessage({ index: message.index, item });
});
