// CSV export: formula-looking cells are neutralised, and quoting survives a parse back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv, type CsvColumn } from '@/lib/csv';
import { parseCsv } from '@/tests/support/csv';

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tHYPERLINK', "'\tHYPERLINK"],
    ['\r=1', "'\r'=1"],
    ['=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'],
  ])('prefixes %j with a quote', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each([
    ['Hungary', 'Hungary'],
    ['a = b', 'a = b'],
    ['NATO-Russia', 'NATO-Russia'],
    ['', ''],
    [' =leading space', ' =leading space'],
    ["'already quoted", "'already quoted"],
  ])('leaves %j untouched', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each([
    [null, ''],
    [undefined, ''],
  ])('writes %s as an empty cell', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each([
    [0, '0'],
    [2, '2'],
    [-2, '-2'],
    [-0.5, '-0.5'],
  ])('writes the number %d as itself: numbers cannot carry a formula', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it('joins arrays with spaces and neutralises the result', () => {
    expect(neutraliseCell([1, 2, 3])).toBe('1 2 3');
    expect(neutraliseCell(['=1', 'x'])).toBe("'=1 x");
  });
});

describe('toCsv', () => {
  type Row = { id: number; text: string | null };
  const columns: CsvColumn<Row>[] = [
    { header: 'id', value: (r) => r.id },
    { header: 'text', value: (r) => r.text },
  ];

  it('writes a header row even when there are no rows', () => {
    expect(parseCsv(toCsv([], columns))).toEqual([['id', 'text']]);
  });

  it('ends records with CRLF', () => {
    expect(toCsv([{ id: 1, text: 'a' }], columns)).toBe('id,text\r\n1,a\r\n');
  });

  const tricky = [
    'plain',
    'with, comma',
    'with "double" quotes',
    'line\nbreak',
    'crlf\r\ninside',
    'bare\rreturn',
    '"starts with a quote',
    '',
    'trailing comma,',
    'Kyiv • UNN — “curly”',
  ];
  it.each(tricky)('round-trips %j through a CSV parser', (text) => {
    const rows = parseCsv(toCsv([{ id: 7, text }, { id: 8, text: 'after' }], columns));
    expect(rows).toEqual([
      ['id', 'text'],
      ['7', text],
      ['8', 'after'],
    ]);
  });

  it.each([
    ['a;b', '"a;b"'],
    ['a;=1+1', `"a;'=1+1"`],
    ['x\ty', '"x\ty"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['bare\rreturn', '"bare\rreturn"'],
  ])('quotes %j, which holds a separator a spreadsheet may split on', (text, cell) => {
    expect(toCsv([{ id: 1, text }], columns)).toBe(`id,text\r\n1,${cell}\r\n`);
  });

  it.each(['plain words', 'NATO-Russia', 'a = b', '2025-04-02', 'Kyiv • UNN'])('leaves %j unquoted', (text) => {
    expect(toCsv([{ id: 1, text }], columns)).toBe(`id,text\r\n1,${text}\r\n`);
  });

  it('neutralises every formula start in a cell that holds separators', () => {
    expect(toCsv([{ id: 1, text: '=1+1;=2+2' }], columns)).toBe(`id,text\r\n1,"'=1+1;'=2+2"\r\n`);
  });

  // Whatever separator a spreadsheet splits on, and whether or not it honours quotes, no field
  // it sees may begin a formula.
  const FORMULA = /^[=+\-@]/;
  const SEPARATORS = [',', ';', '\t'] as const;
  const cellText = fc.string({ unit: fc.constantFrom('a', '1', ' ', '=', '+', '-', '@', ',', ';', '\t', '\n', '\r', '"', "'") });

  it('no field begins a formula, split on , ; or tab, quote-aware or naive (property)', () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 3 }), (texts) => {
        const csv = toCsv(
          texts.map((text, i) => ({ id: i + 1, text })),
          columns,
        );
        for (const separator of SEPARATORS) {
          for (const fields of [...splitQuoteAware(csv, separator), ...splitNaive(csv, separator)]) {
            for (const field of fields) expect(field, `${JSON.stringify(csv)} split on ${JSON.stringify(separator)}`).not.toMatch(FORMULA);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the property above catches the unquoted and the quoted-but-unneutralised forms', () => {
    // The v0 output for `a;=1+1`, and the same cell quoted but not neutralised.
    for (const csv of ['id,text\r\n1,a;=1+1\r\n', 'id,text\r\n1,"a;=1+1"\r\n']) {
      const fields = splitQuoteAware(csv, ';').flat();
      expect(fields.some((f) => FORMULA.test(f))).toBe(true);
    }
  });

  it('neutralises formula cells inside the file and writes null as empty', () => {
    const rows = parseCsv(toCsv([{ id: -1, text: '=1+2' }, { id: 2, text: null }], columns));
    expect(rows).toEqual([
      ['id', 'text'],
      ['-1', "'=1+2"],
      ['2', ''],
    ]);
  });
});

describe('parseCsv (the test helper itself)', () => {
  it('rejects an unquoted line feed, so quoting mistakes cannot pass silently', () => {
    expect(() => parseCsv('a,b\nc')).toThrow();
    expect(() => parseCsv('"open')).toThrow();
  });
});

/**
 * Splits CSV text the way spreadsheets do for a given separator: a field that starts with a
 * quote runs to its closing quote, any other quote is a plain character.
 */
function splitQuoteAware(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        field += text[i] === '"' ? '"' : text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    }
    while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    fields.push(field);
    if (text[i] === separator) {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    records.push(fields);
    fields = [];
  }
  if (fields.length) records.push(fields);
  return records;
}

/** Splits ignoring quotes altogether: lines, then separators. */
function splitNaive(text: string, separator: string): string[][] {
  return text.split(/\r\n|\r|\n/).map((line) => line.split(separator));
}
