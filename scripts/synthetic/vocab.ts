// Word lists and templates for synthetic news. Everything here is invented: outlets, people and
// places are fictional, and URLs point at the reserved example.org domain.
import { Prng } from './prng';

export type Region = 'anglo' | 'germanic' | 'romance' | 'slavic' | 'baltic' | 'hungarian' | 'greek' | 'turkish' | 'albanian';

export type CountryInfo = {
  /** How the country is written inside a sentence. */
  inText: string;
  demonym: string;
  capital: string;
  region: Region;
  monarchy?: boolean;
  /** Leaning on the tracked questions, −2 (opposed) … +2 (pushes hardest). */
  lean: number;
  /** How often the press quotes it, relative to 1. */
  coverage: number;
};

export const COUNTRIES: Record<string, CountryInfo> = {
  AL: { inText: 'Albania', demonym: 'Albanian', capital: 'Tirana', region: 'albanian', lean: 1, coverage: 0.4 },
  BE: { inText: 'Belgium', demonym: 'Belgian', capital: 'Brussels', region: 'germanic', monarchy: true, lean: 0.6, coverage: 0.8 },
  BG: { inText: 'Bulgaria', demonym: 'Bulgarian', capital: 'Sofia', region: 'slavic', lean: 0, coverage: 0.6 },
  CA: { inText: 'Canada', demonym: 'Canadian', capital: 'Ottawa', region: 'anglo', lean: 1.2, coverage: 0.8 },
  HR: { inText: 'Croatia', demonym: 'Croatian', capital: 'Zagreb', region: 'slavic', lean: 0.6, coverage: 0.5 },
  CZ: { inText: 'Czechia', demonym: 'Czech', capital: 'Prague', region: 'slavic', lean: 1.2, coverage: 0.9 },
  DK: { inText: 'Denmark', demonym: 'Danish', capital: 'Copenhagen', region: 'germanic', monarchy: true, lean: 1.4, coverage: 0.8 },
  EE: { inText: 'Estonia', demonym: 'Estonian', capital: 'Tallinn', region: 'baltic', lean: 1.9, coverage: 1 },
  FI: { inText: 'Finland', demonym: 'Finnish', capital: 'Helsinki', region: 'baltic', lean: 1.4, coverage: 1 },
  FR: { inText: 'France', demonym: 'French', capital: 'Paris', region: 'romance', lean: 0.8, coverage: 2 },
  DE: { inText: 'Germany', demonym: 'German', capital: 'Berlin', region: 'germanic', lean: 0.5, coverage: 2.5 },
  GR: { inText: 'Greece', demonym: 'Greek', capital: 'Athens', region: 'greek', lean: 0.2, coverage: 0.6 },
  HU: { inText: 'Hungary', demonym: 'Hungarian', capital: 'Budapest', region: 'hungarian', lean: -1.4, coverage: 1.6 },
  IS: { inText: 'Iceland', demonym: 'Icelandic', capital: 'Reykjavík', region: 'germanic', lean: 0.8, coverage: 0.3 },
  IT: { inText: 'Italy', demonym: 'Italian', capital: 'Rome', region: 'romance', lean: 0.3, coverage: 1.3 },
  LV: { inText: 'Latvia', demonym: 'Latvian', capital: 'Riga', region: 'baltic', lean: 1.8, coverage: 0.9 },
  LT: { inText: 'Lithuania', demonym: 'Lithuanian', capital: 'Vilnius', region: 'baltic', lean: 1.9, coverage: 1 },
  LU: { inText: 'Luxembourg', demonym: 'Luxembourg', capital: 'Luxembourg', region: 'germanic', monarchy: true, lean: 0.5, coverage: 0.3 },
  ME: { inText: 'Montenegro', demonym: 'Montenegrin', capital: 'Podgorica', region: 'slavic', lean: 0.4, coverage: 0.3 },
  NL: { inText: 'the Netherlands', demonym: 'Dutch', capital: 'The Hague', region: 'germanic', monarchy: true, lean: 1.2, coverage: 1.1 },
  MK: { inText: 'North Macedonia', demonym: 'North Macedonian', capital: 'Skopje', region: 'slavic', lean: 0.4, coverage: 0.3 },
  NO: { inText: 'Norway', demonym: 'Norwegian', capital: 'Oslo', region: 'germanic', monarchy: true, lean: 1.1, coverage: 0.8 },
  PL: { inText: 'Poland', demonym: 'Polish', capital: 'Warsaw', region: 'slavic', lean: 1.8, coverage: 1.8 },
  PT: { inText: 'Portugal', demonym: 'Portuguese', capital: 'Lisbon', region: 'romance', lean: 0.5, coverage: 0.5 },
  RO: { inText: 'Romania', demonym: 'Romanian', capital: 'Bucharest', region: 'romance', lean: 1, coverage: 0.8 },
  SK: { inText: 'Slovakia', demonym: 'Slovak', capital: 'Bratislava', region: 'slavic', lean: -1, coverage: 1.1 },
  SI: { inText: 'Slovenia', demonym: 'Slovenian', capital: 'Ljubljana', region: 'slavic', lean: 0.4, coverage: 0.4 },
  ES: { inText: 'Spain', demonym: 'Spanish', capital: 'Madrid', region: 'romance', monarchy: true, lean: 0.4, coverage: 1 },
  SE: { inText: 'Sweden', demonym: 'Swedish', capital: 'Stockholm', region: 'germanic', monarchy: true, lean: 1.4, coverage: 1 },
  TR: { inText: 'Türkiye', demonym: 'Turkish', capital: 'Ankara', region: 'turkish', lean: -0.4, coverage: 1.2 },
  GB: { inText: 'the United Kingdom', demonym: 'British', capital: 'London', region: 'anglo', monarchy: true, lean: 1.5, coverage: 2.2 },
  US: { inText: 'the United States', demonym: 'US', capital: 'Washington', region: 'anglo', lean: 0.7, coverage: 3 },
  RU: { inText: 'Russia', demonym: 'Russian', capital: 'Moscow', region: 'slavic', lean: -2, coverage: 1.5 },
  UA: { inText: 'Ukraine', demonym: 'Ukrainian', capital: 'Kyiv', region: 'slavic', lean: 2, coverage: 2 },
};

