// npm run import -- FILE.json
// Loads a dataset document into the empty database at DATABASE_PATH (created if missing).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath } from '@/db/sqlite/connection';
import { removeWithSideFiles } from '@/db/sqlite/backup/files';
import { SafekeepingError } from '@/db/sqlite/backup/inspect';
import { DatabaseStartupError, openAppDatabase } from '@/db/sqlite/open-app-db';
import { importDataset } from '@/lib/dataset/import';
import { runCommand, UsageError } from './command';

const USAGE = 'usage: npm run import -- FILE.json   (into DATABASE_PATH, default data/standpoint.db, which must be empty or missing)';

runCommand(USAGE, async (argv) => {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('name one dataset file');
  const path = databasePath();
  // Before the database is opened, which would create it.
  if (!existsSync(positionals[0]!)) throw new SafekeepingError(`Cannot import ${resolve(positionals[0]!)}: no such file`);
  const created = !existsSync(path);
  let db;
  try {
    db = openAppDatabase(path);
  } catch (error) {
    if (error instanceof DatabaseStartupError) throw new SafekeepingError(error.message);
    throw error;
  }
  let imported = false;
  try {
    const report = importDataset(db, positionals[0]!);
    imported = true;
    const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
    return [
      `Imported ${report.file} into ${path}: ${total} rows in ${report.seconds.toFixed(2)} s`,
      `  ${Object.entries(report.rows).map(([table, n]) => `${table} ${n}`).join(', ')}`,
    ];
  } finally {
    db.$client.close();
    // A refused import into a database this command created leaves no empty database behind.
    if (!imported && created) removeWithSideFiles(path);
  }
});
