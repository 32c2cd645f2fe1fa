// npm run export -- FILE.json [--force]
// The whole dataset of DATABASE_PATH as one deterministic JSON document (lib/dataset/).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databasePath } from '@/db/sqlite/connection';
import { formatBytes } from '@/db/sqlite/backup/files';
import { SafekeepingError } from '@/db/sqlite/backup/inspect';
import { DatabaseStartupError, openAppDatabase } from '@/db/sqlite/open-app-db';
import { exportDataset } from '@/lib/dataset/export';
import { runCommand, UsageError } from './command';

const USAGE = 'usage: npm run export -- FILE.json [--force]   (reads DATABASE_PATH, default data/standpoint.db; --force replaces an existing FILE)';

runCommand(USAGE, async (argv) => {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError('name one output file');
  const path = databasePath();
  if (!existsSync(path)) throw new SafekeepingError(`Cannot export ${path}: no such database`);
  let db;
  try {
    db = openAppDatabase(path);
  } catch (error) {
    if (error instanceof DatabaseStartupError) throw new SafekeepingError(error.message);
    throw error;
  }
  try {
    const report = exportDataset(db, positionals[0]!, { force: values.force });
    const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
    return [
      `Exported ${path} to ${report.file}: ${formatBytes(report.bytes)}, ${total} rows in ${report.seconds.toFixed(2)} s`,
      `  ${Object.entries(report.rows).map(([table, n]) => `${table} ${n}`).join(', ')}`,
      ...Object.entries(report.leftOut).map(([column, n]) => `  ${n} values in ${column} left out: their keys look like secrets`),
    ];
  } finally {
    db.$client.close();
  }
});
