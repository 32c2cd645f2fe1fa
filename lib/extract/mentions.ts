// Mentions of possible speakers outside quotations: names (people, organisations, states,
// publications), pronouns, and descriptions ("a senior US official", "the minister", "the ministry",
// "the declaration"), each with what its own words say about country and organisation.
import type { Doc } from './document';
import type { Token } from './nlp';
import {
  ANONYMOUS_HEADS,
  DOCUMENT_HEADS,
  FEMALE_TITLES,
  GROUP_HEADS,
  MALE_TITLES,
  MAX_PHRASE_WORDS,
  MAX_ROLE_WORDS,
  MAX_TITLE_WORDS,
  PERSON_ROLES,
  TITLES,
  CUE_FORMS,
  HEAD_LAST_WORDS,
  firstNameGender,
  isKnownFirstName,
  lookupPhrase,
  startsPhrase,
  type Entry,
  type Gender,
} from './lexicon';
import { ALWAYS_VERB } from './cues';

export type MentionKind = 'person' | 'org' | 'pub' | 'state' | 'place' | 'pronoun' | 'anon' | 'role' | 'group' | 'doc';

export type Mention = {
  id: number;
  kind: MentionKind;
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  text: string;
  /** Lower-case head noun of a description, the pronoun, or the last word of a name. */
  head: string;
  plural: boolean;
  gender: Gender | null;
  countryCode: string | null;
  organisation: string | null;
  /** Roles said of the mention: its title, role nouns before it, an appositive's head. */
  roles: string[];
  entry: Entry | null;
  /** "Trump's": a possessive, usually not the speaker itself. */
  possessive: boolean;
  /** Part of a longer mention ("Kremlin" in "Kremlin spokesman Dmitry Peskov"): not a candidate. */
  modifier: boolean;
  /** Inside a prepositional phrase ("to the Seimas", "in Brussels"): not the subject of its clause. */
  afterPreposition: boolean;
  /** For descriptions: indefinite ("a", "one", "several", bare plural). */
  indefinite: boolean;
  /** The mention this one is an appositive or prefix of, or which owns it ("Trump's spokesman"). */
  owner: number | null;
  sent: number;
  para: number;
};

