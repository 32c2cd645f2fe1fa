// The one door for writes: check the principal's right, validate the input with zod, then run
// the work in one short IMMEDIATE transaction (the write lock is taken at BEGIN, so two writers
// never deadlock upgrading a read lock) with its audit entries, and turn what the driver throws
// into errors that say what happened. Kept free of 'server-only': the seed and the command-line
// tools write through here as the system; requests get their Writer from lib/write/perform.ts.
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/connection';
import { BusyError, ConflictError, ValidationError, WriteError } from './errors';
import { assertCan, systemPrincipal, type Principal, type WriteAction } from './principal';
import { closeWriteTx, openWriteTx, type ReadTx, type WriteTx } from './tx';

export type WriteSpec<S extends z.ZodType, R, P = undefined> = {
  action: WriteAction;
  schema: S;
  /** How the input is named in messages ("stance", "seed-data.json"); the action by default. */
  what?: string;
  /** Slow work on the valid input before the transaction (hashing a password), so the lock is held briefly. */
  prepare?: (value: z.infer<S>) => Promise<P>;
  /** The change; must record at least one audit entry (lib/write/audit.ts). */
  work: (tx: WriteTx, value: z.infer<S>, prepared: P) => R;
};

export class Writer {
  /** Made by the write helpers only: createWriter below for requests, systemWriter for the command line. */
  private constructor(
    private readonly db: Db,
    readonly principal: Principal,
  ) {}

  /** @internal for lib/write/perform.ts, which resolves the principal from the request. */
  static forResolvedPrincipal(db: Db, principal: Principal): Writer {
    return new Writer(db, principal);
  }

  /** Reads outside the write transaction (what to store is worked out before taking the lock). */
  get reads(): ReadTx {
    return this.db;
  }

  /** Refuses (ForbiddenError) unless the principal may do `action`; before any input is read. */
  authorize(action: WriteAction): void {
    assertCan(this.principal, action);
  }

  validate<S extends z.ZodType>(spec: Pick<WriteSpec<S, unknown, unknown>, 'action' | 'schema' | 'what'>, input: unknown): z.infer<S> {
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) throw ValidationError.fromZod(spec.what ?? spec.action, parsed.error);
    return parsed.data;
  }

  write<S extends z.ZodType, R>(spec: WriteSpec<S, R, undefined>, input: unknown): R {
    if (spec.prepare) throw new Error(`${spec.action} prepares its input: use writeAsync`);
    this.authorize(spec.action);
    return this.transact(spec, this.validate(spec, input), undefined);
  }

  async writeAsync<S extends z.ZodType, R, P>(spec: WriteSpec<S, R, P>, input: unknown): Promise<R> {
    this.authorize(spec.action);
    const value = this.validate(spec, input);
    const prepared = spec.prepare ? await spec.prepare(value) : (undefined as P);
    return this.transact(spec, value, prepared);
  }

  private transact<S extends z.ZodType, R, P>(spec: WriteSpec<S, R, P>, value: z.infer<S>, prepared: P): R {
    try {
      return this.db.transaction(
        (tx) => {
          const wtx = openWriteTx(tx, this.principal);
          const changesBefore = totalChanges(tx);
          try {
            const result = spec.work(wtx, value, prepared);
            const audited = closeWriteTx(wtx);
            // Every change is in the audit log: work that changed rows and recorded no entry is a
            // bug, and rolls back. (Work that finds nothing to do, a duplicate article, changes nothing.)
            if (audited === 0 && totalChanges(tx) !== changesBefore) throw new Error(`${spec.action} changed data without an audit entry`);
            return result;
          } finally {
            closeWriteTx(wtx);
          }
        },
        { behavior: 'immediate' },
      );
    } catch (error) {
      throw explainDriverError(error);
    }
  }
}

const totalChanges = (tx: { get<T>(query: SQL): T }) => tx.get<{ n: number }>(sql`select total_changes() as n`).n;

/** The system principal's writer: seeds and command-line tools. */
export function systemWriter(db: Db, name = 'cli'): Writer {
  return Writer.forResolvedPrincipal(db, systemPrincipal(name));
}

// Constraints people can run into, in words; the field is where a form shows the message.
const UNIQUE_MESSAGES: [match: RegExp, field: string, message: string][] = [
  [/actors\.slug/, 'slug', 'another actor has this slug (a deleted one counts: an admin can restore it)'],
  [/topics\.slug/, 'slug', 'another topic has this slug (a deleted one counts: an admin can restore it)'],
  [/camps\.slug/, 'slug', 'another camp has this slug (a deleted one counts: an admin can restore it)'],
  [/stances\.actor_id, stances\.topic_id, stances\.as_of|stances_actor_topic_as_of_unique/, 'asOf', 'this actor already has a stance on this topic as of this date: a new judgement needs its own date'],
  [/quotes\.source_id, quotes\.start, quotes\.end, quotes\.kind|quotes_span_unique/, 'start', 'another quote of this kind already covers exactly this span'],
  [/camp_members\.camp_id, camp_members\.actor_id|camp_members_camp_actor_unique/, 'actor', 'this actor is already a member of the camp'],
  [/users\.email/, 'email', 'an account with this email already exists'],
  [/sources\.body_sha256/, 'body', 'an article with this text is already stored'],
  [/sources\.url/, 'url', 'an article with this URL is already stored'],
  [/actor_aliases/, 'aliases', 'an alias is given twice'],
];

function sqliteCode(error: unknown): { code: string; message: string } | null {
  // drizzle wraps driver errors ("Failed query: ..."), keeping the driver's error as the cause.
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return { code, message: (e as Error).message };
  }
  return null;
}

/** What the driver threw, as an error that tells the writer what happened; never its raw text. */
export function explainDriverError(error: unknown): unknown {
  if (error instanceof WriteError) return error;
  const driver = sqliteCode(error);
  if (!driver) return error;
  const { code, message } = driver;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED') return new BusyError();
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const known = UNIQUE_MESSAGES.find(([match]) => match.test(message));
    return known ? new ConflictError(`${known[1]}: ${known[2]}`, undefined, known[1]) : new ConflictError('the change conflicts with an existing record');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new ConflictError('the change refers to a record that does not exist, or removes one that others refer to');
  if (code === 'SQLITE_CONSTRAINT_CHECK') {
    const name = /CHECK constraint failed: (\w+)/.exec(message)?.[1];
    return new ValidationError(`a value is outside what is allowed${name ? ` (${name.replace(/_check$/, '').replace(/_/g, ' ')})` : ''}`);
  }
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') {
    const column = /NOT NULL constraint failed: \w+\.(\w+)/.exec(message)?.[1];
    return new ValidationError(`a required value is missing${column ? ` (${column})` : ''}`);
  }
  // A trigger's RAISE: the message is the trigger's own words.
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return new ConflictError(message);
  return error;
}