export const FIRST_NAMES: Record<Region, readonly string[]> = {
  anglo: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'Sarah', 'Thomas', 'Emily', 'Daniel'],
  germanic: ['Lukas', 'Anna', 'Jonas', 'Sofie', 'Lars', 'Ingrid', 'Maarten', 'Eva', 'Henrik', 'Katrin', 'Pieter', 'Astrid'],
  romance: ['Pierre', 'Claire', 'Marco', 'Giulia', 'Javier', 'Lucía', 'João', 'Inês', 'Andrei', 'Ioana', 'Étienne', 'Chiara'],
  slavic: ['Piotr', 'Katarzyna', 'Tomáš', 'Jana', 'Marek', 'Petra', 'Ivan', 'Olena', 'Dragan', 'Milena', 'Andriy', 'Zuzana'],
  baltic: ['Kristjan', 'Liis', 'Jānis', 'Ilze', 'Mindaugas', 'Rūta', 'Mikko', 'Aino', 'Tõnis', 'Laura', 'Andris', 'Kaisa'],
  hungarian: ['Zoltán', 'Katalin', 'Péter', 'Eszter', 'László', 'Judit', 'Gábor', 'Anikó', 'Balázs', 'Réka'],
  greek: ['Nikos', 'Eleni', 'Giorgos', 'Maria', 'Dimitris', 'Sofia', 'Kostas', 'Ioanna', 'Yannis', 'Katerina'],
  turkish: ['Mehmet', 'Ayşe', 'Emre', 'Zeynep', 'Mustafa', 'Elif', 'Burak', 'Selin', 'Hakan', 'Deniz'],
  albanian: ['Arben', 'Elira', 'Besnik', 'Dorina', 'Ilir', 'Alketa', 'Gentian', 'Blerta', 'Erion', 'Mirela'],
};

