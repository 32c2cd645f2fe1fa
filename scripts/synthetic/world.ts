// The cast and the questions of the synthetic database: the seed's states and organisations
// (so that slugs like `united-states` and `hungary` match the real seed), a few hundred people
// and unnamed sources tied to them, and about a hundred topics. Ids are assigned here, in the
// order the rows are inserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorKind } from '@/lib/domain/vocabulary';
import { Prng } from './prng';
import {
  COUNTRIES,
  FIRST_NAMES,
  ORGANISATION_PEOPLE,
  ROLES,
  ROLE_WEIGHTS,
  SURNAMES,
  generatedTopics,
  roleTitle,
  slugify,
  type CountryInfo,
  type Region,
  type Topic,
} from './vocab';

export type WorldActor = {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  countryCode: string | null;
  organisationId: number | null;
  natoAccessionYear: number | null;
  aliases: string[];
  /** How the press names this speaker the first time in an article, and afterwards. */
  firstLabels: string[];
  laterLabels: string[];
  /** Whose stance a quote by this speaker evidences: their state or organisation, or themself. */
  stanceActorId: number | null;
  /** How often the press quotes this speaker within their country. */
  weight: number;
};

export type WorldTopic = Topic & { id: number; sortOrder: number; inverse: boolean };

export type Speakers = { actors: WorldActor[]; cumulative: number[] };

export type World = {
  actors: WorldActor[];
  topics: WorldTopic[];
  /** Speakers by country code, and 'nato' / 'eu' for the organisations. */
  speakers: Map<string, Speakers>;
  /** Country codes weighted by press coverage, for picking an article's subject. */
  countryCodes: string[];
  countryCumulative: number[];
  stateByCountry: Map<string, WorldActor>;
};

type SeedActor = {
  slug: string;
  name: string;
  kind: ActorKind;
  countryCode: string | null;
  organisation: string | null;
  natoAccessionYear: number | null;
  aliases: string[];
};
type SeedTopic = { slug: string; title: string; question: string; scaleLabels: [string, string, string, string, string]; sortOrder: number };

/** The seed's five topics, described the way the synthetic quotes talk about them. */
const SEED_TOPIC_PHRASES: Record<string, string> = {
  'new-russia-strategy': 'a new NATO strategy toward Russia',
  'founding-act': 'scrapping the NATO-Russia Founding Act',
  'kremlin-contacts': 'direct contacts with the Kremlin',
  'ukraine-talks': 'the US-led talks on Ukraine',
  'russia-threat': 'naming Russia as the main threat',
};
/** Questions where the allies most wary of Russia sit at the negative end of the scale. */
const INVERSE_TOPICS = new Set(['kremlin-contacts', 'ukraine-talks', 'ceasefire-negotiations', 'arms-control-talks-with-russia', 'restoring-the-nato-russia-council']);

export function readSeedWorld(seedsDir = join(process.cwd(), 'seeds')): { actors: SeedActor[]; topics: SeedTopic[] } {
  const seed = JSON.parse(readFileSync(join(seedsDir, 'seed-data.json'), 'utf8')) as { actors: SeedActor[]; topics: SeedTopic[] };
  return { actors: seed.actors, topics: seed.topics };
}

function article(word: string): string {
  return /^[AEIO]/.test(word) ? 'an' : 'a';
}

function cumulative(weights: number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}

