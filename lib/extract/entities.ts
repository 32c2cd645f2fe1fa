// Who a mention refers to: names clustered within the article ("Donald Trump" … "Trump" …
// "Mr. Trump"), and pronouns and definite descriptions ("he", "the official", "the minister")
// carried back to an earlier speaker or person.
import type { Doc } from './document';
import type { Mention } from './mentions';
import type { Gender } from './lexicon';
import { foldKey } from './lexicon';
import { cueAt } from './cues';

export type Entity = {
  id: number;
  kind: 'person' | 'org' | 'pub' | 'state' | 'anon' | 'role' | 'group' | 'doc';
  /** The fullest name the article gives ("Donald Trump"), or the description as written. */
  name: string;
  mentions: number[];
  gender: Gender | null;
  countryCode: string | null;
  organisation: string | null;
  roles: Set<string>;
  plural: boolean;
  /** Head noun of the mention that introduced the entity ("leaders" in "NATO leaders"). */
  head: string;
};

export type Entities = {
  list: Entity[];
  /** Entity of each non-pronoun mention (by mention id); pronouns and definite roles resolve lazily. */
  ofMention: Map<number, number>;
};

const SPEAKER_KINDS = new Set(['person', 'org', 'pub', 'state', 'anon', 'role', 'group', 'doc']);

