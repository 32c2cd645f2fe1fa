// Replaces the live database with a backup, after checking the backup (SQLite-specific).
//
// Order of work, so that every refusal leaves the live database untouched:
// 1. the backup is checked: a SQLite file, every page sound, a migration history that is ours
//    and not newer than this version;
// 2. it is copied beside the live file, migrated forward there if it is older, checked against
//    the migrations, and flushed to disk;
// 3. the live database is taken for this process alone (refused while the server or anyone else
//    has it open) and its -wal checkpointed into it, so the file is complete;
// 4. the live file is kept under a second name (`<db>.before-restore-<time>`, a hard link: no copy),
//    its -wal and -shm are moved out of the way (they belong to the old file and would be replayed
//    into the new one), and the copy is renamed over it: atomic, a reader sees the old file or the
//    new one. A live file SQLite cannot read at all (a damaged header) is replaced the same way.
//
// A process that already has the database open keeps reading the file it opened (a rename does
// not redirect an open file), which is why restoring is refused while another process has it
// open: stop the server, restore, start it again.
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseStartupError, explain, openAppDatabase } from '../open-app-db';
import { appliedMigrationHashes } from '../schema-check';
import { copyDatabase } from './backup';
import { checkpointAlone } from './exclusive';
import { fileSize, fileTimestamp, fsyncFile, fsyncParent, removeWithSideFiles, sideFiles } from './files';
import { inspectDatabaseFile, openReader, SafekeepingError } from './inspect';

export type RestoreReport = {
  from: string;
  to: string;
  /** Where the replaced database was kept; null when there was none. */
  previous: string | null;
  /** Migrations the backup had, and has now. */
  migrationsBefore: number;
  migrationsAfter: number;
  bytes: number;
  seconds: number;
};

const IN_USE = 'the database is open in another process (is the server running?); stop it, then restore';

export async function restoreDatabase(options: { from: string; to: string; now?: () => Date }): Promise<RestoreReport> {
  const started = performance.now();
  const from = resolve(options.from);
  const to = resolve(options.to);
  const now = options.now ?? (() => new Date());
  const refuse = (problem: string) => new SafekeepingError(`Cannot restore ${from} to ${to}: ${problem}; nothing was changed`, problem);

  if (from === to) throw new SafekeepingError(`Cannot restore ${from}: it is the live database itself`);
  const inspection = inspectDatabaseFile(from, 'Cannot restore from', { integrity: true });

  const liveExists = existsSync(to);
  if (liveExists && !statSync(to).isFile()) throw refuse('the database path is not a file');
  // Fail before the copy rather than after it; checked again just before the swap.
  if (liveExists && checkpointAlone(to) === 'in-use') throw refuse(IN_USE);
  try {
    mkdirSync(dirname(to), { recursive: true });
  } catch (error) {
    throw refuse(`its directory cannot be created: ${explain(error)}`);
  }

  const temp = `${to}.restoring-${process.pid}`;
  removeWithSideFiles(temp);
  let migrationsAfter: number;
  try {
    const reader = openReader(from);
    try {
      await copyDatabase(reader.client, temp);
    } finally {
      reader.close();
    }
    // The same opener as the server's: refuses what is not ours, migrates forward, checks the schema.
    let restored: ReturnType<typeof openAppDatabase>;
    try {
      restored = openAppDatabase(temp);
    } catch (error) {
      if (error instanceof DatabaseStartupError) throw refuse(error.problem);
      throw error;
    }
    try {
      migrationsAfter = appliedMigrationHashes(restored.$client)?.length ?? 0;
    } finally {
      restored.$client.close(); // the last connection: checkpoints and removes the copy's -wal
    }
    if (sideFiles(temp).length) throw refuse('the restored copy kept a -wal file after closing; try again');
    fsyncFile(temp);

    let previous: string | null = null;
    if (liveExists) {
      if (checkpointAlone(to) === 'in-use') throw refuse(IN_USE);
      previous = keepPrevious(to, now());
      // The old file's -wal and -journal would be replayed into the new file: they go with the
      // kept file (empty after the checkpoint, unless SQLite could not read the file at all). The
      // -shm is an index of the -wal, rebuilt on opening.
      for (const suffix of ['-wal', '-journal']) if (existsSync(to + suffix)) renameSync(to + suffix, previous + suffix);
      rmSync(`${to}-shm`, { force: true });
    }
    renameSync(temp, to);
    fsyncParent(to);
    return {
      from,
      to,
      previous,
      migrationsBefore: inspection.migrations,
      migrationsAfter,
      bytes: fileSize(to) ?? 0,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    removeWithSideFiles(temp);
    if (error instanceof SafekeepingError) throw error;
    throw refuse(explain(error));
  }
}

/** Keeps the live file under `<db>.before-restore-<time>`: a hard link (no copy), else a copy. */
function keepPrevious(path: string, when: Date): string {
  const base = `${path}.before-restore-${fileTimestamp(when)}`;
  for (let n = 0; ; n++) {
    const name = n === 0 ? base : `${base}-${n}`;
    if (existsSync(name)) continue;
    try {
      linkSync(path, name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') continue;
      // File systems without hard links: a copy of the checkpointed, unused file is as good.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
      copyFileSync(path, name);
      fsyncFile(name);
    }
    return name;
  }
}
