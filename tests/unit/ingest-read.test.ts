// Reading articles from files: each input format, the normalisation that makes one article one
// source, scraping junk, and a one-line refusal for every kind of bad file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/extract/types';
import { bodySha256, findJunk, MAX_FILE_BYTES, normaliseText, readArticle, type InputFormat } from '@/lib/ingest';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'ingest');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function read(name: string, bytes: Uint8Array = fixture(name)) {
  const result = readArticle(name, bytes);
  if (!result.ok) throw new Error(`${name}: ${result.problem}`);
  return result;
}

const junkTexts = (article: Article) => article.junk.map((j) => article.body.slice(j.start, j.end));

describe('input formats', () => {
  type Case = {
    file: string;
    format: InputFormat;
    fields: Omit<Article, 'body' | 'junk'>;
    bodyStarts: string;
    bodyEnds: string;
    junk: string[];
  };
  const none = { title: null, publisher: null, url: null, publishedAt: null, language: null, dateline: null };
  const CASES: Case[] = [
    {
      file: 'seed-style.txt',
      format: 'text',
      fields: { ...none, title: 'Baltic states press allies on air defence ahead of summit', publisher: 'Baltic Times', publishedAt: '2025-03-14', dateline: 'Vilnius • BNS' },
      bodyStarts: "Lithuania's defence minister",
      bodyEnds: '24764 views'.replace('24764', '3121'),
      junk: [
        'Share Tweet Copy link\nRead also: Latvia orders new coastal defence systems\nHungary vetoes EU statement on sanctions: what Szijjártó said14.03.25, 11:02 • 3121 views',
      ],
    },
    {
      file: 'title-dateline.txt',
      format: 'text',
      fields: { ...none, title: 'Slovak prime minister questions new sanctions package', publisher: 'TASR', dateline: 'Bratislava • TASR' },
      bodyStarts: 'Slovak Prime Minister Robert Fico said',
      bodyEnds: 'by ambassadors next week.',
      junk: [],
    },
    {
      // No header: the first line stays in the body (it may hold a quote), the title stays unknown.
      file: 'plain.txt',
      format: 'text',
      fields: none,
      bodyStarts: 'Norway to fund Ukrainian drone production\n\nNorway will spend',
      bodyEnds: 'Nansen support programme.',
      junk: [],
    },
    {
      file: 'front-matter.md',
      format: 'front-matter',
      fields: {
        ...none,
        title: 'Poland and Finland call for tougher line on Russian shadow fleet',
        publisher: 'Notes from Poland',
        url: 'https://example.org/2025/02/shadow-fleet',
        publishedAt: '2025-02-20',
        language: 'en-GB',
      },
      bodyStarts: "Poland's foreign minister Radosław Sikorski",
      bodyEnds: 'in the Gulf of Finland.',
      junk: [],
    },
    {
      // `date` as static site generators write it; a timestamp keeps the date as written, not UTC's.
      file: 'front-matter-minimal.md',
      format: 'front-matter',
      fields: { ...none, title: 'Turkish minister: Black Sea talks must include Ukraine', publishedAt: '2025-01-09' },
      bodyStarts: 'Turkish Foreign Minister Hakan Fidan',
      bodyEnds: 'as well as Russia.',
      junk: [],
    },
    {
      file: 'article.html',
      format: 'html',
      fields: {
        ...none,
        title: 'German minister rules out Taurus delivery',
        publisher: 'Example News',
        url: 'https://news.example.com/politics/taurus',
        publishedAt: '2024-11-05',
        language: 'de-DE',
      },
      bodyStarts: 'Germany will not send Taurus cruise missiles',
      bodyEnds: 'Nordic states agree joint air defence plan',
      junk: ['Share | Tweet | Copy link', 'Read also\n\nBerlin and Paris split over Ukraine guarantees\n\nNordic states agree joint air defence plan'],
    },
    {
      // Metadata only in a JSON-LD @graph (and a <meta name="date"> that the JSON-LD outranks).
      file: 'article-jsonld.html',
      format: 'html',
      fields: { ...none, title: 'Italy backs new EU loan for Kyiv', publisher: 'Roma Daily', url: 'https://roma.example.it/eu-loan', publishedAt: '2024-12-03', language: 'it' },
      bodyStarts: 'Italian Foreign Minister Antonio Tajani',
      bodyEnds: 'as long as it takes," Tajani said at a meeting of foreign ministers in Brussels.\nHe added that Rome would host a reconstruction conference next year.',
      junk: [],
    },
  ];

  it.each(CASES)('$file is read as $format', (c) => {
    const { article, format } = read(c.file);
    expect(format).toBe(c.format);
    const { body, junk: _junk, ...fields } = article;
    expect(fields).toEqual(c.fields);
    expect(body.startsWith(c.bodyStarts), body.slice(0, 80)).toBe(true);
    expect(body.endsWith(c.bodyEnds), body.slice(-80)).toBe(true);
    expect(body).toBe(normaliseText(body));
    expect(junkTexts(article)).toEqual(c.junk);
  });

  it('reads the seed articles: header, dateline and the teaser line as junk', () => {
    const seeds = join(process.cwd(), 'seeds');
    const euractiv = read('000.txt', readFileSync(join(seeds, '000_2b7cb4218ea99be8.txt'))).article;
    expect(euractiv).toMatchObject({ title: 'US actions are holding back NATO in discussing relations with Russia', publisher: 'Euractiv', publishedAt: '2025-04-02', dateline: 'Kyiv • UNN' });
    expect(euractiv.body.startsWith("NATO members' negotiations")).toBe(true);
    expect(junkTexts(euractiv)).toEqual([
      'Rutte comments on contacts between the US and Russia: what the NATO Secretary General said12.02.25, 15:54 • 24764 views',
    ]);
    const politico = read('003.txt', readFileSync(join(seeds, '003_c58422929e737e8f.txt'))).article;
    expect(politico).toMatchObject({ title: 'NATO is considering developing a new strategy for Russia: Media get details', publisher: 'UNN', publishedAt: null, dateline: 'Kyiv • UNN' });
    expect(politico.junk).toEqual([]);
  });

  it('takes an HTML file by its content whatever its name, and an .html fragment by its name', () => {
    const html = fixture('article.html');
    expect(read('saved-page.txt', html).format).toBe('html');
    const fragment = `<div><p>${'The Dutch government said it would keep its F-16 training centre in Romania open. '.repeat(3)}</p></div>`;
    expect(read('fragment.html', utf8(fragment)).format).toBe('html');
    expect(read('fragment.txt', utf8(fragment)).format).toBe('text');
  });
});

