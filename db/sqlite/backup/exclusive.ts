// Taking a database for this process alone, to replace it safely. SQLite-specific: a connection in
// WAL mode keeps a shared lock on the file (and on the -shm file) for as long as it is open, idle
// or not, so an exclusive lock is granted only when no other connection, in any process, has the
// database open. A running server therefore makes the attempt fail at once.
import Database from 'better-sqlite3';

/**
 * - `alone`: the database is folded into one file for this process alone: every committed
 *   transaction in the -wal file (a crashed server's too) checkpointed into the main file;
 * - `in-use`: another connection has it open; nothing was changed;
 * - `unreadable`: SQLite cannot read the file at all (its header or first page is damaged), so no
 *   process can be using it either; it is left as it is.
 */
export type Exclusivity = 'alone' | 'in-use' | 'unreadable';

const UNREADABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export function checkpointAlone(path: string): Exclusivity {
  const client = new Database(path, { fileMustExist: true });
  try {
    // Fail at once rather than wait: a server holds its connection for its whole life.
    client.pragma('busy_timeout = 0');
    // Set before the first read, so that SQLite takes file locks instead of shared memory.
    client.pragma('locking_mode = EXCLUSIVE');
    try {
      client.exec('BEGIN IMMEDIATE');
      client.exec('COMMIT');
    } catch (error) {
      const code = String((error as { code?: unknown }).code);
      if (code === 'SQLITE_BUSY') return 'in-use';
      if (UNREADABLE.has(code)) return 'unreadable';
      throw error;
    }
    // In exclusive mode the lock is kept after COMMIT, so nobody can write in between.
    if (client.pragma('journal_mode', { simple: true }) === 'wal') {
      const [result] = client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      if (!result || result.busy !== 0) return 'in-use';
    }
    return 'alone';
  } catch (error) {
    if (UNREADABLE.has(String((error as { code?: unknown }).code))) return 'unreadable';
    throw error;
  } finally {
    client.close();
  }
}
