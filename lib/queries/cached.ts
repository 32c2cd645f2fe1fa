import 'server-only';
// Runs a read on the app's connection through the read cache, behind the async boundary that
// pages and routes await (a PostgreSQL driver would be asynchronous here).
import { getDb } from '@/db/client';
import type { Db } from '@/db/sqlite/connection';
import { cachedRead } from '@/lib/cache/read-cache';

export async function read<T>(key: readonly unknown[], compute: (db: Db) => T, db: Db = getDb()): Promise<T> {
  return cachedRead(db.$client, JSON.stringify(key), () => compute(db));
}
