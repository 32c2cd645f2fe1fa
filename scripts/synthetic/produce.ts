// Writes the synthetic coverage as rows, in batches, without touching a database: it runs on a
// worker thread while the main thread inserts (see generate.ts), or inline. Every copied listing
// key is computed here exactly as the triggers of migration 0004 compute it, so they find nothing
// to change; totals and stances.evidence_count are left to the triggers.
import { createHash } from 'node:crypto';
import { aliasKey } from '@/lib/actors/alias-key';
import type { Confidence, QuoteKind, ReviewState } from '@/lib/domain/vocabulary';
import { ArticleBuilder, Places, articleLead, articleTitle, quoteText, type Polarity } from './article';
import { Prng, Zipf } from './prng';
import { COUNTRIES, PUBLISHERS, UNATTRIBUTED_LABELS, cap, slugify } from './vocab';
import { buildWorld, leanOf, pickWeighted, type World, type WorldActor, type WorldTopic } from './world';

export const DEFAULT_SEED = 'standpoint';
const FIRST_DAY = Date.UTC(2016, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2025, 11, 31) / 86_400_000;
const EXTRACTOR_VERSION = 'synthetic-extractor 1.0';
/** Quotes per batch handed to the loader. */
const BATCH_QUOTES = 2_000;

/** Tables in the order their rows are inserted (parents first); columns are in loader.ts. */
export const TABLES = [
  'actors',
  'actor_aliases',
  'topics',
  'sources',
  'quotes',
  'stances',
  'stance_evidence',
  'camps',
  'camp_evidence',
  'camp_members',
  'camp_member_evidence',
] as const;
export type Table = (typeof TABLES)[number];
export type Rows = Partial<Record<Table, unknown[][]>>;
export type Batch = { rows: Rows; quotesDone: number };

export type ProduceOptions = { quotes: number; seed?: string | number };
export type ProduceStats = { quotes: number; acceptedQuotes: number; sources: number; actors: number; topics: number; stances: number; evidence: number; camps: number };

type PairState = { stanceId: number; asOfDay: number; position: number; evidence: number; target: number; gap: number; evidenceIds: number[] };
type Statement = { id: number; text: string; speaker: WorldActor };
type Slot = { speaker: WorldActor | null; label: string; firstMention: boolean };
type ArticleRows = { sources: unknown[][]; quotes: unknown[][]; stances: unknown[][]; stance_evidence: unknown[][] };

