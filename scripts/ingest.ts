// Entry point of `npm run ingest`: the real extractor and the real database, then the CLI.
import { applyMigrations, databasePath, openDatabase } from '@/db/sqlite/connection';
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import { seedIfEmpty } from '@/seeds/load';
import { runIngestCli } from './ingest-cli';

process.exitCode = runIngestCli(process.argv.slice(2), {
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
});
