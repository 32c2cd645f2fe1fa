import { describe, expect, it } from 'vitest';
import { extract, quoteStarting } from './helpers';
import type { Speaker } from '@/lib/extract/types';

type Expect = Partial<Speaker>;

// Who said a quote: each row is a short article, the start of one quote in it, and what the speaker
// must be. Names are compared by inclusion (the article may give a fuller name elsewhere).
function check(body: string, prefix: string, want: Expect, fields = {}): void {
  const q = quoteStarting(extract(body, fields), prefix);
  expect(q.speaker, `speaker of "${prefix}"`).not.toBeNull();
  const s = q.speaker!;
  if (want.name) expect(s.name).toContain(want.name);
  if (want.kind) expect(s.kind).toBe(want.kind);
  if (want.countryCode !== undefined) expect(s.countryCode).toBe(want.countryCode);
  if (want.organisation !== undefined) expect(s.organisation).toBe(want.organisation);
}

describe('speech cues before and after the quote', () => {
  it.each<[string, string, string, Expect]>([
    ['cue after, name first', '“We will not accept this,” Szijjártó said.', 'We will not', { name: 'Szijjártó', kind: 'person' }],
    ['cue after, inverted', '“We will not accept this,” said Jim Clyburn, a congressman from South Carolina.', 'We will not', { name: 'Clyburn' }],
    ['cue after an appositive', '“Not us, but we cannot argue with it!” Mike Murphy, the head of a Super PAC backing Jeb Bush, tweeted on Friday.', 'Not us', { name: 'Murphy' }],
    ['cue before with a colon', 'Mark Rutte told reporters in Brussels: “The door remains open for every country.”', 'The door', { name: 'Rutte' }],
    ['said on X:', 'Kaja Kallas wrote on X: “Today we adopted our sixteenth sanctions package.”', 'Today we', { name: 'Kallas' }],
    ['said that + quote', 'Stoltenberg told a news conference that the summit sent “a strong message to Moscow today.”', 'a strong', { name: 'Stoltenberg' }],
    ['according to', 'According to Dmitry Peskov, Moscow remains “open to dialogue on its terms”.', 'open to', { name: 'Peskov', countryCode: 'RU' }],
    ['a colon paragraph introduces the next', 'Speaking at a think tank in Brussels, Mark Rutte said:\n“Russia is preparing for a long confrontation with us.”', 'Russia is', { name: 'Rutte' }],
    ['a verb of judging', 'Ted Cruz called the plan “a total disaster for working families.”', 'a total', { name: 'Cruz' }],
    ['a dash and a name after the quote', 'Readers wrote in.\n“You are not a leader, you are a dictator.” ― Christina Lastra.', 'You are not', { name: 'Lastra' }],
    ['a transcript label inside the quote', 'Partial transcript as follows:\n"WALLACE: Let’s start with the breaking news on the debate.\n"PENCE: Well, look, she apparently thinks this is a game show.', 'WALLACE:', { name: 'WALLACE' }],
    ['the object of told is not the speaker', '“We have no signals of any reduction,” Kosiniak-Kamysz told Polish radio.', 'We have no', { name: 'Kosiniak-Kamysz' }],
  ])('%s', (_name, body, prefix, want) => check(body, prefix, want));
});