const STOP_CAPS = new Set(
  (
    'the a an but and or nor so yet for in on at to by of from with without into onto upon about after before since because ' +
    'although though while when whenever where wherever if unless until as than that this these those there here he she it ' +
    'they we i you his her its their our your my me him them us who whom whose which what why how not no yes also still even ' +
    'just only meanwhile however moreover instead then now today yesterday tomorrow tonight thus hence indeed otherwise ' +
    'besides furthermore nevertheless nonetheless perhaps maybe some many most several few all both each every either ' +
    'neither any one two three four five six seven eight nine ten first second third last next earlier later asked ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december update updated read watch see photo video related share advertisement ' +
    'according despite amid among between during through throughout under over across against toward towards within ' +
    'like unlike including regarding concerning per via let let\'s do does did is are was were be been being has have had ' +
    'will would can could should shall might must please thank thanks oh well'
  ).split(' '),
);
const DATE_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const NAME_CONNECTORS = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'bin', 'al', 'ibn', 'dos', 'das', 'del', 'ter', 'zu']);
const NAME_SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);
const OF_HEADS = new Set([
  'secretary', 'minister', 'ministry', 'bank', 'university', 'department', 'council', 'court', 'chamber', 'house', 'board',
  'institute', 'office', 'bureau', 'union', 'republic', 'kingdom', 'chief', 'chiefs', 'director', 'head', 'state', 'states',
  'league', 'association', 'federation', 'organization', 'organisation', 'committee', 'commission', 'church', 'party',
  'daughters', 'sons', 'friends', 'mayor', 'governor', 'college', 'school', 'academy', 'museum', 'centre', 'center',
]);
const ORG_WORDS = new Set([
  'party', 'committee', 'association', 'council', 'ministry', 'department', 'university', 'institute', 'foundation', 'center',
  'centre', 'group', 'inc.', 'inc', 'corp', 'corp.', 'corporation', 'company', 'times', 'post', 'news', 'journal', 'agency',
  'bank', 'fund', 'court', 'senate', 'house', 'assembly', 'commission', 'campaign', 'network', 'union', 'organization',
  'organisation', 'office', 'coalition', 'administration', 'government', 'army', 'navy', 'force', 'forces', 'police', 'pac',
  'club', 'league', 'church', 'school', 'college', 'academy', 'service', 'bureau', 'board', 'tribune', 'herald', 'gazette',
  'magazine', 'daily', 'press', 'radio', 'tv', 'television', 'channel', 'media', 'review', 'report', 'watch', 'project',
  'alliance', 'federation', 'initiative', 'caucus', 'congress', 'parliament', 'cabinet', 'guard', 'command', 'staff', 'llc',
  'ltd', 'ltd.', 'co.', 'group', 'partners', 'institution', 'society', 'trust', 'council', 'chamber', 'authority', 'agency',
  'fed', 'federal', 'republicans', 'democrats', 'conservatives', 'liberals', 'facebook', 'twitter', 'google', 'apple',
  'microsoft', 'amazon', 'youtube', 'instagram', 'telegram', 'x',
]);
const PUB_WORDS = new Set(['times', 'post', 'news', 'journal', 'tribune', 'herald', 'gazette', 'magazine', 'daily', 'radio', 'tv', 'television', 'review', 'press', 'wire', 'telegraph', 'independent', 'observer', 'guardian', 'mail', 'express', 'mirror', 'sun', 'register', 'monitor', 'examiner', 'inquirer', 'chronicle', 'dispatch', 'bulletin', 'globe', 'star', 'courier', 'beacon', 'blaze', 'caller', 'salon', 'slate', 'vox', 'politico', 'axios', 'reuters', 'bloomberg']);
const DETERMINERS = new Set([
  'the', 'a', 'an', 'one', 'another', 'several', 'some', 'many', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'multiple', 'various', 'other', 'numerous', 'few', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those',
  'both', 'all', 'each', 'most', 'dozens', 'hundreds', 'no', 'any', 'every',
]);
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'several', 'some', 'many', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'multiple', 'various', 'other', 'numerous', 'few', 'dozens', 'hundreds', 'no', 'any', 'every', 'each', 'most', 'all', 'both']);
const PLURAL_DETS = new Set(['several', 'some', 'many', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'multiple', 'various', 'numerous', 'few', 'these', 'those', 'both', 'all', 'dozens', 'hundreds', 'most']);
const PRONOUNS = new Map<string, { plural: boolean; gender: Gender | null }>([
  ['he', { plural: false, gender: 'm' }],
  ['she', { plural: false, gender: 'f' }],
  ['they', { plural: true, gender: null }],
  ['it', { plural: false, gender: null }],
  ['we', { plural: true, gender: null }],
  ['i', { plural: false, gender: null }],
  ['who', { plural: false, gender: null }],
]);
const OBJECT_PRONOUNS = new Map([['him', 'he'], ['her', 'she'], ['them', 'they']]);
const PARTY_SUFFIX = /^\(?[RDI]-?[A-Z][\w.]*\)?$/;
const PARTY_LABEL = /^\((?:[RDI]|Rep|Dem|Ind)(?:\s*[-–,]\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\)$/;

function isWordToken(t: Token): boolean {
  return t.quote < 0 && t.mark === null;
}

/** Capitalised tokens that can be part of a name. */
function nameToken(tokens: readonly Token[], k: number, runStart: boolean): boolean {
  const t = tokens[k]!;
  if (!isWordToken(t) || !t.cap) return false;
  if (!/\p{L}/u.test(t.text)) return false;
  if (DATE_WORDS.has(t.lower)) return false;
  if (isAllCaps(t.text) && lookupPhrase(t.text).length === 0) {
    // Headlines and datelines: long all-capital words, or short ones among them.
    if (t.text.replace(/[^\p{L}]/gu, '').length > 4) return false;
    const near = [tokens[k - 1], tokens[k + 1]].filter((u) => u && u.sent === t.sent && /\p{L}{2}/u.test(u.text));
    if (near.some((u) => isAllCaps(u!.text))) return false;
  }
  if (runStart && (STOP_CAPS.has(t.lower) || STOP_CAPS.has(t.lower.replace(/\.$/, '')))) return false;
  if (!runStart && STOP_CAPS.has(t.lower) && t.lower !== 'i' && t.text !== 'US' && t.pos !== 'PROPN') return false;
  if (t.lower === "'s" || t.lower === '’s') return false;
  if (runStart && CUE_FORMS.has(t.lower) && (t.pos !== 'PROPN' || ALWAYS_VERB.has(t.lower))) return false;
  if (runStart && sentenceStart(tokens, k) && t.pos !== 'PROPN') {
    // A capitalised common word opening a sentence ("Critics", "Officials") is not a name unless known.
    const next = tokens[k + 1];
    const knownPhrase = lookupPhrase(t.text).length > 0 || TITLES.has(t.lower) || isKnownFirstName(t.text);
    if (!knownPhrase && !(next && next.cap && isWordToken(next) && next.spaceBefore)) return false;
  }
  return true;
}

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

function sentenceStart(tokens: readonly Token[], k: number): boolean {
  return k === 0 || tokens[k - 1]!.sent !== tokens[k]!.sent || /^[.!?:;"“”«»—–\-(\[]$/.test(tokens[k - 1]!.text) || tokens[k - 1]!.mark !== null;
}

/** Capitalised words seen inside sentences: a word capitalised only where sentences start is no name. */
function midSentenceCaps(tokens: readonly Token[]): Set<string> {
  const seen = new Set<string>();
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.cap && !sentenceStart(tokens, k)) seen.add(t.text);
  }
  return seen;
}

function glued(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && !t.spaceBefore;
}