describe('normalisation: the same article with other whitespace is one source', () => {
  const original = fixture('seed-style.txt').toString('utf8');
  const variants: [string, string][] = [
    ['CRLF line endings', original.replace(/\n/g, '\r\n')],
    ['CR line endings', original.replace(/\n/g, '\r')],
    ['trailing spaces and tabs on every line', original.replace(/\n/g, ' \t \n')],
    ['blank lines before and after', `\n\n${original}\n\n\n`],
    ['decomposed accents (NFD)', original.normalize('NFD')],
    ['a UTF-8 byte-order mark', `\ufeff${original}`],
  ];
  const reference = read('seed-style.txt').article;

  it('the variants really differ from the original bytes', () => {
    for (const [, text] of variants) expect(text).not.toBe(original);
  });

  it.each(variants)('%s: same body, same hash, same junk', (_name, text) => {
    const { article } = read('variant.txt', utf8(text));
    expect(article.body).toBe(reference.body);
    expect(bodySha256(article.body)).toBe(bodySha256(reference.body));
    expect(article.junk).toEqual(reference.junk);
  });

  it('UTF-16 with a byte-order mark reads as the same article', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]);
    expect(read('utf16.txt', le).article.body).toBe(reference.body);
  });

  it('keeps inner blank lines and leading indentation: only line ends and the two ends are trimmed', () => {
    expect(normaliseText('  a  \r\n\r\n\tb\u00a0\u2028c ')).toBe('a\n\n\tb\nc');
  });
});

