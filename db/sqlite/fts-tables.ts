// The FTS5 index tables (created by migration 0004, not by drizzle-kit, so they are declared
// here rather than in db/schema.ts) as drizzle tables, to join them in typed selects.
import { integer, real, sqliteTable } from 'drizzle-orm/sqlite-core';

export const quotesFts = sqliteTable('quotes_fts', { rowid: integer('rowid').notNull(), rank: real('rank').notNull() });
export const sourcesFts = sqliteTable('sources_fts', { rowid: integer('rowid').notNull(), rank: real('rank').notNull() });
