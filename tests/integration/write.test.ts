// The write path: the Writer authorises, validates and runs one transaction with its audit
// entry; the store functions re-check rights and that a quote is exactly its slice of the source.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actors, auditLog, quotes, sources, topics } from '@/db/schema';
import { recordAudit } from '@/lib/write/audit';
import { ForbiddenError, ValidationError } from '@/lib/write/errors';
import { quoteInput, stanceInput, type QuoteInput } from '@/lib/write/inputs';
import { can, ROLES, WRITE_ACTIONS, type Principal, type Role, type WriteAction } from '@/lib/write/principal';
import { insertActor, insertCamp, insertQuote, insertSource, insertStance, insertTopic, type WriteTx } from '@/lib/write/store';
import { Writer } from '@/lib/write/writer';
import { countAllRows, createTestDb, type TestDb } from '@/tests/support/db';
import { principalAs as as, inWriteTx } from '@/tests/support/write';

const viewer = as('viewer');
const analyst = as('analyst');
const admin = as('admin');

/** The old performWrite's shape, on the Writer: one action, a schema, work with an audit entry. */
function performWrite<S extends z.ZodType, R>(db: TestDb['db'], principal: Principal, action: WriteAction, schema: S, input: unknown, work: (tx: WriteTx, value: z.infer<S>) => R, what?: string): R {
  return Writer.forResolvedPrincipal(db, principal).write(
    {
      action,
      schema,
      what,
      work: (tx, value) => {
        const result = work(tx, value);
        recordAudit(tx, { action, type: 'dataset', id: 'test', before: null, after: null });
        return result;
      },
    },
    input,
  );
}

let test: TestDb;
beforeEach(() => {
  test = createTestDb();
});
afterEach(() => test.cleanup());

/** The first seeded source, and a quote input that matches it exactly. */
function validQuote(overrides: Partial<QuoteInput> = {}): QuoteInput {
  const source = test.db.select().from(sources).orderBy(sources.id).get()!;
  const start = source.body.indexOf('NATO members');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = start + 'NATO members'.length;
  return {
    sourceId: source.id,
    start,
    end,
    text: source.body.slice(start, end),
    kind: 'reported',
    speakerId: null,
    speakerLabel: 'the article',
    saidAt: null,
    ...overrides,
  };
}

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

describe('rights', () => {
  const RIGHTS: [Role, WriteAction, boolean][] = [
    ['viewer', 'quote:create', false],
    ['viewer', 'source:create', false],
    ['analyst', 'quote:create', true],
    ['analyst', 'quote:accept', true],
    ['analyst', 'stance:create', true],
    ['analyst', 'camp:create', true],
    ['analyst', 'source:ingest', true],
    ['analyst', 'actor:update', true],
    ['analyst', 'topic:create', true],
    ['analyst', 'stance:delete', true],
    ['analyst', 'stance:restore', false],
    ['analyst', 'user:create', false],
    ['analyst', 'token:create', false],
    ['admin', 'stance:restore', true],
    ['admin', 'user:create', true],
    ['admin', 'seed:load', false],
    ['system', 'actor:create', true],
    ['system', 'seed:load', true],
  ];
  it.each(RIGHTS)('%s may %s: %s', (role, action, allowed) => {
    expect(can(as(role), action)).toBe(allowed);
  });

  it('a viewer may do nothing at all', () => {
    expect(WRITE_ACTIONS.filter((a) => can(viewer, a))).toEqual([]);
    expect(ROLES).toContain('viewer');
  });

  it('an admin may do all an analyst may, and restore every record type', () => {
    expect(WRITE_ACTIONS.filter((a) => can(analyst, a) && !can(admin, a))).toEqual([]);
    expect(WRITE_ACTIONS.filter((a) => a.endsWith(':restore') && !can(admin, a))).toEqual([]);
  });
});

