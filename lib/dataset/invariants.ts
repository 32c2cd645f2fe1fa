// Rules of the data that SQLite's constraints do not express, checked on every imported row as
// the write path checks them on every write. Each returns the problem, or null.

export type InvariantContext = {
  /** The stored body of a source already imported, or undefined. */
  sourceBody: (id: number) => string | undefined;
};

type Invariant = (row: Record<string, unknown>, context: InvariantContext) => { column: string; problem: string } | null;

export const ROW_INVARIANTS: Readonly<Record<string, Invariant>> = {
  // Offsets are UTF-16 code units (JS string indices) into the body as stored.
  quotes: (row, { sourceBody }) => {
    const body = sourceBody(row.source_id as number);
    if (body === undefined) return null; // a missing source is reported by the foreign key check
    const start = row.start as number;
    const end = row.end as number;
    const text = row.text as string;
    if (end > body.length) return { column: 'end', problem: `is past the end of source ${String(row.source_id)}'s body (${body.length} characters)` };
    const slice = body.slice(start, end);
    if (slice !== text) return { column: 'text', problem: `is not the source's body from start to end (which reads ${JSON.stringify(slice.length > 60 ? `${slice.slice(0, 60)}…` : slice)})` };
    return null;
  },
};