export function pickWeighted<T>(rng: Prng, items: readonly T[], cumulativeWeights: readonly number[]): T {
  const u = rng.next() * cumulativeWeights[cumulativeWeights.length - 1]!;
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulativeWeights[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return items[lo]!;
}

export function buildWorld(seedsDir?: string): World {
  const rng = new Prng('standpoint-world');
  const seed = readSeedWorld(seedsDir);
  const actors: WorldActor[] = [];
  const bySlug = new Map<string, WorldActor>();
  const usedNames = new Set<string>();

  const add = (a: Omit<WorldActor, 'id'>): WorldActor => {
    let slug = a.slug;
    for (let n = 2; bySlug.has(slug); n++) slug = `${a.slug}-${n}`;
    const actor = { ...a, slug, id: actors.length + 1 };
    actors.push(actor);
    bySlug.set(slug, actor);
    return actor;
  };

  // 1. The seed's actors, as they are.
  for (const s of seed.actors) {
    const country = s.countryCode ? COUNTRIES[s.countryCode] : undefined;
    const organisationId = s.organisation ? (bySlug.get(s.organisation)?.id ?? null) : null;
    const labels = stateLabels(s, country);
    add({
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      countryCode: s.countryCode,
      organisationId,
      natoAccessionYear: s.natoAccessionYear,
      aliases: s.aliases,
      firstLabels: labels.length ? labels : s.aliases.length ? s.aliases : [s.name],
      laterLabels: labels.length ? labels : s.aliases.length ? s.aliases : [s.name],
      stanceActorId: null,
      weight: s.kind === 'anonymous' ? 1 : 2,
    });
  }
  const stateByCountry = new Map<string, WorldActor>();
  for (const a of actors) if (a.kind === 'state' && a.countryCode) stateByCountry.set(a.countryCode, a);
  const org = (slug: string) => bySlug.get(slug);
  for (const a of actors) {
    if (a.kind === 'state' || a.kind === 'organisation') a.stanceActorId = a.id;
    else if (a.organisationId) a.stanceActorId = a.organisationId;
    else if (a.countryCode) a.stanceActorId = stateByCountry.get(a.countryCode)?.id ?? null;
  }

  const personName = (region: Region) => {
    for (;;) {
      const name = `${rng.pick(FIRST_NAMES[region])} ${rng.pick(SURNAMES[region])}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const surname = (name: string) => name.split(' ').slice(1).join(' ');

  // 2. People and unnamed sources for every country the seed knows.
  for (const [code, state] of stateByCountry) {
    const country = COUNTRIES[code];
    if (!country) continue;
    ROLES.forEach((role, i) => {
      const name = personName(country.region);
      const title = roleTitle(code, role);
      const written = role === 'senior lawmaker' ? `${country.demonym} lawmaker ${name}` : `${country.demonym} ${title} ${name}`;
      const person = add({
        slug: slugify(name),
        name,
        kind: 'person',
        countryCode: code,
        organisationId: null,
        natoAccessionYear: null,
        aliases: [surname(name), `${title} ${surname(name)}`],
        firstLabels: [written],
        laterLabels: [surname(name)],
        stanceActorId: null,
        weight: ROLE_WEIGHTS[i]!,
      });
      // An opposition leader's words are their own position, not their government's.
      person.stanceActorId = role === 'opposition leader' ? person.id : state.id;
    });
    const unnamed: Array<[string, string, string[]]> = [
      [`${state.slug}-diplomats`, `${country.demonym} diplomats (unnamed)`, [`${article(country.demonym)} ${country.demonym} diplomat`, `${country.demonym} diplomats`]],
    ];
    if (!actors.some((a) => a.kind === 'anonymous' && a.countryCode === code)) {
      unnamed.push([`${state.slug}-senior-official`, `Senior ${country.demonym} official (unnamed)`, [`a senior ${country.demonym} official`, `${country.demonym} officials`]]);
    }
    for (const [slug, name, aliases] of unnamed) {
      add({ slug, name, kind: 'anonymous', countryCode: code, organisationId: null, natoAccessionYear: null, aliases, firstLabels: aliases, laterLabels: aliases, stanceActorId: state.id, weight: 2 });
    }
  }
  for (const [orgSlug, people] of Object.entries(ORGANISATION_PEOPLE)) {
    const organisation = org(orgSlug);
    if (!organisation) continue;
    people.forEach(({ role, region }, i) => {
      const name = personName(region);
      add({
        slug: slugify(name),
        name,
        kind: 'person',
        countryCode: null,
        organisationId: organisation.id,
        natoAccessionYear: null,
        aliases: [surname(name)],
        firstLabels: [`${role} ${name}`],
        laterLabels: [surname(name)],
        stanceActorId: organisation.id,
        weight: 4 - i,
      });
    });
  }

  // 3. Who speaks for each country and organisation.
  const speakers = new Map<string, Speakers>();
  const register = (key: string, a: WorldActor) => {
    const entry = speakers.get(key) ?? { actors: [], cumulative: [] };
    entry.actors.push(a);
    speakers.set(key, entry);
  };
  for (const a of actors) {
    if (a.kind === 'organisation') register(a.slug, a);
    else if (a.organisationId) register(actors[a.organisationId - 1]!.slug, a);
    else if (a.countryCode) register(a.countryCode, a);
  }
  for (const entry of speakers.values()) entry.cumulative = cumulative(entry.actors.map((a) => a.weight));

  const countryCodes = [...stateByCountry.keys()].filter((c) => COUNTRIES[c]);
  const topics: WorldTopic[] = [];
  for (const t of seed.topics) {
    topics.push({ ...t, id: topics.length + 1, phrase: SEED_TOPIC_PHRASES[t.slug] ?? t.title.toLowerCase(), inverse: INVERSE_TOPICS.has(t.slug) });
  }
  const seedSlugs = new Set(topics.map((t) => t.slug));
  let order = Math.max(0, ...topics.map((t) => t.sortOrder));
  for (const t of generatedTopics()) {
    if (seedSlugs.has(t.slug)) continue;
    topics.push({ ...t, id: topics.length + 1, sortOrder: ++order, inverse: INVERSE_TOPICS.has(t.slug) });
  }

  return {
    actors,
    topics,
    speakers,
    countryCodes,
    countryCumulative: cumulative(countryCodes.map((c) => COUNTRIES[c]!.coverage)),
    stateByCountry,
  };
}

/** How a state or organisation is named as a speaker ("the Hungarian government", "NATO"). */
function stateLabels(s: SeedActor, country: CountryInfo | undefined): string[] {
  if (s.kind === 'state' && country) return [`the ${country.demonym} government`, country.inText];
  if (s.slug === 'nato') return ['NATO', 'the Alliance'];
  if (s.slug === 'eu') return ['the EU', 'the European Union'];
  return [];
}

export function leanOf(world: World, actor: WorldActor, topic: WorldTopic): number {
  const code = actor.countryCode;
  const base = code ? (COUNTRIES[code]?.lean ?? 0.5) : actor.kind === 'organisation' || actor.organisationId ? 1 : 0.5;
  // Opposition leaders tend to pull against their government.
  const own = actor.kind === 'person' && actor.stanceActorId === actor.id ? -base * 0.5 : base;
  return topic.inverse ? -own : own;
}