export const SURNAMES: Record<Region, readonly string[]> = {
  anglo: ['Walker', 'Bennett', 'Hughes', 'Carter', 'Mitchell', 'Foster', 'Reynolds', 'Hayes', 'Brooks', 'Sullivan', 'Campbell', 'Graham'],
  germanic: ['Becker', 'Jansen', 'Vermeulen', 'Hansen', 'Lindqvist', 'Schmitt', 'de Vries', 'Andersen', 'Nilsson', 'Krüger', 'Peeters', 'Jónsson'],
  romance: ['Lefèvre', 'Moreau', 'Rossi', 'Ferrari', 'García', 'Navarro', 'Silva', 'Gonçalves', 'Popescu', 'Ionescu', 'Dubois', 'Esposito'],
  slavic: ['Nowak', 'Kowalski', 'Novák', 'Dvořák', 'Kovačić', 'Petrov', 'Shevchenko', 'Bondarenko', 'Popović', 'Marković', 'Wiśniewski', 'Jovanovski'],
  baltic: ['Tamm', 'Saar', 'Bērziņš', 'Kalniņš', 'Kazlauskas', 'Petrauskas', 'Virtanen', 'Korhonen', 'Ozols', 'Mäkinen', 'Kask', 'Jankauskas'],
  hungarian: ['Kovács', 'Szabó', 'Nagy', 'Tóth', 'Varga', 'Horváth', 'Kiss', 'Molnár', 'Farkas', 'Balogh'],
  greek: ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Karamanlis', 'Vlachos', 'Alexiou', 'Oikonomou', 'Makris', 'Pappas', 'Antoniou'],
  turkish: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Koç'],
  albanian: ['Hoxha', 'Shehu', 'Krasniqi', 'Berisha', 'Dervishi', 'Leka', 'Gashi', 'Kola', 'Marku', 'Basha'],
};

