// Records for write tests, made through the write door as the system: each call makes new ones,
// so that every case of a table has its own to change.
import type { Db } from '@/db/connection';
import { quoteInput, sourceInput, suggestedQuoteInput } from '@/lib/write/inputs';
import { createActor, createCamp, createStance, createTopic, deleteRecord, type RecordKey } from '@/lib/write/operations';
import { insertQuote, insertSource } from '@/lib/write/store';
import { systemWriter } from '@/lib/write/writer';
import { inWriteTx } from './write';

let n = 0;
const next = () => ++n;

export const QUOTE_TEXT = 'We will hold the line on sanctions';

/** A new source whose body holds one quote, stored as accepted or as a suggestion. */
export function newQuote(db: Db, state: 'accepted' | 'suggested' = 'accepted') {
  const i = next();
  const body = `Article ${i}. The minister said on Monday: "${QUOTE_TEXT}, number ${i}." Others disagreed.`;
  return inWriteTx(db, (tx) => {
    const source = insertSource(tx, sourceInput.parse({ title: `Article ${i}`, publisher: 'Test Wire', publishedAt: '2025-03-01', body }));
    const start = body.indexOf(QUOTE_TEXT);
    const text = body.slice(start, body.indexOf('."', start));
    const base = { sourceId: source.id, start, end: start + text.length, text, kind: 'direct', speakerId: null, speakerLabel: 'the minister', saidAt: null };
    const quote =
      state === 'accepted'
        ? insertQuote(tx, quoteInput.parse(base))
        : insertQuote(tx, suggestedQuoteInput.parse({ ...base, reviewState: 'suggested', confidence: 0.3, extractorVersion: 'test' }), 'quote', 'source:ingest');
    return { sourceId: source.id, quoteId: quote.id, body, start, end: start + text.length, text };
  });
}

const system = (db: Db) => systemWriter(db, 'test');

export function newActor(db: Db) {
  const i = next();
  return system(db).write(createActor(), { name: `Test Minister ${i}`, kind: 'person', countryCode: 'EE', aliases: [`Minister ${i}`] });
}

export function newTopic(db: Db) {
  const i = next();
  return system(db).write(createTopic(), { title: `Test topic ${i}`, question: `Question ${i}?`, scaleLabels: ['a', 'b', 'c', 'd', 'e'] });
}

/** A new stance of a new actor on the given (or a new) topic, resting on a new accepted quote. */
export function newStance(db: Db, topic?: string) {
  const { quoteId } = newQuote(db);
  return system(db).write(createStance(), {
    actor: newActor(db).slug,
    topic: topic ?? newTopic(db).slug,
    position: 1,
    confidence: 'medium',
    asOf: '2025-03-01',
    summary: 'Holds the line.',
    evidence: [quoteId],
  });
}

export function newCamp(db: Db, withMember = false) {
  const { quoteId } = newQuote(db);
  const i = next();
  return system(db).write(createCamp(), {
    topic: newTopic(db).slug,
    name: `Test camp ${i}`,
    description: 'Allies who hold the line.',
    evidence: [quoteId],
    members: withMember ? [{ actor: newActor(db).slug, asOf: '2025-03-01', evidence: [quoteId] }] : [],
  });
}

export function softDelete(db: Db, key: RecordKey) {
  return system(db).write(deleteRecord(key), {});
}
