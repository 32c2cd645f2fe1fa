// FTS5: turning a parsed search into a MATCH expression, and the statements that use it.
// The expression is built only from folded words (letters, digits, marks), each double-quoted,
// so no user input can reach FTS5's own query syntax.
import { sql, type SQL } from 'drizzle-orm';
import type { SearchQuery } from '@/lib/search/query';

export function ftsExpression(query: SearchQuery): string {
  return query.terms
    .map((t) => (t.kind === 'phrase' ? `"${t.words.join(' ')}"` : `"${t.word}"${t.prefix ? '*' : ''}`))
    .join(' AND ');
}

/** The index table of each searchable table; both are external-content FTS5 tables. */
export type FtsTable = 'quotes_fts' | 'sources_fts';

/** Matching rowids, at most `cap` of them: cheap, FTS5 reads only the doclists. */
export function ftsCountCapped(table: FtsTable, query: SearchQuery, cap: number): SQL<number> {
  return sql<number>`(select count(*) from (select rowid from ${sql.identifier(table)} where ${sql.identifier(table)} match ${ftsExpression(query)} limit ${cap}))`;
}

/** True when the row `rowid` matches: a probe FTS5 answers from the doclists of that rowid. */
export function ftsContains(table: FtsTable, rowid: SQL, query: SearchQuery): SQL {
  return sql`exists (select 1 from ${sql.identifier(table)} where ${sql.identifier(table)} match ${ftsExpression(query)} and rowid = ${rowid})`;
}

/** True when the row `rowid` is among the matches, read once as a list of ids. */
export function ftsIn(table: FtsTable, rowid: SQL, query: SearchQuery): SQL {
  return sql`${rowid} in (select rowid from ${sql.identifier(table)} where ${sql.identifier(table)} match ${ftsExpression(query)})`;
}

/** The rowids and bm25 rank (lower is better) of every match; join it for relevance order. */
export function ftsRanked(table: FtsTable, query: SearchQuery): SQL {
  return sql`(select rowid as match_id, rank as match_rank from ${sql.identifier(table)} where ${sql.identifier(table)} match ${ftsExpression(query)})`;
}
