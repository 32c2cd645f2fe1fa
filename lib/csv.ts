// CSV export. Cells a spreadsheet would read as a formula are neutralised with a leading quote
// (OWASP's advice for CSV injection), so opening an export never runs anything.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number is data, never a formula: a position of -2 must export as -2, not '-2.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

/** CSV text of `rows`; with `header: false`, a continuation of an export already under way. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], { header = true }: { header?: boolean } = {}): string {
  if (!header && rows.length === 0) return '';
  return stringify(
    rows.map((row) => columns.map((c) => neutraliseCell(c.value(row)))),
    // csv-stringify quotes only a full CRLF; a bare LF or CR in a cell must be quoted too, or it splits the record.
    { header, columns: columns.map((c) => c.header), record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
}
