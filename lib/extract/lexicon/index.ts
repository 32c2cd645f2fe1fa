// The extractor's word lists, as lookups. The lists themselves are data (the JSON files here).
import countriesData from './countries.json';
import organisationsData from './organisations.json';
import cuesData from './cues.json';
import rolesData from './roles.json';
import peopleData from './people.json';
import firstNamesData from './first-names.json';
import placesData from './places.json';

export type Gender = 'm' | 'f';

/** What a phrase in the gazetteer denotes. */
export type Entry =
  | { type: 'country'; code: string; form: 'name' | 'adjective' | 'demonym' | 'capital' }
  | { type: 'organisation'; name: string; orgType: string; countryCode: string | null }
  | { type: 'body'; name: string; countryCode: string }
  | { type: 'party'; name: string; countryCode: string }
  | { type: 'person'; name: string; countryCode: string | null; organisation: string | null; gender: Gender | null }
  | { type: 'place'; name: string };

/** Diacritics folded and lower-cased, whitespace collapsed: the key of every phrase lookup. */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Phrases by folded key; case-sensitive forms are kept to refuse "us" for "US". */
const phrases = new Map<string, { exact: Set<string>; entries: Entry[] }>();
let maxPhraseWords = 1;

/** Folded first words of every phrase: most words start none, and need no longer lookups. */
const firstWords = new Set<string>();

function addPhrase(phrase: string, entry: Entry): void {
  const key = foldKey(phrase);
  if (!key) return;
  firstWords.add(key.split(' ')[0]!);
  const words = key.split(' ').length;
  if (words > maxPhraseWords) maxPhraseWords = words;
  let slot = phrases.get(key);
  if (!slot) {
    slot = { exact: new Set(), entries: [] };
    phrases.set(key, slot);
  }
  slot.exact.add(phrase.replace(/\s+/g, ' ').replace(/^the /i, ''));
  slot.entries.push(entry);
  // "the Kremlin" is also looked up without its article.
  if (/^the /i.test(phrase)) addPhrase(phrase.replace(/^the /i, ''), entry);
}

export const COUNTRY_NAMES = new Map<string, string>();
export const COUNTRY_ADJECTIVES = new Map<string, string>();
for (const c of countriesData.countries) {
  COUNTRY_NAMES.set(c.code, c.names[0]!);
  COUNTRY_ADJECTIVES.set(c.code, c.adjectives[0] ?? c.names[0]!);
  for (const n of c.names) addPhrase(n, { type: 'country', code: c.code, form: 'name' });
  for (const a of c.adjectives) addPhrase(a, { type: 'country', code: c.code, form: 'adjective' });
  for (const d of c.demonyms) addPhrase(d, { type: 'country', code: c.code, form: 'demonym' });
  for (const cap of c.capitals) addPhrase(cap, { type: 'country', code: c.code, form: 'capital' });
}
for (const o of organisationsData.organisations) {
  for (const a of o.aliases) addPhrase(a, { type: 'organisation', name: o.name, orgType: o.type, countryCode: o.countryCode });
}
for (const b of organisationsData.nationalBodies) {
  for (const a of b.aliases) addPhrase(a, { type: 'body', name: b.name, countryCode: b.countryCode });
}
for (const p of organisationsData.parties) {
  for (const a of p.aliases) if (!a.endsWith('-')) addPhrase(a, { type: 'party', name: p.name, countryCode: p.countryCode });
}
for (const p of peopleData.people) {
  const entry: Entry = {
    type: 'person',
    name: p.name,
    countryCode: p.countryCode,
    organisation: p.organisation,
    gender: p.gender === 'm' || p.gender === 'f' ? p.gender : null,
  };
  addPhrase(p.name, entry);
  for (const a of p.aliases) addPhrase(a, entry);
}

for (const place of placesData.places) {
  if (!phrases.has(foldKey(place))) addPhrase(place, { type: 'place', name: place });
}

export const MAX_PHRASE_WORDS = maxPhraseWords;

/**
 * Entries for a phrase as written. Short all-capital forms ("US", "UN", "AP") must match exactly,
 * so that the pronoun "us" or the word "Ap" is not read as one.
 */
const lookupCache = new Map<string, Entry[]>();
const EMPTY: Entry[] = [];

export function lookupPhrase(text: string): Entry[] {
  let hit = lookupCache.get(text);
  if (hit === undefined) {
    hit = lookupUncached(text);
    // Bounded: the cache only saves work on the words of typical news.
    if (lookupCache.size > 50_000) lookupCache.clear();
    lookupCache.set(text, hit);
  }
  return hit;
}

const startCache = new Map<string, boolean>();

/** Whether some gazetteer phrase starts with this word. */
export function startsPhrase(word: string): boolean {
  let hit = startCache.get(word);
  if (hit === undefined) {
    hit = firstWords.has(foldKey(word));
    if (startCache.size > 50_000) startCache.clear();
    startCache.set(word, hit);
  }
  return hit;
}

