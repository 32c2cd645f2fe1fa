// SQLite JSON aggregates, used to fetch small nested lists with their parent row.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** A JSON array text of `value` over the rows of `from`, ordered by `orderBy`: '[]' when none. */
export function jsonArrayOf(value: SQLWrapper, from: SQL, orderBy: SQLWrapper): SQL<string> {
  return sql<string>`(select coalesce(json_group_array(v), '[]') from (select ${value} as v from ${from} order by ${orderBy}))`;
}

/** A JSON object text of the given fields, or null when the row does not exist. */
export function jsonObjectOf(fields: Record<string, SQLWrapper>, from: SQL): SQL<string | null> {
  const pairs = sql.join(
    Object.entries(fields).map(([key, value]) => sql`${key}, ${value}`),
    sql`, `,
  );
  return sql<string | null>`(select json_object(${pairs}) from ${from})`;
}

/**
 * `column in <the ids in one JSON array parameter>`: one statement whatever the number of ids,
 * so it can be prepared once (an `IN (?, ?, …)` list is a new statement for every length).
 */
export function inJsonArray(column: SQLWrapper, idsJson: SQLWrapper): SQL {
  return sql`${column} in (select value from json_each(${idsJson}))`;
}
