// npm run restore -- FILE
// Replaces the database at DATABASE_PATH with a checked backup; the replaced file is kept beside it.
import { parseArgs } from 'node:util';
import { databasePath } from '@/db/sqlite/connection';
import { formatBytes } from '@/db/sqlite/backup/files';
import { restoreDatabase } from '@/db/sqlite/backup/restore';
import { runCommand, UsageError } from './command';

const USAGE = 'usage: npm run restore -- FILE   (replaces DATABASE_PATH, default data/standpoint.db; stop the server first)';

runCommand(USAGE, async (argv) => {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('name one backup file');
  const report = await restoreDatabase({ from: positionals[0]!, to: databasePath() });
  const migrated =
    report.migrationsBefore === report.migrationsAfter
      ? `${report.migrationsAfter} migrations`
      : `migrated forward from ${report.migrationsBefore} to ${report.migrationsAfter} migrations`;
  return [
    `Restored ${report.from} to ${report.to}: ${formatBytes(report.bytes)}, ${migrated}, in ${report.seconds.toFixed(2)} s`,
    report.previous ? `  the database it replaced is kept as ${report.previous}` : '  there was no database to replace',
    '  start the server now (a server that was running would keep reading the replaced file)',
  ];
});
