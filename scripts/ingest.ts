// Entry point of `npm run ingest`: the real extractor and the real database, then the CLI.
import { applyMigrations, databasePath, openDatabase } from '@/db/sqlite/connection';
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import { seedIfEmpty } from '@/seeds/load';
import { availableParallelism } from 'node:os';
import { dryRunInParallel } from '@/lib/ingest/dry-run-pool';
import { runIngestCli } from './ingest-cli';

// Worker threads pay off only past their start-up (about a second each): a few files run here.
const PARALLEL_FROM = 40;
const workers = availableParallelism();

void Promise.resolve(runIngestCli(process.argv.slice(2), {
  extractor: { version: EXTRACTOR_VERSION, extract: extractQuotes },
  openDb: () => {
    const db = openDatabase(databasePath());
    applyMigrations(db);
    // As at `npm start`: a database that got articles before its seed would never be seeded.
    seedIfEmpty(db);
    return db;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  ...(workers > 1 && process.argv.length - 2 >= PARALLEL_FROM ? { dryRunInParallel: (files: readonly string[]) => dryRunInParallel(files, workers) } : {}),
})).then((code) => {
  process.exitCode = code;
});
