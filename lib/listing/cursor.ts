// Keyset cursors: the sort-key values of a page's last row, with the listing, the sort and a hash
// of the filters they belong to, signed with the database's own key so that a forged or edited
// cursor is refused, and a cursor reused on another listing, sort or filter set is named as such.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { BadParamError } from '@/lib/errors';

export type CursorValue = string | number;
export type CursorContext = { listing: string; sort: string; filterHash: string };

const payloadSchema = z.tuple([z.string(), z.string(), z.string(), z.array(z.union([z.string(), z.number()])).min(1).max(12)]);

export function hashFilters(canonical: string): string {
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url').slice(0, 22);
}

export function encodeCursor(key: string, context: CursorContext, values: readonly CursorValue[]): string {
  const payload = Buffer.from(JSON.stringify([context.listing, context.sort, context.filterHash, values]), 'utf8').toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The key values to continue after; throws BadParamError('cursor', …) saying what is wrong. */
export function decodeCursor(key: string, cursor: string, expected: CursorContext, arity: number): CursorValue[] {
  const [payload, signature, ...rest] = cursor.split('.');
  const forged = () => new BadParamError('cursor', 'is not a cursor this server made (it may have been edited or cut short)');
  if (!payload || !signature || rest.length) throw forged();
  const good = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (good.length !== given.length || !timingSafeEqual(good, given)) throw forged();
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    throw forged();
  }
  const [listing, sort, filterHash, values] = parsed;
  if (listing !== expected.listing) throw new BadParamError('cursor', `belongs to the ${listing} listing, not ${expected.listing}`);
  if (sort !== expected.sort) throw new BadParamError('cursor', `was made for sort=${sort}, not sort=${expected.sort}: start again from the first page`);
  if (filterHash !== expected.filterHash) throw new BadParamError('cursor', 'was made for other filters: start again from the first page');
  if (values.length !== arity) throw forged();
  return values;
}