describe('junk', () => {
  const JUNK: [string, string][] = [
    ['teaser glued to date, time and views', 'What the minister said12.02.25, 15:54 • 24764 views'],
    ['teaser with a four-digit year and a bar', 'Allies meet in Brussels 03.04.2025 09:10 | 1 204 views'],
    ['share bar', 'Share Tweet Copy link'],
    ['share bar with separators', 'Share on Facebook | Share on X | Copy link'],
    ['share this article', 'Share this article'],
    ['read also line', 'Read also: Latvia orders new coastal defence systems'],
    ['read more line with a bullet', '- READ MORE — Hungary blocks EU statement'],
    ['related line', 'Related: NATO ministers meet in Brussels'],
  ];
  it.each(JUNK)('%s', (_name, line) => {
    const body = `The minister spoke in Riga.\n${line}\nHe left for Vilnius.`;
    expect(findJunk(body).map((j) => body.slice(j.start, j.end))).toEqual([line]);
  });

  const NOT_JUNK: [string, string][] = [
    ['a sentence that mentions sharing', 'The allies share a common border with Russia.'],
    ['a sentence about views', 'Her views on Russia changed in 2022.'],
    ['a date inside a sentence', 'The meeting on 12.02.25, 15:54 was short.'],
    ['"related" in a sentence', 'Related sanctions were adopted in March.'],
    ['a platform name alone', 'Telegram'],
    ['a heading', 'Details'],
  ];
  it.each(NOT_JUNK)('not junk: %s', (_name, line) => {
    expect(findJunk(`The minister spoke in Riga.\n${line}\nHe left for Vilnius.`)).toEqual([]);
  });

  it('a "Read also" heading takes the headlines under it, up to the next paragraph of prose', () => {
    const body = 'Intro paragraph.\nRead also\n- First linked headline\n\nSecond linked headline\nThe article goes on with a sentence.';
    expect(findJunk(body).map((j) => body.slice(j.start, j.end))).toEqual(['Read also\n- First linked headline\n\nSecond linked headline']);
  });
});

describe('bad input: one line that says what is wrong', () => {
  const problem = (name: string, bytes: Uint8Array) => {
    const result = readArticle(name, bytes);
    if (result.ok) throw new Error(`${name} was read, but should have been refused`);
    return result.problem;
  };

  const CASES: [name: string, file: string, bytes: () => Uint8Array, message: string][] = [
    ['an empty file', 'empty.txt', () => Buffer.alloc(0), 'empty file'],
    ['only whitespace', 'blank.txt', () => utf8(' \n\r\n\t \n'), 'no text (the file holds only whitespace)'],
    ['a binary file with NUL bytes', 'data.bin', () => Buffer.from([0x41, 0x42, 0x00, 0x01, 0x43]), 'binary file (it contains NUL bytes), not text or HTML'],
    ['a PDF', 'article.txt', () => utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'binary file (a PDF document), not text or HTML'],
    ['a Word document', 'article.docx', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'binary file (a ZIP archive (a .docx, .odt or .epub is one)), not text or HTML'],
    ['mostly control characters', 'ctl.txt', () => utf8('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'.repeat(3)), 'binary file (mostly control characters), not text or HTML'],
    ['invalid UTF-8 (Windows-1252)', 'latin.txt', () => Buffer.from([0x4f, 0x72, 0x62, 0xe1, 0x6e]), 'not valid UTF-8 (first bad byte at offset 3); save the file as UTF-8'],
    ['a truncated UTF-8 character', 'cut.txt', () => Buffer.concat([utf8('Orb'), Buffer.from([0xc3])]), 'not valid UTF-8 (first bad byte at offset 3); save the file as UTF-8'],
    ['broken front matter', 'broken-front-matter.md', () => fixture('broken-front-matter.md'), 'broken front matter: missed comma between flow collection entries at line 3, column 1'],
    ['unclosed front matter', 'unclosed-front-matter.md', () => fixture('unclosed-front-matter.md'), 'broken front matter: no "---" line closes it'],
    ['front matter that is a list', 'list.md', () => utf8('---\n- a\n- b\n---\nBody.'), 'broken front matter: it must be a list of "key: value" fields'],
    ['a front matter URL that is not http(s)', 'u.md', () => utf8('---\nurl: javascript:alert(1)\n---\nBody.'), 'front matter field "url" must be an http(s) URL, got "javascript:alert(1)"'],
    ['a front matter date that is not a date', 'd.md', () => utf8('---\npublished: last Tuesday\n---\nBody.'), 'front matter field "published" must be a date written YYYY-MM-DD'],
    ['an impossible front matter date', 'd2.md', () => utf8('---\npublished: "2025-02-30"\n---\nBody.'), 'front matter field "published" must be a date written YYYY-MM-DD'],
    ['a front matter language that is not a tag', 'l.md', () => utf8('---\nlanguage: English (UK)\n---\nBody.'), 'front matter field "language" must be a language tag like "en" or "en-GB", got "English (UK)"'],
    ['a front matter title that is a map', 't.md', () => utf8('---\ntitle:\n  en: x\n---\nBody.'), 'front matter field "title" must be text'],
    ['front matter and no text', 'fm-only.md', () => utf8('---\ntitle: Alone\n---\n\n'), 'no article text after the front matter'],
    ['an HTML page with no article', 'no-article.html', () => fixture('no-article.html'), 'no article text found in the HTML page'],
    ['an HTML page with an empty body', 'empty.html', () => utf8('<!doctype html><html><head><title>x</title></head><body></body></html>'), 'no article text found in the HTML page'],
    ['a header line and nothing else', 'h.txt', () => utf8(' date 2025-04-02 Title - Publisher\nKyiv • UNN\n'), 'no article text after the header'],
    ['a header with an impossible date', 'h2.txt', () => utf8(' date 2025-02-30 Title - Publisher\nText.'), 'the header line has an impossible date "2025-02-30"'],
  ];

  it.each(CASES)('%s', (_name, file, bytes, message) => {
    expect(problem(file, bytes())).toBe(message);
  });

  it(`a 50 MB file is refused by its size (the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`, () => {
    expect(problem('huge.txt', Buffer.alloc(50 * 1024 * 1024, 'a'))).toBe('file is too large (50.0 MB; the limit is 5 MB)');
    expect(readArticle('limit.txt', Buffer.alloc(MAX_FILE_BYTES, 'a')).ok).toBe(true);
  });

  it('never evaluates JavaScript front matter', () => {
    const probe = globalThis as { ingestProbe?: boolean };
    const text = '---js\n{ title: (() => { globalThis.ingestProbe = true; return "x"; })() }\n---\nBody text.';
    expect(problem('evil.md', utf8(text))).toBe('front matter in "js" is not read; only YAML is');
    expect(probe.ingestProbe).toBeUndefined();
  });
});

