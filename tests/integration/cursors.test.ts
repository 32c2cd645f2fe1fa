// Cursors carry their listing, sort and filters and are signed: reusing one elsewhere, editing
// it, or bringing one from another database is refused naming `cursor`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@/lib/listing/cursor';
import { readPage } from '@/lib/listing/runner';
import type { AnyListing } from '@/lib/listing/types';
import { quoteListing } from '@/lib/listings/quotes';
import { stanceListing } from '@/lib/listings/stances';
import { BadParamError } from '@/lib/errors';
import { createListingFixture } from '@/tests/fixtures/listings/fixture';
import { parseChecked } from '@/tests/support/listing';

let fx: ReturnType<typeof createListingFixture>;
let other: ReturnType<typeof createListingFixture>;
beforeAll(() => {
  fx = createListingFixture();
  other = createListingFixture();
});
afterAll(() => {
  fx.cleanup();
  other.cleanup();
});

function firstCursor(spec: AnyListing, query: string, db = fx.db): string {
  const page = readPage(spec, parseChecked(spec, `${query}&limit=1`, db).request, db);
  expect(page.nextCursor).not.toBeNull();
  return page.nextCursor!;
}

function refusal(spec: AnyListing, query: string, cursor: string): string {
  const { request, errors } = parseChecked(spec, `${query}&limit=1&cursor=${cursor}`, fx.db);
  expect(errors).toEqual([]);
  try {
    readPage(spec, request, fx.db);
  } catch (error) {
    expect(error).toBeInstanceOf(BadParamError);
    expect((error as BadParamError).param).toBe('cursor');
    return (error as Error).message;
  }
  throw new Error('the cursor was accepted');
}

describe('cursor misuse', () => {
  it('continues the listing it was made for', () => {
    const cursor = firstCursor(quoteListing, 'sort=kind&country=HU');
    const { request } = parseChecked(quoteListing, `sort=kind&country=HU&limit=1&cursor=${cursor}`, fx.db);
    expect(readPage(quoteListing, request, fx.db).items).toHaveLength(1);
  });

  it('refuses a cursor of another listing', () => {
    expect(refusal(stanceListing, '', firstCursor(quoteListing, ''))).toMatch(/belongs to the quotes listing, not stances/);
  });

  it('refuses a cursor of another sort, or of the same sort the other way', () => {
    const cursor = firstCursor(quoteListing, 'sort=date');
    expect(refusal(quoteListing, 'sort=kind', cursor)).toMatch(/made for sort=date, not sort=kind/);
    expect(refusal(quoteListing, 'sort=-date', cursor)).toMatch(/made for sort=date, not sort=-date/);
  });

  it('refuses a cursor of other filters or another search', () => {
    const cursor = firstCursor(quoteListing, 'country=HU&sort=date');
    expect(refusal(quoteListing, 'country=PL&sort=date', cursor)).toMatch(/other filters/);
    expect(refusal(quoteListing, 'sort=date', cursor)).toMatch(/other filters/);
    expect(refusal(quoteListing, 'country=HU&sort=date&q=moscow', cursor)).toMatch(/other filters/);
  });

  it('refuses an edited, cut or made-up cursor', () => {
    const cursor = firstCursor(quoteListing, 'sort=date');
    const [payload, signature] = cursor.split('.') as [string, string];
    const values = JSON.parse(Buffer.from(payload, 'base64url').toString());
    values[3][0] = '9999-12-31';
    const edited = `${Buffer.from(JSON.stringify(values)).toString('base64url')}.${signature}`;
    for (const bad of [edited, payload, `${payload}.`, `${payload}.${signature.slice(1)}`, `${payload}.${signature}.x`, 'abc', encodeCursor('guessed-key', { listing: 'quotes', sort: 'date', filterHash: 'x' }, ['', 1, 1, 1])]) {
      expect(refusal(quoteListing, 'sort=date', bad)).toMatch(/not a cursor this server made/);
    }
  });

  it('refuses a cursor made by another database', () => {
    expect(refusal(quoteListing, 'sort=date', firstCursor(quoteListing, 'sort=date', other.db))).toMatch(/not a cursor this server made/);
  });
});
