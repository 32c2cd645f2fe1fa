// An in-process cache of reads, emptied whenever the data may have changed: any row written by
// this connection, or a commit by any other (db/sqlite/change-token.ts). Every read through it
// is correct as of the latest commit; it only saves repeating identical work.
// STANDPOINT_READ_CACHE=off turns it off (benchmarks measure both).
import type Database from 'better-sqlite3';
import { changeToken } from '@/db/sqlite/change-token';

const MAX_ENTRIES = 1000;

type Cache = { token: string; entries: Map<string, unknown> };
const caches = new WeakMap<Database.Database, Cache>();

export function readCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.STANDPOINT_READ_CACHE !== 'off';
}

export function cachedRead<T>(client: Database.Database, key: string, compute: () => T): T {
  if (!readCacheEnabled()) return compute();
  const token = changeToken(client);
  let cache = caches.get(client);
  if (!cache || cache.token !== token) {
    cache = { token, entries: new Map() };
    caches.set(client, cache);
  }
  if (cache.entries.has(key)) {
    const value = cache.entries.get(key) as T;
    // Map order is insertion order: re-inserting marks the entry as recently used.
    cache.entries.delete(key);
    cache.entries.set(key, value);
    return value;
  }
  const value = compute();
  cache.entries.set(key, value);
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  return value;
}
