// Reading a dataset document (lib/dataset/document.ts) from untrusted bytes. Two ways in:
// - laid out as the export writes it (one row per line), it is read line by line, so a document
//   of any size is read with memory flat: the bytes are still checked to be one JSON document;
// - laid out any other way (reformatted by a tool, written by hand), it is parsed whole, up to
//   WHOLE_DOCUMENT_LIMIT bytes.
// Either way the caller gets the envelope, then each table's rows in document order, and every
// problem as a DocumentError naming where it is.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { envelopeSchema, firstIssue, type Envelope } from './document';

export const WHOLE_DOCUMENT_LIMIT = 256 * 1024 * 1024;

/** The document is not what it should be; `message` names the place (a path or a line). */
export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentError';
  }
}

export type TableRows = { name: string; rows: Iterable<unknown> };
export type DatasetDocument = { envelope: Envelope; tables: Iterable<TableRows> };

/** Lines of a UTF-8 file, read in large chunks; a CR before the LF is dropped. */
function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunk = Buffer.alloc(4 << 20);
  let carry = '';
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      let text: string;
      try {
        text = carry + decoder.decode(chunk.subarray(0, read), { stream: read > 0 });
      } catch {
        throw new DocumentError('the file is not UTF-8 text');
      }
      const lines = text.split('\n');
      carry = lines.pop()!;
      for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line;
      if (read === 0) break;
    }
    if (carry) yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
  } finally {
    closeSync(fd);
  }
}

const HEADER_END = ',"tables":{';
const TABLE_OPEN = /^("(?:[^"\\]|\\.)*"):\[$/;

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DocumentError(`${where}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function validEnvelope(value: unknown): Envelope {
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) throw new DocumentError(firstIssue(parsed.error));
  return parsed.data;
}

/** Whether the file starts as the export writes it: the envelope on the first line, then `"tables":{`. */
function firstLine(path: string): string | null {
  for (const line of fileLines(path)) return line;
  return null;
}

export function readDocument(path: string): DatasetDocument {
  const first = firstLine(path);
  if (first !== null && first.startsWith('{') && first.endsWith(HEADER_END)) return readByLines(path, first);
  const size = statSync(path).size;
  if (size > WHOLE_DOCUMENT_LIMIT) {
    throw new DocumentError(
      `the file is ${Math.round(size / 1e6)} MB and not laid out as npm run export writes it (one row per line); other layouts are read whole, up to ${WHOLE_DOCUMENT_LIMIT / 1024 / 1024} MB`,
    );
  }
  return readWhole(path);
}

function readWhole(path: string): DatasetDocument {
  let text = '';
  for (const line of fileLines(path)) text += `${line}\n`;
  const value = parseJson(text, 'the document');
  const envelope = validEnvelope(value);
  return { envelope, tables: Object.entries(envelope.tables).map(([name, rows]) => ({ name, rows })) };
}

function readByLines(path: string, header: string): DatasetDocument {
  const envelope = validEnvelope(parseJson(`${header}}}`, 'line 1'));
  if (Object.keys(envelope.tables).length) throw new DocumentError('line 1: the tables come after the first line');
  return { envelope, tables: tablesByLines(path) };
}

/** The tables of a document laid out one row per line; checks the commas and brackets as JSON would. */
function* tablesByLines(path: string): Generator<TableRows> {
  const lines = fileLines(path);
  let number = 1;
  const next = (): string | undefined => {
    const result = lines.next();
    if (result.done) return undefined;
    number++;
    return result.value;
  };
  lines.next(); // the header, read already
  const names = new Set<string>();
  let more = true;
  try {
    for (;;) {
      const line = next();
      if (line === undefined) throw new DocumentError(`line ${number}: the document ends before its closing }}`);
      if (line === '}}') {
        if (more && names.size) throw new DocumentError(`line ${number}: a table was expected after the comma on line ${number - 1}`);
        break;
      }
      if (!more) throw new DocumentError(`line ${number}: expected }} after the last table (line ${number - 1} has no comma)`);
      const open = TABLE_OPEN.exec(line);
      if (!open) throw new DocumentError(`line ${number}: expected "table":[ or }}`);
      const name = parseJson(open[1]!, `line ${number}`) as string;
      if (names.has(name)) throw new DocumentError(`tables.${name}: appears twice (line ${number})`);
      names.add(name);
      let closed = false;
      const rows = function* (): Generator<unknown> {
        let expectRow: boolean | null = null; // null: first line of the table, a row or ]
        for (;;) {
          const row = next();
          if (row === undefined) throw new DocumentError(`line ${number}: the document ends inside tables.${name}`);
          if (row === ']' || row === '],') {
            if (expectRow === true) throw new DocumentError(`line ${number}: a row was expected after the comma on line ${number - 1}`);
            more = row === '],';
            closed = true;
            return;
          }
          if (expectRow === false) throw new DocumentError(`line ${number}: expected ] after the last row of tables.${name} (line ${number - 1} has no comma)`);
          const comma = row.endsWith(',');
          yield parseJson(comma ? row.slice(0, -1) : row, `line ${number}`);
          expectRow = comma;
        }
      };
      yield { name, rows: rows() };
      if (!closed) throw new Error(`tables.${name} was not read to its end`);
    }
    for (let rest = next(); rest !== undefined; rest = next()) {
      if (rest.trim() !== '') throw new DocumentError(`line ${number}: text after the end of the document`);
    }
  } finally {
    lines.return(undefined);
  }
}
