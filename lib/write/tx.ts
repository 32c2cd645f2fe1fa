// The write transaction, as a type only the write helper (lib/write/writer.ts) can make. Store
// functions take a WriteTx, never the database: so they cannot run outside the helper's
// transaction, with a principal the helper did not resolve. The brand is a symbol this module
// keeps to itself; at run time a WriteTx is also checked to be one that is open right now.
import type { Db } from '@/db/connection';
import type { Principal } from './principal';

/** What reads need: the database itself or a transaction. */
export type ReadTx = Pick<Db, 'select' | 'query' | 'all' | 'get'>;

const BRAND: unique symbol = Symbol('WriteTx');

export type WriteTx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'query' | 'all' | 'get'> & {
  readonly [BRAND]: true;
  /** Who is writing, as resolved by the write helper. */
  readonly principal: Principal;
  /** The transaction's one timestamp (ISO), for audit entries and soft deletes. */
  readonly at: string;
};

type DrizzleTx = Parameters<Parameters<Db['transaction']>[0]>[0];

const open = new WeakSet<object>();
const auditCounts = new WeakMap<WriteTx, number>();

/** Wraps an open drizzle transaction. Only lib/write/writer.ts calls this. */
export function openWriteTx(tx: DrizzleTx, principal: Principal): WriteTx {
  const wtx: WriteTx = {
    [BRAND]: true,
    select: tx.select.bind(tx) as Db['select'],
    insert: tx.insert.bind(tx) as Db['insert'],
    update: tx.update.bind(tx) as Db['update'],
    delete: tx.delete.bind(tx) as Db['delete'],
    query: tx.query as Db['query'],
    all: tx.all.bind(tx) as Db['all'],
    get: tx.get.bind(tx) as Db['get'],
    principal,
    at: new Date().toISOString(),
  };
  open.add(wtx);
  auditCounts.set(wtx, 0);
  return wtx;
}

export function closeWriteTx(tx: WriteTx): number {
  open.delete(tx);
  return auditCounts.get(tx) ?? 0;
}

/** Throws unless `tx` is a write transaction that is open now (not a cast, not a leftover). */
export function assertOpen(tx: WriteTx): void {
  if (!open.has(tx)) throw new Error('store functions run only inside the write helper’s transaction (lib/write/writer.ts)');
}

export function countAudit(tx: WriteTx): void {
  assertOpen(tx);
  auditCounts.set(tx, (auditCounts.get(tx) ?? 0) + 1);
}
