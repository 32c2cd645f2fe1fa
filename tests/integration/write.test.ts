// The write path: performWrite authorises, validates and runs one transaction; the store
// functions re-check rights and that a quote is exactly its slice of the source.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actors, quotes, sources, topics } from '@/db/schema';
import { ValidationError } from '@/lib/write/errors';
import { quoteInput, stanceInput, type QuoteInput } from '@/lib/write/inputs';
import { performWrite } from '@/lib/write/perform';
import { can, ForbiddenError, ROLES, WRITE_ACTIONS, type Principal, type Role, type WriteAction } from '@/lib/write/principal';
import { insertActor, insertCamp, insertQuote, insertSource, insertStance, insertTopic, type Tx } from '@/lib/write/store';
import { countAllRows, createTestDb, type TestDb } from '@/tests/support/db';

const as = (role: Role): Principal => ({ id: `test:${role}`, role });
const viewer = as('viewer');
const analyst = as('analyst');
const editor = as('editor');

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
    ['analyst', 'stance:create', true],
    ['analyst', 'camp:create', true],
    ['analyst', 'source:create', false],
    ['analyst', 'actor:create', false],
    ['analyst', 'topic:create', false],
    ['editor', 'source:create', true],
    ['system', 'actor:create', true],
  ];
  it.each(RIGHTS)('%s may %s: %s', (role, action, allowed) => {
    expect(can(as(role), action)).toBe(allowed);
  });

  it('a viewer may do nothing at all', () => {
    expect(WRITE_ACTIONS.filter((a) => can(viewer, a))).toEqual([]);
    expect(ROLES).toContain('viewer');
  });
});

describe('performWrite', () => {
  it.each(WRITE_ACTIONS)('refuses a viewer %s with ForbiddenError before running any work', (action) => {
    const work = vi.fn();
    const error = catchError(() => performWrite(test.db, viewer, action, quoteInput, validQuote(), work));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toContain(action);
    expect(work).not.toHaveBeenCalled();
  });

  it('writes a valid quote for an analyst', () => {
    const input = validQuote();
    const row = performWrite(test.db, analyst, 'quote:create', quoteInput, input, (tx, value) => insertQuote(tx, analyst, value));
    expect(row.text).toBe(input.text);
    expect(test.db.select().from(quotes).where(eq(quotes.id, row.id)).get()?.text).toBe(input.text);
  });

  it('reports invalid input as a ValidationError naming the field, without running the work', () => {
    const work = vi.fn();
    const error = catchError(() => performWrite(test.db, analyst, 'quote:create', quoteInput, { ...validQuote(), start: -1 }, work));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('quote:create.start');
    expect(work).not.toHaveBeenCalled();
  });

  it('rolls the whole transaction back when the work fails part-way', () => {
    const before = countAllRows(test.db);
    const error = catchError(() =>
      performWrite(test.db, editor, 'quote:create', quoteInput, validQuote(), (tx, value) => {
        insertQuote(tx, editor, value);
        insertQuote(tx, editor, { ...value, text: 'not the slice' });
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(countAllRows(test.db)).toEqual(before);
  });
});

describe('insertQuote keeps quotes anchored to their source', () => {
  const write = (input: QuoteInput) =>
    performWrite(test.db, editor, 'quote:create', quoteInput, input, (tx, value) => insertQuote(tx, editor, value, 'quote "probe"'));

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
    performWrite(test.db, analyst, 'stance:create', stanceInput, input, (tx, value) => insertStance(tx, analyst, value), 'stance "probe"');

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

describe('store functions re-check rights when called directly', () => {
  // Each store call with valid input; only the principal is wrong.
  const calls: [name: string, run: (tx: Tx, who: Principal) => unknown][] = [
    ['insertSource', (tx, who) => insertSource(tx, who, { title: 'T', publisher: 'P', url: null, publishedAt: null, originalPublisher: null, originalPublishedAt: null, dateNote: null, dateline: null, language: null, body: 'A new body.' })],
    ['insertActor', (tx, who) => insertActor(tx, who, { slug: 'probe', name: 'Probe', kind: 'person', countryCode: null, organisationId: null, natoAccessionYear: null, aliases: [], confirmed: true })],
    ['insertTopic', (tx, who) => insertTopic(tx, who, { slug: 'probe', title: 'Probe', question: 'Q?', scaleLabels: ['a', 'b', 'c', 'd', 'e'], sortOrder: 9 })],
    ['insertQuote', (tx, who) => insertQuote(tx, who, validQuote())],
    ['insertStance', (tx, who) => insertStance(tx, who, { actorId: 1, topicId: 1, asOf: '2025-05-01', position: 0, confidence: 'low', summary: 'S', evidenceQuoteIds: [1] })],
    ['insertCamp', (tx, who) => insertCamp(tx, who, { slug: 'probe', topicId: 1, name: 'N', description: 'D', evidenceQuoteIds: [1], members: [] })],
  ];

  it.each(calls)('%s refuses a viewer and writes nothing', (_name, run) => {
    const before = countAllRows(test.db);
    expect(catchError(() => run(test.db, viewer))).toBeInstanceOf(ForbiddenError);
    expect(countAllRows(test.db)).toEqual(before);
  });

  it.each(calls)('%s succeeds for an editor (the call itself is valid)', (_name, run) => {
    const before = countAllRows(test.db);
    expect(run(test.db, editor)).toMatchObject({ id: expect.any(Number) });
    expect(countAllRows(test.db)).not.toEqual(before);
  });

  it.each(calls.slice(0, 3))('%s refuses an analyst, who may only code evidence', (_name, run) => {
    expect(catchError(() => run(test.db, analyst))).toBeInstanceOf(ForbiddenError);
  });
});