export function findMentions(doc: Doc): Mention[] {
  const { tokens } = doc;
  const mentions: Mention[] = [];
  const add = (m: Omit<Mention, 'id' | 'start' | 'end' | 'text' | 'sent' | 'para' | 'afterPreposition'>): Mention => {
    const first = tokens[m.tokStart]!;
    const last = tokens[m.tokEnd - 1]!;
    // Every field written out, in one order: one object shape for all mentions.
    const mention: Mention = {
      id: mentions.length,
      kind: m.kind,
      tokStart: m.tokStart,
      tokEnd: m.tokEnd,
      start: first.start,
      end: last.end,
      text: doc.body.slice(first.start, last.end),
      head: m.head,
      plural: m.plural,
      gender: m.gender,
      countryCode: m.countryCode,
      organisation: m.organisation,
      roles: m.roles,
      entry: m.entry,
      possessive: m.possessive,
      modifier: m.modifier,
      afterPreposition: false,
      indefinite: m.indefinite,
      owner: m.owner,
      sent: first.sent,
      para: first.para,
    };
    mentions.push(mention);
    return mention;
  };

  // 1. Names: runs of capitalised words, split into gazetteer entries, titles and the name proper.
  let k = 0;
  const nameAt = new Map<number, Mention>(); // by first token
  const midCaps = midSentenceCaps(tokens);
  while (k < tokens.length) {
    if (!nameToken(tokens, k, true)) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < tokens.length && tokens[end]!.sent === tokens[k]!.sent) {
      const t = tokens[end]!;
      if (nameToken(tokens, end, false)) {
        end++;
        continue;
      }
      // Joined names: Kosiniak-Kamysz; initials fused as "J." are single tokens already.
      const afterHyphen = tokens[end + 1];
      if ((t.text === '-' || t.text === '‑') && !t.spaceBefore && afterHyphen && !afterHyphen.spaceBefore && (nameToken(tokens, end + 1, false) || (/^\p{Ll}{2,4}$/u.test(afterHyphen.text) && isWordToken(afterHyphen) && tokens[end - 1]!.cap && tokens[end + 2]?.text !== '-'))) {
        end += 2;
        continue;
      }
      if (NAME_CONNECTORS.has(t.text) && tokens[end + 1] && nameToken(tokens, end + 1, false)) {
        end += 2;
        continue;
      }
      if (t.text === 'of' && OF_HEADS.has(tokens[end - 1]!.lower) && tokens[end + 1] && nameToken(tokens, end + 1, false)) {
        end += 2;
        continue;
      }
      if (t.text === '.' && !t.spaceBefore && (tokens[end - 1]!.text.length === 1 || TITLES.has(tokens[end - 1]!.lower + '.')) && tokens[end + 1]?.cap) {
        end++;
        continue;
      }
      if (NAME_SUFFIXES.has(t.lower) && isWordToken(t)) {
        end++;
        continue;
      }
      if (t.text === ',' && tokens[end + 1] && NAME_SUFFIXES.has(tokens[end + 1]!.lower)) {
        end += 2;
        continue;
      }
      break;
    }
    // "(R-Texas)", "(D-N.Y.)", "(D)": a party label, not a name.
    const open = tokens[k - 1];
    if (open?.text === '(') {
      const close = doc.body.indexOf(')', open.start);
      if (close > 0 && close - open.start < 16 && PARTY_LABEL.test(doc.body.slice(open.start, close + 1))) {
        while (end < tokens.length && tokens[end]!.start < close) end++;
        k = end;
        continue;
      }
    }
    // A lone capitalised word that opens a sentence and is never capitalised elsewhere is a common word.
    if (end === k + 1 && sentenceStart(tokens, k) && !midCaps.has(tokens[k]!.text) && lookupPhrase(tokens[k]!.text).length === 0 && !isKnownFirstName(tokens[k]!.text) && !TITLES.has(tokens[k]!.lower)) {
      k = end;
      continue;
    }
    for (const m of segmentRun(tokens, k, end)) {
      const mention = add(m);
      nameAt.set(mention.tokStart, mention);
    }
    k = end;
  }

  // 2. Pronouns ("according to him" counts as a subject).
  for (const t of tokens) {
    if (!isWordToken(t)) continue;
    const objective = OBJECT_PRONOUNS.get(t.lower);
    if (objective && tokens[t.i - 1]?.lower === 'to' && tokens[t.i - 2]?.lower === 'according') {
      add({
        kind: 'pronoun', tokStart: t.i, tokEnd: t.i + 1, head: objective, plural: objective === 'they', gender: PRONOUNS.get(objective)!.gender,
        countryCode: null, organisation: null, roles: [], entry: null, possessive: false, modifier: false, indefinite: false, owner: null,
      });
      continue;
    }
    const p = PRONOUNS.get(t.lower);
    if (!p) continue;
    if (t.lower !== 'who' && t.pos !== 'PRON') continue;
    if (t.lower === 'i' && t.text !== 'I') continue;
    add({
      kind: 'pronoun', tokStart: t.i, tokEnd: t.i + 1, head: t.lower, plural: p.plural, gender: p.gender, countryCode: null,
      organisation: null, roles: [], entry: null, possessive: false, modifier: false, indefinite: false, owner: null,
    });
  }

  // 3. Descriptions.
  findDescriptions(doc, mentions, add);

  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop mentions nested inside a longer description or name (keeping modifiers as links).
  const kept: Mention[] = [];
  let active: Mention[] = []; // descriptions still open at the current position
  for (const m of mentions) {
    if (active.length > 0 && active.some((o) => o.tokEnd <= m.tokStart)) active = active.filter((o) => o.tokEnd > m.tokStart);
    const outer = active.find((o) => o.tokStart <= m.tokStart && o.tokEnd >= m.tokEnd && (o.tokEnd - o.tokStart) > (m.tokEnd - m.tokStart));
    if (m.kind === 'anon' || m.kind === 'role' || m.kind === 'group' || m.kind === 'doc') active.push(m);
    if (outer && (outer.kind === 'anon' || outer.kind === 'role' || outer.kind === 'group' || outer.kind === 'doc')) {
      // "a senior U.S. official": U.S. is a modifier giving the country.
      m.modifier = true;
      m.owner = outer.id;
    }
    kept.push(m);
  }
  // Datelines ("THE HAGUE, Netherlands (AP) —", "WASHINGTON (Reuters) -") name where the story was
  // filed and by whom, never a speaker.
  for (const p of doc.paraTok) {
    const first = tokens[p.start];
    if (!first || !isAllCaps(first.text) || !/\p{L}{2}/u.test(first.text)) continue;
    for (let k2 = p.start + 1; k2 < p.end && k2 <= p.start + 12; k2++) {
      const t = tokens[k2]!;
      if (/^(—|–|-|--)$/.test(t.text)) {
        for (const m of kept) if (m.tokStart >= p.start && m.tokEnd <= k2) m.modifier = true;
        break;
      }
    }
  }
  // "a New Hampshire Republican", "one Democrat": a member of a party, not the party.
  for (const m of kept) {
    if (m.kind !== 'org' || m.entry?.type !== 'party' || m.plural) continue;
    let k2 = m.tokStart - 1;
    while (k2 >= 0 && m.tokStart - k2 <= 4 && tokens[k2]!.cap && isWordToken(tokens[k2]!)) k2--;
    const det = tokens[k2];
    if (det && /^(a|an|one|another)$/.test(det.lower) && isWordToken(det)) {
      m.kind = 'anon';
      m.indefinite = true;
      m.roles = ['member'];
      for (const inner of kept) if (inner !== m && inner.tokStart >= k2 && inner.tokEnd <= m.tokStart) inner.modifier = true;
      m.tokStart = k2;
      m.start = det.start;
      m.text = doc.body.slice(m.start, m.end);
    }
  }
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  // "Washington, star of “Scandal”" after "Kerry Washington": a lone word that is the surname of a
  // person named in full in the article is that person, not a place.
  const surnames = new Set<string>();
  for (const m of kept) if (m.kind === 'person' && m.text.includes(' ')) surnames.add(m.text.split(/\s+/).pop()!);
  for (const m of kept) {
    if ((m.kind === 'state' || m.kind === 'place') && !m.modifier && m.tokEnd - m.tokStart === 1 && surnames.has(m.text)) {
      m.kind = 'person';
      m.countryCode = null;
      m.organisation = null;
      m.entry = null;
    }
  }
  for (const m of kept) {
    let k2 = m.tokStart - 1;
    if (k2 >= 0 && /^(the|a|an|his|her|its|their|our)$/.test(tokens[k2]!.lower)) k2--;
    m.afterPreposition = k2 >= 0 && CLAUSE_PREPOSITIONS.has(tokens[k2]!.lower) && isWordToken(tokens[k2]!);
  }
  // Renumber in text order; owners still hold old ids until remapped.
  const byOldId = new Map<number, Mention>(kept.map((m) => [m.id, m]));
  kept.forEach((m, i) => (m.id = i));
  for (const m of kept) m.owner = m.owner === null ? null : (byOldId.get(m.owner)?.id ?? null);
  linkModifiers(doc, kept);
  return kept;
}

