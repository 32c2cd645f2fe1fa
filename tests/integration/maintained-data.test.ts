// What the database keeps itself (migration 0004): the copied listing keys, the totals, the
// evidence per month and the search index stay equal to what plain SQL computes from the rows,
// through inserts, renames, re-dating, review decisions and deletes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createListingFixture } from '@/tests/fixtures/listings/fixture';

let fx: ReturnType<typeof createListingFixture>;
beforeEach(() => {
  fx = createListingFixture();
});
afterEach(() => fx.cleanup());

const all = (statement: string, ...params: unknown[]) => fx.db.$client.prepare(statement).all(...params);
const run = (statement: string, ...params: unknown[]) => fx.db.$client.prepare(statement).run(...params);

function expectConsistent() {
  expect(
    all(`select q.id from quotes q join sources s on s.id = q.source_id left join actors a on a.id = q.speaker_id
         where q.date_key is not coalesce(q.said_at, s.published_at, s.original_published_at, '')
            or q.speaker_country is not a.country_code
            or q.speaker_name is not coalesce(a.name, q.speaker_label)`),
    'quote keys',
  ).toEqual([]);
  expect(
    all(`select st.id from stances st join actors a on a.id = st.actor_id join topics t on t.id = st.topic_id
         where st.country_key is not coalesce(a.country_code, '~') or st.actor_name is not a.name
            or st.topic_order is not t.sort_order or st.topic_slug is not t.slug
            or st.evidence_count is not (select count(*) from stance_evidence se where se.stance_id = st.id)`),
    'stance keys',
  ).toEqual([]);
  // Totals count live rows only: a soft-deleted row is kept but not counted.
  const counters = Object.fromEntries((all('select name, value from counters') as { name: string; value: number }[]).map((r) => [r.name, r.value]));
  const live = (table: string, extra = '') => fx.db.$client.prepare(`select count(*) from ${table} where deleted_at is null ${extra}`).pluck().get();
  expect(counters).toEqual({
    sources: live('sources'),
    actors: live('actors'),
    topics: live('topics'),
    quotes: live('quotes', `and review_state = 'accepted'`),
    stances: live('stances'),
    camps: live('camps'),
  });
  expect(all('select month, kind, count from quote_months where count <> 0 order by 1, 2')).toEqual(
    all(`select substr(date_key, 1, 7) as month, kind, count(*) as count from quotes where review_state = 'accepted' and deleted_at is null group by 1, 2 order by 1, 2`),
  );
  for (const word of ['strategy', 'moscow', 'kremlin', 'orban', 'founding']) {
    const byIndex = fx.db.$client.prepare(`select rowid from quotes_fts where quotes_fts match ? order by rowid`).pluck().all(`"${word}"`);
    const byScan = (all('select id, text, speaker_label from quotes order by id') as { id: number; text: string; speaker_label: string }[])
      .filter((q) => `${q.text} ${q.speaker_label}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(word))
      .map((q) => q.id);
    expect(byIndex, word).toEqual(byScan);
  }
}

describe('maintained keys, totals and search index', () => {
  it('hold after loading', () => expectConsistent());

  it('hold when an actor is renamed or moves country, and a topic is reordered', () => {
    run(`update actors set name = 'Viktor Orban (PM)', country_code = 'SK' where slug = 'orban'`);
    run(`update actors set name = 'USA' where slug = 'united-states'`);
    run(`update topics set sort_order = 99, slug = 'strategy-now' where slug = 'new-strategy'`);
    expectConsistent();
  });

  it('hold when a source is re-dated and a quote is re-attributed, re-dated or edited', () => {
    run(`update sources set published_at = '2020-01-01' where id = 1`);
    run(`update sources set original_published_at = null where id = 3`);
    run(`update quotes set speaker_id = (select id from actors where slug = 'trump'), said_at = '2019-05-05' where id = 1`);
    run(`update quotes set speaker_id = null, speaker_label = 'someone' where id = 2`);
    run(`update quotes set text = 'Kremlin talk' where id = 3`);
    expectConsistent();
  });

  it('hold through review decisions, new evidence and deletes', () => {
    run(`update quotes set review_state = 'accepted' where review_state = 'suggested'`);
    run(`update quotes set review_state = 'rejected' where id = 5`);
    run(`update quotes set kind = 'reported' where id = 6`);
    run(`insert into stance_evidence (stance_id, quote_id) values (1, 5)`);
    run(`delete from stance_evidence where stance_id = 2`);
    run(`delete from camp_member_evidence`);
    run(`delete from camp_evidence`);
    run(`delete from camp_members`);
    run(`delete from camps where slug = 'hawks'`);
    run(`delete from quotes where id not in (select quote_id from stance_evidence) and review_state <> 'accepted'`);
    run(`insert into sources (title, publisher, body, body_sha256) values ('New', 'X', 'A new body about strategy', 'abc')`);
    run(`insert into quotes (source_id, start, end, text, kind, speaker_label) values (last_insert_rowid(), 2, 5, 'new', 'direct', 'Someone')`);
    expectConsistent();
  });

  it('hold through soft deletes and restores (an UPDATE of deleted_at), also of rows inserted deleted', () => {
    const before = all('select name, value from counters order by name');
    const at = '2025-06-01T00:00:00.000Z';
    for (const table of ['sources', 'actors', 'topics', 'stances', 'camps', 'quotes']) {
      run(`update ${table} set deleted_at = ?, deleted_by = 'test' where id in (select id from ${table} order by id limit 2)`, at);
      expectConsistent();
    }
    // Deleting again, or re-dating a deleted accepted quote, changes no total.
    run(`update quotes set deleted_at = '2025-07-01T00:00:00.000Z' where deleted_at is not null`);
    run(`update quotes set review_state = 'accepted', kind = 'reported' where deleted_at is not null`);
    expectConsistent();
    run(`insert into sources (title, publisher, body, body_sha256, deleted_at) values ('Gone', 'X', 'A deleted body', 'def', ?)`, at);
    run(`insert into quotes (source_id, start, end, text, kind, speaker_label, deleted_at) values (last_insert_rowid(), 2, 9, 'deleted', 'direct', 'Someone', ?)`, at);
    expectConsistent();
    run(`delete from quotes where deleted_at is not null and id not in (select quote_id from stance_evidence union select quote_id from camp_evidence union select quote_id from camp_member_evidence union select statement_id from quotes where statement_id is not null)`);
    expectConsistent();
    for (const table of ['sources', 'actors', 'topics', 'stances', 'camps', 'quotes']) run(`update ${table} set deleted_at = null, deleted_by = null`);
    expectConsistent();
    // Everything restored: the totals are back, plus the source that was inserted deleted.
    const after = Object.fromEntries((all('select name, value from counters') as { name: string; value: number }[]).map((r) => [r.name, r.value]));
    const old = Object.fromEntries((before as { name: string; value: number }[]).map((r) => [r.name, r.value]));
    expect({ ...after, quotes: 0 }).toEqual({ ...old, sources: old.sources! + 1, quotes: 0 });
  });
});