describe('coreference', () => {
  it.each<[string, string, string, Expect]>([
    [
      'he carried back to the named person',
      'Hungary\'s foreign minister Péter Szijjártó spoke in Budapest on Tuesday. He also criticised the Commission. “Brussels is pushing Europe into a confrontation,” he wrote on Facebook.',
      'Brussels is',
      { name: 'Szijjártó', countryCode: 'HU' },
    ],
    [
      'she carried back past a man',
      'Kaja Kallas met Marco Rubio in Munich. Asked about the talks, she said: “Any deal behind Ukraine’s back will not work.”',
      'Any deal',
      { name: 'Kallas' },
    ],
    [
      'the minister carried back to the role description',
      'Estonia\'s foreign minister Margus Tsahkna called for seizing Russian assets. “The time for discussing this is over,” the minister told a conference.',
      'The time',
      { name: 'Tsahkna', countryCode: 'EE' },
    ],
    [
      'the official carried back to an anonymous speaker',
      '“We are not ready to decide this now,” a senior U.S. official told reporters. “It is time to develop a new strategy,” the official said.',
      'It is time',
      { kind: 'anonymous', countryCode: 'US' },
    ],
    [
      'they added after an anonymous speaker',
      '“Discussions are ongoing among allies,” a senior US official said. “We are ready to provide leadership,” they added.',
      'We are ready',
      { kind: 'anonymous', countryCode: 'US' },
    ],
    [
      'a surname clustered with the full name',
      'Donald Trump spoke at a rally in Iowa. Later, Trump told supporters: “We are going to win so much.”',
      'We are going',
      { name: 'Donald Trump', countryCode: 'US' },
    ],
    [
      'a split quote keeps its speaker',
      '“We are not naive,” one EU diplomat said, “but we cannot wait for Washington to decide for us.”',
      'but we cannot',
      { kind: 'anonymous', organisation: 'EU' },
    ],
    [
      'a continued paragraph keeps its speaker',
      'Zelensky said in his evening address:\n“Every day we hear talk about peace from everyone.\n“That is why we say: guarantees first,” he added.\nSybiha agreed with him.',
      'Every day',
      { name: 'Zelensky', countryCode: 'UA' },
    ],
  ])('%s', (_name, body, prefix, want) => check(body, prefix, want));
});

describe('anonymous speakers are not the nearby named person', () => {
  it.each<[string, string, string, Expect]>([
    ['a senior US official', 'Trump met Rutte on Monday. “Talks on the summit are ongoing among allies,” a senior US official said.', 'Talks on', { kind: 'anonymous', countryCode: 'US' }],
    ['one NATO diplomat', 'Rutte arrived in Brussels. “Nobody wants to push this over the line now,” one NATO diplomat said.', 'Nobody wants', { kind: 'anonymous', organisation: 'NATO', countryCode: null }],
    ['several diplomats', 'Kallas spoke first. The allies are “frustrated but realistic about it”, several diplomats told Euractiv.', 'frustrated', { kind: 'anonymous' }],
    ['a Euractiv source', 'Von der Leyen presented the plan. The Commission is working on “a compromise that everybody can live with”, a Euractiv source said.', 'a compromise', { kind: 'anonymous', countryCode: null }],
    ['an official on condition of anonymity', 'Erdoğan spoke after prayers. A Turkish official, speaking on condition of anonymity, said preparations were “at an early stage of work”.', 'at an early', { kind: 'anonymous', countryCode: 'TR' }],
  ])('%s', (_name, body, prefix, want) => check(body, prefix, want));
});

