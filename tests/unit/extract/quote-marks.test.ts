import { describe, expect, it } from 'vitest';
import { direct, extract } from './helpers';

// Which spans come out as direct quotes, for every quote style the issue lists.
describe('quote marks', () => {
  it.each<[string, string, string[]]>([
    ['straight double', 'He said "we will not accept this deal" and left.', ['we will not accept this deal']],
    ['curly double', 'He said “we will not accept this deal” and left.', ['we will not accept this deal']],
    [
      'British single quotes with apostrophes inside',
      "Lammy said: 'I respect the Lords' decision, but it's not a question of whether we act.'",
      ["I respect the Lords' decision, but it's not a question of whether we act."],
    ],
    [
      'British single quotes with curly apostrophes and a possessive plural',
      'The minister said: ‘The allies’ position is clear and it’s not changing.’ She left. Later: ‘We’ll see what Moscow does next.’',
      ['The allies’ position is clear and it’s not changing.', 'We’ll see what Moscow does next.'],
    ],
    ['guillemets', 'Peskov said: «Sanctions will never change our course». ', ['Sanctions will never change our course']],
    ['reversed guillemets', 'Er sagte: »Wir müssen bis 2029 bereit sein«, so Pistorius.', ['Wir müssen bis 2029 bereit sein']],
    ['low-high German marks', 'Merz said: „Deutschland wird seine Verantwortung übernehmen“.', ['Deutschland wird seine Verantwortung übernehmen']],
    [
      'a quote nested in another stays inside it',
      '“He told me, ‘I want this war to end quickly,’ and I believe him,” Stubb said.',
      ['He told me, ‘I want this war to end quickly,’ and I believe him,'],
    ],
    [
      'split quote gives two quotes',
      '“Russia is not interested in peace,” Kallas said. “It is interested in capitulation.”',
      ['Russia is not interested in peace,', 'It is interested in capitulation.'],
    ],
    [
      'multi-paragraph quote reopening without closing',
      'Zelensky said:\n“Every day we hear talk about peace.\n“Peace cannot be built on words alone,” he added.\nThen he left.',
      ['Every day we hear talk about peace.', 'Peace cannot be built on words alone,'],
    ],
    [
      'an unclosed mark runs to the end of its paragraph only',
      '"If it is unavoidable, we will stop the supplies, Fico said.\nThe government said nothing more about "the plans for next winter".',
      ['If it is unavoidable, we will stop the supplies, Fico said.', 'the plans for next winter'],
    ],
    [
      'a quote broken by a single line break closes on the next line',
      '“Supporters of other candidates have focused on paid advertising that has a limited effect\non turnout,” Blackwell added.',
      ['Supporters of other candidates have focused on paid advertising that has a limited effect\non turnout,'],
    ],
    [
      'an opener while a quote is open ends the unclosed one',
      '"Nobody will turn Georgia into a second Ukraine, Kobakhidze said, accusing the opposition of "preparing a revolution".',
      ['Nobody will turn Georgia into a second Ukraine, Kobakhidze said, accusing the opposition of', 'preparing a revolution'],
    ],
    ['mixed curly open and straight close', '“We are ready for talks," the minister said.', ['We are ready for talks,']],
    ['doubled apostrophes are not a quotation style we pair', "''We finally may be seeing some wage acceleration,'' Bernstein wrote.", []],
  ])('%s', (_name, body, expected) => {
    expect(direct(body)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['one-word scare quote', 'Talks have been "suspended", a source said.'],
    ['two-word term', 'NATO still supports the "Basic Act" with Russia.'],
    ['a title of two words', 'He starred in “Saturday Live” last year.'],
    ['a signal', 'The strategy could send a “signal” to Moscow.'],
  ])('%s is not a speaker quote', (_name, body) => {
    expect(direct(body)).toEqual([]);
  });

  it('keeps quotes of three words or more, which are statements', () => {
    expect(direct('Another source said: "we don\'t know".')).toEqual(["we don't know"]);
  });

  it('never returns quotes inside scraping junk', () => {
    const body = 'Rutte said: “We are ready to act now.”\nRead also: “Rutte comments on what NATO will do next” 12.02.25, 15:54 • 24764 views';
    const junkStart = body.indexOf('Read also');
    const quotes = extract(body, { junk: [{ start: junkStart, end: body.length }] });
    expect(quotes.map((q) => q.text)).toEqual(['We are ready to act now.']);
  });

  it('gives exact offsets for every style', () => {
    const body = [
      'A said “one two three four”.',
      "B said 'five six seven' and 'eight nine ten'.",
      'C said «eleven twelve thirteen» and „fourteen fifteen sixteen“ and "seventeen eighteen nineteen".',
      'D said “an unclosed quote that runs on',
    ].join('\n');
    for (const q of extract(body)) expect(body.slice(q.start, q.end)).toBe(q.text);
  });
});
