import 'server-only';
// A listing as a JSON API endpoint: the spec's filters, sorts and CSV columns, served by the one
// runner. One page answers {items, nextCursor, order}; `limit=all` streams every row, as JSON or
// CSV, reading batch by batch so that memory stays flat however large the export.
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { checkApiReader, type ReadAccess } from '@/lib/auth/guard';
import { toCsv } from '@/lib/csv';
import { streamRows } from '@/lib/listing/runner';
import type { FilterDef, ListingSpec } from '@/lib/listing/types';
import { prepareListing, readListingPage } from '@/lib/listing/view';
import { badParams, handle } from './errors';

type AnyFilters = Record<string, FilterDef<any>>;

const encoder = new TextEncoder();

/** A response body that pulls one chunk at a time, so the reads keep pace with the client. */
function pullStream(chunks: Generator<string, void, undefined>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are sent: the best signal left is to cut the body short.
        console.error('Export failed', error);
        controller.error(error);
      }
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}

/**
 * GET handler for a listing. `access` says who may read it: 'public' follows PUBLIC_READ, the
 * review queue and audit log need an analyst, the user list an admin (401/403 otherwise).
 */
export function listingEndpoint<Row extends Record<string, unknown>, Item, F extends AnyFilters>(spec: ListingSpec<Row, Item, F>, access: ReadAccess = 'public') {
  return (request: Request): Promise<Response> =>
    handle(async () => {
      const reader = await checkApiReader(request, access);
      const db = getDb();
      const { request: listing, errors } = prepareListing(spec, new URL(request.url).searchParams, 'api', db);
      if (errors.length) return badParams(errors);
      // Anything read with credentials is the reader's own: no shared cache may keep it.
      const privacy: Record<string, string> = reader ? { 'Cache-Control': 'private, no-store' } : {};
      const filename = `standpoint-${spec.name}.csv`;
      const csvHeaders = { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, ...privacy };

      if (listing.limit === null) {
        const batches = streamRows(spec, listing, db);
        // Read the first batch now, so a bad cursor is still a 400 and not a broken stream.
        const first = batches.next();
        function* all(): Generator<Item[], void, undefined> {
          if (!first.done) yield first.value;
          yield* batches;
        }
        function* csv(): Generator<string, void, undefined> {
          let header = true;
          for (const batch of all()) {
            yield toCsv(batch, spec.csv, { header });
            header = false;
          }
          if (header) yield toCsv([], spec.csv);
        }
        function* json(): Generator<string, void, undefined> {
          yield '{"items":[';
          let separator = '';
          for (const batch of all()) {
            yield separator + batch.map((item) => JSON.stringify(item)).join(',');
            separator = ',';
          }
          yield '],"nextCursor":null}';
        }
        return listing.format === 'csv'
          ? new Response(pullStream(csv()), { headers: csvHeaders })
          : new Response(pullStream(json()), { headers: { 'Content-Type': 'application/json', ...privacy } });
      }

      const page = readListingPage(spec, listing, db);
      if (listing.format === 'csv') {
        return new Response(toCsv(page.items, spec.csv), { headers: { ...csvHeaders, ...(page.nextCursor ? { 'X-Next-Cursor': page.nextCursor } : {}) } });
      }
      return NextResponse.json({ items: page.items, nextCursor: page.nextCursor, order: page.order.param }, { headers: privacy });
    });
}
