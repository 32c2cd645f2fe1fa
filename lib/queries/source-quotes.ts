import 'server-only';
// The accepted quotes of one source, in text order, to highlight the article: a source holds
// tens of quotes, so they are read whole, through the quotes listing's own columns.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/sqlite/connection';
import { quotes } from '@/db/schema';
import { quoteListing, type QuoteItem } from '@/lib/listings/quotes';
import { read } from './cached';

export function getSourceQuotes(sourceId: number, db?: Db): Promise<QuoteItem[]> {
  return read(
    ['source-quotes', sourceId],
    (db) => {
      const rows = quoteListing
        .base(db, quoteListing.columns, null)
        .where(and(quoteListing.always, eq(quotes.sourceId, sourceId)))
        .orderBy(...quoteListing.sorts.source.keys)
        .all() as Parameters<typeof quoteListing.toItem>[0][];
      const items = rows.map(quoteListing.toItem);
      quoteListing.hydrate(items, db, null);
      return items;
    },
    db,
  );
}
