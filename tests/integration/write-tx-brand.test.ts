// Store functions take the write helper's transaction and nothing else. The type says so (the
// lines marked @ts-expect-error fail to compile if the bare database, or any object shaped like
// a transaction, were accepted; `npx tsc --noEmit` and `next build` check them), and so does the
// run time check for an object cast past the type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/connection';
import { sourceInput } from '@/lib/write/inputs';
import { insertSource, insertTopic, type WriteTx } from '@/lib/write/store';
import { createTestDb, type TestDb } from '@/tests/support/db';

let test: TestDb;
beforeAll(() => {
  test = createTestDb({ seed: false });
});
afterAll(() => test.cleanup());

const source = sourceInput.parse({ title: 'T', publisher: 'P', body: 'A body.' });

/** Never called: it exists for the compiler. */
export function typeLevel(db: Db, lookalike: Omit<WriteTx, never> & Record<string, unknown>) {
  // @ts-expect-error the bare database is not a write transaction
  insertSource(db, source);
  // @ts-expect-error nor is a transaction of drizzle's own, opened outside the helper
  db.transaction((tx) => insertTopic(tx, { slug: 'x', title: 'X', question: 'Q?', scaleLabels: ['a', 'b', 'c', 'd', 'e'], sortOrder: 0 }));
  // @ts-expect-error nor an object with the same methods and a principal: the brand is missing
  insertSource({ ...db, principal: { id: 'me', role: 'system', email: null, door: 'cli' }, at: '' }, source);
  // A real WriteTx type-checks (and is only ever made by the Writer).
  insertSource(lookalike, source);
}

describe('store functions and the bare database', () => {
  it('refuse at run time an object cast to WriteTx', () => {
    const cast = { ...test.db, principal: { id: 'me', role: 'system', email: null, door: 'cli' }, at: '' } as unknown as WriteTx;
    expect(() => insertSource(cast, source)).toThrow('store functions run only inside the write helper’s transaction');
    expect(test.db.$client.prepare('select count(*) from sources').pluck().get()).toBe(0);
  });
});
