// Turns the chosen mention and the entity it stands for into the contract's Speaker: a name as the
// article gives it, a kind, and the country and organisation spoken for — from the speaker's own
// words first ("a senior US official", "Russia's Foreign Ministry"), then from what the article
// says of the person elsewhere, then from known actors and the built-in list of public figures.
import type { KnownActor } from './options';
import type { Speaker } from './types';
import type { Entity } from './entities';
import type { Mention } from './mentions';
import { foldKey, lookupPhrase, COUNTRY_ADJECTIVES } from './lexicon';

export type ActorIndex = Map<string, KnownActor>;

export function indexActors(actors: readonly KnownActor[] | undefined): ActorIndex {
  const index: ActorIndex = new Map();
  for (const a of actors ?? []) {
    for (const n of [a.name, ...a.aliases]) {
      const key = foldKey(n);
      if (key && !index.has(key)) index.set(key, a);
    }
  }
  return index;
}

function findActor(actors: ActorIndex, names: readonly string[]): KnownActor | null {
  for (const n of names) {
    const a = actors.get(foldKey(n));
    if (a) return a;
  }
  return null;
}

const GOVERNMENT_HEADS = /^(ministry|foreign ministry|defence ministry|defense ministry|government|embassy|administration|cabinet|presidency|parliament|foreign office|army|military|navy|armed forces|authorities|leadership|regime|mission|delegation|press service|office)$/;

function stripDeterminer(s: string): string {
  return s.replace(/^(the|a|an)\s+/i, '');
}

/** What the article as a whole is about: the country and the international organisation it names most. */
export type ArticleContext = { country: string | null; organisation: string | null };

