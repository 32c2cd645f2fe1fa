// The dataset document: one JSON object, the same bytes for the same data.
//
//   {"format":"standpoint-dataset","formatVersion":1,"schema":{...},"sequences":{...},"tables":{
//   "sources":[
//   {"id":1,"title":"…",…},
//   {"id":2,…}
//   ],
//   "actors":[
//   …
//   ]
//   }}
//
// Tables come parents first, rows in primary-key order, one row per line, keys in the schema's
// column order, values as SQLite stores them. Nothing about the export itself (no time, no host)
// is in it, so that exporting the same data twice gives the same bytes.
import { z } from 'zod';
import { SECRET_LOOKING_COLUMN } from './policy';
import type { DatasetColumn, DatasetTable } from './tables';

export const FORMAT = 'standpoint-dataset';
export const FORMAT_VERSION = 1;

export const envelopeSchema = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  schema: z.strictObject({
    /** How many migrations the exporting database had applied. */
    migrations: z.int().positive(),
    /** The last one's hash (drizzle's __drizzle_migrations.hash). */
    lastMigration: z.string().regex(/^[0-9a-f]{64}$/, 'expected a migration hash (64 hex digits)'),
  }),
  /** sqlite_sequence per AUTOINCREMENT table: ids are never handed out twice, even after the move. */
  sequences: z.record(z.string(), z.int().nonnegative()),
  tables: z.record(z.string(), z.array(z.unknown())),
});
export type Envelope = z.infer<typeof envelopeSchema>;

const isJsonText = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

function valueSchema(column: DatasetColumn): z.ZodType {
  let value: z.ZodType;
  switch (column.kind) {
    case 'integer':
      value = z.int();
      break;
    case 'boolean':
      value = z.union([z.literal(0), z.literal(1)], { error: 'expected 0 or 1' });
      break;
    case 'real':
      value = z.number();
      break;
    case 'json':
      value = z.string().refine(isJsonText, 'expected JSON text');
      break;
    case 'text':
      value = column.enumValues ? z.enum(column.enumValues as [string, ...string[]]) : z.string();
      break;
  }
  if (column.nullable) value = value.nullable();
  return column.optional ? value.optional() : value;
}

const rowSchemas = new WeakMap<DatasetTable, z.ZodType<Record<string, unknown>>>();

/** One row of a table as the document carries it: no unknown keys, every value of its column's kind. */
export function rowSchema(table: DatasetTable): z.ZodType<Record<string, unknown>> {
  let found = rowSchemas.get(table);
  if (!found) {
    found = z.strictObject(Object.fromEntries(table.columns.map((c) => [c.name, valueSchema(c)]))) as unknown as z.ZodType<Record<string, unknown>>;
    rowSchemas.set(table, found);
  }
  return found;
}

/** `tables.quotes[17].review_state` */
export function documentPath(parts: readonly PropertyKey[]): string {
  let path = '';
  for (const part of parts) {
    if (typeof part === 'number') path += `[${part}]`;
    else path += path ? `.${String(part)}` : String(part);
  }
  return path || '(the document)';
}

/** The first problem zod found, as "path: message". */
export function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): string {
  const issue = error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = documentPath([...prefix, ...issue.path, ...(keys.length === 1 ? keys : [])]);
  const message = issue.code === 'unrecognized_keys' ? (keys.length === 1 ? 'not a column of this table' : `unknown keys ${keys.join(', ')}`) : issue.message;
  return `${path}: ${message}`;
}

/** What the export writes in place of a value inside a JSON column whose key looks like a secret. */
export const SECRET_LEFT_OUT = '(left out of the export: looks like a secret)';

/**
 * JSON text with the value of every key that looks like a secret (an audit entry's `tokenHash`,
 * say) replaced by SECRET_LEFT_OUT; the text itself, byte for byte, when there is none.
 */
export function withoutSecrets(text: string): { text: string; leftOut: number } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { text, leftOut: 0 };
  }
  let leftOut = 0;
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([key, inner]) => {
        // A flag such as `passwordChanged: true` says that, not what: no secret in it.
        if (!SECRET_LOOKING_COLUMN.test(key) || inner === null || typeof inner === 'boolean' || inner === SECRET_LEFT_OUT) return [key, clean(inner)];
        leftOut++;
        return [key, SECRET_LEFT_OUT];
      }),
    );
  };
  const cleaned = clean(value);
  return leftOut ? { text: JSON.stringify(cleaned), leftOut } : { text, leftOut: 0 };
}

/**
 * A row serialised in the table's column order; integers come from SQLite as BigInt (exact).
 * `onLeftOut` hears of each JSON column value that had secrets taken out.
 */
export function serialiseRow(table: DatasetTable, values: readonly unknown[], path: () => string, onLeftOut?: (column: string, count: number) => void): string {
  let out = '{';
  for (let i = 0; i < table.columns.length; i++) {
    let value = values[i];
    if (table.columns[i]!.kind === 'json' && typeof value === 'string') {
      const cleaned = withoutSecrets(value);
      if (cleaned.leftOut) onLeftOut?.(table.columns[i]!.name, cleaned.leftOut);
      value = cleaned.text;
    }
    if (typeof value === 'bigint') {
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new Error(`${path()}.${table.columns[i]!.name}: ${value} is beyond the integers JSON carries exactly`);
      value = Number(value);
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`${path()}.${table.columns[i]!.name}: ${value} cannot be written as JSON`);
    } else if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${path()}.${table.columns[i]!.name}: a ${typeof value} value (a blob?) is not carried by the dataset format`);
    }
    out += `${i ? ',' : ''}${JSON.stringify(table.columns[i]!.name)}:${JSON.stringify(value)}`;
  }
  return `${out}}`;
}
