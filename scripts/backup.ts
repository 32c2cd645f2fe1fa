// npm run backup -- DEST [--force]
// A consistent copy of the database at DATABASE_PATH while the app serves, checked, then named DEST.
import { parseArgs } from 'node:util';
import { databasePath } from '@/db/sqlite/connection';
import { backupDatabase } from '@/db/sqlite/backup/backup';
import { formatBytes } from '@/db/sqlite/backup/files';
import { describeMigrations } from '@/db/sqlite/backup/inspect';
import { runCommand, UsageError } from './command';

const USAGE = 'usage: npm run backup -- DEST [--force]   (copies DATABASE_PATH, default data/standpoint.db; --force replaces an existing DEST)';

runCommand(USAGE, async (argv) => {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError('name one destination file');
  const report = await backupDatabase({ from: databasePath(), to: positionals[0]!, force: values.force });
  return [
    `Backed up ${report.from} to ${report.to}: ${formatBytes(report.bytes)}, ${describeMigrations(report.inspection)}, integrity_check ok`,
    `  copied in ${report.copySeconds.toFixed(2)} s (one snapshot; writers are not blocked), checked in ${report.checkSeconds.toFixed(2)} s`,
  ];
});