function lookupUncached(text: string): Entry[] {
  const key = foldKey(text);
  const slot = phrases.get(key);
  if (!slot) return EMPTY;
  const plain = text.replace(/\s+/g, ' ').replace(/^the /i, '');
  if (plain.length <= 4 || /^[A-Z.]+$/.test(plain)) {
    if (!slot.exact.has(plain)) return [];
  } else if (!/\p{Lu}/u.test(plain.charAt(0)) && !slot.exact.has(plain)) {
    // Gazetteer phrases are proper names: "turkey" or "jordan" in lower case are not countries.
    return [];
  }
  return slot.entries;
}

// Cue verbs: every inflected form mapped to its lemma.
export const CUE_FORMS = new Map<string, string>();
function inflect(lemma: string): string[] {
  const forms = [lemma];
  const e = lemma.endsWith('e');
  const y = /[^aeiou]y$/.test(lemma);
  const sib = /(s|sh|ch|x|z)$/.test(lemma);
  forms.push(y ? lemma.slice(0, -1) + 'ies' : sib ? lemma + 'es' : lemma + 's');
  forms.push(e ? lemma + 'd' : y ? lemma.slice(0, -1) + 'ied' : lemma + 'ed');
  forms.push(e && !lemma.endsWith('ee') ? lemma.slice(0, -1) + 'ing' : lemma + 'ing');
  return forms;
}
const irregular = cuesData.irregular as Record<string, string[]>;
for (const lemma of cuesData.verbs) {
  for (const f of irregular[lemma] ?? inflect(lemma)) if (!CUE_FORMS.has(f)) CUE_FORMS.set(f, lemma);
}
/** Verbs that report speech in a that-clause: "X said (that) …". */
export const REPORTING_LEMMAS = new Set(cuesData.reporting);
export const SPEECH_NOUNS = new Set(cuesData.speechNouns.map((s) => s.toLowerCase()));

/** Lemmas of verbs of saying proper (as opposed to verbs of judging like "call" or "praise"). */
export const SAY_LEMMAS = new Set([
  'say', 'tell', 'add', 'write', 'post', 'tweet', 'state', 'declare', 'announce', 'continue', 'reply', 'respond', 'answer',
  'explain', 'note', 'insist', 'argue', 'claim', 'warn', 'stress', 'emphasise', 'emphasize', 'recall', 'joke', 'quip',
  'ask', 'conclude', 'remark', 'observe', 'comment', 'retort', 'counter', 'acknowledge', 'admit', 'concede', 'mention',
  'predict', 'promise', 'vow', 'pledge', 'urge', 'complain', 'exclaim', 'shout', 'yell', 'whisper', 'muse', 'repeat',
  'reiterate', 'confirm', 'deny', 'assert', 'boast', 'brag', 'caution', 'suggest', 'report', 'testify', 'begin', 'put',
  'write', 'email', 'text', 'blog', 'interject', 'chime', 'thunder', 'lament', 'plead', 'add', 'underline', 'underscore',
]);

export const PERSON_ROLES = new Set(rolesData.personRoles.map((s) => s.toLowerCase()));
export const ANONYMOUS_HEADS = new Set(rolesData.anonymousHeads.map((s) => s.toLowerCase()));
export const ANONYMOUS_DETERMINERS = new Set(rolesData.anonymousDeterminers.map((s) => s.toLowerCase()));
export const ANONYMOUS_MODIFIERS = new Set(rolesData.anonymousModifiers.map((s) => s.toLowerCase()));
export const FAMILIAR_PHRASES = rolesData.familiarPhrases.map((s) => s.toLowerCase());
export const GROUP_HEADS = new Set(rolesData.groupHeads.map((s) => s.toLowerCase()));
export const DOCUMENT_HEADS = new Set(rolesData.documentHeads.map((s) => s.toLowerCase()));
export const TITLES = new Set(rolesData.titles.map((s) => s.toLowerCase()));
export const FEMALE_TITLES = new Set(rolesData.femaleTitles.map((s) => s.toLowerCase()));
export const MALE_TITLES = new Set(rolesData.maleTitles.map((s) => s.toLowerCase()));
/** Last words of every head noun (roles, anonymous, group and document heads): a quick pre-check. */
export const HEAD_LAST_WORDS = new Set(
  [...rolesData.personRoles, ...rolesData.anonymousHeads, ...rolesData.groupHeads, ...rolesData.documentHeads].map((h) => h.toLowerCase().split(' ').pop()!),
);
export const MAX_TITLE_WORDS = Math.max(...rolesData.titles.map((t) => t.split(' ').length));
export const MAX_ROLE_WORDS = Math.max(...rolesData.personRoles.map((t) => t.split(' ').length));

const female = new Set(firstNamesData.female);
const male = new Set(firstNamesData.male);
export function firstNameGender(name: string): Gender | null {
  if (female.has(name)) return 'f';
  if (male.has(name)) return 'm';
  return null;
}
export function isKnownFirstName(name: string): boolean {
  return female.has(name) || male.has(name);
}
