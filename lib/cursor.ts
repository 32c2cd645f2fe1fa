// Opaque keyset cursors: the sort-key values of the last row of a page, base64url-encoded.
// Keyset paging stays fast on deep pages, where OFFSET would scan every skipped row.
import { z } from 'zod';

export type CursorValue = string | number;

const cursorSchema = z.array(z.union([z.string(), z.number()])).min(1).max(8);

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Returns null when the cursor is not one this server made for a sort of `arity` keys. */
export function decodeCursor(cursor: string, arity: number): CursorValue[] | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.length === arity ? parsed.data : null;
  } catch {
    return null;
  }
}