/** Splits a run of capitalised words into gazetteer entries, titles and a name. */
function segmentRun(tokens: readonly Token[], a: number, b: number): Omit<Mention, 'id' | 'start' | 'end' | 'text' | 'sent' | 'para' | 'afterPreposition'>[] {
  const out: Omit<Mention, 'id' | 'start' | 'end' | 'text' | 'sent' | 'para' | 'afterPreposition'>[] = [];
  const titles: string[] = [];
  let countryCode: string | null = null;
  let organisation: string | null = null;
  let i = a;
  const textOf = (x: number, y: number) => joinTokens(tokens, x, y);
  while (i < b) {
    // Longest gazetteer entry at i.
    let matched = 0;
    let entries: Entry[] = [];
    const canStart = startsPhrase(tokens[i]!.text);
    for (let len = canStart ? Math.min(MAX_PHRASE_WORDS + 2, b - i) : 0; len >= 1; len--) {
      const e = lookupPhrase(textOf(i, i + len));
      if (e.length > 0) {
        matched = len;
        entries = e;
        break;
      }
    }
    // A person entry, or the rest of the run after a first name ("Jordan Peterson"), is the name proper.
    if (matched > 0 && entries[0]!.type !== 'person') {
      const entry = pickEntry(entries);
      const rest = b - (i + matched);
      // "Jordan Peterson", "Georgia Meloni": a country followed by an unknown capitalised word is a name.
      if (entry.type === 'country' && rest > 0 && entry.form === 'name' && isKnownFirstName(tokens[i]!.text)) break;
      // "Fox Business", "Reuters Institute": one more capitalised word after an organisation is part of its name.
      if (rest === 1 && (entry.type === 'organisation') && !TITLES.has(tokens[i + matched]!.lower) && !PERSON_ROLES.has(tokens[i + matched]!.lower)) {
        out.push(entryMention(tokens, i, b, entry, false));
        return finish(out, countryCode, organisation, titles);
      }
      if (rest > 0) {
        // A modifier of what follows: "Russian President", "NATO Secretary General", "Kremlin spokesman".
        out.push(entryMention(tokens, i, i + matched, entry, true));
        if (entry.type === 'country') countryCode = entry.code;
        else if (entry.type === 'body') {
          countryCode = entry.countryCode;
          organisation = entry.name;
        } else if (entry.type === 'organisation' && entry.orgType !== 'publication') {
          organisation = entry.name;
          if (entry.countryCode) countryCode = entry.countryCode;
        } else if (entry.type === 'party') countryCode ??= entry.countryCode;
        i += matched;
        continue;
      }
      out.push(entryMention(tokens, i, i + matched, entry, false));
      return finish(out, countryCode, organisation, titles);
    }
    // Titles: "President", "Sen.", "Foreign Minister", "Secretary of State".
    let titleLen = 0;
    for (let len = Math.min(Math.max(MAX_TITLE_WORDS, MAX_ROLE_WORDS), b - i - 1); len >= 1; len--) {
      const t = textOf(i, i + len).toLowerCase();
      if (TITLES.has(t) || PERSON_ROLES.has(t)) {
        titleLen = len;
        break;
      }
    }
    if (titleLen === 0) {
      // A longer title ending in a role word: "External Affairs Minister S. Jaishankar".
      for (let j = b - 2; j > i; j--) {
        const w = tokens[j]!.lower;
        if ((TITLES.has(w) || PERSON_ROLES.has(w)) && tokens[j]!.cap) {
          titleLen = j - i + 1;
          break;
        }
      }
    }
    if (titleLen > 0) {
      titles.push(textOf(i, i + titleLen));
      i += titleLen;
      continue;
    }
    break;
  }
  if (i >= b) {
    // Only modifiers and titles: the last modifier is the mention ("the Kremlin"), titles alone ("President") nothing.
    const last = out[out.length - 1];
    if (last && titles.length === 0) last.modifier = false;
    return finish(out, countryCode, organisation, titles);
  }
  // The name proper.
  let nameEnd = b;
  let possessive = false;
  const after = tokens[b];
  if (after && (after.lower === "'s" || after.lower === '’s' || after.text === "'" || after.text === '’') && !after.spaceBefore) possessive = true;
  const text = textOf(i, nameEnd);
  const words = text.split(/\s+/);
  const personEntry = lookupPhrase(text).find((e) => e.type === 'person') ?? null;
  let kind: MentionKind = 'person';
  const lowerWords = words.map((w) => w.toLowerCase());
  if (personEntry) kind = 'person';
  else if (lowerWords.some((w) => PUB_WORDS.has(w)) && titles.length === 0) kind = 'pub';
  else if (lowerWords.some((w) => ORG_WORDS.has(w)) && titles.length === 0) kind = 'org';
  else if (/^[A-Z]{2,6}s?$/.test(text) && titles.length === 0) kind = 'org'; // acronyms: NAACP, SEIU
  // A known person's gender only when the full name is written, not from a bare surname.
  let gender: Gender | null = personEntry && personEntry.type === 'person' && words.length > 1 ? personEntry.gender : null;
  for (const t of titles) {
    const tl = t.toLowerCase();
    if (FEMALE_TITLES.has(tl)) gender = 'f';
    else if (MALE_TITLES.has(tl)) gender = 'm';
  }
  gender ??= firstNameGender(words[0]!);
  if (personEntry && personEntry.type === 'person') {
    countryCode ??= personEntry.countryCode;
    organisation ??= personEntry.organisation;
  }
  out.forEach((m) => (m.modifier = true));
  out.push({
    kind,
    tokStart: i,
    tokEnd: nameEnd,
    head: lowerWords[lowerWords.length - 1]!,
    plural: false,
    gender,
    countryCode: null,
    organisation: null,
    roles: titles.map((t) => t.toLowerCase()),
    entry: personEntry,
    possessive,
    modifier: false,
    indefinite: false,
    owner: null,
  });
  return finish(out, countryCode, organisation, titles);
}