describe('countries and organisations', () => {
  it.each<[string, string, string, Expect]>([
    ['a role description gives the country', 'The Slovak prime minister Robert Fico said: “We will stop the electricity supplies.”', 'We will stop', { name: 'Fico', countryCode: 'SK' }],
    ['Russia\'s Foreign Ministry is the Russian state', 'Russia\'s Foreign Ministry said the plan was «a direct path to an escalation with consequences».', 'a direct path', { kind: 'state', countryCode: 'RU' }],
    ['the Kremlin is the Russian state', '“These are confrontational statements,” the Kremlin said on Monday.', 'These are', { kind: 'state', countryCode: 'RU' }],
    ['NATO speaks for no country', '“The door remains open,” NATO said in a statement.', 'The door', { kind: 'organisation', organisation: 'NATO', countryCode: null }],
    ['Brussels is the EU', '“Sanctions will stay in place,” Brussels said.', 'Sanctions will', { kind: 'organisation', organisation: 'EU' }],
    ['a demonym in an anonymous description', '“It is a dead letter and everybody knows it,” an Estonian official said.', 'It is a dead', { kind: 'anonymous', countryCode: 'EE' }],
    ['the NATO Secretary General speaks for NATO', '“We will need a lot more than two percent,” NATO Secretary General Mark Rutte said.', 'We will need', { name: 'Rutte', organisation: 'NATO', countryCode: null }],
    ['a party label', '“This is not who we are,” said Sen. Tim Kaine (D-Va.).', 'This is not', { name: 'Kaine', countryCode: 'US' }],
    ['a long title before the name', 'India\'s External Affairs Minister S. Jaishankar defended the purchases, saying they were “in the interest of the Indian consumer.”', 'in the interest', { name: 'Jaishankar', countryCode: 'IN' }],
    ['a supranational description gives no country', 'Hegseth spoke in Brussels about Ukraine. “It is strange to give away your cards,” a senior European defence official said.', 'It is strange', { kind: 'anonymous', countryCode: null }],
    ['a description that names its speaker', '“We will not stop until our future is returned,” said a 23-year-old student who gave her name only as Nino.', 'We will not', { name: 'Nino', kind: 'person' }],
  ])('%s', (_name, body, prefix, want) => check(body, prefix, want));

  it.each<[string, string, string, Expect]>([
    ['a company introduced by its description', 'Ukraine\'s state energy company Naftogaz said the strike was “the thirteenth massive attack on our facilities”.', 'the thirteenth', { kind: 'organisation', organisation: 'Naftogaz', countryCode: 'UA' }],
    ['a national armed force is the state', '“We shot down most of the drones overnight,” Ukraine\'s Air Force said.', 'We shot', { kind: 'state', countryCode: 'UA' }],
  ])('%s', (_name, body, prefix, want) => check(body, prefix, want));

  it('a dateline names no speaker', () => {
    const body = 'THE HAGUE, Netherlands (AP) — NATO leaders agreed on Wednesday to a new target, in a short declaration.\n“Allies commit to invest five percent of GDP annually,” the declaration says.';
    check(body, 'Allies commit', { kind: 'organisation', organisation: 'NATO', countryCode: null });
  });

  it('a document quotation is attributed to the body that issued it', () => {
    const body = 'NATO leaders adopted a declaration at their summit in Washington on Wednesday. “Russia bears sole responsibility for the war,” the declaration states.';
    check(body, 'Russia bears', { kind: 'organisation', organisation: 'NATO' });
  });

  it('a known actor supplies the country the text does not give', () => {
    const q = quoteStarting(
      extract('“We will veto this package again,” Ivan Novák told reporters.', {}, [
        { name: 'Ivan Novák', aliases: ['Novák'], kind: 'person', countryCode: 'CZ', organisation: null },
      ]),
      'We will veto',
    );
    expect(q.speaker).toMatchObject({ kind: 'person', countryCode: 'CZ' });
  });
});

describe('reported statements', () => {
  it('are extracted as reported, with the same attribution, and never as direct quotes', () => {
    const quotes = extract('Hungary\'s foreign minister Péter Szijjártó said on Tuesday that Budapest would block any invitation for Ukraine to join NATO, UNN reports.', { publishedAt: '2025-03-19' });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      kind: 'reported',
      text: 'Budapest would block any invitation for Ukraine to join NATO',
      speaker: { kind: 'person', countryCode: 'HU' },
      saidAt: '2025-03-18',
    });
    expect(quotes[0]!.speaker!.name).toContain('Szijjártó');
  });

  it.each<[string, string, string]>([
    ['according to X, clause', 'According to two diplomats, France and Germany would prefer to keep some doors open.', 'France and Germany would prefer to keep some doors open'],
    ['clause, X told Y', 'NATO allies remain divided over the new strategy, several diplomats told Euractiv.', 'NATO allies remain divided over the new strategy'],
    ['X said clause without that', 'The officials said no final decision had been taken on the troops.', 'no final decision had been taken on the troops'],
  ])('%s', (_name, body, text) => {
    const reported = extract(body).filter((q) => q.kind === 'reported');
    expect(reported.map((q) => q.text)).toEqual([text]);
  });

  it('an intention is not a statement', () => {
    expect(extract('The Baltic states want the Alliance to formally declare that the Founding Act no longer applies.').filter((q) => q.kind === 'reported')).toEqual([]);
  });
});

describe('cue, speaker mention and confidence', () => {
  it('points at the cue and the mention used', () => {
    const body = '“We value our alliances and want them stronger,” Marco Rubio told reporters.';
    const q = quoteStarting(extract(body), 'We value');
    expect(body.slice(q.speakerMention!.start, q.speakerMention!.end)).toBe('Marco Rubio');
    expect(body.slice(q.cue!.start, q.cue!.end)).toBe('told');
    expect(q.confidence).toBeGreaterThan(0.5);
    expect(q.confidence).toBeLessThanOrEqual(1);
  });
});
