// A few thousand rows of plausible data, inserted with plain SQL (the triggers fill in the
// copied listing keys, the counters and the search index), for tests that need volume: query
// plans only show their real shape once tables are larger than a page.
import type { Db } from '@/db/sqlite/connection';

export function fillBulk(db: Db, { sources = 300, quotesPerSource = 10, stancesPerActor = 30 } = {}): void {
  const c = db.$client;
  c.transaction(() => {
    const countries = ['HU', 'SK', 'US', 'PL', 'DE', 'FR'];
    const actorIds: number[] = [];
    countries.forEach((code, i) => {
      actorIds.push(Number(c.prepare(`insert into actors (slug, name, kind, country_code, nato_accession_year) values (?, ?, 'state', ?, 1999)`).run(`state-${code.toLowerCase()}`, `State ${code}`, code).lastInsertRowid));
      for (let p = 0; p < 50; p++) {
        actorIds.push(Number(c.prepare(`insert into actors (slug, name, kind, country_code) values (?, ?, 'person', ?)`).run(`person-${i}-${p}`, `Person ${i} ${p}`, code).lastInsertRowid));
      }
    });
    const topicIds: number[] = [];
    for (let t = 0; t < 10; t++) {
      topicIds.push(Number(c.prepare(`insert into topics (slug, title, question, scale_labels, sort_order) values (?, ?, ?, '["a","b","c","d","e"]', ?)`).run(`topic-${t}`, `Topic ${t}`, `Question ${t}?`, t).lastInsertRowid));
    }
    const insertSource = c.prepare(`insert into sources (title, publisher, published_at, body, body_sha256) values (?, 'Bulk', ?, ?, ?)`);
    const insertQuote = c.prepare(`insert into quotes (source_id, start, end, text, kind, speaker_id, speaker_label) values (?, ?, ?, ?, ?, ?, ?)`);
    const quoteIds: number[] = [];
    for (let s = 0; s < sources; s++) {
      const sentences = Array.from({ length: quotesPerSource }, (_, k) => `Sentence ${k} of article ${s} about NATO strategy and Russia number ${(s * 7 + k) % 97}.`);
      const body = sentences.join(' ');
      const date = `20${15 + (s % 10)}-${String(1 + (s % 12)).padStart(2, '0')}-${String(1 + (s % 28)).padStart(2, '0')}`;
      const sourceId = Number(insertSource.run(`Article ${s}`, s % 13 === 0 ? null : date, body, `bulk-${s}`).lastInsertRowid);
      let at = 0;
      sentences.forEach((text, k) => {
        const speaker = actorIds[(s + k) % actorIds.length]!;
        quoteIds.push(Number(insertQuote.run(sourceId, at, at + text.length, text, k % 3 === 0 ? 'reported' : 'direct', speaker, `Speaker ${speaker}`).lastInsertRowid));
        at += text.length + 1;
      });
    }
    const insertStance = c.prepare(`insert into stances (actor_id, topic_id, as_of, position, confidence, summary) values (?, ?, ?, ?, ?, 'Bulk stance')`);
    const insertEvidence = c.prepare(`insert into stance_evidence (stance_id, quote_id) values (?, ?)`);
    actorIds.forEach((actorId, a) => {
      for (let k = 0; k < stancesPerActor; k++) {
        const asOf = `20${15 + (k % 10)}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + a).padStart(2, '0')}`;
        const stanceId = Number(insertStance.run(actorId, topicIds[k % topicIds.length]!, asOf, (k % 5) - 2, ['low', 'medium', 'high'][k % 3]).lastInsertRowid);
        insertEvidence.run(stanceId, quoteIds[(a * 97 + k * 13) % quoteIds.length]!);
      }
    });
  })();
  c.exec('analyze');
}