export function articleContext(mentions: readonly Mention[]): ArticleContext {
  const countries = new Map<string, number>();
  const orgs = new Map<string, number>();
  const firstPara = mentions.find((m) => m.kind !== 'pronoun')?.para ?? 0;
  for (const m of mentions) {
    if (m.kind === 'pronoun' || m.kind === 'place') continue;
    let code = m.countryCode;
    if (!code && m.kind === 'person' && m.entry?.type === 'person') code = m.entry.countryCode;
    // The opening paragraph says what the story is about: it counts more.
    if (code) countries.set(code, (countries.get(code) ?? 0) + (m.para === firstPara ? 2 : 1));
    if (m.organisation && isInternational(m.organisation)) orgs.set(m.organisation, (orgs.get(m.organisation) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>): string | null => {
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    const total = sorted.reduce((sum, [, n]) => sum + n, 0);
    const first = sorted[0];
    return first && first[1] >= 2 && first[1] / total >= 0.35 ? first[0] : null;
  };
  return { country: top(countries), organisation: top(orgs) };
}

const STATE_BODY_WORDS = /\b(air force|army|navy|armed forces|forces|general staff|ministry|government|parliament|police|border guard|guard|security service|intelligence|command|presidency|cabinet|embassy|prosecutor|office)\b/i;

// Speakers that speak for a government, whose country is the article's when their words do not say.
const GOVERNMENT_WORDS = /\b(official|officials|spokesman|spokeswoman|spokesperson|spokespeople|government|administration|ministry|minister|ministers|secretary|cabinet|presidency|embassy|aide|aides|adviser|advisers|advisor|lawmaker|lawmakers|mp|mps|senator|parliament)\b/i;
// Unnamed speakers who need not belong to the article's country: diplomats, sources, experts.
const UNAFFILIATED_HEADS = new Set(['ambassador', 'ambassadors', 'envoy', 'envoys', 'delegate', 'delegates', 'negotiator', 'negotiators', 'diplomat', 'diplomats', 'source', 'sources', 'interlocutor', 'interlocutors', 'insider', 'insiders', 'person', 'people', 'individual', 'individuals', 'observer', 'observers', 'analyst', 'analysts', 'expert', 'experts', 'participant', 'participants', 'witness', 'witnesses']);
// Collective speakers: "NATO leaders", "the 32 leaders of the Alliance", "EU ministers".
const COLLECTIVE_HEADS = new Set(['leaders', 'allies', 'members', 'ministers', 'countries', 'nations', 'governments', 'capitals', 'states', 'member states', 'heads of state', 'leadership']);

export function toSpeaker(m: Mention, e: Entity | null, mentions: readonly Mention[], actors: ActorIndex, context: ArticleContext = { country: null, organisation: null }): Speaker | null {
  const speaker = speakerOf(m, e, mentions, actors);
  if (!speaker) return null;
  if (speaker.kind !== 'state' && !speaker.countryCode && !speaker.organisation) {
    const words = `${speaker.name} ${e ? [...e.roles].join(' ') : ''}`;
    if (COLLECTIVE_HEADS.has(e?.head ?? m.head) && context.organisation) {
      return { ...speaker, kind: 'organisation', organisation: context.organisation };
    }
    // "a senior European defence official", "a Western diplomat": no single country.
    const supranational = /\b(european|western|eastern|nordic|baltic|allied|international|foreign|transatlantic|g7|nato|eu)\b/i.test(speaker.name);
    const unaffiliated = speaker.kind === 'anonymous' && (UNAFFILIATED_HEADS.has(m.head) || supranational);
    if (!unaffiliated && (speaker.kind === 'person' || speaker.kind === 'anonymous' || GOVERNMENT_WORDS.test(words))) speaker.countryCode = context.country;
  }
  return speaker;
}

function speakerOf(m: Mention, e: Entity | null, mentions: readonly Mention[], actors: ActorIndex): Speaker | null {
  const kind = e?.kind ?? m.kind;
  const name = e?.name ?? m.text;
  const head = e?.head ?? m.head;
  const org = e?.organisation ?? m.organisation;
  if ((kind === 'anon' || kind === 'group' || kind === 'role') && COLLECTIVE_HEADS.has(head) && org && isInternational(org)) {
    return { name: stripDeterminer(name), kind: 'organisation', countryCode: null, organisation: org };
  }
  switch (kind) {
    case 'person': {
      const words = name.split(/\s+/);
      const names = [name, words[words.length - 1]!];
      const actor = findActor(actors, names);
      const known = lookupPhrase(name).find((x) => x.type === 'person') ?? lookupPhrase(words[words.length - 1]!).find((x) => x.type === 'person');
      // The article's own words first, then known actors, then public figures.
      let countryCode = m.countryCode ?? e?.countryCode ?? null;
      let organisation = m.organisation ?? e?.organisation ?? null;
      if (!countryCode && !organisation && actor) {
        countryCode = actor.countryCode;
        organisation = actor.organisation;
      }
      if (!countryCode && !organisation && known && known.type === 'person') {
        countryCode = known.countryCode;
        organisation = known.organisation;
      }
      // A speaker for an international organisation speaks for no country.
      if (organisation && isInternational(organisation) && !m.countryCode) countryCode = null;
      return { name: actor && foldKey(actor.name).endsWith(foldKey(words[words.length - 1]!)) && actor.name.length > name.length ? actor.name : name, kind: 'person', countryCode, organisation };
    }
    case 'anon':
      return { name: m.kind === 'anon' ? m.text : name, kind: 'anonymous', countryCode: e?.countryCode ?? m.countryCode, organisation: e?.organisation ?? m.organisation };
    case 'role': {
      // A definite description the article never ties to a name ("Hungary's representative"): an
      // unnamed speaker.
      return { name: name, kind: 'anonymous', countryCode: e?.countryCode ?? m.countryCode, organisation: e?.organisation ?? m.organisation };
    }
    case 'state': {
      const countryCode = e?.countryCode ?? m.countryCode;
      const organisation = e?.organisation ?? m.organisation;
      return { name: stripPossessive(name), kind: 'state', countryCode, organisation: organisation ?? null };
    }
    case 'org':
    case 'pub': {
      const organisation = e?.organisation ?? m.organisation ?? stripPossessive(stripDeterminer(name));
      const actor = findActor(actors, [name, organisation]);
      const countryCode = e?.countryCode ?? m.countryCode ?? actor?.countryCode ?? null;
      // "Ukraine's Air Force", "the Polish Army": a state body.
      if (kind === 'org' && countryCode && STATE_BODY_WORDS.test(name)) return { name: stripPossessive(name), kind: 'state', countryCode, organisation };
      // The organisation as this mention names it ("Democrats", not the "Democratic" of its first mention).
      const named = m.kind === 'org' || m.kind === 'pub' ? stripDeterminer(m.text) : name;
      return { name: stripPossessive(named), kind: 'organisation', countryCode: isInternational(organisation) ? null : countryCode, organisation };
    }
    case 'group': {
      const countryCode = e?.countryCode ?? m.countryCode;
      const organisation = e?.organisation ?? m.organisation;
      if (countryCode && !organisation && GOVERNMENT_HEADS.test(m.head)) {
        // "Russia's Foreign Ministry", "the Hungarian government": a state body.
        return { name: stripDeterminer(name), kind: 'state', countryCode, organisation: bodyName(countryCode, stripDeterminer(m.text)) };
      }
      return { name: stripDeterminer(name), kind: countryCode && !organisation ? 'state' : 'organisation', countryCode: countryCode ?? null, organisation: organisation ?? null };
    }
    case 'doc': {
      const countryCode = e?.countryCode ?? m.countryCode;
      const organisation = e?.organisation ?? m.organisation;
      if (countryCode && !isInternational(organisation)) return { name: stripDeterminer(name), kind: 'state', countryCode, organisation };
      return { name: stripDeterminer(name), kind: 'organisation', countryCode: isInternational(organisation) ? null : countryCode, organisation };
    }
    default:
      return null;
  }
}

function stripPossessive(s: string): string {
  return s.replace(/[’']s$/, '');
}

const INTERNATIONAL = new Set(['nato', 'eu', 'european commission', 'european council', 'european parliament', 'un', 'un security council', 'osce', 'iaea', 'imf', 'world bank', 'who', 'wto', 'g7', 'g20', 'icc', 'council of europe', 'un general assembly', 'european external action service', 'european central bank']);
function isInternational(org: string | null): boolean {
  return !!org && INTERNATIONAL.has(foldKey(org));
}

/** "Russia's Foreign Ministry" -> "Russian Foreign Ministry"; "the Hungarian government" -> "Hungarian Government". */
function bodyName(countryCode: string, text: string): string {
  const adjective = COUNTRY_ADJECTIVES.get(countryCode) ?? countryCode;
  const words = text.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && lookupPhrase(words[i]!.replace(/[’']s$/, '')).some((e) => e.type === 'country')) i++;
  const rest = words.slice(i).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  return `${adjective} ${rest}`;
}
