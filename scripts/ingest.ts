// Entry point of `npm run ingest`: the real extractor and the real database, then the CLI.
import { applyMigrations, databasePath, openDatabase } from '@/db/connection';
import * as engine from '@/lib/extract';
import { seedIfEmpty } from '@/seeds/load';
import { runIngestCli } from './ingest-cli';

// The engine exports EXTRACTOR_VERSION once it lands (lib/extract/index.ts); until then its
// placeholder has none.
const version = (engine as { EXTRACTOR_VERSION?: string }).EXTRACTOR_VERSION ?? 'placeholder';

process.exitCode = runIngestCli(process.argv.slice(2), {
  extractor: { version, extract: engine.extractQuotes },
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