const dayCache = new Map<number, string>();
function isoDay(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const clampPosition = (p: number) => Math.max(-2, Math.min(2, Math.round(p)));
const polarityOf = (position: number): Polarity => (position > 0 ? 1 : position < 0 ? -1 : 0);

export function produce(options: ProduceOptions, emit: (batch: Batch) => void): ProduceStats {
  return new Producer(options, emit).run();
}

class Producer {
  private readonly rng: Prng;
  private readonly world = buildWorld();
  private readonly places = new Places();
  private readonly topicsByCoverage: WorldTopic[];
  private readonly topicZipf: Zipf;
  /** The latest stance of each actor on each topic: key actorId * 4096 + topicId. */
  private readonly pairs = new Map<number, PairState>();
  /** Recent direct quotes that later articles may report again word for word. */
  private readonly statements: Statement[] = [];
  /** A few accepted quotes per topic, for camps whose members the coverage does not name. */
  private readonly topicQuotes = new Map<number, number[]>();
  private quoteId = 0;
  private sourceId = 0;
  private stanceId = 0;
  private evidenceRows = 0;
  private accepted = 0;
  private batch: ArticleRows = emptyBatch();

  constructor(
    private readonly options: ProduceOptions,
    private readonly emit: (batch: Batch) => void,
  ) {
    this.rng = new Prng(options.seed ?? DEFAULT_SEED);
    // Some questions are in the news far more than others.
    this.topicsByCoverage = shuffle(this.rng.fork('topics'), this.world.topics);
    this.topicZipf = new Zipf(this.topicsByCoverage.length, 0.6);
  }

  run(): ProduceStats {
    const total = this.options.quotes;
    this.emit({ rows: worldRows(this.world), quotesDone: 0 });
    while (this.quoteId < total) {
      this.article(total);
      if (this.batch.quotes.length >= BATCH_QUOTES || this.quoteId >= total) {
        this.emit({ rows: this.batch, quotesDone: this.quoteId });
        this.batch = emptyBatch();
      }
    }
    const camps = campRows(this.rng.fork('camps'), this.world, this.pairs, this.topicQuotes);
    this.emit({ rows: camps, quotesDone: this.quoteId });
    return {
      quotes: this.quoteId,
      acceptedQuotes: this.accepted,
      sources: this.sourceId,
      actors: this.world.actors.length,
      topics: this.world.topics.length,
      stances: this.stanceId,
      evidence: this.evidenceRows,
      camps: camps.camps!.length,
    };
  }

  /** One article and its quotes; articles come in date order over ten years. */
  private article(total: number): void {
    const { rng, world, places } = this;
    const topic = this.topicsByCoverage[this.topicZipf.sample(rng)]!;
    const day = Math.min(LAST_DAY, FIRST_DAY + Math.floor((this.quoteId / total) * (LAST_DAY - FIRST_DAY + 1)));
    const code = pickWeighted(rng, world.countryCodes, world.countryCumulative);
    let code2 = pickWeighted(rng, world.countryCodes, world.countryCumulative);
    if (code2 === code) code2 = world.countryCodes[(world.countryCodes.indexOf(code) + 1) % world.countryCodes.length]!;
    const country = COUNTRIES[code]!;
    const country2 = COUNTRIES[code2]!;
    const publisherIndex = rng.int(PUBLISHERS.length);
    const publisher = PUBLISHERS[publisherIndex]!;

    // Dates as articles carry them: most are dated, some only through the outlet they report
    // on, a few not at all.
    const dating = rng.next();
    const publishedAt = dating < 0.9 ? isoDay(day) : null;
    const originalPublisher = dating >= 0.9 && dating < 0.98 ? PUBLISHERS[(publisherIndex + 1 + rng.int(PUBLISHERS.length - 1)) % PUBLISHERS.length]! : null;
    const originalPublishedAt = originalPublisher ? isoDay(day - rng.int(3)) : null;
    const dateNote = publishedAt
      ? null
      : originalPublishedAt
        ? `The text carries no date; dated by the ${originalPublisher} report it cites.`
        : 'The text carries no date and none could be established.';
    const sourceDate = publishedAt ?? originalPublishedAt;

    const pool = this.speakers(code, code2);
    let weightSum = 0;
    // The first speakers picked carry the article.
    const poolCumulative = pool.map((_, i) => (weightSum += 1 / (i + 1)));

    const state = world.stateByCountry.get(code)!;
    const builder = new ArticleBuilder({
      rng,
      places,
      phrase: topic.phrase,
      title: articleTitle(rng, places, topic.phrase, country.inText, country2.inText, country.capital, polarityOf(clampPosition(leanOf(world, state, topic)))),
      dateline: `${country.capital} \u2022 ${publisher}`,
      lead: articleLead({ rng, places, phrase: topic.phrase, side: country.inText }, country.inText),
      publisher,
      city: country.capital,
      city2: country2.capital,
      country: country.inText,
      accession: state.natoAccessionYear,
      curlyQuotes: publisherIndex % 2 === 1,
      targetLength: rng.range(3000, 5000),
      maxLength: 5100,
    });

    const sourceId = ++this.sourceId;
    const wanted = Math.min(total - this.quoteId, rng.range(6, 16));
    for (let q = 0; q < wanted; q++) {
      const slot = pickWeighted(rng, pool, poolCumulative);
      if (!this.quote(builder, sourceId, slot, topic, sourceDate, day)) break;
      if (rng.chance(0.45)) builder.addFiller();
    }

    const body = builder.finish();
    this.batch.sources.push([
      sourceId,
      body.slice(0, body.indexOf('\n')),
      publisher,
      rng.chance(0.95) ? `https://news.example.org/${slugify(publisher)}/${(sourceDate ?? isoDay(day)).replaceAll('-', '/')}/${sourceId}-${topic.slug}` : null,
      publishedAt,
      originalPublisher,
      originalPublishedAt,
      dateNote,
      `${country.capital} \u2022 ${publisher}`,
      body,
      createHash('sha256').update(body, 'utf8').digest('hex'),
      `${sourceDate ?? isoDay(day)}T05:00:00.000Z`,
    ]);
  }

  /** Who speaks in an article: people of its country, perhaps of a second one, NATO or the EU. */
  private speakers(code: string, code2: string): Slot[] {
    const { rng, world } = this;
    const pool: Slot[] = [];
    const add = (key: string, count: number) => {
      const group = world.speakers.get(key);
      if (!group) return;
      for (let i = 0; i < count; i++) {
        const speaker = pickWeighted(rng, group.actors, group.cumulative);
        if (!pool.some((s) => s.speaker === speaker)) pool.push({ speaker, label: '', firstMention: true });
      }
    };
    add(code, rng.range(1, 3));
    if (rng.chance(0.6)) add(code2, rng.range(1, 2));
    if (rng.chance(0.4)) add(rng.chance(0.6) ? 'nato' : 'eu', 1);
    if (rng.chance(0.1)) pool.push({ speaker: null, label: rng.pick(UNATTRIBUTED_LABELS), firstMention: true });
    return pool;
  }

  /** Places one quote in the article; false when it no longer fits. */
  private quote(builder: ArticleBuilder, sourceId: number, slot: Slot, topic: WorldTopic, sourceDate: string | null, day: number): boolean {
    const { rng, world, places } = this;
    const repeat = slot.speaker && this.statements.length > 0 && rng.chance(0.02) ? this.statements[rng.int(this.statements.length)]! : null;
    const speaker = repeat ? repeat.speaker : slot.speaker;
    const kind: QuoteKind = repeat ? 'direct' : rng.chance(0.55) ? 'direct' : 'reported';
    const r = rng.next();
    const review: ReviewState = r < 0.95 ? 'accepted' : r < 0.98 ? 'suggested' : 'rejected';
    const saidAt = sourceDate && rng.chance(0.3) ? isoDay(Math.max(FIRST_DAY, dayOf(sourceDate) - rng.int(3))) : null;
    const dateKey = saidAt ?? sourceDate ?? '';

    // The stance this quote evidences, decided before the words so that they agree.
    const stanceActor = speaker?.stanceActorId ? world.actors[speaker.stanceActorId - 1]! : null;
    const key = stanceActor ? stanceActor.id * 4096 + topic.id : -1;
    const pair = stanceActor ? this.pairs.get(key) : undefined;
    const quoteDay = dateKey ? dayOf(dateKey) : -1;
    let action: 'new' | 'evidence' | null = null;
    let position = pair?.position ?? (stanceActor ? clampPosition(leanOf(world, stanceActor, topic)) : rng.range(-1, 1));
    if (stanceActor && review === 'accepted' && quoteDay >= 0 && !repeat) {
      const lean = leanOf(world, stanceActor, topic);
      if (!pair) {
        action = 'new';
        position = clampPosition(lean + (rng.next() + rng.next() - 1) * 1.5);
      } else if (quoteDay - pair.asOfDay >= pair.gap && rng.chance(0.5)) {
        // History: the position drifts toward the side's leaning, now and then against it.
        action = 'new';
        const target = clampPosition(lean + (rng.next() - 0.5) * 2);
        position = clampPosition(pair.position + Math.sign(target - pair.position) * (rng.chance(0.7) ? 1 : 0) + (rng.chance(0.1) ? rng.pick([-1, 1]) : 0));
      } else if (pair.evidence < pair.target && quoteDay >= pair.asOfDay) {
        action = 'evidence';
      }
    }

    const label = speaker ? rng.pick(slot.firstMention || repeat ? speaker.firstLabels : speaker.laterLabels) : slot.label;
    const side =
      stanceActor?.kind === 'organisation'
        ? stanceActor.slug === 'nato'
          ? 'the alliance'
          : 'the EU'
        : speaker?.countryCode
          ? (COUNTRIES[speaker.countryCode]?.inText ?? 'the government')
          : 'the government';
    const text = repeat ? repeat.text : quoteText(kind, polarityOf(position), { rng, places, phrase: topic.phrase, side });
    const placed = builder.addQuote(kind, text, label);
    if (!placed) return false;
    slot.firstMention = false;

    const id = ++this.quoteId;
    const extracted = review !== 'accepted' || rng.chance(0.5);
    const confidence = !extracted ? null : review === 'accepted' ? 0.7 + rng.next() * 0.3 : review === 'suggested' ? 0.3 + rng.next() * 0.6 : 0.1 + rng.next() * 0.5;
    this.batch.quotes.push([
      id,
      sourceId,
      placed.start,
      placed.end,
      text,
      kind,
      speaker?.id ?? null,
      placed.label,
      saidAt,
      review,
      confidence === null ? null : Math.round(confidence * 1000) / 1000,
      extracted ? EXTRACTOR_VERSION : null,
      extracted ? placed.cueStart : null,
      extracted ? placed.cueEnd : null,
      extracted ? placed.speakerStart : null,
      extracted ? placed.speakerEnd : null,
      repeat ? repeat.id : null,
      // The copied keys, as the triggers compute them.
      dateKey,
      speaker ? speaker.countryCode : null,
      speaker ? speaker.name : placed.label,
      `${dateKey || isoDay(day)}T${String(6 + rng.int(14)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}:00.000Z`,
    ]);
    if (review === 'accepted') {
      this.accepted++;
      const list = this.topicQuotes.get(topic.id) ?? [];
      if (list.length < 8) list.push(id);
      this.topicQuotes.set(topic.id, list);
      if (kind === 'direct' && speaker && !repeat) {
        if (this.statements.length < 512) this.statements.push({ id, text, speaker });
        else this.statements[rng.int(512)] = { id, text, speaker };
      }
    }

    if (action === 'new' && stanceActor) {
      const stanceId = ++this.stanceId;
      const confidenceLevel: Confidence = kind === 'direct' && speaker?.kind !== 'anonymous' ? (rng.chance(0.7) ? 'high' : 'medium') : rng.chance(0.6) ? 'medium' : 'low';
      this.batch.stances.push([
        stanceId,
        stanceActor.id,
        topic.id,
        dateKey,
        position,
        confidenceLevel,
        `${cap(topic.scaleLabels[position + 2]!)}: \u201c${excerpt(text)}\u201d`,
        stanceActor.countryCode ?? '~',
        stanceActor.name,
        topic.sortOrder,
        topic.slug,
        `${dateKey}T18:00:00.000Z`,
      ]);
      this.pairs.set(key, { stanceId, asOfDay: quoteDay, position, evidence: 1, target: rng.range(1, 6), gap: rng.range(240, 720), evidenceIds: [id] });
      this.batch.stance_evidence.push([stanceId, id]);
      this.evidenceRows++;
    } else if (action === 'evidence' && pair) {
      pair.evidence++;
      if (pair.evidenceIds.length < 3) pair.evidenceIds.push(id);
      this.batch.stance_evidence.push([pair.stanceId, id]);
      this.evidenceRows++;
    }
    return true;
  }
}

function emptyBatch(): ArticleRows {
  return { sources: [], quotes: [], stances: [], stance_evidence: [] };
}

function worldRows(world: World): Rows {
  const createdAt = isoDay(FIRST_DAY) + 'T00:00:00.000Z';
  const actors: unknown[][] = [];
  const aliases: unknown[][] = [];
  for (const a of world.actors) {
    actors.push([a.id, a.slug, a.name, a.kind, a.countryCode, a.organisationId, a.natoAccessionYear, createdAt]);
    const keys = new Set<string>();
    for (const alias of a.aliases) {
      const key = aliasKey(alias);
      if (keys.has(key)) continue;
      keys.add(key);
      aliases.push([a.id, alias, key]);
    }
  }
  const topics = world.topics.map((t) => [t.id, t.slug, t.title, t.question, JSON.stringify(t.scaleLabels), t.sortOrder, createdAt]);
  return { actors, actor_aliases: aliases, topics };
}

function shuffle<T>(rng: Prng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function excerpt(text: string): string {
  if (text.length <= 90) return text;
  const cut = text.lastIndexOf(' ', 90);
  return `${text.slice(0, cut > 40 ? cut : 90)}\u2026`;
}

/**
 * Per topic, the allies pushing hardest and those most opposed, as of their latest stance, with
 * the quotes that show it; now and then a camp the coverage describes without naming members.
 */
function campRows(rng: Prng, world: World, pairs: Map<number, PairState>, topicQuotes: Map<number, number[]>): Rows {
  const rows = { camps: [] as unknown[][], camp_evidence: [] as unknown[][], camp_members: [] as unknown[][], camp_member_evidence: [] as unknown[][] };
  let memberId = 0;
  const states = world.actors.filter((a) => a.kind === 'state');
  const write = (topic: WorldTopic, suffix: string, name: string, description: string, members: Array<{ actor: WorldActor; pair: PairState }>) => {
    const quotes = members.length ? [...new Set(members.slice(0, 3).map((m) => m.pair.evidenceIds[0]!))] : (topicQuotes.get(topic.id) ?? []).slice(0, 2);
    if (!quotes.length) return;
    const id = rows.camps.length + 1;
    rows.camps.push([id, `${topic.slug}-${suffix}`, topic.id, name, description, '2025-12-31T00:00:00.000Z']);
    for (const q of quotes) rows.camp_evidence.push([id, q]);
    for (const m of members) {
      const mid = ++memberId;
      rows.camp_members.push([mid, id, m.actor.id, isoDay(m.pair.asOfDay)]);
      for (const q of m.pair.evidenceIds.slice(0, 2)) rows.camp_member_evidence.push([mid, q]);
    }
  };
  for (const topic of world.topics) {
    const latest = states.flatMap((actor) => {
      const pair = pairs.get(actor.id * 4096 + topic.id);
      return pair ? [{ actor, pair }] : [];
    });
    const push = latest.filter((m) => m.pair.position >= 1);
    const against = latest.filter((m) => m.pair.position <= -1);
    if (push.length >= 2 && rng.chance(0.7)) {
      write(topic, 'advocates', `Advocates of ${topic.phrase}`, `Allies that ${topic.scaleLabels[4]} or ${topic.scaleLabels[3]}.`, push);
    }
    if (against.length >= 2 && rng.chance(0.7)) {
      write(topic, 'sceptics', `Sceptics of ${topic.phrase}`, `Allies that ${topic.scaleLabels[0]} or are ${topic.scaleLabels[1]}.`, against);
    }
    if (rng.chance(0.05)) {
      write(topic, 'mediators', `Mediators on ${topic.phrase}`, 'Allies described as seeking a compromise; the coverage names none of them.', []);
    }
  }
  return rows;
}
