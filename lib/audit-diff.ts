// What an audit entry changed, field by field, for people to read: the fields whose values
// differ between the record before and after (bookkeeping fields left out), each value as text.

/** Fields every record carries that say nothing about its content. */
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt', 'id']);

export type FieldChange = { field: string; before: string | null; after: string | null };

export function valueText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v) ?? '—').join(', ');
  return JSON.stringify(value);
}

const asObject = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/**
 * The changed fields, in the order the record lists them (after, then fields only before had).
 * A creation lists every field it set; a deletion, the fields it cleared.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asObject(before) ?? {};
  const a = asObject(after) ?? {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !BOOKKEEPING.has(f));
  return fields.flatMap((field) => {
    const was = valueText(b[field]);
    const now = valueText(a[field]);
    return JSON.stringify(b[field] ?? null) === JSON.stringify(a[field] ?? null) ? [] : [{ field, before: was, after: now }];
  });
}
