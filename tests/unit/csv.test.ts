// CSV export: formula-looking cells are neutralised, and quoting survives a parse back.
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
    ['\r=1', "'\r=1"],
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
