// The synthetic generator bypasses the app's write path for speed, so everything the write path
// and the triggers would guarantee is checked here on a generated database.
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/sqlite/connection';
import { createSyntheticDatabase } from '@/scripts/synthetic/database';
import type { GenerateReport } from '@/scripts/synthetic/generate';
import { readSeedWorld } from '@/scripts/synthetic/world';
import { createTestDb } from '../support/db';

const QUOTES = 2_000;
let dir: string;
let path: string;
let db: Db;
let report: GenerateReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-synthetic-'));
  path = join(dir, 'synthetic.db');
  report = await createSyntheticDatabase(path, { quotes: QUOTES, seed: 'test' });
  db = openDatabase(path);
}, 60_000);

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;

describe('synthetic database', () => {
  it('has exactly the requested number of quotes, mostly accepted, some suggested and rejected', () => {
    const states = Object.fromEntries(all<{ review_state: string; n: number }>(`select review_state, count(*) as n from quotes group by 1`).map((r) => [r.review_state, r.n]));
    expect(states.accepted! + states.suggested! + states.rejected!).toBe(QUOTES);
    expect(report.quotes).toBe(QUOTES);
    expect(states.accepted! / QUOTES).toBeGreaterThan(0.9);
    expect(states.suggested).toBeGreaterThan(0);
    expect(states.rejected).toBeGreaterThan(0);
    expect(one<{ n: number }>(`select count(distinct kind) as n from quotes`).n).toBe(2);
  });

  it('anchors every quote, speech cue and speaker mention at its true offsets', () => {
    const rows = all<{ id: number; start: number; end: number; text: string; body: string; cue_start: number | null; cue_end: number | null; speaker_start: number | null; speaker_end: number | null; speaker_label: string }>(
      `select q.id, q.start, q."end", q.text, s.body, q.cue_start, q.cue_end, q.speaker_start, q.speaker_end, q.speaker_label from quotes q join sources s on s.id = q.source_id`,
    );
    expect(rows).toHaveLength(QUOTES);
    const wrong = rows.filter((r) => r.body.slice(r.start, r.end) !== r.text).map((r) => r.id);
    expect(wrong).toEqual([]);
    const withCue = rows.filter((r) => r.cue_start !== null);
    expect(withCue.length).toBeGreaterThan(0);
    expect(withCue.filter((r) => r.body.slice(r.speaker_start!, r.speaker_end!) !== r.speaker_label).map((r) => r.id)).toEqual([]);
    const cues = new Set(withCue.map((r) => r.body.slice(r.cue_start!, r.cue_end!)));
    expect([...cues].every((c) => /^(said|added|wrote|told|warned|argued|insisted|According to)$/.test(c))).toBe(true);
  });

  it('writes 3-5 KB article bodies', () => {
    const { min, max } = one<{ min: number; max: number }>(`select min(length(body)) as min, max(length(body)) as max from sources`);
    expect(min).toBeGreaterThanOrEqual(2500);
    expect(max).toBeLessThanOrEqual(5200);
  });

  it('copies the listing keys exactly as the triggers compute them', () => {
    const client = db.$client;
    const quoteKeys = `select id, date_key, speaker_country, speaker_name from quotes order by id`;
    const stanceKeys = `select id, country_key, actor_name, topic_order, topic_slug from stances order by id`;
    const before = { quotes: client.prepare(quoteKeys).all(), stances: client.prepare(stanceKeys).all() };
    // Touching the columns the keys are copied from fires the update triggers, which recompute them.
    client.exec('BEGIN');
    try {
      client.exec(`UPDATE quotes SET said_at = said_at`);
      client.exec(`UPDATE stances SET actor_id = actor_id`);
      expect(client.prepare(quoteKeys).all()).toEqual(before.quotes);
      expect(client.prepare(stanceKeys).all()).toEqual(before.stances);
    } finally {
      client.exec('ROLLBACK');
    }
    expect(all(`select id from stances s where evidence_count <> (select count(*) from stance_evidence e where e.stance_id = s.id)`)).toEqual([]);
  });

  it('keeps the totals and the evidence per month equal to real counts', () => {
    const counters = Object.fromEntries(all<{ name: string; value: number }>(`select name, value from counters`).map((r) => [r.name, r.value]));
    const count = (sql: string) => one<{ n: number }>(sql).n;
    expect(counters).toEqual({
      sources: count(`select count(*) as n from sources`),
      actors: count(`select count(*) as n from actors`),
      topics: count(`select count(*) as n from topics`),
      quotes: count(`select count(*) as n from quotes where review_state = 'accepted'`),
      stances: count(`select count(*) as n from stances`),
      camps: count(`select count(*) as n from camps`),
    });
    const months = all(`select month, kind, count from quote_months where count <> 0 order by 1, 2`);
    const grouped = all(`select substr(date_key, 1, 7) as month, kind, count(*) as count from quotes where review_state = 'accepted' group by 1, 2 order by 1, 2`);
    expect(months).toEqual(grouped);
    expect(grouped.length).toBeGreaterThan(12);
  });

  it('finds with full-text search what a word match over the text finds', () => {
    // One of the invented places of the long tail, as the data has it.
    const near = all<{ text: string }>(`select text from quotes where text like '% near %' limit 50`).map((r) => / near ([A-Z][a-z]+)/.exec(r.text)?.[1]);
    const place = near.find((p) => p !== undefined)!;
    expect(place).toBeDefined();
    for (const word of ['NATO', 'Russia', 'sanctions', 'Ukraine', place]) {
      const pattern = new RegExp(`\\b${word}\\b`, 'i');
      const byLike = all<{ id: number; text: string; speaker_label: string }>(`select id, text, speaker_label from quotes where text like ? or speaker_label like ?`, `%${word}%`, `%${word}%`)
        .filter((r) => pattern.test(r.text) || pattern.test(r.speaker_label))
        .map((r) => r.id);
      const byFts = all<{ id: number }>(`select rowid as id from quotes_fts where quotes_fts match ? order by rowid`, `"${word}"`).map((r) => r.id);
      expect(byFts, word).toEqual(byLike);
      expect(byFts.length, word).toBeGreaterThan(0);
    }
    for (const word of ['Kremlin', 'summit']) {
      const pattern = new RegExp(`\\b${word}\\b`, 'i');
      const byLike = all<{ id: number; title: string; body: string }>(`select id, title, body from sources where body like ? or title like ?`, `%${word}%`, `%${word}%`)
        .filter((r) => pattern.test(r.body) || pattern.test(r.title))
        .map((r) => r.id);
      const byFts = all<{ id: number }>(`select rowid as id from sources_fts where sources_fts match ? order by rowid`, `"${word}"`).map((r) => r.id);
      expect(byFts, word).toEqual(byLike);
      expect(byFts.length, word).toBeGreaterThan(0);
    }
    // FTS5's own check that the index matches its content tables.
    db.$client.exec(`INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')`);
    db.$client.exec(`INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')`);
  });

  it('spreads the vocabulary: some words in most quotes, a long tail of rare ones', () => {
    db.$client.exec(`CREATE VIRTUAL TABLE temp.quotes_vocab USING fts5vocab(main, quotes_fts, row)`);
    try {
      const docs = (term: string) => one<{ doc: number } | undefined>(`select doc from temp.quotes_vocab where term = ?`, term)?.doc ?? 0;
      expect(docs('russia') / QUOTES).toBeGreaterThan(0.4);
      expect(docs('nato') / QUOTES).toBeGreaterThan(0.4);
      const rare = one<{ n: number }>(`select count(*) as n from temp.quotes_vocab where doc between 1 and 3`).n;
      expect(rare).toBeGreaterThan(100);
    } finally {
      db.$client.exec(`DROP TABLE temp.quotes_vocab`);
    }
  });

  it('is a sound database with the schema of a freshly migrated one', () => {
    expect(all(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
    expect(all(`PRAGMA foreign_key_check`)).toEqual([]);
    const fresh = createTestDb({ seed: false });
    try {
      // ANALYZE's statistics tables are SQLite's own, not part of the schema.
      const schema = (client: Db['$client']) =>
        client.prepare(`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_stat%' order by type, name`).all();
      expect(schema(db.$client)).toEqual(schema(fresh.db.$client));
      const migrations = `select hash, created_at from __drizzle_migrations order by id`;
      expect(db.$client.prepare(migrations).all()).toEqual(fresh.db.$client.prepare(migrations).all());
    } finally {
      fresh.cleanup();
    }
  });

  it('casts every ally, Russia, Ukraine, NATO and the EU under the seed slugs, with people and aliases', () => {
    const slugs = new Set(all<{ slug: string }>(`select slug from actors`).map((r) => r.slug));
    for (const a of readSeedWorld().actors) expect(slugs.has(a.slug), a.slug).toBe(true);
    const kinds = Object.fromEntries(all<{ kind: string; n: number }>(`select kind, count(*) as n from actors group by 1`).map((r) => [r.kind, r.n]));
    expect(kinds.state).toBe(34);
    expect(kinds.person! + kinds.anonymous!).toBeGreaterThan(250);
    expect(one<{ n: number }>(`select count(*) as n from actor_aliases a join actors p on p.id = a.actor_id where p.kind = 'person'`).n).toBeGreaterThan(250);
    expect(one<{ n: number }>(`select count(*) as n from topics`).n).toBeGreaterThanOrEqual(95);
    expect(all(`select slug from topics where json_array_length(scale_labels) <> 5`)).toEqual([]);
  });

  it('dates stances over the years with history, each resting on accepted evidence', () => {
    expect(one<{ n: number }>(`select count(*) as n from (select actor_id, topic_id from stances group by 1, 2 having count(*) >= 2)`).n).toBeGreaterThan(10);
    expect(all(`select id from stances where evidence_count < 1`)).toEqual([]);
    expect(all(`select e.quote_id from stance_evidence e join quotes q on q.id = e.quote_id where q.review_state <> 'accepted'`)).toEqual([]);
    const { first, last } = one<{ first: string; last: string }>(`select min(as_of) as first, max(as_of) as last from stances`);
    expect(Number(last.slice(0, 4)) - Number(first.slice(0, 4))).toBeGreaterThanOrEqual(9);
    expect(one<{ n: number }>(`select count(*) as n from camp_members`).n).toBeGreaterThan(0);
    expect(all(`select c.id from camps c where not exists (select 1 from camp_evidence e where e.camp_id = c.id)`)).toEqual([]);
  });

  it('gives the same database for the same seed, on a worker thread or not', async () => {
    const other = join(dir, 'inline.db');
    await createSyntheticDatabase(other, { quotes: QUOTES, seed: 'test', worker: false });
    const a = openDatabase(other, { readonly: true });
    try {
      for (const table of ['sources', 'quotes', 'stances', 'stance_evidence', 'camps', 'camp_members', 'actor_aliases']) {
        const dump = (client: Db['$client']) => client.prepare(`select * from ${table} order by rowid`).raw().all();
        expect(dump(a.$client), table).toEqual(dump(db.$client));
      }
    } finally {
      a.$client.close();
    }
  }, 60_000);

  it('refuses to write into a database that holds data, and leaves it untouched', async () => {
    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    const size = statSync(copy).size;
    await expect(createSyntheticDatabase(copy, { quotes: 10 })).rejects.toThrow(/already holds data.*--force/);
    expect(statSync(copy).size).toBe(size);
  });
});
