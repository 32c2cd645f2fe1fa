// A token that changes whenever the data may have changed, for read caches. SQLite's
// `PRAGMA data_version` changes when another connection (another process, e.g. the ingest
// command, or another server worker) commits; our own connection's commits are counted by
// `noteLocalWrite`, which the write door calls after every committed transaction.
import type Database from 'better-sqlite3';

const localWrites = new WeakMap<Database.Database, number>();

export function noteLocalWrite(client: Database.Database): void {
  localWrites.set(client, (localWrites.get(client) ?? 0) + 1);
}

export function changeToken(client: Database.Database): string {
  const version = client.pragma('data_version', { simple: true }) as number;
  return `${version}.${localWrites.get(client) ?? 0}`;
}
