// Inserts produced rows with prepared statements. Column lists match the row arrays of
// produce.ts; generated columns (sources.date_key, stances.confidence_rank) and trigger-kept
// totals (stances.evidence_count) are left out on purpose.
import type Database from 'better-sqlite3';
import { TABLES, type Rows, type Table } from './produce';

const INSERTS: Record<Table, string> = {
  actors: 'INSERT INTO actors (id, slug, name, kind, country_code, organisation_id, nato_accession_year, confirmed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)',
  actor_aliases: 'INSERT INTO actor_aliases (actor_id, alias, alias_key) VALUES (?, ?, ?)',
  topics: 'INSERT INTO topics (id, slug, title, question, scale_labels, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  sources: `INSERT INTO sources (id, title, publisher, url, published_at, original_publisher, original_published_at, date_note, dateline, language, body, body_sha256, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?)`,
  quotes: `INSERT INTO quotes (id, source_id, start, "end", text, kind, speaker_id, speaker_label, said_at, review_state, confidence, extractor_version,
      cue_start, cue_end, speaker_start, speaker_end, statement_id, date_key, speaker_country, speaker_name, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  stances: `INSERT INTO stances (id, actor_id, topic_id, as_of, position, confidence, summary, country_key, actor_name, topic_order, topic_slug, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  stance_evidence: 'INSERT INTO stance_evidence (stance_id, quote_id) VALUES (?, ?)',
  camps: 'INSERT INTO camps (id, slug, topic_id, name, description, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  camp_evidence: 'INSERT INTO camp_evidence (camp_id, quote_id) VALUES (?, ?)',
  camp_members: 'INSERT INTO camp_members (id, camp_id, actor_id, as_of) VALUES (?, ?, ?, ?)',
  camp_member_evidence: 'INSERT INTO camp_member_evidence (member_id, quote_id) VALUES (?, ?)',
};

/** Rows per INSERT statement: each statement run costs far more than each row it adds. */
const ROWS_PER_STATEMENT = 32;

function multiRow(sql: string, rows: number): string {
  const at = sql.lastIndexOf('VALUES');
  const tuple = sql.slice(at + 'VALUES'.length).trim();
  return `${sql.slice(0, at)}VALUES ${Array<string>(rows).fill(tuple).join(', ')}`;
}

export class Loader {
  private readonly statements: Record<Table, Database.Statement>;
  private readonly multiStatements: Record<Table, Database.Statement>;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private pending = 0;

  constructor(
    private readonly client: Database.Database,
    /** Rows per transaction: large, since nothing is read back until the load is done. */
    private readonly rowsPerTransaction = 100_000,
  ) {
    this.statements = Object.fromEntries(TABLES.map((t) => [t, client.prepare(INSERTS[t])])) as Record<Table, Database.Statement>;
    this.multiStatements = Object.fromEntries(TABLES.map((t) => [t, client.prepare(multiRow(INSERTS[t], ROWS_PER_STATEMENT))])) as Record<Table, Database.Statement>;
    this.begin = client.prepare('BEGIN');
    this.commit = client.prepare('COMMIT');
  }

  insert(rows: Rows): void {
    if (!this.client.inTransaction) this.begin.run();
    for (const table of TABLES) {
      const list = rows[table];
      if (!list) continue;
      const multi = this.multiStatements[table];
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= list.length; i += ROWS_PER_STATEMENT) multi.run(list.slice(i, i + ROWS_PER_STATEMENT).flat());
      const single = this.statements[table];
      for (; i < list.length; i++) single.run(list[i]);
      this.pending += list.length;
    }
    if (this.pending >= this.rowsPerTransaction) this.flush();
  }

  flush(): void {
    if (this.client.inTransaction) this.commit.run();
    this.pending = 0;
  }

  abort(): void {
    if (this.client.inTransaction) this.client.exec('ROLLBACK');
  }
}