describe('readArticle on arbitrary input (property)', () => {
  const INTERNAL = 'could not be read (internal error';
  const check = (name: string, bytes: Uint8Array) => {
    const result = readArticle(name, bytes);
    if (!result.ok) {
      expect(result.problem).not.toContain(INTERNAL);
      expect(result.problem).not.toContain('\n');
      return;
    }
    const { body, junk } = result.article;
    expect(body.length).toBeGreaterThan(0);
    expect(normaliseText(body)).toBe(body);
    let previousEnd = -1;
    for (const span of junk) {
      expect(span.start).toBeGreaterThan(previousEnd);
      expect(span.end).toBeGreaterThan(span.start);
      expect(span.end).toBeLessThanOrEqual(body.length);
      previousEnd = span.end;
    }
  };

  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('a.txt', 'a.md', 'a.html'), (bytes, name) => check(name, bytes)), { numRuns: 400 });
  });

  it('arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), fc.constantFrom('a.txt', 'a.html'), (text, name) => check(name, utf8(text))), { numRuns: 400 });
  });

  // Pieces of every format, shuffled together, reach the format readers' corners far more often
  // than random characters do.
  const PIECES = [
    '---', '---\n', '---js\n', 'title: x\n', 'published: 2025-01-01\n', 'url: http://a.b\n', ': [', ' date 2025-04-02 T - P\n', ' date 2025-13-01\n',
    'Kyiv • UNN\n', '<html lang="en">', '<p>', '</p>', '<br>', '<script type="application/ld+json">{"@type":"NewsArticle"', '</script>',
    '<meta property="og:title" content="x">', 'Read also\n', 'Share Tweet Copy link\n', 'said12.02.25, 15:54 • 24764 views\n', '"quoted," he said. ',
    'word ', '\r\n', '\n', '\u2028', ' \t', 'e\u0301', '\ufeff', '\u0000', '…', '«', '»',
  ];
  it('shuffled pieces of every format', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.constantFrom('a.txt', 'a.md', 'a.html'), (pieces, name) => check(name, utf8(pieces.join('')))),
      { numRuns: 600 },
    );
  });
});