function finish(
  out: Omit<Mention, 'id' | 'start' | 'end' | 'text' | 'sent' | 'para' | 'afterPreposition'>[],
  countryCode: string | null,
  organisation: string | null,
  titles: string[],
) {
  const head = out[out.length - 1];
  if (head && !head.modifier) {
    // Country and organisation from the run's own modifiers ("Russian President", "NATO Secretary General").
    const modifiers = out.slice(0, -1);
    if (modifiers.length > 0 || titles.length > 0) {
      head.countryCode ??= countryCode;
      head.organisation ??= organisation;
      if (titles.length > 0 && head.roles.length === 0) head.roles = titles.map((t) => t.toLowerCase());
    }
  }
  return out;
}

function pickEntry(entries: readonly Entry[]): Entry {
  // Prefer the most specific reading: a body or organisation over a country over a place.
  const order = ['body', 'organisation', 'person', 'country', 'party', 'place'];
  return [...entries].sort((x, y) => order.indexOf(x.type) - order.indexOf(y.type))[0]!;
}

function entryMention(tokens: readonly Token[], a: number, b: number, entry: Entry, modifier: boolean): Omit<Mention, 'id' | 'start' | 'end' | 'text' | 'sent' | 'para' | 'afterPreposition'> {
  let kind: MentionKind;
  let countryCode: string | null = null;
  let organisation: string | null = null;
  let plural = false;
  switch (entry.type) {
    case 'country':
      kind = 'state';
      countryCode = entry.code;
      plural = entry.form === 'demonym';
      break;
    case 'body':
      kind = 'state';
      countryCode = entry.countryCode;
      organisation = entry.name;
      break;
    case 'organisation':
      kind = entry.orgType === 'publication' ? 'pub' : 'org';
      organisation = entry.name;
      countryCode = entry.countryCode;
      break;
    case 'party':
      kind = 'org';
      organisation = entry.name;
      countryCode = entry.countryCode;
      plural = /s$/.test(tokens[b - 1]!.text);
      break;
    case 'place':
      kind = 'place';
      break;
    default:
      kind = 'person';
  }
  const after = tokens[b];
  const possessive = !!after && !after.spaceBefore && (after.lower === "'s" || after.lower === '’s');
  return {
    kind, tokStart: a, tokEnd: b, head: tokens[b - 1]!.lower, plural, gender: null, countryCode, organisation, roles: [], entry,
    possessive, modifier, indefinite: false, owner: null,
  };
}

export function joinTokens(tokens: readonly Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (k > a && t.spaceBefore) s += ' ';
    s += t.text;
  }
  return s;
}

const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'VERB']);
const CLAUSE_PREPOSITIONS = new Set(['in', 'to', 'at', 'on', 'with', 'by', 'for', 'from', 'of', 'about', 'after', 'before', 'during', 'against', 'into', 'over', 'under', 'between', 'among', 'like', 'than', 'via', 'toward', 'towards', 'unlike', 'despite', 'amid']);
const AFFILIATION_PREPS = new Set(['for', 'of', 'at', 'from', 'to']);

