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

export function toSpeaker(m: Mention, e: Entity | null, mentions: readonly Mention[], actors: ActorIndex): Speaker | null {
  const kind = e?.kind ?? m.kind;
  const name = e?.name ?? m.text;
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
      // An unresolved definite description: "the senator".
      return { name: name, kind: 'person', countryCode: e?.countryCode ?? m.countryCode, organisation: e?.organisation ?? m.organisation };
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
      return { name: stripPossessive(name), kind: 'organisation', countryCode: isInternational(organisation) ? null : countryCode, organisation };
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
      return { name: stripDeterminer(name), kind: 'organisation', countryCode: e?.countryCode ?? m.countryCode, organisation: e?.organisation ?? m.organisation };
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
