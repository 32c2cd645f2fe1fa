// The one door for writes: authorise, validate, then run the work in a single transaction
// so that a failure never leaves half a write behind.
import type { z } from 'zod';
import type { Db } from '@/db/connection';
import { ValidationError } from './errors';
import { assertCan, type Principal, type WriteAction } from './principal';
import type { Tx } from './store';

export function performWrite<S extends z.ZodType, R>(
  db: Db,
  principal: Principal,
  action: WriteAction,
  schema: S,
  input: unknown,
  work: (tx: Tx, value: z.infer<S>) => R,
  what: string = action,
): R {
  assertCan(principal, action);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(what, parsed.error);
  return db.transaction((tx) => work(tx, parsed.data));
}