/** Descriptions: determiner (or a possessive name) + modifiers + a speaker head noun. */
function findDescriptions(doc: Doc, mentions: Mention[], add: (m: Omit<Mention, 'id' | 'start' | 'end' | 'text' | 'sent' | 'para' | 'afterPreposition'>) => Mention): void {
  const { tokens } = doc;
  const nameAt = new Map<number, Mention>();
  for (const m of mentions) if (m.kind !== 'pronoun') nameAt.set(m.tokStart, m);
  const possessiveEnd = new Map<number, Mention>(); // token index after "'s" -> owner mention
  for (const m of mentions) {
    if (m.possessive) possessiveEnd.set(m.tokEnd + 1, m);
  }
  const taken = new Set<number>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!isWordToken(t)) continue;
    const owner = possessiveEnd.get(k) ?? null;
    const isDet = DETERMINERS.has(t.lower) && (t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'PRON' || t.pos === 'ADJ' || t.lower === 'one' || t.lower === 'another');
    let from: number;
    let det: string | null;
    if (owner) {
      from = k;
      det = 'poss';
    } else if (isDet) {
      from = k + 1;
      det = t.lower;
    } else {
      // Bare plurals: "officials said", "US officials", "Western diplomats".
      const prev = tokens[k - 1];
      if (prev && isWordToken(prev) && (MODIFIER_POS.has(prev.pos) || DETERMINERS.has(prev.lower)) && prev.sent === t.sent) continue;
      from = k;
      det = null;
    }
    let best: { end: number; head: string; headLen: number } | null = null;
    for (let e = from; e < tokens.length && e < from + 7; e++) {
      const u = tokens[e]!;
      if (!isWordToken(u) || u.sent !== t.sent) break;
      const isMod = MODIFIER_POS.has(u.pos) || u.pos === 'PART' && (u.lower === "'s" || u.lower === '’s') || (u.text === '-' && !u.spaceBefore) || /^[\p{L}.-]+$/u.test(u.text) && u.cap;
      if (!isMod) break;
      const hyphenated = tokens[e - 1]?.text === '-' && !u.spaceBefore;
      if (u.pos === 'VERB' && !/(ing|ed|en|wn)$/.test(u.lower) && !u.cap && !hyphenated) break;
      if (!HEAD_LAST_WORDS.has(u.lower)) continue;
      for (let len = Math.min(MAX_ROLE_WORDS, e - from + 1); len >= 1; len--) {
        const head = joinTokens(tokens, e - len + 1, e + 1).toLowerCase();
        if (PERSON_ROLES.has(head) || ANONYMOUS_HEADS.has(head) || GROUP_HEADS.has(head) || DOCUMENT_HEADS.has(head)) {
          const next = tokens[e + 1];
          const compound = next && isWordToken(next) && next.sent === u.sent && (next.pos === 'NOUN' || (next.pos === 'PROPN' && !next.cap)) && next.spaceBefore;
          if (!compound) best = { end: e + 1, head, headLen: len };
          break;
        }
      }
    }
    if (!best) continue;
    // "the head of state", "the chief of staff", "the minister of defence": a role with "of".
    if (tokens[best.end]?.lower === 'of' && tokens[best.end + 1] && isWordToken(tokens[best.end + 1]!)) {
      for (let len = 2; len >= 1; len--) {
        const longer = `${best.head} of ${joinTokens(tokens, best.end + 1, best.end + 1 + len).toLowerCase()}`;
        if (PERSON_ROLES.has(longer) || TITLES.has(longer)) {
          best = { end: best.end + 1 + len, head: longer, headLen: best.headLen + 1 + len };
          break;
        }
      }
    }
    if (det === null) {
      // Bare nouns are speakers only as plurals of anonymous heads ("officials", "US diplomats"),
      // or documents ("draft conclusions").
      if (!/s$/.test(best.head)) continue;
      if (!ANONYMOUS_HEADS.has(best.head) && !DOCUMENT_HEADS.has(best.head) && !DOCUMENT_HEADS.has(best.head.replace(/s$/, ''))) continue;
    }
    const start = det === 'poss' ? owner!.tokStart : det === null ? from : k;
    if (taken.has(start)) continue;
    const mods = tokens.slice(from, best.end - best.headLen);
    const headNoun = best.head;
    let countryCode: string | null = null;
    let organisation: string | null = null;
    for (let x = from; x < best.end - best.headLen; x++) {
      for (let len = Math.min(MAX_PHRASE_WORDS, best.end - best.headLen - x); len >= 1; len--) {
        const entries = lookupPhrase(joinTokens(tokens, x, x + len));
        if (entries.length === 0) continue;
        const entry = pickEntry(entries);
        if (entry.type === 'country') countryCode ??= entry.code;
        else if (entry.type === 'body') {
          countryCode ??= entry.countryCode;
          organisation ??= entry.name;
        } else if (entry.type === 'organisation' && entry.orgType !== 'publication') {
          organisation ??= entry.name;
          if (entry.countryCode) countryCode ??= entry.countryCode;
        } else if (entry.type === 'party') countryCode ??= entry.countryCode;
        x += len - 1;
        break;
      }
    }
    // "The European Union's foreign policy chief": a possessive name among the modifiers owns it.
    let innerOwner: Mention | null = null;
    for (let x = from; x < best.end - best.headLen; x++) {
      const u = tokens[x]!;
      if ((u.lower === "'s" || u.lower === '’s') && !u.spaceBefore) {
        const named = [...nameAt.values()].find((n) => n.tokEnd === x);
        if (named) innerOwner = named;
      }
    }
    if (owner) {
      countryCode ??= owner.countryCode;
      organisation ??= owner.organisation;
    }
    const plural = /s$/.test(headNoun) && !/(ss|us|is)$/.test(headNoun) || (det !== null && PLURAL_DETS.has(det));
    const indefinite = det === null || (det !== 'poss' && INDEFINITE.has(det));
    let kind: MentionKind;
    if ((DOCUMENT_HEADS.has(headNoun) || DOCUMENT_HEADS.has(headNoun.replace(/s$/, ''))) && !PERSON_ROLES.has(headNoun) && !ANONYMOUS_HEADS.has(headNoun)) kind = 'doc';
    else if (GROUP_HEADS.has(headNoun) && !ANONYMOUS_HEADS.has(headNoun) && !PERSON_ROLES.has(headNoun)) kind = 'group';
    else if (indefinite && (ANONYMOUS_HEADS.has(headNoun) || PERSON_ROLES.has(headNoun))) kind = 'anon';
    else if (det === 'his' || det === 'her' || det === 'their' || det === 'its' || det === 'our') kind = 'role';
    else kind = 'role';
    // "The Foreign Office", "the White House": a name in the gazetteer, already a mention.
    if (lookupPhrase(joinTokens(tokens, from, best.end)).length > 0) continue;
    // Affiliation after the head: "a spokesman for Bernie Sanders", "the 32 leaders of the Alliance",
    // "a diplomat from a Nordic country".
    let end = best.end;
    let ownerAfter: Mention | null = null;
    const prep = tokens[end];
    if (prep && isWordToken(prep) && AFFILIATION_PREPS.has(prep.lower) && prep.sent === t.sent) {
      let k2 = end + 1;
      if (tokens[k2] && (tokens[k2]!.lower === 'the' || tokens[k2]!.lower === 'a' || tokens[k2]!.lower === 'an')) k2++;
      const named = nameAt.get(k2);
      if (named && (named.kind === 'org' || named.kind === 'state' || named.kind === 'person' || named.kind === 'pub')) {
        end = named.tokEnd;
        ownerAfter = named;
        // "an aide to Bush", "the ambassador to Ukraine": "to" names whom they serve or where, not whom they speak for.
        if (named.kind !== 'pub' && named.kind !== 'person' && prep.lower !== 'to') {
          countryCode ??= named.countryCode;
          organisation ??= named.organisation;
        }
      } else if (prep.lower === 'from') {
        // "from a Nordic country": a country adjective within the next words.
        for (let x = k2; x < k2 + 4 && x < tokens.length; x++) {
          const e2 = lookupPhrase(tokens[x]!.text).find((en) => en.type === 'country');
          if (e2 && e2.type === 'country') {
            countryCode ??= e2.code;
            break;
          }
        }
      }
    }
    // "a 23-year-old student who gave her name only as Nino", "a man identified only as Ahmed":
    // the description names its speaker after all.
    let namedAs: Mention | null = null;
    {
      let k2 = end;
      const words: string[] = [];
      while (k2 < tokens.length && k2 < end + 9 && isWordToken(tokens[k2]!) && tokens[k2]!.sent === t.sent && !nameAt.has(k2)) {
        words.push(tokens[k2]!.lower);
        k2++;
      }
      const phrase = words.join(' ');
      const named = nameAt.get(k2);
      if (named && named.kind === 'person' && /(^|\s)(gave|gives|give) (her|his|their) (first |full |last )?name (only )?as$|(^|\s)identified (only )?as$|(^|\s)(known|named|called) (only )?as$/.test(phrase)) {
        namedAs = named;
        end = named.tokStart;
      }
    }
    const m = add({
      kind, tokStart: start, tokEnd: end, head: headNoun, plural, gender: null, countryCode, organisation,
      roles: [headNoun], entry: null, possessive: false, modifier: false, indefinite, owner: owner ? owner.id : ownerAfter ? ownerAfter.id : innerOwner ? innerOwner.id : null,
    });
    const after = tokens[end];
    if (after && !after.spaceBefore && (after.lower === "'s" || after.lower === '’s')) m.possessive = true;
    void mods;
    if (owner) owner.modifier = true;
    if (namedAs) {
      m.modifier = true;
      namedAs.roles.push(...m.roles);
      namedAs.countryCode ??= m.countryCode;
      namedAs.organisation ??= m.organisation;
    }
    taken.add(start);
  }
}

