// What the operations share: references by slug to live records, the version check, slugs
// derived from names.
import { and, eq, isNull } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { actors, camps, topics } from '@/db/schema';
import { slugFor, uniqueSlug } from '@/lib/slug';
import { ConflictError, ValidationError } from '../errors';
import type { ReadTx } from '../tx';

type Named = { table: SQLiteTable; id: SQLiteColumn; slug: SQLiteColumn; deletedAt: SQLiteColumn; noun: string };

const NAMED = {
  actor: { table: actors, id: actors.id, slug: actors.slug, deletedAt: actors.deletedAt, noun: 'actor' },
  topic: { table: topics, id: topics.id, slug: topics.slug, deletedAt: topics.deletedAt, noun: 'topic' },
  camp: { table: camps, id: camps.id, slug: camps.slug, deletedAt: camps.deletedAt, noun: 'camp' },
} satisfies Record<string, Named>;

/** The id of the live actor, topic or camp with this slug; else 400 naming the field. */
export function liveIdBySlug(tx: ReadTx, kind: keyof typeof NAMED, slug: string, field: string): number {
  const named = NAMED[kind];
  const row = tx
    .select({ id: named.id })
    .from(named.table)
    .where(and(eq(named.slug, slug), isNull(named.deletedAt)))
    .get() as { id: number } | undefined;
  if (!row) throw ValidationError.field(field, `${JSON.stringify(slug)} names no ${named.noun}`);
  return row.id;
}

/** A slug for a new record: the one given, else one derived from its name that no record has. */
export function slugForNew(tx: ReadTx, kind: keyof typeof NAMED, given: string | undefined, name: string): string {
  if (given) return given;
  const named = NAMED[kind];
  return uniqueSlug(slugFor(name, kind), (slug) => tx.select({ id: named.id }).from(named.table).where(eq(named.slug, slug)).get() !== undefined);
}

/** Refuses (409, with the record as it is now) an update that names an older version. */
export function checkVersion(current: { version: number }, expected: number | undefined, view: () => unknown, noun: string): void {
  if (expected !== undefined && expected !== current.version) {
    throw new ConflictError(`The ${noun} has changed since version ${expected}: it is at version ${current.version}. Reload it and apply the change again`, view(), 'version');
  }
}

/** The fields of `patch` that are set, without `version`. */
export function changes<T extends Record<string, unknown>>(patch: T): Partial<Omit<T, 'version'>> {
  const { version: _version, ...rest } = patch;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<Omit<T, 'version'>>;
}
