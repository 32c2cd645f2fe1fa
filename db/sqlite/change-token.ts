// A token that changes whenever the data may have changed, for read caches: SQLite's
// `PRAGMA data_version` changes when another connection (another process, such as the ingest
// command or a second server worker) commits, and `total_changes()` counts every row this
// connection has written, whichever code path wrote it.
import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Database.Statement>();

export function changeToken(client: Database.Database): string {
  let statement = statements.get(client);
  if (!statement) {
    statement = client.prepare('select total_changes()').pluck();
    statements.set(client, statement);
  }
  const version = client.pragma('data_version', { simple: true }) as number;
  return `${version}.${statement.get() as number}`;
}