/** Roles held by the people quoted for each country; "opposition leader" speaks for themself. */
export const ROLES = ['President', 'Prime Minister', 'Foreign Minister', 'Defence Minister', 'Ambassador to NATO', 'opposition leader', 'senior lawmaker'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_NAMES: Record<string, Partial<Record<Role, string>>> = {
  US: { 'Prime Minister': 'Secretary of State', 'Foreign Minister': 'National Security Adviser', 'Defence Minister': 'Defense Secretary', 'opposition leader': 'Senate minority leader' },
  GB: { President: 'Deputy Prime Minister', 'Foreign Minister': 'Foreign Secretary', 'Defence Minister': 'Defence Secretary' },
};

export function roleTitle(country: string, role: Role): string {
  const own = ROLE_NAMES[country]?.[role];
  if (own) return own;
  if (role === 'President' && COUNTRIES[country]?.monarchy) return 'Deputy Prime Minister';
  return role;
}

/** How often each role is quoted, in ROLES order. */
export const ROLE_WEIGHTS = [3, 4, 5, 4, 2, 2, 1];

export const ORGANISATION_PEOPLE: Record<string, { role: string; region: Region }[]> = {
  nato: [
    { role: 'NATO Secretary General', region: 'germanic' },
    { role: 'NATO Deputy Secretary General', region: 'romance' },
    { role: 'NATO spokesperson', region: 'anglo' },
    { role: 'Chair of the NATO Military Committee', region: 'germanic' },
  ],
  eu: [
    { role: 'EU foreign policy chief', region: 'baltic' },
    { role: 'European Commission President', region: 'germanic' },
    { role: 'European Council President', region: 'romance' },
    { role: 'EU Defence Commissioner', region: 'baltic' },
  ],
};

/** Speakers the press cannot attribute to anyone known: stored without an actor. */
export const UNATTRIBUTED_LABELS = [
  'a person familiar with the talks',
  'one European diplomat',
  'an official who asked not to be named',
  'a source close to the negotiations',
  'people briefed on the discussions',
];

export const PUBLISHERS = [
  'Atlantic Ledger', 'Baltic Wire', 'Continental Post', 'Eastern Flank Review', 'Danube Courier', 'Nordic Monitor',
  'Capitol Dispatch', 'Channel Herald', 'Adriatic Times', 'Iberian Observer', 'Black Sea Bulletin', 'Alpine Gazette',
  'Polar Report', 'Vistula Daily', 'Aegean Chronicle', 'Bosphorus Review', 'Carpathian News', 'Rhine Journal',
  'Hudson Tribune', 'Thames Standard', 'Maple Wire', 'Dnipro Morning', 'Tagus Evening Post', 'Lowlands Letter',
];

export type Topic = { slug: string; title: string; question: string; scaleLabels: [string, string, string, string, string]; phrase: string };

function labels(short: string): [string, string, string, string, string] {
  return [`oppose ${short}`, `wary of ${short}`, `undecided on ${short}`, `support ${short}`, `push for ${short} now`];
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
export { slugify };

const WEAPONS = ['long-range missiles', 'fighter jets', 'air defence systems', 'main battle tanks', 'artillery shells', 'attack drones', 'armoured vehicles', 'naval drones', 'cruise missiles', 'electronic warfare kits', 'demining equipment', 'combat helicopters'];
const SECTORS = ['oil', 'LNG', 'nuclear fuel', 'aluminium', 'steel', 'diamonds', 'fertiliser', 'banks', 'tankers', 'fisheries', 'timber', 'grain exports', 'software imports', 'state media'];
const REGIONS = ['the Baltic states', 'Poland', 'Romania', 'Slovakia', 'Hungary', 'Bulgaria', 'the High North', 'the Black Sea region', 'Finland'];
const SPENDING = ['2%', '2.5%', '3%', '3.5%', '5%'];
const TRAINING = ['pilots', 'soldiers', 'naval crews', 'medics', 'drone operators'];
const INFRASTRUCTURE = ['undersea cables', 'pipelines', 'power grids', 'ports', 'satellites', 'railways'];
const PROCUREMENT = ['air defence', 'ammunition', 'drones', 'satellites', 'tanks', 'fighter jets'];
const SINGLE = [
  ['Ceasefire negotiations', 'a negotiated ceasefire'],
  ["Ukraine's NATO membership", "Ukraine's NATO membership"],
  ['EU accession for Ukraine', 'EU accession for Ukraine'],
  ['Frozen Russian assets', 'using frozen Russian assets'],
  ['Reparations fund', 'a reparations fund for Ukraine'],
  ['Expelling Russian diplomats', 'expelling Russian diplomats'],
  ['Closing airspace to Russian aircraft', 'closing airspace to Russian aircraft'],
  ['Visa ban for Russian tourists', 'a visa ban for Russian tourists'],
  ['Special tribunal for aggression', 'a special tribunal for the crime of aggression'],
  ['Security guarantees for Ukraine', 'security guarantees for Ukraine'],
  ['Peacekeepers in Ukraine', 'European peacekeepers in Ukraine'],
  ['Nuclear sharing', 'wider nuclear sharing'],
  ['Hybrid threat response', 'a joint response to hybrid attacks'],
  ['Cyber deterrence', 'offensive cyber deterrence'],
  ['Arms control talks with Russia', 'arms control talks with Russia'],
  ['Restoring the NATO-Russia Council', 'restoring the NATO-Russia Council'],
  ['Black Sea grain corridor', 'protecting the Black Sea grain corridor'],
  ['Energy independence from Russia', 'ending energy imports from Russia'],
  ['European air defence shield', 'a European air defence shield'],
  ['Conscription', 'bringing back conscription'],
  ['Border fences', 'fences on the border with Russia and Belarus'],
  ['Secondary sanctions', 'sanctions on third countries that help Russia'],
  ['Russian athletes at international events', 'banning Russian athletes from international events'],
  ['Seizing the shadow fleet', 'seizing tankers of the shadow fleet'],
  ['Strikes on targets inside Russia', 'lifting limits on strikes inside Russia'],
  ['Eurobonds for defence', 'joint borrowing for defence'],
  ['A defence production fund', 'a common defence production fund'],
  ['Recognising Russian disinformation as a threat', 'treating disinformation as a security threat'],
  ['Closing Russian consulates', 'closing Russian consulates'],
  ['Permanent bases on the eastern flank', 'permanent bases on the eastern flank'],
  ['Mine clearance in the Black Sea', 'clearing mines in the Black Sea'],
  ['Trade with Belarus', 'cutting trade with Belarus'],
  ['Long-term funding for Ukraine', 'multi-year funding for Ukraine'],
  ['Air policing over the Baltic', 'a stronger air policing mission over the Baltic'],
  ['Gas transit through Ukraine', 'ending Russian gas transit through Ukraine'],
  ['Sanctions on Belarus', 'new sanctions on Belarus'],
  ['Hosting allied nuclear weapons', 'hosting allied nuclear weapons'],
  ['Military mobility corridors', 'military mobility corridors across Europe'],
];

/** About a hundred tracked questions, after the seed's own five. */
export function generatedTopics(): Topic[] {
  const topics: Topic[] = [];
  for (const w of WEAPONS) {
    topics.push({
      slug: slugify(`deliver ${w}`),
      title: `${cap(w)} for Ukraine`,
      question: `Should allies deliver ${w} to Ukraine?`,
      scaleLabels: ['oppose deliveries', 'reluctant to deliver', 'undecided on deliveries', 'support deliveries', 'push for deliveries now'],
      phrase: `deliveries of ${w} to Ukraine`,
    });
  }
  for (const s of SECTORS) {
    topics.push({
      slug: slugify(`sanctions on russian ${s}`),
      title: `Sanctions on Russian ${s}`,
      question: `Should allies impose sanctions on Russian ${s}?`,
      scaleLabels: ['oppose sanctions', 'wary of sanctions', 'undecided on sanctions', 'support sanctions', 'push for sanctions now'],
      phrase: `sanctions on Russian ${s}`,
    });
  }
  for (const r of REGIONS) {
    topics.push({
      slug: slugify(`troops in ${r}`),
      title: `Allied troops in ${r.replace(/^the /, 'the ')}`,
      question: `Should NATO raise its permanent presence in ${r}?`,
      scaleLabels: ['oppose more troops', 'wary of more troops', 'undecided on troops', 'support more troops', 'push for more troops now'],
      phrase: `a larger allied presence in ${r}`,
    });
  }
  for (const p of SPENDING) {
    topics.push({
      slug: slugify(`defence spending ${p.replace('%', ' percent')}`),
      title: `Defence spending of ${p} of GDP`,
      question: `Should allies commit to spending ${p} of GDP on defence?`,
      scaleLabels: labels(`the ${p} target`),
      phrase: `a defence spending target of ${p} of GDP`,
    });
  }
  for (const t of TRAINING) {
    topics.push({
      slug: slugify(`training ukrainian ${t}`),
      title: `Training Ukrainian ${t}`,
      question: `Should allies train Ukrainian ${t} on their territory?`,
      scaleLabels: labels('the training mission'),
      phrase: `training Ukrainian ${t}`,
    });
  }
  for (const i of INFRASTRUCTURE) {
    topics.push({
      slug: slugify(`protecting ${i}`),
      title: `Protecting ${i}`,
      question: `Should NATO patrol and protect critical ${i}?`,
      scaleLabels: labels('allied patrols'),
      phrase: `allied protection of ${i}`,
    });
  }
  for (const p of PROCUREMENT) {
    topics.push({
      slug: slugify(`joint procurement ${p}`),
      title: `Joint procurement of ${p}`,
      question: `Should allies buy ${p} together?`,
      scaleLabels: labels('joint procurement'),
      phrase: `joint procurement of ${p}`,
    });
  }
  for (const [title, phrase] of SINGLE) {
    topics.push({ slug: slugify(title!), title: title!, question: `Should allies back ${phrase}?`, scaleLabels: labels('it'), phrase: phrase! });
  }
  return topics;
}

export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Quote templates by polarity: what a speaker says depends on where their side stands.
// `{o}` is the topic's phrase, `{c}` the speaker's country in a sentence.
export const DIRECT_OPENERS: Record<-1 | 0 | 1, readonly string[]> = {
  1: [
    'We fully support {o} as an answer to Russia',
    'It is time for NATO to move ahead with {o}',
    'Our government will push for {o} at the next summit',
    'We have always been in favour of {o}',
    'There can be no more delay on {o}',
    'NATO must agree on {o} now',
    'We are ready to lead on {o}',
  ],
  0: [
    'We are still assessing {o}',
    'No decision has been taken on {o}',
    'We need more time to consult our NATO allies on {o}',
    'The question of {o} remains open',
    'We will listen to every ally before we decide on {o}',
  ],
  [-1]: [
    'We cannot support {o}',
    'It would be a mistake to rush into {o}',
    'Our government does not see the case for {o}',
    'We will not back {o} at this stage',
    'Talk of {o} only plays into Russia\'s hands',
    'Nobody has convinced us that {o} would stop Russia',
  ],
};

export const REPORTED_OPENERS: Record<-1 | 0 | 1, readonly string[]> = {
  1: ['{c} supports {o}', 'the government would push for {o}', '{c} was ready to back {o}', 'NATO allies should agree on {o} without delay', 'the case for {o} was overwhelming given Russia\'s conduct'],
  0: ['{c} had not yet decided on {o}', 'talks on {o} would continue at NATO', 'the government was still assessing {o}', 'no decision on {o} was expected before the summit'],
  [-1]: ['{c} could not support {o}', 'the government saw no case for {o}', '{c} would block {o} if necessary', 'pressing ahead with {o} would only raise tensions with Russia'],
};

export const CONNECTORS = ['because', 'as long as', 'while', 'given that', 'now that', 'and we know that', 'but', 'since', 'even though', 'after'];
// Weighted toward Russia and NATO, as in the coverage this imitates.
// Weighted toward Russia and NATO, as in the coverage this imitates: together with the objects
// and second sentences below, "Russia" ends up in about half of the quotes and "NATO" in four in ten.
// Singular subjects only: the verbs are third person singular.
export const SUBJECTS = [
  ...Array<string>(8).fill('Russia'), 'Moscow', 'Moscow', 'the Kremlin', 'the Kremlin',
  ...Array<string>(6).fill('NATO'), 'the alliance', 'Ukraine', 'Europe', 'Washington', 'the European Union', 'the Russian army', 'every ally',
];
export const VERBS = [
  'continues to threaten', 'keeps testing', 'has escalated attacks on', 'is rebuilding', 'must defend', 'cannot ignore', 'will not abandon',
  'is preparing for a long fight over', 'has to protect', 'underestimates', 'is watching', 'depends on', 'remains committed to',
  'is spending heavily on', 'wants to divide', 'has repeatedly violated', 'is probing', 'still underestimates the risk to',
];
export const OBJECTS = [
  'European security', 'the eastern flank', 'our airspace', 'the Baltic Sea', 'critical infrastructure', 'the transatlantic bond',
  'Ukrainian cities', 'energy supplies', 'the international order', 'our common defence', 'the Black Sea', 'its neighbours',
  'the rules-based order', 'arms control', 'allied unity', 'the front line', 'the Arctic', 'civilian infrastructure',
  'its military industry', 'deterrence', "NATO's eastern flank", 'NATO cohesion', 'NATO air policing', "Russia's neighbours",
  'the NATO-Russia relationship', 'Russian oil revenues',
];
/** `{p}` is a place drawn from the long tail; `{y}` a year. */
export const MODIFIERS = [
  '', '', '', ' near {p}', ' around {p}', ' in the region of {p}', ' since the attack on {p}', ' this winter', ' every single day',
  ' after the strikes on {p}', ' along the border', ' at the {p} summit', ' more than ever', ' since {y}', ' as we saw in {p}',
  ' from bases near {p}', ' despite the losses at {p}',
];
export const SECOND_SENTENCES = [
  'Russia will not stop on its own',
  'NATO has to stay united on this',
  'Our citizens expect clarity',
  'We discussed this with our allies in {p}',
  'The situation around {p} shows what is at stake',
  'This is about the security of all of Europe',
  'Russia is counting on us to get tired',
  'We will return to this at the next NATO meeting',
  'Nobody wants a wider war with Russia',
  'Russia understands only strength',
];
export const TITLE_TEMPLATES = [
  '{c} {verb} {o}',
  'NATO ministers discuss {o} in {city}',
  'Allies weigh {o} after strikes near {p}',
  '{c} and {c2} split over {o}',
  'Pressure grows on {c} over {o}',
  'What {o} would mean for Russia',
  'Debate over {o} returns to Brussels',
];
export const TITLE_VERBS: Record<-1 | 0 | 1, readonly string[]> = {
  1: ['backs', 'pushes for', 'calls for', 'signals support for'],
  0: ['weighs', 'delays decision on', 'reviews', 'stays silent on'],
  [-1]: ['blocks', 'rejects', 'warns against', 'resists'],
};

/** Narrative sentences between the quotes. */
export const FILLER = [
  'The meeting in {city} comes ahead of the NATO summit in {city2}.',
  'Ministers are expected to return to {o} at their next meeting in {month}.',
  'Russia launched {n} drones and {m} missiles overnight, the Ukrainian air force reported.',
  'The talks were first reported by {pub}.',
  'Officials in {city} declined to comment on the details.',
  'Analysts in {city} noted that the debate over {o} has divided allies since {y}.',
  'The facility near {p} was hit again on {weekday}.',
  'Diplomats expect the question of {o} to dominate the next round of talks.',
  '{C} joined NATO in {acc}.',
  'Satellite images published on {weekday} showed new Russian positions near {p}.',
  'The government in {city} faces elections next year.',
  'The European Commission is preparing a proposal on {o}, according to an internal document.',
  'Russian state media described the plan as a provocation.',
  'Several allies have asked for more time to study the costs.',
  'The alliance held exercises near {p} in {month}, involving {troops} troops.',
  'Energy prices in {city} rose by {pct} percent after the announcement.',
  'Ukrainian forces reported heavy fighting around {p} and {p2}.',
  'A joint statement is expected at the end of the two-day meeting.',
  'The proposal would cost an estimated {n} million euros a year.',
  'Parliament in {city} is due to vote on the package in {month}.',
];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const ONSETS = ['b', 'br', 'd', 'dr', 'g', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'z', 'sh', 'ch', 'zh', 'h', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ya', 'ie', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 'v', 'sk', 'm', 'k'];
const ENDINGS = ['ovo', 'ivka', 'sk', 'grad', 'ino', 'ets', 'iv', 'any', 'ovka', 'burg', 'ava', 'ne', 'ek', 'ia', 'ow'];

/**
 * Invented place names: the long tail of the vocabulary. Drawn by Zipf rank, the first few
 * appear in thousands of quotes and the last ones in a few dozen at a million quotes.
 */
export function placeNames(count: number): string[] {
  const rng = new Prng('standpoint-places');
  const names = new Set<string>();
  while (names.size < count) {
    let name = '';
    const syllables = rng.range(1, 2);
    for (let s = 0; s < syllables; s++) name += rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
    name += rng.pick(ENDINGS);
    names.add(cap(name));
  }
  return [...names];
}