describe('the Writer', () => {
  it.each(WRITE_ACTIONS)('refuses a viewer %s with ForbiddenError before running any work', (action) => {
    const work = vi.fn();
    const error = catchError(() => performWrite(test.db, viewer, action, quoteInput, validQuote(), work));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toContain(action);
    expect(work).not.toHaveBeenCalled();
  });

  it('writes a valid quote for an analyst', () => {
    const input = validQuote();
    const row = performWrite(test.db, analyst, 'quote:create', quoteInput, input, (tx, value) => insertQuote(tx, value));
    expect(row.text).toBe(input.text);
    expect(test.db.select().from(quotes).where(eq(quotes.id, row.id)).get()?.text).toBe(input.text);
  });

  it('reports invalid input as a ValidationError naming the field, without running the work', () => {
    const work = vi.fn();
    const error = catchError(() => performWrite(test.db, analyst, 'quote:create', quoteInput, { ...validQuote(), start: -1 }, work));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('quote:create.start');
    expect((error as ValidationError).fields).toEqual([{ field: 'start', message: expect.any(String) }]);
    expect(work).not.toHaveBeenCalled();
  });

  it('writes the audit entry in the same transaction, with who and through which door', () => {
    const input = validQuote();
    const row = performWrite(test.db, analyst, 'quote:create', quoteInput, input, (tx, value) => insertQuote(tx, value));
    const entry = test.db.select().from(auditLog).orderBy(auditLog.id).all().at(-1)!;
    expect(entry).toMatchObject({ userId: analyst.id, who: analyst.email, role: 'analyst', door: 'cli', action: 'quote:create' });
    expect(row.id).toBeGreaterThan(0);
  });

  it('refuses work that changes rows without an audit entry, and rolls it back', () => {
    const before = countAllRows(test.db);
    const error = catchError(() =>
      Writer.forResolvedPrincipal(test.db, analyst).write({ action: 'quote:create', schema: quoteInput, work: (tx, value) => insertQuote(tx, value) }, validQuote()),
    );
    expect(error.message).toContain('without an audit entry');
    expect(countAllRows(test.db)).toEqual(before);
  });

  it('refuses a transaction kept past its end', () => {
    let leaked: WriteTx | undefined;
    performWrite(test.db, admin, 'topic:create', stanceInput.optional(), undefined, (tx) => {
      leaked = tx;
    });
    expect(() => insertTopic(leaked!, { slug: 'late', title: 'Late', question: 'Q?', scaleLabels: ['a', 'b', 'c', 'd', 'e'], sortOrder: 1 })).toThrow('inside the write helper');
  });

  it('rolls the whole transaction back when the work fails part-way', () => {
    const before = countAllRows(test.db);
    const error = catchError(() =>
      performWrite(test.db, admin, 'quote:create', quoteInput, validQuote(), (tx, value) => {
        insertQuote(tx, value);
        insertQuote(tx, { ...value, text: 'not the slice' });
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(countAllRows(test.db)).toEqual(before);
  });
});

describe('insertQuote keeps quotes anchored to their source', () => {
  const write = (input: QuoteInput) =>
    performWrite(test.db, admin, 'quote:create', quoteInput, input, (tx, value) => insertQuote(tx, value, 'quote "probe"'));

  it('rejects text that is not the slice at start-end, naming expected and got', () => {
    const input = validQuote();
    const error = catchError(() => write({ ...input, text: 'NATO Members' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('quote "probe"');
    expect(error.message).toContain(`expected ${JSON.stringify(input.text)}`);
    expect(error.message).toContain('got "NATO Members"');
  });

  it('rejects offsets shifted by one even when the length matches', () => {
    const input = validQuote();
    const error = catchError(() => write({ ...input, start: input.start + 1, end: input.end + 1 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('does not match');
  });

  it('rejects a quote whose end is past the end of the body', () => {
    const input = validQuote();
    const body = test.db.select().from(sources).where(eq(sources.id, input.sourceId)).get()!.body;
    const error = catchError(() => write({ ...input, start: body.length - 3, end: body.length + 5, text: body.slice(body.length - 3) + '-----' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('past the end');
    expect(error.message).toContain(String(body.length));
  });

  it('rejects a quote of a source that does not exist', () => {
    const error = catchError(() => write({ ...validQuote(), sourceId: 999_999 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('999999');
  });

  it('leaves the quotes table unchanged after each rejection', () => {
    const before = countAllRows(test.db).quotes;
    catchError(() => write({ ...validQuote(), text: 'wrong' }));
    expect(countAllRows(test.db).quotes).toBe(before);
  });
});

describe('insertStance', () => {
  const ids = () => ({
    actorId: test.db.select().from(actors).where(eq(actors.slug, 'france')).get()!.id,
    topicId: test.db.select().from(topics).where(eq(topics.slug, 'founding-act')).get()!.id,
    quoteId: test.db.select().from(quotes).orderBy(quotes.id).get()!.id,
  });
  const stance = (evidenceQuoteIds: number[]) => {
    const { actorId, topicId } = ids();
    return { actorId, topicId, asOf: '2025-05-01', position: 1, confidence: 'low' as const, summary: 'Probe.', evidenceQuoteIds };
  };
  const write = (input: unknown) =>
    performWrite(test.db, analyst, 'stance:create', stanceInput, input, (tx, value) => insertStance(tx, value, 'stance "probe"'), 'stance "probe"');

  it('writes a stance with existing evidence', () => {
    expect(write(stance([ids().quoteId])).position).toBe(1);
  });

  it('rejects a stance without evidence', () => {
    const error = catchError(() => write(stance([])));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('stance "probe"');
  });

  it('rejects evidence quotes that do not exist, naming them', () => {
    const before = countAllRows(test.db);
    const error = catchError(() => write(stance([ids().quoteId, 888_888])));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('888888');
    expect(countAllRows(test.db)).toEqual(before);
  });
});

describe('store functions check again, inside the transaction', () => {
  // Each store call with valid input.
  const calls: [name: string, run: (tx: WriteTx) => unknown][] = [
    ['insertSource', (tx) => insertSource(tx, { title: 'T', publisher: 'P', url: null, publishedAt: null, originalPublisher: null, originalPublishedAt: null, dateNote: null, dateline: null, language: null, body: 'A new body.' })],
    ['insertActor', (tx) => insertActor(tx, { slug: 'probe', name: 'Probe', kind: 'person', countryCode: null, organisationId: null, natoAccessionYear: null, aliases: [], confirmed: true })],
    ['insertTopic', (tx) => insertTopic(tx, { slug: 'probe', title: 'Probe', question: 'Q?', scaleLabels: ['a', 'b', 'c', 'd', 'e'], sortOrder: 9 })],
    ['insertQuote', (tx) => insertQuote(tx, validQuote())],
    ['insertStance', (tx) => insertStance(tx, { actorId: 1, topicId: 1, asOf: '2025-05-01', position: 0, confidence: 'low', summary: 'S', evidenceQuoteIds: [1] })],
    ['insertCamp', (tx) => insertCamp(tx, { slug: 'probe', topicId: 1, name: 'N', description: 'D', evidenceQuoteIds: [1], members: [] })],
  ];

  it.each(calls)('%s refuses anything but an open write transaction (a cast object, say) and writes nothing', (_name, call) => {
    const before = countAllRows(test.db);
    expect(catchError(() => call({ ...test.db, principal: admin, at: '' } as unknown as WriteTx)).message).toContain('inside the write helper');
    expect(countAllRows(test.db)).toEqual(before);
  });

  it.each(calls)('%s succeeds for an admin (the call itself is valid)', (_name, call) => {
    const before = countAllRows(test.db);
    expect(inWriteTx(test.db, call, { principal: admin, action: 'topic:create' })).toMatchObject({ id: expect.any(Number) });
    expect(countAllRows(test.db)).not.toEqual(before);
  });

  it('refuses an analyst what only an admin may do, even inside a transaction opened for something the analyst may do', async () => {
    const { createUser, restoreRecord } = await import('@/lib/write/operations');
    const before = countAllRows(test.db);
    const restore = () => inWriteTx(test.db, (tx) => restoreRecord({ type: 'stance', id: 1 }).work(tx, {}, undefined), { principal: analyst, action: 'stance:delete' });
    expect(catchError(restore)).toBeInstanceOf(ForbiddenError);
    const addUser = () => inWriteTx(test.db, (tx) => createUser().work(tx, { email: 'x@y.z', password: 'long enough', role: 'admin' }, 'hash'), { principal: analyst, action: 'stance:delete' });
    expect(catchError(addUser)).toBeInstanceOf(ForbiddenError);
    expect(countAllRows(test.db)).toEqual(before);
  });
});
