// CSV export. Cells a spreadsheet would read as a formula are neutralised with a leading quote
// (OWASP's advice for CSV injection), so opening an export never runs anything.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
// A spreadsheet that splits on another separator than ours (`;` where the decimal mark is a
// comma, or tab) sees a quote only at the start of its own fields, so `1,"a;=1+1"` opens there
// as `1,"a` and `=1+1`: quoting alone does not help past the first column. A formula start
// right after a separator, a line break or a quote (which such a split can leave at the start
// of a field) inside a cell is neutralised like a leading one.
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n"])([=+\-@])/g;

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number is data, never a formula: a position of -2 must export as -2, not '-2.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = (Array.isArray(value) ? value.join(' ') : String(value)).replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

/**
 * Cells holding anything a spreadsheet may split on are quoted: its field separators (comma,
 * semicolon in locales with a decimal comma, tab), line breaks and the quote itself.
 * Unquoted, `a;=1+1` opens as two cells, the second a formula, in a spreadsheet that splits
 * on semicolons. (csv-stringify on its own quotes only commas, quotes and a full CRLF.)
 */
export const QUOTE_CELLS_MATCHING = /[,;\t\r\n"]/;

/** CSV text of `rows`; with `header: false`, a continuation of an export already under way. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], { header = true }: { header?: boolean } = {}): string {
  if (!header && rows.length === 0) return '';
  return stringify(
    rows.map((row) => columns.map((c) => neutraliseCell(c.value(row)))),
    { header, columns: columns.map((c) => c.header), record_delimiter: '\r\n', quoted_match: QUOTE_CELLS_MATCHING },
  );
}
