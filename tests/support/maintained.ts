// What the triggers of migration 0004 keep, read two ways: as stored, and as plain SQL computes it
// from the rows. Equal means the maintained data is true (see tests/integration/maintained-data.test.ts).
import type Database from 'better-sqlite3';

const all = (client: Database.Database, sql: string) => client.prepare(sql).all();

/** The maintained data as stored. */
export function maintainedData(client: Database.Database) {
  return {
    counters: Object.fromEntries((all(client, 'select name, value from counters order by name') as { name: string; value: number }[]).map((r) => [r.name, r.value])),
    quoteMonths: all(client, 'select month, kind, count from quote_months where count <> 0 order by 1, 2'),
    quoteKeys: all(client, 'select id, date_key, speaker_country, speaker_name from quotes order by id'),
    stanceKeys: all(client, 'select id, country_key, actor_name, topic_order, topic_slug, evidence_count from stances order by id'),
  };
}

/** The same, computed from the rows. */
export function computedData(client: Database.Database) {
  const count = (sql: string) => client.prepare(sql).pluck().get() as number;
  return {
    // Totals count live rows: a soft-deleted one is kept but not counted (migration 0007).
    counters: {
      actors: count('select count(*) from actors where deleted_at is null'),
      camps: count('select count(*) from camps where deleted_at is null'),
      quotes: count(`select count(*) from quotes where review_state = 'accepted' and deleted_at is null`),
      sources: count('select count(*) from sources where deleted_at is null'),
      stances: count('select count(*) from stances where deleted_at is null'),
      topics: count('select count(*) from topics where deleted_at is null'),
    },
    quoteMonths: all(
      client,
      `select substr(date_key, 1, 7) as month, kind, count(*) as count from quotes where review_state = 'accepted' and deleted_at is null group by 1, 2 order by 1, 2`,
    ),
    quoteKeys: all(
      client,
      `select q.id, coalesce(q.said_at, s.published_at, s.original_published_at, '') as date_key, a.country_code as speaker_country, coalesce(a.name, q.speaker_label) as speaker_name
       from quotes q join sources s on s.id = q.source_id left join actors a on a.id = q.speaker_id order by q.id`,
    ),
    stanceKeys: all(
      client,
      `select st.id, coalesce(a.country_code, '~') as country_key, a.name as actor_name, t.sort_order as topic_order, t.slug as topic_slug,
              (select count(*) from stance_evidence se where se.stance_id = st.id) as evidence_count
       from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id order by st.id`,
    ),
  };
}

/**
 * Problems of the full-text indexes: FTS5's own check of each index against its content table,
 * and (unless `words: false`, for large databases) every word of every quote found through the index.
 */
export function searchIndexProblems(client: Database.Database, options: { words?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const fts of ['quotes_fts', 'sources_fts']) {
    try {
      client.prepare(`insert into ${fts} (${fts}, rank) values ('integrity-check', 1)`).run();
    } catch (error) {
      problems.push(`${fts}: ${(error as Error).message}`);
    }
  }
  if (options.words === false) return problems;
  const words = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const rows = client.prepare('select id, text, speaker_label from quotes order by id').all() as { id: number; text: string; speaker_label: string }[];
  const byIndex = client.prepare(`select rowid from quotes_fts where quotes_fts match ? order by rowid`).pluck();
  for (const word of new Set(rows.flatMap((r) => words(`${r.text} ${r.speaker_label}`)))) {
    const expected = rows.filter((r) => words(`${r.text} ${r.speaker_label}`).includes(word)).map((r) => r.id);
    const found = byIndex.all(`"${word}"`);
    if (JSON.stringify(found) !== JSON.stringify(expected)) problems.push(`quotes_fts "${word}": ${JSON.stringify(found)} instead of ${JSON.stringify(expected)}`);
  }
  return problems;
}