/**
 * Links a name to the words around it that describe it: "Hungary's foreign minister Péter Szijjártó",
 * "the Slovak prime minister Robert Fico", "Jim Clyburn, a Democratic congressman from South
 * Carolina,", "Sen. Ted Cruz (R-Texas)". The describing mentions become modifiers.
 */
function linkModifiers(doc: Doc, mentions: Mention[]): void {
  const { tokens } = doc;
  const byEnd = new Map<number, Mention>();
  const byStart = new Map<number, Mention>();
  for (const m of mentions) {
    if (!byEnd.has(m.tokEnd) || (byEnd.get(m.tokEnd)!.tokEnd - byEnd.get(m.tokEnd)!.tokStart) < m.tokEnd - m.tokStart) byEnd.set(m.tokEnd, m);
    if (!byStart.has(m.tokStart)) byStart.set(m.tokStart, m);
  }
  for (const d of mentions) {
    // "The defence secretary, John Healey, said": the name in apposition is the mention to use.
    if ((d.kind !== 'role' && d.kind !== 'anon') || d.modifier) continue;
    if (tokens[d.tokEnd]?.text !== ',') continue;
    const name = byStart.get(d.tokEnd + 1);
    if (!name || name.kind !== 'person' || name.sent !== d.sent) continue;
    const after = tokens[name.tokEnd];
    if (!after || (after.text !== ',' && !(after.text === ')' ))) continue;
    d.modifier = true;
    name.roles.push(...d.roles);
    name.countryCode ??= d.countryCode;
    name.organisation ??= d.organisation;
  }
  for (const m of mentions) {
    if (m.kind === 'org' || m.kind === 'pub') {
      // "Ukraine's state energy company Naftogaz", "the opposition party ANO": the description is the name's.
      const desc = byEnd.get(m.tokStart);
      if (desc && desc !== m && (desc.kind === 'group' || desc.kind === 'role') && desc.sent === m.sent) {
        desc.modifier = true;
        m.countryCode ??= desc.countryCode;
      }
    }
    if (m.kind === 'org') {
      // "Ukraine's Air Force", "Ukraine's state energy company Naftogaz": the owner's country.
      let k = m.tokStart - 1;
      while (k >= 0 && m.tokStart - k <= 5 && isWordToken(tokens[k]!) && !tokens[k]!.cap && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN')) k--;
      const owner = tokens[k]?.lower === "'s" || tokens[k]?.lower === '’s' ? byEnd.get(k) : undefined;
      if (owner && owner.kind === 'state' && owner.countryCode) {
        owner.modifier = true;
        m.countryCode ??= owner.countryCode;
      }
      continue;
    }
    if (m.kind !== 'person') continue;
    {
      // "state energy company Naftogaz", "the opposition party ANO": a name introduced as an organisation is one.
      let k = m.tokStart - 1;
      while (k >= 0 && tokens[k]!.lower === 'the') k--;
      const noun = tokens[m.tokStart - 1];
      if (noun && isWordToken(noun) && !noun.cap && GROUP_HEADS.has(noun.lower) && !PERSON_ROLES.has(noun.lower) && !m.entry && m.roles.length === 0) {
        m.kind = 'org';
        m.organisation = m.text;
        let j = m.tokStart - 1;
        while (j >= 0 && m.tokStart - j <= 5 && isWordToken(tokens[j]!) && !tokens[j]!.cap && (tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NOUN')) j--;
        const owner = tokens[j]?.lower === "'s" || tokens[j]?.lower === '’s' ? byEnd.get(j) : byEnd.get(j + 1);
        if (owner && owner.kind === 'state' && owner.countryCode) {
          owner.modifier = true;
          m.countryCode = owner.countryCode;
        }
        const desc = byEnd.get(m.tokStart);
        if (desc && desc !== m && (desc.kind === 'group' || desc.kind === 'role') && desc.sent === m.sent) {
          desc.modifier = true;
          m.countryCode ??= desc.countryCode;
        }
        void k;
        continue;
      }
    }
    // Role words before the name: "foreign minister", "campaign spokesman", "former adviser".
    // Lower-case words before the name ending in a role: "top foreign policy aide", "campaign spokesman".
    let k = m.tokStart - 1;
    const roles: string[] = [];
    while (k >= 0 && m.tokStart - k <= 6) {
      const t = tokens[k]!;
      if (!isWordToken(t) || t.cap) break;
      if (PERSON_ROLES.has(t.lower) || GROUP_HEADS.has(t.lower) || t.pos === 'ADJ' || t.pos === 'NOUN' || t.lower === 'former' || t.lower === 'deputy') {
        roles.unshift(t.lower);
        k--;
        continue;
      }
      break;
    }
    // Only a description that ends in a role word counts; otherwise ("policy of Trump") nothing is taken.
    if (roles.length > 0 && !PERSON_ROLES.has(roles[roles.length - 1]!) && !PERSON_ROLES.has(roles.slice(-2).join(' '))) {
      k = m.tokStart - 1;
      roles.length = 0;
    }
    const before = byEnd.get(k + 1) ?? (tokens[k]?.lower === "'s" || tokens[k]?.lower === '’s' ? byEnd.get(k) : undefined);
    if (before && before !== m && (roles.length > 0 || before.kind === 'role' || before.kind === 'anon')) {
      if (before.kind === 'state' || before.kind === 'org' || before.kind === 'pub' || before.kind === 'person' || before.kind === 'role' || before.kind === 'anon' || before.kind === 'group') {
        before.modifier = true;
        m.owner ??= null;
        if (before.kind !== 'pub' && before.kind !== 'person') {
          m.countryCode ??= before.countryCode;
          m.organisation ??= before.organisation;
        }
        if (before.kind === 'role' || before.kind === 'anon') m.roles.push(...before.roles);
      }
    }
    // A description ending where the name starts: "the Slovak prime minister Robert Fico".
    const desc = byEnd.get(m.tokStart);
    if (desc && desc !== m && (desc.kind === 'role' || desc.kind === 'anon') && desc.sent === m.sent) {
      desc.modifier = true;
      m.roles.push(...desc.roles);
      m.countryCode ??= desc.countryCode;
      m.organisation ??= desc.organisation;
    }
    const roleText = roles.join(' ');
    if (roles.length > 0) m.roles.push(roleText);
    // Appositive after the name: ", a Democratic congressman from South Carolina," or "(R-Texas)".
    const comma = tokens[m.tokEnd];
    if (comma && comma.text === ',') {
      const app = byStart.get(m.tokEnd + 1);
      if (app && (app.kind === 'role' || app.kind === 'anon') && app.sent === m.sent) {
        app.modifier = true;
        m.roles.push(...app.roles);
        m.countryCode ??= app.countryCode;
        m.organisation ??= app.organisation;
      }
    }
    m.roles = [...new Set(m.roles)];
    if (comma && comma.text === '(') {
      const close = doc.body.indexOf(')', comma.start);
      if (close > 0 && close - comma.start < 16 && PARTY_LABEL.test(doc.body.slice(comma.start, close + 1))) m.countryCode ??= 'US';
    }
  }
}