function nameWords(m: Mention): string[] {
  return m.text.replace(/[’']s$/, '').split(/\s+/).filter((w) => w.length > 0);
}

export function buildEntities(doc: Doc, mentions: readonly Mention[]): Entities {
  const list: Entity[] = [];
  const ofMention = new Map<number, number>();
  const byKey = new Map<string, number[]>(); // person last name -> entity ids
  const orgByKey = new Map<string, number>();
  const newEntity = (m: Mention, kind: Entity['kind'], name: string): Entity => {
    const e: Entity = {
      id: list.length,
      kind,
      name,
      mentions: [],
      gender: m.gender,
      countryCode: m.countryCode,
      organisation: m.organisation,
      roles: new Set(m.roles),
      plural: m.plural,
      head: m.head,
    };
    list.push(e);
    return e;
  };
  const attach = (e: Entity, m: Mention) => {
    e.mentions.push(m.id);
    ofMention.set(m.id, e.id);
    e.gender ??= m.gender;
    e.countryCode ??= m.countryCode;
    e.organisation ??= m.organisation;
    for (const r of m.roles) e.roles.add(r);
  };
  // Full names first, so that a bare surname finds its person even when it comes first (headlines).
  const persons = mentions.filter((m) => m.kind === 'person');
  const ordered = [...persons].sort((a, b) => nameWords(b).length - nameWords(a).length || a.start - b.start);
  for (const m of ordered) {
    const words = nameWords(m);
    const last = foldKey(words[words.length - 1] ?? m.text);
    const first = words.length > 1 ? foldKey(words[0]!) : null;
    const candidates = byKey.get(last) ?? [];
    let target: Entity | null = null;
    if (first === null) {
      // A bare surname: the person of that surname mentioned nearest before, else the first one.
      let best: { e: Entity; pos: number } | null = null;
      for (const id of candidates) {
        const e = list[id]!;
        const before = e.mentions.map((x) => mentions[x]!.start).filter((s) => s < m.start);
        const pos = before.length > 0 ? Math.max(...before) : -1;
        if (!best || pos > best.pos) best = { e, pos };
      }
      target = best?.e ?? null;
    } else {
      for (const id of candidates) {
        const e = list[id]!;
        const eFirst = foldKey(e.name.split(/\s+/)[0]!);
        if (eFirst === first || eFirst.startsWith(first) || first.startsWith(eFirst) || (first.length <= 2 && eFirst.startsWith(first.replace('.', '')))) {
          target = e;
          break;
        }
      }
    }
    if (!target) {
      target = newEntity(m, 'person', words.join(' '));
      byKey.set(last, [...candidates, target.id]);
    }
    attach(target, m);
  }
  for (const m of mentions) {
    if (m.kind === 'person' || m.kind === 'pronoun' || m.kind === 'place' || !SPEAKER_KINDS.has(m.kind)) continue;
    if (m.kind === 'org' || m.kind === 'pub' || m.kind === 'state') {
      const key = `${m.kind}:${m.organisation ?? ''}:${m.countryCode ?? ''}:${m.organisation || m.countryCode ? '' : foldKey(m.text)}`;
      let id = orgByKey.get(key);
      if (id === undefined) {
        id = newEntity(m, m.kind, m.text.replace(/[’']s$/, '')).id;
        orgByKey.set(key, id);
      }
      attach(list[id]!, m);
      continue;
    }
    // Descriptions: each indefinite one introduces someone; definite ones are resolved when used.
    if (m.kind === 'anon' || m.kind === 'group' || m.kind === 'doc' || m.kind === 'role') {
      const e = newEntity(m, m.kind as Entity['kind'], m.text);
      attach(e, m);
    }
  }
  return { list, ofMention };
}

const PRESS_HEADS = new Set(['publication', 'newspaper', 'paper', 'outlet', 'magazine', 'website', 'site', 'agency', 'broadcaster', 'network', 'channel', 'station', 'daily', 'weekly']);

const ROLE_SYNONYMS: Partial<Record<string, string[]>> = {
  official: ['official', 'officials', 'diplomat', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'secretary', 'aide', 'adviser', 'advisor', 'ambassador', 'envoy', 'senator', 'governor'],
  source: ['source', 'sources', 'official', 'diplomat', 'interlocutor', 'insider', 'person', 'aide'],
  diplomat: ['diplomat', 'diplomats', 'official', 'ambassador', 'envoy', 'foreign minister', 'deputy foreign minister'],
  minister: ['minister', 'foreign minister', 'defence minister', 'defense minister', 'prime minister'],
  president: ['president', 'president-elect', 'head of state'],
  senator: ['senator', 'sen.', 'senator-elect'],
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson', 'press secretary'],
  spokeswoman: ['spokeswoman', 'spokesman', 'spokesperson', 'press secretary'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman', 'press secretary'],
  candidate: ['candidate', 'nominee', 'hopeful', 'frontrunner', 'front-runner'],
  nominee: ['nominee', 'candidate'],
  governor: ['governor', 'gov.'],
  congressman: ['congressman', 'rep.', 'representative', 'lawmaker'],
  congresswoman: ['congresswoman', 'rep.', 'representative', 'lawmaker'],
};

function roleMatches(head: string, roles: Set<string>): boolean {
  const heads = (Object.hasOwn(ROLE_SYNONYMS, head) ? ROLE_SYNONYMS[head] : undefined) ?? [head];
  for (const r of roles) {
    for (const h of heads) {
      if (r === h || r.endsWith(' ' + h) || r.endsWith(h)) return true;
    }
  }
  return false;
}

// Honorifics say nothing about what someone does; role families say who could be called what.
const HONORIFICS = new Set(['mr.', 'mr', 'mrs.', 'mrs', 'ms.', 'ms', 'miss', 'dr.', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof.', 'rev.']);
const ROLE_FAMILIES: string[][] = [
  ['president', 'prime minister', 'premier', 'chancellor', 'head of state', 'head of government', 'leader', 'king', 'queen'],
  ['minister', 'secretary', 'official', 'diplomat', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor', 'commissioner', 'representative', 'chief', 'head'],
  ['senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'representative', 'mp', 'mep', 'deputy', 'politician'],
  ['general', 'commander', 'admiral', 'officer', 'colonel', 'chief'],
];

function family(role: string): Set<number> {
  const out = new Set<number>();
  ROLE_FAMILIES.forEach((f, i) => {
    if (f.includes(role)) out.add(i);
  });
  if (out.size > 0) return out;
  // "foreign policy chief", "deputy foreign minister": by the last word.
  ROLE_FAMILIES.forEach((f, i) => {
    if (f.some((r) => role.endsWith(' ' + r))) out.add(i);
  });
  return out;
}

/** Could someone with these roles be called "the <head>"? */
function rolesCompatible(head: string, roles: Set<string>): boolean {
  const real = [...roles].filter((r) => !HONORIFICS.has(r));
  if (real.length === 0 || roleMatches(head, roles)) return true;
  const wanted = family(head);
  return real.some((r) => [...family(r)].some((f) => wanted.has(f)));
}

export type ResolveContext = {
  mentions: readonly Mention[];
  entities: Entities;
  /** Entities that spoke earlier quotations, latest last, with the paragraph of the quotation. */
  speakers: { entity: number; para: number; start: number }[];
  /** Resolutions already made while `speakers` stayed the same. */
  cache?: Map<number, number | null>;
  tokens?: readonly import('./nlp').Token[];
};

/**
 * The entity a mention stands for. Pronouns go to the latest compatible speaker or subject;
 * "the official" to the latest entity that the article gave that role; anything else to itself.
 */
export function resolveMention(m: Mention, ctx: ResolveContext, depth = 0): number | null {
  const direct = ctx.entities.ofMention.get(m.id);
  if (m.kind !== 'pronoun' && m.kind !== 'role' && m.kind !== 'doc' && m.kind !== 'group') return direct ?? null;
  const cached = ctx.cache?.get(m.id);
  if (cached !== undefined) return cached;
  const resolved = resolveUncached(m, direct, ctx, depth);
  ctx.cache?.set(m.id, resolved);
  return resolved;
}

function resolveUncached(m: Mention, direct: number | undefined, ctx: ResolveContext, depth: number): number | null {
  if (depth > 3) return direct ?? null;
  const { mentions, entities } = ctx;
  if (m.kind === 'pronoun') {
    if (m.head === 'who') {
      // "Trump, who said …": the nearest name before, in the same sentence.
      for (let k = m.id - 1; k >= 0; k--) {
        const a = mentions[k]!;
        if (a.sent !== m.sent) break;
        if (a.kind === 'person' || a.kind === 'anon' || a.kind === 'org' || a.kind === 'state' || a.kind === 'role') {
          if (a.modifier && a.kind !== 'person') continue;
          return resolveMention(a, ctx, depth + 1);
        }
      }
      return null;
    }
    return resolvePronoun(m, ctx);
  }
  // "the former top aide to President George W. Bush": a description that says whom it belongs to
  // introduces someone new.
  // So does one that names its owner ("Hungary's representative", "the EU's foreign policy chief").
  if (m.kind === 'role' && m.owner !== null && mentions[m.owner]) return direct ?? null;
  if (m.kind === 'role' && !m.indefinite) {
    // "the official", "the minister", "the Florida senator".
    for (let k = m.id - 1; k >= 0; k--) {
      const a = mentions[k]!;
      if (m.para - a.para > 6) break;
      if (a.kind === 'pronoun' || a.kind === 'place' || a.kind === 'doc') continue;
      // An earlier "the official" stands for whoever it resolved to.
      const e = a.kind === 'role' && !a.indefinite ? resolveMention(a, ctx, depth + 1) : entities.ofMention.get(a.id);
      if (e === undefined || e === null || e === direct) continue;
      const ent = entities.list[e]!;
      if (ent.kind === 'person' || ent.kind === 'anon' || ent.kind === 'role') {
        if (roleMatches(m.head, ent.roles) || roleMatches(m.head, new Set([a.head]))) return e;
      }
    }
  }
  if (m.kind === 'role' && !m.indefinite) {
    // A title the article never gave anyone ("the prime minister" after "Keir Starmer …"): the
    // person the paragraph before is about, when nothing they are called contradicts it.
    for (let k = m.id - 1; k >= 0; k--) {
      const a = mentions[k]!;
      if (m.para - a.para > 2) break;
      if (a.kind !== 'person' || a.modifier) continue;
      // The subject of its sentence, or of a speech cue ("…, President Zelensky said").
      const saysSomething = ctx.tokens ? cueAt(ctx.tokens, a.tokEnd) !== null : false;
      if (!isSubjectPosition(a, mentions) && !saysSomething) continue;
      const e = entities.ofMention.get(a.id);
      if (e === undefined) continue;
      const ent = entities.list[e]!;
      if (rolesCompatible(m.head, ent.roles)) return e;
    }
    return direct ?? null;
  }
  if (m.kind === 'doc') return resolveDocument(m, direct, ctx, depth);
  if (m.kind === 'group' && !m.indefinite && !m.countryCode && !m.organisation) {
    // "the ministry", "the campaign": the latest organisation or state body named before;
    // "the publication", "the newspaper": the latest publication.
    const press = PRESS_HEADS.has(m.head);
    for (let k = m.id - 1; k >= 0; k--) {
      const a = mentions[k]!;
      if (m.para - a.para > (press ? 30 : 4)) break;
      if (press ? a.kind === 'pub' : (a.kind === 'state' && a.organisation) || a.kind === 'org') {
        const e = entities.ofMention.get(a.id);
        if (e !== undefined) return e;
      }
    }
  }
  return direct ?? null;
}

const ISSUE_VERBS = /^(issued|issues|issue|released|releases|adopted|adopts|published|publishes|sent|sends|posted|posts|signed|signs|approved|approves|put|puts|unveiled|unveils|presented|presents|circulated|distributed|agreed|endorsed)$/;

/**
 * Whose words a document's are: its owner ("NATO's declaration"), whoever issued it ("the
 * ministry issued a statement …"), the subject of "X said in a statement", or for "the
 * declaration" the issuer of the document named before.
 */
function resolveDocument(m: Mention, direct: number | undefined, ctx: ResolveContext, depth: number): number | null {
  const { mentions, entities } = ctx;
  if (m.owner !== null && mentions[m.owner]) {
    const o = resolveMention(mentions[m.owner]!, ctx, depth + 1);
    if (o !== null) return o;
  }
  if (m.organisation || m.countryCode) return direct ?? null;
  const tokens = ctx.tokens;
  if (tokens) {
    // The verb before the document ("issued a statement", "adopted a declaration").
    let k = m.tokStart - 1;
    while (k >= 0 && k >= m.tokStart - 3 && tokens[k]!.pos !== 'VERB' && tokens[k]!.sent === tokens[m.tokStart]!.sent) k--;
    const verb = tokens[k];
    // "in a statement", "according to draft conclusions": the document of the sentence's subject.
    const inPhrase =
      tokens[m.tokStart - 1]?.lower === 'in' || tokens[m.tokStart - 2]?.lower === 'in' || (tokens[m.tokStart - 1]?.lower === 'to' && tokens[m.tokStart - 2]?.lower === 'according');
    if ((verb && ISSUE_VERBS.test(verb.lower)) || inPhrase) {
      // The subject of the sentence: its first mention that is not this document (nor the agency
      // of a dateline, "WASHINGTON (Reuters) -").
      let subject: Mention | null = null;
      for (let j = m.id - 1; j >= 0; j--) {
        const a = mentions[j]!;
        if (a.sent !== m.sent) break;
        if (a.modifier || a.kind === 'place' || a.kind === 'doc') continue;
        if (a.kind === 'pub' && tokens[a.tokStart - 1]?.text === '(') continue;
        subject = a;
      }
      if (subject) {
        const e = resolveMention(subject, ctx, depth + 1);
        if (e !== null) return e;
      }
    }
  }
  if (!m.indefinite) {
    // "the declaration": the document named before, and whoever issued it.
    for (let k = m.id - 1; k >= 0; k--) {
      const a = mentions[k]!;
      if (m.para - a.para > 4) break;
      if (a.kind === 'doc' && a !== m) {
        const e = resolveMention(a, ctx, depth + 1);
        if (e !== null && e !== entities.ofMention.get(a.id)) return e;
      }
    }
  }
  return direct ?? null;
}

function compatible(m: Mention, e: Entity): boolean {
  if (m.head === 'he' || m.head === 'she') {
    if (e.kind !== 'person' && e.kind !== 'anon' && e.kind !== 'role') return false;
    if (e.plural) return false;
    if (e.gender && m.gender && e.gender !== m.gender) return false;
    return true;
  }
  if (m.head === 'they') return e.kind !== 'doc';
  if (m.head === 'it') return e.kind === 'org' || e.kind === 'pub' || e.kind === 'state' || e.kind === 'group' || e.kind === 'doc';
  if (m.head === 'we') return e.kind !== 'doc';
  return true;
}

function resolvePronoun(m: Mention, ctx: ResolveContext): number | null {
  const { mentions, entities, speakers } = ctx;
  // The latest speaker, when compatible and recent, wins over other antecedents.
  const lastSpeaker = speakers[speakers.length - 1];
  let nearest: { e: number; subject: boolean } | null = null;
  for (let k = m.id - 1; k >= 0; k--) {
    const a = mentions[k]!;
    if (m.para - a.para > 3) break;
    if (a.kind === 'place' || (a.modifier && a.kind !== 'person')) continue;
    let e: number | null | undefined;
    if (a.kind === 'pronoun' || a.kind === 'role') {
      if (a.kind === 'pronoun' && a.head !== m.head) continue;
      e = resolveMention(a, ctx, 1);
    } else e = entities.ofMention.get(a.id);
    if (e === undefined || e === null) continue;
    if (!compatible(m, entities.list[e]!)) continue;
    const subject = isSubjectPosition(a, mentions);
    if (!nearest) nearest = { e, subject };
    if (subject) {
      nearest = { e, subject };
      break;
    }
  }
  if (lastSpeaker && m.para - lastSpeaker.para <= 2 && compatible(m, entities.list[lastSpeaker.entity]!)) {
    // Another compatible person named as a subject in between takes over the pronoun.
    if (!nearest || nearest.e === lastSpeaker.entity) return lastSpeaker.entity;
    const intervening = mentions.some(
      (a) => a.start > lastSpeaker.start && a.start < m.start && entities.ofMention.get(a.id) === nearest!.e && isSubjectPosition(a, mentions),
    );
    return intervening ? nearest.e : lastSpeaker.entity;
  }
  return nearest?.e ?? null;
}

/** The first non-modifier mention of its sentence is taken as its subject. */
function isSubjectPosition(a: Mention, mentions: readonly Mention[]): boolean {
  for (let k = a.id - 1; k >= 0; k--) {
    const b = mentions[k]!;
    if (b.sent !== a.sent) break;
    if (!b.modifier && b.kind !== 'place' && !b.afterPreposition) return false;
  }
  return true;
}
